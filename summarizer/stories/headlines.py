"""A story's headline, which is a claim like any other.

It is either one outlet's own headline, quoted and attributed to it (and
cited where it stands in the document's text), or, when no document of the
story has a headline worth quoting, the story's best verified item.
"""

from __future__ import annotations

from pathlib import Path

from summarizer.models import UNKNOWN_OUTLET, Citation, Corpus, Document, Headline, Item, StoryDocs
from summarizer.segment import fragment, notice

MAX_WORDS = 25


def usable_title(document: Document) -> bool:
    """A headline a reader can take as one: the document's own, not its file name, not a stub,
    not a notice that happens to open the page."""
    title = document.title.strip()
    if not title or title == Path(document.path).stem or title.isupper() or notice(title):
        return False
    return len(title.split()) <= MAX_WORDS and fragment(title) is None


def title_citation(document: Document, corpus: Corpus) -> tuple[Citation, ...]:
    """The title's exact span in the text, inside the sentence that holds it, if it is there."""
    at = document.text.find(document.title)
    if at < 0:
        return ()
    end = at + len(document.title)
    for sentence in corpus.doc(document.doc_id).sentences:
        if sentence.start <= at and end <= sentence.end:
            return (Citation.within(sentence, at, end),)
    return ()


def attribution(document: Document) -> str:
    """Whose headline it is: the outlet where known, else the file's name."""
    return document.outlet if document.outlet != UNKNOWN_OUTLET else Path(document.path).name


def headline(docs: StoryDocs, corpus: Corpus, items: list[Item]) -> Headline:
    """The most central document's usable title, quoted; else the first verified item."""
    for doc_id in docs.doc_ids:
        document = corpus.doc(doc_id).document
        if usable_title(document):
            return Headline(text=document.title.strip(), kind="quoted",
                            attribution=attribution(document), doc_id=doc_id,
                            citations=title_citation(document, corpus))
    if items:
        return Headline(text=items[0].text, kind="verified", citations=items[0].citations)
    document = corpus.doc(docs.doc_ids[0]).document
    return Headline(text=document.title.strip(), kind="quoted",
                    attribution=attribution(document), doc_id=document.doc_id,
                    citations=title_citation(document, corpus))
