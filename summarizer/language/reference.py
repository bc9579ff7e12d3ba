"""Who "he" is: a sentence's pronoun resolved from the sentences before it.

Inside an article "He toured a munitions factory." is clear; cut out of it, as
a brief's evidence or a brief's item, it is not. When the verifier has the
document, the person or organisation a leading reference stands for is read
from the sentence before it and written in as an editor's bracketed insertion:
"[Kim Jong Un] toured a munitions factory.", "[Kim Jong Un's] comments came...",
"[Samsung Electronics] said...". The bracketed words are the only thing borrowed
from outside the sentence, and they are shown as such.

Resolution is conservative, since a wrong name is worse than none: the
sentence before (or, if that one has no name and itself points back, the one
before it) must name exactly one candidate of the right kind: a person for
he, she, his and her; an organisation for "the company", "the firm" and their
like. "It" and "they" are left alone: too many things can be "it".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from summarizer.language import lexicon
from summarizer.language.entities import place
from summarizer.language.lemmas import getAllLemmas
from summarizer.language.text import STOPWORDS, stem
from summarizer.language.wordkeys import tokens

_ORGANISATION_NOUN = (
    "company|firm|group|agency|ministry|department|bank|carrier|airline|automaker|retailer|"
    "manufacturer|maker|startup|union|party|organisation|organization|network|newspaper"
)
_ORGANISATION_REF = re.compile(rf"^([\"“‘'(]*)(the (?:{_ORGANISATION_NOUN}))\b(['’]s)?",
                               re.IGNORECASE)
# A person pronoun where a sentence or a clause of reported speech begins: "He toured",
# "KCNA reported that he toured", "..." he was quoted as saying', "During the visit, he".
# One further inside ("the dates of his inspection") is left alone.
_PRONOUN = re.compile(
    r"(?:^[\"“‘'(]*|\b(?:that|said|says|reported|reports|added|stated|noted|announced|"
    r"claimed|insisted|warned) |[,”\"] )(he|she|him|his|her)\b", re.IGNORECASE)
# Runs of capitalised words, with the small words that sit inside names.
_NAME_RUN = re.compile(
    r"(?:[A-Z][\w'’\-.]*[\w'’])(?:\s+(?:(?:de|van|von|der|bin|al|la|del|of|and|&)\s+)?"
    r"[A-Z][\w'’\-.]*[\w'’])*"
)
_TITLES = frozenset("mr mrs ms dr prof sir president minister leader chairman "
                    "senator rep gov governor general gen secretary judge chief".split())
_ORGANISATION_WORDS = frozenset(
    "agency news ministry party company corp corporation inc ltd llc plc group bank "
    "university college committee council department court times post journal association "
    "institute foundation commission office service services administration army navy "
    "force forces police airlines airways motors electronics industries holdings "
    "network tv radio press union league fund organisation organization center centre "
    "board authority reuters".split())
# A run that begins with a compass word ("Middle East", "North Carolina") or ends with a
# word for a place ("Garfield Park", "Magazine Street") is a place, never a person.
_COMPASS = frozenset("east west north south middle central northern southern eastern western "
                     "upper lower greater new".split())
_PLACE_ENDS = frozenset(
    "gulf sea ocean river mountain mountains island islands street avenue road county city "
    "state valley coast bay lake peninsula region province district square park bridge "
    "airport station hospital school church museum".split())
# People the text does not name ("a teenage boy", "the woman"): "he" may be one of them.
_UNNAMED_PERSON = re.compile(
    r"\b(?:man|men|woman|women|boy|boys|girl|girls|child|children|kid|teen|teenager|son|"
    r"daughter|husband|wife|mother|father|brother|sister|baby|suspect|victim|gunman|driver|"
    r"passenger|patient|student|friend|neighbor|neighbour)\b", re.IGNORECASE)
_PERSON_PRONOUN = re.compile(r"^[\"“‘'(]*(?:he|she|his|her|him)\b", re.IGNORECASE)
_PRONOUN_GENDER = {"he": "M", "him": "M", "his": "M", "she": "F", "her": "F"}
_TITLE_GENDER = {"mr": "M", "mrs": "F", "ms": "F", "miss": "F", "sir": "M"}
# A quotation: its names are the speaker's words, not who the next sentence's "he" is.
_QUOTATION = re.compile(r"[“\"][^”\"]*(?:[”\"]|$)")


def _runs(sentence: str) -> list[str]:
    """Names written in the sentence: capitalised runs, the first word of the sentence
    only when more than a capitalised small word, titles and contractions stripped."""
    out = []
    for match in _NAME_RUN.finditer(sentence):
        words = match.group(0).rstrip(".").split()
        while words and re.split(r"['’]", words[0].lower().rstrip("."))[0] in STOPWORDS | _TITLES:
            words = words[1:]  # "Mr", "That's", "I'll"
        if not words or any(re.search(r"-[a-z]", w) for w in words):
            continue  # none, or a compound adjective ("Agent Orange-related")
        first = match.start() == len(sentence) - len(sentence.lstrip("\"“‘'("))
        if first and len(words) == 1 and getAllLemmas(words[0].lower()):
            continue  # "Officials said": a dictionary word capitalised only as the first
        out.append(" ".join(words).removesuffix("'s").removesuffix("’s").rstrip("'’"))
    return out


def _looks_named(word: str) -> bool:
    return word.isupper() and len(word) > 1


def _is_organisation(name: str) -> bool:
    words = name.lower().split()
    return any(w.strip(".,") in _ORGANISATION_WORDS for w in words) or (
        len(words) == 1 and _looks_named(name))


def _is_person(name: str) -> bool:
    words = name.split()
    if _is_organisation(name) or any(stem(w.lower()) in lexicon.CALENDAR for w in words):
        return False
    lowered = [w.lower().strip(".,") for w in words]
    if lowered[0] in _COMPASS or lowered[-1] in _PLACE_ENDS:
        return False
    # A place (a country, a capital, a demonym) is nobody; one place word inside a name
    # ("Victoria Nuland", Victoria a capital) does not make it one.
    return not all(place(w) for w, _ in tokens(name))


def _distinct(names: list[str]) -> list[str]:
    """Names with the ones that are part of a longer one ("Kim" of "Kim Jong Un") merged."""
    out: list[str] = []
    for name in sorted(dict.fromkeys(names), key=len, reverse=True):
        if not any(set(name.split()) <= set(longer.split()) for longer in out):
            out.append(name)
    return out


def _introduced(name: str, before: list[str]) -> bool:
    """Whether a one-word name is a person's the text introduced: news gives a person's
    full name or title first ("Robert Mercer", "Mr. Mercer"), then the surname; a lone
    capitalised word it never introduced ("Thunder", "English") is no one."""
    return " " in name or _introducer(name, before) is not None


def _introducer(name: str, before: list[str]) -> str | None:
    """The title or first name the text first gave a one-word name ("Mr", "Robert")."""
    pattern = _introduction(name)
    for text in before:
        for m in pattern.finditer(text):
            word = m.group(0).split()[0].rstrip(".")
            if word.lower() in _TITLES or (word[0].isupper() and word.lower() not in STOPWORDS):
                return word
    return None


@lru_cache(maxsize=1024)
def _introduction(name: str) -> re.Pattern[str]:
    """A title or capitalised word just before `name` ("Mr. Mercer", "Robert Mercer")."""
    return re.compile(rf"\b(?:[A-Z][\w'’\-]+|{'|'.join(_TITLES)})\.? {re.escape(name)}\b",
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def _first_names() -> dict[str, str]:
    """First name -> "F" or "M", for names nearly all of whose bearers are of one sex
    (`first_names.txt`: US Social Security baby-name counts, `training/first_names.py`)."""
    text = (Path(__file__).parent / "first_names.txt").read_text(encoding="utf-8")
    return dict(line.split("\t") for line in text.splitlines() if "\t" in line)


def _gender(name: str, before: list[str]) -> str | None:
    """"F" or "M" when the name's first name or title says so, else None."""
    first = name.split()[0] if " " in name else _introducer(name, before)
    if first is None:
        return None
    first = first.rstrip(".")
    return _TITLE_GENDER.get(first.lower()) or _first_names().get(first.capitalize())


