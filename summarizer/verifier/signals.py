"""Independent checks of one claim against one evidence text.

Each function looks at one kind of error and returns what it found, so that
each can be tested, weighed and reported on its own; `decide.py` combines them.
The checks live in one module per concern; this module gathers them under
their historical names so that callers keep one import:

- `wordkeys`: tokens and the keys under which words meet (stems, lemmas, synonyms);
- `acronyms`: acronyms against the words they abbreviate;
- `quantities`: numbers in digits and in words;
- `coverage`: the share of the claim's content words the evidence states;
- `entities`: names the evidence lacks, and names that swap roles in the word order;
- `roles`: who did what to whom, from a dependency parse;
- `opposites`: negation, antonyms and closed-class substitutions.
"""

from __future__ import annotations

from summarizer.language.acronyms import acronym_runs
from summarizer.language.entities import ROLE_SPAN, missing_names, names, role_swaps
from summarizer.language.quantities import (
    evidence_keys,
    missing_numbers,
    quantities,
    read_quantities,
    stated_numbers,
)
from summarizer.language.roles import party_errors
from summarizer.language.wordkeys import keys, lemma_stems, normalise, stem_set, tokens
from summarizer.verifier.coverage import content_units, coverage, unsupported_phrase
from summarizer.verifier.opposites import antonym_bases, antonym_swaps, class_swaps, polarity_flip

__all__ = [
    "ROLE_SPAN",
    "acronym_runs",
    "antonym_bases",
    "antonym_swaps",
    "class_swaps",
    "content_units",
    "coverage",
    "evidence_keys",
    "keys",
    "lemma_stems",
    "missing_names",
    "missing_numbers",
    "names",
    "normalise",
    "party_errors",
    "polarity_flip",
    "quantities",
    "read_quantities",
    "role_swaps",
    "stated_numbers",
    "stem_set",
    "tokens",
    "unsupported_phrase",
]
