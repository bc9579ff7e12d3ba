"""Choosing facts for the brief: ranking, redundancy, max items and the token budget."""

from __future__ import annotations

import pytest

from summarizer.language import tokens
from summarizer.models import Fact, Grouping
from summarizer.stories.group import group
from summarizer.stories.plan import REDUNDANT, fit_fact, leading_sources, plan, weight

A = "Kim Jong Un ordered new missile factories on Friday."
B = "On Friday Kim Jong Un ordered new missile factories to be built."
C = "Heavy rain flooded the rice fields of Java this week."
D = "Banana prices in Ecuador rose after a poor harvest season."


def fact(fact_id: str, *sentence_ids: str, sources: int | None = None, centrality: float = 0.5):
    docs = {sid.rsplit("-s", 1)[0] for sid in sentence_ids}
    return Fact(
        fact_id=fact_id,
        sentence_ids=sentence_ids,
        sources=len(docs) if sources is None else sources,
        centrality=centrality,
    )


@pytest.fixture
def corpus(make_corpus):
    # doc0: A, C; doc1: B, D; doc2: A again (a copy of the same sentence)
    return make_corpus(f"{A}\n{C}\n", f"{B}\n{D}\n", f"{A}\n", marked=False)


def test_ranked_by_sources_then_centrality_then_id(corpus) -> None:
    grouping = Grouping(
        facts=(
            fact("f001", "doc0-s001", centrality=0.9),
            fact("f002", "doc1-s001", centrality=0.2),
            fact("f003", "doc0-s000", "doc1-s000", centrality=0.1),
            fact("f004", "doc2-s000", centrality=0.2),
        )
    )
    chosen = plan(grouping, corpus, max_items=10, prompt_budget=10_000)
    # f004 repeats f003's words and comes after it
    assert [f.fact_id for f in chosen.facts] == ["f003", "f001", "f002"]
    assert list(chosen.omitted) == ["f004"]
    reason = chosen.omitted["f004"]
    assert reason.startswith("redundant with a chosen fact (cosine ")
    assert float(reason.rsplit(" ", 1)[1].rstrip(")")) >= REDUNDANT


def test_a_fact_sources_open_with_outranks_one_they_mention_later(make_corpus) -> None:
    filler = ("Farmers in Java planted rice this spring. Fishermen in Peru sold tuna at noon. "
              "Miners in Chile dug copper all week. ")
    corpus = make_corpus(f"{C} {filler}{A}", f"{D} {filler}{B}", marked=False)
    # Two sources carry each fact: both open with f002's sentences, and give f001's fourth.
    grouping = Grouping(facts=(fact("f001", "doc0-s004", "doc1-s004", centrality=0.9),
                               fact("f002", "doc0-s000", "doc1-s000", centrality=0.1)))
    chosen = plan(grouping, corpus, max_items=10, prompt_budget=10_000)
    assert [f.fact_id for f in chosen.facts] == ["f002", "f001"]
    # A lone source's opening is not corroborated: it weighs no more than its later sentence.
    lone = Grouping(facts=(fact("f001", "doc0-s004", centrality=0.9),
                           fact("f002", "doc1-s000", centrality=0.1)))
    chosen = plan(lone, corpus, max_items=10, prompt_budget=10_000)
    assert [f.fact_id for f in chosen.facts] == ["f001", "f002"]


def test_ties_are_broken_by_fact_id(corpus) -> None:
    grouping = Grouping(facts=(fact("f002", "doc1-s001"), fact("f001", "doc0-s001")))
    chosen = plan(grouping, corpus, max_items=10, prompt_budget=10_000)
    assert [f.fact_id for f in chosen.facts] == ["f001", "f002"]


def test_redundant_fact_is_omitted_with_its_cosine(corpus) -> None:
    grouping = Grouping(facts=(fact("f001", "doc0-s000"), fact("f002", "doc2-s000")))
    chosen = plan(grouping, corpus, max_items=5, prompt_budget=10_000)
    assert [f.fact_id for f in chosen.facts] == ["f001"]
    assert chosen.omitted == {"f002": "redundant with a chosen fact (cosine 1.00)"}


