"""Grouping sentences of different documents into facts, and number conflicts."""

from __future__ import annotations

import pytest

from summarizer.models import Corpus, Fact, Grouping
from summarizer.stories import group as group_module
from summarizer.stories.group import counted_things, find_conflicts, group


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("around 15,000 troops and an 8,700-ton submarine", {"troop": "15,000", "ton": "8,700"}),
        ("sent 12000 soldiers", {"soldier": "12000"}),
        ("2.5 percent growth", {"percent": "2.5"}),
        ("5 of the 20 missiles", {"missil": "20"}),  # 'of' counts nothing
        ("15,000 troops, later 20,000 troops", {"troop": "15,000"}),  # first one per unit
        ("Kim spoke in 2026, then left", {}),  # a comma is not a unit
        ("no numbers here", {}),
    ],
)
def test_counted_things(text: str, expected: dict[str, str]) -> None:
    assert counted_things(text) == expected


def test_same_fact_from_three_sources_is_one_fact(make_corpus) -> None:
    corpus = make_corpus(
        "Kim Jong Un ordered new missile factories on Friday.\nHeavy rain hit Java.\n",
        "On Friday Kim Jong Un ordered new missile factories to be built.\n",
        "Kim Jong Un has ordered new missile factories, state media said Friday.\n",
        marked=False,
    )
    grouping = group(corpus)
    first = grouping.facts[0]
    assert first.fact_id == "f001"
    assert first.sentence_ids == ("doc0-s000", "doc1-s000", "doc2-s000")
    assert first.sources == 3
    assert first.centrality > 0.3
    assert [f.sentence_ids for f in grouping.facts[1:]] == [("doc0-s001",)]
    assert grouping.facts[1].sources == 1
    assert grouping.conflicts == ()


def test_unrelated_sentences_stay_apart(make_corpus) -> None:
    corpus = make_corpus(
        "Kim ordered new missile factories.\n",
        "Heavy rain flooded the rice fields of Java.\n",
        marked=False,
    )
    facts = group(corpus).facts
    assert sorted(f.sentence_ids for f in facts) == [("doc0-s000",), ("doc1-s000",)]
    assert all(f.sources == 1 and f.centrality == 0.0 for f in facts)


