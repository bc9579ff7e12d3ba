"""The examples in the modules' docstrings are run as tests."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import summarizer

# Every module of the package and its subpackages (the verifier), by dotted name.
MODULES = sorted(m.name for m in pkgutil.walk_packages(summarizer.__path__, "summarizer.")
                 if not m.ispkg)


def test_the_modules_are_all_here() -> None:
    assert {"summarizer.stories.group", "summarizer.ingest.files",
            "summarizer.segment.sentences", "summarizer.language.text",
            "summarizer.verifier.decide", "summarizer.verifier.signals",
            "summarizer.language.reference", "summarizer.progress"} <= set(MODULES)


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"