def _antecedent(before: list[str], wanted: Callable[[str], bool]) -> str | None:
    """The one candidate the nearest sentence before names, or None if none or several."""
    for sentence in reversed(before[-2:]):
        said = _QUOTATION.sub(" ", sentence)
        if wanted is _is_person and _UNNAMED_PERSON.search(said):
            return None  # "Alicia Hernandez met a boy. He was 14": he may be the boy
        found = _distinct([n for n in _runs(said) if wanted(n)])
        if len(found) == 1 and wanted is _is_person and _PERSON_PRONOUN.match(said.strip()):
            return None  # "His bandmate Fischetti announced it. His death...": whose?
        if len(found) == 1:
            return found[0] if wanted is not _is_person or _introduced(found[0], before) else None
        if found:
            return None  # two people: "he" could be either
    return None


def _inside_quotation(before: str) -> bool:
    """Whether a quotation opened in `before` is still open at its end."""
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _possessive(pronoun: str, after: str) -> str:
    """"'s" where the pronoun owns what follows: "his", and "her" before a noun
    ("her speech", not "praised her for")."""
    word = pronoun.lower()
    if word != "her":
        return "'s" if word == "his" else ""
    following = after.split()[:1]
    noun_next = bool(following) and following[0].strip(".,;:!?\"”’)").lower() not in STOPWORDS
    return "'s" if noun_next and following[0][-1].isalnum() else ""


