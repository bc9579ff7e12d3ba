"""Segment: sentences with exact offsets and stable IDs, and marks on what is not news.

`segment(documents)` is the stage (`segment_document` for one document, shape
marks only; `mark_corpus` adds the marks that need the other documents of a
story). `sentences` splits, `noise` marks what is not article body with a
reason, `standalone` says whether a sentence can stand alone as an item, and
`readout` prints what the stage made of a file (`summarizer read`).
"""

from summarizer.segment.noise import mark_corpus, notice, speaks_to_reader
from summarizer.segment.readout import read_out, to_jsonl, to_table
from summarizer.segment.sentences import segment, segment_document, split_spans
from summarizer.segment.standalone import SPEECH, fragment, is_reported, problem

__all__ = [
    "SPEECH", "fragment", "is_reported", "mark_corpus", "notice", "problem", "read_out", "segment",
    "segment_document", "speaks_to_reader", "split_spans", "to_jsonl", "to_table",
]
