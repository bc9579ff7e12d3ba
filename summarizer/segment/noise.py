"""Mark, never delete, what is not article body, and say why.

Three kinds of rule, each general rather than tuned to one site:

- shape: what a line looks like (a heading with no sentence punctuation, a
  run of hashtags, a byline, a bare timestamp, a locale code, boilerplate of
  the legal or AI-disclosure kind);
- topic: how far a sentence is from the rest of its document and from the
  other sources (teasers of other stories share no words with the story);
- position: pages end with what is not the article (notices, link lists,
  teasers), so once the body has ended, everything after it is marked too.

A whole page can be no news at all: a sign-in page, a notice of the site's, a
shop or newsletter prompt, an advert, a horoscope. Such pages speak to their
reader ("you", "your") in most of their few sentences; `speaks_to_reader` says
so, and the brief leaves a story of only such pages out, with that reason.

Text an extractor cut out of a web page is already the article, headings,
list items and table rows included: there only the headline, bylines, dates,
notices and control labels ("Read more", "Share on Twitter") are marked, and
neither topic nor position rules apply.
"""

from __future__ import annotations

import re

import numpy as np

from summarizer.language.similarity import tfidf_matrix
from summarizer.language.text import ends_sentence
from summarizer.models import Corpus, Segmented, Sentence
from summarizer.segment.standalone import to_reader

_LEGAL = re.compile(
    r"rights reserved|all rights of|copyright|©|written (?:contract|permission|consent)"
    r"|terms of (?:use|service)|legal (?:warning|notice|disclaimer)"
    r"|(?:reproduced|republished|redistributed)\b.*\bwithout",
    re.IGNORECASE,
)
_AI_NOTICE = re.compile(
    r"\b(?:AI|artificial intelligence)[- ](?:generated|technology was used|was used|assisted)"
    r"|generated (?:by|with|using) (?:AI|artificial intelligence)",
)
_BYLINE = re.compile(r"^(?:posted|post|written|story|words|text)?\s*by\s*:?\s+\S", re.IGNORECASE)
_LOCALE = re.compile(r"^[a-z]{2}[_-][A-Z]{2}\w*$")
_CLOCK = re.compile(r"\b\d{1,2}:\d\d\s*(?:[ap]\.?m\.?)?", re.IGNORECASE)
# Labels of a page's own controls and links to elsewhere (share, subscribe, read more, related,
# comments, slideshow buttons): what an extractor lets through around an article's body.
_PROMPT = re.compile(
    r"\bread (?:more|the full|next)\b|continue reading|full story"
    r"|\bshare (?:on|this|via)\b|^share$|\b(?:on|via) (?:twitter|facebook|instagram|linkedin"
    r"|whatsapp|reddit|pinterest|email|x)\b|^(?:tweet|e-?mail|print|pin it)$"
    r"|\bsubscribe\b|^(?:sign (?:up|in)|log ?in|register)\b|newsletter|\bloading\b"
    r"|\bfollow (?:us|\w+ on|\w+:)|privacy policy"
    r"|^related\b|\brelated (?:articles?|stories|posts|videos?|content|links|coverage)\b"
    r"|\bmore (?:stories|from|on this)\b|^recommended\b|you (?:may|might) also like"
    r"|\bmost (?:read|popular|viewed)\b|\bslide ?shows?\b|\bpowered by\b|\blinks:$"
    r"|^\d* ?comments?\b|leave a (?:comment|reply)|^like this:?$|^in [\"“].*[\"”]$"
    r"|^(?:previous|prev|next|close|fullscreen|thumbnails|back to top|skip to \w+"
    r"|advertisement|sponsored|video|photos?|gallery|\d+ of \d+)$",
    re.IGNORECASE,
)
MAX_PROMPT_WORDS = 8  # longer lines are sentences that happen to use such words
# "Read more…", "Loading Comments...": a trailing ellipsis does not end a sentence here.
_TRAILING = re.compile(r"(?:\.\.\.|…)$")
_COOKIES = re.compile(
    r"\b(?:we|(?:this|our) (?:site|website)) uses? cookies\b|\baccept (?:all )?cookies\b"
    r"|\bcookie (?:policy|settings|preferences|consent|notice)\b",
    re.IGNORECASE,
)
# What a page says about its own media player or the reader's browser, never the news.
_PLAYER = re.compile(
    r"\bplayback (?:is )?(?:not supported|unsupported|unavailable)\b"
    r"|\byour (?:browser|device) (?:does not|doesn't|cannot|can't) (?:support|play)\b"
    r"|\b(?:enable|turn on|activate) javascript\b",
    re.IGNORECASE,
)
# A social-media post embedded in the page: its link, or its signature line
# ("— Name (@handle) June 20, 2017"). What a post says is quoted by the article, if at all.
_EMBED = re.compile(r"\bpic\.twitter\.com/\w+"
                    r"|—\s*[^—()]{1,80}\(@\w{1,30}\)\s+[A-Z][a-z]+ \d{1,2}, \d{4}\s*$")
