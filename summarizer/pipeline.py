"""Run the stages in order and time each one."""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

from .backend import Backend
from .draft import MAX_NEW_TOKENS, draft
from .errors import InputError
from .group import group
from .ingest import ingest
from .models import Brief, DocumentRef
from .plan import plan
from .reading import Limits
from .segment import segment
from .text import content_stems
from .verify import verify

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
    paths: list[Path], load_model: Callable[[], Backend], max_items: int = 8,
    limits: Limits | None = None,
) -> Brief:
    """The brief of the documents at `paths`; the model is loaded only if input is valid."""
    timer = Timer()
    with timer.stage("ingest"):
        documents = ingest(paths, limits)
    with timer.stage("segment"):
        corpus = segment(documents)
    if not any(content_stems(s.text) for s in corpus.body()):
        raise InputError(
            "found no article sentences in the documents (all of it looks like headings, "
            "notices or text without English words)",
            "Pass English news articles: text, Markdown, saved pages, feeds or JSONL.",
        )
    with timer.stage("load_model"):
        model = load_model()
    with timer.stage("group"):
        grouping = group(corpus)
    with timer.stage("plan"):
        budget = model.context_size() - MAX_NEW_TOKENS - PROMPT_OVERHEAD
        chosen = plan(grouping, corpus, max_items, budget)
    with timer.stage("draft"):
        drafts = draft(chosen, corpus, model)
    with timer.stage("verify"):
        items, dropped = verify(drafts, chosen, corpus)
    return Brief(
        documents=tuple(
            DocumentRef(**d.model_dump(exclude={"text"}), text=d.text) for d in documents
        ),
        items=tuple(items),
        dropped=tuple(dropped),
        omitted=chosen.omitted,
        conflicts=grouping.conflicts,
        model=model.info,
        timings=timer.total(),
    )
