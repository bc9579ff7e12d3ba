"""Markdown and JSON renderings of a hand-built Brief."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarizer.models import (
    Brief,
    Citation,
    Conflict,
    DocumentRef,
    Dropped,
    Item,
    ModelInfo,
    Verdict,
)
from summarizer.render.markdown import to_json, to_markdown

TEXT_A = "Kim Jong Un ordered new missile factories on Friday. Rain fell."
TEXT_B = "On Friday Kim ordered new missile factories. North Korea sent 15,000 troops."
LONG = "A sentence that goes on " + "and on " * 20 + "until it ends."
TEXT_C = f"Title\n{LONG}"


def doc(doc_id: str, path: str, title: str, date: str | None, text: str) -> DocumentRef:
    return DocumentRef(
        doc_id=doc_id,
        path=path,
        title=title,
        date=date,
        sha256="0" * 64,
        encoding="utf-8",
        text=text,
    )


def cite(doc_id: str, index: int, text: str, full: str) -> Citation:
    start = full.index(text)
    return Citation(
        doc_id=doc_id,
        sentence_id=f"{doc_id}-s{index:03d}",
        start=start,
        end=start + len(text),
        cited_text=text,
    )


A0 = cite("aaa", 0, "Kim Jong Un ordered new missile factories on Friday.", TEXT_A)
B0 = cite("bbb", 0, "On Friday Kim ordered new missile factories.", TEXT_B)
B1 = cite("bbb", 1, "North Korea sent 15,000 troops.", TEXT_B)
C1 = cite("ccc", 1, LONG, TEXT_C)
VERDICT = Verdict(supported=True, score=1.0, reasons=("covers all content words",))


def item(text: str, citations: tuple[Citation, ...], origin: str = "drafted") -> Item:
    return Item(
        text=text,
        citations=citations,
        sources=len({c.doc_id for c in citations}),
        verdict=VERDICT,
        fact_id="f001",
        origin=origin,
    )  # type: ignore[arg-type]


DOCS = (
    doc("aaa", "/news/a.txt", "Kim orders factories", "2025-12-30", TEXT_A),
    doc("bbb", "/news/b.md", "Factories and troops", "2025-12-26", TEXT_B),
    doc("ccc", "/other/c.txt", "A title " + "x" * 80, None, TEXT_C),
)


def brief(**changes) -> Brief:
    fields = dict(
        documents=DOCS,
        items=(
            item("Kim ordered new missile factories.", (A0, B0)),
            item("North Korea sent 15,000 troops.", (B1,), origin="replaced"),
            item("Kim also said this, at length.", (C1, A0), origin="repaired"),
        ),
        dropped=(
            Dropped(
                text="Kim ordered 40 factories.",
                citations=(A0,),
                reasons=("numbers not in the evidence: 40", "replaced by a source sentence"),
            ),
        ),
        conflicts=(
            Conflict(
                fact_id="f002", unit="troop", values={"bbb-s001": "15,000", "ddd-s004": "12,000"}
            ),
        ),
        model=ModelInfo(path="/m/model.gguf", name="model.gguf", sha256="1" * 64),
        timings={"ingest": 0.01, "total": 0.5},
    )
    fields.update(changes)
    return Brief(**fields)


def test_markdown_golden() -> None:
    assert to_markdown(brief()) == "\n".join(
        [
            "# Morning brief, 2025-12-30",
            "",
            "_3 sources, 2025-12-26 to 2025-12-30_",
            "",
            "## What several sources report",
            "",
            "- Kim ordered new missile factories. [1][2] (2 sources)",
            "- Kim also said this, at length. [3][1] (2 sources)",
            "",
            "## Single-source",
            "",
            "- North Korea sent 15,000 troops. [4] (1 source)",
            "",
            "## Where the sources disagree",
            "",
            "- troop: 15,000 (bbb-s001); 12,000 (ddd-s004)",
            "",
            "## Sources",
            "",
            '[1] Kim orders factories (a.txt) sentence 0, chars 0-52: '
            '"Kim Jong Un ordered new missile factories on Friday."',
            '[2] Factories and troops (b.md) sentence 0, chars 0-44: '
            '"On Friday Kim ordered new missile factories."',
            '[3] A title xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx… (c.txt) '
            f'sentence 1, chars 6-{6 + len(LONG)}: "{LONG[:89]}…"',
            '[4] Factories and troops (b.md) sentence 1, chars 45-76: '
            '"North Korea sent 15,000 troops."',
            "",
            "1 drafted claim dropped as unsupported (run with --show-dropped to see them)",
            "",
        ]
    )


def test_how_each_item_was_made_is_shown_only_when_asked() -> None:
    shown = to_markdown(brief(), show_process=True)
    assert "- North Korea sent 15,000 troops. [4] (1 source) _(replaced" in shown
    assert "(2 sources) _(repaired" in shown
    assert "## Dropped as unsupported" in shown
    assert "_(replaced" not in to_markdown(brief())


def test_an_untitled_document_is_named_by_its_outlet_or_file_and_date() -> None:
    untitled = DOCS[0].model_copy(update={"title": Path(DOCS[0].path).stem})
    out = to_markdown(brief(documents=(untitled, *DOCS[1:])))
    assert "[1] a.txt, 2025-12-30 (a.txt) sentence 0" in out


def test_long_spans_are_shortened_to_90_characters() -> None:
    line = next(x for x in to_markdown(brief()).splitlines() if x.startswith("[3]"))
    quoted = line.split(": ", 1)[1]
    assert len(quoted) == 90 + 2  # with its quotes
    assert quoted.endswith('…"')


def test_markdown_numbers_point_at_the_cited_characters() -> None:
    texts = {d.doc_id: d.text for d in DOCS}
    for c in (A0, B0, B1, C1):
        assert texts[c.doc_id][c.start : c.end] == c.cited_text


def test_show_dropped() -> None:
    out = to_markdown(brief(), show_dropped=True)
    assert out.endswith(
        "## Dropped as unsupported\n\n"
        "- Kim ordered 40 factories.: "
        "numbers not in the evidence: 40; replaced by a source sentence\n"
    )
    assert "--show-dropped" not in out


def test_dropped_with_no_text_and_plural() -> None:
    dropped = (
        Dropped(text="", citations=(), reasons=("prompt too long",)),
        Dropped(text="x.", citations=(), reasons=("a", "b")),
    )
    assert to_markdown(brief(dropped=dropped)).endswith(
        "1 fact did not fit the model's context\n"
        "1 drafted claim dropped as unsupported (run with --show-dropped to see them)\n"
    )
    shown = to_markdown(brief(dropped=dropped), show_dropped=True)
    assert shown.endswith("## Dropped as unsupported\n\n- x.: a; b\n")


@pytest.mark.parametrize(
    ("dates", "heading"),
    [
        (
            ("2025-12-30", "2025-12-26", None),
            "# Morning brief, 2025-12-30|_3 sources, 2025-12-26 to 2025-12-30_",
        ),
        (("2025-12-26", "2025-12-26", None), "# Morning brief, 2025-12-26|_3 sources, 2025-12-26_"),
        ((None, None, None), "# Morning brief|_3 sources_"),
    ],
)
def test_heading_dates(dates, heading: str) -> None:
    docs = tuple(d.model_copy(update={"date": x}) for d, x in zip(DOCS, dates, strict=True))
    lines = to_markdown(brief(documents=docs)).splitlines()
    assert f"{lines[0]}|{lines[2]}" == heading


def test_single_source_heading_and_empty_brief() -> None:
    out = to_markdown(brief(documents=DOCS[:1], items=(), dropped=(), conflicts=()))
    assert out == (
        "# Morning brief, 2025-12-30\n"
        "\n"
        "_1 source, 2025-12-30_\n"
        "\n"
        "No sentence could be verified against the sources.\n"
        "\n"
        "## Sources\n"
    )


def test_json_round_trips() -> None:
    b = brief()
    out = to_json(b)
    assert out.endswith("}\n")
    assert Brief.model_validate_json(out) == b
    data = json.loads(out)
    assert data["items"][1]["origin"] == "replaced"
    assert data["items"][0]["citations"][0] == {
        "doc_id": "aaa",
        "sentence_id": "aaa-s000",
        "start": 0,
        "end": 52,
        "cited_text": "Kim Jong Un ordered new missile factories on Friday.",
        "resolved": None,
    }
    assert data["conflicts"][0]["values"] == {"bbb-s001": "15,000", "ddd-s004": "12,000"}
