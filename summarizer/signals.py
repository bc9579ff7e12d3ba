"""Independent checks of one claim against one evidence text.

Each function looks at one kind of error and returns what it found, so that
each can be tested, weighed and reported on its own; `check.py` combines them.

Words are compared by *keys*: the Snowball stem of the word and of each of its
dictionary lemmas (lemminflect, so "told" meets "tell" and "drawn" meets
"draw"), plus the ids of the synonym groups in `lexicon.py`. Two words match
when their keys meet.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lemminflect import getAllLemmas

from . import lexicon
from .text import NEGATIONS, STOPWORDS, numbers, stem

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’\-]*|\d[\d,.]*\d|\d")
_NUMBER_WORDS = {
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
_NUMBER_WORDS["dozen"] = 12
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "trillion": 1_000_000_000_000}
_PHRASES = [
    (re.compile(r"\b" + re.escape(k) + r"\b", re.IGNORECASE), v)
    for k, v in lexicon.PHRASES.items()
]
_PHRASES += [
    (re.compile(r"\bnorth[ -]korea(?:n|ns|'s|’s)?\b", re.IGNORECASE), "Pyongyang"),
    (re.compile(r"\bsouth[ -]korea(?:n|ns|'s|’s)?\b", re.IGNORECASE), "Seoul"),
]
# Pure negators; "denied"/"refused" are words with an opposite, handled as antonyms.
_NEGATORS = frozenset(
    "not no never none nobody nothing neither nor cannot without n't".split()
) | (NEGATIONS - {"denied", "denies", "deny", "refused"})
_PRONOUNS = frozenset("he she him his her hers".split())
_ACRONYM_GLUE = frozenset("of and the for & de".split())


# ---------------------------------------------------------------- tokens and keys


@lru_cache(maxsize=65536)
def keys(word: str) -> frozenset[str]:
    """Stem of the word and of its lemmas, plus its synonym groups.

    >>> {"tell", "told"} <= keys("told") and keys("told") & keys("said") != frozenset()
    True
    """
    word = word.lower().removesuffix("'s")
    base = {stem(word)}
    for lemmas in getAllLemmas(word).values():
        base.update(stem(lemma.lower()) for lemma in lemmas)
    out = set(base)
    for b in base:
        out |= lexicon.SYNONYM_KEYS.get(b, frozenset())
    return frozenset(out)


def normalise(text: str) -> str:
    """Curly quotes straightened, multi-word phrases replaced by their one-word stand-ins."""
    text = text.replace("’", "'")
    for pattern, replacement in _PHRASES:
        text = pattern.sub(replacement, text)
    return text


@lru_cache(maxsize=65536)
def tokens(text: str) -> tuple[tuple[str, bool], ...]:
    """(lower-cased token, written in capitals) for each word of the normalised text.

    Hyphenated words are split ("nuclear-powered" -> "nuclear", "powered").
    """
    out = []
    for raw in _TOKEN.findall(normalise(text)):
        raw = raw.strip("'-")
        if not raw:
            continue
        parts = [raw] if raw[0].isdigit() else [p for p in raw.split("-") if p]
        for part in parts:
            caps = len(part) > 1 and part.removesuffix("s").isupper()
            out.append((part.lower().removesuffix("'s"), caps))
    return tuple(out)


def _content(token: tuple[str, bool]) -> bool:
    word, caps = token
    return not word[0].isdigit() and (caps or word not in STOPWORDS) and len(word) > 1


@lru_cache(maxsize=65536)
def evidence_keys(text: str) -> frozenset[str]:
    """Every key of every word of `text`, with the raw words and its quantities."""
    toks = tokens(text)
    out: set[str] = set()
    for word, _ in toks:
        out |= keys(word)
        out.add(word)
    out |= quantities(text)
    return frozenset(out)


def content_units(text: str) -> list[str]:
    """The claim's content words, first occurrence of each stem, in order."""
    seen, out = set(), []
    for token in tokens(text):
        if _content(token) and (s := stem(token[0])) not in seen:
            seen.add(s)
            out.append(token[0])
    return out


def stem_set(text: str) -> frozenset[str]:
    return frozenset(stem(w) for w, _ in tokens(text)) | frozenset(numbers(text))


# ---------------------------------------------------------------- acronyms


def _spells(acronym: str, words: list[str], i: int, first: bool = True) -> int:
    """End index of a run of `words` from `i` whose initials spell `acronym`, or -1."""
    if not acronym:
        return i
    if i >= len(words):
        return -1
    word = words[i]
    if not first and word in _ACRONYM_GLUE and (end := _spells(acronym, words, i + 1, False)) > 0:
        return end
    if word[0] != acronym[0]:
        return -1
    if (end := _spells(acronym[1:], words, i + 1, False)) > 0:
        return end
    if len(acronym) > 1 and acronym[1] in word[1:]:
        return _spells(acronym[2:], words, i + 1, False)
    return -1


