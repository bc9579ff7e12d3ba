"""Whether a brief sentence stands alone: its own subject, its speaker, and some content.

A brief's items are read out of their documents, so three things that are
fine inside an article are wrong in a brief:

- a subject that points back ("He toured...", "The remarks came..."): the
  reader cannot know who or what it is;
- a reported claim stated as fact: when the sources only quote or report
  someone saying it, the item must say who ("Kim said...", "according to");
- a fragment that carries no fact ("It's fire."), a sentence with no verb
  ("With: Jane Levy, Shiloh Fernandez."), a photo caption, whose only verb
  is an -ing form ("People clinging to buses."), a sentence cut short ("Flower
  products can be found... (AP)"), a question, which asks rather than states
  ("Is this the time to buy the shares?"), or words to the reader ("But use
  extreme caution when giving out your money.").

Each check returns the reason the sentence does not stand alone, or None.
"""

from __future__ import annotations

import itertools
import re

from summarizer.language.lemmas import getAllLemmas
from summarizer.language.text import content_stems, words
from summarizer.models import Sentence

# Opening marks, and a connective that ties a sentence to the one before ("But he said").
_OPENER = r"^[\"“‘'(]*(?:(?:but|and|yet|so|still|also|however|meanwhile|instead),?\s+)?"
# Pronouns and pointing words that, first in a sentence, stand for something said before.
_POINTING_START = re.compile(
    _OPENER + r"(?:he|she|it|they|him|her|them|his|its|their|both|the latter|the former|"
    r"the same|the two|the three|the pair|the trio|"
    # "This year" and "that day" name a time, not an earlier sentence.
    r"(?:this|these|those|that|such)(?! (?:year|week|month|morning|afternoon|evening|night|"
    r"weekend|season|summer|winter|spring|fall|autumn|day|time)))\b",
    re.IGNORECASE,
)
# "The remarks", "The order": a noun that names something only an earlier sentence gave.
_BACK_NOUNS = (
    "remarks comments statement statements order orders move decision announcement visit trip "
    "incident report plan measure directive claim claims call speech remark warning step "
    "news development developments event events episode case latter former effort announcement "
    "tour inspection"
).split()
_BACK_REFERENCE = re.compile(
    _OPENER + r"(?:the|this|that|these|those|such) (?:(?:latest|new|recent|same|above|"
    r"earlier|previous|latter|former) )?(?:" + "|".join(_BACK_NOUNS) + r")\b",
    re.IGNORECASE,
)
# Anywhere in a sentence, "the remarks" or "the order" names what only an earlier sentence
# said, unless words after it say what it is ("the order to build", "the statement that").
_SAID_NOUNS = "remarks|remark|comments|statement|statements|announcement|order|directive|move"
_SAID_BEFORE = re.compile(
    rf"\b(?:the|these|those|such) (?:{_SAID_NOUNS})\b"
    r"(?![\w\s]{0,3}\b(?:to|that|of|on|for|about|by|from|which|calling|ordering|saying)\b)",
    re.IGNORECASE,
)
_PERSONAL = frozenset("he she him his her hers".split())
_NAME_WORD = re.compile(r"\b[A-Z][a-z][\w'’\-]*")
# Words that tell the reader a claim is someone's: a speaker, a report, a quotation.
SPEECH = re.compile(
    r"\b(?:said|says|say|saying|told|tells|according to|quoted|quoting|stated|states|"
    r"reported|reports|reportedly|announced|announces|claimed|claims|added|noted|wrote|"
    r"writes|warned|warns|insisted|insists|argued|argues|alleged|allegedly|accused|urged|"
    r"stressed|emphasi[sz]ed|described|characteri[sz]ed|called|declared|vowed|asserted|"
    r"testified|tweeted|posted|explained|acknowledged|admitted|denied|confirmed)\b",
    re.IGNORECASE,
)
_QUOTES = "\"“”"
MIN_WORDS = 4
_VERB_TAGS = frozenset({"VERB", "AUX"})
_AUXILIARIES = frozenset(
    "is are was were be been has have had will would can could may might must shall should "
    "do does did isn't aren't wasn't weren't hasn't haven't hadn't won't can't didn't "
    "doesn't cannot".split())
_NAMING = frozenset({"NOUN", "PROPN", "ADJ"})  # what a caption's subject is made of
_SUBJECT_PRONOUNS = frozenset("i you we they he she it".split())
# "it's", "I'm", "they've", "isn’t": a verb inside a contraction.
_CONTRACTED = re.compile(r"\b(?:(?:i|you|he|she|it|we|they|there|that|what|who|here)['’]"
                         r"(?:s|m|re|ve|ll|d)|\w+n['’]t)\b", re.IGNORECASE)
