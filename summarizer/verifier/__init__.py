"""The verifier: does the cited evidence support a sentence?

One public entry point, `check(claim, evidence, ...)`, in `decide.py`. The rest of
the package is what it draws on: word keys and the lexicon (`wordkeys`, `lexicon`),
content coverage, numbers, names, opposites (`coverage`, `quantities`, `entities`,
`opposites`, gathered in `signals`), attribution, the learned entailment model
(`entail`, `context`, `entail_model/`) and the calibrated combination of it all
(`combine`); `judge` asks the drafting model as a veto. `clear_caches()` empties
every cache the verifier keeps, as in a fresh process.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .decide import check, clear_caches

__all__ = ["check", "clear_caches"]


def __getattr__(name: str) -> object:
    # Loaded on first use, so that `summarizer.verifier.entail` alone (the training and
    # export scripts, which run where the signals' word lists are not installed) stays light.
    if name in __all__:
        from . import decide

        return getattr(decide, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
