"""RSS 2.0, Atom and RDF feeds, parsed by feedparser: one Document per entry.

An entry's full content is its text when the feed carries it; else its
summary, and the document says so (`summary_only`). The outlet is the link's
registrable domain, else the feed's title. feedparser is given the bytes
through a file object, so it never fetches anything.
"""

from __future__ import annotations

import io
import time
from pathlib import Path

import feedparser

from summarizer.errors import InputError
from summarizer.ingest.dates import parse_date
from summarizer.ingest.outlets import choose_outlet
from summarizer.ingest.reading import Limits, log, make_document
from summarizer.ingest.webpage import html_to_text
from summarizer.models import Document


def read_feed(path: Path, data: bytes, file_sha: str, limits: Limits) -> list[Document]:
    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False)
    if not parsed.get("version") or not parsed.entries:
        why = parsed.get("bozo_exception")
        detail = f" ({str(why).splitlines()[0][:120]})" if why else ""
        raise InputError(
            f"{path} is not an RSS, Atom or RDF feed with entries{detail}",
            "Save the feed's XML itself (its URL usually ends in /rss, /feed or .xml).",
        )
    if parsed.get("bozo"):
        log.warning("%s is not well-formed XML; read it leniently", path)
    entries = parsed.entries
    if len(entries) > limits.max_entries:
        log.warning("%s has %d entries; read the first %d (--max-entries raises it)",
                    path, len(entries), limits.max_entries)
        entries = entries[: limits.max_entries]
    feed_title = html_to_text(parsed.feed.get("title", "")) or None
    documents = []
    for number, entry in enumerate(entries, 1):
        doc = _entry_document(path, file_sha, entry, feed_title, limits)
        if doc is None:
            log.warning("%s entry %d has no text; skipped", path, number)
            continue
        documents.append(doc)
    return documents


def _entry_document(path: Path, file_sha: str, entry: dict, feed_title: str | None,
                    limits: Limits) -> Document | None:
    contents = [c.get("value", "") for c in entry.get("content", [])]
    full = max((html_to_text(c) for c in contents), key=len, default="")
    summary = html_to_text(entry.get("summary", ""))
    has_full = bool(full) and len(full) >= len(summary)
    text = full if has_full else summary
    if not text:
        return None
    title = html_to_text(entry.get("title", "")) or text.splitlines()[0][:200]
    link = entry.get("link") or None
    return make_document(
        path, file_sha, text, limits, entry=True,
        title=title[:200],
        date=_entry_date(entry),
        outlet=choose_outlet(link, feed_title),
        format="feed",
        url=link,
        author=html_to_text(entry.get("author", "")) or None,
        site_name=feed_title,
        summary_only=not has_full,
    )


def _entry_date(entry: dict) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed:
            return time.strftime("%Y-%m-%d", parsed)
    return parse_date(entry.get("published") or entry.get("updated"))
