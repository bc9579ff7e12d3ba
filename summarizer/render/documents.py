"""The source documents of a brief as the page lays them out: each one's text, escaped
and cut into spans at every sentence and cited-span boundary, each span carrying its
`[start, end)` character offsets, so that the page highlights cited characters by
selecting whole spans."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from markupsafe import Markup, escape

from summarizer.errors import InputError
from summarizer.models import UNKNOWN_OUTLET, Brief, Document, DocumentRef, Sentence
from summarizer.render.markdown import document_name


@dataclass
class DocView:
    doc_id: str
    title: str
    outlet: str | None
    date: str | None
    path: str
    text: str | None
    sentences: tuple[Sentence, ...]
    cuts: set[int] = field(default_factory=set)  # offsets where a highlight starts or ends

    @property
    def text_html(self) -> Markup:
        return text_html(self.text or "", self.sentences, sorted(self.cuts))


def text_html(text: str, sentences: Sequence[Sentence], cuts: Sequence[int]) -> Markup:
    """`text`, escaped, in spans cut at sentence bounds and at `cuts` (sorted offsets).

    >>> s = Sentence(sentence_id="d-s000", doc_id="d", index=0, start=0, end=6, text="a<b c.")
    >>> str(text_html("a<b c. x", [s], [2]))  # doctest: +NORMALIZE_WHITESPACE
    '<span class="s" id="s-d-s000"><span data-a="0" data-b="2">a&lt;</span><span
     data-a="2" data-b="6">b c.</span></span><span data-a="6" data-b="8"> x</span>'
    """
    out, position = [], 0
    for s in sentences:
        if position < s.start:
            out.append(_chunks(text, position, s.start, cuts))
        noise = ""
        if s.noise:
            kind = s.noise.split(":", 1)[0]
            noise = f' data-kind="{escape(kind)}" title="Not used: {escape(s.noise)}"'
        css = "s noise" if s.noise else "s"
        out.append(f'<span class="{css}" id="s-{escape(s.sentence_id)}"{noise}>'
                   f"{_chunks(text, s.start, s.end, cuts)}</span>")
        position = s.end
    if position < len(text):
        out.append(_chunks(text, position, len(text), cuts))
    return Markup("".join(out))


def _chunks(text: str, start: int, end: int, cuts: Sequence[int]) -> str:
    inner = cuts[bisect_right(cuts, start) : bisect_right(cuts, end - 1)]
    points = [start, *inner, end]
    return "".join(
        f'<span data-a="{a}" data-b="{b}">{_escape_text(text[a:b])}</span>'
        for a, b in pairwise(points)
    )


def _escape_text(text: str) -> str:
    # A bare carriage return would become a newline in the parsed page and shift every
    # offset after it; as a character reference it stays one character, as in Python.
    return str(escape(text)).replace("\r", "&#13;")


def source_documents(brief: Brief) -> dict[str, DocView]:
    """Each document with its text and sentences (recomputed: segmentation is deterministic)."""
    from summarizer.segment import segment
    from summarizer.verifier import document_text

    texts: dict[str, str | None] = {}
    for ref in brief.documents:
        try:
            texts[ref.doc_id] = document_text(ref)
        except InputError:  # neither embedded nor on disk: the notes still quote the spans
            texts[ref.doc_id] = None
    readable = [as_document(ref, texts[ref.doc_id]) for ref in brief.documents
                if texts[ref.doc_id] is not None]
    corpus = segment(readable) if readable else None
    sentences = {d.document.doc_id: d.sentences for d in corpus.documents} if corpus else {}
    return {
        ref.doc_id: DocView(
            doc_id=ref.doc_id,
            title=document_name(ref),
            outlet=_outlet(ref),
            date=ref.date,
            path=ref.path,
            text=texts[ref.doc_id],
            sentences=sentences.get(ref.doc_id, ()),
        )
        for ref in brief.documents
    }


def _outlet(ref: DocumentRef) -> str | None:
    """The outlet where the brief knows it (briefs of older versions carry none)."""
    outlet = getattr(ref, "outlet", None)
    return outlet if outlet and outlet != UNKNOWN_OUTLET else None


def as_document(ref: DocumentRef, text: str | None) -> Document:
    fields = ref.model_dump()
    fields["text"] = text
    return Document.model_validate({k: v for k, v in fields.items() if k in Document.model_fields})