def acronym_runs(acronym: str, words: list[str]) -> list[tuple[int, int]]:
    """[start, end) runs of two or more words that `acronym` abbreviates.

    >>> acronym_runs("icbm", "the intercontinental ballistic missiles".split())
    [(1, 4)]
    """
    runs = []
    for i in range(len(words)):
        if words[i][0] == acronym[0] and (end := _spells(acronym, words, i)) - i >= 2:
            runs.append((i, end))
    return runs


def _acronym(word: str) -> str:
    return word.removesuffix("s") if len(word) > 2 else word


# ---------------------------------------------------------------- coverage


def coverage(claim: str, evidence: str) -> tuple[float, list[str]]:
    """Share of the claim's content words that the evidence matches, and the ones missing.

    A word matches when its keys meet the evidence's keys; an acronym also
    matches the words it abbreviates, and the words of an expansion match
    the evidence's acronym.

    >>> coverage("Kim ordered new factories", "Kim orders the building of new plants")
    (1.0, [])
    """
    units = content_units(claim)
    if not units:
        return 0.0, []
    have = evidence_keys(evidence)
    missing = [w for w in units if not (keys(w) & have)]
    if missing:
        missing = _acronym_matches(claim, evidence, missing)
    return 1 - len(missing) / len(units), missing


def _acronym_matches(claim: str, evidence: str, missing: list[str]) -> list[str]:
    claim_toks, evidence_toks = tokens(claim), tokens(evidence)
    evidence_words = [w for w, _ in evidence_toks]
    covered = set()
    for word, caps in claim_toks:
        if caps and word in missing and acronym_runs(_acronym(word), evidence_words):
            covered.add(word)
    claim_words = [w for w, _ in claim_toks]
    for word, caps in evidence_toks:
        if caps:
            for a, b in acronym_runs(_acronym(word), claim_words):
                covered.update(claim_words[a:b])
    return [w for w in missing if w not in covered]


# ---------------------------------------------------------------- numbers


def quantities(text: str) -> set[str]:
    """Numbers in digits or words, as canonical strings.

    >>> sorted(quantities("fifteen thousand troops, 15,000 in all, a ten-year plan, 1.5 million"))
    ['1.5', '10', '15', '15000', '1500000']
    """
    found = set()
    toks = [w for w, _ in tokens(text)]
    value: float | None = None
    toks.append("")
    for i, w in enumerate(toks):
        digit = w[:1].isdigit()
        if digit:
            if value is not None:
                found.add(_canon(value))
            try:
                value = float(w.replace(",", ""))
            except ValueError:
                value = None
                found.update(numbers(w))
        elif w == "one" and value is None and toks[i + 1] not in _SCALES:
            continue  # "one of the", "no one": rarely a count, unless "one million"
        elif w in _NUMBER_WORDS:
            value = (value or 0) + _NUMBER_WORDS[w]
        elif w in _SCALES and value is not None:
            value *= _SCALES[w]
            found.add(_canon(value / _SCALES[w]))  # "15 million" also states 15
        elif value is not None:
            found.add(_canon(value))
            value = None
    return found


