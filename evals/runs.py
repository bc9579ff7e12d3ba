"""The drafting model of an eval run, loaded once and shared by every brief it makes."""

from __future__ import annotations

import time
from pathlib import Path

from summarizer.draft import Backend
from summarizer.models import Brief
from summarizer.pipeline import brief as run_pipeline
from summarizer.settings import load_settings, resolve_model

MIX_ITEMS_PER_STORY = 3  # items per story in the briefs of Multi-News mixes


class Models:
    """The drafting model, loaded once and shared by every brief of the run."""

    def __init__(self, path: Path | None = None) -> None:
        self.settings = load_settings()
        self.path = resolve_model(path, self.settings)
        self._backend: Backend | None = None
        self.load_seconds = 0.0

    def backend(self) -> Backend:
        if self._backend is None:
            start = time.perf_counter()
            self._backend = Backend.from_settings(self.path, self.settings)
            self.load_seconds = round(time.perf_counter() - start, 3)
        return self._backend

    def brief(self, paths: list[Path]) -> Brief:
        return run_pipeline(paths, self.backend, max_items=self.settings.max_items,
                            items_per_story=self.settings.max_items)

    def morning(self, paths: list[Path]) -> Brief:
        """A brief of a mix of stories: fewer items per story, so that many stories fit."""
        return run_pipeline(paths, self.backend, items_per_story=MIX_ITEMS_PER_STORY)