# A caption's shape: a capitalised first word, words without commas, then an -ing word.
_SUBJECT_THEN_ING = re.compile(r"^[\"“]?([A-Z][\w.'’-]*(?:\s+[\w.'’-]+)*?)\s+([a-z]+ing)\b")
_TOKEN = re.compile(r"[\w'’]+")
# After a determiner or a preposition, a word is a noun ("for clues"), not a verb.
_NOUN_BEFORE = frozenset(
    "a an the this that these those his her its their our my your some every each no any "
    "to of for in on at by with from into over under through about after before".split())
_LOWER_WORD = re.compile(r"\b[a-z]+(?:['’][a-z]+)?\b")  # a capitalised word is a name or an opener
_CUT_SHORT = re.compile(r"(?:\.\.\.|…)\s*(?:\([^)]*\))?\s*$")
_READER = re.compile(r"\b(?:you|your|yours|yourself|yourselves)\b", re.IGNORECASE)
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")
MIN_CONTENT = 3


def pointing_back(text: str) -> str | None:
    """Why `text` begins with a reference to something said before, or None.

    >>> pointing_back("He toured a facility linked to a submarine.")
    "begins with 'He', which points to an earlier sentence"
    >>> pointing_back("Kim made the remarks during a visit.")
    "'the remarks' points to an earlier sentence"
    >>> pointing_back("Kim issued the order to build factories.") is None
    True
    >>> pointing_back("The remarks came during a visit.")
    "begins with 'The remarks', which points to an earlier sentence"
    >>> pointing_back("But he recommended using common sense and caution.")
    "begins with 'But he', which points to an earlier sentence"
    >>> pointing_back("Still, Kim recommended caution.") is None
    True
    """
    for pattern in (_BACK_REFERENCE, _POINTING_START):
        match = pattern.match(text.strip())
        if match:
            said = match.group(0).lstrip("\"“‘'(")
            return f"begins with '{said}', which points to an earlier sentence"
    if match := _SAID_BEFORE.search(text):
        return f"'{match.group(0)}' points to an earlier sentence"
    return _unresolved_person(text)


def _unresolved_person(text: str) -> str | None:
    """'KCNA reported that he toured...': a personal pronoun before any name of a person.

    A capitalised word that is not all capitals (so not an agency like KCNA)
    and not the first word may be the person the pronoun stands for.
    """
    tokens = text.split()
    for i, token in enumerate(tokens):
        word = token.strip(".,;:!?\"“”‘’'()").lower()
        if word in _PERSONAL:
            before = " ".join(tokens[1:i])
            named = [w for w in _NAME_WORD.findall(before) if not w.isupper()]
            first = tokens[0].strip("\"“‘'(")
            if not named and not (first[:1].isupper() and not first.isupper()
                                  and first.lower() not in ("the", "a", "an", "according")):
                return f"'{word}' has no one it can stand for in the sentence"
            return None
    return None


def fragment(text: str) -> str | None:
    """Why `text` is too slight to be a fact, or None.

    >>> fragment("It's fire.")
    'a fragment: 2 words, too few to state a fact'
    >>> fragment("Flower products can be found... (Associated Press)")
    'cut short: ends in an ellipsis'
    """
    if _CUT_SHORT.search(text):
        return "cut short: ends in an ellipsis"
    n = len(words(text))
    if n < MIN_WORDS:
        return f"a fragment: {n} words, too few to state a fact"
    if len(set(content_stems(text))) < MIN_CONTENT:
        return "a fragment: too few content words to state a fact"
    return None


def verbless(text: str) -> str | None:
    """Why a sentence without a verb (a cast list, a dateline's tail) states nothing;
    or None. Capitalised words are names or a sentence's opener, so Title Case
    headlines are not judged here.

    >>> verbless("With: Jane Levy, Shiloh Fernandez, Lou Taylor Pucci, Jessica Lucas.")
    'a fragment: no verb states anything'
    >>> verbless("Tuesday, according to the Ipswich Police Department.")
    'a fragment: no verb states anything'
    >>> verbless("Kim ordered new factories.") is None
    True

    A photo caption names someone doing something, and no verb says it happened:

    >>> verbless("Leader Kim Jong Un visiting munitions enterprises at an undisclosed place.")
    'a caption: no verb states anything'
    >>> verbless("Scientists studying the samples believe they are new.") is None
    True
    """
    lower = [w for w in _LOWER_WORD.findall(text) if w != "according"]
    if not any(_VERB_TAGS & set(getAllLemmas(w)) for w in lower):
        return "a fragment: no verb states anything"
    if _caption(text):
        return "a caption: no verb states anything"
    return None


