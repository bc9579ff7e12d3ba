"""Shared fixtures for the pure-logic tests: the seed corpus, and small hand-made corpora."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from summarizer.ingest.files import ingest
from summarizer.models import Corpus, Document, Sentence
from summarizer.segment.sentences import segment, segment_document

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_documents() -> list[Document]:
    return ingest([SEEDS])


@pytest.fixture(scope="session")
def seed_corpus(seed_documents: list[Document]) -> Corpus:
    return segment(seed_documents)


@pytest.fixture(scope="session")
def seed_sentence(seed_corpus: Corpus) -> Callable[[str, str], Sentence]:
    """`find(prefix, text)`: the first sentence starting with `text` in the seed file `prefix*`."""

    def find(prefix: str, text: str) -> Sentence:
        for d in seed_corpus.documents:
            if Path(d.document.path).name.startswith(prefix):
                for s in d.sentences:
                    if s.text.startswith(text):
                        return s
        raise LookupError(f"no sentence starting {text!r} in seed {prefix}")

    return find


def make_document(doc_id: str, text: str) -> Document:
    return Document(doc_id=doc_id, path=f"{doc_id}.txt", title=doc_id, sha256="0" * 64, text=text)


@pytest.fixture
def make_corpus() -> Callable[..., Corpus]:
    """A corpus of documents 'doc0', 'doc1', ... from texts; `marked=False` skips topic marks."""

    def build(*texts: str, marked: bool = True) -> Corpus:
        documents = [make_document(f"doc{i}", t) for i, t in enumerate(texts)]
        if marked:
            return segment(documents)
        return Corpus(documents=tuple(segment_document(d) for d in documents))

    return build


@pytest.fixture(autouse=True, scope="session")
def private_archive(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Every brief the tests make is recorded in an archive of their own, never the user's."""
    import os

    os.environ["SUMMARIZER_ARCHIVE"] = str(tmp_path_factory.mktemp("archive") / "archive.db")
