"""Small hand-made word lists for the verifier: synonyms, opposites, closed classes.

Everything here is general news English, written as plain words and turned
into Snowball stems on import, so that inflections match. The lists are kept
short on purpose: a synonym that is too loose lets a wrong claim through.
"""

from __future__ import annotations

from importlib.resources import files

import snowballstemmer

from summarizer.language.text import STOPWORDS

_STEMMER = snowballstemmer.stemmer("english")


def _stem(word: str) -> str:
    return _STEMMER.stemWord(word.lower())


# Words that news writers swap for each other without changing the fact.
# One group a line; a word may sit in more than one group.
_SYNONYMS = """
say tell state report announce add note remark comment claim
order instruct direct command call demand urge
directive order instruction command
build construct erect
construction building
plant factory facility works enterprise
production output manufacturing
produce make manufacture
increase expand boost raise grow rise enlarge heighten step-up
increase expansion growth rise boost
reduce cut lower decrease shrink curb
great significant substantial major large big huge considerable
significantly greatly substantially sharply considerably
small minor little slight
need demand requirement
satisfy meet fulfil fulfill
growing rising increasing mounting
visit tour inspect
linked tied connected related associated
accuse charge allege
allegation accusation claim charge
violate breach break flout
suggest indicate signal show imply
expect anticipate foresee
continue sustain persist continued sustained ongoing
beyond after
prepare ready
key major main important principal
core central key main
part element component
see regard consider view deem
comment remark statement
officials authorities
military army forces troops
soldier troop
weapon arm armament
kill slay
die dead death
injure wound hurt
help aid assist support
begin start launch commence initiate
end finish conclude halt stop cease
buy purchase acquire
sell vend
show display demonstrate
try attempt seek
get obtain receive gain acquire
give provide supply offer grant
use employ utilise utilize
keep maintain retain
leave depart exit quit
choose select pick elect
nation country state
government administration
company firm business corporation
chief head leader
president leader
job post position role
car vehicle automobile
child kid
people persons individuals
woman lady
man gentleman
fight battle combat clash
attack assault strike raid
arrest detain
jail prison
law legislation
rule regulation
talk discussion negotiation
meeting summit
ban prohibit bar forbid
allow permit let enable
plan scheme programme program
aim goal target objective
rapid fast quick swift
rapidly quickly swiftly fast
big large
about approximately around roughly nearly almost some
also too additionally
enough sufficient
sure certain
hard difficult
easy simple
whole entire
entirely completely fully totally
often frequently
close near
closely nearly
area region zone
town city
home house residence
picture photo image photograph
film movie
medic doctor physician
hospital clinic
vote ballot
probe investigation inquiry
investigate probe examine
reveal disclose
hit strike
award prize
record document
cause trigger spark
warn caution
fear concern worry
angry furious
happy glad pleased
wealthy rich
poor impoverished
modern contemporary
ancient old
nuclear atomic
missile rocket
shell ammunition munition
agreement deal accord pact treaty
""".strip().splitlines()

# Several words standing for one: applied to lower-cased text before tokens are taken.
PHRASES: dict[str, str] = {
    "armed forces": "military",
    "get ready": "prepare",
    "gets ready": "prepares",
    "got ready": "prepared",
    "getting ready": "preparing",
    "coming year": "next year",
    "set up": "establish",
    "carry out": "conduct",
    "carried out": "conducted",
    "take part": "participate",
    "took part": "participated",
    "pass away": "die",
    "passed away": "died",
    "step up": "increase",
    "stepped up": "increased",
    "scale up": "increase",
    "scaled up": "increased",
    "scale back": "reduce",
    "scaled back": "reduced",
    "scaled-back": "reduced",
    "keep up with": "match",
    "keep pace with": "match",
    "united states": "us",
    "united kingdom": "uk",
    "great britain": "uk",
    "united nations": "un",
    "european union": "eu",
    "per cent": "percent",
}

# What news writers say for a country beyond its names, capital and demonym
# (which `countryinfo` supplies): the seat of government, older spellings.
_PLACE_EXTRAS = {
    "United States": "us usa america americans washington",
    "United Kingdom": "uk britain briton britons",
    "Russia": "kremlin",
    "Ukraine": "kiev",
    "India": "delhi",
}


