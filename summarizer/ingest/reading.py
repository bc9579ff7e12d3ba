"""What every reader of a file format shares: size limits and how a Document is made.

Limits are on purpose. A news article is a few thousand words; a file far
larger than that is not one, and reading it whole would hold the pipeline for
minutes (sentence splitting and grouping grow with the text). So a file over
`max_bytes` is refused with the option that raises the limit, a document's
text is cut after `max_chars` (at a line end, with a warning), and a feed or
export contributes at most `max_entries` documents (the first ones, with a
warning).
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from summarizer.errors import InputError
from summarizer.language.text import ends_sentence
from summarizer.models import Document

log = logging.getLogger("summarizer.ingest")

MB = 1_000_000


class Limits(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    max_bytes: int = Field(10 * MB, ge=1, description="Largest file read, in bytes.")
    max_chars: int = Field(100_000, ge=1000, description="Longest document text kept.")
    max_entries: int = Field(200, ge=1, description="Most documents read from one file.")


def check_size(path: Path, size: int, limits: Limits) -> None:
    if size > limits.max_bytes:
        raise InputError(
            f"{path} is {size / MB:.1f} MB, over the {limits.max_bytes / MB:g} MB limit for one "
            "file (far larger than a news article)",
            "Pass a smaller file, or raise the limit with --max-size MB.",
        )


def cut(text: str, path: str, limits: Limits) -> str:
    """`text`, or its first `max_chars` characters up to a line end, with a warning."""
    if len(text) <= limits.max_chars:
        return text
    end = text.rfind("\n", 0, limits.max_chars)
    end = end if end > limits.max_chars // 2 else limits.max_chars
    log.warning("%s has %d characters of text, more than any article; read only the first %d",
                path, len(text), end)
    return text[:end]


def make_document(path: Path, file_sha: str, text: str, limits: Limits,
                  entry: bool = False, **fields: object) -> Document:
    """A Document; its id is the file's hash, or for one entry of a feed or export, its text's."""
    text = cut(text, str(path), limits)
    doc_id = hashlib.sha256(text.encode()).hexdigest()[:10] if entry else file_sha[:10]
    return Document(
        doc_id=doc_id, path=str(path), sha256=file_sha, text=text, **fields  # type: ignore[arg-type]
    )


TITLE_WORDS = 30  # a longer line is a paragraph of text, not a headline


def find_title(text: str, fallback: str) -> str:
    """The first headline-like line (short, no closing full stop) among the first few,
    Markdown heading marks removed; else `fallback`. A file whose text starts straight
    with its body has no title: its first sentence, cut short, would not be one.

    >>> find_title("A caption of a photo. (Dec. 26)\\nKim orders factories\\nBody.", "f")
    'Kim orders factories'
    >>> find_title("WASHINGTON (AP) -- The Senate voted on Tuesday to end the debate.", "f")
    'f'
    """
    lines = [line.strip().lstrip("#").strip() for line in text.splitlines()]
    lines = [line for line in lines if line][:4]
    return next((line for line in lines if not ends_sentence(line)
                 and len(line.split()) <= TITLE_WORDS and len(line) <= 200), fallback)
