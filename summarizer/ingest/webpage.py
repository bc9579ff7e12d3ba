"""The main text and metadata of a saved web page.

trafilatura extracts the article and its metadata (title, date, author, site
name, canonical URL). readability-lxml reads the same page a second way, and
its text is taken instead when it holds nearly all of trafilatura's words and
more: trafilatura sometimes stops short of the whole body (a lead paragraph,
a repeated paragraph, an article split across containers), and on the
development pages the rule lifts token F1 from 0.93 to over 0.95
(`python -m evals.htmldev`). Elements a browser would not show (`hidden`,
`aria-hidden`, `display:none`) are pruned first, since a reader never sees them.

Whatever the markup holds, the result is plain text: scripts, styles, event
handlers and tags never reach a document's text.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from dataclasses import dataclass

import lxml.html
import trafilatura
from lxml import etree
from lxml_html_clean import Cleaner
from readability import Document as Readability
from trafilatura.utils import decode_file

from summarizer.ingest.dates import find_date, parse_date
from summarizer.language.text import ends_sentence

HIDDEN = (
    "//*[@hidden] | //*[@aria-hidden='true']"
    " | //*[contains(translate(@style, ' ', ''), 'display:none')]"
    " | //*[contains(translate(@style, ' ', ''), 'visibility:hidden')]"
)
SUPERSET = 0.9  # share of trafilatura's words readability must also hold to be taken instead
MAX_GROWTH = 5.0  # ...while being at most this many times as long
MIN_ARTICLE_CHARS = 100  # in sentence-like lines; less is a login wall, an index or an error page
_TAG = re.compile(rb"<\s*(?:!doctype|html|head|body|p|div|article|title|meta|span|a)\b", re.I)
_WORD = re.compile(r"\w+")
_BLOCKS = (
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "blockquote", "pre", "section", "article", "header", "footer", "figure", "figcaption",
    "dd", "dt", "hr", "aside", "main", "nav",
    "head", "item", "list", "row", "quote", "lb",  # trafilatura's own XML for the same
)
_BREAK = "\ue000"  # a private-use character: a block boundary until whitespace is collapsed
_CLEANER = Cleaner(
    scripts=True, javascript=True, style=True, comments=True, embedded=True, frames=True,
    forms=False, page_structure=False, meta=True, processing_instructions=True,
)


@dataclass(frozen=True)
class Page:
    text: str
    title: str | None
    date: str | None
    author: str | None
    site_name: str | None
    url: str | None
    extractor: str


def looks_like_html(data: bytes) -> bool:
    return bool(_TAG.search(data[:65536]))


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment, one block per line; scripts and handlers dropped.

    >>> html_to_text('<p>Kim <b>spoke</b>.</p><script>f()</script><p onclick="f()">Then.</p>')
    'Kim spoke.\\nThen.'
    """
    if not fragment or not fragment.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
        root = _CLEANER.clean_html(root)
    except (etree.ParserError, ValueError):
        return ""
    return tree_to_text(root)


def tree_to_text(root: etree._Element) -> str:
    """Text of an element, one block per line (changes the tree: pass a copy to keep it)."""
    # Line breaks in the source are spaces to a reader; only block boundaries break lines.
    for element in root.iter(*_BLOCKS):
        element.tail = _BREAK + (element.tail or "")
    for cell in root.iter("cell", "td", "th"):
        cell.tail = " " + (cell.tail or "")
    flat = " ".join("".join(root.itertext()).split())
    return _tidy(flat.replace(_BREAK, "\n"))


def _tidy(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _words(text: str) -> Counter[str]:
    return Counter(_WORD.findall(text.lower()))


def choose_text(main: str, other: str) -> tuple[str, str]:
    """trafilatura's text, or readability's when it holds nearly all of it and more."""
    ours, theirs = _words(main), _words(other)
    size, other_size = sum(ours.values()), sum(theirs.values())
    if not other_size:
        return main, "trafilatura"
    if not size:
        return other, "readability"
    shared = sum((ours & theirs).values()) / size
    if shared >= SUPERSET and size < other_size <= MAX_GROWTH * size:
        return other, "readability"
    return main, "trafilatura"


def is_article(text: str) -> bool:
    """Enough text in sentence-like lines to be an article, not a list of links or a form.

    Counted in characters, not words, so that scripts without spaces count alike.
    """
    lines = text.splitlines()
    sentences = sum(len(line) for line in lines if ends_sentence(line))
    return sentences >= MIN_ARTICLE_CHARS or len(text) >= 20 * MIN_ARTICLE_CHARS


def extract_page(data: bytes) -> Page | None:
    """The page's main text and metadata; None when it holds no article."""
    html = decode_file(data)
    tree = lxml.html.document_fromstring(html)
    for element in tree.xpath(HIDDEN):
        if element.getparent() is not None:
            element.drop_tree()
    pruned = lxml.html.tostring(tree, encoding="unicode")
    found = trafilatura.bare_extraction(
        pruned, with_metadata=True, include_comments=False, include_tables=True,
        # Dates from the page's markup only, with no upper bound taken from today.
        date_extraction_params={"extensive_search": False, "original_date": True,
                                "max_date": "2099-12-31"},
    )
    # Its XML body, not its text output: that keeps the source's line wrapping inside a
    # paragraph, and a paragraph must be one line for the segmenter.
    body = found.body if found is not None else None
    main = tree_to_text(copy.deepcopy(body)) if body is not None else ""
    try:
        other = html_to_text(Readability(pruned).summary(html_partial=True))
    except Exception:  # readability-lxml raises its own and lxml's errors on odd pages
        other = ""
    text, extractor = choose_text(main, other)
    if not is_article(text):
        return None
    meta = found.as_dict() if found is not None else {}
    date = parse_date(meta.get("date"))
    return Page(
        text=text,
        title=_clean(meta.get("title")),
        date=date or find_date(text[:2000]),
        author=_clean(meta.get("author")),
        site_name=_clean(meta.get("sitename")),
        url=_clean(meta.get("url")),
        extractor=extractor,
    )


def _clean(value: object) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    return " ".join(html_to_text(value).split())[:300] or None
