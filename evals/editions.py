"""Daily editions replayed: DUC 2003's 30 clusters mixed, fed one date at a time.

`python -m evals.editions [--window DAYS ...]` briefs each date's documents
(`--draft never`: linking is measured, not drafting) against one archive, in date
order, and scores how the archive linked them: B-cubed precision, recall and F1 of
each document's thread against its DUC cluster (one TREC Novelty topic), over all
days. Measured only: nothing here is tuned on. A clone without `../shared/` gets
one line naming the missing data.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from summarizer.archive import Store, threads
from summarizer.pipeline import brief

from .verifier import EVALDATA

DUC = EVALDATA.parent / "duc2003" / "duc2003_task4_clusters.jsonl"


def days(half: str = "") -> dict[str, list[tuple[str, str, str]]]:
    """date -> [(docno, cluster, text)], every cluster's documents mixed (`half`: "first" or
    "second", the first or last 15 clusters only, to tune on one and report on the other)."""
    if not DUC.is_file():
        raise SystemExit(f"no DUC 2003 data at {DUC}: put ../shared/duc2003/ beside the "
                         "repository, or set EVALDATA to the evaldata folder beside it")
    out: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    rows = [json.loads(line) for line in DUC.open(encoding="utf-8")]
    if half:
        rows = rows[:15] if half == "first" else rows[15:]
    for row in rows:
        for doc in row["documents"]:
            out[doc["date"]].append((doc["docno"], row["cluster_id"], doc["text"]))
    return dict(sorted(out.items()))


def replay(window: int, same: float | None = None, half: str = "") -> dict:
    """Every date briefed in order into a fresh archive; each document's thread."""
    threads.WINDOW_DAYS = window
    if same is not None:
        threads.SAME_THREAD = same
    thread_of: dict[str, int] = {}
    gold: dict[str, str] = {}
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="editions-") as tmp:
        root = Path(tmp)
        with Store(root / "archive.db") as store:
            for day, documents in days(half).items():
                folder = root / day
                folder.mkdir()
                for docno, cluster, text in documents:
                    (folder / f"{docno}.txt").write_text(text + "\n", encoding="utf-8")
                    gold[docno] = cluster
                result = brief([folder], None, archive=store, as_of=day)
                names = {d.doc_id: Path(d.path).stem for d in result.documents}
                for story in (*result.stories, *result.also_reported):
                    assert story.thread is not None
                    for doc_id in story.documents:
                        thread_of[names[doc_id]] = story.thread.id
    scored = {d: (thread_of[d], gold[d]) for d in thread_of}
    return {"window_days": window, "same_thread": threads.SAME_THREAD, "clusters_used": half
            or "all", "documents": len(scored), "of": len(gold),
            "threads": len({t for t, _ in scored.values()}), "clusters": len(set(gold.values())),
            **bcubed(scored), "seconds": round(time.perf_counter() - start, 1)}


def bcubed(pairs: dict[str, tuple[int, str]]) -> dict[str, float]:
    """B-cubed precision, recall and F1 of predicted groups against gold ones.

    >>> bcubed({"a": (1, "x"), "b": (1, "x"), "c": (2, "x")})
    {'precision': 1.0, 'recall': 0.556, 'f1': 0.714}
    """
    by_pred, by_gold = defaultdict(set), defaultdict(set)
    for item, (pred, true) in pairs.items():
        by_pred[pred].add(item)
        by_gold[true].add(item)
    precision = recall = 0.0
    for pred, true in pairs.values():
        same = by_pred[pred] & by_gold[true]
        precision += len(same) / len(by_pred[pred])
        recall += len(same) / len(by_gold[true])
    n = len(pairs) or 1
    p, r = precision / n, recall / n
    return {"precision": round(p, 3), "recall": round(r, 3),
            "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def main() -> None:
    """`python -m evals.editions [WINDOW ...] [--same X ...] [--half first|second]`."""
    args = sys.argv[1:]
    windows = [int(a) for a in args if a.isdigit()] or [threads.WINDOW_DAYS]
    sames = [float(args[i + 1]) for i, a in enumerate(args) if a == "--same"] or [None]
    half = args[args.index("--half") + 1] if "--half" in args else ""
    for window in windows:
        for same in sames:
            print(json.dumps(replay(window, same, half)), flush=True)


if __name__ == "__main__":
    main()
