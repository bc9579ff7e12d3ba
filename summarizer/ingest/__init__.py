"""Ingest: files, folders, saved web pages, feeds and JSONL exports into Documents.

`ingest(paths)` is the stage: each document's decoded text (what every span
indexes), the sha256 of its file, a title, a date and its outlet where they can
be found, with near-identical wire copies kept once. `files` walks the paths and
decodes; `webpage`, `feeds` and `exports` read the formats; `reading` holds the
size limits and how a Document is made; `dates`, `outlets` and `dedupe` find a
date, name an outlet and fold copies.
"""

from summarizer.ingest.files import ingest, kind_of
from summarizer.ingest.reading import MB, Limits

__all__ = ["MB", "Limits", "ingest", "kind_of"]
