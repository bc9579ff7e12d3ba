"""Re-verify a saved JSON brief against its documents.

A brief can travel (mailed, archived, edited by hand); this answers "does it
still say only what its sources say?" from the brief file alone, using the
documents' files where they are still on disk and unchanged, and the text
embedded in the brief otherwise.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from summarizer.errors import InputError
from summarizer.models import Brief, Citation, DocumentRef
from summarizer.segment import segment_document
from summarizer.verifier.decide import check


class ItemCheck(BaseModel):
    model_config = ConfigDict(frozen=True)

    item: int
    text: str
    supported: bool
    score: float
    reasons: tuple[str, ...]


def load_brief(path: Path) -> Brief:
    try:
        return Brief.model_validate_json(path.read_bytes())
    except OSError as e:
        raise InputError(f"cannot read {path}: {e.strerror}", "Pass a JSON brief file.") from None
    except (ValidationError, json.JSONDecodeError) as e:
        raise InputError(
            f"{path} is not a JSON brief ({str(e).splitlines()[0]})",
            "Pass a file written by `summarizer brief --format json`.",
        ) from None


def document_text(doc: DocumentRef) -> str:
    """The document's text: from its file if unchanged, else embedded in the brief."""
    source = Path(doc.path)
    if source.is_file():
        data = source.read_bytes()
        if hashlib.sha256(data).hexdigest() == doc.sha256:
            return data.decode(doc.encoding).removeprefix("\ufeff")
    if doc.text is None:
        raise InputError(
            f"{doc.path} is missing or changed, and the brief does not embed its text",
            "Restore the document, or re-run the brief.",
        )
    return doc.text


def resolved_sentences(doc: DocumentRef, text: str) -> dict[str, str]:
    """sentence_id -> the sentence with its leading "he" resolved, for the sentences
    that have one: the document segmented again, exactly as the brief segmented it."""
    return {s.sentence_id: s.resolved for s in segment_document(doc.document(text)).sentences
            if s.resolved is not None}


def evidence_of(citation: Citation, resolved: dict[str, str]) -> str:
    """What the verifier reads for a citation: its words, "he" resolved where it was."""
    whole = resolved.get(citation.sentence_id)
    return whole if whole is not None else citation.cited_text


def recheck(brief: Brief) -> list[ItemCheck]:
    texts = {d.doc_id: document_text(d) for d in brief.documents}
    cited = {c.doc_id for item in brief.items for c in item.citations}
    resolved = {d.doc_id: resolved_sentences(d, texts[d.doc_id])
                for d in brief.documents if d.doc_id in cited}
    results = []
    for index, item in enumerate(brief.items):
        reasons = []
        for c in item.citations:
            if c.doc_id not in texts:
                reasons.append(f"cites unknown document {c.doc_id}")
            elif texts[c.doc_id][c.start : c.end] != c.cited_text:
                reasons.append(f"span {c.start}-{c.end} of {c.doc_id} is not the cited text")
        # A leading "he" is resolved from the document as the brief did, never taken from
        # the brief file, which may have been edited.
        evidence = [evidence_of(c, resolved.get(c.doc_id, {})) if not reasons
                    else c.cited_text for c in item.citations]
        result = check(item.text, evidence)
        results.append(
            ItemCheck(
                item=index,
                text=item.text,
                supported=result.supported and not reasons,
                score=result.score if not reasons else 0.0,
                reasons=(*reasons, *result.reasons),
            )
        )
    return results
