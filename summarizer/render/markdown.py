"""Turn a Brief into text for people (Markdown) or for programs (JSON).

Pure functions of the Brief: rendering never changes what was verified.
"""

from __future__ import annotations

from pathlib import Path

from summarizer.models import (
    UNKNOWN_OUTLET,
    Brief,
    Citation,
    Document,
    DocumentRef,
    Item,
    Story,
    parse_sentence_id,
)


def to_json(brief: Brief) -> str:
    return brief.model_dump_json(indent=2) + "\n"


def source_count(brief: Brief) -> int:
    """Files of one known outlet are one source; a file of unknown outlet is its own."""
    return len({d.outlet if d.outlet != UNKNOWN_OUTLET else d.doc_id for d in brief.documents})


def date_range(dates: list[str]) -> str:
    """'2025-12-26 to 2025-12-30', one date, or ''."""
    dates = sorted(dates)
    if not dates:
        return ""
    return dates[0] if dates[0] == dates[-1] else f"{dates[0]} to {dates[-1]}"


def brief_title(brief: Brief) -> str:
    """'Morning brief, 2025-12-30': the brief's day, else its newest source's."""
    day = brief.as_of or max((d.date for d in brief.documents if d.date), default="")
    return f"Morning brief, {day}" if day else "Morning brief"


def brief_subtitle(brief: Brief) -> str:
    """'3 stories from 5 sources, 2025-12-26 to 2025-12-30'."""
    n = source_count(brief)
    stories = len(brief.stories)
    told = f"{stories} stor{'ies' if stories != 1 else 'y'} from " if stories else ""
    span = date_range([d.date for d in brief.documents if d.date])
    return f"{told}{n} source{'s' * (n != 1)}" + (f", {span}" if span else "")


def document_name(document: DocumentRef | Document) -> str:
    """How a reader knows a document: its own title; else its outlet (or file) and date,
    never its first words cut mid-sentence."""
    if document.title and document.title != Path(document.path).stem:
        return document.title
    outlet = getattr(document, "outlet", UNKNOWN_OUTLET)
    who = outlet if outlet and outlet != UNKNOWN_OUTLET else Path(document.path).name
    return f"{who}, {document.date}" if document.date else who


def digest(brief: Brief) -> list[str]:
    """One line per story, so the whole morning fits on one screen before the details."""
    if len(brief.stories) < 2:
        return []
    lines = []
    for n, story in enumerate(brief.stories, 1):
        count = f"{story.sources} source{'s' * (story.sources != 1)}"
        tags = " · ".join(x for x in (count, thread_words(story).split(" (")[0]) if x)
        lines.append(f"{n}. {_plain(_headline_text(story).rstrip('.'))} · {tags}")
    return [*lines, ""]


def _heading(brief: Brief) -> list[str]:
    return [f"# {brief_title(brief)}", "", f"_{brief_subtitle(brief)}_", ""]


def to_markdown(brief: Brief, show_dropped: bool = False, show_process: bool = False) -> str:
    """The brief as Markdown: items with numbered citations, then the cited spans.

    Each distinct cited span gets one number, so a reader can look up exactly
    which characters of which file back a sentence. How each sentence was made
    (drafted, repaired, replaced, quoted) is shown only with `show_process`.
    """
    if brief.stories or brief.also_reported:
        return _story_markdown(brief, show_dropped or show_process, show_process)
    numbers: dict[str, int] = {}
    lines = _heading(brief)
    agreed = [i for i in brief.items if i.sources > 1]
    single = [i for i in brief.items if i.sources <= 1]
    for heading, items in (("What several sources report", agreed), ("Single-source", single)):
        if items:
            lines += [f"## {heading}", ""]
            lines += [_item_line(item, numbers, None, show_process) for item in items]
            lines.append("")
    if not brief.items and brief.omissions and all(o.kind == "document"
                                                   for o in brief.omissions):
        lines += ["Nothing new: every document was briefed on an earlier day "
                  "(`--format json` lists them, under `omissions`).", ""]
    elif not brief.items:
        lines += ["No sentence could be verified against the sources.", ""]
    lines += _conflict_lines(brief)
    cited = {c.sentence_id: c for item in brief.items for c in item.citations}
    lines += _source_lines(brief, numbers, cited)
    lines += _dropped_lines(brief, show_dropped or show_process)
    lines.append(fitness_line(brief))
    return "\n".join(lines).rstrip() + "\n"


