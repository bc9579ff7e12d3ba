"""The brief as one self-contained HTML page in which every citation opens its source.

Each source document is laid out once, cut into `<span>`s at every sentence
and cited-span boundary, each carrying its `[start, end)` character offsets
(`data-a`, `data-b`). A citation marker carries the same offsets, so the
page's script highlights exactly the cited characters by selecting whole
spans: no character arithmetic in JavaScript, whose string indices (UTF-16)
are not Python's.

Safe with any input: the template autoescapes and the document text is
escaped piece by piece here. The page's Content-Security-Policy allows
nothing but its own inline style and script, named by their SHA-256, so that
markup that ever slipped through could neither run nor load anything.

Readable with JavaScript off: markers are links to numbered notes that quote
the cited span between its neighbouring sentences (the notes are also the
footnotes of the printed page), and the full source texts follow the brief.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from summarizer.errors import SummarizerError
from summarizer.models import (
    Brief,
    Citation,
    Sentence,
    Story,
    parse_sentence_id,
)
from summarizer.render.documents import DocView, source_documents
from summarizer.render.markdown import (
    brief_subtitle,
    brief_title,
    date_range,
    fitness_line,
    thread_words,
)

TEMPLATES = resources.files("summarizer.render").joinpath("templates")
SINGLE_HEADLINE = "What the sources report"


@dataclass(frozen=True)
class Note:
    """One distinct cited span: a numbered marker, and a footnote that quotes it."""

    number: int
    doc: DocView | None
    doc_id: str
    start: int
    end: int
    cited_text: str
    sentence: str  # the sentence number as the Markdown brief gives it
    before: str = ""
    after: str = ""
    matches: bool = True  # False when the document's text at start:end is not cited_text


@dataclass(frozen=True)
class Marker:
    note: Note
    tip_id: str


@dataclass(frozen=True)
class Side:
    """One side of a conflict: a source sentence with the disputed number marked."""

    doc: DocView | None
    sentence: Sentence | None
    value: str
    parts: tuple[str, str, str] = ("", "", "")  # text before, the value, text after


@dataclass(frozen=True)
class Section:
    headline: str
    documents: tuple[DocView, ...]
    items: tuple[dict[str, Any], ...]
    conflicts: tuple[dict[str, Any], ...]
    byline: str = ""  # whose headline it is, and how many sources carry the story
    thread: str = ""  # New, or Developing since a day (with the archive)
    background: tuple[dict[str, Any], ...] = ()  # facts told in earlier briefs, restated
    timeline: tuple[tuple[str, str], ...] = ()  # (day, what its brief said first)

    @property
    def dates(self) -> str:
        return date_span(self.documents)


def date_span(documents: Iterable[Any]) -> str:
    """'2025-12-26 to 2025-12-30', one date, or '' when no document has one.

    >>> from summarizer.models import DocumentRef
    >>> date_span([DocumentRef(doc_id="a", path="a", title="a", date="2025-12-30",
    ...     sha256="0", encoding="utf-8")])
    '2025-12-30'
    """
    return date_range([d.date for d in documents if d.date])


class Notes:
    """Numbers each distinct cited span in order of first appearance, as the Markdown does."""

    def __init__(self, docs: dict[str, DocView]) -> None:
        self.docs = docs
        self.by_span: dict[tuple[str, int, int], Note] = {}
        self.markers = 0

    def marker(self, citation: Citation) -> Marker:
        key = (citation.doc_id, citation.start, citation.end)
        note = self.by_span.get(key)
        if note is None:
            note = self._note(citation, len(self.by_span) + 1)
            self.by_span[key] = note
        self.markers += 1
        return Marker(note=note, tip_id=f"tip{self.markers}")

    def _note(self, c: Citation, number: int) -> Note:
        doc = self.docs.get(c.doc_id)
        sentence = str(parse_sentence_id(c.sentence_id)[1])
        if doc is None or doc.text is None:
            return Note(number, doc, c.doc_id, c.start, c.end, c.cited_text, sentence)
        doc.cuts.update(max(0, min(x, len(doc.text))) for x in (c.start, c.end))
        body = [s for s in doc.sentences if s.is_body]
        before = [s.text for s in body if s.end <= c.start][-1:]
        after = [s.text for s in body if s.start >= c.end][:1]
        return Note(number, doc, c.doc_id, c.start, c.end, c.cited_text, sentence,
                    before=" ".join(before), after=" ".join(after),
                    matches=doc.text[c.start : c.end] == c.cited_text)


def item_view(item: Any, notes: Notes) -> dict[str, Any]:
    return {
        "text": item.text,
        "markers": [notes.marker(c) for c in item.citations],
        "sources": item.sources,
        "origin": item.origin,
        "why": _why(item),
    }


def _why(item: Any) -> str:
    """How the item was made and what verification did to it, in words: shown only when
    the reader opens it."""
    if item.origin == "drafted":
        head = "Drafted by the model and verified against its citations"
        return f"{head}: {'; '.join(item.changes)}." if item.changes else f"{head}."
    head = {"quoted": "The one source sentence of its fact, as written",
            "repaired": "Repaired, its citations re-pointed",
            "replaced": "Replaced by this source sentence, verbatim"}.get(item.origin, item.origin)
    return f"{head}: {'; '.join(item.changes)}." if item.changes else f"{head}."


def conflict_view(conflict: Any, docs: dict[str, DocView]) -> dict[str, Any]:
    """The sentences that disagree, side by side, each with its number marked."""
    sides = []
    for sentence_id, value in conflict.values.items():
        doc = docs.get(parse_sentence_id(sentence_id)[0])
        found = [s for s in (doc.sentences if doc else ()) if s.sentence_id == sentence_id]
        sentence = found[0] if found else None
        parts = ("", "", "")
        if sentence is not None:
            text, at = sentence.text, sentence.text.find(value)
            parts = (text[:at], value, text[at + len(value) :]) if at >= 0 else (text, "", "")
        sides.append(Side(doc=doc, sentence=sentence, value=value, parts=parts))
    return {"unit": conflict.unit, "sides": sides}


def sections(brief: Brief, docs: dict[str, DocView], notes: Notes) -> list[Section]:
    """One section per story where the brief has stories, else one for the whole brief."""
    stories = getattr(brief, "stories", None) or ()
    if not stories:
        return [Section(SINGLE_HEADLINE, tuple(docs.values()),
                        tuple(item_view(i, notes) for i in brief.items),
                        tuple(conflict_view(c, docs) for c in brief.conflicts))]
    result, placed = [], []
    also = tuple(getattr(brief, "also_reported", ()) or ())
    for story in (*stories, *also):
        ids = [d if isinstance(d, str) else getattr(d, "doc_id", "")
               for d in getattr(story, "documents", ())]
        items = (*getattr(story, "items", ()), *getattr(story, "single_source", ()))
        placed += items
        title, byline = story_headline(story)
        result.append(Section(
            ("Also reported: " if story in also else "") + title,
            tuple(docs[i] for i in ids if i in docs),
            tuple(item_view(i, notes) for i in items),
            tuple(conflict_view(c, docs) for c in getattr(story, "conflicts", ())),
            byline, thread_words(story) if isinstance(story, Story) else "",
            tuple(item_view(i, notes) for i in getattr(story, "background", ())),
            tuple((day.date, day.items[0].text if day.items else day.headline)
                  for day in getattr(story, "timeline", ()))))
    rest = [i for i in brief.items if i not in placed]
    if rest:  # items no story holds are still shown, never lost
        result.append(Section("Other reports", (), tuple(item_view(i, notes) for i in rest), ()))
    return result


def digest(brief: Brief) -> list[dict[str, Any]]:
    """One line per story, linked to its section, when the brief has two or more."""
    stories = getattr(brief, "stories", None) or ()
    if len(stories) < 2:
        return []
    out = []
    for n, story in enumerate(stories, 1):
        title, _ = story_headline(story)
        sources = getattr(story, "sources", 0)
        status = thread_words(story).split(" (")[0] if isinstance(story, Story) else ""
        out.append({"anchor": f"story{n}", "headline": title, "status": status,
                    "sources": f"{sources} source{'s' * (sources != 1)}"})
    return out


def story_headline(story: Any) -> tuple[str, str]:
    """(headline, byline): a quoted headline in quotation marks and attributed to its outlet."""
    head = getattr(story, "headline", "") or SINGLE_HEADLINE
    if isinstance(head, str):
        return head, ""
    sources = getattr(story, "sources", 0)
    count = f"{sources} source{'s' * (sources != 1)}" if sources else ""
    outlets = ", ".join(getattr(story, "outlets", ()))
    count += f" ({outlets})" if count and outlets else ""
    if head.kind == "quoted":
        who = f"Headline of {head.attribution}" if head.attribution else "A source's headline"
        return f"“{head.text}”", " · ".join(x for x in (who, count) if x)
    return head.text, count


def left_out(brief: Brief, notes: Notes) -> dict[str, Any]:
    """Dropped drafts (with what they cited) and the plan's omitted facts, by reason."""
    by_reason: dict[str, list[str]] = {}
    for fact_id, reason in brief.omitted.items():
        by_reason.setdefault(reason, []).append(fact_id)
    parts = []
    if brief.dropped:
        parts.append(_count(len(brief.dropped), "claim") + " dropped by verification")
    if brief.omitted:
        parts.append(_count(len(brief.omitted), "fact") + " left out by the plan")
    return {
        "dropped": [{"text": d.text, "reasons": d.reasons,
                     "markers": [notes.marker(c) for c in d.citations]} for d in brief.dropped],
        "omitted": sorted(by_reason.items(), key=lambda kv: -len(kv[1])),
        "count": len(brief.dropped) + len(brief.omitted),
        "summary": ", ".join(parts),
    }


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' * (n != 1)}"


