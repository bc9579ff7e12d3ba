"""Who published a document: the registrable domain of its URL, else a name.

The domain comes first because it is the one name a saved page, a feed entry
and an API export of the same outlet share ("bbc.co.uk"), while site and feed
titles vary ("BBC News", "BBC News - World"). tldextract reads the Public
Suffix List snapshot bundled in its wheel and never fetches a newer one.
"""

from __future__ import annotations

from functools import cache
from urllib.parse import urlsplit

import tldextract

from summarizer.models import UNKNOWN_OUTLET


@cache
def _extractor() -> tldextract.TLDExtract:
    # No suffix-list URLs and no cache directory: offline, and nothing written to disk.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def registrable_domain(url: str | None) -> str | None:
    """The domain a registrant owns, lower case; None for no URL or a bare host.

    >>> registrable_domain("https://www.bbc.co.uk/news/world-123?x=1")
    'bbc.co.uk'
    >>> registrable_domain("http://localhost/page") is None
    True
    """
    if not url or "://" not in url:
        return None
    host = urlsplit(url.strip()).hostname or ""
    parts = _extractor()(host)
    if not parts.domain or not parts.suffix:
        return None
    return f"{parts.domain}.{parts.suffix}".lower()


def choose_outlet(url: str | None, *names: str | None) -> str:
    """The URL's domain, else the first non-empty name, else 'unknown'."""
    domain = registrable_domain(url)
    if domain:
        return domain
    for name in names:
        if name and name.strip():
            return " ".join(name.split())[:100]
    return UNKNOWN_OUTLET