def _source_lines(brief: Brief, numbers: dict[str, int], cited: dict[str, Citation]) -> list[str]:
    """One line per numbered span: outlet, file, title, sentence, characters, the words."""
    lines = ["## Sources", ""]
    docs = {d.doc_id: d for d in brief.documents}
    for key, n in numbers.items():
        c = cited[key]
        doc = docs[c.doc_id]
        _, index = parse_sentence_id(c.sentence_id)
        # A titled document's outlet leads, as an untitled one's name already gives it.
        titled = doc.outlet != UNKNOWN_OUTLET and document_name(doc) == doc.title
        outlet = f"{_plain(doc.outlet)}: " if titled else ""
        lines.append(
            f"[{n}] {outlet}{_short(document_name(doc))} ({_plain(Path(doc.path).name)}) "
            f"sentence {index}, chars {c.start}-{c.end}: \"{_short(c.cited_text, 90)}\""
        )
    return [*lines, ""]


def _story_markdown(brief: Brief, show_dropped: bool, show_process: bool) -> str:
    """A morning brief: the digest, one section per story, best first, then the
    also-reported list."""
    numbers: dict[str, int] = {}
    cited: dict[str, Citation] = {}
    lines = _heading(brief) + digest(brief)
    for n, story in enumerate(brief.stories, 1):
        lines += _story_lines(story, numbers, cited, n if len(brief.stories) > 1 else None,
                              show_process)
    also = [s for s in brief.also_reported if s.items or s.single_source]
    if also:
        lines += ["## Also reported (one source each)", ""]
        for story in also:
            item = story.items[0] if story.items else story.single_source[0]
            line = _item_line(item, numbers, cited, show_process)
            # The outlet's own headline, then the fact, unless the fact begins with it.
            if story.headline.kind == "quoted" and not _opens_with(item.text,
                                                                   story.headline.text):
                line = f"- **{_plain(_headline_text(story))}**: {line.removeprefix('- ')}"
            lines.append(line)
        lines.append("")
    if not brief.items:
        lines += ["No sentence could be verified against the sources.", ""]
    lines += _source_lines(brief, numbers, cited)
    lines += _dropped_lines(brief, show_dropped)
    omitted_stories = sum(o.kind == "story" for o in brief.omissions)
    if omitted_stories:
        lines.append(f"{omitted_stories} more stor{'ies' if omitted_stories != 1 else 'y'} "
                     "left out (`--format json` lists them, under `omissions`)")
    lines.append(fitness_line(brief))
    return "\n".join(lines).rstrip() + "\n"


def _opens_with(text: str, headline: str) -> bool:
    """Whether `text` begins with `headline`, spacing and case aside."""
    return " ".join(text.split()).casefold().startswith(" ".join(headline.split()).casefold())


def _headline_text(story: Story) -> str:
    text = story.headline.text
    return f"“{text}”" if story.headline.kind == "quoted" else text


def _story_lines(story: Story, numbers: dict[str, int], cited: dict[str, Citation],
                 rank: int | None, show_process: bool = False) -> list[str]:
    title = _plain(_headline_text(story))
    lines = [f"## {f'{rank}. ' if rank else ''}{title}", ""]
    refs = "".join(f"[{_number(c, numbers, cited)}]" for c in story.headline.citations)
    who = (f"Headline of {_plain(story.headline.attribution or '')}{' ' + refs if refs else ''}"
           if story.headline.kind == "quoted" else f"Headline from {refs}" if refs else "")
    count = f"{story.sources} source{'s' * (story.sources != 1)}"
    if story.outlets:
        count += f" ({', '.join(map(_plain, story.outlets))})"
    dates = date_range([d for d in (story.first_date, story.last_date) if d])
    lines += [" · ".join(x for x in (f"_{who}_" if who else "", count, dates,
                                     _thread_label(story)) if x), ""]
    lines += [_item_line(item, numbers, cited, show_process) for item in story.items]
    if story.single_source:
        lines += ["", "Single-source:", ""] if story.items else []
        lines += [_item_line(item, numbers, cited, show_process) for item in story.single_source]
    if story.conflicts:
        lines += ["", "Where the sources disagree:", ""]
        for conflict in story.conflicts:
            sides = [f"{v} [{_number(c, numbers, cited)}]"
                     for c, v in zip(conflict.citations, conflict.values.values(), strict=False)]
            lines.append(f"- {_plain(conflict.unit)}: {' vs '.join(sides)}")
    if not story.items and not story.single_source:
        lines.append(f"Nothing new since {story.timeline[-1].date}." if story.background
                     and story.timeline else
                     "No sentence of this story could be verified against its sources.")
    if story.background:
        lines += ["", "Background (told in earlier briefs):", ""]
        lines += [_item_line(item, numbers, cited, show_process) for item in story.background]
    if story.timeline:
        lines += ["", "Timeline:", ""]
        lines += [f"- {day.date}: {_plain(day.items[0].text if day.items else day.headline)}"
                  for day in story.timeline]
    return [*lines, ""]


