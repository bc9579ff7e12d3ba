"""Rule-made claims from real news sentences: faithful rewrites and perturbations.

One module builds both the frozen second adversarial suite
(`evals/adversarial_multinews.py`) and the synthetic part of the
entailment model's training data (`training/prepare.py`), from DISJOINT
Multi-News clusters. The word lists below are split in two halves by a fixed
hash (`half`): the suite swaps only words of one half, the training data only
words of the other, so the suite measures swaps the model never saw.

Each perturbation takes a sentence and returns the perturbed claim or None:

- number_swap, date_swap: a number, month, weekday or year changed;
- entity_swap: a capitalised name swapped for a name from another article;
- role_swap: the first two different names exchange places;
- negation: "not" added after an auxiliary, "did not" before a past verb, or
  an existing "not" removed;
- antonym, cohyponym: one word swapped for its opposite or for another member
  of its class ("beach" for "cliff");
- attribution: "X said (that) Y" / "Y, X said" / "according to X, Y" -> Y
  stated as a fact;
- addition: an unsupported qualifier or clause added;
- wrong_document: a sentence of another article.

Faithful rewrites: the sentence with a parenthesis, appositive or time phrase
dropped (compression), or with a few words swapped for synonyms (paraphrase).
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Callable

# ---------------------------------------------------------------- word lists

_ANTONYMS = """
increase decrease | increased decreased | rise fall | rose fell | risen fallen | rising falling
expand shrink | expanded shrank | expansion reduction | higher lower | more fewer | most least
won lost | win lose | wins loses | victory defeat | accepted rejected | accept reject
approved rejected | approve reject | support oppose | supported opposed | supports opposes
allowed banned | allow ban | legal illegal | guilty innocent | convicted acquitted
open close | opened closed | opening closing | start end | started ended | began ended
first last | early late | earlier later | before after | longest shortest | long short
large small | larger smaller | largest smallest | big little | major minor | strong weak
stronger weaker | high low | rich poor | cheap expensive | easy difficult | safe dangerous
success failure | successful unsuccessful | positive negative | good bad | best worst
better worse | increase cut | hired fired | hire fire | arrested released | entered left
buy sell | bought sold | buying selling | gain loss | gained lost | profit loss
import export | imports exports | north south | northern southern | east west | eastern western
alive dead | survived died | born died | young old | younger older | new old
public private | domestic foreign | internal external | inside outside | full empty
agreed refused | agree refuse | admitted denied | admit deny | confirmed denied | confirm deny
praised criticized | praise criticize | welcomed condemned | friends enemies | ally rival
peace war | attack defend | attacked defended | majority minority | maximum minimum
always never | often rarely | central marginal | important unimportant | paramount negligible
heavy light | hot cold | warm cool | wet dry | fast slow | faster slower | quickly slowly
raised lowered | raise lower | add remove | added removed | join leave | joined left
present absent | include exclude | included excluded | increase drop | surge plunge
surged plunged | boosted weakened | boost weaken | strengthen weaken | strengthened weakened
"""

_CLASSES = """
beach cliff mountain forest river lake desert valley island
missile rocket drone tank artillery torpedo
cars trucks buses trains planes ships bicycles
car truck bus train plane ship bicycle boat helicopter
doctor nurse teacher lawyer engineer pilot farmer soldier journalist
doctors nurses teachers lawyers engineers pilots farmers soldiers journalists
mother father sister brother daughter son wife husband aunt uncle
dog cat horse cow pig sheep bird fish snake
dogs cats horses cows pigs sheep birds snakes
school hospital church prison library museum airport stadium
schools hospitals churches prisons libraries museums airports stadiums
police army navy military
gold silver copper iron oil gas coal
football basketball baseball tennis golf soccer hockey
rice wheat corn beans potatoes
Monday Tuesday Wednesday Thursday Friday Saturday Sunday
January February March April May June July August September October November December
morning afternoon evening night
week month year decade
weeks months years decades
minutes hours days
senator governor mayor president minister judge
Senate House court
Democrats Republicans
Democratic Republican
red blue green yellow black white
murder robbery fraud assault theft
shot stabbed beaten
fire flood earthquake storm hurricane tornado
arm leg head chest back neck
"""

_SYNONYMS = """
said stated | says states | big large | buy purchase | bought purchased | help assist
helped assisted | start begin | started began | show demonstrate | shows demonstrates
try attempt | tried attempted | use employ | enough sufficient | about approximately
almost nearly | also additionally | many numerous | need require | needs requires
end finish | ended finished | get obtain | got obtained | give provide | gave provided
told informed | ask request | asked requested | want wish | quickly rapidly | seen viewed
kids children | car vehicle | job position | people individuals | town community
"""

_NUMBER_WORDS = ("one two three four five six seven eight nine ten eleven twelve "
                 "twenty thirty forty fifty hundred thousand million billion").split()


def _pairs(spec: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in spec.split("|"):
        words = pair.split()
        if len(words) == 2:
            a, b = words
            out.setdefault(a, b)
            out.setdefault(b, a)
    return out


def half(word: str) -> int:
    """0 or 1 by a fixed hash of the word: which half of the lists it belongs to."""
    return hashlib.sha256(word.lower().encode()).digest()[0] % 2


ANTONYMS = _pairs(_ANTONYMS)
SYNONYMS = _pairs(_SYNONYMS)
CLASSES = [line.split() for line in _CLASSES.strip().splitlines()]
_CLASS_OF = {w: cls for cls in CLASSES for w in cls}

# ---------------------------------------------------------------- helpers

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_NUMBER = re.compile(r"(?<![\w.,$])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w,]\d)")
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-3]\d)\b")
_NAME = re.compile(r"\b[A-Z][a-z]*[A-Z]?[a-z]+(?:\s+[A-Z][a-z]*[A-Z]?[a-z]+)*\b")
_AUX = re.compile(r"\b(is|are|was|were|has|have|had|will|would|can|could|should|must)\b"
                  r"(?! not\b| n't\b)")
_PAST = re.compile(r"\b(?!(?:[Uu]sed|[Nn]eed|[Ii]ndeed|[Ss]peed|[Bb]ed|[Rr]ed)\b)([a-z]{3,}ed)\b"
                   r"(?= (?:the|a|an|his|her|their|its|to|that|\w+ly)\b)")
_NOT = re.compile(r"\b(is|are|was|were|has|have|had|will|would|can|could|does|did|do) not ")
_STOP_NAMES = frozenset(
    "The A An In On At It He She They We I This That But And As After When If For With "
    "While Mr Mrs Ms Dr However According Monday Tuesday Wednesday Thursday Friday Saturday "
    "Sunday January February March April May June July August September October November "
    "December Also Its His Her Their There Here What Who Why How Some Many Most One".split()
)
_SAID = r"(?:said|says|told|added|reported|wrote|claimed|stated|announced|explained)"
_WHO = r"[A-Z][\w.'’ -]{2,60}?"
_BODY = r"(?P<body>[^\"“”]{25,}?)[,.]?[\"”]?,? "
_ATTRIBUTIONS = [
    # "X said (that) Y." -> "Y."
    re.compile(rf"^(?:{_WHO}) {_SAID} (?:\w+ )?(?:that )?(?P<body>[^\"“”]{{25,}})$"),
    # "Y, X said." / "Y," X said. / "Y," said X.
    re.compile(rf"^[\"“]?{_BODY}(?:{_WHO}|he|she|they) {_SAID}\.?$"),
    re.compile(rf"^[\"“]?{_BODY}{_SAID} (?:{_WHO[:-1]})\.?$"),
    # "According to X, Y."
    re.compile(r"^According to [^,]{3,80}, (?P<body>.{25,})$"),
]
_ADDITIONS = [
    "secretly", "illegally", "for the first time", "twice", "unanimously", "reluctantly",
    "on Tuesday", "last year", "in Canada", "with his wife", "after a long delay",
    "for the third time", "at a secret meeting", "overnight", "under pressure from Congress",
    "despite strong opposition", "by a wide margin", "in protest", "in a televised speech",
    "without warning", "for $2 million", "alone", "in secret talks", "voluntarily",
]
_COMPRESS = [
    re.compile(r" \([^()]{2,80}\)"),
    re.compile(r", (?:who|which) [^,]{5,80},"),
    re.compile(r"^(?:On|Last|Earlier|This) [A-Z]?\w+(?: \w+)?, "),
    re.compile(r", (?:a|an|the) [^,]{5,60},"),
]


def _sub_word(text: str, table: Callable[[str], str | None], rng: random.Random) -> str | None:
    """Replace one word (chosen at random among candidates) via `table`."""
    hits = [(m, new) for m in _WORD.finditer(text) if (new := table(m.group()))]
    if not hits:
        return None
    m, new = rng.choice(hits)
    if m.group()[0].isupper() and not new[0].isupper():
        new = new[0].upper() + new[1:]
    return text[: m.start()] + new + text[m.end():]


def _keep_case_lookup(mapping: dict[str, str], which: int | None) -> Callable[[str], str | None]:
    def look(word: str) -> str | None:
        new = mapping.get(word) or mapping.get(word.lower())
        if new is None or (which is not None and half(word.lower()) != which):
            return None
        return new

    return look


def base_form(verb: str) -> str:
    """The dictionary form of a regular past tense, by rule (planted.py uses it too)."""
    stem = verb[:-2]
    if stem.endswith("i"):
        return stem[:-1] + "y"
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
        return stem[:-1]
    return stem + "e" if stem.endswith(("at", "iz", "uc", "rv", "ov", "ag", "ad", "ng", "os"))\
        else stem


# ---------------------------------------------------------------- perturbations


def number_swap(text: str, rng: random.Random, **_: object) -> str | None:
    hits = [m for m in _NUMBER.finditer(text) if not _YEAR.fullmatch(m.group())]
    if hits:
        m = rng.choice(hits)
        raw = m.group(1)
        value = float(raw.replace(",", ""))
        factor = rng.choice([0.5, 0.75, 1.5, 2, 3]) if value > 3 else None
        new_value = value * factor if factor else value + rng.choice([1, 2, 3])
        new = f"{new_value:,.0f}" if "," in raw else (
            f"{new_value:.1f}" if "." in raw else str(round(new_value)))
        if new == raw:
            new = str(round(value) + 1)
        return text[: m.start(1)] + new + text[m.end(1):]
    words = [m for m in _WORD.finditer(text) if m.group().lower() in _NUMBER_WORDS[:12]]
    if words:
        m = rng.choice(words)
        i = _NUMBER_WORDS.index(m.group().lower())
        new = _NUMBER_WORDS[(i + rng.choice([1, 2, 3])) % 12]
        return text[: m.start()] + new + text[m.end():]
    return None


def date_swap(text: str, rng: random.Random, **_: object) -> str | None:
    months = next(c for c in CLASSES if c[0] == "January")
    days = next(c for c in CLASSES if c[0] == "Monday")
    hits = [m for m in _WORD.finditer(text) if m.group() in months or m.group() in days]
    if hits:
        m = rng.choice(hits)
        cls = months if m.group() in months else days
        new = rng.choice([w for w in cls if w != m.group()])
        return text[: m.start()] + new + text[m.end():]
    if m := _YEAR.search(text):
        new = str(int(m.group()) + rng.choice([-2, -1, 1, 2]))
        return text[: m.start()] + new + text[m.end():]
    return None


def _names(text: str) -> list[re.Match[str]]:
    return [m for m in _NAME.finditer(text)
            if m.start() > 0 and m.group().split()[0] not in _STOP_NAMES]


def entity_swap(text: str, rng: random.Random, names: list[str] = (), avoid: str = "",
                **_: object) -> str | None:
    hits = _names(text)
    pool = [n for n in names if n.lower() not in avoid.lower()]
    if not hits or not pool:
        return None
    m = rng.choice(hits)
    return text[: m.start()] + rng.choice(pool) + text[m.end():]


def role_swap(text: str, rng: random.Random, **_: object) -> str | None:
    hits = _names(text)
    for i, a in enumerate(hits):
        for b in hits[i + 1:]:
            if a.group() not in b.group() and b.group() not in a.group():
                return (text[: a.start()] + b.group() + text[a.end(): b.start()] + a.group()
                        + text[b.end():])
    return None


def negation(text: str, rng: random.Random, **_: object) -> str | None:
    if m := _NOT.search(text):
        return text[: m.end(1)] + " " + text[m.end():]
    if m := _AUX.search(text):
        return text[: m.end()] + " not" + text[m.end():]
    if m := _PAST.search(text):
        return text[: m.start()] + "did not " + base_form(m.group(1)) + text[m.end():]
    return None


def antonym(text: str, rng: random.Random, which: int | None = None,
            **_: object) -> str | None:
    return _sub_word(text, _keep_case_lookup(ANTONYMS, which), rng)


def cohyponym(text: str, rng: random.Random, which: int | None = None,
              **_: object) -> str | None:
    def look(word: str) -> str | None:
        cls = _CLASS_OF.get(word) or _CLASS_OF.get(word.lower())
        if cls is None or (which is not None and half(word.lower()) != which):
            return None
        return rng.choice([w for w in cls if w.lower() != word.lower()])

    return _sub_word(text, look, rng)


def attribution(text: str, rng: random.Random, **_: object) -> str | None:
    for pattern in _ATTRIBUTIONS:
        if m := pattern.match(text.strip()):
            body = m.group("body").strip(" ,\"“”")
            body = body[0].upper() + body[1:]
            return body if body.endswith((".", "!", "?")) else body + "."
    return None


def addition(text: str, rng: random.Random, **_: object) -> str | None:
    """An unsupported qualifier at the end of the sentence (not after a quotation)."""
    text = text.rstrip()
    extra = rng.choice(_ADDITIONS)
    if not text.endswith(".") or re.search(r"[\"“”]", text) or extra in text:
        return None
    return text[:-1] + " " + extra + "."


PERTURBATIONS: dict[str, Callable[..., str | None]] = {
    "number_swap": number_swap,
    "date_swap": date_swap,
    "entity_swap": entity_swap,
    "role_swap": role_swap,
    "negation": negation,
    "antonym": antonym,
    "cohyponym": cohyponym,
    "attribution": attribution,
    "addition": addition,
}


# ---------------------------------------------------------------- faithful rewrites


def compression(text: str, rng: random.Random, **_: object) -> str | None:
    for pattern in rng.sample(_COMPRESS, len(_COMPRESS)):
        if m := pattern.search(text):
            out = text[: m.start()] + text[m.end():]
            if m.group().startswith(", ") and m.group().endswith(","):
                # An appositive between commas: both commas go.
                out = text[: m.start()] + " " + text[m.end():].lstrip()
            out = out.strip()
            out = out[0].upper() + out[1:]
            return out if len(out.split()) >= 5 and out != text else None
    return None


def paraphrase(text: str, rng: random.Random, **_: object) -> str | None:
    out = text
    for _ in range(2):
        new = _sub_word(out, _keep_case_lookup(SYNONYMS, None), rng)
        if new:
            out = new
    return out if out != text else None


FAITHFUL: dict[str, Callable[..., str | None]] = {
    "compression": compression,
    "paraphrase": paraphrase,
}
