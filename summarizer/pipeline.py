"""Run the stages in order, story by story once the stories are found, and time each.

ingest -> segment -> stories (cluster, rank, group, plan) -> draft (every story's
facts, several at once to a server) -> per story: verify -> headline; the Brief
gathers it all. Every stage is a package of its own; this module is the only place
that knows their order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

from summarizer import progress
from summarizer.archive import Store, earlier, record
from summarizer.draft import MAX_NEW_TOKENS, Drafter, draft_all
from summarizer.errors import InputError
from summarizer.ingest import Limits, ingest
from summarizer.language.text import content_stems
from summarizer.models import (
    Brief,
    Candidate,
    Corpus,
    Document,
    DocumentRef,
    Drafting,
    Dropped,
    Fact,
    Item,
    ModelInfo,
    Omission,
    Story,
)
from summarizer.progress import Timer
from summarizer.segment import segment_document
from summarizer.stories import Budget, StoryPlan, headline, plan_stories
from summarizer.verifier import quote, verify

PROMPT_OVERHEAD = 200  # tokens of instructions and chat markup around a fact's sentences
NO_MODEL = ModelInfo(path="", name="none (--draft never)", sha256="")


def brief(
    paths: list[Path], load_model: Callable[[], Drafter] | None, max_items: int | None = 30,
    limits: Limits | None = None, items_per_story: int = 8, max_stories: int = 10,
    parallel: int = 1, context: int = 2048, archive: Store | None = None,
    as_of: str | None = None, arguments: dict | None = None,
) -> Brief:
    """The brief of the documents at `paths`; the model is loaded only if input is valid.

    `max_items` bounds the items of the whole brief, shared out over its
    stories (None: only `max_stories` and `items_per_story` bound it). Without
    `load_model` (`--draft never`) no model is loaded: each fact's item is its
    best-supported source sentence, planned as for a model of `context` tokens.
    `parallel` drafting requests go out at once (to a server; the brief is the same).
    With an `archive`, documents an earlier day briefed are context, not news, and
    the brief is linked to earlier days' threads and recorded under `as_of`.
    """
    timer = Timer()
    with timer.stage("ingest"):
        documents = ingest(paths, limits)
    progress.stage(f"read {len(documents)} documents")
    context_docs: list[Omission] = []
    if archive is not None:
        with timer.stage("archive"):
            documents, context_docs = _news_only(documents, archive, as_of or "")
        if not documents:  # nothing but what earlier days briefed: a day with no news
            empty = Brief(documents=(), items=(), dropped=(), conflicts=(), model=NO_MODEL,
                          timings=timer.total(), omissions=tuple(context_docs), as_of=as_of)
            return record(archive, empty, as_of or "", arguments or {})
    with timer.stage("segment"):
        corpus = segment_shapes(documents)
    if not any(content_stems(s.text) for s in corpus.body()):
        raise InputError(
            "found no article sentences in the documents (all of it looks like headings, "
            "notices or text without English words)",
            "Pass English news articles: text, Markdown, saved pages, feeds or JSONL.",
        )
    model = None
    if load_model is not None:
        with timer.stage("load_model"):
            model = load_model()
    budget = Budget(max_stories=max_stories, items_per_story=items_per_story,
                    max_items=max_items,
                    prompt_tokens=prompt_budget(model.context_size() if model else context))
    main, also, omissions = plan_stories(corpus, budget, timer)
    every = [*main, *also]
    drafts: list[list[Candidate | Dropped]] | list[None] = [None] * len(every)
    if model is not None:
        with timer.stage("draft"):
            drafts = draft_all([(p.plan, p.corpus) for p in every], model, parallel)
    written = [write_story(planned, story_drafts, timer)
               for planned, story_drafts in zip(every, drafts, strict=True)]
    stories = [story for story, _, _ in written]
    dropped = [d for _, lost, _ in written for d in lost]
    omissions += [o for _, _, left_out in written for o in left_out]
    result = Brief(
        documents=tuple(
            DocumentRef(**d.model_dump(exclude={"text"}), text=d.text) for d in documents
        ),
        items=tuple(all_items(stories)),
        dropped=tuple(dropped),
        omitted={o.id: o.reason for o in omissions if o.kind == "fact"},
        conflicts=tuple(c for s in stories[: len(main)] for c in s.conflicts),
        model=model.info if model else NO_MODEL,
        timings=timer.total(),
        stories=tuple(stories[: len(main)]),
        also_reported=tuple(stories[len(main):]),
        omissions=tuple(omissions),
        drafting=fitness(model, parallel, [d for ds in drafts if ds for d in ds],
                         all_items(stories)),
        as_of=as_of,
    )
    if archive is None:
        return result
    with timer.stage("archive"):
        result = result.model_copy(update={"omissions": (*result.omissions, *context_docs)})
        recorded = record(archive, result, as_of or "", arguments or {})
    return recorded.model_copy(update={"timings": timer.total()})


def _news_only(documents: list[Document], archive: Store, as_of: str,
               ) -> tuple[list[Document], list[Omission]]:
    """Today's documents that no earlier day briefed, and the others as omissions."""
    seen = earlier(archive, documents, as_of)
    context = [Omission(kind="document", id=d.doc_id, story_id="", text=d.title,
                        reason=f"briefed on {seen[d.doc_id]}: context, not news")
               for d in documents if d.doc_id in seen]
    return [d for d in documents if d.doc_id not in seen], context


def fitness(model: Drafter | None, parallel: int, drafts: list[Candidate | Dropped],
            items: list[Item]) -> Drafting:
    """How the items were written: what became of every draft the model was asked for."""
    origins = Counter(item.origin for item in items)
    if model is None:
        return Drafting(mode="never", backend="none", parallel=1, quoted=origins["quoted"])
    asked = sum(not (isinstance(d, Candidate) and d.origin == "quoted") for d in drafts)
    kept = {k: origins[k] for k in ("drafted", "repaired", "replaced")}
    return Drafting(mode="model", backend=model.where, parallel=min(parallel, model.slots),
                    asked=asked, **kept,
                    dropped=max(asked - sum(kept.values()), 0), quoted=origins["quoted"])


def prompt_budget(context: int) -> int:
    """Tokens a draft prompt may spend on source sentences."""
    return context - MAX_NEW_TOKENS - PROMPT_OVERHEAD


def segment_shapes(documents: list[Document]) -> Corpus:
    """Sentences with their shape marks; topic marks come per story (`stories.ranking`)."""
    return Corpus(documents=tuple(segment_document(d) for d in documents))


def write_story(planned: StoryPlan, drafts: list[Candidate | Dropped] | None, timer: Timer
                ) -> tuple[Story, list[Dropped], list[Omission]]:
    """Verify one planned story's drafts (or quote its sources, with none); its Story, lost
    drafts and omitted facts."""
    with timer.stage("verify"):
        if drafts is None:
            items, dropped = quote(planned.plan, planned.corpus), []
        else:
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


