"""How much of a claim's content the evidence states: the verifier's base score.

A claim word is covered when its keys (`wordkeys.keys`) meet the evidence's;
acronyms meet their expansions both ways. Number words are left to the
numbers signal (`quantities.py`), which compares them as values.
"""

from __future__ import annotations

from functools import lru_cache

from summarizer.language.acronyms import acronym_runs, bare_acronym
from summarizer.language.quantities import evidence_keys, number_word_positions
from summarizer.language.text import stem
from summarizer.language.wordkeys import is_content, keys, tokens


@lru_cache(maxsize=65536)
def _content_units(text: str) -> tuple[str, ...]:
    numeric = number_word_positions(text)
    seen, out = set(), []
    for i, token in enumerate(tokens(text)):
        if i not in numeric and is_content(token) and (s := stem(token[0])) not in seen:
            seen.add(s)
            out.append(token[0])
    return tuple(out)


def content_units(text: str) -> list[str]:
    """The claim's content words, first occurrence of each stem, in order.

    Words of a quantity ("fifteen thousand") are not among them: the numbers
    signal compares those as values, against digits too.
    """
    return list(_content_units(text))


def coverage(claim: str, evidence: str) -> tuple[float, list[str]]:
    """Share of the claim's content words that the evidence matches, and the ones missing.

    A word matches when its keys meet the evidence's keys; an acronym also
    matches the words it abbreviates, and the words of an expansion match
    the evidence's acronym.

    >>> coverage("Kim ordered new factories", "Kim orders the building of new plants")
    (1.0, [])
    """
    units = _content_units(claim)
    if not units:
        return 0.0, []
    have = evidence_keys(evidence)
    missing = [w for w in units if not (keys(w) & have)]
    if missing:
        missing = _acronym_matches(claim, evidence, missing)
    return 1 - len(missing) / len(units), missing


def _acronym_matches(claim: str, evidence: str, missing: list[str]) -> list[str]:
    """`missing` less the words that an acronym on either side accounts for."""
    claim_toks, evidence_toks = tokens(claim), tokens(evidence)
    evidence_words = [w for w, _ in evidence_toks]
    covered = set()
    for word, caps in claim_toks:
        if caps and word in missing and acronym_runs(bare_acronym(word), evidence_words):
            covered.add(word)
    claim_words = [w for w, _ in claim_toks]
    for word, caps in evidence_toks:
        if caps:
            for a, b in acronym_runs(bare_acronym(word), claim_words):
                covered.update(claim_words[a:b])
    return [w for w in missing if w not in covered]


def unsupported_phrase(claim: str, evidence: str, run: int = 3) -> list[str]:
    """A run of `run` or more consecutive claim content words that the evidence lacks.

    Such a run is usually added information ("where most of them serve as drone
    operators"), not a rewording, which changes single words.
    """
    missing = set(coverage(claim, evidence)[1])
    best: list[str] = []
    current: list[str] = []
    for token in tokens(claim):
        if not is_content(token):
            continue
        if token[0] in missing:
            current.append(token[0])
            if len(current) > len(best):
                best = list(current)
        else:
            current = []
    return best if len(best) >= run else []
