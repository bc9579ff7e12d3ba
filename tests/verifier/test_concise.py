"""Concise items: a long source sentence loses only parts whose cut keeps it true, and the
shorter form must still be verified against as many sources."""

from __future__ import annotations

import pytest

from summarizer.models import Fact, Sentence
from summarizer.verifier.concise import shorter_forms
from summarizer.verifier.verify_drafts import best_source_item


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # each has a clause that may go, and one that limits, sources or conditions it
        ("The union will strike in every plant across the country next week, bringing "
         "production to a halt, if the talks fail by Friday.", "if the talks fail"),
        ("Net profit rose 40 percent to 3 billion dollars in the year to March, lifting the "
         "shares, excluding the one-time charges for the closures.", "excluding the one-time"),
        ("The death toll has risen to more than 300 people in the north, making it the worst "
         "flood in decades, based on figures from an opposition group.", "based on figures"),
        ("The plant will close at the end of the year, costing 900 jobs, pending approval by "
         "the regulators in the capital.", "pending approval"),
        ("Prices will rise by ten percent across the country, hitting the poorest families "
         "hardest, according to the central bank.", "according to the central bank"),
    ],
)
def test_what_limits_or_attributes_is_never_cut(text: str, kept: str) -> None:
    forms = shorter_forms(text)
    assert forms, "the clause that adds to the sentence may go"
    assert all(kept in form for form in forms)


def test_no_cut_inside_a_quotation_nor_of_an_opening_that_conditions() -> None:
    assert shorter_forms('"The treaty, which we signed with great hopes in Geneva, is now '
                         'dead and buried for good," the foreign minister told reporters.') == []
    assert shorter_forms("In the event of a strike by the teachers next month, the city will "
                         "close every school in the district for a week.") == []
    assert shorter_forms("In his view, the war in the north of the country is already lost "
                         "and the army should withdraw from the region.") == []


@pytest.mark.parametrize(
    ("text", "shortest"),
    [
        # a relative clause speaks of its own noun: it goes, quotation and all
        ("Kim visited several munitions factories alongside senior officials, where he "
         "instructed personnel to prepare for the \"missile and artillery forces.\"",
         "Kim visited several munitions factories alongside senior officials."),
        # the comma that closes a list is not the end of the clause
        ("Kim, who met Lee, Park and Moon, said the talks would go on.", None),
        ("Kim bought firms, including Acme, Beta and Gamma.", None),
        ("Kim bought the firms in Seoul last week, including Acme and Beta.",
         "Kim bought the firms in Seoul last week."),
        # a participle that says whose word it is stays
        ("Prices rose sharply in May, citing the central bank.", None),
    ],
)
def test_where_a_clause_ends(text: str, shortest: str | None) -> None:
    forms = shorter_forms(text)
    assert (forms[0] if forms else None) == shortest


def test_an_added_clause_goes_and_the_speaker_stays() -> None:
    text = ("North Korean leader Kim Jong Un has ordered the expansion of missile production for "
            "the coming year, directing the construction of additional factories to meet demand, "
            "state media reported Friday.")
    assert shorter_forms(text)[0] == (
        "North Korean leader Kim Jong Un has ordered the expansion of missile production for "
        "the coming year, state media reported Friday.")


def _sentence(doc: str, text: str) -> Sentence:
    return Sentence(sentence_id=f"{doc}-s000", doc_id=doc, index=0, start=0, end=len(text),
                    text=text)


def test_a_long_item_is_shortened_only_when_as_many_sources_back_it() -> None:
    long = _sentence("a", "Kim Jong Un ordered the expansion of missile production for the "
                          "coming year on Friday, directing the construction of new factories "
                          "in three provinces to meet surging demand.")
    other = _sentence("b", "Kim Jong Un ordered the expansion of missile production for the "
                           "coming year on Friday.")
    fact = Fact(fact_id="f1", sentence_ids=("a-s000", "b-s000"), sources=2, centrality=1.0)
    item = best_source_item([long, other], fact, frozenset())
    assert item is not None
    assert len(item.text.split()) <= 25 and item.sources == 2
    lone = best_source_item([long], fact.model_copy(update={"sentence_ids": ("a-s000",),
                                                             "sources": 1}), frozenset())
    assert lone is not None and lone.text.startswith("Kim Jong Un ordered the expansion")
    assert "directing" not in lone.text
    assert any("shortened" in change for change in lone.changes)
