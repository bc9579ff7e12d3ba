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

from lemminflect import getAllLemmas

from summarizer.segment import SPEECH

CONCISE_WORDS = 25  # a longer item is shortened where a cut keeps it true, if it can be

# "WASHINGTON (AP) --", "NEW DELHI, December 12 (Xinhua) --", "TAKAYAMA, Japan _": where and
# who filed it, not what happened.
DATELINE = re.compile(
    r"^[A-Z][A-Z.'\- ]+(?:,\s+[A-Z][\w.]*(?:\s+[\w.]+){0,2})?\s*(?:\([\w. ]+\)\s*)?"
    r"(?:--|—|–|-|_|:)\s+"
)
# Typesetting left before the first word: a stray entity ("&QL;"), a dash or underscore.
JUNK = re.compile(r"(?:&\w+;|[_\-–—*•]+)\s*")  # matched where the words should begin
# An opening phrase of time or place, or a connective, before the main clause ("On
# Tuesday, ...", "Additionally, ..."). Conditions ("If", "Unless", "When") are never cut:
# the main clause is not true without them.
OPENING = re.compile(
    r"^(?:(?:in|on|at|after|before|during|since|despite|amid|following|with|earlier|later|"
    r"last|late|early|this|for the first time|additionally|also|meanwhile|however|"
    r"in addition|looking ahead|separately|elsewhere)\b[^,;:\"“”`]{0,80}),\s+(?=\S)",
    re.IGNORECASE,
)
# A clause set off by commas that adds to the main clause: a participle (", killing 12"),
# or a past participle (", expected to..."), a non-restrictive relative (", which ...",
# ", where ..."), an "including" list.
ADDED = re.compile(r",\s+(?:which|who|whose|where|(including|as well as)|([a-z]+(?:ing|ed)))\b")
# After a comma, the last items of a list ("B and C,"), not the rest of the sentence.
_LIST_TAIL = re.compile(r"\s*[\w'’\-]+(?:\s+[\w'’\-]+){0,3}\s+(?:and|or)\s")
_QUOTES = ("\"", "“", "”", "``", "''")
_CITING = re.compile(r"\b(?:citing|cited|sourcing|per)\b", re.IGNORECASE)
_KEEP = re.compile(r"\b(?:not|no|never|without|if|unless|only)\b|n't\b", re.IGNORECASE)


def _is_participle(word: str | None) -> bool:
    return word is None or "VERB" in getAllLemmas(word)


def _cuttable(part: str, relative: bool) -> bool:
    """A part that may go. A non-restrictive relative clause (", who ...", ", where ...")
    speaks only of its own noun, so all of it may go, quotations and speakers included.
    A participle clause may say who says the main clause (", according to", ", citing",
    ", quoting"), so it goes only if it names no speaker, quotes no one, negates nothing."""
    if relative:
        return True
    return not (SPEECH.search(part) or _CITING.search(part) or any(q in part for q in _QUOTES)
                or _KEEP.search(part))


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
    """
    openings = [0]
    if (opening := OPENING.match(text)) and _cuttable(text[: opening.end()], relative=False):
        openings.append(opening.end())
    clauses: list[tuple[int, int, str]] = [(-1, -1, "")]  # (start, end, closing mark)
    for added in ADDED.finditer(text):
        if not _is_participle(added.group(2)):
            continue
        # The clause runs to the next comma (then the sentence goes on) or to its end.
        rest = text[added.end():]
        stop = re.search(r"[,;]|[.!?][\"”']?\s*$", rest)
        if stop is None:
            continue
        # ", directing ..., state media said": the second comma stays.
        end = added.end() + stop.start()
        if text[end] == ";":
            continue
        if text[end] == "," and (_LIST_TAIL.match(text, end + 1) or added.group(1)):
            continue  # "Kim, who met A, B and C, said": the comma was the list's, not the clause's
        relative = added.group(1) is None and added.group(2) is None
        if _cuttable(text[added.start():end], relative):
            # At the sentence's end, its closing mark stays and a closing quotation mark
            # of the clause goes with the clause.
            clauses.append((added.start(), end, "") if text[end] == "," else
                           (added.start(), len(text), text[end]))
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
