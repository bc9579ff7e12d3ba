"""TF-IDF vectors over content stems, so that sentences are compared one way everywhere."""

from __future__ import annotations

from scipy.sparse import csr_matrix
from sklearn.feature_extraction.text import TfidfVectorizer

from summarizer.language.text import analyzer


def tfidf_matrix(texts: list[str], fit_on: list[str] | None = None) -> csr_matrix:
    """L2-normalised TF-IDF rows for `texts`; IDF learnt from `fit_on` (default: `texts`).

    Rows are unit vectors, so `m @ m.T` is the cosine similarity matrix.
    """
    vectorizer = TfidfVectorizer(analyzer=analyzer, sublinear_tf=True)
    try:
        vectorizer.fit(fit_on if fit_on is not None else texts)
    except ValueError:  # no English word at all: every sentence is equally unrelated
        return csr_matrix((len(texts), 1))
    return vectorizer.transform(texts).tocsr()
