"""Word helpers (text.py) and TF-IDF vectors (similarity.py)."""

from __future__ import annotations

import numpy as np
import pytest

from summarizer.language.similarity import tfidf_matrix
from summarizer.language.text import analyzer, content_stems, numbers, proper_names, stem, words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kim’s 8,700-ton sub", ["kim's", "8,700", "ton", "sub"]),
        ("U.S. officials", ["u", "s", "officials"]),
        ("'quoted' -dash-", ["quoted", "dash"]),
        ("", []),
    ],
)
def test_words(text: str, expected: list[str]) -> None:
    assert words(text) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("ordered", "order"), ("orders", "order"), ("factories", "factori"), ("kim's", "kim")],
)
def test_stem(word: str, expected: str) -> None:
    assert stem(word) == expected


def test_content_stems_drop_function_words_and_numbers() -> None:
    assert content_stems("The 3 factories were ordered by Kim, not by them") == [
        "factori",
        "order",
        "kim",
        "not",
    ]


def test_analyzer_adds_numbers() -> None:
    assert analyzer("Kim sent 15,000 troops") == ["kim", "sent", "troop", "15000"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("around 15,000 troops and an 8,700-ton submarine in 2026", ["15000", "8700", "2026"]),
        ("1.5 million and 2.", ["1.5", "2"]),
        ("version3 and v2", []),  # digits glued to letters are not numbers
        ("no numbers", []),
    ],
)
def test_numbers(text: str, expected: list[str]) -> None:
    assert numbers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The agency said Kim visited Pyongyang.", {"kim", "pyongyang"}),
        ("Kim visited. Putin stayed.", set()),  # first words of sentences are skipped
        ("Officials said: Seoul agreed.", set()),
        ("He met NATO and Kim’s sister.", {"nato", "kim"}),
    ],
)
def test_proper_names(text: str, expected: set[str]) -> None:
    assert proper_names(text) == expected


def test_tfidf_rows_are_unit_vectors_and_cosines() -> None:
    texts = [
        "Kim ordered new missile factories.",
        "Kim ordered new missile factories.",
        "Heavy rain flooded Java.",
    ]
    m = tfidf_matrix(texts)
    assert m.shape[0] == 3
    sim = (m @ m.T).toarray()
    assert np.allclose(np.diag(sim), 1.0)
    assert sim[0, 1] == pytest.approx(1.0)
    assert sim[0, 2] == pytest.approx(0.0)


def test_tfidf_fit_on_other_texts() -> None:
    m = tfidf_matrix(["Kim ordered tanks.", "Unknown words only."], fit_on=["Kim ordered tanks."])
    assert m[1].nnz == 0  # no feature of the fitted vocabulary
    assert m[0].nnz == 3
