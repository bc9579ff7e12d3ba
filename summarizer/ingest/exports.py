"""JSONL exports of a news API: one document per line.

Each line is an object with `text` (required) and any of `title`, `date`,
`url`, `outlet`, `author`, `id`. A line that is not such an object gets one
warning with its line number, and the rest of the file is still read.
"""

from __future__ import annotations

import json
from pathlib import Path

from summarizer.errors import InputError
from summarizer.ingest.dates import find_date, parse_date, year_of
from summarizer.ingest.outlets import choose_outlet
from summarizer.ingest.reading import Limits, find_title, log, make_document
from summarizer.models import Document

FIELDS = ("text", "title", "date", "url", "outlet", "author", "id")


def read_jsonl(path: Path, text: str, file_sha: str, limits: Limits) -> list[Document]:
    documents: list[Document] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        if len(documents) >= limits.max_entries:
            log.warning("%s has more than %d documents; read the first %d (--max-entries "
                        "raises it)", path, limits.max_entries, limits.max_entries)
            break
        row, problem = _row(line)
        if row is None:
            log.warning("%s:%d skipped: %s", path, number, problem)
            continue
        documents.append(_document(path, file_sha, row, limits))
    if not documents:
        raise InputError(f"{path} holds no valid lines",
                         'Write one JSON object per line, each with a "text" string.')
    return documents


def _row(line: str) -> tuple[dict | None, str]:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as e:
        return None, f"not JSON ({e.msg})"
    if not isinstance(row, dict):
        return None, "not a JSON object"
    if not isinstance(row.get("text"), str) or not row["text"].strip():
        return None, 'no "text" string'
    wrong = [k for k in FIELDS if k in row and row[k] is not None and not isinstance(row[k], str)]
    if wrong:
        return None, f"{', '.join(wrong)} must be strings"
    return row, ""


def _document(path: Path, file_sha: str, row: dict, limits: Limits) -> Document:
    text = row["text"].strip()
    url = row.get("url") or None
    # Without a title the document is named by its outlet and date, never by a row id.
    title = (row.get("title") or "").strip() or find_title(text, path.stem)
    return make_document(
        path, file_sha, text, limits, entry=True,
        title=" ".join(title.split())[:200],
        date=parse_date(row.get("date"), year_of(find_date(text))) or find_date(text),
        outlet=choose_outlet(None, row.get("outlet")) if row.get("outlet") else choose_outlet(url),
        format="jsonl",
        url=url,
        author=row.get("author") or None,
    )
