"""Split documents into sentences with exact spans, then mark what is not body.

Lines are split first (news text puts one paragraph, heading or link on a
line), then pysbd splits each line into sentences. Each sentence is found
again in the original text from a moving cursor, so its `[start, end)` span is
exact whatever pysbd does to whitespace.
"""

from __future__ import annotations

import re
from collections import Counter

import pysbd

from summarizer.language.reference import resolve
from summarizer.models import UNKNOWN_OUTLET, Corpus, Document, Segmented, Sentence, sentence_id
from summarizer.segment.noise import mark_corpus, shape_noise

_LINE = re.compile(r"[^\n]+")
_SEGMENTER = pysbd.Segmenter(language="en", clean=False)


def split_spans(text: str) -> list[tuple[int, int]]:
    """`[start, end)` spans of the sentences of `text`, whitespace trimmed.

    >>> t = "Kim spoke. He left.\\nNext line"
    >>> [t[a:b] for a, b in split_spans(t)]
    ['Kim spoke.', 'He left.', 'Next line']
    """
    spans = []
    for line in _LINE.finditer(text):
        cursor = line.start()
        for piece in _pieces(line.group()):
            piece = piece.strip()
            start = text.find(piece, cursor, line.end()) if piece else -1
            if start < 0:  # pysbd altered the text: keep the rest of the line as one sentence
                piece = text[cursor : line.end()].strip()
                start = text.find(piece, cursor, line.end())
            if piece:
                spans.append((start, start + len(piece)))
                cursor = start + len(piece)
            if cursor >= line.end() or not text[cursor : line.end()].strip():
                break
    return spans


# Where a sentence can end inside a line: a full stop, question or exclamation mark
# (with any closing quote or bracket) followed by a space.
_INNER_END = re.compile(r"[.!?…][\"'”’)\]]*\s")


def _pieces(line: str) -> list[str]:
    """pysbd's sentences of one line; the whole line where pysbd fails on odd characters.

    A line with nowhere inside it that a sentence could end is one sentence:
    pysbd, which costs a few milliseconds a line, is not asked.
    """
    if not _INNER_END.search(line.strip()):
        return [line]
    try:
        return _SEGMENTER.segment(line)
    except (ValueError, IndexError):
        return [line]


def source_key(document: Document) -> str:
    """What counts as one source: the outlet where known, else the document itself."""
    return document.doc_id if document.outlet == UNKNOWN_OUTLET else document.outlet


def segment_document(document: Document) -> Segmented:
    text = document.text
    spans = split_spans(text)
    line_starts = [text.rfind("\n", 0, start) + 1 for start, _ in spans]
    lines = [text[a:b].strip() for a, b in (_line_bounds(text, s) for s in line_starts)]
    first_line_of: dict[str, int] = {}
    for line_start, line in zip(line_starts, lines, strict=True):
        first_line_of.setdefault(line, line_start)
    occurrences = Counter(line for _, line in set(zip(line_starts, lines, strict=True)))
    # A web page's text was cut out by an extractor that keeps headings, list items and
    # table rows of the article and drops its menus: the heading and repeat rules for plain
    # text would cut the article's own headings, table cells and repeated lines.
    extracted = document.format == "html"
    sentences = []
    for index, ((start, end), line_start, line) in enumerate(
        zip(spans, line_starts, lines, strict=True)
    ):
        reason = shape_noise(text[start:end], line, is_first_line=line_start == line_starts[0],
                             extracted=extracted, title=document.title)
        if reason is None and not extracted and first_line_of[line] != line_start:
            reason = "duplicate: repeats an earlier line of the document"
        if reason is None and not extracted and occurrences[line] > 1 and len(line.split()) <= 4:
            reason = "navigation: short line repeated in the document"
        sentences.append(
            Sentence(
                sentence_id=sentence_id(document.doc_id, index),
                doc_id=document.doc_id,
                index=index,
                start=start,
                end=end,
                text=text[start:end],
                noise=reason,
                source=source_key(document),
            )
        )
    return Segmented(document=document, sentences=resolve_references(sentences))


def resolve_references(sentences: list[Sentence]) -> tuple[Sentence, ...]:
    """Each body sentence with its leading 'he' or 'the company' resolved from the body
    sentences before it (`verifier.reference`), where one candidate is named there."""
    out, before = [], []
    for sentence in sentences:
        if sentence.is_body:
            resolved = resolve(sentence.text, before)
            if resolved is not None:
                sentence = sentence.model_copy(update={"resolved": resolved})
            before.append(sentence.text)
        out.append(sentence)
    return tuple(out)


def _line_bounds(text: str, line_start: int) -> tuple[int, int]:
    end = text.find("\n", line_start)
    return line_start, end if end >= 0 else len(text)


def segment(documents: list[Document]) -> Corpus:
    """Sentences of every document, with noise marked by shape, topic and position."""
    return mark_corpus(Corpus(documents=tuple(segment_document(d) for d in documents)))
