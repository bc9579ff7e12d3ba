"""The evidence a cross-encoder reads: the sentences that share most with the claim.

The entailment model reads at most a few hundred tokens, so a long evidence
list (a whole article) is cut down to the sentences that share the most
content words with the claim, kept in their original order. Training
(`training/prepare.py`) cuts its long documents with the same function, so
the model sees at run time what it saw in training. Plain regular
expressions only: this module must import without the project's other
dependencies.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_STOP = frozenset(
    "a an the and or but of to in on at by for with from as is are was were be been being "
    "has have had do does did will would can could should may might must it its this that "
    "these those he she they we i you his her their our your him them us me who which what "
    "when where why how not no than then there here also about into over after before said "
    "says say s".split()
)
BUDGET_WORDS = 85  # evidence words the model reads (~110 tokens), beside the claim


def _keys(text: str) -> set[str]:
    """Content words cut to five letters, so that "ordered" meets "orders"."""
    return {w[:5] for w in _WORD.findall(text.lower()) if w not in _STOP}


def select(claim: str, evidence: list[str], budget: int = BUDGET_WORDS) -> str:
    """The evidence sentences that share most with `claim`, in order, within `budget` words.

    The best sentence is always kept (cut to the budget), then the sentence before
    it when it fits (it often names who "he" or "the company" is), then the next
    best ones.

    >>> select("Kim ordered new factories.", ["Rain fell.", "Kim ordered factories.", "Hi."], 4)
    'Kim ordered factories.'
    """
    if not evidence:
        return ""
    claim_keys = _keys(claim)
    overlap = [len(claim_keys & _keys(s)) for s in evidence]
    ranked = sorted(range(len(evidence)), key=lambda i: (-overlap[i], i))
    best = ranked[0]
    order = [best, *([best - 1] if best > 0 else []), *ranked[1:]]
    chosen: list[int] = []
    used = 0
    for i in order:
        n = len(evidence[i].split())
        if i in chosen or (chosen and used + n > budget):
            continue
        if chosen and overlap[i] == 0 and i != best - 1:
            break  # nothing more about the claim
        chosen.append(i)
        used += n
    text = " ".join(evidence[i].strip() for i in sorted(chosen))
    words = text.split()
    return " ".join(words[:budget]) if len(words) > budget else text