def _place_words(text: str) -> str | None:
    """A name as one word: multi-word names are joined, so that "North Korea" and
    "South Korea" share no word; None for codes and non-English spellings."""
    text = text.replace("’", "'").strip()
    if len(text) < 3 or text.isupper() or "," in text or not text.isascii():
        return None
    if not all(part.replace("-", "").replace("'", "").replace(".", "").isalpha()
               for part in text.split()):
        return None
    return "".join(text.split()).replace(".", "").lower()


def _countries() -> tuple[list[str], dict[str, str]]:
    """One line of words per country (its names, capital and demonym, as
    `_place_words`), and the phrases that join multi-word names into one word.

    The data is countryinfo's (MIT; 250 countries and territories, bundled, never
    fetched): a list anyone maintains is longer and fairer than one written here.
    """
    import countryinfo

    owner: dict[str, tuple[int, str]] = {}  # word -> (population, country) of its owner
    phrases: dict[str, str] = {}
    for country in countryinfo.all_countries():
        info = country.info()
        name, population = info.get("name", ""), info.get("population") or 0
        spellings = [name, info.get("demonym") or "", *info.get("altSpellings", [])]
        capital = info.get("capital") or []  # a few countries have two
        spellings += [capital] if isinstance(capital, str) else capital
        words = set(_PLACE_EXTRAS.get(name, "").split())
        for spelling in spellings:
            word = _place_words(spelling)
            if word is None:
                continue
            words.add(word)
            if " " in spelling.strip():
                phrases[" ".join(spelling.replace("\u2019", "'").lower().split())] = (
                    word.capitalize())
        # A word two countries share ("American" for the Northern Mariana Islands too)
        # stands for the more populous one only.
        for word in words:
            if owner.get(word, (-1, ""))[0] < population:
                owner[word] = (population, name)
    lines: dict[str, list[str]] = {}
    for word, (_, name) in sorted(owner.items()):
        lines.setdefault(name, []).append(word)
    return [" ".join(words) for words in lines.values()], phrases


_PLACES, PLACE_PHRASES = _countries()

# Pairs whose swap turns a statement into its opposite.
_ANTONYMS = """
expand cut|expand reduce|expand shrink|increase decrease|increase reduce|increase cut
rise fall|rise drop|rise decline|boost cut|deny admit|deny confirm|approve reject
accept reject|win lose|win defeat|rally fell|strengthen weaken|deepen weaken
higher lower|more fewer|more less|start end|begin end|open close|support oppose
accelerate slow|before after|earlier later|early late|increase fell|grow shrink
largest smallest|success fail|succeed fail|victory defeat|raise reduce|raise lower
raise cut|gain loss|gain lose|profit loss|up down|high low|strong weak|many few
positive negative|legal illegal|guilty innocent|convict acquit|alive dead|live die
offensive defensive|attack defend|ally enemy|friend enemy|peace war|maximum minimum
most least|best worst|better worse|first last|old new|older younger|oldest youngest
inside outside|import export|buy sell|hire fire|include exclude|lead trail|ahead behind
above below|over under|upper lower|north south|east west|left right|long short
expand contract|surge plunge|surge slump|soar plunge|climb fall|climb drop|hike cut
add remove|join leave|enter exit|arrive depart|appear disappear|agree disagree
like dislike|love hate|praise criticise|praise criticize|praise condemn|safe dangerous
rich poor|wealthy poor|cheap expensive|private public|domestic foreign|full empty
lift impose|allow ban|permit ban|allow forbid|legalise ban|legalize ban|ease tighten
release arrest|release detain|free jail|resign appoint|ally rival|majority minority
true false|correct incorrect|possible impossible|likely unlikely|able unable
""".replace("\n", "|").split("|")

