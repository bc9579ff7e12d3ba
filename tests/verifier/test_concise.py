"""Concise items: a long source sentence loses only parts whose cut keeps it true, and the
shorter form must still be verified against as many sources."""

from __future__ import annotations

import pytest

from summarizer.models import Fact, Sentence
from summarizer.verifier.concise import shorter_forms
from summarizer.verifier.verify_drafts import best_source_item


@pytest.mark.parametrize(
    "text",
    [
        # a condition, a denial, the speaker, a quotation: never cut
        "The union will strike in every plant across the country next week, if the talks "
        "fail by Friday, its leaders said.",
        "The ministry denied the report on Monday, saying no troops had crossed the border.",
        "Prices will rise by ten percent across the country next year, according to the bank.",
        "The minister called the plan a disaster, adding that ``nobody wanted it.''",
    ],
)
def test_what_limits_or_attributes_is_never_cut(text: str) -> None:
    for form in shorter_forms(text):
        for kept in ("if the talks", "no troops", "according to the bank", "nobody wanted"):
            assert (kept in text) <= (kept in form)


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
