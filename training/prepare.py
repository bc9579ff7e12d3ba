"""Build the entailment model's training data: the labelled pairs plus rule-made claims.

Reads `../shared/traindata` (SummEdits non-news, SummaC subsets, MNLI and
FEVER-NLI in binary form) and the Multi-News clusters that the second
adversarial suite does NOT use (`evals.adversarial_multinews.suite_cluster`),
and writes `training/out/{train,heldout}.jsonl`: {claim, evidence, label,
source}. Long evidence is cut with `summarizer.verifier.context.select`, as at run
time. `heldout` (5% of every source, by a hash of its id) is never trained on:
the threshold and the combiner are fitted on it.

WiCE, SummEdits news and FRANK are never read here.

Run: `python -m training.prepare [--docnli N] [--synthetic-per-doc K]`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
from collections import Counter
from pathlib import Path

import pysbd

from evals.adversarial_multinews import suite_cluster
from evals.perturb import FAITHFUL, PERTURBATIONS
from summarizer.verifier.context import BUDGET_WORDS, select

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
TRAINDATA = SHARED / "traindata"
MULTINEWS = SHARED / "evaldata" / "multinews" / "multinews_dev.jsonl"
OUT = ROOT / "training" / "out"
SEED = 13
TRAIN_HALF = 0  # the half of the perturbation word lists used here (the suite uses 1)

_SEG = pysbd.Segmenter(language="en", clean=False)


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SEG.segment(text) if any(c.isalnum() for c in s)]


def heldout(key: str) -> bool:
    return hashlib.sha256(key.encode()).digest()[0] < 13  # ~5%


def cut(claim: str, evidence: str) -> str:
    if len(evidence.split()) <= BUDGET_WORDS:
        return evidence
    return select(claim, sentences(evidence))


def labelled(docnli: int, rng: random.Random) -> list[dict]:
    rows = []
    for name in ("summedits_nonnews", "summac_fork", "docnli_binary"):
        with (TRAINDATA / f"{name}.jsonl").open(encoding="utf-8") as f:
            data = [json.loads(line) for line in f]
        if name == "docnli_binary" and docnli < len(data):
            data = rng.sample(data, docnli)
        for r in data:
            rows.append({"claim": r["claim"], "evidence": cut(r["claim"], r["evidence"]),
                         "label": int(r["label"]), "source": r["source"],
                         "key": f"{name}:{r['id']}"})
    return rows


def _names(sents: list[str]) -> list[str]:
    import re

    found = Counter(m.group() for s in sents for m in re.finditer(r"\b[A-Z][a-z]{2,}\b", s)
                    if m.start() > 0)
    return [n for n, k in found.most_common(40) if k >= 2]


def synthetic(per_doc: int, rng: random.Random) -> list[dict]:
    """Perturbed and faithful claims from the Multi-News clusters outside the suite."""
    clusters = [json.loads(line) for line in MULTINEWS.open(encoding="utf-8")]
    clusters = [c for c in clusters if not suite_cluster(c["idx"])]
    docs = [sentences(d) for c in clusters for d in c["documents"] if len(d.split()) > 80]
    pool_names = [n for d in docs for n in _names(d)]
    rows = []
    for k, doc in enumerate(docs):
        candidates = [s for s in doc if 8 <= len(s.split()) <= 45]
        for s in rng.sample(candidates, min(per_doc, len(candidates))):
            evidence = select(s, doc)
            kinds = list(PERTURBATIONS.items())
            rng.shuffle(kinds)
            made = 0
            for kind, fn in kinds:
                claim = fn(s, rng, names=rng.sample(pool_names, 20), avoid=" ".join(doc),
                           which=TRAIN_HALF)
                if claim and claim != s:
                    rows.append({"claim": claim, "evidence": evidence, "label": 0,
                                 "source": f"synthetic_{kind}", "key": f"mn:{k}:{s}:{kind}"})
                    made += 1
                if made == 2:
                    break
            for kind, fn in FAITHFUL.items():
                claim = fn(s, rng)
                if claim:
                    rows.append({"claim": claim, "evidence": evidence, "label": 1,
                                 "source": f"synthetic_{kind}", "key": f"mn:{k}:{s}:{kind}"})
            rows.append({"claim": s, "evidence": evidence, "label": 1,
                         "source": "synthetic_verbatim", "key": f"mn:{k}:{s}:verbatim"})
            other = rng.choice(docs)
            if other is not doc:
                rows.append({"claim": rng.choice(other), "evidence": evidence, "label": 0,
                             "source": "synthetic_wrong_document", "key": f"mn:{k}:{s}:wrong"})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docnli", type=int, default=20000, help="MNLI/FEVER pairs to keep")
    parser.add_argument("--synthetic-per-doc", type=int, default=4)
    args = parser.parse_args()
    rng = random.Random(SEED)
    rows = labelled(args.docnli, rng) + synthetic(args.synthetic_per_doc, rng)
    rng.shuffle(rows)
    OUT.mkdir(parents=True, exist_ok=True)
    split = {"train": [r for r in rows if not heldout(r["key"])],
             "heldout": [r for r in rows if heldout(r["key"])]}
    for name, part in split.items():
        with (OUT / f"{name}.jsonl").open("w", encoding="utf-8") as f:
            for r in part:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        counts = Counter(r["source"].split("_")[0] + f":{r['label']}" for r in part)
        print(name, len(part), dict(sorted(counts.items())))


if __name__ == "__main__":
    main()
