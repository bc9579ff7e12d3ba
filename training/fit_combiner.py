"""Fit the combiner (`summarizer/verifier/combine.py`) and its thresholds on held-out pairs.

Reads `training/out/heldout.jsonl` (pairs the entailment model was not trained
on; never WiCE, SummEdits news or FRANK), scores each with the exported model
and the rule signals exactly as `check()` does, fits a logistic regression on
the features of `combine.FEATURES`, and picks two thresholds that maximise
balanced accuracy over cross-validated predictions: one for the combined
score, one for the model's probability alone (the ablation). Writes
`summarizer/verifier/entail_model/combiner.json`.

Run: `python -m training.fit_combiner`.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_predict

from summarizer.segment.sentences import split_spans
from summarizer.verifier import combine, entail
from summarizer.verifier.decide import rule_check

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "training" / "out" / "heldout.jsonl"


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_spans(text)] or [text]


def best_threshold(scores: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """(threshold, balanced accuracy) maximising balanced accuracy, hard errors aside."""
    best = (0.5, 0.0)
    for t in np.unique(np.round(scores, 3)):
        tpr = (scores[labels == 1] >= t).mean()
        tnr = (scores[labels == 0] < t).mean()
        if 50 * (tpr + tnr) > best[1]:
            best = (float(t), float(50 * (tpr + tnr)))
    return best


def main() -> None:
    with HELDOUT.open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    evidence = [sentences(r["evidence"]) for r in rows]
    x, hard, probs = [], [], []
    for r, e in zip(rows, evidence, strict=True):
        p = entail.probability(r["claim"], e)
        assert p is not None, "the exported model is needed: run training.export first"
        rules = rule_check(r["claim"], e)
        x.append(combine.features(p, rules))
        hard.append(bool(set(rules.fired) & combine.KEPT_HARD))
        probs.append(p)
    x_arr, y = np.array(x), np.array([r["label"] for r in rows])
    lr = LogisticRegression(C=1.0, max_iter=1000)
    cv = cross_val_predict(lr, x_arr, y, cv=5, method="predict_proba")[:, 1]
    cv = np.where(hard, 0.0, cv)  # a kept hard error rejects whatever the score
    threshold, bacc = best_threshold(cv, y)
    model_threshold, model_bacc = best_threshold(np.array(probs), y)
    lr.fit(x_arr, y)
    out = {
        "features": list(combine.FEATURES),
        "weights": [round(float(w), 5) for w in lr.coef_[0]],
        "bias": round(float(lr.intercept_[0]), 5),
        "threshold": round(threshold, 3),
        "model_threshold": round(model_threshold, 3),
        "fitted_on": f"{len(rows)} held-out training pairs (training/out/heldout.jsonl)",
        "heldout_bacc_cv": round(bacc, 2),
        "heldout_bacc_model_alone": round(model_bacc, 2),
    }
    path = entail.model_dir() / "combiner.json"
    path.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
