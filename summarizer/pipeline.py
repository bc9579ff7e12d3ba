"""Run the stages in order, one story at a time after the stories are found, and time each.

ingest -> segment -> stories (cluster, rank, group, plan) -> per story: draft ->
verify -> headline; the Brief gathers it all. Every stage is a package of its
own; this module is the only place that knows their order.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from summarizer import progress
from summarizer.draft import MAX_NEW_TOKENS, Backend, Drafter, draft
from summarizer.errors import InputError
from summarizer.ingest import Limits, ingest
from summarizer.language.text import content_stems
from summarizer.models import (
    Brief,
    Corpus,
    Document,
    DocumentRef,
    Dropped,
    Fact,
    Item,
    Omission,
    Story,
)
from summarizer.progress import Timer
from summarizer.segment import segment_document
from summarizer.stories import Budget, StoryPlan, headline, plan_stories
from summarizer.verifier import verify

PROMPT_OVERHEAD = 200  # tokens of instructions and chat markup around a fact's sentences


def brief(
    paths: list[Path], load_model: Callable[[], Backend], max_items: int | None = 30,
    limits: Limits | None = None, items_per_story: int = 8, max_stories: int = 10,
) -> Brief:
    """The brief of the documents at `paths`; the model is loaded only if input is valid.

    `max_items` bounds the items of the whole brief, shared out over its
    stories (None: only `max_stories` and `items_per_story` bound it).
    """
    timer = Timer()
    with timer.stage("ingest"):
        documents = ingest(paths, limits)
    progress.stage(f"read {len(documents)} documents")
    with timer.stage("segment"):
        corpus = segment_shapes(documents)
    if not any(content_stems(s.text) for s in corpus.body()):
        raise InputError(
            "found no article sentences in the documents (all of it looks like headings, "
            "notices or text without English words)",
            "Pass English news articles: text, Markdown, saved pages, feeds or JSONL.",
        )
    with timer.stage("load_model"):
        model = load_model()
    budget = Budget(max_stories=max_stories, items_per_story=items_per_story,
                    max_items=max_items, prompt_tokens=prompt_budget(model.context_size()))
    main, also, omissions = plan_stories(corpus, budget, timer)
    stories, also_reported, dropped = [], [], []
    every = [*((p, stories) for p in main), *((p, also_reported) for p in also)]
    for planned, into in progress.steps(every, "writing story"):
        story, lost, left_out = write_story(planned, model, timer)
        into.append(story)
        dropped += lost
        omissions += left_out
    shown = [*stories, *also_reported]
    return Brief(
        documents=tuple(
            DocumentRef(**d.model_dump(exclude={"text"}), text=d.text) for d in documents
        ),
        items=tuple(all_items(shown)),
        dropped=tuple(dropped),
        omitted={o.id: o.reason for o in omissions if o.kind == "fact"},
        conflicts=tuple(c for s in stories for c in s.conflicts),
        model=model.info,
        timings=timer.total(),
        stories=tuple(stories),
        also_reported=tuple(also_reported),
        omissions=tuple(omissions),
    )


def prompt_budget(context: int) -> int:
    """Tokens a draft prompt may spend on source sentences."""
    return context - MAX_NEW_TOKENS - PROMPT_OVERHEAD


def segment_shapes(documents: list[Document]) -> Corpus:
    """Sentences with their shape marks; topic marks come per story (`stories.ranking`)."""
    return Corpus(documents=tuple(segment_document(d) for d in documents))


def write_story(planned: StoryPlan, model: Drafter, timer: Timer
                ) -> tuple[Story, list[Dropped], list[Omission]]:
    """Draft and verify one planned story; its Story, lost drafts and omitted facts."""
    with timer.stage("draft"):
        drafts = draft(planned.plan, planned.corpus, model)
    with timer.stage("verify"):
        items, dropped = verify(drafts, planned.plan, planned.corpus)
    several = tuple(i for i in items if i.sources > 1)
    single = tuple(i for i in items if i.sources <= 1)
    chosen = {f.fact_id for f in planned.plan.facts}
    conflicts = tuple(c for c in planned.grouping.conflicts if c.fact_id in chosen)
    story = Story(
        story_id=planned.docs.story_id,
        headline=headline(planned.docs, planned.corpus, [*several, *single]),
        sources=planned.sources, outlets=planned.outlets,
        first_date=planned.first_date, last_date=planned.last_date,
        documents=planned.docs.doc_ids, items=several, single_source=single,
        conflicts=conflicts,
    )
    return story, dropped, _facts_omitted(planned)


def _facts_omitted(planned: StoryPlan) -> list[Omission]:
    facts: dict[str, Fact] = {f.fact_id: f for f in planned.grouping.facts}
    out = []
    for fact_id, reason in planned.plan.omitted.items():
        first = facts[fact_id].sentence_ids[0] if fact_id in facts else None
        text = planned.corpus.sentence(first).text if first else ""
        out.append(Omission(kind="fact", id=fact_id, story_id=planned.docs.story_id,
                            reason=reason, text=text))
    return out


def all_items(stories: list[Story]) -> list[Item]:
    return [i for s in stories for i in (*s.items, *s.single_source)]


