"""The stories of a brief: cluster, rank, share out the items, then group and plan each.

Every later stage sees one story's documents only, so no item can cite two
stories, and the cost of grouping grows with the size of a story rather than
with the whole input. Stories are ranked by distinct sources (outlets where
known, else documents; a wire text run by several outlets counts once), then
by their latest date, then by their number of documents. Stories that one
source carries go to a short "also reported" list with one sentence each.
Everything left out is listed in `omissions` with its reason.
"""

from __future__ import annotations

from pathlib import Path

from summarizer import progress
from summarizer.ingest import kind_of
from summarizer.models import UNKNOWN_OUTLET, Corpus, Frozen, Grouping, Omission, Plan, StoryDocs
from summarizer.progress import Timer
from summarizer.segment import mark_corpus, speaks_to_reader
from summarizer.stories.cluster import cluster_documents
from summarizer.stories.group import group
from summarizer.stories.plan import plan

NOT_NEWS = ("its pages speak to the reader, as a notice, a sign-in or shop page or an advert "
            "does: not news")


class StoryPlan(Frozen):
    """One story before the model sees it: its documents, facts and chosen facts."""

    docs: StoryDocs
    corpus: Corpus
    grouping: Grouping
    plan: Plan
    sources: int
    outlets: tuple[str, ...]
    first_date: str | None
    last_date: str | None


class Budget(Frozen):
    max_stories: int = 10
    items_per_story: int = 8
    max_items: int | None = 30  # over the whole brief, shared out; None: no such bound
    prompt_tokens: int = 1700  # a draft prompt's room for source sentences


def _facts_renamed(grouping: Grouping, story_id: str) -> Grouping:
    """Fact IDs unique across the brief: 'story002-f003'."""
    def rename(fact_id: str) -> str:
        return f"{story_id}-{fact_id}"

    return Grouping(
        facts=tuple(f.model_copy(update={"fact_id": rename(f.fact_id)}) for f in grouping.facts),
        conflicts=tuple(c.model_copy(update={"fact_id": rename(c.fact_id)})
                        for c in grouping.conflicts),
    )


def _describe(docs: StoryDocs, corpus: Corpus) -> dict:
    documents = [d.document for d in corpus.documents]
    sources = {d.doc_id if d.outlet == UNKNOWN_OUTLET else d.outlet for d in documents}
    outlets = {d.outlet for d in documents if d.outlet != UNKNOWN_OUTLET}
    # Copies of unknown outlet are named by their file: those are not outlets.
    outlets |= {c for d in documents for c in d.copies if kind_of(Path(c)) is None}
    dates = sorted(d.date for d in documents if d.date)
    return {"sources": len(sources), "outlets": tuple(sorted(outlets)),
            "first_date": dates[0] if dates else None, "last_date": dates[-1] if dates else None}


def rank_key(story: StoryPlan) -> tuple:
    """Distinct sources, then the latest date, then size; the story ID breaks ties."""
    return (-story.sources, _negated(story.last_date or ""), -len(story.docs.doc_ids),
            story.docs.story_id)


def _negated(iso: str) -> tuple[int, ...]:
    return tuple(-ord(c) for c in iso)


