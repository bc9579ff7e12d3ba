"""`summarizer ingest` through the real CLI, and outlets as sources in grouping and briefs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarizer.cli import cli
from summarizer.ingest.files import ingest
from summarizer.models import (
    Brief,
    Citation,
    Document,
    DocumentRef,
    Item,
    ModelInfo,
    Verdict,
)
from summarizer.render.markdown import to_json, to_markdown
from summarizer.segment.sentences import segment
from summarizer.stories.group import group

FIXTURES = Path(__file__).parent / "fixtures"
GOOD = FIXTURES / "formats"
BAD = FIXTURES / "bad"


def run(*args: str):
    return CliRunner().invoke(cli, list(args), prog_name="summarizer")


def test_ingest_jsonl_names_every_field() -> None:
    result = run("ingest", str(GOOD), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert {r["format"] for r in rows} == {"html", "feed", "jsonl"}
    page = next(r for r in rows if r["format"] == "html")
    assert page["outlet"] == "coastalherald.co.uk" and page["date"] == "2025-12-29"
    assert page["path"].endswith("harbour-page.html")
    assert page["noise"] == {"byline": 1, "cookies": 2, "title": 1}
    assert "14 million pounds." in page["text"]
    assert all({"doc_id", "title", "sentences", "noise", "text"} <= r.keys() for r in rows)
    assert "wire-export.jsonl:2 skipped: not JSON" in result.stderr


def test_ingest_table_shows_text_and_noise_reasons() -> None:
    result = run("ingest", str(GOOD / "harbour-page.html"))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split("  ")[1:4] == ["html", "coastalherald.co.uk", "2025-12-29"]
    assert "marked as noise: 4 (byline 1, cookies 2, title 1)" in lines[2]
    assert "  | The harbour bridge in Port Elling reopened to traffic on Monday after eight " \
           "months of repairs that cost the county council 14 million pounds." in lines


def test_ingest_output_has_no_markup() -> None:
    for fmt in ("jsonl", "table"):
        out = run("ingest", str(GOOD / "harbour-page.html"), str(GOOD / "coastal-feed.rss"),
                  "--format", fmt).stdout
        assert not any(m in out for m in ("<", "alert(", "onerror", "onclick", "script"))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([str(BAD / "plain-note.html")], "is not an HTML page (no markup in it). Pass the page"),
        ([str(BAD / "fake.html.gz")], "is not gzip data. Unzip it"),
        ([str(BAD / "not-xml.rss")], "is not an RSS, Atom or RDF feed with entries"),
        ([str(BAD / "login-wall.html")], "found no article in the documents given"),
        ([str(GOOD / "harbour-page.html"), "--max-size", "0.001"],
         "over the 0.001 MB limit for one file"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args: list[str], message: str) -> None:
    result = run("ingest", *args)
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if not line.startswith("warning:")]
    assert len(errors) == 1 and message in errors[0]
    assert "Traceback" not in result.output


def test_a_20_mb_page_gets_one_line_naming_the_option(tmp_path: Path) -> None:
    page = tmp_path / "big.html"
    page.write_bytes(b"<html><body><p>" + b"x " * 10_000_000 + b"</p></body></html>")
    result = run("ingest", str(page))
    assert result.exit_code == 2
    assert result.stderr.strip().endswith("raise the limit with --max-size MB.")


# ---------------------------------------------------------------- outlets as sources


def _doc(doc_id: str, text: str, outlet: str = "unknown") -> Document:
    return Document(doc_id=doc_id, path=f"{doc_id}.html", title="t", sha256="0" * 64,
                    text=text, outlet=outlet)


SAME = "The harbour bridge in Port Elling reopened to traffic on Monday after repairs."


@pytest.mark.parametrize(
    ("outlets", "sources"),
    [
        (("a.com", "a.com", "b.com"), 2),  # two files of one outlet are one source
        (("unknown", "unknown", "b.com"), 3),  # unknown outlets each count on their own
        (("a.com", "b.com", "c.com"), 3),
    ],
)
def test_fact_sources_count_outlets(outlets: tuple[str, ...], sources: int) -> None:
    docs = [_doc(f"d{i}", SAME, o) for i, o in enumerate(outlets)]
    # Distinct doc_ids but identical text: grouping puts them in one fact.
    corpus = segment(docs)
    assert group(corpus).facts[0].sources == sources


def _brief() -> Brief:
    text = "<b>Bridge</b> reopened on Monday."
    ref = DocumentRef(doc_id="d0", path="p.html", title="Bridge <img onerror=x>", date=None,
                      sha256="0" * 64, encoding="utf-8", text=text, outlet="a.com",
                      format="html")
    cite = Citation(doc_id="d0", sentence_id="d0-s000", start=0, end=len(text), cited_text=text)
    item = Item(text=text, citations=(cite,), sources=1, outlets=("a.com",), fact_id="f001",
                verdict=Verdict(supported=True, score=1.0), origin="drafted")
    return Brief(documents=(ref,), items=(item,), dropped=(), conflicts=(),
                 model=ModelInfo(path="m", name="m", sha256="0"), timings={})


def test_markdown_names_outlets_and_never_opens_a_tag() -> None:
    md = to_markdown(_brief())
    assert "(1 source: a.com)" in md and "[1] a.com: Bridge &lt;img onerror=x> (p.html)" in md
    assert "<b>" not in md and "<img" not in md
    data = json.loads(to_json(_brief()))
    assert data["items"][0]["outlets"] == ["a.com"]
    assert data["documents"][0]["outlet"] == "a.com"


def test_ingest_of_seeds_keeps_plain_text_documents_unchanged() -> None:
    docs = ingest([Path(__file__).parent.parent / "seeds"])
    assert {(d.format, d.outlet) for d in docs} == {("text", "unknown")}
