"""Story clustering on mixes of Multi-News dev clusters: does each event get its own story?

A mix is `k` clusters drawn with a fixed seed and written as one folder of
documents, as a morning's downloads would be. The clusters are the truth:
B-cubed precision, recall and F1 and the adjusted Rand index compare the
stories with them, and `own_story` is the share of clusters of two or more
documents whose documents all share one story that holds nothing else.

With a model, the whole brief of the mix is also measured: the share of items
whose citations all come from one cluster (it must be 1), ROUGE-2 recall of
each story's section against its cluster's reference, and the counts of items
that state a quote as fact or begin with an unresolved reference.

`python -m evals.stories [--brief]` prints the figures of both mixes.
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from statistics import mean

from summarizer.ingest import ingest
from summarizer.segment import segment
from summarizer.stories import cluster_documents

from . import content
from .verifier import EVALDATA

MULTINEWS = EVALDATA / "multinews" / "multinews_dev.jsonl"

SEEDS = (7, 11)  # mix seeds: 7 is where the thresholds were chosen, 11 is held out
SIZES = (10, 50)  # clusters per mix


def mix(path: Path, k: int, seed: int) -> list[dict]:
    """`k` clusters drawn with `seed`, each with its usable documents and reference."""
    rows = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            docs = [content.clean(d) for d in row["documents"]
                    if len(d.strip()) >= content.MIN_DOC_CHARS]
            if docs:
                rows.append({"idx": row["idx"], "documents": docs,
                             "reference": content.reference(row["summary"])})
    return random.Random(seed).sample(rows, k)


def write_mix(clusters: list[dict], folder: Path) -> dict[str, int]:
    """One file per document; returns file name -> cluster idx."""
    truth = {}
    for cluster in clusters:
        for j, doc in enumerate(cluster["documents"]):
            name = f"c{cluster['idx']:03d}_{j}.txt"
            (folder / name).write_text(doc + "\n", encoding="utf-8")
            truth[name] = cluster["idx"]
    return truth


def bcubed(predicted: list[int], gold: list[int]) -> dict[str, float]:
    """B-cubed precision, recall and F1 (Bagga and Baldwin, 1998) over items.

    >>> bcubed([0, 0, 1], [0, 0, 1])["f1"]
    1.0
    >>> round(bcubed([0, 0, 0], [0, 0, 1])["precision"], 3)
    0.556
    """
    n = len(predicted)
    pairs = Counter(zip(predicted, gold, strict=True))
    p_size, g_size = Counter(predicted), Counter(gold)
    precision = sum(pairs[(p, g)] ** 2 / p_size[p] for p, g in pairs) / n
    recall = sum(pairs[(p, g)] ** 2 / g_size[g] for p, g in pairs) / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def own_story(predicted: list[int], gold: list[int]) -> float:
    """Share of gold clusters of 2+ items that are exactly one predicted story."""
    big = [g for g, c in Counter(gold).items() if c >= 2]
    if not big:
        return 1.0
    hits = 0
    for g in big:
        labels = {p for p, t in zip(predicted, gold, strict=True) if t == g}
        if len(labels) == 1:
            (label,) = labels
            hits += all(t == g for p, t in zip(predicted, gold, strict=True) if p == label)
    return hits / len(big)


def clustering(k: int, seed: int, path: Path = MULTINEWS) -> dict:
    """Story clustering of one mix against its clusters."""
    from sklearn.metrics import adjusted_rand_score

    clusters = mix(path, k, seed)
    with tempfile.TemporaryDirectory(prefix="mix-") as tmp:
        truth = write_mix(clusters, Path(tmp))
        documents = ingest([Path(tmp)])
        start = time.perf_counter()
        corpus = segment(documents)
        stories = cluster_documents(documents, corpus)
        seconds = time.perf_counter() - start
    label = {doc_id: n for n, s in enumerate(stories) for doc_id in s.doc_ids}
    names = [Path(d.path).name for d in documents]
    predicted = [label[d.doc_id] for d in documents]
    gold = [truth[name] for name in names]
    scores = bcubed(predicted, gold)
    return {
        "seed": seed, "clusters": k, "documents": len(documents), "stories": len(stories),
        "bcubed_precision": round(scores["precision"], 4),
        "bcubed_recall": round(scores["recall"], 4), "bcubed_f1": round(scores["f1"], 4),
        "ari": round(adjusted_rand_score(gold, predicted), 4),
        "own_story": round(own_story(predicted, gold), 4),
        "seconds": round(seconds, 2),
    }


def main() -> None:
    rows = [clustering(k, seed) for k in SIZES for seed in SEEDS]
    for row in rows:
        print(json.dumps(row))
    print("mean bcubed_f1", round(mean(r["bcubed_f1"] for r in rows), 4), file=sys.stderr)


if __name__ == "__main__":
    main()
