"""Words as the verifier compares them: tokens, and the keys under which they meet.

Words are compared by *keys*: the Snowball stem of the word and of each of its
dictionary lemmas (lemminflect, so "told" meets "tell" and "drawn" meets
"draw"), plus the ids of the synonym groups in `lexicon.py`. Two words match
when their keys meet. Kept apart from every signal so that all of them see
the same tokens.
"""

from __future__ import annotations

import re
from functools import lru_cache

from summarizer.language import lexicon
from summarizer.language.lemmas import getAllLemmas
from summarizer.language.text import STOPWORDS, WORD, numbers, stem

Token = tuple[str, bool]  # (lower-cased word, written in capitals)

_TOKEN = WORD  # the same word pattern as the rest of the pipeline
# Multi-word phrases by their first word, longest first: a text is scanned once, and
# only at words that begin some phrase, however many country names there are.
_STAND_INS = {**lexicon.PLACE_PHRASES, **lexicon.PHRASES}
_BY_FIRST: dict[str, list[str]] = {}
for _phrase in sorted(_STAND_INS, key=len, reverse=True):
    _BY_FIRST.setdefault(_phrase.split()[0], []).append(_phrase)
_WORD_START = re.compile(r"(?<![\w'])[a-z][\w'.]*")


def _stand_ins(text: str) -> str:
    lower = text.lower().replace("-", " ")  # same length: offsets stay those of `text`
    out, done = [], 0
    for match in _WORD_START.finditer(lower):
        at = match.start()
        if at < done:
            continue
        for phrase in _BY_FIRST.get(match.group().rstrip(".'"), ()):
            end = at + len(phrase)
            if lower.startswith(phrase, at) and not (end < len(lower) and lower[end].isalnum()):
                out += [text[done:at], _STAND_INS[phrase]]
                done = end
                break
    return "".join(out) + text[done:]


@lru_cache(maxsize=65536)
def lemma_stems(word: str) -> frozenset[str]:
    """Stem of the word and of each of its lemmas: "rose" -> rose, rise."""
    word = word.lower().removesuffix("'s")
    base = {stem(word)}
    for lemmas in getAllLemmas(word).values():
        base.update(stem(lemma.lower()) for lemma in lemmas)
    return frozenset(base)


@lru_cache(maxsize=65536)
def keys(word: str) -> frozenset[str]:
    """Stem of the word and of its lemmas, plus its synonym groups.

    >>> {"tell", "told"} <= keys("told") and keys("told") & keys("said") != frozenset()
    True
    """
    base = lemma_stems(word)
    out = set(base)
    for b in base:
        out |= lexicon.SYNONYM_KEYS.get(b, frozenset())
    return frozenset(out)


def normalise(text: str) -> str:
    """Curly quotes straightened, multi-word phrases replaced by their one-word stand-ins."""
    text = text.replace("’", "'")
    return _stand_ins(text)


@lru_cache(maxsize=65536)
def tokens(text: str) -> tuple[Token, ...]:
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


def words_of(text: str) -> list[str]:
    """The lower-cased tokens of `text`, without the capitals flag."""
    return [w for w, _ in tokens(text)]


def is_content(token: Token) -> bool:
    """A word that carries a fact: no digit, no function word (unless in capitals: "US")."""
    word, caps = token
    return not word[0].isdigit() and (caps or word not in STOPWORDS) and len(word) > 1


def stem_set(text: str) -> frozenset[str]:
    """Stems of every token of `text`, plus its numbers as written."""
    return frozenset(stem(w) for w, _ in tokens(text)) | frozenset(numbers(text))


def key_union(words: list[str]) -> set[str]:
    """All keys of the content words among `words`."""
    out: set[str] = set()
    for w in words:
        if is_content((w, False)):
            out |= keys(w)
    return out
