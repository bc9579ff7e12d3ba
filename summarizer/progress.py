"""Progress on stderr while a long brief runs, and only when stderr is a terminal.

tqdm draws the bars; a pipe, a file or a test sees nothing at all, so that
what a program reads from stdout or stderr never holds a progress bar.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
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
