"""Decide whether evidence supports a claim, combining the signals in `signals.py`.

Content alignment gives the base score; each hard error (a number, date or
name the evidence lacks, a flipped negation, an antonym, swapped roles)
scales it down and is reported as a reason. With several evidence texts the
best single one is tried first, then the smallest greedy union, as MiniCheck
takes the best over chunks.
"""

from __future__ import annotations

from . import signals
from .models import CheckResult

THRESHOLD = 0.75  # score at or above which a claim with no hard error is supported
PENALTY = 0.4  # multiplier applied once per kind of hard error


def judge(claim: str, evidence: str) -> tuple[float, list[str], bool]:
    """(score, reasons, hard_error) for one claim against one evidence text."""
    share, missing = signals.coverage(claim, evidence)
    reasons = []
    if missing:
        reasons.append(f"words not in the evidence: {', '.join(missing)}")
    errors = []
    if numbers := signals.missing_numbers(claim, evidence):
        errors.append(f"numbers not in the evidence: {', '.join(numbers)}")
    if names := signals.missing_names(claim, evidence):
        errors.append(f"names not in the evidence: {', '.join(names)}")
    if signals.polarity_flip(claim, evidence):
        errors.append("negation differs from the evidence")
    if swaps := signals.antonym_swaps(claim, evidence):
        errors.append("opposite words: " + ", ".join(f"{c} vs {e}" for c, e in swaps))
    if roles := signals.role_swaps(claim, evidence):
        errors.append("roles swapped: " + ", ".join(f"{a} and {b}" for a, b in roles))
    score = share * PENALTY ** len(errors)
    return score, errors + reasons, bool(errors)


def check(claim: str, evidence: list[str]) -> CheckResult:
    """Check `claim` against each evidence text, then against the best union of them.

    >>> check("Kim ordered new factories.", ["Rain fell.", "Kim orders new factories."])
    CheckResult(supported=True, score=1.0, evidence_index=(1,), reasons=('covers all content words',))
    """
    if not evidence or not claim.strip():
        return CheckResult(supported=False, score=0.0, evidence_index=(), reasons=("no evidence",))
    judged = [judge(claim, e) for e in evidence]
    best = max(range(len(evidence)), key=lambda i: (judged[i][0], -i))
    chosen = [best]
    score, reasons, hard = judged[best]
    if len(evidence) > 1 and not _passes(score, hard):
        chosen = _greedy_union(claim, evidence, best)
        score, reasons, hard = judge(claim, " ".join(evidence[i] for i in chosen))
    supported = _passes(score, hard)
    if supported and not reasons:
        reasons = ["covers all content words"]
    return CheckResult(
        supported=supported,
        score=round(min(max(score, 0.0), 1.0), 4),
        evidence_index=tuple(chosen),
        reasons=tuple(reasons),
    )


def _passes(score: float, hard: bool) -> bool:
    return score >= THRESHOLD and not hard


def _greedy_union(claim: str, evidence: list[str], first: int) -> list[int]:
    """Add evidence texts while each raises the score of the union."""
    chosen, score = [first], judge(claim, evidence[first])[0]
    improved = True
    while improved:
        improved = False
        for i in range(len(evidence)):
            if i in chosen:
                continue
            trial = judge(claim, " ".join(evidence[j] for j in [*chosen, i]))[0]
            if trial > score + 1e-9:
                chosen, score, improved = [*chosen, i], trial, True
    return chosen
