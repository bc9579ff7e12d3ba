"""Keep, repair, replace or drop each drafted sentence, with the reasons.

1. kept: the drafted sentence is supported by the union of its cited spans;
2. repaired: it is not, but other sentences of its fact support it, so its
   citations are re-pointed there;
3. replaced: no span supports it, so the fact's best-supported source
   sentence stands in for it, verbatim, and the draft goes to `dropped`;
4. dropped: nothing can stand in.

Each item keeps only the citations that support it on their own (or, when
none does alone, the union that does), and `sources` counts their sources:
distinct outlets where known, each document of unknown outlet on its own.
"""

from __future__ import annotations

import re
from collections import Counter

from summarizer.language.text import ends_sentence
from summarizer.models import (
    Candidate,
    Citation,
    Corpus,
    Dropped,
    Fact,
    Item,
    Plan,
    Sentence,
    Verdict,
)
from summarizer.segment import is_reported, problem
from summarizer.verifier.concise import CONCISE_WORDS, filing_end, shorter_forms
from summarizer.verifier.decide import check, check_with_rules, for_sources

# A drafted sentence must do better than the verifier's general threshold: the
# model was told to use only the sources' words, so any content word that no
# cited span (or synonym) covers is a sign it invented something. The bar is on the
# rules' own score (the share of content words covered, scaled down per error), which
# keeps its meaning when the entailment model turns check()'s score into a probability.
DRAFT_MIN_SCORE = 0.9


def verify(
    drafts: list[Candidate | Dropped], plan: Plan, corpus: Corpus
) -> tuple[list[Item], list[Dropped]]:
    """Each draft kept, repaired or replaced as an item, or dropped with its reasons."""
    facts = {f.fact_id: f for f in plan.facts}
    items: list[Item] = []
    dropped: list[Dropped] = []
    for candidate in drafts:
        if isinstance(candidate, Dropped):
            dropped.append(candidate)
            continue
        fact = facts[candidate.fact_id]
        sentences, reported = _sources(fact, corpus)
        item, lost = verify_candidate(candidate, sentences, fact, reported)
        if item is not None:
            items.append(item)
        if lost is not None:
            dropped.append(lost)
    return _ranked(items, plan), dropped


def quote(plan: Plan, corpus: Corpus) -> list[Item]:
    """The brief without a model (`--draft never`): each planned fact's best-supported
    source sentence, verbatim, as verification would choose it for an unsupported draft."""
    items = []
    for fact in plan.facts:
        sentences, reported = _sources(fact, corpus)
        if (item := best_source_item(sentences, fact, reported)) is not None:
            items.append(item)
    return _ranked(items, plan)


def _sources(fact: Fact, corpus: Corpus) -> tuple[list[Sentence], frozenset[str]]:
    """A fact's sentences, and those of them that quote or report someone."""
    sentences = [corpus.sentence(sid) for sid in fact.sentence_ids]
    reported = frozenset(s.sentence_id for s in sentences
                         if is_reported(s, corpus.doc(s.doc_id).document.text))
    return sentences, reported


def _ranked(items: list[Item], plan: Plan) -> list[Item]:
    order = {f.fact_id: i for i, f in enumerate(plan.facts)}
    return sorted(items, key=lambda it: (-it.sources, order[it.fact_id]))


def verify_candidate(
    candidate: Candidate, sentences: list[Sentence], fact: Fact,
    reported: frozenset[str] = frozenset(),
) -> tuple[Item | None, Dropped | None]:
    """The item that survives verification, and the draft lost on the way, if any.

    `reported` names the fact's sentences that quote or report someone: an
    item backed by one of them must keep its speaker (`summarizer/segment/standalone.py`).
    """
    cited = [c.evidence for c in candidate.citations]
    result, rule_score = check_with_rules(candidate.text, cited)
    if result.supported and rule_score < DRAFT_MIN_SCORE:
        result = result.model_copy(update={"supported": False})
    complete = ends_sentence(candidate.text)
    alone = (problem(candidate.text, bool(reported))
             or drafting_slip(candidate.text, [s.text for s in sentences])) if complete else None
    if complete and not alone:
        # Kept as drafted if its own citations hold; else the same search re-points them.
        first = result.reasons[0] if result.reasons else "no content words"
        origin, changes = (candidate.origin, ()) if result.supported else (
            "repaired", (f"citations re-pointed; the cited spans did not support it ({first})",)
        )
        item = _item(candidate.text, sentences, fact, origin, changes)
        if item is not None:
            return concise(item, sentences, fact, bool(reported)), None
    if not complete:
        why_lost: tuple[str, ...] = ("not a complete sentence",)
    elif not candidate.citations:
        why_lost = ("the model cited no source",)
    elif alone:
        why_lost = (f"does not stand alone: {alone}",)
    else:
        why_lost = result.reasons or ("no content words to check",)
    lost = Dropped(text=candidate.text, citations=candidate.citations, reasons=why_lost)
    replaced = best_source_item(sentences, fact, reported, replacing=True)
    if replaced is not None:
        reasons = (*why_lost, "replaced by a source sentence")
        return replaced, lost.model_copy(update={"reasons": reasons})
    return None, lost


def best_source_item(
    sentences: list[Sentence], fact: Fact, reported: frozenset[str], replacing: bool = False,
) -> Item | None:
    """The fact's best-supported source sentence that stands alone, as an item, verbatim:
    what stands in for an unsupported draft (`replacing`: "replaced"), or, with no draft
    at all (`--draft never`), the fact's item as its sources say it ("quoted")."""
    origin, changes = (("replaced", ("the draft was unsupported",)) if replacing
                       else ("quoted", ()))
    for source in best_supported(sentences):
        if problem(source.readable, bool(reported)):
            continue
        item = _item(source.readable, sentences, fact, origin, changes, for_sources())
        if item is not None:
            return concise(item, sentences, fact, bool(reported))
    return None


