"""What the archive holds, read back: past briefs, one story across days, sizes, backups."""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from pathlib import Path

from summarizer.archive.store import SCHEMA_VERSION, ArchiveError, Store
from summarizer.models import Brief


def history(store: Store) -> list[dict]:
    """Every brief, oldest first: its day, stories, and how many were new or developing."""
    rows = store.query(
        "SELECT b.id, b.as_of, b.created, "
        "(SELECT count(*) FROM stories s WHERE s.brief_id = b.id) AS stories, "
        "(SELECT count(*) FROM stories s WHERE s.brief_id = b.id AND EXISTS (SELECT 1 FROM "
        " stories e WHERE e.thread_id = s.thread_id AND e.as_of < s.as_of)) AS developing, "
        "(SELECT count(*) FROM brief_documents d WHERE d.brief_id = b.id) AS documents "
        "FROM briefs b ORDER BY b.as_of")
    return [{"id": r["id"], "date": r["as_of"], "stories": r["stories"],
             "new": r["stories"] - r["developing"], "developing": r["developing"],
             "documents": r["documents"], "recorded": r["created"]} for r in rows]


def brief(store: Store, brief_id: int) -> Brief:
    """A recorded brief, its documents' texts restored from the archive."""
    rows = store.query("SELECT brief FROM briefs WHERE id = ?", brief_id)
    if not rows:
        raise ArchiveError(f"the archive {store.path} has no brief {brief_id}",
                           "`summarizer history` lists the briefs it has.")
    return Brief.model_validate_json(rows[0]["brief"])


def thread(store: Store, thread_id: int) -> dict:
    """One story across days: each day's headline and items, every citation checked
    against the archive's copy of its document."""
    head = store.query("SELECT headline FROM threads WHERE id = ?", thread_id)
    if not head:
        raise ArchiveError(f"the archive {store.path} has no thread {thread_id}",
                           "A brief's JSON names each story's thread (`thread.id`).")
    days = []
    for day in store.query("SELECT brief_id, story_id, as_of, headline FROM stories WHERE "
                           "thread_id = ? ORDER BY as_of", thread_id):
        items = store.query("SELECT new, item FROM items WHERE brief_id = ? AND story_id = ? "
                            "ORDER BY position", day["brief_id"], day["story_id"])
        texts = {r["doc_id"]: r["text"] for r in store.query(
            "SELECT bd.doc_id, d.text FROM brief_documents bd JOIN documents d ON "
            "d.hash = bd.doc_hash WHERE bd.brief_id = ?", day["brief_id"])}
        days.append({"date": day["as_of"], "brief_id": day["brief_id"],
                     "headline": day["headline"],
                     "items": [_resolved(r["item"], bool(r["new"]), texts) for r in items]})
    return {"id": thread_id, "headline": head[0]["headline"], "days": days}


def _resolved(item_json: str, new: bool, texts: dict[str, str]) -> dict:
    item = json.loads(item_json)
    for c in item["citations"]:
        text = texts.get(c["doc_id"])
        c["resolves"] = text is not None and text[c["start"]:c["end"]] == c["cited_text"]
    return {**item, "new": new}


def stats(store: Store) -> dict:
    """Counts, the days covered, the file's size and its size per 1,000 documents."""
    count = {t: store.query(f"SELECT count(*) AS n FROM {t}")[0]["n"]
             for t in ("briefs", "documents", "threads", "stories", "items")}
    span = store.query("SELECT min(as_of) AS first, max(as_of) AS last FROM briefs")[0]
    size = sum(p.stat().st_size for p in _files(store.path))
    per = round(size / count["documents"] * 1000) if count["documents"] else 0
    return {"path": str(store.path), "schema_version": SCHEMA_VERSION, "bytes": size,
            "bytes_per_1000_documents": per, "first": span["first"], "last": span["last"],
            **count}


def _files(path: Path) -> list[Path]:
    return [p for p in (path, Path(f"{path}-wal")) if p.exists()]


def prune(store: Store, before: str) -> dict:
    """Forget the briefs before a day, and the documents and threads only they used."""
    with store.transaction() as db:
        briefs = db.execute("DELETE FROM briefs WHERE as_of < ?", (before,)).rowcount
        threads = db.execute(
            "DELETE FROM threads WHERE id NOT IN (SELECT thread_id FROM stories)").rowcount
        documents = db.execute("DELETE FROM documents WHERE hash NOT IN "
                               "(SELECT doc_hash FROM brief_documents)").rowcount
    store.db.execute("VACUUM")
    return {"briefs": briefs, "threads": threads, "documents": documents}


def export(store: Store, out: Path) -> Path:
    """A consistent copy of the archive, made with SQLite's online backup while it may be
    in use, written beside `out` and renamed into place: never a half-written file."""
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    os.close(fd)
    try:
        target = sqlite3.connect(tmp)
        try:
            store.db.backup(target)
        finally:
            target.close()
        os.replace(tmp, out)
    except (sqlite3.Error, OSError) as e:
        Path(tmp).unlink(missing_ok=True)
        raise ArchiveError(f"cannot export the archive to {out}: {e}",
                           "Choose a writable path with room for a copy.") from None
    return out