def plan_stories(
    corpus: Corpus, budget: Budget, timer: Timer
) -> tuple[list[StoryPlan], list[StoryPlan], list[Omission]]:
    """Stories of several sources and of one, ranked and planned; the omitted ones listed."""
    with timer.stage("stories"):
        clusters = cluster_documents([d.document for d in corpus.documents], corpus)
    by_id = {d.document.doc_id: d for d in corpus.documents}
    position = {doc_id: i for i, doc_id in enumerate(by_id)}
    described = []
    for docs in clusters:
        sub = Corpus(documents=tuple(by_id[i] for i in sorted(docs.doc_ids, key=position.get)))
        described.append((docs, sub, _describe(docs, sub)))
    order = sorted(described, key=lambda t: rank_key(_stub(*t)))
    news = [not all(speaks_to_reader(d) for d in t[1].documents) for t in order]
    omissions = [_story_omitted(t[0], t[1], NOT_NEWS)
                 for t, is_news in zip(order, news, strict=True) if not is_news]
    order = [t for t, is_news in zip(order, news, strict=True) if is_news]
    several = [t for t in order if t[2]["sources"] >= 2]
    single = [t for t in order if t[2]["sources"] < 2]
    omissions += [_story_omitted(t[0], t[1], f"beyond --max-stories {budget.max_stories}")
                  for t in several[budget.max_stories:]]
    omissions += [_story_omitted(t[0], t[1], f"beyond the {budget.max_stories} single-source "
                                 "stories the also-reported list holds")
                  for t in single[budget.max_stories:]]
    several, single = several[: budget.max_stories], single[: budget.max_stories]
    shares = item_shares(len(several), len(single), budget)
    main = [_plan_one(*t, shares[i], budget, timer, also=False)
            for i, t in enumerate(progress.steps(several, "planning story"))]
    also = [_plan_one(*t, shares[len(several) + i], budget, timer, also=True)
            for i, t in enumerate(single)]
    return main, also, omissions


def item_shares(stories: int, also: int, budget: Budget) -> list[tuple[int, bool]]:
    """(most items, whether --max-items is what bounds it) per story, then per also-reported.

    --max-items is shared out, not spent on the first stories: each also-reported
    story gets one item from at most a quarter of it, and the rest is split
    evenly over the stories, the best ones taking what does not divide.

    >>> item_shares(3, 2, Budget(items_per_story=8, max_items=10))
    [(3, True), (3, True), (2, True), (1, False), (1, False)]
    >>> item_shares(1, 0, Budget(items_per_story=8, max_items=30))
    [(8, False)]
    """
    per_story = [(budget.items_per_story, False)] * stories + [(1, False)] * also
    if budget.max_items is None:
        return per_story
    for_also = min(also, budget.max_items // 4) if stories else min(also, budget.max_items)
    left = budget.max_items - for_also
    base, extra = divmod(left, stories) if stories else (0, 0)
    out = []
    for i in range(stories):
        share = base + (i < extra)
        out.append((min(share, budget.items_per_story), share < budget.items_per_story))
    out += [(1, False) if i < for_also else (0, True) for i in range(also)]
    return out


def _stub(docs: StoryDocs, corpus: Corpus, info: dict) -> StoryPlan:
    empty = Grouping(facts=())
    return StoryPlan(docs=docs, corpus=corpus, grouping=empty,
                     plan=Plan(facts=(), prompt_tokens=0), **info)


def _plan_one(docs: StoryDocs, sub: Corpus, info: dict, share: tuple[int, bool],
              budget: Budget, timer: Timer, also: bool) -> StoryPlan:
    with timer.stage("segment"):
        marked = mark_corpus(sub)  # topic and position marks judged within the story
    with timer.stage("group"):
        grouping = _facts_renamed(group(marked), docs.story_id)
    with timer.stage("plan"):
        limit, by_total = share
        chosen = plan(grouping, marked, limit, budget.prompt_tokens)
        bound = (f"beyond --max-items {budget.max_items}" if by_total
                 else "one sentence per story in the also-reported list" if also
                 else f"beyond --items-per-story {limit}")
        chosen = chosen.model_copy(update={"omitted": {
            k: bound if v.startswith("beyond --max-items") else v
            for k, v in chosen.omitted.items()}})
    return StoryPlan(docs=docs, corpus=marked, grouping=grouping, plan=chosen, **info)


def _story_omitted(docs: StoryDocs, corpus: Corpus, reason: str) -> Omission:
    first = corpus.doc(docs.doc_ids[0]).document
    return Omission(kind="story", id=docs.story_id, story_id=docs.story_id, reason=reason,
                    text=first.title)


__all__ = ["Budget", "StoryPlan", "item_shares", "plan_stories", "rank_key"]
