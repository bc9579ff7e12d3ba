"""A story's headline, which is a claim like any other.

It is one outlet's own headline, quoted and attributed to it (and cited where
it stands in the document's text), when a document of the story has one worth
quoting. Files that carry no title (plain newswire, scraped text) get a
headline made from what the story is about: the lead sentences of its
documents are the candidates, and the one closest to what all the leads say
wins. A candidate must stand alone as a headline: never a quotation, a
question, an aside, a sentence opened by a connective ("But", "In addition")
or one that points back ("he", "the deputy"). It may be shortened, only by
cuts that keep it true (a dateline, an opening phrase of time or place, a
trailing clause set off by a comma that reports no one), and the shortened
text is checked against its lead sentence like any drafted sentence. It cites
the exact span it keeps. Only when no lead qualifies does the story's best
verified item stand in.
"""

from __future__ import annotations

import re
from pathlib import Path

from summarizer.language.similarity import tfidf_matrix
from summarizer.models import (
    UNKNOWN_OUTLET,
    Citation,
    Corpus,
    Document,
    Headline,
    Item,
    Sentence,
    StoryDocs,
)
from summarizer.segment import SPEECH, fragment, is_reported, notice, problem
from summarizer.verifier import (
    ADDED,
    OPENING,
    check,
    filing_end,
    for_sources,
    is_participle,
    open_quote,
    safe_to_cut,
)

MAX_WORDS = 25
CENTRE_SENTENCES = 8  # what a document is about: its opening sentences
LEAD_SENTENCES = 2  # a document's first body sentences are its lead
LEAD_DOCS = 12  # the most central documents whose leads are candidates
SHORT_WORDS = 22  # a longer candidate is cut where a cut keeps it true, if it can be

# "the above remarks", "as noted above": words that only an earlier passage explains.
_ABOVE = re.compile(r"\b(?:the above|above-mentioned|as noted above|mentioned above)\b",
                    re.IGNORECASE)
# A full stop that ends an abbreviation ("the U.S.") rather than the sentence.
_ABBREVIATION_END = re.compile(r"(?:\b[A-Z]\.){2,}$|\b(?:Inc|Corp|Co|Ltd|Jr|Sr|St)\.$")
# A sentence that leans on the one before it, or is said in passing.
_CONNECTIVE = re.compile(
    r"^[\"“`'(]*(?:but|and|or|yet|so|still|also|finally|now|however|meanwhile|moreover|furthermore|"
    r"additionally|in addition|besides|instead|nevertheless|nonetheless|indeed|then|thus|"
    r"otherwise|likewise|similarly|by the way|incidentally|of course|in fact|as a result|"
    r"for example|for instance|in turn|even so|at the same time|on the other hand)\b",
    re.IGNORECASE,
)
# "..., he said": a speaker only the sentences before it name.
_PRONOUN_SPEAKER = re.compile(r"\b(?:he|she|they|it)\s+(?:\w+ly\s+)?" + SPEECH.pattern,
                              re.IGNORECASE)
# A quoted span: someone's words when it runs to four words or more, or opens the sentence.
# A name or a term in quotation marks ('the "No More 404" sites', 'the "expansion"') is not.
_QUOTED = re.compile(r"(?:\"|“|``|‘)(.+?)(?:\"|”|''|’)")
_QUOTATION_WORDS = 4


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
    """The most central document's usable title, quoted; else the best lead sentence, as
    cut and checked; else the first verified item."""
    for doc_id in docs.doc_ids:
        document = corpus.doc(doc_id).document
        if usable_title(document):
            return Headline(text=document.title.strip(), kind="quoted",
                            attribution=attribution(document), doc_id=doc_id,
                            citations=title_citation(document, corpus))
    if (lead := lead_headline(docs, corpus)) is not None:
        return lead
    if items:
        best = next((i for i in items if headline_like(i.text)), items[0])
        return Headline(text=best.text, kind="verified", citations=best.citations)
    document = corpus.doc(docs.doc_ids[0]).document
    return Headline(text=document.title.strip(), kind="quoted",
                    attribution=attribution(document), doc_id=document.doc_id,
                    citations=title_citation(document, corpus))


def leads(docs: StoryDocs, corpus: Corpus) -> list[Sentence]:
    """The first body sentences of the story's most central documents."""
    out = []
    for doc_id in docs.doc_ids[:LEAD_DOCS]:
        body = [s for s in corpus.doc(doc_id).sentences if s.is_body]
        out += body[:LEAD_SENTENCES]
    return out


