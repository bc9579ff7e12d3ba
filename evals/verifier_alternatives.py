"""Two ways of using a model that the verifier does not ship, measured for the record.

- `--judge`: the default GGUF model asked yes/no whether an article supports a
  summary (`verifier.judge.support_probability`), on SummEdits news dev. It needs
  the installed default model.
- `--veto`: the learned entailment model as a veto over the rule signals: a claim
  the rules accept is rejected when the model's probability is under a bound. The
  bound is chosen on the held-out TRAINING pairs (`training/out/heldout.jsonl`),
  then the dev sets and both adversarial suites are measured at it.

`python -m evals.verifier_alternatives [--judge] [--veto]` prints what it finds.
"""

from __future__ import annotations

import argparse
import json
import time
from functools import cache
from pathlib import Path

from summarizer.verifier import decide, entail

from .verifier import (
    EVALDATA,
    SETS,
    SUITES,
    Example,
    auc,
    balanced_accuracy,
    doc_sentences,
    read_jsonl,
)

HELDOUT = Path(__file__).resolve().parent.parent / "training" / "out" / "heldout.jsonl"
VETOES = (0.0, 0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3)  # 0.0: the rules alone


def judge() -> dict:
    """Balanced accuracy and AUC of the default GGUF model as a judge on SummEdits news dev."""
    from summarizer.draft.backend import Backend
    from summarizer.draft.judge import support_probability
    from summarizer.settings import load_settings, resolve_model
    from summarizer.verifier.context import select

    settings = load_settings()
    model = Backend.from_settings(resolve_model(None, settings), settings)
    rows = read_jsonl(EVALDATA / "summedits_news" / "summedits_news_dev.jsonl")
    start = time.perf_counter()
    examples: list[Example] = []
    for r in rows:
        evidence = select(r["summary"], list(doc_sentences(r["doc"])))
        p = support_probability(model, r["summary"], [evidence])
        examples.append((p, "pos" if r["label"] == 1 else "neg"))
    pos = [p for p, label in examples if label == "pos"]
    neg = [p for p, label in examples if label == "neg"]
    return {"pairs": len(examples), "seconds": round(time.perf_counter() - start, 1),
            "auc": round(100 * auc(pos, neg), 1),
            "bacc": {t: round(balanced_accuracy(examples, t)["bacc"], 1)
                     for t in (0.3, 0.4, 0.5, 0.6, 0.7)}}


@cache
def _rules_and_model(claim: str, evidence: tuple[str, ...]) -> tuple[float, bool, float]:
    result, _ = decide.check_with_rules(claim, list(evidence), frozenset({decide.MODEL}))
    return result.score, result.supported, entail.probability(claim, list(evidence))


def _vetoed(bound: float):
    def score(claim: str, evidence: list[str]) -> float:
        rules, supported, p = _rules_and_model(claim, tuple(evidence))
        return rules if supported and p >= bound else 0.0

    return score


def veto() -> dict:
    """The bound chosen on held-out training pairs, then the dev sets and suites at it."""
    if entail.load() is None:
        return {"skipped": "the entailment model is not installed"}
    pairs = [(r["claim"], [r["evidence"]], r["label"]) for r in read_jsonl(HELDOUT)]
    chosen = {}
    for bound in VETOES:
        score = _vetoed(bound)
        examples = [(score(c, e), "pos" if label else "neg") for c, e, label in pairs]
        chosen[bound] = round(balanced_accuracy(examples, decide.THRESHOLD)["bacc"], 1)
    best = max(chosen, key=lambda b: (chosen[b], -b))
    out: dict = {"heldout_training_pairs": chosen, "bound": best}
    for bound in sorted({0.0, best}):
        score = _vetoed(bound)
        sets = {name: round(balanced_accuracy(load(score, None), decide.THRESHOLD)["bacc"], 1)
                for name, load in SETS.items()}
        suites = {}
        for suite, path in SUITES.items():
            rows = read_jsonl(path)
            faithful = {r["kind"] for r in rows if r["label"]}
            accepted = [(score(r["claim"], r["evidence"]) >= decide.THRESHOLD, r) for r in rows]
            rejected = [not ok for ok, r in accepted if r["kind"] not in faithful]
            kept = [ok for ok, r in accepted if r["kind"] in faithful]
            suites[suite] = {"perturbed_rejected": round(100 * sum(rejected) / len(rejected), 1),
                             "faithful_kept": round(100 * sum(kept) / len(kept), 1)}
        out["rules alone" if bound == 0.0 else f"veto under {bound}"] = {**sets, **suites}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--judge", action="store_true", help="the GGUF judge on SummEdits news")
    parser.add_argument("--veto", action="store_true", help="the entailment model as a veto")
    args = parser.parse_args()
    report = {}
    if args.judge:
        report["judge"] = judge()
    if args.veto or not args.judge:
        report["veto"] = veto()
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
