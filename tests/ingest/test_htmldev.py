"""The extraction measurement on the saved web pages of ../shared/htmldev (when present)."""

from __future__ import annotations

import pytest

from evals import htmldev

pytestmark = pytest.mark.skipif(
    not htmldev.HTMLDEV.is_dir(),
    reason=f"{htmldev.HTMLDEV} not found: the htmldev pages live beside the repository",
)


def test_ingest_beats_trafilatura_alone_on_the_first_pages() -> None:
    result = htmldev.evaluate(limit=20)
    ours, alone = result["articles"]["ingest"], result["articles"]["trafilatura"]
    assert ours["f1"] >= 0.95 and ours["f1"] > alone["f1"]
    assert result["pages"] == 20 and len(result["skipped"]) <= 2


def test_scores_are_token_bags() -> None:
    assert htmldev.prf("a b b", "b a") == (2 / 3, 1.0, 0.8)
    assert htmldev.prf("", "a") == (0.0, 0.0, 0.0)
