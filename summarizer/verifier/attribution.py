"""A claim that states as fact what its evidence only reports someone as saying.

"Sales will double, the chief executive said" supports "the chief executive
said sales will double", not "sales will double": a claim that drops the
speaker is unsupported, with a reason naming the speaker. What counts is where
the claim's words stand in the evidence: in the clause the speaker governs
("Y, X said"; "X said (that) Y"; "according to X, Y"; a quotation), or outside
it ("Kim visited the factory, where he said output would rise" states the
visit itself).
"""

from __future__ import annotations

import re

from summarizer.language.text import content_stems

# Not "states", "reports", "claims": as often nouns ("Arab states pledged") as verbs.
_VERBS = (r"said|says|say|told|tells|added|adds|stated|claimed|announced|"
          r"reported|wrote|writes|insisted|argued|alleged|alleges|warned|explained")
_SPEAKER = re.compile(
    rf"(?P<who>\b(?:[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){{0,4}}|he|she|they|officials|police"
    rf"|(?:state )?media|sources|witnesses|authorities|analysts|experts|prosecutors"
    rf"|[Tt]he (?:company|agency|ministry|spokesman|spokeswoman|statement|report)))"
    rf",?\s+(?:{_VERBS})\b|\b(?:{_VERBS})\s+(?P<who2>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){{0,4}})"
)
# "..., a senior official said (on Tuesday)." at the end of a sentence: whoever the noun
# phrase names, the sentence before it is what they said.
_TRAILING = re.compile(
    rf",\s+(?![a-z]+ing\b)(?P<who>[^,;\"“”]{{2,60}}?)\s+(?:{_VERBS}|announced|confirmed)"
    r"(?:\s+(?:on\s+)?(?:\w+day|today|yesterday|last \w+))?\s*[.\"”'’]*\s*$")
_HEARSAY = re.compile(r"\b(?P<word>reportedly|allegedly|purportedly|supposedly)\b",
                      re.IGNORECASE)
_ACCORDING = re.compile(r"\baccording to (?P<who>[^,.;]{2,60})", re.IGNORECASE)
_QUOTE = re.compile(r"[\"“][^\"“”]{12,}[\"”]")
# What a speaker says in quotation marks ends with them; text glued on after is not theirs.
_OPENS_QUOTE = re.compile(r"[\s:,]*[\"“‘']")
_CLOSE_QUOTE = re.compile(r"[\"”]|['’](?!\w)")
# Words by which a claim itself says that it reports what someone said.
_HEDGES = re.compile(
    rf"\b(?:{_VERBS}|according|reportedly|allegedly|quoted|quoting|cited|citing|"
    r"purportedly|claim|statement|report)\b|[\"“”]",
    re.IGNORECASE,
)


# ", which officials said would cost nothing,": a clause about one noun, whose speaker
# speaks of that clause alone.
_RELATIVE = re.compile(r",\s+(?:which|who|whom|whose|where)\b[^,;]*,")


def _main_clauses(evidence: str) -> str:
    """The evidence with its non-restrictive relative clauses blanked out (offsets kept)."""
    return _RELATIVE.sub(lambda m: " " * len(m.group()), evidence)


def report(evidence: str) -> tuple[str, tuple[int, int]] | None:
    """Who the evidence attributes its content to, and where that content stands (the
    clause the speaker governs), if it attributes it to anyone.

    >>> text = "Sales will double, the company said on Tuesday."
    >>> who, (start, end) = report(text)
    >>> who, text[start:end]
    ('the company', 'Sales will double')
    >>> text = "The company said sales would double."
    >>> who, (start, end) = report(text)
    >>> who, text[start:end]
    ('The company', ' sales would double.')
    >>> report("The plan, which officials said would cost nothing, was approved.")
    """
    evidence = _main_clauses(evidence)
    if m := _ACCORDING.search(evidence):
        if evidence[:m.start()].strip(" \"“‘'("):  # "Y, according to X": the clause before
            return m.group("who").strip(), (0, m.start())
        return m.group("who").strip(), (m.end(), len(evidence))  # "According to X, Y"
    if m := _TRAILING.search(evidence):
        return m.group("who").strip(), (0, m.start())
    if m := _HEARSAY.search(evidence):
        return f"unnamed sources ('{m.group('word').lower()}')", (0, len(evidence))
    if m := _SPEAKER.search(evidence):
        who = (m.group("who") or m.group("who2")).strip()
        after = re.sub(r"\b(?:on|last|this|late|early)\b|\w+day\b", "", evidence[m.end():])
        if not after.strip(" .,;:\"'”’"):  # "Y, X said (on Tuesday)."
            comma = evidence.rfind(",", 0, m.start())
            return who, (0, comma if comma >= 0 else m.start())
        if q := _OPENS_QUOTE.match(evidence, m.end()):  # 'X said: "Y." Z': the quotation
            close = _CLOSE_QUOTE.search(evidence, q.end())
            return who, (m.end(), close.end() if close else len(evidence))
        return who, (m.end(), len(evidence))  # "X said (that) Y"
    if q := _QUOTE.search(evidence):
        return "a quotation", q.span()
    return None


def speaker(evidence: str) -> str | None:
    """Who the evidence attributes its content to, if it attributes it to anyone."""
    found = report(evidence)
    return found[0] if found else None


UNREPORTED_SHARE = 0.8  # of the claim's words in the evidence, found outside what it reports


def unattributed(claim: str, evidence: list[str]) -> str | None:
    """The speaker, when the evidence attributes what the claim states as plain fact: the
    claim does not say who says it, and its words stand in what the evidence reports.

    >>> unattributed("Sales will double.", ["Sales will double, the company said."])
    'the company'
    >>> unattributed("The company said sales will double.", ["Sales will double, it said."])
    >>> unattributed("Kim visited the factory.",
    ...              ["Kim visited the factory, where he said output would rise."])
    """
    if _HEDGES.search(claim):
        return None
    stems = set(content_stems(claim))
    who, plain = None, []
    for text in evidence:
        found = report(text)
        if found is None:
            plain.append(text)
            continue
        who = who or found[0]
        start, end = found[1]
        plain.append(text[:start] + " " + text[end:])
    if who is None or not stems:
        return None
    # Of the claim's words that the evidence holds at all (a paraphrase holds fewer), the
    # share it holds outside what it reports.
    found = stems & set(content_stems(" ".join(evidence)))
    outside = found & set(content_stems(" ".join(plain)))
    return None if len(outside) >= UNREPORTED_SHARE * len(found) else who
