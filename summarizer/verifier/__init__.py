"""The verifier: does the cited evidence support a sentence?

One public entry point, `check(claim, evidence, ...)`, in `decide.py`. The rest of
the package is what it draws on: word keys and the lexicon (`wordkeys`, `lexicon`),
content coverage, numbers, names, opposites (`coverage`, `quantities`, `entities`,
`opposites`, gathered in `signals`), attribution, the learned entailment model
(`entail`, `context`, `entail_model/`) and the calibrated combination of it all
(`combine`); `judge` asks the drafting model as a veto. `clear_caches()` empties
every cache the verifier keeps, as in a fresh process.
"""

from .decide import check, clear_caches

__all__ = ["check", "clear_caches"]
