"""Run the stages in order and time each one."""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

from . import progress
from .backend import Backend
from .briefing import Budget, Timings, all_items, plan_stories, write_story
from .draft import MAX_NEW_TOKENS
from .errors import InputError
from .ingest import ingest
from .models import Brief, Corpus, Document, DocumentRef
from .reading import Limits
from .segment import segment_document
from .text import content_stems

PROMPT_OVERHEAD = 200  # tokens of instructions and chat markup around a fact's sentences


class Timer:
    def __init__(self) -> None:
        self.timings: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str):
        start = time.perf_counter()
        yield
        self.timings[name] = round(time.perf_counter() - start, 4)

    def total(self) -> dict[str, float]:
        return {**self.timings, "total": round(sum(self.timings.values()), 4)}


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
    timings = Timings()
    budget = Budget(max_stories=max_stories, items_per_story=items_per_story,
                    max_items=max_items, prompt_tokens=prompt_budget(model.context_size()))
    main, also, omissions = plan_stories(corpus, budget, timings)
    stories, also_reported, dropped = [], [], []
    every = [*((p, stories) for p in main), *((p, also_reported) for p in also)]
    for planned, into in progress.steps(every, "writing story"):
        story, lost, left_out = write_story(planned, model, timings)
        into.append(story)
        dropped += lost
        omissions += left_out
    for name, seconds in timings.seconds.items():
        timer.timings[name] = round(timer.timings.get(name, 0.0) + seconds, 4)
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
    """Sentences with their shape marks; topic marks come per story (`briefing.py`)."""
    return Corpus(documents=tuple(segment_document(d) for d in documents))
