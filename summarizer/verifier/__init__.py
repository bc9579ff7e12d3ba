"""The verifier: does the cited evidence support a sentence?

`check(claim, evidence, ...)` (in `decide.py`) is the verifier as a product of
its own (`summarizer check`); `verify(candidates, plan, corpus)` (`verify_drafts.py`)
is the pipeline's stage, which keeps, repairs, replaces or drops each draft
(`quote` stands in for it when there is no model, with `--draft never`);
`recheck(brief)` (`recheck_brief.py`) checks a saved brief again. The rest is what
they draw on: content coverage, numbers, names, opposites (`coverage`,
`opposites`, gathered in `signals` with the readers of `summarizer.language`),
attribution, the learned entailment model (`entail`, `context`, `entail_model/`)
and the calibrated combination of it all (`combine`). `clear_caches()` empties
every cache the verifier keeps, as in a fresh process.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from summarizer.verifier.concise import (
        ADDED,
        OPENING,
        filing_end,
        is_participle,
        open_quote,
        safe_to_cut,
    )
    from summarizer.verifier.decide import check, clear_caches, for_sources, same_fact
    from summarizer.verifier.recheck_brief import document_text, load_brief, recheck
    from summarizer.verifier.verify_drafts import quote, verify

# name -> the module that defines it
_HOMES = {
    "ADDED": "concise", "OPENING": "concise", "filing_end": "concise",
    "is_participle": "concise", "open_quote": "concise", "safe_to_cut": "concise",
    "check": "decide", "clear_caches": "decide", "for_sources": "decide",
    "same_fact": "decide",
    "quote": "verify_drafts",
    "verify": "verify_drafts", "recheck": "recheck_brief", "load_brief": "recheck_brief",
    "document_text": "recheck_brief",
}
__all__ = ["ADDED", "OPENING", "check", "clear_caches", "document_text", "filing_end",
           "for_sources", "is_participle", "load_brief", "open_quote", "quote", "recheck",
           "safe_to_cut", "same_fact", "verify"]


def __getattr__(name: str) -> object:
    # Loaded on first use, so that `summarizer.verifier.entail` alone (the training and
    # export scripts, which run where the signals' word lists are not installed) stays light.
    if name in _HOMES:
        return getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
