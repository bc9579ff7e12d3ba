"""Read files into Documents: decoded text, sha256, title and date.

Decoding rule, stated once: UTF-8 (a byte-order mark is dropped); if the bytes
are not valid UTF-8, Windows-1252; if that fails too, Latin-1, which never
fails. Anything but UTF-8 is reported as a warning, since the spans then
index text that differs from what a UTF-8 reader would show.
"""

from __future__ import annotations

import hashlib
import logging
import re
from datetime import date
from pathlib import Path

from .errors import InputError
from .models import Document
from .text import ends_sentence

log = logging.getLogger(__name__)

SUFFIXES = (".txt", ".md")
_FALLBACK_ENCODINGS = ("cp1252", "latin-1")

_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_MONTH = r"(?P<month>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?)"
_DATE_PATTERNS = (
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2}),?\s+(?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<day>\d{1,2})\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b"),
)


def find_date(text: str) -> str | None:
    """The first complete calendar date in `text`, as ISO 8601.

    >>> find_date("SEOUL, Dec. 30, 2025 2:03 p.m.")
    '2025-12-30'
    >>> find_date("reported on Friday") is None
    True
    """
    found: list[tuple[int, str]] = []
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            iso = _to_iso(m.group("year"), m.group("month"), m.group("day"))
            if iso:
                found.append((m.start(), iso))
                break
    return min(found)[1] if found else None


def _to_iso(year: str, month: str, day: str) -> str | None:
    if month.isdigit():
        number = int(month)
    else:
        prefix = month.rstrip(".").lower()[:3]
        number = next((i + 1 for i, m in enumerate(_MONTHS) if m.startswith(prefix)), 0)
    try:
        return date(int(year), number, int(day)).isoformat()
    except ValueError:
        return None


def find_title(text: str, fallback: str) -> str:
    """The first headline-like line (no closing full stop) among the first few, else
    the first line; Markdown heading marks removed.

    >>> find_title("A caption of a photo. (Dec. 26)\\nKim orders factories\\nBody.", "f")
    'Kim orders factories'
    """
    lines = [line.strip().lstrip("#").strip() for line in text.splitlines()]
    lines = [line for line in lines if line][:4]
    headline = next((line for line in lines if not ends_sentence(line)), None)
    return (headline or (lines[0] if lines else fallback))[:200]


def decode(data: bytes, path: Path) -> tuple[str, str]:
    """Decode by the module's rule; returns (text, encoding used)."""
    if b"\x00" in data[:8192]:
        raise InputError(
            f"{path} looks like a binary file (it contains NUL bytes)",
            "Pass text documents (.txt or .md) only.",
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


def read_document(path: Path) -> Document:
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(
            f"cannot read {path}: {e.strerror}", "Check the path and its permissions."
        ) from None
    text, encoding = decode(data, path)
    if not text.strip():
        raise InputError(f"{path} is empty", "Remove it or pass a document with text in it.")
    sha = hashlib.sha256(data).hexdigest()
    return Document(
        doc_id=sha[:10],
        path=str(path),
        title=find_title(text, path.stem),
        date=find_date(text),
        sha256=sha,
        encoding=encoding,
        text=text,
    )


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
                if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith(".")
            )
            if not inside:
                raise InputError(
                    f"{path} holds no readable documents",
                    f"Put {' or '.join(SUFFIXES)} files in it, or name the files directly.",
                )
            files.extend(inside)
        elif path.suffix.lower() in SUFFIXES:
            files.append(path)
        else:
            raise InputError(
                f"{path} is not a supported document",
                f"Pass {' or '.join(SUFFIXES)} files, or a folder of them.",
            )
    return files


def ingest(paths: list[Path]) -> list[Document]:
    """Read every document once; a second copy of the same bytes is not a second source."""
    documents: dict[str, Document] = {}
    for path in collect_paths(paths):
        doc = read_document(path)
        if doc.doc_id in documents:
            first = documents[doc.doc_id].path
            log.warning("%s has the same content as %s; using it once", path, first)
            continue
        documents[doc.doc_id] = doc
    return list(documents.values())
