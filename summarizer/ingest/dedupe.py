"""One article read twice (a feed entry and the saved page, two exports) counts once.

Two documents are the same article when their URLs match once normalised
(scheme, "www.", trailing slash, fragment and tracking parameters ignored), or
when their texts are near-identical: most 5-word shingles of the shorter text
occur in the longer. The fuller copy is kept: a saved page over a feed
summary, the longer text otherwise, and the outlets of the other copies are
listed in its `copies`: wire copy that several outlets ran counts as one
source, with every outlet named.
"""

from __future__ import annotations

import logging
import re
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

from summarizer.models import UNKNOWN_OUTLET, Document

log = logging.getLogger("summarizer.ingest")

NEAR_IDENTICAL = 0.9  # share of the shorter text's shingles found in the longer one
SHINGLE = 5
_WORD = re.compile(r"\w+")
_TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|cmpid|ito|at_\w+)$")


def normal_url(url: str | None) -> str | None:
    """A URL with what does not change the article removed.

    >>> normal_url("https://www.Example.com/news/a-story/?utm_source=rss#top")
    'example.com/news/a-story'
    """
    if not url:
        return None
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    if not host:
        return None
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k)])
    return f"{host}{parts.path.rstrip('/')}" + (f"?{query}" if query else "")


def shingles(text: str) -> set[int]:
    words = _WORD.findall(text.lower())
    return {hash(tuple(words[i : i + SHINGLE])) for i in range(max(len(words) - SHINGLE + 1, 1))}


def _fuller(doc: Document) -> tuple[bool, int]:
    return (not doc.summary_only, len(doc.text))


def dedupe(documents: list[Document]) -> list[Document]:
    """The documents, each article once (its fullest copy), in their first order."""
    kept: list[Document] = []
    seen: list[tuple[str | None, set[int]]] = []
    # Shingle -> kept documents that hold it, so that a new document is compared only
    # with those it shares text with: near-linear, where comparing all pairs is quadratic.
    holders: dict[int, list[int]] = defaultdict(list)
    by_url: dict[str, int] = {}
    for doc in documents:
        url, grams = normal_url(doc.url), shingles(doc.text)
        shared = Counter(i for g in grams for i in holders.get(g, ()))
        candidates = sorted({*(i for i, n in shared.items() if n >= 3),
                             *([by_url[url]] if url in by_url else [])})
        same = next((i for i in candidates if _same(url, grams, *seen[i])), None)
        if same is None:
            kept.append(doc)
            seen.append((url, grams))
            for g in grams:
                holders[g].append(len(kept) - 1)
            if url:
                by_url.setdefault(url, len(kept) - 1)
            continue
        first = kept[same]
        keep, drop = (doc, first) if _fuller(doc) > _fuller(first) else (first, doc)
        how = "the same URL" if url and url == seen[same][0] else "near-identical text"
        log.warning("%s and %s are one article (%s); using %s once",
                    _name(drop), _name(keep), how, _name(keep))
        kept[same] = with_copy(keep, drop)
        seen[same] = (url or seen[same][0], grams if keep is doc else seen[same][1])
        for g in seen[same][1]:
            if not holders[g] or holders[g][-1] != same:
                holders[g].append(same)
        if url:
            by_url.setdefault(url, same)
    return kept


def with_copy(keep: Document, drop: Document) -> Document:
    """`keep`, noting that `drop` ran the same text: wire copy is one source, several outlets.

    A copy from the same outlet (a feed entry and its page) adds nothing.
    """
    names = [*keep.copies, *drop.copies]
    if drop.outlet != keep.outlet:
        names.append(drop.outlet if drop.outlet != UNKNOWN_OUTLET else Path(drop.path).name)
    copies = tuple(dict.fromkeys(n for n in names if n != keep.outlet))
    return keep if copies == keep.copies else keep.model_copy(update={"copies": copies})


def _same(url: str | None, grams: set[int], other_url: str | None, other: set[int]) -> bool:
    if url and url == other_url:
        return True
    small, large = (grams, other) if len(grams) <= len(other) else (other, grams)
    return len(small) >= 3 and len(small & large) >= NEAR_IDENTICAL * len(small)


def _name(doc: Document) -> str:
    return f"{doc.path} ({doc.title[:50]})" if doc.format in ("feed", "jsonl") else doc.path
