"""A claim that says the opposite of its evidence, or swaps a word of a closed class.

Negation ("did not"), antonyms ("rose" for "fell", "a cut" for "an expansion")
and substitutions within a closed class ("Tuesday" for "Monday") leave most
words in place, so coverage alone cannot see them; each is a hard error.
"""

from __future__ import annotations

import re
from functools import lru_cache

from summarizer.language import lexicon
from summarizer.language.quantities import evidence_keys
from summarizer.language.text import NEGATIONS, stem
from summarizer.language.wordkeys import Token, is_content, keys, lemma_stems, stem_set, tokens
from summarizer.verifier.coverage import content_units

# Pure negators; "denied"/"refused" are words with an opposite, handled as antonyms.
_NEGATORS = frozenset(
    "not no never none nobody nothing neither nor cannot without n't".split()
) | (NEGATIONS - {"denied", "denies", "deny", "refused"})


# ---------------------------------------------------------------- negation


def _negators(toks: tuple[Token, ...]) -> list[int]:
    return [i for i, (w, _) in enumerate(toks) if w in _NEGATORS or w.endswith("n't")]


def polarity_flip(claim: str, evidence: str) -> bool:
    """True when one side negates what the other states.

    The claim negates and the evidence has no negator at all; or the evidence
    negates a word the claim shares (the first word after the negator, past any
    adverbs, in the same clause) while the claim has no negator.
    """
    clauses = [tokens(part) for part in _CLAUSE_END.split(evidence)]
    if _negators(tokens(claim)):
        return not any(_negators(toks) for toks in clauses)
    claim_keys = evidence_keys(claim)
    return any(
        keys(w) & claim_keys
        for toks in clauses
        for i in _negators(toks)
        for w in _negated(toks[i + 1 : i + 4])
    )


# A negator's scope ends with its clause ("you shouldn't say no.' The favourite is...").
_CLAUSE_END = re.compile(r"[.!?;:]['’\"”)]*\s+")


# Words between a negator and what it negates: "not sharply increased", "no longer backs".
_DEGREE = frozenset("longer yet even ever always just still only also again".split())


def _negated(after: tuple[Token, ...]) -> list[str]:
    """The words a negator applies to: adverbs up to and including the first other word.

    Not the words after it: in "hasn't disciplined Sterling (pictured)" only
    "disciplined" is negated, and a claim that Sterling was pictured agrees.
    """
    out = []
    for word, caps in after:
        if not is_content((word, caps)):
            continue
        out.append(word)
        if not (word.endswith("ly") or word in _DEGREE):
            break
    return out


# ---------------------------------------------------------------- antonyms


@lru_cache(maxsize=65536)
def antonym_bases(word: str) -> tuple[str, ...]:
    """The stems under which a word's opposites are listed, its own stem first.

    Lemmas reach irregular forms ("rose" -> rise) and `lexicon.DERIVED` the verb
    of a noun ("expansion" -> expand).

    >>> antonym_bases("rose"), antonym_bases("expansion")
    (('rose', 'rise'), ('expans', 'expand'))
    """
    first = stem(word)
    rest = sorted(lemma_stems(word) - {first})
    out = [first, *rest]
    out += [d for b in out if (d := lexicon.DERIVED.get(b)) is not None and d not in out]
    return tuple(out)


@lru_cache(maxsize=65536)
def _all_bases(text: str) -> frozenset[str]:
    return frozenset(b for w, _ in tokens(text) for b in antonym_bases(w))


def _claim_words(claim: str) -> list[str]:
    """Content words, plus function words that have an opposite ("more", "after", "up")."""
    out = content_units(claim)
    for word, _ in tokens(claim):
        if word not in out and any(b in lexicon.ANTONYMS for b in antonym_bases(word)):
            out.append(word)
    return out


def antonym_swaps(claim: str, evidence: str) -> list[tuple[str, str]]:
    """(claim word, evidence word) pairs where the claim says the opposite word.

    Also catches a negating prefix: "unnecessary" against "necessary".
    """
    have = evidence_keys(evidence)
    claim_have = evidence_keys(claim) | _all_bases(claim)
    evidence_bases = _all_bases(evidence)
    evidence_stems = stem_set(evidence)
    swaps = set()
    for word in _claim_words(claim):
        if keys(word) & have:
            continue
        s = stem(word)
        # The first base with an opposite in the evidence names the pair ("rose" -> rise).
        for base in antonym_bases(word):
            found = {(base, e) for e in lexicon.ANTONYMS.get(base, ())
                     if e in evidence_bases and e not in claim_have}
            if found:
                swaps |= found
                break
        for prefix in lexicon.NEGATING_PREFIXES:
            rest = s.removeprefix(prefix)
            if rest != s and len(rest) >= 5 and rest in evidence_stems:
                swaps.add((s, rest))
        for e in evidence_stems:
            rest = e.removeprefix("un")
            if rest == s and len(s) >= 5 and e not in claim_have:
                swaps.add((s, e))
    return sorted(swaps)


# ---------------------------------------------------------------- closed classes


def class_swaps(claim: str, evidence: str) -> list[tuple[str, str]]:
    """(claim word, evidence word) of one closed class where the claim's word is missing.

    "third quarter" against "fourth quarter", "Tuesday" against "Monday",
    "last month" against "this week", "women" against "men".
    """
    have = evidence_keys(evidence)
    claim_stems = stem_set(claim)
    evidence_classes: dict[int, set[str]] = {}
    for s in stem_set(evidence) - claim_stems:
        if (c := lexicon.CLASS_OF.get(s)) is not None:
            evidence_classes.setdefault(c, set()).add(s)
    if not evidence_classes:
        return []
    swaps = []
    for word, _ in tokens(claim):
        s = stem(word)
        c = lexicon.CLASS_OF.get(s)
        if c is not None and c in evidence_classes and s not in have and not keys(word) & have:
            swaps.extend((s, e) for e in sorted(evidence_classes[c]))
    return sorted(set(swaps))
