"""Names and who did what: a name the evidence lacks, or two names that swap roles.

Capitalisation stands in for named-entity recognition, which keeps the
verifier offline and fast; the rules below say which capitals count.
"""

from __future__ import annotations

import re
from functools import lru_cache

from summarizer.language import lexicon
from summarizer.language.acronyms import acronym_runs, bare_acronym
from summarizer.language.lemmas import getAllLemmas
from summarizer.language.quantities import evidence_keys
from summarizer.language.text import STOPWORDS, stem
from summarizer.language.wordkeys import key_union, keys, normalise, tokens, words_of

_NAME = re.compile(r"(?<![\w'’])([A-Z][a-zA-Z'’\-]*)")
# A pronoun in the evidence may stand for the one person the claim names.
_PRONOUNS = frozenset("he she him his her hers".split())
_SENTENCE_START = (".", ":", '"', "-", "!", "?", "(", "'")


@lru_cache(maxsize=65536)
def names(text: str) -> frozenset[str]:
    """Capitalised words: a cheap NER.

    Words in capitals count ("US"); a sentence's first word counts only when
    it is no dictionary word ("Tokyo", not "The").

    >>> sorted(names("Tokyo said the US and Kim visited Pyongyang."))
    ['kim', 'pyongyang', 'tokyo', 'us']
    """
    text = text.replace("’", "'")
    if sum(c.isupper() for c in text) > 0.6 * sum(c.isalpha() for c in text):
        return frozenset()  # a headline in capitals
    out = set()
    for m in _NAME.finditer(text):
        raw = m.group(1).removesuffix("'s").strip("'-")
        for part in raw.split("-"):
            if not part or not part[0].isupper():
                continue
            word = part.lower()
            caps = len(part) > 1 and part.removesuffix("s").isupper()
            first = m.start() == 0 or text[: m.start()].rstrip().endswith(_SENTENCE_START)
            if caps:
                out.add(word)
            elif word in STOPWORDS or len(word) < 2:
                continue
            elif not first or not getAllLemmas(word):
                out.add(word)
    return frozenset(out)


def _name_found(name: str, have: frozenset[str], evidence_words: list[str]) -> bool:
    if keys(name) & have or name in have:
        return True
    prefix = name[: max(4, len(name) - 1)]  # Korea/Korean, Russia/Russian
    if len(name) >= 4 and any(w.startswith(prefix) for w in evidence_words):
        return True
    return len(name) <= 5 and bool(acronym_runs(bare_acronym(name), evidence_words))


def missing_names(claim: str, evidence: str) -> list[str]:
    """Names in the claim that no evidence word matches.

    A missing name is forgiven when the evidence refers to someone by a
    pronoun and names nobody the claim does not: "he toured" supports "Kim toured".
    """
    claim_names = names(normalise(claim))
    if not claim_names:
        return []
    have = evidence_keys(evidence)
    evidence_words = words_of(evidence)
    missing = sorted(n for n in claim_names if not _name_found(n, have, evidence_words))
    if missing and _PRONOUNS & set(evidence_words) and _one_person(claim, missing):
        claim_have = evidence_keys(claim)
        claim_words = words_of(claim)
        others = [n for n in names(normalise(evidence))
                  if not _name_found(n, claim_have, claim_words)]
        if not others:
            return []
    return missing


def _one_person(claim: str, missing: list[str]) -> bool:
    """The missing names are one run of words in the claim ("Kim Jong Un"), and no place."""
    if any(place(n) for n in missing):
        return False
    at = [i for i, (w, _) in enumerate(tokens(claim)) if w in missing]
    return bool(at) and at[-1] - at[0] < len(missing) + 1 and len(missing) <= 3


# ---------------------------------------------------------------- roles


