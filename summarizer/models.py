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


def sentence_id(doc_id: str, index: int) -> str:
    """The one way a sentence ID is built.

    >>> sentence_id("5fbd16e1", 7)
    '5fbd16e1-s007'
    """
    return f"{doc_id}-s{index:03d}"


def parse_sentence_id(value: str) -> tuple[str, int]:
    """The one way a sentence ID is read back: (doc_id, index).

    >>> parse_sentence_id("5fbd16e1-s007")
    ('5fbd16e1', 7)
    """
    doc_id, _, index = value.rpartition("-s")
    return doc_id, int(index)


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
    copies: tuple[str, ...] = Field(
        (), description="Outlets (else file names) that ran a near-identical copy of this "
        "text, such as wire copy: one text, counted as one source.",
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
    resolved: str | None = Field(
        None, description="The text with its leading 'he' or 'the company' resolved from the "
        "sentences before it, as an editor's bracketed insertion: '[Kim Jong Un] toured...'.")

    @model_validator(mode="after")
    def source_defaults_to_document(self) -> Sentence:
        if not self.source:
            object.__setattr__(self, "source", self.doc_id)
        return self

    @property
    def is_body(self) -> bool:
        return self.noise is None

    @property
    def readable(self) -> str:
        """The text as it reads out of its document: resolved where it could be."""
        return self.resolved or self.text


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
        doc_id, _ = parse_sentence_id(sentence_id)
        for s in self.doc(doc_id).sentences:
            if s.sentence_id == sentence_id:
                return s
        raise KeyError(sentence_id)

    def body(self) -> list[Sentence]:
        return [s for d in self.documents for s in d.sentences if s.is_body]


class StoryDocs(Frozen):
    """The documents of one story, as the story stage forms it."""

    story_id: str = Field(description="'story<n>', numbered in order of first document.")
    doc_ids: tuple[str, ...] = Field(description="Its documents, the most central first.")


class Fact(Frozen):
    fact_id: str
    sentence_ids: tuple[str, ...] = Field(description="At most one sentence per document.")
    sources: int = Field(description="Distinct sources (outlets, else documents) carrying it.")
    centrality: float = Field(description="Mean similarity of the fact to the whole corpus.")


class Conflict(Frozen):
    fact_id: str
    unit: str = Field(description="The word the disagreeing numbers count, e.g. 'troops'.")
    values: dict[str, str] = Field(description="sentence_id -> the number as written there.")
    citations: tuple[Citation, ...] = Field(
        (), description="The disagreeing sentences, one citation each, in `values` order."
    )


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
    resolved: str | None = Field(
        None, description="cited_text with its leading reference resolved from the sentence "
        "before it ('[Kim Jong Un] toured...'), as the verifier read it; absent if none.")

    @classmethod
    def of(cls, sentence: Sentence) -> Citation:
        """The citation of a whole sentence: its exact span and text."""
        return cls(doc_id=sentence.doc_id, sentence_id=sentence.sentence_id,
                   start=sentence.start, end=sentence.end, cited_text=sentence.text,
                   resolved=sentence.resolved)

    @property
    def evidence(self) -> str:
        """What the verifier checks against: the cited words, their reference resolved."""
        return self.resolved or self.cited_text

    @classmethod
    def within(cls, sentence: Sentence, start: int, end: int) -> Citation:
        """The citation of the span [start, end) of a sentence (document offsets)."""
        if not sentence.start <= start < end <= sentence.end:
            raise ValueError(f"span {start}-{end} is not inside {sentence.sentence_id}")
        text = sentence.text[start - sentence.start : end - sentence.start]
        return cls(doc_id=sentence.doc_id, sentence_id=sentence.sentence_id,
                   start=start, end=end, cited_text=text)


class Candidate(Frozen):
    """A sentence the model drafted for one fact, with the citations it chose."""

    fact_id: str
    text: str
    citations: tuple[Citation, ...]
    raw: str = Field(description="The model's output before parsing.")
    origin: Literal["drafted", "quoted"] = Field(
        "drafted", description="quoted: a fact of one sentence, whose own words are used.")


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
    origin: Literal["drafted", "quoted", "repaired", "replaced"] = Field(
        description="drafted as is; quoted: the one source sentence of its fact, as written "
        "(a bracketed insertion says who 'he' is); repaired: citations re-pointed; replaced: "
        "a source sentence stands in for an unsupported draft."
    )
    changes: tuple[str, ...] = Field((), description="What verification changed, if anything.")
    new: bool | None = Field(None, description="With the archive: false when an earlier brief "
                             "of the story's thread already gave this fact; else true. "
                             "Without the archive: null.")


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
    copies: tuple[str, ...] = ()

    def document(self, text: str) -> Document:
        """The document again, with its text (from its file, or embedded)."""
        return Document(**self.model_dump(exclude={"text"}), text=text)


SCHEMA_VERSION = "2.3"


class Headline(Frozen):
    """A story's headline: a claim, so it is either verified or quoted and attributed."""

    text: str
    kind: Literal["quoted", "verified"] = Field(
        description="quoted: one outlet's own headline, attributed to it; verified: a brief "
        "sentence that passed verification against its citations."
    )
    attribution: str | None = Field(
        None, description="Whose headline it is (outlet, else file name), when quoted."
    )
    doc_id: str | None = Field(None, description="The document whose headline it is, if quoted.")
    citations: tuple[Citation, ...] = Field(
        (), description="Where it stands in the sources (a quoted title found in its text too)."
    )


class Thread(Frozen):
    """A story across days: the archive's thread that today's story continues, or starts."""

    id: int = Field(description="The thread's number in the archive (`summarizer thread ID`).")
    status: Literal["new", "developing"] = Field(
        description="new: no earlier brief told this story; developing: one did.")
    first_seen: str = Field(description="Date of the first brief that told it, ISO.")
    days: int = Field(description="Earlier days on which a brief told it.")


class TimelineDay(Frozen):
    """What an earlier brief of the thread said: its top items, citing the archived texts."""

    date: str
    brief_id: int
    headline: str
    items: tuple[Item, ...]


class Story(Frozen):
    story_id: str = Field(description="'story<n>': stable for the same input.")
    headline: Headline
    sources: int = Field(description="Distinct sources: outlets where known, else documents; "
                         "a wire text run by several outlets counts once.")
    outlets: tuple[str, ...] = Field((), description="Known outlets, wire copies' included.")
    first_date: str | None = Field(None, description="Earliest document date, ISO.")
    last_date: str | None = Field(None, description="Latest document date, ISO.")
    documents: tuple[str, ...] = Field(description="doc_ids of its documents, most central first.")
    items: tuple[Item, ...] = Field((), description="Facts several sources carry, most first.")
    single_source: tuple[Item, ...] = Field((), description="Facts one source carries.")
    conflicts: tuple[Conflict, ...] = ()
    thread: Thread | None = Field(None, description="With the archive: the story across days.")
    background: tuple[Item, ...] = Field(
        (), description="Facts an earlier brief of the thread already gave, restated today.")
    timeline: tuple[TimelineDay, ...] = Field(
        (), description="What earlier briefs of the thread said, oldest first.")


class Drafting(Frozen):
    """How the brief was written, and how well its model wrote: every planned fact the model
    was asked to draft ends drafted, repaired, replaced or dropped."""

    mode: Literal["model", "never"] = Field(
        "model", description="model: drafted by the model; never: source sentences only.")
    backend: str = Field("in process", description="Where drafts went: 'in process' (a GGUF "
                         "file), a server's URL, or 'none' with --draft never.")
    parallel: int = Field(1, description="Drafting requests sent at once.")
    asked: int = Field(0, description="Facts the model was asked to draft.")
    drafted: int = Field(0, description="Drafts kept as the model wrote them.")
    repaired: int = Field(0, description="Drafts kept with their citations re-pointed.")
    replaced: int = Field(0, description="Drafts replaced by a source sentence, verbatim.")
    dropped: int = Field(0, description="Drafts lost with nothing to stand in for them.")
    quoted: int = Field(0, description="Items that are a source sentence as written, with no "
                        "draft: a fact of one sentence, or every item with --draft never.")

    def kept_share(self) -> float | None:
        """Share of the model's drafts that passed verification (kept or repaired)."""
        return (self.drafted + self.repaired) / self.asked if self.asked else None


class Omission(Frozen):
    kind: Literal["story", "fact", "document"]
    id: str = Field(description="The story_id, fact_id or doc_id left out.")
    story_id: str
    reason: str
    text: str = Field("", description="Its headline, or the fact's first sentence.")


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
    schema_version: str = Field(SCHEMA_VERSION, description="Version of this JSON shape.")
    stories: tuple[Story, ...] = Field(
        (), description="The brief by story, best first; `items` lists all their items in order."
    )
    also_reported: tuple[Story, ...] = Field(
        (), description="Stories carried by one source: one verified sentence each."
    )
    omissions: tuple[Omission, ...] = Field(
        (), description="Every story and fact the brief left out, with the reason."
    )
    as_of: str | None = Field(None, description="The brief's date (--as-of), ISO; with the "
                              "archive, the day it is recorded under.")
    brief_id: int | None = Field(None, description="Its number in the archive, if recorded.")
    drafting: Drafting = Field(default_factory=Drafting,
                               description="How the items were written, and how well the model "
                               "drafted: its fitness for this brief.")


class CheckResult(Frozen):
    """The verifier's answer for one claim against a list of evidence texts."""

    supported: bool
    score: float = Field(ge=0.0, le=1.0)
    evidence_index: tuple[int, ...] = Field(description="Evidence that supports it, best first.")
    reasons: tuple[str, ...]