def resolve(sentence: str, before: list[str]) -> str | None:
    """`sentence` with its leading reference resolved from `before` (the sentences that
    come before it in its document, nearest last), as an editor's bracketed insertion;
    None when there is nothing to resolve or no single candidate. The candidate comes
    from the last two; a one-word name must have been introduced in any of them.

    >>> resolve("He toured a factory.", ["Kim Jong Un spoke on Friday."])
    '[Kim Jong Un] toured a factory.'
    >>> resolve("His comments came during a visit.", ["Kim Jong Un called for more shells."])
    "[Kim Jong Un's] comments came during a visit."
    >>> resolve("KCNA said he toured a factory.", ["Kim Jong Un spoke."])
    'KCNA said [Kim Jong Un] toured a factory.'
    >>> resolve("He toured a factory.", ["Kim met Putin in Moscow."]) is None
    True
    >>> resolve("He noted the failures.", ["Newt Gingrich spoke on Sunday.",
    ...                                     '"Reagan waited," Gingrich said on CNN.',
    ...                                     '"We are in a mess in the Middle East."'])
    '[Gingrich] noted the failures.'
    >>> resolve("He scored 23 points.", ["The Thunder lost again."]) is None
    True
    >>> resolve("He scored.", ["The team says Allen is fit."]) is None
    True
    >>> resolve("He scored.", ["Ray Allen signed.", "The team says Allen is fit."])
    '[Allen] scored.'
    >>> resolve("He makes his way to the stage.", ["Emma Stone arrives."]) is None
    True
    >>> resolve("She defended her vote.", ["Ms. Lehmkuhl spoke.", "Lehmkuhl was fined."])
    '[Lehmkuhl] defended her vote.'
    >>> resolve("He was 14.", ["Alicia Hernandez met a boy in a park."]) is None
    True
    >>> resolve('"He was cooking," she said.', ["Kim Jong Un spoke."]) is None
    True
    >>> resolve("The company said sales rose.", ["Samsung Electronics beat forecasts."])
    '[Samsung Electronics] said sales rose.'
    """
    if (org := _ORGANISATION_REF.match(sentence)) is not None:
        name = _antecedent(before, _is_organisation)
        if name is None:
            return None
        insertion = f"[{name}{org.group(3) or ''}]"
        return org.group(1) + insertion + sentence[org.end():]
    pronoun = _PRONOUN.search(sentence)
    if pronoun is None or any(_is_person(n) for n in _runs(sentence[: pronoun.start(1)])):
        return None  # no pronoun, or a person named before it in the sentence
    if _inside_quotation(sentence[: pronoun.start(1)]):
        return None  # a speaker's "he", inside a quotation: the speaker's to say who
    name = _antecedent(before, _is_person)
    if name is None:
        return None
    gender = _gender(name, before)
    if gender is not None and gender != _PRONOUN_GENDER[pronoun.group(1).lower()]:
        return None  # "Emma Stone arrives. He makes his way...": he is someone else
    insertion = f"[{name}{_possessive(pronoun.group(1), sentence[pronoun.end():])}]"
    return sentence[: pronoun.start(1)] + insertion + sentence[pronoun.end():]
