"""The Markdown and HTML of a hand-built brief of two stories and an also-reported one."""

from __future__ import annotations

from summarizer.models import (
    Brief,
    Citation,
    Conflict,
    DocumentRef,
    Headline,
    Item,
    ModelInfo,
    Story,
    Verdict,
)
from summarizer.render.html import to_html
from summarizer.render.markdown import to_markdown

A = "Troops sent\nNorth Korea sent 15 thousand troops to Russia, officials said.\n"
B = "Korea troops\nNorth Korea sent 12,000 troops to Russia, officials said.\n"
C = "Rain in Jakarta\nHeavy rain flooded hundreds of streets in Jakarta on Tuesday.\n"


def ref(doc_id: str, text: str, outlet: str = "unknown") -> DocumentRef:
    return DocumentRef(doc_id=doc_id, path=f"{doc_id}.txt", title=text.split("\n")[0],
                       date="2025-12-30", sha256="0" * 64, encoding="utf-8", text=text,
                       outlet=outlet)


def cite(doc_id: str, text: str) -> Citation:
    start = text.index("\n") + 1
    end = len(text) - 1
    return Citation(doc_id=doc_id, sentence_id=f"{doc_id}-s001", start=start, end=end,
                    cited_text=text[start:end])


def item(text: str, *citations: Citation) -> Item:
    return Item(text=text, citations=citations, sources=len(citations),
                verdict=Verdict(supported=True, score=0.95), fact_id="story001-f001",
                origin="drafted")


def brief() -> Brief:
    troops = item("North Korea sent troops to Russia, officials said.", cite("a", A),
                  cite("b", B))
    rain = item("Heavy rain flooded hundreds of streets in Jakarta on Tuesday.", cite("c", C))
    conflict = Conflict(fact_id="story001-f001", unit="troop",
                        values={"a-s001": "15 thousand", "b-s001": "12,000"},
                        citations=(cite("a", A), cite("b", B)))
    story = Story(story_id="story001", headline=Headline(text="Troops sent", kind="quoted",
                                                         attribution="bbc.co.uk", doc_id="a"),
                  sources=2, outlets=("bbc.co.uk",), first_date="2025-12-30",
                  last_date="2025-12-30", documents=("a", "b"), items=(troops,),
                  conflicts=(conflict,))
    lone = Story(story_id="story002", headline=Headline(text=rain.text, kind="verified",
                                                        citations=rain.citations),
                 sources=1, documents=("c",), single_source=(rain,))
    return Brief(documents=(ref("a", A, "bbc.co.uk"), ref("b", B), ref("c", C)),
                 items=(troops, rain), dropped=(), conflicts=(conflict,),
                 model=ModelInfo(path="m.gguf", name="m", sha256="0"), timings={},
                 stories=(story,), also_reported=(lone,))


def test_markdown_sections_conflicts_side_by_side_and_also_reported() -> None:
    lines = to_markdown(brief()).splitlines()
    assert lines[:3] == ["# Morning brief, 2025-12-30", "", "_1 story from 3 sources, 2025-12-30_"]
    assert "## “Troops sent”" in lines
    assert "_Headline of bbc.co.uk_ · 2 sources (bbc.co.uk) · 2025-12-30" in lines
    assert "- North Korea sent troops to Russia, officials said. [1][2] (2 sources)" in lines
    assert "- troop: 15 thousand [1] vs 12,000 [2]" in lines
    assert "- Heavy rain flooded hundreds of streets in Jakarta on Tuesday. [3] (1 source)" in lines
    assert lines.index("## Also reported (one source each)") < lines.index("## Sources")


def test_html_has_one_section_per_story_with_its_byline() -> None:
    page = to_html(brief())
    assert page.count('<section class="story"') == 2
    assert "“Troops sent”" in page and "Headline of bbc.co.uk · 2 sources (bbc.co.uk)" in page
    assert "Also reported: Heavy rain flooded" in page
    # the story's documents follow its items, collapsed, each named by title or outlet
    assert page.index("North Korea sent troops to Russia") < page.index('<details class="sources">')
    assert "How this sentence" not in page and '<details class="process">' in page


def test_a_digest_of_two_stories_leads_the_brief() -> None:
    two = brief()
    two = two.model_copy(update={"stories": (*two.stories, *two.also_reported),
                                 "also_reported": ()})
    lines = to_markdown(two).splitlines()
    assert lines[4:6] == [
        "1. “Troops sent” · 2 sources",
        "2. Heavy rain flooded hundreds of streets in Jakarta on Tuesday · 1 source",
    ]
    assert lines.index("1. “Troops sent” · 2 sources") < lines.index("## 1. “Troops sent”")
    page = to_html(two)
    assert page.index('<nav class="digest"') < page.index('<section class="story"')


def test_also_reported_shows_a_quoted_headline_once() -> None:
    base = brief()
    lone = base.also_reported[0]
    for title, shown in (("Heavy rain flooded hundreds of streets", False),
                         ("Floods in Jakarta", True)):
        quoted = lone.model_copy(update={"headline": Headline(
            text=title, kind="quoted", attribution="c.txt", doc_id="c")})
        text = to_markdown(base.model_copy(update={"also_reported": (quoted,)}))
        assert (f"**“{title}”**" in text) is shown
        assert "Heavy rain flooded hundreds of streets in Jakarta on Tuesday. [3]" in text
