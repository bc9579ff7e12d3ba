"""One calibrated score from the entailment probability and the rule signals.

A logistic model over: the model's log-odds, the share of the claim's content
words the evidence states, and one flag per hard signal that fired. Its
weights and the thresholds were fitted on held-out TRAINING pairs
(`training/fit_combiner.py`), never on the evaluation sets, and are read from
`entail_model/combiner.json`. A number or date the evidence lacks, and every
other error a rule names, stays a hard error whatever the score (`KEPT_HARD`).
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from typing import Protocol

from summarizer.verifier.entail import model_dir

FLAGS = ("numbers", "names", "negation", "antonyms", "classes", "phrases", "roles",
         "contradiction")
# Every error a rule names stays a hard error: with the model hard only on numbers,
# the seeds suite lost 5 points of perturbed claims rejected and SummEdits 5 points
# of balanced accuracy (evals/verifier.py); the model adds to the rules, it does not
# overrule them.
KEPT_HARD = frozenset({*FLAGS, "parties"})  # the parse came after the combiner was fitted
FEATURES = ("logit", "share", *FLAGS, "attribution")
CLIP = 8.0


class Rules(Protocol):
    share: float
    fired: tuple[str, ...]
    attributed: str | None


def features(p: float, rules: Rules) -> list[float]:
    """The combiner's inputs, in the order of `FEATURES`."""
    p = min(max(p, 1e-6), 1 - 1e-6)
    logit = min(max(math.log(p / (1 - p)), -CLIP), CLIP)
    return [logit, rules.share, *(float(name in rules.fired) for name in FLAGS),
            float(rules.attributed is not None)]


@lru_cache(maxsize=1)
def weights() -> dict:
    """Fitted weights and thresholds; without a fit, the model's probability alone at 0.5."""
    path = model_dir() / "combiner.json"
    if path.is_file():
        fitted = json.loads(path.read_text(encoding="utf-8"))
        if fitted.get("features") == list(FEATURES):  # else fitted for other features
            return fitted
    return {"weights": [1.0] + [0.0] * (len(FEATURES) - 1), "bias": 0.0,
            "threshold": 0.5, "model_threshold": 0.5}


def score(p: float, rules: Rules) -> float:
    """P(supported) from the model's probability and what the rules found."""
    w = weights()
    z = w["bias"] + sum(a * b for a, b in zip(w["weights"], features(p, rules), strict=True))
    return 1 / (1 + math.exp(-z))


def threshold(model_alone: bool = False) -> float:
    """The fitted threshold: for the model alone when every rule signal is off."""
    w = weights()
    return w["model_threshold"] if model_alone else w["threshold"]
