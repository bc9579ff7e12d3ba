"""The data contracts between stages: span validator, frozen models, the Brief schema."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from summarizer.models import (
    Brief,
    CheckResult,
    Corpus,
    Document,
    Item,
    Segmented,
    Sentence,
    Verdict,
)

TEXT = "Kim spoke. He left."
DOC = Document(doc_id="abc", path="a.txt", title="t", sha256="0" * 64, text=TEXT)


def sentence(index: int, start: int, end: int, text: str, noise: str | None = None) -> Sentence:
    return Sentence(
        sentence_id=f"abc-s{index:03d}",
        doc_id="abc",
        index=index,
        start=start,
        end=end,
        text=text,
        noise=noise,
    )


GOOD = (sentence(0, 0, 10, "Kim spoke."), sentence(1, 11, 19, "He left.", "heading: x"))


def test_segmented_accepts_matching_spans() -> None:
    seg = Segmented(document=DOC, sentences=GOOD)
    assert [TEXT[s.start : s.end] for s in seg.sentences] == ["Kim spoke.", "He left."]


@pytest.mark.parametrize(
    "bad",
    [
        sentence(0, 0, 9, "Kim spoke."),  # span one short
        sentence(0, 1, 11, "Kim spoke."),  # shifted
        sentence(0, 0, 10, "Kim spoke!"),  # other text
        sentence(0, 11, 19, "he left."),  # case
        sentence(0, 15, 40, "left."),  # beyond the end
    ],
)
def test_segmented_rejects_a_span_that_does_not_match(bad: Sentence) -> None:
    with pytest.raises(ValidationError, match="span of abc-s000 does not match its text"):
        Segmented(document=DOC, sentences=(bad,))


@pytest.mark.parametrize(
    ("field", "value"),
    [("start", -1), ("end", 0)],
)
def test_sentence_bounds(field: str, value: int) -> None:
    fields = dict(sentence_id="abc-s000", doc_id="abc", index=0, start=0, end=10, text="Kim spoke.")
    fields[field] = value
    with pytest.raises(ValidationError):
        Sentence(**fields)


def test_models_are_frozen_and_closed() -> None:
    with pytest.raises(ValidationError):
        DOC.text = "changed"  # type: ignore[misc]
    with pytest.raises(ValidationError, match="extra"):
        Document(doc_id="x", path="p", title="t", sha256="0", text="x", colour="blue")  # type: ignore[call-arg]


@pytest.mark.parametrize("score", [-0.01, 1.01])
def test_scores_are_between_zero_and_one(score: float) -> None:
    with pytest.raises(ValidationError):
        Verdict(supported=True, score=score)
    with pytest.raises(ValidationError):
        CheckResult(supported=True, score=score, evidence_index=(), reasons=())


def test_item_origin_is_one_of_three() -> None:
    verdict = Verdict(supported=True, score=1.0)
    with pytest.raises(ValidationError):
        Item(text="x", citations=(), sources=0, verdict=verdict, fact_id="f", origin="invented")  # type: ignore[arg-type]


def test_corpus_lookups() -> None:
    other = Document(doc_id="x-sy", path="b.txt", title="t", sha256="1" * 64, text="Rain fell.")
    corpus = Corpus(
        documents=(
            Segmented(document=DOC, sentences=GOOD),
            Segmented(
                document=other,
                sentences=(
                    Sentence(
                        sentence_id="x-sy-s000",
                        doc_id="x-sy",
                        index=0,
                        start=0,
                        end=10,
                        text="Rain fell.",
                    ),
                ),
            ),
        )
    )
    assert corpus.doc("abc").document is DOC
    assert corpus.sentence("abc-s001").text == "He left."
    assert corpus.sentence("x-sy-s000").text == "Rain fell."  # "-s" inside a doc id
    assert [s.sentence_id for s in corpus.body()] == ["abc-s000", "x-sy-s000"]
    assert GOOD[0].is_body and not GOOD[1].is_body
    with pytest.raises(KeyError):
        corpus.doc("zzz")
    with pytest.raises(KeyError):
        corpus.sentence("abc-s009")


def test_brief_json_schema_exports() -> None:
    schema = Brief.model_json_schema()
    json.dumps(schema)  # plain JSON
    assert schema["title"] == "Brief"
    assert set(schema["required"]) == {
        "documents",
        "items",
        "dropped",
        "conflicts",
        "model",
        "timings",
    }
    defs = schema["$defs"]
    assert {
        "Item",
        "Citation",
        "Verdict",
        "Dropped",
        "Conflict",
        "DocumentRef",
        "ModelInfo",
    } <= set(defs)
    assert defs["Item"]["properties"]["origin"]["enum"] == [
        "drafted", "quoted", "repaired", "replaced"]
    assert defs["Item"]["additionalProperties"] is False
    assert defs["Citation"]["required"] == ["doc_id", "sentence_id", "start", "end", "cited_text"]
    assert "resolved" in defs["Citation"]["properties"]  # optional: 2.1 readers may ignore it
    score = defs["Verdict"]["properties"]["score"]
    assert (score["minimum"], score["maximum"]) == (0.0, 1.0)
    assert "description" in defs["Item"]["properties"]["sources"]
