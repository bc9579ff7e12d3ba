"""Benchmark: a 500-document day against an archive of 100,000 documents and a year of briefs.

`python -m evals.archive_bench [DOCUMENTS]` (part of `make bench`; the table goes to
evals/out/archive_bench.md too) builds the archive (Multi-News dev
articles reused under a year of synthetic dates, each copy made distinct so
that it is its own document; ten stories a day continuing weekly threads,
three items each; every row written through the archive's own schema), then
briefs one day of 500 documents without a model twice, each in a fresh
process: against the archive, and with no archive. It reports both times,
both peak memories, what the archive adds, and the archive's size per 1,000
documents. The archive must add at most 5 s and its peak memory must stay
within 1.2 times the brief without it (issue targets; measured, not asserted).
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from summarizer.archive import Store, threads
from summarizer.archive.store import content_hash, dumps, now

from . import bench

ARCHIVE_DOCS = 100_000
DAYS = 365
DAY_DOCS = 500
STORIES_A_DAY = 10
ITEMS_A_STORY = 3
STORY_DOCS = 3  # documents whose openings each story's profile carries
OUT = Path(__file__).resolve().parent / "out" / "archive_bench.md"
TODAY = date(2026, 1, 1)  # the day briefed against the archive; the year before it is built


def build(path: Path, documents: int = ARCHIVE_DOCS) -> dict:
    """An archive of `documents` documents over the `DAYS` days before `TODAY`."""
    from summarizer.pipeline import brief

    texts = bench.pool(split=True)
    # A real item (of a brief of the seeds, whose documents the archive also keeps) lends
    # every synthetic item its shape and citations.
    seeds = brief([Path(__file__).resolve().parent.parent / "seeds"], None, archive=None)
    template = seeds.items[0]
    per_day = -(-documents // DAYS)
    start = time.perf_counter()
    written = 0
    with Store(path) as store, store.transaction() as db:
        for doc in seeds.documents:
            db.execute("INSERT OR IGNORE INTO documents VALUES (?, ?, ?, ?, ?, ?, ?)",
                       (content_hash(doc.text), doc.doc_id, doc.path, doc.title, doc.outlet,
                        doc.date, doc.text))
        for d in range(DAYS):
            day = (TODAY - timedelta(days=DAYS - d)).isoformat()
            brief_id = int(db.execute(
                "INSERT INTO briefs (as_of, created, arguments, model, brief) "
                "VALUES (?, ?, ?, ?, ?)", (day, now(), "{}", "{}", "{}")).lastrowid or 0)
            for _ in range(min(per_day, documents - written)):
                base = texts[written % len(texts)]
                text = f"{base}\n(Archived copy {written} of {day}.)"  # its own content hash
                key = content_hash(text)
                db.execute("INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?)",
                           (key, key[:10], f"{day}/{written}.txt", base[:80], "unknown", day,
                            text))
                db.execute("INSERT INTO brief_documents VALUES (?, ?, ?)",
                           (brief_id, key, key[:10]))
                written += 1
            for s in range(STORIES_A_DAY):
                thread = (d // 7) * STORIES_A_DAY + s + 1
                said = [texts[(d * STORIES_A_DAY + s + k) % len(texts)][:300]
                        for k in range(ITEMS_A_STORY)]
                # As long as a real story's: its items, then its documents' openings.
                about = " ".join([*said, *(texts[(d + s + k) % len(texts)][:threads.LEAD_CHARS]
                                           for k in range(STORY_DOCS))])
                db.execute("INSERT OR IGNORE INTO threads (id, headline) VALUES (?, ?)",
                           (thread, said[0][:80]))
                db.execute("INSERT INTO stories (brief_id, story_id, thread_id, as_of, headline, "
                           "profile, terms) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           (brief_id, f"story{s:03d}", thread, day, said[0][:80], about,
                            dumps(threads.terms(about))))
                for k, text in enumerate(said):
                    db.execute("INSERT INTO items (brief_id, story_id, thread_id, position, new, "
                               "text, item) VALUES (?, ?, ?, ?, 1, ?, ?)",
                               (brief_id, f"story{s:03d}", thread, k, text,
                                template.model_copy(update={"text": text}).model_dump_json()))
    seconds = round(time.perf_counter() - start, 1)
    return {"documents": written, "days": DAYS, "build_seconds": seconds,
            "megabytes": round(path.stat().st_size / 1e6, 1),
            "mb_per_1000_documents": round(path.stat().st_size / 1e6 / written * 1000, 2)}


def day(folder: Path, archive: Path | None) -> dict:
    """One day's brief of the documents in `folder`, without a model, in this process."""
    from summarizer.pipeline import brief

    start = time.perf_counter()
    if archive is None:
        result = brief([folder], None, archive=None, as_of=TODAY.isoformat())
    else:
        with Store(archive) as store:
            result = brief([folder], None, archive=store, as_of=TODAY.isoformat())
    return {"seconds": round(time.perf_counter() - start, 2),
            "documents": len(result.documents), "stories": len(result.stories),
            "developing": sum(s.thread is not None and s.thread.status == "developing"
                              for s in result.stories),
            "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def _child(folder: Path, archive: Path | None) -> dict:
    done = subprocess.run([sys.executable, "-m", "evals.archive_bench", "--day", str(folder),
                           str(archive or "none")], capture_output=True, text=True, check=False,
                          cwd=Path(__file__).resolve().parent.parent)
    if done.returncode != 0:
        said = done.stderr.strip().splitlines() or [f"exit status {done.returncode}"]
        raise SystemExit(f"archive bench: the day's brief failed: {said[-1]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def run(documents: int = ARCHIVE_DOCS) -> dict:
    with tempfile.TemporaryDirectory(prefix="archive-bench-") as tmp:
        root = Path(tmp)
        built = build(root / "archive.sqlite3", documents)
        folder = root / "today"
        folder.mkdir()
        bench.write(bench.pool(split=False)[:DAY_DOCS], folder)
        alone = _child(folder, None)
        against = _child(folder, root / "archive.sqlite3")
    return {"archive": built, "no_archive": alone, "with_archive": against,
            "added_seconds": round(against["seconds"] - alone["seconds"], 2),
            "memory_ratio": round(against["peak_mb"] / alone["peak_mb"], 3)}


def lines(r: dict) -> str:
    a = r["archive"]
    return "\n".join([
        "", f"## A {r['with_archive']['documents']}-document day against an archive of "
        f"{a['documents']:,} documents and {a['days']} daily briefs", "",
        "| brief | seconds | peak MB | stories | developing |", "|---|---|---|---|---|",
        *[f"| {name} | {x['seconds']} | {x['peak_mb']} | {x['stories']} | {x['developing']} |"
          for name, x in (("--no-archive", r["no_archive"]), ("with the archive",
                                                              r["with_archive"]))],
        "", f"The archive adds {r['added_seconds']} s (target at most 5 s); peak memory "
        f"{r['memory_ratio']} times the brief without it (target at most 1.2). The archive: "
        f"{a['megabytes']} MB, {a['mb_per_1000_documents']} MB per 1,000 documents, built in "
        f"{a['build_seconds']} s.", ""])


def main() -> None:
    if (why := bench.missing()) is not None:
        raise SystemExit(why)
    args = sys.argv[1:]
    if args[:1] == ["--day"]:
        print(json.dumps(day(Path(args[1]), None if args[2] == "none" else Path(args[2]))))
        return
    result = run(int(args[0]) if args and args[0].isdigit() else ARCHIVE_DOCS)
    print(json.dumps(result), file=sys.stderr)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(lines(result), encoding="utf-8")
    print(lines(result), end="")


if __name__ == "__main__":
    main()