def _caption(text: str) -> bool:
    """Whether `text` reads as a photo caption: who, then what they are doing in -ing, and no
    verb that says it happened ("People clinging to buses.")."""
    match = _SUBJECT_THEN_ING.match(text)
    if match is None or _CONTRACTED.search(text) or not _inflected(match.group(2)):
        return False
    subject = [set(getAllLemmas(w)) for w in _LOWER_WORD.findall(match.group(1))]
    if any(not tags or not tags <= _NAMING for tags in subject):
        return False  # "Instead of stopping", "workers say searching": not a bare subject
    rest = _TOKEN.findall(text[match.start(2):])
    return not any(_states(before.lower(), word) for before, word in itertools.pairwise(rest))


def _states(before: str, word: str) -> bool:
    """Whether `word`, after `before`, can be the verb that says something happened: an
    auxiliary, a subject pronoun's verb, or a verb form that is not a noun after a determiner
    or a preposition ("saw", "bears", "include"; not "for clues", "an undisclosed place")."""
    if word in _AUXILIARIES or before in _SUBJECT_PRONOUNS:
        return True
    if not word.islower() or before in _NOUN_BEFORE:
        return False
    lemmas = getAllLemmas(word)
    if "VERB" not in lemmas or word.endswith("ing"):
        return False
    return _inflected(word, lemmas) or set(lemmas) - {"ADV"} <= _VERB_TAGS


def _inflected(word: str, lemmas: dict | None = None) -> bool:
    """Whether `word` is a verb in another form than its dictionary one ("saw", "bears",
    "visiting"; not "bring" or "place"). `lemmas`: its lemmas, if already looked up."""
    found = getAllLemmas(word) if lemmas is None else lemmas
    return any(lemma != word for lemma in found.get("VERB", ()))


def to_reader(text: str) -> str | None:
    """Why `text`, which speaks to the reader ("you", "your") outside any quotation, states
    no news; or None.

    >>> to_reader("But use extreme caution when giving out your money.")
    'speaks to the reader, states no news'
    >>> to_reader('"You must build more," Kim told the workers.') is None
    True
    """
    if _READER.search(_QUOTED.sub(" ", text)):
        return "speaks to the reader, states no news"
    return None


def question(text: str) -> str | None:
    """Why `text`, a question, states no fact; or None.

    >>> question("Is this the time to start buying the company's shares?")
    'a question, not a statement of fact'
    >>> question('"Why now?" the senator asked.') is None
    True
    """
    if text.rstrip().rstrip("\"”’')]").endswith("?"):
        return "a question, not a statement of fact"
    return None


def is_reported(sentence: Sentence, document_text: str) -> bool:
    """True when the sentence quotes or reports someone rather than stating a fact itself.

    A sentence inside a quotation opened earlier in its paragraph counts, and
    so does a paragraph that is a quotation set off without marks, where the
    sentence before it introduces it ("...he said:").
    """
    if SPEECH.search(sentence.text) or any(q in sentence.text for q in _QUOTES):
        return True
    paragraph_start = document_text.rfind("\n", 0, sentence.start) + 1
    before = document_text[paragraph_start : sentence.start]
    opened = before.count("“") - before.count("”") + before.count('"') % 2
    if opened > 0:
        return True
    previous = document_text[:paragraph_start].rstrip()
    return previous.endswith(":")


def speaker_dropped(text: str, reported: bool) -> str | None:
    """Why `text` states as fact what its sources only report someone saying, or None.

    >>> speaker_dropped("The sector is of paramount importance to deterrence.", True)
    'states as fact what the sources only report someone saying'
    >>> speaker_dropped("Kim said the sector is of paramount importance.", True) is None
    True
    """
    if not reported or SPEECH.search(text) or any(q in text for q in _QUOTES):
        return None
    return "states as fact what the sources only report someone saying"


def problem(text: str, reported: bool) -> str | None:
    """The first reason `text` cannot stand alone in a brief, or None if it can."""
    return (fragment(text) or verbless(text) or question(text) or to_reader(text)
            or pointing_back(text) or speaker_dropped(text, reported))
