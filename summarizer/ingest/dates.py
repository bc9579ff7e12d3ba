"""Dates as ISO strings, parsed by python-dateutil and never read off the clock.

dateutil fills whatever a string leaves out from a default datetime, which is
today unless one is given. Here the default is fixed, and parsing twice with
two defaults of different years shows whether the string named its year: a
date without one ("December 27") takes the year of the document's other
dates, or stays unknown. Relative dates ("2 hours ago") do not parse at all,
so they stay unknown rather than being resolved against the clock.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime

from dateutil import parser as dateutil_parser

_DEFAULT_A = datetime(2000, 1, 1)
_DEFAULT_B = datetime(2001, 1, 1)  # another year: a year taken from it was not in the string


def parse_date(raw: str | None, years: Iterable[int] = ()) -> str | None:
    """ISO date of `raw`; a date without a year takes the commonest of `years`.

    >>> parse_date("Fri, 26 Dec 2025 09:15:00 +0900")
    '2025-12-26'
    >>> parse_date("December 27", years=[2025, 2025, 2024])
    '2025-12-27'
    >>> parse_date("December 27") is None
    True
    >>> parse_date("2 hours ago") is None
    True
    """
    if not raw or len(raw) > 100 or not any(ch.isdigit() for ch in raw):  # "Tuesday" is no date
        return None
    try:
        a = dateutil_parser.parse(raw, default=_DEFAULT_A)
        b = dateutil_parser.parse(raw, default=_DEFAULT_B)
    except (ValueError, OverflowError):
        return None
    if a.year == b.year:
        return a.date().isoformat()
    known = Counter(years).most_common(1)
    if not known:
        return None
    try:
        return a.replace(year=known[0][0]).date().isoformat()
    except ValueError:  # 29 February in a year that has none
        return None


def year_of(iso: str | None) -> list[int]:
    return [int(iso[:4])] if iso else []


_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_MONTH = r"(?P<month>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?)"
_DATE_PATTERNS = (
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2}),?\s+(?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<day>\d{1,2})\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b"),
)


def find_date(text: str) -> str | None:
    """The first complete calendar date in `text`, as ISO 8601.

    >>> find_date("SEOUL, Dec. 30, 2025 2:03 p.m.")
    '2025-12-30'
    >>> find_date("reported on Friday") is None
    True
    """
    found: list[tuple[int, str]] = []
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            iso = _to_iso(m.group("year"), m.group("month"), m.group("day"))
            if iso:
                found.append((m.start(), iso))
                break
    return min(found)[1] if found else None


def _to_iso(year: str, month: str, day: str) -> str | None:
    if month.isdigit():
        number = int(month)
    else:
        prefix = month.rstrip(".").lower()[:3]
        number = next((i + 1 for i, m in enumerate(_MONTHS) if m.startswith(prefix)), 0)
    try:
        return date(int(year), number, int(day)).isoformat()
    except ValueError:
        return None
