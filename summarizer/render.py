"""Turn a Brief into text for people (Markdown) or for programs (JSON).

Pure functions of the Brief: rendering never changes what was verified.
"""

from __future__ import annotations

from pathlib import Path

from .models import UNKNOWN_OUTLET, Brief, Citation, Item


def to_json(brief: Brief) -> str:
    return brief.model_dump_json(indent=2) + "\n"


def _sources_line(brief: Brief) -> str:
    dates = sorted(d.date for d in brief.documents if d.date)
    span = f", {dates[0]} to {dates[-1]}" if dates and dates[0] != dates[-1] else (
        f", {dates[0]}" if dates else ""
    )
    # Files of one known outlet are one source; a file of unknown outlet is its own.
    n = len({d.outlet if d.outlet != UNKNOWN_OUTLET else d.doc_id for d in brief.documents})
    return f"# Morning brief: {n} source{'s' * (n != 1)}{span}"


def to_markdown(brief: Brief, show_dropped: bool = False) -> str:
    """The brief as Markdown: items with numbered citations, then the cited spans.

    Each distinct cited span gets one number, so a reader can look up exactly
    which characters of which file back a sentence.
    """
    numbers: dict[str, int] = {}
    lines = [_sources_line(brief), ""]
    agreed = [i for i in brief.items if i.sources > 1]
    single = [i for i in brief.items if i.sources <= 1]
    for heading, items in (("What several sources report", agreed), ("Single-source", single)):
        if items:
            lines += [f"## {heading}", ""]
            lines += [_item_line(item, numbers) for item in items]
            lines.append("")
    if not brief.items:
        lines += ["No sentence could be verified against the sources.", ""]
    lines += _conflict_lines(brief)
    lines += ["## Sources", ""]
    cited = {c.sentence_id: c for item in brief.items for c in item.citations}
    docs = {d.doc_id: d for d in brief.documents}
    for sentence_id, n in numbers.items():
        c = cited[sentence_id]
        doc = docs[c.doc_id]
        index = int(sentence_id.rsplit("-s", 1)[1])
        outlet = "" if doc.outlet == UNKNOWN_OUTLET else f"{_plain(doc.outlet)}: "
        lines.append(
            f"[{n}] {outlet}{Path(doc.path).name} \"{_short(doc.title)}\" "
            f"sentence {index}, chars {c.start}-{c.end}: \"{_short(c.cited_text, 90)}\""
        )
    lines.append("")
    lines += _dropped_lines(brief, show_dropped)
    return "\n".join(lines).rstrip() + "\n"


def _item_line(item: Item, numbers: dict[str, int]) -> str:
    refs = "".join(f"[{_number(c, numbers)}]" for c in item.citations)
    origin = "" if item.origin == "drafted" else f" _({item.origin})_"
    named = f": {', '.join(map(_plain, item.outlets))}" if item.outlets else ""
    count = f"{item.sources} source{'s' * (item.sources != 1)}{named}"
    return f"- {_plain(item.text)} {refs} ({count}){origin}"


def _number(citation: Citation, numbers: dict[str, int]) -> int:
    return numbers.setdefault(citation.sentence_id, len(numbers) + 1)


def _conflict_lines(brief: Brief) -> list[str]:
    if not brief.conflicts:
        return []
    lines = ["## Where the sources disagree", ""]
    for conflict in brief.conflicts:
        values = "; ".join(f"{v} ({sid})" for sid, v in conflict.values.items())
        lines.append(f"- {conflict.unit}: {values}")
    return [*lines, ""]


def _dropped_lines(brief: Brief, show: bool) -> list[str]:
    unfit = [d for d in brief.dropped if not d.text]  # facts whose prompt did not fit
    drafts = [d for d in brief.dropped if d.text]
    lines = []
    if unfit:
        lines.append(f"{len(unfit)} fact{'s' * (len(unfit) != 1)} did not fit the model's context")
    if brief.omitted:
        n = len(brief.omitted)
        lines.append(f"{n} more fact{'s' * (n != 1)} left out by the plan "
                     "(`--format json` lists why, under `omitted`)")
    if drafts and not show:
        n = len(drafts)
        lines.append(f"{n} drafted claim{'s' * (n != 1)} dropped as unsupported "
                     "(run with --show-dropped to see them)")
    if drafts and show:
        lines += ["## Dropped as unsupported", ""]
        lines += [f"- {d.text}: {'; '.join(d.reasons)}" for d in drafts]
    return lines


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return _plain(text if len(text) <= limit else text[: limit - 1] + "…")


def _plain(text: str) -> str:
    """Text a Markdown viewer shows as text: a `<` from a web page never opens a tag."""
    return text.replace("<", "&lt;")
