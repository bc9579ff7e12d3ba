"""The HTML page of a hand-built Brief: exact highlights, escaping, CSP, notes, sections.

The page is parsed with the standard library's HTML parser, which decodes
character references as a browser does; tests/render/test_render_html_browser.py
opens the page of a real brief in a real browser.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarizer.cli import cli
from summarizer.ingest.files import ingest
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
from summarizer.render.documents import as_document, source_documents
from summarizer.render.html import Notes, sections, to_html
from summarizer.render.markdown import to_json, to_markdown
from summarizer.segment.sentences import segment

HOSTILE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 1">'
TEXT_A = (
    "Kim orders factories\n"
    "Kim Jong Un ordered new missile factories on Friday. Rain fell in Pyongyang.\r\n"
    "Officials said 🚀 output rose by 15,000 shells. Read More\n"
)
TEXT_B = f"North Korea sent 12,000 troops, officials said. {HOSTILE} was typed here.\n"


def doc(doc_id: str, title: str, text: str | None, path: str | None = None) -> DocumentRef:
    return DocumentRef(doc_id=doc_id, path=path or f"/news/{doc_id}.txt", title=title,
                       date="2025-12-30", sha256="0" * 64, encoding="utf-8", text=text)


def cite(doc_id: str, text: str, full: str, sentence: int = 1) -> Citation:
    start = full.index(text)
    return Citation(doc_id=doc_id, sentence_id=f"{doc_id}-s{sentence:03d}", start=start,
                    end=start + len(text), cited_text=text)


def item(text: str, *citations: Citation, origin: str = "drafted", changes=()) -> Item:
    return Item(text=text, citations=citations, sources=len({c.doc_id for c in citations}),
                verdict=Verdict(supported=True, score=0.95), fact_id="f001",
                origin=origin, changes=changes)  # type: ignore[arg-type]


FACTORIES = cite("aaa", "Kim Jong Un ordered new missile factories on Friday.", TEXT_A)
# Spans that cross a CRLF and an emoji (two UTF-16 units, one Python character), and one
# inside another: each must still highlight exactly its own characters.
ACROSS = cite("aaa", "Rain fell in Pyongyang.\r\nOfficials said 🚀 output", TEXT_A, 2)
SHELLS = cite("aaa", "output rose by 15,000 shells.", TEXT_A, 3)
INNER = cite("aaa", "15,000", TEXT_A, 3)
HOSTILE_SPAN = cite("bbb", f"{HOSTILE} was typed here.", TEXT_B, 1)
TROOPS = cite("bbb", "North Korea sent 12,000 troops, officials said.", TEXT_B, 0)


def make_brief(**changes) -> Brief:
    fields = dict(
        documents=(doc("aaa", "Kim orders factories", TEXT_A),
                   doc("bbb", f"Troops {HOSTILE}", TEXT_B, path=f"/news/{HOSTILE}.txt")),
        items=(
            item("Kim ordered new missile factories.", FACTORIES, TROOPS),
            item("Output rose by 15,000 shells.", SHELLS, INNER, origin="repaired",
                 changes=("citations re-pointed",)),
            item(f"Someone typed {HOSTILE}.", HOSTILE_SPAN, ACROSS, origin="replaced"),
        ),
        dropped=(Dropped(text=f"Kim built {HOSTILE} 40 factories.", citations=(FACTORIES,),
                         reasons=(f"numbers not in the evidence: 40 {HOSTILE}",)),),
        omitted={"f007": "over the item limit", "f008": "over the item limit",
                 "f009": f"too long {HOSTILE}"},
        conflicts=(Conflict(fact_id="f002", unit="troop",
                            values={"bbb-s000": "12,000", "zzz-s004": "11,000"}),),
        model=ModelInfo(path="/m/model.gguf", name="model.gguf", sha256="1" * 64),
        timings={"total": 1.5},
    )
    fields.update(changes)
    return Brief(**fields)


class Page(HTMLParser):
    """The parts of the page the tests read: chunks of each document, markers, scripts."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.doc: str | None = None
        self.chunks: dict[str, list[tuple[int, int, str]]] = {}
        self.markers: list[dict[str, str | None]] = []
        self.ids: set[str] = set()
        self.tags: list[str] = []
        self.inline: dict[str, str] = {}
        self.noise: list[dict[str, str | None]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append(tag)
        self.stack.append((tag, a))
        if a.get("id"):
            self.ids.add(a["id"] or "")
        if tag == "article" and (a.get("id") or "").startswith("doc-"):
            self.doc = (a["id"] or "")[4:]
            self.chunks[self.doc] = []
        if tag == "a" and "cite" in (a.get("class") or "").split():
            self.markers.append(a)
        if "noise" in (a.get("class") or "").split():
            self.noise.append(a)

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        tag, a = self.stack[-1] if self.stack else ("", {})
        if tag in ("style", "script"):
            self.inline[tag] = self.inline.get(tag, "") + data
        elif tag == "span" and "data-a" in a and self.doc:
            self.chunks[self.doc].append((int(a["data-a"] or 0), int(a["data-b"] or 0), data))


@pytest.fixture(scope="module")
def html() -> str:
    return to_html(make_brief())


@pytest.fixture(scope="module")
def page(html: str) -> Page:
    return Page(html)


def highlighted(page: Page, doc_id: str, start: int, end: int) -> str:
    return "".join(t for a, b, t in page.chunks[doc_id] if a >= start and b <= end)


def test_each_document_is_laid_out_whole_in_order(page: Page) -> None:
    for d in make_brief().documents:
        chunks = page.chunks[d.doc_id]
        assert "".join(t for _, _, t in chunks) == d.text
        assert all(b1 == a2 for (_, b1, _), (a2, _, _) in pairwise(chunks))


def test_every_marker_selects_exactly_its_cited_text(page: Page) -> None:
    cited = {(c.doc_id, c.start, c.end): c.cited_text
             for i in make_brief().items for c in i.citations}
    markers = [m for m in page.markers if m.get("data-label")]
    assert len(markers) == 6 + 1  # the items' citations, and the dropped draft's
    for m in markers:
        key = (m["data-doc"] or "", int(m["data-a"] or 0), int(m["data-b"] or 0))
        assert highlighted(page, *key) == cited[key]
        assert (m["href"] or "")[1:] in page.ids  # without the script: the numbered note


def test_document_text_is_escaped_everywhere(html: str, page: Page) -> None:
    assert page.tags.count("script") == 1 and "img" not in page.tags
    assert html.count("<script>") == 1
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    assert "&#13;" in html  # a carriage return kept as one character of the text


def test_csp_forbids_everything_but_the_pages_own_style_and_script(html: str,
                                                                     page: Page) -> None:
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert policy is not None
    csp = policy.group(1).replace("&#39;", "'")
    assert csp.startswith("default-src 'none';")
    for tag in ("style", "script"):
        digest = base64.b64encode(hashlib.sha256(page.inline[tag].encode()).digest()).decode()
        assert f"{tag}-src 'sha256-{digest}'" in csp
    assert "unsafe-inline" not in csp
    assert not re.search(r'(src|href|action)="(?!#)', html)  # no link leaves the page


def test_noise_is_marked_not_used_with_its_reason(page: Page) -> None:
    corpus = segment([as_document(d, d.text) for d in make_brief().documents])
    expected = {f"s-{s.sentence_id}": s.noise for d in corpus.documents for s in d.sentences
                if s.noise}
    assert expected  # the headline and "Read More" at least
    assert {n["id"]: (n["title"] or "").removeprefix("Not used: ") for n in page.noise} == expected


def test_notes_quote_the_span_between_its_body_neighbours(html: str) -> None:
    note = html[html.index('<li id="n1"') : html.index("</li>", html.index('<li id="n1"'))]
    assert "<mark>Kim Jong Un ordered new missile factories on Friday.</mark>" in note
    assert '<span class="ctx">Rain fell in Pyongyang.</span>' in note
    assert "Kim orders factories</span>" not in note  # the headline is noise, not context


def test_origin_conflicts_and_left_out(html: str) -> None:
    assert "Repaired, its citations re-pointed: citations re-pointed." in html
    assert "Replaced by this source sentence, verbatim." in html
    assert "<blockquote>North Korea sent <mark>12,000</mark> troops, officials said." in html
    assert "<blockquote><mark>11,000</mark></blockquote>" in html  # a sentence not in the brief
    assert ("<summary>Left out: 1 claim dropped by verification, 3 facts left out by the "
            "plan</summary>") in html
    assert "over the item limit: 2 facts" in html


def test_brief_without_text_or_files_still_renders_its_notes(tmp_path: Path) -> None:
    docs = tuple(d.model_copy(update={"text": None, "path": str(tmp_path / "gone.txt")})
                 for d in make_brief().documents)
    html = to_html(make_brief(documents=docs))
    assert "does not hold the document" in html
    assert "<mark>output rose by 15,000 shells.</mark>" in html
    assert Page(html).chunks == {"aaa": [], "bbb": []}


def test_a_changed_span_is_flagged() -> None:
    wrong = FACTORIES.model_copy(update={"cited_text": "Kim ordered nothing."})
    html = to_html(make_brief(items=(item("Kim ordered nothing.", wrong),)))
    assert "is not this cited text" in html


def test_one_section_without_stories_and_one_per_story_with_them() -> None:
    brief = make_brief()
    docs = source_documents(brief)
    (only,) = sections(brief, docs, Notes(docs))
    assert only.headline == "What the sources report" and len(only.items) == 3
    assert only.dates == "2025-12-30"

    class Story:
        headline = "Troops"
        documents = ("bbb",)
        items = brief.items[:1]
        conflicts = brief.conflicts

    class StoryBrief:
        stories = (Story(),)
        items = brief.items

    story, rest = sections(StoryBrief(), docs, Notes(docs))  # type: ignore[arg-type]
    assert (story.headline, [d.doc_id for d in story.documents]) == ("Troops", ["bbb"])
    assert len(story.items) == 1 and len(story.conflicts) == 1
    assert rest.headline == "Other reports" and len(rest.items) == 2


def test_same_brief_same_page_however_long_it_took() -> None:
    assert to_html(make_brief()) == to_html(make_brief(timings={"total": 99.0}))


@pytest.mark.parametrize("fmt", ["markdown", "json", "html"])
def test_render_command_turns_a_saved_brief_into_each_format(fmt: str, tmp_path: Path) -> None:
    brief = make_brief()
    saved = tmp_path / "brief.json"
    saved.write_text(to_json(brief), encoding="utf-8")
    out = tmp_path / f"brief.{fmt}"
    result = CliRunner().invoke(cli, ["render", str(saved), "--format", fmt, "--out", str(out)])
    assert result.exit_code == 0, result.output
    expected = {"markdown": to_markdown, "json": to_json, "html": to_html}[fmt](brief)
    assert out.read_bytes().decode() == expected


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "cannot read"), ("{not json", "is not a JSON brief"), ("{}", "is not a JSON brief")],
)
def test_render_bad_input_is_one_line_and_exit_2(content, message: str, tmp_path: Path) -> None:
    saved = tmp_path / "brief.json"
    if content is not None:
        saved.write_text(content, encoding="utf-8")
    out = tmp_path / "page.html"
    result = CliRunner().invoke(cli, ["render", str(saved), "--format", "html", "--out", str(out)])
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_seed_documents_segment_as_the_pipeline_does(seeds_dir: Path) -> None:
    documents = ingest([seeds_dir])
    refs = tuple(DocumentRef(**d.model_dump(include=set(DocumentRef.model_fields)))
                 for d in documents)
    views = source_documents(make_brief(documents=refs, items=(), dropped=(), conflicts=()))
    expected = segment(documents)
    for d in expected.documents:
        assert views[d.document.doc_id].sentences == d.sentences


def test_a_missing_template_is_one_clear_line(monkeypatch: pytest.MonkeyPatch,
                                              tmp_path: Path) -> None:
    from summarizer.render import html as render_html

    saved = tmp_path / "brief.json"
    saved.write_text(to_json(make_brief()), encoding="utf-8")
    monkeypatch.setattr(render_html, "TEMPLATES", tmp_path / "nowhere")
    render_html.asset.cache_clear()
    try:
        result = CliRunner().invoke(cli, ["render", str(saved), "--format", "html"])
    finally:
        render_html.asset.cache_clear()
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: the page template summarizer/render/templates/")
    assert "Reinstall summarizer" in result.stderr
