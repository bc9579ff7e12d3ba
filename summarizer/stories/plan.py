"""Choose what the brief covers and make sure each draft prompt fits the model.

Facts are ranked by weight, then centrality. A fact's weight is the number of
distinct sources that carry it, plus, when at least two do, the number that
open with it (in their first `LEAD` body sentence): news writing puts what
matters first, so a fact five outlets open with outweighs one five outlets
mention in passing. A lone source's opening gets no such weight: nothing
corroborates that it matters, and an opening sentence is often a long one.
A fact that repeats one already chosen is skipped as redundant, and so is one none of
whose sentences could stand alone in a brief (`standalone.py`). Every fact left out
is listed with its reason, so nothing is truncated silently.
"""

from __future__ import annotations

import numpy as np

from summarizer.language import tokens
from summarizer.language.similarity import tfidf_matrix
from summarizer.models import Corpus, Fact, Grouping, Plan, parse_sentence_id
from summarizer.segment import problem

# Cosine between facts above which the later one adds nothing new. 0.45: on the seeds, 0.5
# let two wordings of one order ("ordered the expansion of missile production", "called for
# a major increase in artillery production") fill two of eight items; DUC 2003 ROUGE-2 and
# Multi-News ROUGE-2 (60 dev clusters, no model) are the same at 0.5, 0.45 and 0.4.
REDUNDANT = 0.45
# A document's opening body sentences, where it says what matters most. 1: with 3, DUC 2003
# ROUGE-2 was a little higher (6.58 against 6.51, no model) but a Multi-News mix's items grew
# to a median of 27 words, since second and third sentences are long ones too.
LEAD = 1


def plan(grouping: Grouping, corpus: Corpus, max_items: int, prompt_budget: int) -> Plan:
    """Pick up to `max_items` facts whose sentences fit `prompt_budget` tokens each."""
    leading = leading_sources(grouping, corpus)
    ranked = sorted(grouping.facts, key=lambda f: (-weight(f, leading[f.fact_id]),
                                                   -f.centrality, f.fact_id))
    texts = {sid: corpus.sentence(sid).readable for f in ranked for sid in f.sentence_ids}
    vectors = _fact_vectors(ranked, texts)
    chosen: list[int] = []
    facts: list[Fact] = []
    omitted: dict[str, str] = {}
    for i, fact in enumerate(ranked):
        if len(facts) >= max_items:
            omitted[fact.fact_id] = f"beyond --max-items {max_items}"
            continue
        alone = _why_not_alone(fact, texts)
        if alone:
            omitted[fact.fact_id] = alone
            continue
        overlap = max((float(vectors[i] @ vectors[j]) for j in chosen), default=0.0)
        if overlap >= REDUNDANT:
            omitted[fact.fact_id] = f"redundant with a chosen fact (cosine {overlap:.2f})"
            continue
        sources = {sid: corpus.sentence(sid).source for sid in fact.sentence_ids}
        fitted = fit_fact(fact, texts, prompt_budget, sources)
        if fitted is None:
            omitted[fact.fact_id] = f"its first sentence alone exceeds {prompt_budget} tokens"
            continue
        if fitted != fact:
            dropped = len(fact.sentence_ids) - len(fitted.sentence_ids)
            omitted[fact.fact_id] = f"{dropped} of its sentences left out to fit the context"
        chosen.append(i)
        facts.append(fitted)
    estimate = sum(tokens.count(texts[sid]) for f in facts for sid in f.sentence_ids)
    return Plan(facts=tuple(facts), omitted=omitted, prompt_tokens=estimate)


def weight(fact: Fact, leading: int) -> int:
    """Sources that carry the fact, and when two or more do, those that open with it."""
    return fact.sources + (leading if fact.sources >= 2 else 0)


def leading_sources(grouping: Grouping, corpus: Corpus) -> dict[str, int]:
    """Fact ID -> how many distinct sources give the fact among their first `LEAD` sentences."""
    lead: dict[str, str] = {}
    for doc in corpus.documents:
        body = [s for s in doc.sentences if s.is_body][:LEAD]
        lead.update((s.sentence_id, s.source) for s in body)
    return {f.fact_id: len({lead[sid] for sid in f.sentence_ids if sid in lead})
            for f in grouping.facts}


def _why_not_alone(fact: Fact, texts: dict[str, str]) -> str | None:
    """Why no sentence of the fact could stand alone in a brief, or None if one can."""
    reasons = [problem(texts[sid], reported=False) for sid in fact.sentence_ids]
    if all(reasons):
        return f"no sentence of it stands alone ({reasons[0]})"
    return None


def _fact_vectors(facts: list[Fact], texts: dict[str, str]) -> np.ndarray:
    if not facts:
        return np.zeros((0, 0))
    joined = [" ".join(texts[sid] for sid in f.sentence_ids) for f in facts]
    return tfidf_matrix(joined).toarray()


def fit_fact(
    fact: Fact, texts: dict[str, str], budget: int, sources: dict[str, str] | None = None
) -> Fact | None:
    """The fact with as many of its sentences as fit `budget` tokens, in order.

    `sources` maps a sentence ID to what counts as its source (default: its document).
    """
    kept, used = [], 0
    for sid in fact.sentence_ids:
        cost = tokens.count(texts[sid]) + 8  # label and separators around each sentence
        if used + cost > budget:
            break
        kept.append(sid)
        used += cost
    if not kept:
        return None
    if len(kept) == len(fact.sentence_ids):
        return fact
    source_of = sources or {}
    count = len({source_of.get(sid, parse_sentence_id(sid)[0]) for sid in kept})
    return fact.model_copy(update={"sentence_ids": tuple(kept), "sources": count})