# A photo's caption, as wire services write them: it describes a picture, not the news.
_CAPTION = re.compile(r"^(?:FILE\s*[-–—]\s*)?In this (?:[\w.,'’]+ ){0,6}(?:file )?photo\b",
                      re.IGNORECASE)
_MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?", re.I)

# Reasons that, past the first part of a document, show that the body has ended.
_ENDS_BODY = ("legal", "ai notice", "hashtags", "navigation", "language switcher", "timestamp")
BODY_MIN_SHARE = 0.4  # a notice in the first 40% is a header note, not the page footer
ON_TOPIC = 0.06  # cosine to the corpus centroid below which a tail sentence is off-topic
OFF_TOPIC = 0.015  # below this even mid-body sentences are off-topic
MIN_BODY_FOR_TOPIC = 10  # body sentences needed before topic distance is judged
# A page of at most this many body sentences, at least this share of them addressed to the
# reader, is not news: chosen on the Multi-News story mixes, where every such page is a
# notice, a prompt, an advert or a video's page; checked on the 130 HTML development pages.
READER_PAGE_SENTENCES = 8
READER_SHARE = 0.5


def shape_noise(
    sentence: str, line: str, is_first_line: bool, extracted: bool = False,
    title: str | None = None,
) -> str | None:
    """Why the sentence is not body, judging by its shape and its line; None if it is.

    `extracted` is for text an extractor cut out of a web page: it kept the article's
    headings, list items and table rows, so a line with no sentence in it is body there
    unless it is the page's `title` or a control's label ("Read more", "Share on Twitter").

    >>> shape_noise("#trending #NorthKorea", "#trending #NorthKorea", False)
    'hashtags: a line of tags'
    >>> shape_noise("Kim visited a factory.", "Kim visited a factory.", False) is None
    True
    >>> line = "FILE - In this Jan. 14, 2013 file photo, Drew Barrymore poses for a portrait."
    >>> shape_noise(line, line, False)
    'caption: describes a photo, not the news'
    >>> line = "RIP to a legend — Ghostface Killah (@GhostfaceKillah) June 20, 2017"
    >>> shape_noise(line, line, False)
    'embedded post: a social-media post shown in the page'
    """
    tokens = line.split()
    if reason := notice(sentence):
        return reason
    if _CAPTION.match(sentence.strip()):
        return "caption: describes a photo, not the news"
    if _EMBED.search(sentence):
        return "embedded post: a social-media post shown in the page"
    if len(tokens) >= 2 and sum(t.startswith("#") for t in tokens) / len(tokens) >= 0.5:
        return "hashtags: a line of tags"
    if _LOCALE.match(line):
        return "language switcher: a locale code"
    if len(tokens) <= 6 and _BYLINE.match(line):
        return "byline: names the author, states no fact"
    if _is_timestamp(sentence):
        return "timestamp: a date or time alone"
    if extracted:
        return _web_shape_noise(line, tokens, title)
    if not ends_sentence(line) and len(tokens) <= 20:
        return "title: the headline, not a sentence" if is_first_line else "heading: no sentence"
    return None


def notice(text: str) -> str | None:
    """Why `text` is a notice of the page's (rights, machine-written text, media player),
    or None.

    >>> notice("Media playback is unsupported on your device")
    "player: a notice about the page's media player"
    """
    if _LEGAL.search(text):
        return "legal: a rights or reuse notice"
    if _AI_NOTICE.search(text):
        return "ai notice: a note on machine-generated content"
    if _PLAYER.search(text):
        return "player: a notice about the page's media player"
    return None


def _web_shape_noise(line: str, tokens: list[str], title: str | None) -> str | None:
    """The heading rule for extracted page text: only the headline and control labels.

    >>> _web_shape_noise("Read more", ["Read", "more"], None)
    'prompt: a link or button label, not article text'
    >>> _web_shape_noise("Task scheduling", ["Task", "scheduling"], None) is None
    True
    """
    if _COOKIES.search(line):
        return "cookies: a notice about the site, not the article"
    if ends_sentence(line) and not _TRAILING.search(line):
        return None
    # The headline, wherever the extractor put it (a notice may come first); a first line
    # that is not the page's title is the article's first heading.
    if title and " ".join(title.split()).casefold() == line.casefold():
        return "title: the headline, not a sentence"
    if len(tokens) <= MAX_PROMPT_WORDS and _PROMPT.search(line.strip(" .…|-–—»›>")):
        return "prompt: a link or button label, not article text"
    return None