def _canon(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def missing_numbers(claim: str, evidence: str) -> list[str]:
    """Claim numbers absent from the evidence; '2025' is not matched by '25'."""
    have = quantities(evidence)
    return sorted(n for n in quantities(claim) if n not in have)


# ---------------------------------------------------------------- names


_NAME = re.compile(r"(?<![\w'’])([A-Z][a-zA-Z'’\-]*)")


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
            first = m.start() == 0 or text[: m.start()].rstrip().endswith(
                (".", ":", '"', "-", "!", "?", "(", "'")
            )
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
    return len(name) <= 5 and bool(acronym_runs(_acronym(name), evidence_words))


def missing_names(claim: str, evidence: str) -> list[str]:
    """Names in the claim that no evidence word matches.

    A missing name is forgiven when the evidence refers to someone by a
    pronoun and names nobody the claim does not: "he toured" supports "Kim toured".
    """
    claim_names = names(normalise(claim))
    if not claim_names:
        return []
    have = evidence_keys(evidence)
    evidence_words = [w for w, _ in tokens(evidence)]
    missing = sorted(n for n in claim_names if not _name_found(n, have, evidence_words))
    if missing and _PRONOUNS & set(evidence_words) and _one_person(claim, missing):
        claim_have = evidence_keys(claim)
        claim_words = [w for w, _ in tokens(claim)]
        others = [n for n in names(normalise(evidence))
                  if not _name_found(n, claim_have, claim_words)]
        if not others:
            return []
    return missing


def _one_person(claim: str, missing: list[str]) -> bool:
    """The missing names are one run of words in the claim ("Kim Jong Un"), and no place."""
    if any(k.startswith("@") for n in missing for k in keys(n)) or any(
        n in lexicon.CAPITALS for n in missing
    ):
        return False
    at = [i for i, (w, _) in enumerate(tokens(claim)) if w in missing]
    return bool(at) and at[-1] - at[0] < len(missing) + 1 and len(missing) <= 3


# ---------------------------------------------------------------- negation


def _negators(toks: tuple[tuple[str, bool], ...]) -> list[int]:
    return [i for i, (w, _) in enumerate(toks) if w in _NEGATORS or w.endswith("n't")]


def polarity_flip(claim: str, evidence: str) -> bool:
    """True when one side negates what the other states.

    The claim negates and the evidence has no negator at all; or the evidence
    negates a word the claim shares (within three words after the negator)
    while the claim has no negator.
    """
    claim_toks, evidence_toks = tokens(claim), tokens(evidence)
    claim_neg, evidence_neg = _negators(claim_toks), _negators(evidence_toks)
    if claim_neg:
        return not evidence_neg
    if not evidence_neg:
        return False
    claim_keys = evidence_keys(claim)
    for i in evidence_neg:
        scope = [w for w, c in evidence_toks[i + 1 : i + 4] if _content((w, c))]
        if any(keys(w) & claim_keys for w in scope):
            return True
    return False


# ---------------------------------------------------------------- opposites


def antonym_swaps(claim: str, evidence: str) -> list[tuple[str, str]]:
    """(claim word, evidence word) pairs where the claim says the opposite word.

    Also catches a negating prefix: "unnecessary" against "necessary".
    """
    have = evidence_keys(evidence)
    claim_have = evidence_keys(claim)
    evidence_stems = stem_set(evidence)
    swaps = set()
    for word in content_units(claim):
        if keys(word) & have:
            continue
        s = stem(word)
        swaps.update((s, e) for e in lexicon.ANTONYMS.get(s, ()) if e in evidence_stems
                     and e not in claim_have)
        for prefix in lexicon.NEGATING_PREFIXES:
            rest = s.removeprefix(prefix)
            if rest != s and len(rest) >= 5 and rest in evidence_stems:
                swaps.add((s, rest))
        for e in evidence_stems:
            rest = e.removeprefix("un")
            if rest == s and len(s) >= 5 and e not in claim_have:
                swaps.add((s, e))
    return sorted(swaps)


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


# ---------------------------------------------------------------- roles


ROLE_SPAN = 20  # words at most between the two names, in claim and evidence alike
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are)\s+\w+(?:ed|en)\s+by\b", re.IGNORECASE)


def role_swaps(claim: str, evidence: str) -> list[tuple[str, str]]:
    """Name pairs that swap sides of the same word: "X accused Y" against "Y accused X".

    Only active-voice sentences are compared, since a passive reverses the
    order of the same roles.

    >>> role_swaps("Russia supplied Pyongyang with shells", "Pyongyang supplied Russia")
    [('russia', 'pyongyang')]
    """
    if _PASSIVE.search(claim) or _PASSIVE.search(evidence):
        return []
    claim_words = [w for w, _ in tokens(claim)]
    evidence_words = [w for w, _ in tokens(evidence)]
    claim_at = _first_positions(claim_words, names(normalise(claim)))
    evidence_at = _first_positions(evidence_words, names(normalise(evidence)))
    swaps = []
    for a, b in ((a, b) for a in claim_at for b in claim_at if claim_at[a] < claim_at[b]):
        if claim_at[b] - claim_at[a] > ROLE_SPAN:
            continue
        if a not in evidence_at or b not in evidence_at:
            continue
        if 0 < evidence_at[a] - evidence_at[b] <= ROLE_SPAN:
            between_claim = _keys(claim_words[claim_at[a] + 1 : claim_at[b]])
            between_evidence = _keys(evidence_words[evidence_at[b] + 1 : evidence_at[a]])
            if between_claim & between_evidence:
                swaps.append((a, b))
    return swaps


def _first_positions(words: list[str], found: frozenset[str]) -> dict[str, int]:
    """First position of each name; days, months and other closed-class words move freely."""
    at: dict[str, int] = {}
    for i, w in enumerate(words):
        if w in found and stem(w) not in lexicon.CLASS_OF:
            at.setdefault(w, i)
    return at


def _keys(words: list[str]) -> set[str]:
    out: set[str] = set()
    for w in words:
        if _content((w, False)):
            out |= keys(w)
    return out


def unsupported_phrase(claim: str, evidence: str, run: int = 3) -> list[str]:
    """A run of `run` or more consecutive claim content words that the evidence lacks.

    Such a run is usually added information ("where most of them serve as drone
    operators"), not a rewording, which changes single words.
    """
    missing = set(coverage(claim, evidence)[1])
    best: list[str] = []
    current: list[str] = []
    for token in tokens(claim):
        if not _content(token):
            continue
        if token[0] in missing:
            current.append(token[0])
            if len(current) > len(best):
                best = list(current)
        else:
            current = []
    return best if len(best) >= run else []
