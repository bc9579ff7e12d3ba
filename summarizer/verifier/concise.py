"""Shorter forms of a source sentence, made only by cuts that keep it true.

A brief item that says a fact in 40 words when 22 would do wastes the
reader's morning. Only parts that add to the main clause rather than limit
it are cut: an opening connective or phrase of time or place ("Additionally,",
"Earlier this week,"), a participle clause or a non-restrictive relative
clause set off by commas (", directing the construction of...", ", which
..."). Never a condition ("if", "unless", "when"), never a part that says
who says so, never a quotation. Each form is then verified against the
sources like a drafted sentence (`verify_drafts.best_source_item`), so a cut
that lost what the sources agree on is not used.
"""

from __future__ import annotations

import re

from summarizer.language.lemmas import getAllLemmas
from summarizer.segment import SPEECH

CONCISE_WORDS = 25  # a longer item is shortened where a cut keeps it true, if it can be

# "WASHINGTON (AP) --", "NEW DELHI, December 12 (Xinhua) --", "TAKAYAMA, Japan _": where and
# who filed it, not what happened. Not "UN: ...", where the capitals name who says it.
DATELINE = re.compile(
    r"^[A-Z][A-Z.'\- ]+(?:,\s+[A-Z][\w.]*(?:\s+[\w.]+){0,2})?\s*(?:\([\w. ]+\)\s*)?"
    r"(?:--|—|–|-|_)\s+"
)
# Typesetting left before the first word: a stray entity ("&QL;"), a dash or underscore
# standing alone (not the minus of "-40 degrees").
JUNK = re.compile(r"(?:&\w+;|[_\-–—*•]+(?=\s))\s*")  # matched where the words should begin
# An opening phrase that only dates the main clause ("On Tuesday,", "Earlier this week,",
# "In 1998,"), or a connective ("Additionally,"). Never a condition, a view or a case
# ("If...", "In the event of...", "In his view,", "In theory,"): the main clause is not
# true without it.
_TIME = (r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|"
         r"march|april|may|june|july|august|september|october|november|december|week|"
         r"month|year|morning|afternoon|evening|night|weekend|day|decade|season|\d{4})s?")
OPENING = re.compile(
    rf"^(?:(?:on|in|at|by|during|since|after|before|early|late|earlier|later|last|this|"
    rf"next|for the first time|late last|earlier this)\b[^,;:\"“”`]{{0,30}}?\b{_TIME}\b"
    r"[^,;:\"“”`]{0,12}|additionally|also|meanwhile|however|in addition|looking ahead|"
    r"separately|elsewhere),\s+(?=\S)",
    re.IGNORECASE,
)
# A clause set off by commas that adds to the main clause: a participle (", killing 12"),
# or a past participle (", expected to..."), a non-restrictive relative (", which ...",
# ", where ..."), an "including" list. Participles only in lower case: not "Beijing".
ADDED = re.compile(r",\s+(?:which|who|whose|where|(including|as well as)|([a-z]+(?:ing|ed)))\b")
# After a comma, the last items of a list ("B and C,"), not the rest of the sentence.
_LIST_TAIL = re.compile(r"\s*[A-Z][\w'’\-]*(?:\s+[\w'’\-]+){0,3}\s+(?:and|or)\s")
# A clause's end: a comma (not the thousands separator of "3,000"), or the sentence's end.
_CLAUSE_END = re.compile(r",(?!\d{3})|;|[.!?][\"”'’]*\s*$")
_QUOTES = ("\"", "“", "”", "``", "''")
_CITING = re.compile(r"\b(?:citing|cited|sourcing|per|according|based)\b", re.IGNORECASE)
# Words that limit or condition what the main clause says: a clause holding one stays.
KEEP = re.compile(
    r"\b(?:not|no|never|without|if|unless|only|pending|provided|providing|assuming|"
    r"depending|excluding|except|barring|subject to|in the event|in case|whether|until|"
    r"once|when)\b|n't\b", re.IGNORECASE)
_GOES_ON = re.compile(r"\s*(?:and|or|but|nor)\b", re.IGNORECASE)
# What may follow a cut relative clause that stood between a subject and its verb.
_VERB_NEXT = re.compile(r"\s*(?:is|was|are|were|has|have|had|will|would|can|could|may|might|"
                        r"should|must|did|does|do)\b")