ROLE_SPAN = 20  # words at most between the two names, in claim and evidence alike
# Roles are read within one sentence: evidence may be several sentences joined (the
# greedy union in `summarizer/verifier/decide.py`), and the order of two names in
# different sentences says nothing about who did what to whom.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are)\s+\w+(?:ed|en)\s+by\b", re.IGNORECASE)


def role_swaps(claim: str, evidence: str) -> list[tuple[str, str]]:
    """Name pairs that swap sides of the same word: "X accused Y" against "Y accused X".

    Only active-voice sentences are compared, since a passive reverses the
    order of the same roles.

    >>> role_swaps("Russia supplied Pyongyang with shells", "Pyongyang supplied Russia")
    [('russia', 'pyongyang')]
    """
    swaps: list[tuple[str, str]] = []
    kept: set[tuple[str, str]] = set()
    for claim_part in _SENTENCE_BREAK.split(claim):
        for evidence_part in _SENTENCE_BREAK.split(evidence):
            found, same = _sentence_roles(claim_part, evidence_part)
            swaps += [s for s in found if s not in swaps]
            kept |= same
    # A sentence of the evidence that keeps the claim's order outweighs one that reverses it.
    return [s for s in swaps if s not in kept]


def _sentence_roles(
    claim: str, evidence: str
) -> tuple[list[tuple[str, str]], set[tuple[str, str]]]:
    """Name pairs of the claim that this evidence sentence reverses, and those it keeps."""
    if _PASSIVE.search(claim) or _PASSIVE.search(evidence):
        return [], set()
    claim_words, evidence_words = words_of(claim), words_of(evidence)
    claim_names, evidence_names = names(normalise(claim)), names(normalise(evidence))
    # A country the evidence names another way ("Pyongyang" for "North Korea") is read as
    # the evidence's word; a name the evidence has as written stays itself.
    evidence_place = {p: e for e in sorted(evidence_names) if (p := place(e))}
    as_evidence = {w: evidence_place.get(place(w) or w, w) for w in claim_names
                   if w not in evidence_names}
    claim_words = [as_evidence.get(w, w) for w in claim_words]
    claim_names = frozenset(as_evidence.get(w, w) for w in claim_names)
    claim_at = _first_positions(claim_words, claim_names)
    evidence_at = _first_positions(evidence_words, evidence_names)
    shown = {v: k for k, v in as_evidence.items()}
    swaps, kept = [], set()
    for a, b in ((a, b) for a in claim_at for b in claim_at if claim_at[a] < claim_at[b]):
        if claim_at[b] - claim_at[a] > ROLE_SPAN:
            continue
        if a not in evidence_at or b not in evidence_at:
            continue
        if 0 < evidence_at[b] - evidence_at[a] <= ROLE_SPAN:
            kept.add((a, b))
        elif 0 < evidence_at[a] - evidence_at[b] <= ROLE_SPAN:
            # What links the two must be a shared word that is no name: in "Ferguson
            # and Alan Shearer ... Gullit" the names between say nothing of roles.
            between_claim = key_union(
                [w for w in claim_words[claim_at[a] + 1 : claim_at[b]] if w not in claim_names])
            between_evidence = key_union(
                [w for w in evidence_words[evidence_at[b] + 1 : evidence_at[a]]
                 if w not in evidence_names])
            if between_claim & between_evidence:
                swaps.append((a, b))
    named = [(shown.get(a, a), shown.get(b, b)) for a, b in swaps]
    return named, {(shown.get(a, a), shown.get(b, b)) for a, b in kept}


def _first_positions(words: list[str], found: frozenset[str]) -> dict[str, int]:
    """First position of each name; days, months and other closed-class words move freely."""
    at: dict[str, int] = {}
    for i, w in enumerate(words):
        if w in found and stem(w) not in lexicon.CLASS_OF:
            at.setdefault(w, i)
    return at


def place(word: str) -> str | None:
    """The country a word stands for ("Pyongyang" and "North Korea" are one), or None."""
    return min((k for k in keys(word) if k.startswith("@")), default=None)
