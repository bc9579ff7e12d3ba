"""Build the second adversarial suite: rule-made claims from Multi-News dev articles.

Every fifth Multi-News cluster (`suite_cluster`) belongs to this suite and to
nothing else: the entailment model's synthetic training data
(`training/prepare.py`) is made from the other clusters, and the word swaps
here use the other half of the word lists (`evals.perturb.half`). The suite is
written once to `evals/adversarial/multinews.jsonl` and then kept as it is;
`python -m evals.verifier` scores it beside the hand-written seeds suite.

Each row: {claim, evidence: [source sentence with its neighbours], label,
kind, doc, note}; label false for perturbations, true for faithful rewrites.

Run: `python -m evals.adversarial_multinews [--per-kind N]`.
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from pathlib import Path

import pysbd

from evals.perturb import FAITHFUL, PERTURBATIONS
from evals.verifier import build_suite

ROOT = Path(__file__).resolve().parent.parent
MULTINEWS = ROOT.parent / "shared" / "evaldata" / "multinews" / "multinews_dev.jsonl"
OUT = ROOT / "evals" / "adversarial" / "multinews.jsonl"
SEED = 7
SUITE_HALF = 1
_SEG = pysbd.Segmenter(language="en", clean=False)


def suite_cluster(idx: int) -> bool:
    """Clusters reserved for the suite; training never reads them."""
    return idx % 5 == 0


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SEG.segment(text)
            if any(c.isalnum() for c in s) and "\n" not in s.strip()]


def build(per_kind: int) -> list[dict]:
    rng = random.Random(SEED)
    clusters = [json.loads(line) for line in MULTINEWS.open(encoding="utf-8")]
    docs = [(f"multinews-{c['idx']}-{j}", _sentences(d)) for c in clusters
            if suite_cluster(c["idx"]) for j, d in enumerate(c["documents"])
            if len(d.split()) > 80]
    # Capitalised mid-sentence at least three times: most likely a name, not a headline word.
    seen = Counter(m.group() for _, d in docs for s in d
                   for m in re.finditer(r"\b[A-Z][a-z]{3,}\b", s) if m.start() > 0)
    names = sorted(n for n, k in seen.items() if k >= 3)
    kinds = {**PERTURBATIONS, **FAITHFUL}
    made: Counter[str] = Counter()
    rows, used = [], set()
    order = [(doc_id, i) for doc_id, d in docs for i, s in enumerate(d)
             if 10 <= len(s.split()) <= 40 and s.endswith((".", '"', "”"))]
    rng.shuffle(order)
    sents = dict(docs)
    for doc_id, i in order:
        doc = sents[doc_id]
        s = doc[i]
        evidence = doc[max(0, i - 1): i + 2]
        for kind, fn in rng.sample(list(kinds.items()), len(kinds)):
            quota = per_kind * (2 if kind in FAITHFUL else 1)
            if made[kind] >= quota or (doc_id, i) in used:
                continue
            claim = fn(s, rng, names=rng.sample(names, 20), avoid=" ".join(doc),
                       which=SUITE_HALF)
            if claim and claim != s:
                rows.append({"claim": claim, "evidence": evidence, "label": kind in FAITHFUL,
                             "kind": kind, "doc": doc_id, "note": f"from: {s}"})
                made[kind] += 1
                used.add((doc_id, i))
        if made["wrong_document"] < per_kind and (doc_id, i) not in used:
            other_id, other = rng.choice(docs)
            if other_id.rsplit("-", 1)[0] != doc_id.rsplit("-", 1)[0] and other:
                rows.append({"claim": rng.choice(other), "evidence": evidence, "label": False,
                             "kind": "wrong_document", "doc": doc_id, "note": other_id})
                made["wrong_document"] += 1
                used.add((doc_id, i))
    return rows


if __name__ == "__main__":
    build_suite(build, OUT, 35, __doc__.split("\n")[0])
