"""An optional model judge: the loaded GGUF model's probability that evidence supports a claim.

It is one more signal for the verifier, never the only thing that lets a claim
through (see `check.check`): a small model says "yes" too readily to be trusted
alone.
"""

from __future__ import annotations

from typing import Protocol

from summarizer.draft import prompts
from summarizer.models import CheckResult

TEMPLATE = "judge.j2"
VETO_BELOW = 0.5  # P(yes) under which the judge rejects a claim the signals accepted


class Judge(Protocol):
    def option_probabilities(self, user_message: str, options: tuple[str, ...]) -> list[float]: ...


def support_probability(model: Judge, claim: str, evidence: list[str]) -> float:
    """P(yes) for "does the evidence support the claim?", between 0 and 1."""
    question = prompts.render(TEMPLATE, claim=claim, evidence=evidence)
    yes, _ = model.option_probabilities(question, ("yes", "no"))
    return float(yes)


def apply_judge(
    model: Judge, claim: str, evidence: list[str], result: CheckResult
) -> CheckResult:
    """`result` with the judge's say added: it may reject a supported claim, not accept one."""
    chosen = [evidence[i] for i in result.evidence_index] or evidence
    p = support_probability(model, claim, chosen)
    reason = f"model judge: P(supported) = {p:.2f}"
    if result.supported and p < VETO_BELOW:
        return result.model_copy(
            update={"supported": False, "reasons": (f"{reason}, below {VETO_BELOW}",
                                                    *result.reasons)}
        )
    return result.model_copy(update={"reasons": (*result.reasons, reason)})
