"""Progress shows on a terminal's stderr and nowhere else."""

from __future__ import annotations

import io

import pytest

from summarizer import progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("stream", "shown"), [(Terminal(), True), (io.StringIO(), False)])
def test_progress_only_on_a_terminal(monkeypatch, stream: io.StringIO, shown: bool) -> None:
    monkeypatch.setattr("sys.stderr", stream)
    progress.stage("grouping")
    assert list(progress.steps(range(3), "writing story")) == [0, 1, 2]
    text = stream.getvalue()
    assert ("grouping…" in text and "writing story" in text) is shown
    assert text == "" or shown