def is_participle(word: str | None) -> bool:
    """True for no word (a relative pronoun) or a word that can be a verb's participle."""
    return word is None or "VERB" in getAllLemmas(word)


def safe_to_cut(part: str) -> bool:
    """A part whose loss keeps the rest true: it names no speaker, quotes no one, cites no
    source, and neither negates nor conditions anything."""
    return not (SPEECH.search(part) or _CITING.search(part) or any(q in part for q in _QUOTES)
                or KEEP.search(part))


def _cuttable(part: str, relative: bool) -> bool:
    """A part that may go. A non-restrictive relative clause (", who ...", ", where ...")
    speaks only of its own noun, so all of it may go, quotations and speakers included.
    A participle clause may say who says the main clause (", according to", ", citing",
    ", quoting") or on what condition, so it goes only if `safe_to_cut`."""
    return relative or safe_to_cut(part)


def open_quote(text: str, at: int) -> bool:
    """Whether a quotation is open at `at`."""
    before = text[:at]
    return (before.count('"') % 2 == 1 or before.count("“") > before.count("”")
            or before.count("``") > before.count("''"))


def filing_end(text: str) -> int:
    """Where the news begins after a dateline and stray typesetting, if any.

    >>> text = "NEW DELHI, December 12 (Xinhua) -- India and Bangladesh signed an accord."
    >>> text[filing_end(text):]
    'India and Bangladesh signed an accord.'
    """
    start = dateline.end() if (dateline := DATELINE.match(text)) else 0
    while junk := JUNK.match(text, start):
        start = junk.end()
    return start


def shorter_forms(text: str) -> list[str]:
    """Shorter forms of `text`, shortest first, each made only by cuts that keep it true.

    >>> shorter_forms("Kim ordered more factories for the coming year, directing the "
    ...               "construction of new sites, state media reported Friday.")
    ['Kim ordered more factories for the coming year, state media reported Friday.']
    >>> shorter_forms("Additionally, the leader supervised a test, which failed.")
    ['The leader supervised a test.', 'Additionally, the leader supervised a test.', \
'The leader supervised a test, which failed.']
    >>> shorter_forms("If the talks fail, the union will strike, officials said.")
    []
    >>> shorter_forms("Beatty hands the card to Dunaway, who looks puzzled, and reads it out.")
    []
    """
    openings = [0]
    if (opening := OPENING.match(text)) and safe_to_cut(text[: opening.end()]):
        openings.append(opening.end())
    clauses: list[tuple[int, int, str]] = [(-1, -1, "")]  # (start, end, closing mark)
    for added in ADDED.finditer(text):
        if not is_participle(added.group(2)) or open_quote(text, added.start()):
            continue
        # The clause runs to the next comma (then the sentence goes on) or to its end.
        stop = _CLAUSE_END.search(text, added.end())
        if stop is None or text[stop.start()] == ";":
            continue
        end = stop.start()
        if text[end] == "," and (_LIST_TAIL.match(text, end + 1) or added.group(1)):
            continue  # "Kim, who met A, B and C, said": the comma was the list's, not the clause's
        if text[end] == "," and _GOES_ON.match(text, end + 1):
            # "hands it to Dunaway, who looks puzzled, and reads out": what follows may be the
            # clause's own; cut, it would be said of the main clause's subject.
            continue
        relative = added.group(1) is None and added.group(2) is None
        if not _cuttable(text[added.start():end], relative):
            continue
        if text[end] == ",":
            # "The treaty, which we signed, is dead": the second comma goes too;
            # ", directing ..., state media said": it stays.
            clauses.append((added.start(), end + 1 if _VERB_NEXT.match(text, end + 1) else end,
                            ""))
        else:  # at the sentence's end its full stop stays (a clause inside a quotation is
            clauses.append((added.start(), len(text), text[end]))  # never cut)
    forms = set()
    for start in openings:
        for cut_start, cut_end, mark in clauses:
            if (start == 0 and cut_start < 0) or 0 <= cut_start < start:
                continue
            body = text[:cut_start] + mark + text[cut_end:] if cut_start >= 0 else text
            form = body[start:].strip()
            if start:
                form = form[0].upper() + form[1:]
            forms.add(form)
    return sorted(forms, key=lambda f: (len(f.split()), f))
