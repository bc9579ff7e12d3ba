"""TF-IDF vectors over content stems, so that sentences are compared one way everywhere.

The weighting is scikit-learn's `TfidfVectorizer(sublinear_tf=True)`: term
frequency 1 + ln(tf), smoothed IDF ln((1 + n) / (1 + df)) + 1, rows scaled to
unit length. It is built here on `scipy.sparse` because importing scikit-learn
(which loads `scipy.stats`) took longer than a whole brief without a model
spends on its work; `tests/language/test_similarity.py` holds it to
scikit-learn's matrices.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterable, Mapping

import numpy as np
from scipy.sparse import csr_matrix, diags

from summarizer.language.text import analyzer


def tfidf_matrix(texts: list[str], fit_on: list[str] | None = None) -> csr_matrix:
    """L2-normalised TF-IDF rows for `texts`; IDF learnt from `fit_on` (default: `texts`).

    Rows are unit vectors, so `m @ m.T` is the cosine similarity matrix. With no word
    to learn from, every row is zero: every text is equally unrelated.

    >>> m = tfidf_matrix(["Kim ordered missiles.", "Kim ordered shells.", "Rain fell."])
    >>> round(float((m @ m.T)[0, 1]), 3), round(float((m @ m.T)[0, 2]), 3)
    (0.536, 0.0)
    """
    counted = [Counter(analyzer(t)) for t in texts]
    learnt = counted if fit_on is None else [Counter(analyzer(t)) for t in fit_on]
    return weigh(counted, *learn_idf(learnt))


def smoothed_idf(document_frequency: np.ndarray, documents: int) -> np.ndarray:
    """scikit-learn's smoothed IDF: ln((1 + n) / (1 + df)) + 1."""
    return np.log((1 + documents) / (1 + document_frequency)) + 1


def learn_idf(counts: Iterable[Mapping[str, int]]) -> tuple[dict[str, int], np.ndarray]:
    """Each feature's column and smoothed IDF, from the texts' feature counts (as `analyzer`
    gives them), read one text at a time: `tfidf_matrix`'s weighting for texts analysed
    earlier, learnt without holding them."""
    seen: Counter[str] = Counter()
    documents = 0
    for features in counts:
        seen.update(features.keys())
        documents += 1
    column = {f: i for i, f in enumerate(seen)}
    return column, smoothed_idf(np.fromiter(seen.values(), float, len(seen)), documents)


def weigh(counts: Iterable[Mapping[str, int]], column: dict[str, int], idf: np.ndarray,
          ) -> csr_matrix:
    """Unit TF-IDF rows from each text's feature counts, with `learn_idf`'s columns and IDF;
    a feature it did not learn is left out. Read into compact arrays, one text at a time.

    >>> texts = [{"kim": 1, "missil": 2}, {"kim": 1, "shell": 1}, {"rain": 1}]
    >>> m = weigh(texts, *learn_idf(texts))
    >>> round(float((m @ m.T)[0, 1]), 3), round(float((m @ m.T)[0, 2]), 3)
    (0.248, 0.0)
    """
    unknown = len(column)  # a feature not learnt goes to one more column, weighted 0
    starts, indices, tf = array("q", [0]), array("q"), array("q")
    for features in counts:
        indices.extend([column.get(f, unknown) for f in features])
        tf.extend(features.values())
        starts.append(len(indices))
    weights = np.append(idf, 0.0)[np.asarray(indices)] * (1 + np.log(np.asarray(tf, float)))
    matrix = csr_matrix((weights, np.asarray(indices), np.asarray(starts)),
                        shape=(len(starts) - 1, unknown + 1))
    matrix.eliminate_zeros()  # the features not learnt
    return unit_rows(matrix)


def unit_rows(matrix: csr_matrix) -> csr_matrix:
    """Each row scaled to length 1 (a zero row stays zero)."""
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return (diags(1 / norms) @ matrix).tocsr()
