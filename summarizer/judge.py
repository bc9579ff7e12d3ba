"""An optional model judge: the loaded GGUF model's probability that evidence supports a claim.

It is one more signal for the verifier, never the only thing that lets a claim
through (see `check.check`): a small model says "yes" too readily to be trusted
alone.
"""

from __future__ import annotations

from typing import Protocol

from . import prompts

TEMPLATE = "judge.j2"


class Judge(Protocol):
    def option_probabilities(self, user_message: str, options: tuple[str, ...]) -> list[float]: ...


def support_probability(model: Judge, claim: str, evidence: list[str]) -> float:
    """P(yes) for "does the evidence support the claim?", between 0 and 1."""
    question = prompts.render(TEMPLATE, claim=claim, evidence=evidence)
    yes, _ = model.option_probabilities(question, ("yes", "no"))
    return float(yes)