# Closed classes: a claim word of a class that the evidence lacks, where the
# evidence has another word of the same class, is a substitution ("third" for
# "fourth", "Tuesday" for "Monday", "month" for "week").
_CLASSES = """
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
monday tuesday wednesday thursday friday saturday sunday
first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
early mid late
last next previous following
morning afternoon evening night overnight midnight noon
spring summer autumn winter fall
north south east west northern southern eastern western northeast northwest southeast southwest
minute hour day week month year decade century weekend
daily weekly monthly annual yearly quarterly
thousand million billion trillion
man woman men women male female boy girl husband wife father mother son daughter
brother sister king queen
gold silver bronze
""".strip().splitlines()
_MONTH_ABBREV = {
    "jan": "january", "feb": "february", "mar": "march", "apr": "april", "jun": "june",
    "jul": "july", "aug": "august", "sep": "september", "sept": "september",
    "oct": "october", "nov": "november", "dec": "december",
}


def _groups() -> dict[str, frozenset[str]]:
    """stem -> ids of the synonym groups it belongs to."""
    out: dict[str, set[str]] = {}
    for i, line in enumerate(_SYNONYMS):
        for word in line.split():
            out.setdefault(_stem(word), set()).add(f"~{i}")
    for i, line in enumerate(_PLACES):
        for word in line.split():
            out.setdefault(_stem(word), set()).add(f"@{i}")
    for abbrev, month in _MONTH_ABBREV.items():
        out.setdefault(_stem(abbrev), set()).add(_stem(month))
    return {k: frozenset(v) for k, v in out.items()}


SYNONYM_KEYS: dict[str, frozenset[str]] = _groups()

def _wordnet_antonyms() -> list[str]:
    """WordNet 3.0's antonym pairs of single words, every part of speech
    (`training/wordnet_antonyms.py`), as "word opposite" lines: opposites no one chose for
    this project's own cases."""
    table = files("summarizer.language").joinpath("antonyms.tsv")
    pairs = [line.split("\t")[:2]
             for line in table.read_text(encoding="utf-8").splitlines() if line]
    # A function word's WordNet opposite is of a sense it seldom has in running text ("on"
    # and "off" as adjectives, "still" against "sparkling"): as a preposition or adverb it
    # would read "influence on" as the opposite of "off the field". The hand list above
    # holds the function words' opposites that hold in news ("up"/"down", "more"/"less").
    return [" ".join(pair) for pair in pairs if not STOPWORDS.intersection(pair)]


ANTONYMS: dict[str, set[str]] = {}
for _pair in (*_ANTONYMS, *_wordnet_antonyms()):
    if not _pair.strip():
        continue
    _a, _b = (_stem(w) for w in _pair.split())
    if _a == _b:  # "increase"/"increased" stem alike: no pair to tell apart
        continue
    ANTONYMS.setdefault(_a, set()).add(_b)
    ANTONYMS.setdefault(_b, set()).add(_a)

# Nouns that name the act of a verb with an opposite: "an expansion" is the opposite of
# "a cut" as "expand" is. Snowball leaves "expansion" as "expans", far from "expand",
# so antonyms are also looked up under the verb.
_DERIVED = """
expansion expand|reduction reduce|contraction contract|growth grow|acceleration accelerate
approval approve|rejection reject|denial deny|admission admit|confirmation confirm
acceptance accept|failure fail|loss lose|opposition oppose|inclusion include
exclusion exclude|arrival arrive|departure depart|appearance appear
disappearance disappear|agreement agree|disagreement disagree|detention detain
resignation resign|appointment appoint|entry enter|removal remove
imposition impose|condemnation condemn|legalisation legalise
legalization legalize|acquittal acquit|conviction convict|closure close|slowdown slow
strengthening strengthen|weakening weaken|tightening tighten|easing ease|victory win
""".replace("\n", "|").split("|")
DERIVED: dict[str, str] = {}
for _pair in _DERIVED:
    if _pair.strip():
        _noun, _verb = (_stem(w) for w in _pair.split())
        if _noun != _verb:
            DERIVED[_noun] = _verb

CLASS_OF: dict[str, int] = {}
for _i, _line in enumerate(_CLASSES):
    for _w in _line.split():
        CLASS_OF.setdefault(_stem(_MONTH_ABBREV.get(_w, _w)), _i if _i != 1 else 0)
# Months and weekdays: a capitalised one is a date, never a name.
CALENDAR: frozenset[str] = frozenset(
    s for s, c in CLASS_OF.items() if c in (CLASS_OF[_stem("may")], CLASS_OF[_stem("monday")]))

NEGATING_PREFIXES = ("un", "non", "dis", "in", "im", "il", "ir")
