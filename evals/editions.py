"""Daily editions replayed: DUC 2003's 30 clusters mixed, fed one date at a time.

`python -m evals.editions [WINDOW ...] [--same X ...] [--half first|second]` briefs
each date's documents (`--draft never`: linking is measured, not drafting) against one
archive, in date
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
from summarizer.verifier import same_fact

from .verifier import EVALDATA

DUC = EVALDATA.parent / "duc2003" / "duc2003_task4_clusters.jsonl"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


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


def seed_days() -> dict[str, list[tuple[str, str, str]]]:
    """The seeds, each on the date its text gives: one developing story over five days."""
    from summarizer.ingest.dates import find_date

    out: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out[find_date(text) or "2025-12-30"].append((path.stem, "seeds", text))
    return dict(sorted(out.items()))


def restates(text: str, earlier: list[str]) -> bool:
    """Whether one earlier item of the thread alone supports `text` (the verifier decides:
    a judge other than the archive's own "same fact" test)."""
    return any(same_fact(text, [e]).supported for e in earlier)


def replay(window: int, same: float | None = None, half: str = "",
           seeds: bool = False) -> dict:
    """Every date briefed in order into a fresh archive; each document's thread, and how
    the items of developing stories relate to what earlier briefs of the thread said."""
    threads.WINDOW_DAYS = window
    if same is not None:
        threads.SAME_THREAD = same
    thread_of: dict[str, int] = {}
    gold: dict[str, str] = {}
    said: dict[int, list[str]] = defaultdict(list)  # thread -> every item its briefs gave
    new_items = restated_new = truly_new = truly_new_shown = background = 0
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="editions-") as tmp:
        root = Path(tmp)
        with Store(root / "archive.db") as store:
            for day, documents in (seed_days() if seeds else days(half)).items():
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
                    shown = [i.text for i in (*story.items, *story.single_source)]
                    earlier = said[story.thread.id]
                    if story.thread.status == "developing" and earlier:
                        fresh = [t for t in shown if not restates(t, earlier)]
                        moved = [i.text for i in story.background
                                 if not restates(i.text, earlier)]
                        new_items += len(shown)
                        restated_new += len(shown) - len(fresh)
                        truly_new += len(fresh) + len(moved)
                        truly_new_shown += len(fresh)
                        background += len(story.background)
                    earlier += shown
    scored = {d: (thread_of[d], gold[d]) for d in thread_of}
    return {"window_days": window, "same_thread": threads.SAME_THREAD,
            "clusters_used": "seeds" if seeds else half or "all", "documents": len(scored),
            "of": len(gold),
            "threads": len({t for t, _ in scored.values()}), "clusters": len(set(gold.values())),
            **bcubed(scored),
            # Items of developing stories shown as news that an earlier brief of the thread
            # already gave (should be near 0), and of the items that were news, the share
            # shown as news rather than moved to background.
            "developing_items": new_items, "background_items": background,
            "restated_share": round(restated_new / new_items, 4) if new_items else 0.0,
            "new_fact_recall": round(truly_new_shown / truly_new, 4) if truly_new else 1.0,
            "seconds": round(time.perf_counter() - start, 1)}


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


def evaluate() -> dict:
    """The harness's part: the seeds, and DUC 2003's 30 clusters mixed, at the archive's own
    window and threshold (no model)."""
    out = {"seeds": replay(threads.WINDOW_DAYS, seeds=True)}
    out["duc"] = (replay(threads.WINDOW_DAYS) if DUC.is_file()
                  else {"skipped": f"{DUC} not found"})
    return out


def lines(result: dict) -> list[str]:
    """The part's section of the eval report."""
    rows = []
    for name, r in result.items():
        if "skipped" in r:
            rows.append([name, "skipped: " + r["skipped"], *["-"] * 7])
            continue
        rows.append([name, str(r["documents"]), str(r["window_days"]), f"{r['precision']:.3f}",
                     f"{r['recall']:.3f}", f"{r['f1']:.3f}", str(r["developing_items"]),
                     f"{100 * r['restated_share']:.1f}%", f"{100 * r['new_fact_recall']:.1f}%"])
    header = ["replay", "documents", "window (days)", "B-cubed P", "R", "F1",
              "developing items", "restated", "new-fact recall"]
    return ["## 9. Daily editions replayed", "",
            "Each date's documents briefed in order into one archive, without a model. Linking: "
            "each document's thread against its gold cluster. Restated: items of developing "
            "stories shown as news that one earlier item of the thread supports alone "
            "(`check`). New-fact recall: of the items that no earlier item supports, the share "
            "shown as news rather than moved to background.", "",
            "| " + " | ".join(header) + " |", "|" + "---|" * len(header),
            *["| " + " | ".join(r) + " |" for r in rows], ""]


def main() -> None:
    """`python -m evals.editions [WINDOW ...] [--same X ...] [--half first|second] [--seeds]`."""
    args = sys.argv[1:]
    windows = [int(a) for a in args if a.isdigit()] or [threads.WINDOW_DAYS]
    sames = [float(args[i + 1]) for i, a in enumerate(args) if a == "--same"] or [None]
    half = args[args.index("--half") + 1] if "--half" in args else ""
    for window in windows:
        for same in sames:
            print(json.dumps(replay(window, same, half, seeds="--seeds" in args)), flush=True)


if __name__ == "__main__":
    main()
