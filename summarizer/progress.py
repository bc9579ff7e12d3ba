"""How a long brief is going: its progress on stderr, and the seconds each stage took.

tqdm draws the bars, and only when stderr is a terminal: a pipe, a file or a
test sees nothing at all, so that what a program reads from stdout or stderr
never holds a progress bar. `Timer` is the one stage clock of a run; a stage
that runs once per story adds up over the stories.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from tqdm import tqdm

T = TypeVar("T")


def enabled() -> bool:
    return sys.stderr.isatty()


def steps(items: Iterable[T], what: str, total: int | None = None) -> Iterator[T]:
    """`items`, with a bar named `what` on a terminal ("story", "draft")."""
    yield from tqdm(items, desc=what, total=total, file=sys.stderr, disable=not enabled(),
                    leave=False, unit=" " + what.split()[-1], dynamic_ncols=True)


def stage(name: str) -> None:
    """One line saying which stage has begun, on a terminal only."""
    if enabled():
        tqdm.write(f"{name}…", file=sys.stderr)


class Timer:
    """Seconds per stage, summed over every time the stage ran.

    >>> timer = Timer()
    >>> for _ in range(2):
    ...     with timer.stage("draft"):
    ...         pass
    >>> list(timer.total())
    ['draft', 'total']
    """

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            spent = time.perf_counter() - start
            self.seconds[name] = round(self.seconds.get(name, 0.0) + spent, 4)

    def total(self) -> dict[str, float]:
        """Every stage's seconds and their sum, as a brief's `timings`."""
        return {**self.seconds, "total": round(sum(self.seconds.values()), 4)}
