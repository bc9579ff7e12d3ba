"""TF-IDF built on scipy.sparse, held to scikit-learn's TfidfVectorizer on real sentences."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from summarizer.language.similarity import learn_idf, tfidf_matrix, unit_rows, weigh
from summarizer.language.text import analyzer
from tests.conftest import SEEDS

SENTENCES = [s for path in sorted(SEEDS.glob("*.txt"))
             for s in path.read_text(encoding="utf-8").split(". ") if s.strip()]


def sklearn_matrix(texts: list[str], fit_on: list[str]) -> np.ndarray:
    vectorizer = TfidfVectorizer(analyzer=analyzer, sublinear_tf=True).fit(fit_on)
    return vectorizer.transform(texts).toarray()


@pytest.mark.parametrize("split", [None, 40])
def test_the_same_cosines_as_scikit_learn(split: int | None) -> None:
    texts = SENTENCES[:split] if split else SENTENCES
    fit_on = SENTENCES[split:] if split else SENTENCES
    ours = tfidf_matrix(texts, fit_on if split else None)
    theirs = sklearn_matrix(texts, fit_on)
    assert ours.shape[0] == len(texts)
    np.testing.assert_allclose((ours @ ours.T).toarray(), theirs @ theirs.T, atol=1e-12)


def test_no_word_to_learn_from_gives_zero_rows() -> None:
    m = tfidf_matrix(["...", "?"])
    assert m.shape[0] == 2 and m.nnz == 0


def test_unit_rows_leaves_a_zero_row_alone() -> None:
    from scipy.sparse import csr_matrix

    m = unit_rows(csr_matrix(np.array([[3.0, 4.0], [0.0, 0.0]])))
    np.testing.assert_allclose(m.toarray(), [[0.6, 0.8], [0.0, 0.0]])


@pytest.mark.parametrize("split", [None, 40])
def test_counted_texts_weigh_as_scikit_learn_does(split: int | None) -> None:
    """Counts kept from earlier (the archive's) give the same cosines as the texts; a word
    the IDF was not learnt on is left out, as scikit-learn's transform leaves it out."""
    texts = SENTENCES[:split] if split else SENTENCES
    fit_on = SENTENCES[split:] if split else SENTENCES
    ours = weigh((Counter(analyzer(t)) for t in texts),
                 *learn_idf(Counter(analyzer(t)) for t in fit_on))
    theirs = sklearn_matrix(texts, fit_on)
    assert ours.shape[0] == len(texts)
    np.testing.assert_allclose((ours @ ours.T).toarray(), theirs @ theirs.T, atol=1e-12)


def test_nothing_learnt_weighs_every_text_as_nothing() -> None:
    m = weigh([{"rain": 2}, {}], *learn_idf([]))
    assert m.shape[0] == 2 and not m.sum()
