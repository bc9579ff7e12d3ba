"""Numbers written in digits or in words, so that "fifteen thousand" meets "15,000".

A claim must state the same numbers as its evidence, so each quantity is read
whole ("two thousand five hundred" is 2500, never 2 and 500 or 200500). The
evidence side also offers the count before its scale ("15 million" states 15),
which a claim may quote; the claim side is held to whole quantities only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from summarizer.language.text import numbers
from summarizer.language.wordkeys import keys, tokens, words_of

_NUMBER_WORDS: dict[str, int] = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
_NUMBER_WORDS |= {
    w: 10 * i
    for i, w in enumerate("_ _ _ thirty forty fifty sixty seventy eighty ninety".split())
    if w != "_"
}
# Scales above a hundred close a group of the number: "two thousand | five hundred".
_SCALES: dict[str, int] = {
    "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}


@dataclass
class Quantity:
    """One number read from the text, with what it also states and where its words are."""

    value: float
    parts: set[str] = field(default_factory=set)  # counts before a scale: 15 of "15 million"
    at: list[int] = field(default_factory=list)  # token indices of its number words


class _Reader:
    """Reads number words and digits left to right, one quantity at a time."""

    def __init__(self) -> None:
        self.found: list[Quantity] = []
        self._reset()

    def _reset(self) -> None:
        self.total: float | None = None  # closed groups: 2000 of "two thousand five"
        self.current: float | None = None  # the open group: 5 of "two thousand five"
        self.digits = False  # the open group was written in digits
        self.parts: set[str] = set()
        self.at: list[int] = []

    def flush(self) -> None:
        if self.total is not None or self.current is not None:
            value = (self.total or 0) + (self.current or 0)
            self.found.append(Quantity(value, self.parts, self.at))
        self._reset()

    def digit(self, word: str) -> None:
        self.flush()
        try:
            self.current, self.digits = float(word.replace(",", "")), True
        except ValueError:  # "1.2.3": keep whatever numbers it holds
            self.found.extend(Quantity(float(n)) for n in numbers(word))

    def number_word(self, i: int, value: int) -> None:
        # A word that cannot continue the open group starts a new number: "five, three"
        # (commas are not tokens), where "twenty five" and "hundred twenty" continue.
        step = 100 if value >= 10 else 10
        if self.digits or (self.current is not None and self.current % step):
            self.flush()
        self.current = (self.current or 0) + value
        self.at.append(i)

    def dozen(self, i: int) -> None:
        # "three dozen" is 36 and "a dozen" 12: a dozen multiplies, it does not add.
        if self.digits:
            self.flush()
        self.current = (self.current or 1) * 12
        self.at.append(i)

    def scale(self, i: int, factor: int) -> None:
        assert self.current is not None
        self.parts.add(canon(self.current))  # "15 million" also states 15
        if factor == 100:
            self.current *= factor
        else:
            self.total = (self.total or 0) + self.current * factor
            self.current = None
        self.digits = False
        self.at.append(i)


@lru_cache(maxsize=65536)
def read_quantities(text: str) -> tuple[Quantity, ...]:
    """Every quantity of `text`, in order.

    >>> found = read_quantities("two thousand five hundred troops and three dozen shells")
    >>> [canon(q.value) for q in found]
    ['2500', '36']
    """
    toks = [*words_of(text), ""]
    reader = _Reader()
    for i, w in enumerate(toks[:-1]):
        scale = 100 if w == "hundred" else _SCALES.get(w)
        if w[:1].isdigit():
            reader.digit(w)
        elif w == "one" and reader.current is None and toks[i + 1] not in ("hundred", *_SCALES):
            reader.flush()  # "one of the", "no one": rarely a count, unless "one million"
        elif w in _NUMBER_WORDS:
            reader.number_word(i, _NUMBER_WORDS[w])
        elif w == "dozen":
            reader.dozen(i)
        elif scale is not None and reader.current is not None:
            reader.scale(i, scale)
        else:
            reader.flush()
    reader.flush()
    return tuple(reader.found)


def quantities(text: str) -> set[str]:
    """Numbers in digits or words, as canonical strings, with the counts before a scale.

    >>> sorted(quantities("fifteen thousand troops, 15,000 in all, a ten-year plan, 1.5 million"))
    ['1.5', '10', '15', '15000', '1500000']
    """
    out: set[str] = set()
    for q in read_quantities(text):
        out.add(canon(q.value))
        out |= q.parts
    return out


def stated_numbers(text: str) -> set[str]:
    """Whole quantities only: what a claim commits to ("fifteen thousand" is 15000, not 15)."""
    return {canon(q.value) for q in read_quantities(text)}


def number_word_positions(text: str) -> frozenset[int]:
    """Token indices of words that are part of a quantity ("fifteen", "thousand")."""
    return frozenset(i for q in read_quantities(text) for i in q.at)


def canon(value: float) -> str:
    """A number as one string whatever its spelling: 15000.0 -> "15000", 1.50 -> "1.5"."""
    return str(int(value)) if value == int(value) else f"{value:.15g}"


def missing_numbers(claim: str, evidence: str) -> list[str]:
    """Claim numbers absent from the evidence; '2025' is not matched by '25'."""
    have = quantities(evidence)
    return sorted(n for n in stated_numbers(claim) if n not in have)


@lru_cache(maxsize=65536)
def evidence_keys(text: str) -> frozenset[str]:
    """Every key of every word of `text`, with the raw words and its quantities."""
    out: set[str] = set()
    for word, _ in tokens(text):
        out |= keys(word)
        out.add(word)
    out |= quantities(text)
    return frozenset(out)