def lead_headline(docs: StoryDocs, corpus: Corpus) -> Headline | None:
    """The lead sentence closest to what all the story's leads say, shortened where that
    keeps it true, if one stands alone as a headline."""
    sentences = leads(docs, corpus)
    candidates = []
    for sentence in sentences:
        reported = is_reported(sentence, corpus.doc(sentence.doc_id).document.text)
        span = headline_span(sentence, reported)
        if span is not None:
            candidates.append((sentence, span))
    if not candidates:
        return None
    # The candidate closest to the centre of what the documents open with.
    texts = [_span_text(s, span) for s, span in candidates]
    about = [" ".join(s.text for s in corpus.doc(d).sentences[:CENTRE_SENTENCES])
             for d in docs.doc_ids[:LEAD_DOCS]]
    vectors = tfidf_matrix(about + texts).toarray()
    scores = vectors[len(about):] @ vectors[: len(about)].mean(axis=0)
    # The best among those short enough; else the shortest.
    short = [i for i, t in enumerate(texts) if len(t.split()) <= MAX_WORDS]
    pool = short or [min(range(len(texts)), key=lambda i: len(texts[i].split()))]
    best = max(pool, key=lambda i: (float(scores[i]), -i))
    sentence, (start, end) = candidates[best]
    text = _span_text(sentence, (start, end))
    return Headline(text=text[0].upper() + text[1:], kind="verified",
                    citations=(Citation.within(sentence, start, end),))


def headline_span(sentence: Sentence, reported: bool) -> tuple[int, int] | None:
    """The document offsets of the part of `sentence` that makes its headline, or None
    when the sentence cannot be one. The part is cut only where the cut keeps it true,
    and must stand alone and be supported by the whole sentence."""
    text = sentence.text
    if not headline_like(text):
        return None
    full, begin = len(text.rstrip()), filing_end(text)
    start, end = begin, full
    if len(text[start:end].split()) > SHORT_WORDS and (opening := OPENING.match(text[start:])) \
            and safe_to_cut(opening.group()):
        start += opening.end()
    if len(text[start:end].split()) > SHORT_WORDS:
        # The rest of the sentence from a clause that adds to the main one, if all of that
        # rest may go (no speaker, source, quotation, negation or condition in it).
        for added in ADDED.finditer(text, start):
            if (is_participle(added.group(2)) and not open_quote(text, added.start())
                    and safe_to_cut(text[added.start():end])):
                end = added.start()
                break
    span = text[start:end].rstrip(" ,;:")
    if span.endswith(".") and not _ABBREVIATION_END.search(span):
        span = span[:-1]
    if not span:
        return None
    shown = span[0].upper() + span[1:]
    if not headline_like(shown + ".") or problem(shown + ".", reported):
        return None
    if (start, end) != (begin, full) and not check(shown, [text], for_sources()).supported:
        return None
    return sentence.start + start, sentence.start + start + len(span)


def headline_like(text: str) -> bool:
    """Whether `text` could head a story: a statement, on its own, not in someone's words,
    not an aside.

    >>> headline_like("India and Bangladesh clinched a deal on sharing the Ganges water.")
    True
    >>> headline_like("But the prime minister said the deputy was morally unfit.")
    False
    >>> headline_like("``If we win, it emboldens the players,'' Hunter said.")
    False
    """
    stripped = text.strip()
    return not (
        not stripped or stripped.startswith(("(", "[", "-", "—"))
        or quotes_someone(stripped)
        or _CONNECTIVE.match(stripped) or _ABOVE.search(stripped)
        or _PRONOUN_SPEAKER.search(stripped)
        or problem(stripped, reported=False)
    )


def quotes_someone(text: str) -> bool:
    """Whether `text` gives someone's words: it opens with a quotation, or quotes four
    words or more, or leaves a quotation open.

    >>> quotes_someone('Kim orders the "expansion" of missile production.')
    False
    >>> quotes_someone("The union called it ``a slap in the face of workers'' on Monday.")
    True
    """
    if re.match(r"^\W*(?:\"|“|``|‘)", text):
        return True
    spans = _QUOTED.findall(text)
    unclosed = text.count("“") != text.count("”") or text.count('"') % 2 or (
        text.count("``") != text.count("''"))
    return bool(unclosed) or any(len(span.split()) >= _QUOTATION_WORDS for span in spans)


def _span_text(sentence: Sentence, span: tuple[int, int]) -> str:
    return sentence.text[span[0] - sentence.start : span[1] - sentence.start]