@lru_cache(maxsize=1)
def environment() -> SandboxedEnvironment:
    # Sandboxed and strict like the prompt templates; unlike them, autoescaped, since
    # every document string that reaches this page is untrusted text.
    env = SandboxedEnvironment(autoescape=True, undefined=StrictUndefined,
                               trim_blocks=True, lstrip_blocks=True)
    env.globals["date_span"] = date_span
    return env


@lru_cache(maxsize=4)
def asset(name: str) -> str:
    try:
        return TEMPLATES.joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SummarizerError(
            f"the page template summarizer/render/templates/{name} is not installed",
            "Reinstall summarizer; its wheel ships the templates.") from None


def csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"


def content_security_policy(css: str, js: str) -> str:
    """Nothing may load from anywhere; only this page's own style and script may run."""
    return (f"default-src 'none'; style-src {csp_hash(css)}; script-src {csp_hash(js)}; "
            "img-src 'none'; base-uri 'none'; form-action 'none'")


def to_html(brief: Brief) -> str:
    """The brief as one HTML page that needs no network and no other file."""
    docs = source_documents(brief)
    notes = Notes(docs)
    story_sections = sections(brief, docs, notes)
    dropped = left_out(brief, notes)
    css, js = asset("brief.css"), asset("brief.js")
    template = environment().from_string(asset("brief.html.j2"))
    return template.render(
        title=brief_title(brief),
        subtitle=brief_subtitle(brief),
        digest=digest(brief),
        sections=story_sections,
        documents=list(docs.values()),
        notes=sorted(notes.by_span.values(), key=lambda note: note.number),
        left_out=dropped,
        fitness=fitness_line(brief),
        css=Markup(css),
        js=Markup(js),
        csp=content_security_policy(css, js),
    )