def _is_timestamp(line: str) -> bool:
    rest = _MONTH.sub(" ", _CLOCK.sub(" ", line))
    words = re.findall(r"[A-Za-z]{2,}", rest)
    had_time = bool(_CLOCK.search(line) or _MONTH.search(line))
    return had_time and not words and bool(re.search(r"\d", line))


def speaks_to_reader(doc: Segmented) -> bool:
    """True for a short page that addresses its reader in at least half of its body.

    News reports tell of others; a notice, a prompt or an advert tells "you"
    what to do or expect. Words inside quotation marks are the speaker's, not
    the page's, and a long page that says "you" (a how-to, a review, an
    interview) is left to the brief.
    On the story mixes of `python -m evals.stories` this marks 8 of the 17 pages
    judged not news there and two video pages, and no news article; of the 130
    pages of the HTML development set it marks none (the closest news page,
    10 sentences with "you" in 6, is over the length).

    >>> from summarizer.models import Document
    >>> from summarizer.segment import segment_document
    >>> def page(text):
    ...     d = Document(doc_id="d", path="d.txt", title="t", sha256="0", text=text)
    ...     return speaks_to_reader(segment_document(d))
    >>> page("Your custom domain may take a day to resolve. If you need help, write to us.")
    True
    >>> page('Kim toured a factory on Friday. "You must build more," he told workers.')
    False
    """
    body = [s.text for s in doc.sentences if s.is_body]
    if not body or len(body) > READER_PAGE_SENTENCES:
        return False
    addressed = sum(bool(to_reader(text)) for text in body)
    return addressed >= READER_SHARE * len(body)


def mark_corpus(corpus: Corpus) -> Corpus:
    """Add topic and position marks to the shape marks made while segmenting."""
    sentences = [s for d in corpus.documents for s in d.sentences]
    topical = _topicality(sentences)
    return Corpus(documents=tuple(_mark_document(d, topical) for d in corpus.documents))


def _topicality(sentences: list[Sentence]) -> dict[str, float]:
    """Cosine of each sentence to the centroid of the body sentences, itself left out."""
    body = [s for s in sentences if s.is_body]
    if len(body) < MIN_BODY_FOR_TOPIC:  # too little text for distance to mean anything
        return {s.sentence_id: 1.0 for s in sentences}
    matrix = tfidf_matrix([s.text for s in sentences], fit_on=[s.text for s in body])
    is_body = np.array([s.is_body for s in sentences])
    total = np.asarray(matrix[is_body].sum(axis=0)).ravel()
    scores = {}
    for i, s in enumerate(sentences):
        row = matrix[i].toarray().ravel()
        if not row.any():  # no word the vectoriser knows (another script): nothing to judge by
            scores[s.sentence_id] = 1.0
            continue
        centroid = total - row if s.is_body else total
        norm = np.linalg.norm(centroid)
        scores[s.sentence_id] = float(row @ centroid / norm) if norm else 0.0
    return scores


def _mark_document(doc: Segmented, topical: dict[str, float]) -> Segmented:
    text_length = len(doc.document.text)
    # An extractor already cut a web page down to its article (footers, link lists and
    # teasers removed), so the position and topic rules would only cut the article itself.
    extracted = doc.document.format == "html"
    body_end = text_length if extracted else _body_end(doc.sentences, topical, text_length)
    marked = []
    for s in doc.sentences:
        reason = s.noise
        if reason is None and s.start >= body_end:
            reason = "after the article body: follows the last on-topic sentence or a footer"
        if reason is None and not extracted and topical[s.sentence_id] < OFF_TOPIC:
            score = topical[s.sentence_id]
            reason = f"off-topic: shares almost no words with the sources ({score:.3f})"
        marked.append(s if reason == s.noise else s.model_copy(update={"noise": reason}))
    return Segmented(document=doc.document, sentences=tuple(marked))


def _body_end(sentences: tuple[Sentence, ...], topical: dict[str, float], length: int) -> int:
    """Offset where the article body ends: at a footer marker, or after its last on-topic line."""
    end = length
    for s in sentences:
        if s.start >= BODY_MIN_SHARE * length and s.noise and s.noise.startswith(_ENDS_BODY):
            end = s.start
            break
    before = [s for s in sentences if s.is_body and s.start < end]
    on_topic = [s.end for s in before if topical[s.sentence_id] >= ON_TOPIC]
    return max(on_topic) if on_topic else end