def _thread_label(story: Story) -> str:
    """The story's place across days, its first word bold."""
    words = thread_words(story)
    first, _, rest = words.partition(" ")
    return f"**{first}** {rest}".rstrip() if words else ""


def thread_words(story: Story) -> str:
    """New, or Developing since the day an earlier brief first told it; '' without archive.

    >>> from summarizer.models import Headline, Thread
    >>> s = Story(story_id="story001", headline=Headline(text="t", kind="verified"),
    ...           sources=2, documents=("d",),
    ...           thread=Thread(id=3, status="developing", first_seen="2025-12-26", days=2))
    >>> thread_words(s)
    'Developing since 2025-12-26 (2 earlier days)'
    """
    if story.thread is None:
        return ""
    if story.thread.status == "new":
        return "New"
    days = story.thread.days
    return (f"Developing since {story.thread.first_seen} "
            f"({days} earlier day{'s' * (days != 1)})")


def _item_line(item: Item, numbers: dict[str, int],
               cited: dict[str, Citation] | None = None, show_process: bool = False) -> str:
    """The sentence, its citation markers and how many sources carry it; with
    `show_process`, how it was made and why."""
    refs = "".join(f"[{_number(c, numbers, cited)}]" for c in item.citations)
    origin = ""
    if show_process:
        why = f": {'; '.join(item.changes)}" if item.changes else ""
        origin = f" _({item.origin}{_plain(why)}; score {item.verdict.score:.2f})_"
    named = f": {', '.join(map(_plain, item.outlets))}" if item.outlets else ""
    count = f"{item.sources} source{'s' * (item.sources != 1)}{named}"
    return f"- {_plain(item.text)} {refs} ({count}){origin}"


def _number(citation: Citation, numbers: dict[str, int],
            cited: dict[str, Citation] | None = None) -> int:
    """One number per distinct span (a quoted title is its own span within its sentence)."""
    key = citation.sentence_id
    if cited is not None:
        key = f"{citation.sentence_id}:{citation.start}-{citation.end}"
        cited.setdefault(key, citation)
    return numbers.setdefault(key, len(numbers) + 1)


def _conflict_lines(brief: Brief) -> list[str]:
    if not brief.conflicts:
        return []
    lines = ["## Where the sources disagree", ""]
    for conflict in brief.conflicts:
        values = "; ".join(f"{v} ({sid})" for sid, v in conflict.values.items())
        lines.append(f"- {conflict.unit}: {values}")
    return [*lines, ""]


def fitness_line(brief: Brief) -> str:
    """One line on how the items were written and how well the model drafted.

    >>> from summarizer.models import Drafting, ModelInfo
    >>> b = Brief(documents=(), items=(), dropped=(), conflicts=(), timings={},
    ...           model=ModelInfo(path="m.gguf", name="SmolLM2", sha256=""),
    ...           drafting=Drafting(asked=8, drafted=1, replaced=6, dropped=1, quoted=2))
    >>> fitness_line(b)
    'Drafted by SmolLM2 (in process): 1 of 8 drafts kept as written, 0 repaired, 6 replaced...'
    """
    d = brief.drafting
    if d.mode == "never":
        return "Written without a model (--draft never): every item is a source sentence."
    if not d.asked:  # a brief saved before it was counted, or one no fact needed a draft for
        return (f"No fact needed a draft: {d.quoted} item{'s' * (d.quoted != 1)} quoted from "
                "a single source." if d.quoted else "")
    quoted = (f"; {d.quoted} item{'s' * (d.quoted != 1)} quoted from a single source"
              if d.quoted else "")
    return (f"Drafted by {_plain(brief.model.name)} ({_plain(d.backend)}): {d.drafted} of "
            f"{d.asked} draft{'s' * (d.asked != 1)} kept as written, {d.repaired} repaired, "
            f"{d.replaced} replaced by a source sentence, {d.dropped} dropped{quoted}.")


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

