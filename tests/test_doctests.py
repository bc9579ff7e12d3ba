"""The examples in the modules' docstrings are run as tests."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import summarizer

MODULES = sorted(m.name for m in pkgutil.iter_modules(summarizer.__path__))


def test_the_modules_are_all_here() -> None:
    assert {"check", "group", "ingest", "noise", "segment", "signals", "text", "tokens"} <= set(
        MODULES
    )


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    module = importlib.import_module(f"summarizer.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"
