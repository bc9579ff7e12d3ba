"""Independent checks of one claim against one evidence text.

Each function looks at one kind of error and returns what it found, so that
each can be tested, weighed and reported on its own; `check.py` combines them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .text import content_stems, negated, numbers, proper_names, stem, words

_NUMBER_WORDS = {
    w: str(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}

# Pairs whose swap turns a statement into its opposite. Stems, so inflections match.
_ANTONYMS = [
    ("expand", "cut"), ("expand", "reduc"), ("expand", "shrink"), ("increas", "decreas"),
    ("increas", "reduc"), ("increas", "cut"), ("rise", "fall"), ("boost", "cut"),
    ("deni", "admit"), ("deni", "confirm"), ("approv", "reject"), ("accept", "reject"),
    ("win", "lose"), ("ralli", "fell"), ("strengthen", "weaken"), ("higher", "lower"),
    ("more", "fewer"), ("more", "less"), ("start", "end"), ("open", "close"),
    ("support", "oppos"), ("acceler", "slow"), ("before", "after"), ("earli", "later"),
    ("increas", "fell"), ("grow", "shrink"), ("largest", "smallest"), ("success", "fail"),
]
ANTONYMS: dict[str, set[str]] = {}
for _a, _b in _ANTONYMS:
    ANTONYMS.setdefault(_a, set()).add(_b)
    ANTONYMS.setdefault(_b, set()).add(_a)


@lru_cache(maxsize=65536)
def stem_set(text: str) -> frozenset[str]:
    return frozenset(content_stems(text)) | frozenset(numbers(text))


def quantities(text: str) -> set[str]:
    """Numbers in digits or words, as canonical digit strings.

    >>> sorted(quantities("fifteen thousand troops, 15,000 in all, for five years"))
    ['15000', '5']
    """
    found = set(numbers(text))
    tokens = words(text)
    value = None
    for w in [*tokens, ""]:
        if w in _NUMBER_WORDS:
            value = (value or 0) + int(_NUMBER_WORDS[w])
        elif w in _SCALES and value is not None:
            value *= _SCALES[w]
        elif value is not None:
            found.add(str(value))
            value = None
    return found


def missing_numbers(claim: str, evidence: str) -> list[str]:
    """Claim numbers absent from the evidence; '2025' is not matched by '25'."""
    have = quantities(evidence)
    return sorted(n for n in quantities(claim) if n not in have)


def missing_names(claim: str, evidence: str) -> list[str]:
    """Capitalised names in the claim that no evidence word matches, by stem."""
    have = {stem(w) for w in words(evidence)} | {w for w in words(evidence)}
    return sorted(n for n in proper_names(claim) if n not in have and stem(n) not in have)


def coverage(claim: str, evidence: str) -> tuple[float, list[str]]:
    """Share of the claim's content stems found in the evidence, and the ones missing.

    >>> coverage("Kim ordered new factories", "Kim orders the building of new factories")
    (1.0, [])
    """
    claim_stems = list(dict.fromkeys(content_stems(claim)))
    if not claim_stems:
        return 0.0, []
    have = stem_set(evidence)
    missing = [s for s in claim_stems if s not in have]
    return 1 - len(missing) / len(claim_stems), missing


def polarity_flip(claim: str, evidence: str) -> bool:
    """True when exactly one side is negated."""
    return negated(claim) != negated(evidence)


def antonym_swaps(claim: str, evidence: str) -> list[tuple[str, str]]:
    """(claim stem, evidence stem) pairs where the claim says the opposite word."""
    claim_stems, have = stem_set(claim), stem_set(evidence)
    return sorted(
        (c, e)
        for c in claim_stems - have
        for e in ANTONYMS.get(c, ())
        if e in have
    )


_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are)\s+\w+(?:ed|en)\s+by\b", re.IGNORECASE)


def role_swaps(claim: str, evidence: str) -> list[tuple[str, str]]:
    """Name pairs that swap sides of the same word: "X accused Y" against "Y accused X".

    Only active-voice sentences are compared, since a passive reverses the
    order of the same roles.

    >>> role_swaps("Russia supplied Pyongyang with shells", "Pyongyang supplied Russia")
    [('russia', 'pyongyang')]
    """
    if _PASSIVE.search(claim) or _PASSIVE.search(evidence):
        return []
    claim_words, evidence_words = words(claim), words(evidence)
    claim_at = _first_positions(claim_words, proper_names(claim))
    evidence_at = _first_positions(evidence_words, proper_names(evidence))
    swaps = []
    for a, b in ((a, b) for a in claim_at for b in claim_at if claim_at[a] < claim_at[b]):
        if a in evidence_at and b in evidence_at and evidence_at[b] < evidence_at[a]:
            between_claim = _stems(claim_words[claim_at[a] + 1 : claim_at[b]])
            between_evidence = _stems(evidence_words[evidence_at[b] + 1 : evidence_at[a]])
            if between_claim & between_evidence:
                swaps.append((a, b))
    return swaps


def _first_positions(tokens: list[str], names: set[str]) -> dict[str, int]:
    at: dict[str, int] = {}
    for i, w in enumerate(tokens):
        if w.removesuffix("'s") in names:
            at.setdefault(w.removesuffix("'s"), i)
    return at


def _stems(tokens: list[str]) -> set[str]:
    return set(content_stems(" ".join(tokens)))
