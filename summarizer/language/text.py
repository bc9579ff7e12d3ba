"""Word-level helpers shared by grouping, noise marking and verification.

Kept free of any model so that every stage that compares sentences compares
them the same way.
"""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*|\d[\d,.]*\d|\d")
_STEMMER = snowballstemmer.stemmer("english")

# Function words carry no fact; the list is short on purpose so that content
# words such as "not", "no", "new" survive where they matter.
STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for with from as into onto over under
    about after before during between through against among within without than then
    that this these those there here which who whom whose what when where why how
    is are was were be been being am has have had having do does did doing will would
    shall should can could may might must it its it's they them their theirs he him his
    she her hers we us our you your i me my also too very so such just only even still
    yet both each other another any some all more most much many own same up down out
    off again further once said says say according""".split()
)

NEGATIONS = frozenset(
    "not no never none nobody nothing neither nor without denied denies deny refused "
    "n't cannot".split()
)


def words(text: str) -> list[str]:
    """Word tokens, lower-cased, curly apostrophes made straight.

    >>> words("Kim’s 8,700-ton sub")
    ["kim's", '8,700', 'ton', 'sub']
    """
    return [w.lower().replace("’", "'").strip("'-") for w in WORD.findall(text)]


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    word = word.removesuffix("'s")
    return _STEMMER.stemWord(word)


def content_stems(text: str) -> list[str]:
    """Stems of the words that carry meaning, in order, repeats kept."""
    return [stem(w) for w in words(text) if w not in STOPWORDS and not w[0].isdigit()]


def analyzer(text: str) -> list[str]:
    """Features for TF-IDF: content stems plus numbers as written."""
    return content_stems(text) + numbers(text)


_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w])")


def numbers(text: str) -> list[str]:
    """Numbers as canonical strings, thousands separators removed.

    >>> numbers("around 15,000 troops and an 8,700-ton submarine in 2026")
    ['15000', '8700', '2026']
    """
    return [m.group(1).replace(",", "") for m in _NUMBER.finditer(text)]


_NAME = re.compile(r"(?<![\w’'])([A-Z][a-zA-Z’'\-]+|[A-Z]{2,})")


def proper_names(text: str) -> set[str]:
    """Capitalised words that are not the first word of the sentence: a cheap NER.

    >>> sorted(proper_names("The agency said Kim visited Pyongyang."))
    ['kim', 'pyongyang']
    """
    names = set()
    for m in _NAME.finditer(text):
        if m.start() == 0 or text[: m.start()].rstrip().endswith((".", ":", "“", '"', "-")):
            continue
        word = m.group(1).lower().replace("’", "'").removesuffix("'s")
        if word not in STOPWORDS:
            names.add(word)
    return names



_SENTENCE_END = re.compile(r"(?:[.!?…。！？][\"”’')\]」』）]*|\))$")  # CJK stops too


def ends_sentence(text: str) -> bool:
    """True if `text` ends like a sentence: . ! ? or … and any closing quotes.

    >>> ends_sentence("Kim said “no.”"), ends_sentence("Boosting Production for 'Deterrence'")
    (True, False)
    """
    return bool(_SENTENCE_END.search(text.rstrip()))