def test_max_items(corpus) -> None:
    grouping = Grouping(
        facts=(fact("f001", "doc0-s000"), fact("f002", "doc0-s001"), fact("f003", "doc1-s001"))
    )
    chosen = plan(grouping, corpus, max_items=1, prompt_budget=10_000)
    assert [f.fact_id for f in chosen.facts] == ["f001"]
    assert chosen.omitted == {
        "f002": "beyond --max-items 1",
        "f003": "beyond --max-items 1",
    }


def test_prompt_tokens_is_the_sum_over_chosen_sentences(corpus) -> None:
    grouping = Grouping(facts=(fact("f001", "doc0-s000", "doc1-s000"), fact("f002", "doc0-s001")))
    chosen = plan(grouping, corpus, max_items=5, prompt_budget=10_000)
    assert chosen.prompt_tokens == tokens.count(A) + tokens.count(B) + tokens.count(C)
    assert chosen.prompt_tokens > 20


def test_budget_too_small_for_any_sentence(corpus) -> None:
    grouping = Grouping(facts=(fact("f001", "doc0-s000"), fact("f002", "doc1-s001")))
    chosen = plan(grouping, corpus, max_items=5, prompt_budget=5)
    assert chosen.facts == ()
    assert chosen.prompt_tokens == 0
    assert chosen.omitted == {
        "f001": "its first sentence alone exceeds 5 tokens",
        "f002": "its first sentence alone exceeds 5 tokens",
    }


def test_partial_fit_keeps_the_fact_and_says_what_was_cut(corpus) -> None:
    budget = tokens.count(A) + 8 + tokens.count(B) + 8
    grouping = Grouping(facts=(fact("f001", "doc0-s000", "doc1-s000", "doc2-s000"),))
    chosen = plan(grouping, corpus, max_items=5, prompt_budget=budget)
    (kept,) = chosen.facts
    assert kept.sentence_ids == ("doc0-s000", "doc1-s000")
    assert kept.sources == 2
    assert chosen.omitted == {"f001": "1 of its sentences left out to fit the context"}


@pytest.mark.parametrize(
    ("extra", "kept"),
    [
        (0, ("doc0-s000", "doc1-s000", "doc0-s001")),  # exactly fits
        (-1, ("doc0-s000", "doc1-s000")),
        (None, ("doc0-s000",)),
    ],
)
def test_fit_fact(extra: int | None, kept: tuple[str, ...]) -> None:
    texts = {"doc0-s000": A, "doc1-s000": B, "doc0-s001": C}
    costs = [tokens.count(t) + 8 for t in texts.values()]
    budget = costs[0] + 1 if extra is None else sum(costs) + extra
    original = fact("f001", *texts)
    fitted = fit_fact(original, texts, budget)
    assert fitted is not None
    assert fitted.sentence_ids == kept
    assert fitted.sources == len({sid.split("-s")[0] for sid in kept})
    if len(kept) == 3:
        assert fitted is original


def test_fit_fact_none_when_first_sentence_does_not_fit() -> None:
    texts = {"doc0-s000": A}
    assert fit_fact(fact("f001", "doc0-s000"), texts, tokens.count(A) + 7) is None
    assert fit_fact(fact("f001", "doc0-s000"), texts, tokens.count(A) + 8) is not None


def test_empty_grouping(corpus) -> None:
    chosen = plan(Grouping(facts=()), corpus, max_items=5, prompt_budget=100)
    assert (chosen.facts, chosen.omitted, chosen.prompt_tokens) == ((), {}, 0)


def test_seed_plan(seed_corpus) -> None:
    grouping = group(seed_corpus)
    chosen = plan(grouping, seed_corpus, max_items=8, prompt_budget=1_500)
    assert len(chosen.facts) == 8
    leading = leading_sources(grouping, seed_corpus)
    weights = [weight(f, leading[f.fact_id]) for f in chosen.facts]
    assert weights == sorted(weights, reverse=True)
    sources = [f.sources for f in chosen.facts]
    assert sources[0] == 4
    assert min(sources) >= 2
    # every fact is either in the brief or listed with its reason
    planned = {f.fact_id for f in chosen.facts}
    assert planned | set(chosen.omitted) == {f.fact_id for f in grouping.facts}
    assert planned.isdisjoint(chosen.omitted)
    assert plan(grouping, seed_corpus, max_items=8, prompt_budget=1_500) == chosen