def concise(item: Item, sentences: list[Sentence], fact: Fact, reported: bool) -> Item:
    """The item without its dateline, and in fewer words where a cut keeps it true
    (`concise.py`), if still verified against as many sources; else the item as it was."""
    forms = []
    if start := filing_end(item.text):
        bare = item.text[start:]
        forms.append(bare[0].upper() + bare[1:])
    text = forms[0] if forms else item.text
    if len(text.split()) > CONCISE_WORDS:
        forms = shorter_forms(text) + forms
    # A source's sentence cut at its commas is still the source's words; a draft is not.
    signals = for_sources() if item.origin in ("quoted", "replaced") else None
    for form in forms:
        if problem(form, reported):
            continue
        changes = (*item.changes, "shortened: cut where the cut keeps it true, then verified")
        short = _item(form, sentences, fact, item.origin, changes, signals)
        if short is not None and short.sources >= item.sources:
            return short
    return item


# Words of the prompt's own task: in a draft but in none of its sources, they mean the model
# wrote about its instructions ("The sentences support the fact that...").
_TASK_WORDS = frozenset("sentence sentences source sources fact facts support supports "
                        "supported supporting claim claims evidence citation citations cited "
                        "summary summarize summarise".split())
_WORD = re.compile(r"[a-z]+(?:['’][a-z]+)?")
REPEAT_WORDS = 5  # a run of this many words said twice, which no source says twice


def drafting_slip(text: str, sources: list[str]) -> str | None:
    """Why a drafted sentence is the model's slip rather than the news, or None.

    >>> drafting_slip("The sentences support the fact that Mia is quitting drugs.",
    ...               ["Mia is quitting drugs cold turkey."])
    "speaks of its task ('fact', 'sentences', 'support'), not of the news"
    >>> drafting_slip("The foot was not described, despite its size, the foot was not described.",
    ...               ["Despite its size, the foot was not described."])
    "repeats itself: 'the foot was not described'"
    >>> drafting_slip("Kim ordered new factories.", ["Kim ordered new factories."]) is None
    True
    """
    words = _WORD.findall(text.lower())
    said = {w for source in sources for w in _WORD.findall(source.lower())}
    task = sorted({w for w in words if w in _TASK_WORDS} - said)
    if task:
        return f"speaks of its task ({', '.join(map(repr, task))}), not of the news"
    runs = Counter(tuple(words[i:i + REPEAT_WORDS]) for i in range(len(words) - REPEAT_WORDS + 1))
    for run, count in runs.items():
        phrase = " ".join(run)
        if count > 1 and not any(source.lower().count(phrase) > 1 for source in sources):
            return f"repeats itself: '{phrase}'"
    return None


def _item(
    text: str, sentences: list[Sentence], fact: Fact, origin: str, changes: tuple[str, ...],
    disabled: frozenset[str] | None = None,
) -> Item | None:
    """An item citing the fact's sentences that support `text`, or None if none does
    (`disabled`: signals left out, as for `check`)."""
    support = supporting_citations(text, sentences, disabled)
    if not support:
        return None
    evidence = [c.evidence for c in support]
    result, rule_score = check_with_rules(text, evidence, disabled)
    if rule_score < DRAFT_MIN_SCORE:
        return None
    verdict = Verdict(supported=result.supported, score=result.score, reasons=result.reasons)
    by_id = {s.sentence_id: s for s in sentences}
    cited = [by_id[c.sentence_id] for c in support]
    return Item(
        text=text,
        citations=support,
        sources=len({s.source for s in cited}),
        outlets=tuple(sorted({s.source for s in cited if s.source != s.doc_id})),
        verdict=verdict,
        fact_id=fact.fact_id,
        origin=origin,  # type: ignore[arg-type]
        changes=changes,
    )


def supporting_citations(text: str, sentences: list[Sentence],
                         disabled: frozenset[str] | None = None) -> tuple[Citation, ...]:
    """Sentences that support `text` alone; else the union that does; else nothing.

    Sentences that support it alone are all kept (each is one more source);
    when none does, the smallest union that does is cited instead.
    """
    alone = [s for s in sentences if check(text, [s.readable], disabled).supported]
    if alone:
        return tuple(Citation.of(s) for s in alone)
    result = check(text, [s.readable for s in sentences], disabled)
    if result.supported:
        return tuple(Citation.of(sentences[i]) for i in sorted(result.evidence_index))
    return ()


def best_supported(sentences: list[Sentence]) -> list[Sentence]:
    """Source sentences ordered by how many of the fact's other sentences support them.

    The sentence that most sources back is what they agree on; among equals, the
    one whose words the others cover best, then the first in reading order. A
    rejected draft has no say in it: the sentence standing in for it is the one
    `--draft never` quotes, so the brief does not hang on what a failed draft
    happened to say (a server's batching, say, or another model).
    """

    def rank(s: Sentence) -> tuple[int, float, str]:
        results = [check(s.readable, [o.readable], for_sources()) for o in sentences
                   if o is not s]
        backers = sum(r.supported for r in results)
        mean = sum(r.score for r in results) / len(results) if results else 0.0
        return -backers, -mean, s.sentence_id

    return sorted(sentences, key=rank)