def test_threshold_is_what_joins_sources(make_corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = make_corpus(
        "Kim Jong Un ordered new missile factories on Friday.\n",
        "On Friday Kim Jong Un ordered new missile factories to be built.\n",
        marked=False,
    )
    assert group(corpus).facts[0].sources == 2
    monkeypatch.setattr(group_module, "SAME_FACT", 1.01)
    assert [f.sources for f in group(corpus).facts] == [1, 1]


def test_at_most_one_sentence_per_document(make_corpus) -> None:
    corpus = make_corpus(
        "Kim ordered new missile factories.\nKim ordered new missile factories soon.\n",
        "Kim ordered new missile factories today.\n",
        marked=False,
    )
    grouping = group(corpus)
    for fact in grouping.facts:
        docs = [sid.rsplit("-s", 1)[0] for sid in fact.sentence_ids]
        assert len(docs) == len(set(docs))
    assert sorted(len(f.sentence_ids) for f in grouping.facts) == [1, 2]


def test_noise_is_never_grouped(make_corpus) -> None:
    corpus = make_corpus(
        "Kim Orders Missile Factories\nKim ordered new missile factories.\n",
        "Kim ordered new missile factories today.\n",
        marked=False,
    )
    ids = {sid for f in group(corpus).facts for sid in f.sentence_ids}
    assert "doc0-s000" not in ids
    assert ids == {"doc0-s001", "doc1-s000"}


def test_empty_corpus() -> None:
    assert group(Corpus(documents=())) == Grouping(facts=(), conflicts=())


def test_conflicting_numbers_are_reported(make_corpus) -> None:
    corpus = make_corpus(
        "North Korea has sent around 15,000 troops to support Russia's war.\n",
        "North Korea has sent around 12,000 troops to support Russia's war.\n",
        "North Korea has sent around 15000 troops to support Russia's war.\n",
        marked=False,
    )
    grouping = group(corpus)
    assert grouping.facts[0].sources == 3
    (conflict,) = grouping.conflicts
    assert conflict.fact_id == grouping.facts[0].fact_id
    assert conflict.unit == "troop"
    assert conflict.values == {
        "doc0-s000": "15,000",
        "doc1-s000": "12,000",
        "doc2-s000": "15000",
    }


@pytest.mark.parametrize(("one", "other"), [
    # the same number written two ways
    ("North Korea has sent around 15,000 troops to Russia.",
     "North Korea has sent around 15000 troops to Russia."),
    # numbers of different things that share a unit
    ("Each Bluefin-21 mission will last 24 hours, with time spent on the ocean floor.",
     "The Bluefin-21 takes two hours to dive to the ocean floor."),
])
def test_no_conflict(make_corpus, one: str, other: str) -> None:
    corpus = make_corpus(f"{one}\n", f"{other}\n", marked=False)
    fact = Fact(fact_id="f009", sentence_ids=("doc0-s000", "doc1-s000"), sources=2, centrality=1)
    assert find_conflicts(fact, corpus) == []


def test_one_source_giving_two_numbers_is_no_conflict(make_corpus) -> None:
    corpus = make_corpus(
        "North Korea has sent around 15,000 troops to Russia.\n",
        "North Korea has sent around 12,000 troops to Russia.\n",
        marked=False,
    )
    same = corpus.model_copy(update={"documents": tuple(
        d.model_copy(update={"sentences": tuple(s.model_copy(update={"source": "example.com"})
                                                for s in d.sentences)})
        for d in corpus.documents)})
    fact = Fact(fact_id="f011", sentence_ids=("doc0-s000", "doc1-s000"), sources=1, centrality=1)
    assert len(find_conflicts(fact, corpus)) == 1
    assert find_conflicts(fact, same) == []


# ---------------------------------------------------------------- the seeds


@pytest.fixture(scope="module")
def seed_grouping(seed_corpus) -> Grouping:
    return group(seed_corpus)


def test_seed_facts_partition_the_body(seed_corpus, seed_grouping) -> None:
    grouped = [sid for f in seed_grouping.facts for sid in f.sentence_ids]
    assert sorted(grouped) == sorted(s.sentence_id for s in seed_corpus.body())
    assert len(grouped) == len(set(grouped))


def test_seed_facts_are_well_formed(seed_grouping) -> None:
    facts = seed_grouping.facts
    assert [f.fact_id for f in facts] == [f"f{i:03d}" for i in range(1, len(facts) + 1)]
    for f in facts:
        docs = [sid.rsplit("-s", 1)[0] for sid in f.sentence_ids]
        assert len(docs) == len(set(docs)) == f.sources
        assert list(f.sentence_ids) == sorted(f.sentence_ids)
        assert 0.0 <= f.centrality <= 1.0
    assert max(f.sources for f in facts) == 4
    assert sum(f.sources >= 2 for f in facts) >= 8


def test_seed_quote_is_one_fact_across_four_sources(seed_grouping, seed_sentence) -> None:
    quote = "“The missile and shell production sector is of paramount importance"
    members = {
        seed_sentence("000", quote).sentence_id,
        seed_sentence("001", quote).sentence_id,
        seed_sentence("002", "The missile and shell production sector").sentence_id,
        seed_sentence("003", "He characterized the missile and shell production").sentence_id,
    }
    (fact,) = [f for f in seed_grouping.facts if members & set(f.sentence_ids)]
    assert set(fact.sentence_ids) == members
    assert fact.fact_id == "f001"


def test_seed_grouping_is_deterministic(seed_corpus, seed_grouping) -> None:
    assert group(seed_corpus) == seed_grouping
