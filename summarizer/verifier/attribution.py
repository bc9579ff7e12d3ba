"""A claim that states as fact what its evidence only reports someone as saying.

"Sales will double, the chief executive said" supports "the chief executive
said sales will double", not "sales will double". The verifier flags such a
claim with a reason naming the speaker; the flag is a warning for the reader
and a feature of the combiner, not a hard error, since a brief often states a
quoted official's words with the citation showing who said them.
"""

from __future__ import annotations

import re

_VERBS = (r"said|says|say|told|tells|added|adds|stated|states|claimed|claims|announced|"
          r"reported|reports|wrote|writes|insisted|argued|alleged|alleges|warned|explained")
_SPEAKER = re.compile(
    rf"(?P<who>\b(?:[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){{0,4}}|he|she|they|officials|police"
    rf"|(?:state )?media|sources|witnesses|authorities|analysts|experts|prosecutors"
    rf"|the (?:company|agency|ministry|spokesman|spokeswoman|statement|report)))"
    rf",?\s+(?:{_VERBS})\b|\b(?:{_VERBS})\s+(?P<who2>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){{0,4}})"
)
_ACCORDING = re.compile(r"\baccording to (?P<who>[^,.;]{2,60})", re.IGNORECASE)
_QUOTE = re.compile(r"[\"“][^\"“”]{12,}[\"”]")
# Words by which a claim itself says that it reports what someone said.
_HEDGES = re.compile(
    rf"\b(?:{_VERBS}|according|reportedly|allegedly|quoted|quoting|cited|citing|"
    r"purportedly|claim|statement|report)\b|[\"“”]",
    re.IGNORECASE,
)


def speaker(evidence: str) -> str | None:
    """Who the evidence attributes its content to, if it attributes it to anyone."""
    if m := _ACCORDING.search(evidence):
        return m.group("who").strip()
    if m := _SPEAKER.search(evidence):
        return (m.group("who") or m.group("who2")).strip()
    if _QUOTE.search(evidence):
        return "a quotation"
    return None


def unattributed(claim: str, evidence: str) -> str | None:
    """The speaker, when the evidence attributes what the claim states as plain fact.

    >>> unattributed("Sales will double.", "Sales will double, the company said.")
    'the company'
    >>> unattributed("The company said sales will double.", "Sales will double, it said.")
    """
    if _HEDGES.search(claim):
        return None
    return speaker(evidence)
