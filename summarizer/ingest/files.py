"""Read files into Documents: decoded text, sha256, title, date and outlet.

Formats, by file name: `.txt` and `.md` (plain text), `.html`, `.htm` and
gzipped `.html.gz` (the page's main text, `webpage.py`), `.rss`, `.atom`,
`.rdf` and `.xml` feeds (one document per entry, `feeds.py`) and `.jsonl`
exports (one per line, `exports.py`). Sizes are bounded (`reading.py`), and
one article read twice counts once (`dedupe.py`).

Decoding rule, stated once: UTF-8 (a byte-order mark is dropped); if the bytes
are not valid UTF-8, Windows-1252; if that fails too, Latin-1, which never
fails. Anything but UTF-8 is reported as a warning, since the spans then
index text that differs from what a UTF-8 reader would show.
"""

from __future__ import annotations

import hashlib
import logging
import zlib
from pathlib import Path

from summarizer.errors import InputError
from summarizer.ingest.dates import find_date
from summarizer.ingest.dedupe import dedupe, with_copy
from summarizer.ingest.exports import read_jsonl
from summarizer.ingest.feeds import read_feed
from summarizer.ingest.outlets import choose_outlet
from summarizer.ingest.reading import Limits, check_size, find_title, make_document
from summarizer.ingest.webpage import extract_page, looks_like_html
from summarizer.models import Document

log = logging.getLogger(__name__)

KINDS = {
    ".txt": "text", ".md": "markdown", ".html": "html", ".htm": "html", ".html.gz": "html",
    ".htm.gz": "html", ".rss": "feed", ".atom": "feed", ".rdf": "feed", ".xml": "feed",
    ".jsonl": "jsonl",
}
SUFFIXES = tuple(KINDS)
__all__ = ["Limits", "find_date", "ingest"]
_FALLBACK_ENCODINGS = ("cp1252", "latin-1")

def decode(data: bytes, path: Path) -> tuple[str, str]:
    """Decode by the module's rule; returns (text, encoding used)."""
    if b"\x00" in data[:8192]:
        raise InputError(
            f"{path} looks like a binary file (it contains NUL bytes)",
            "Pass text, HTML, feed or JSONL documents only.",
        )
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    for encoding in _FALLBACK_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        log.warning("%s is not valid UTF-8; decoded it as %s", path, encoding)
        return text, encoding
    raise AssertionError("latin-1 decodes any bytes")  # pragma: no cover


def kind_of(path: Path) -> str | None:
    """The format a file name says, or None: `.html.gz` before `.gz`."""
    name = path.name.lower()
    return next((kind for suffix, kind in KINDS.items() if name.endswith(suffix)), None)


def read_bytes(path: Path, limits: Limits) -> bytes:
    try:
        check_size(path, path.stat().st_size, limits)
        with path.open("rb") as f:
            data = f.read(limits.max_bytes + 1)
    except OSError as e:
        raise InputError(
            f"cannot read {path}: {e.strerror}", "Check the path and its permissions."
        ) from None
    if path.name.lower().endswith(".gz"):
        data = gunzip(path, data, limits)
    if not data.strip():
        raise InputError(f"{path} is empty", "Remove it or pass a document with text in it.")
    return data


def gunzip(path: Path, data: bytes, limits: Limits) -> bytes:
    """The decompressed bytes, never more than the size limit (a small file can expand hugely)."""
    try:
        out = zlib.decompressobj(wbits=31).decompress(data, limits.max_bytes + 1)
    except zlib.error:
        raise InputError(f"{path} is not gzip data",
                         "Unzip it, or remove the .gz ending.") from None
    check_size(path, len(out), limits)
    return out


def read_document(path: Path, limits: Limits | None = None) -> Document:
    """A plain-text (.txt or .md) document."""
    limits = limits or Limits()
    data = read_bytes(path, limits)
    text, encoding = decode(data, path)
    if not text.strip():
        raise InputError(f"{path} is empty", "Remove it or pass a document with text in it.")
    sha = hashlib.sha256(data).hexdigest()
    kind = "markdown" if kind_of(path) == "markdown" else "text"
    return make_document(
        path, sha, text, limits, title=find_title(text, path.stem), date=find_date(text),
        encoding=encoding, format=kind,
    )


def read_page(path: Path, limits: Limits) -> list[Document]:
    """A saved web page's article, or nothing (with a warning) when it holds none."""
    data = read_bytes(path, limits)
    if b"\x00" in data[:8192] or not looks_like_html(data):
        raise InputError(f"{path} is not an HTML page (no markup in it)",
                         "Pass the page as saved by a browser, or rename a text file .txt.")
    if b"</html" not in data[-4096:].lower():
        log.warning("%s has no closing </html>: the page may be cut short", path)
    page = extract_page(data)
    if page is None:
        log.warning("%s holds no article (an index page, a login wall or an error page?); "
                    "skipped", path)
        return []
    sha = hashlib.sha256(data).hexdigest()
    return [make_document(
        path, sha, page.text, limits,
        title=(page.title or find_title(page.text, path.stem))[:200], date=page.date,
        outlet=choose_outlet(page.url, page.site_name), format="html", url=page.url,
        author=page.author, site_name=page.site_name,
    )]


def read_file(path: Path, limits: Limits | None = None) -> list[Document]:
    """The documents in one file: one for text and pages, one per entry or line otherwise."""
    limits = limits or Limits()
    kind = kind_of(path)
    if kind == "html":
        return read_page(path, limits)
    if kind == "feed":
        data = read_bytes(path, limits)
        return read_feed(path, data, hashlib.sha256(data).hexdigest(), limits)
    if kind == "jsonl":
        data = read_bytes(path, limits)
        text, _ = decode(data, path)
        return read_jsonl(path, text, hashlib.sha256(data).hexdigest(), limits)
    return [read_document(path, limits)]


_NAMES = ", ".join(SUFFIXES)


def collect_paths(paths: list[Path]) -> list[Path]:
    """Files named directly, plus the supported files inside named folders, in order."""
    files: list[Path] = []
    for path in paths:
        if not path.exists():
            raise InputError(f"{path} does not exist", "Check the path and try again.")
        if path.is_dir():
            inside = sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and kind_of(p) and not p.name.startswith(".")
            )
            if not inside:
                raise InputError(
                    f"{path} holds no readable documents",
                    f"Put {_NAMES} files in it, or name the files directly.",
                )
            files.extend(inside)
        elif kind_of(path):
            files.append(path)
        else:
            raise InputError(
                f"{path} is not a supported document",
                f"Pass {_NAMES} files, or a folder of them.",
            )
    return files


def ingest(paths: list[Path], limits: Limits | None = None) -> list[Document]:
    """Read every document once: the same bytes, URL or near-identical text is one article."""
    documents: dict[str, Document] = {}
    for path in collect_paths(paths):
        for doc in read_file(path, limits):
            if doc.doc_id in documents:
                first = documents[doc.doc_id].path
                log.warning("%s has the same content as %s; using it once", path, first)
                documents[doc.doc_id] = with_copy(documents[doc.doc_id], doc)
                continue
            documents[doc.doc_id] = doc
    if not documents:
        raise InputError("found no article in the documents given",
                         "Pass news articles: text, saved pages, feeds or JSONL exports.")
    return dedupe(list(documents.values()))
