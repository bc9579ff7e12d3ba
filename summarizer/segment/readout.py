"""What `summarizer ingest` prints: each document as the pipeline read it.

For every document: its id, file, format, outlet, title, date, URL, the text
that spans index, and how many of its sentences were marked as noise, per
reason. The noise marks are the pipeline's own (`segment`), made over all the
documents together, as a brief makes them.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from summarizer.ingest import Limits, ingest
from summarizer.segment.sentences import segment

FIELDS = ("doc_id", "path", "format", "outlet", "title", "date", "url", "author", "site_name",
          "summary_only", "encoding", "sha256")


def read_out(paths: list[Path], limits: Limits | None = None) -> list[dict]:
    corpus = segment(ingest(paths, limits))
    rows = []
    for doc in corpus.documents:
        reasons = Counter(s.noise.split(":")[0] for s in doc.sentences if s.noise)
        rows.append({
            **doc.document.model_dump(include=set(FIELDS)),
            "sentences": len(doc.sentences),
            "noise": dict(sorted(reasons.items())),
            "text": doc.document.text,
        })
    return rows


def to_jsonl(rows: list[dict]) -> str:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def to_table(rows: list[dict]) -> str:
    """One block per document: a header line, its details, then its text, indented."""
    out = []
    for row in rows:
        noise = ", ".join(f"{k} {v}" for k, v in row["noise"].items()) or "none"
        marked = sum(row["noise"].values())
        out += [
            f"{row['doc_id']}  {row['format']}  {row['outlet']}  {row['date'] or 'no date'}  "
            f"{row['title']}",
            f"  path: {row['path']}" + (f"  url: {row['url']}" if row["url"] else ""),
            f"  sentences: {row['sentences']}, marked as noise: {marked} ({noise})"
            + ("  [feed summary only]" if row["summary_only"] else ""),
            "  text:",
            *(f"  | {line}" for line in row["text"].splitlines()),
            "",
        ]
    return "\n".join(out)
