"""The data that flows between pipeline stages.

Every stage takes the previous stage's models and returns its own; all of them
are frozen so that no stage can quietly edit what an earlier one produced.
Spans are Python string indices into `Document.text`, so
`document.text[start:end] == cited_text` holds for every citation.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

UNKNOWN_OUTLET = "unknown"
OUTLET_HELP = (
    "Who published it: the URL's registrable domain, else the site or feed name, else "
    "'unknown'. Documents of one known outlet count as one source."
)
DocFormat = Literal["text", "markdown", "html", "feed", "jsonl"]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Document(Frozen):
    doc_id: str = Field(description="Short content hash: the same text always gets the same id.")
    path: str = Field(description="Where the document was read from.")
    title: str = Field(description="First heading-like line, or the file name.")
    date: str | None = Field(None, description="ISO date found in the text, if any.")
    sha256: str = Field(description="SHA-256 of the file's bytes.")
    encoding: str = Field("utf-8", description="How the bytes were decoded.")
    text: str = Field(description="The decoded text that every span indexes.")
    outlet: str = Field(UNKNOWN_OUTLET, description=OUTLET_HELP)
    format: DocFormat = Field("text", description="How the file was read.")
    url: str | None = Field(None, description="Canonical URL of the article, if known.")
    author: str | None = Field(None, description="Byline, if the file names one.")
    site_name: str | None = Field(None, description="Publication name the file gives, if any.")
    summary_only: bool = Field(
        False, description="True for a feed entry that carried only a summary, not the article."
    )


class Sentence(Frozen):
    sentence_id: str = Field(description="'<doc_id>-s<index>', stable for the same input.")
    doc_id: str
    index: int = Field(description="Position of the sentence in its document, from 0.")
    start: int = Field(ge=0)
    end: int = Field(gt=0)
    text: str
    noise: str | None = Field(None, description="Why this is not article body, if it is not.")
    source: str = Field(
        "", description="What counts as one source: the outlet, else the doc_id (the default)."
    )

    @model_validator(mode="after")
    def source_defaults_to_document(self) -> Sentence:
        if not self.source:
            object.__setattr__(self, "source", self.doc_id)
        return self

    @property
    def is_body(self) -> bool:
        return self.noise is None


class Segmented(Frozen):
    """A document with its sentences; the validator guards the span contract."""

    document: Document
    sentences: tuple[Sentence, ...]

    @model_validator(mode="after")
    def spans_match(self) -> Segmented:
        for s in self.sentences:
            if self.document.text[s.start : s.end] != s.text:
                raise ValueError(f"span of {s.sentence_id} does not match its text")
        return self


class Corpus(Frozen):
    documents: tuple[Segmented, ...]

    def doc(self, doc_id: str) -> Segmented:
        for d in self.documents:
            if d.document.doc_id == doc_id:
                return d
        raise KeyError(doc_id)

    def sentence(self, sentence_id: str) -> Sentence:
        doc_id = sentence_id.rsplit("-s", 1)[0]
        for s in self.doc(doc_id).sentences:
            if s.sentence_id == sentence_id:
                return s
        raise KeyError(sentence_id)

    def body(self) -> list[Sentence]:
        return [s for d in self.documents for s in d.sentences if s.is_body]


class Fact(Frozen):
    fact_id: str
    sentence_ids: tuple[str, ...] = Field(description="At most one sentence per document.")
    sources: int = Field(description="Distinct sources (outlets, else documents) carrying it.")
    centrality: float = Field(description="Mean similarity of the fact to the whole corpus.")


class Conflict(Frozen):
    fact_id: str
    unit: str = Field(description="The word the disagreeing numbers count, e.g. 'troops'.")
    values: dict[str, str] = Field(description="sentence_id -> the number as written there.")


class Grouping(Frozen):
    facts: tuple[Fact, ...]
    conflicts: tuple[Conflict, ...] = ()


class Plan(Frozen):
    facts: tuple[Fact, ...] = Field(description="What the brief covers, best first.")
    omitted: dict[str, str] = Field(default_factory=dict, description="fact_id -> why left out.")
    prompt_tokens: int = Field(description="tiktoken estimate of the draft prompts.")


class Citation(Frozen):
    doc_id: str
    sentence_id: str
    start: int
    end: int
    cited_text: str


class Candidate(Frozen):
    """A sentence the model drafted for one fact, with the citations it chose."""

    fact_id: str
    text: str
    citations: tuple[Citation, ...]
    raw: str = Field(description="The model's output before parsing.")


class Verdict(Frozen):
    supported: bool
    score: float = Field(ge=0.0, le=1.0)
    reasons: tuple[str, ...] = ()


class Item(Frozen):
    text: str
    citations: tuple[Citation, ...]
    sources: int = Field(
        description="Distinct sources whose cited span supports the item: outlets where known, "
        "each document of unknown outlet on its own."
    )
    outlets: tuple[str, ...] = Field((), description="The known outlets among those sources.")
    verdict: Verdict
    fact_id: str
    origin: Literal["drafted", "repaired", "replaced"] = Field(
        description="drafted as is; repaired: citations re-pointed; replaced: a source sentence."
    )
    changes: tuple[str, ...] = Field((), description="What verification changed, if anything.")


class Dropped(Frozen):
    text: str
    citations: tuple[Citation, ...]
    reasons: tuple[str, ...]


class ModelInfo(Frozen):
    path: str
    name: str
    sha256: str


class DocumentRef(Frozen):
    doc_id: str
    path: str
    title: str
    date: str | None
    sha256: str
    encoding: str
    text: str | None = None
    outlet: str = Field(UNKNOWN_OUTLET, description=OUTLET_HELP)
    format: DocFormat = "text"
    url: str | None = None
    author: str | None = None
    site_name: str | None = None
    summary_only: bool = False


class Brief(Frozen):
    documents: tuple[DocumentRef, ...]
    items: tuple[Item, ...]
    dropped: tuple[Dropped, ...]
    omitted: dict[str, str] = Field(
        default_factory=dict, description="fact_id -> why the plan left that fact out."
    )
    conflicts: tuple[Conflict, ...]
    model: ModelInfo
    timings: dict[str, float]


class CheckResult(Frozen):
    """The verifier's answer for one claim against a list of evidence texts."""

    supported: bool
    score: float = Field(ge=0.0, le=1.0)
    evidence_index: tuple[int, ...] = Field(description="Evidence that supports it, best first.")
    reasons: tuple[str, ...]
