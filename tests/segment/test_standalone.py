"""Brief sentences that stand alone, and conflicts read by the quantity reader."""

from __future__ import annotations

import pytest

from summarizer.models import Fact, Sentence
from summarizer.segment.standalone import is_reported, pointing_back, problem, speaker_dropped
from summarizer.stories.group import counted_things, find_conflicts


@pytest.mark.parametrize(
    "text",
    [
        "He toured a facility linked to the construction of a submarine.",
        "It's fire, the officials said on Tuesday in the capital city.",
        "The remarks came during a visit to major munitions enterprises.",
        "The order comes as Pyongyang has increased its missile testing.",
        "KCNA reported that he toured a facility linked to a nuclear submarine.",
        "Kim made the remarks during a visit to major munitions enterprises.",
        "This comes after weeks of talks between the two governments.",
    ],
)
def test_sentences_that_point_back_are_caught(text: str) -> None:
    assert pointing_back(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kim Jong Un toured a facility linked to the construction of a submarine.",
        "Kim said he would build new munitions factories next year.",
        "This year's harvest was the smallest in a decade, officials said.",
        "Kim issued the order to build new factories during a visit.",
        "According to KCNA, Kim said he wants more missiles built.",
    ],
)
def test_sentences_with_their_own_subject_pass(text: str) -> None:
    assert pointing_back(text) is None


def test_a_fragment_is_no_fact() -> None:
    assert problem("It's fire.", reported=False)
    assert problem("Kim Jong Un ordered new missile factories on Friday.", reported=False) is None


@pytest.mark.parametrize(
    "text",
    [
        "North Korean leader Kim Jong Un visiting munitions enterprises at an undisclosed place.",
        "People clinging to buses.",
        "Police scanning the submarine for clues.",
    ],
)
def test_a_caption_is_no_fact(text: str) -> None:
    assert problem(text, reported=False) == "a caption: no verb states anything"


@pytest.mark.parametrize(
    "text",
    [
        "An officer responding to the scene saw one of the men stab a protester.",
        "Other countries boycotting the conference include France and Norway.",
        "Drug dealing remains a powerful temptation.",
        "Workers searching the rubble found two survivors on Friday.",
        "After an hour of searching, a helicopter crew spotted the swimmer.",
        "Fans cheering the team marched through Oslo on Monday.",
        "Rescuers searching the rubble say they're hopeful.",
    ],
)
def test_a_sentence_with_a_participle_is_no_caption(text: str) -> None:
    assert problem(text, reported=False) is None


def test_a_question_is_no_fact() -> None:
    assert problem("Have we had in modern times a president who was so out of his depth?",
                   reported=False) == "a question, not a statement of fact"
    assert problem("“Is this the time to buy Tesla shares?”", reported=False)
    assert problem('"Why now?" the senator asked on Monday.', reported=True) is None


def sentence(text: str, doc: str) -> Sentence:
    start = doc.index(text)
    return Sentence(sentence_id="d-s001", doc_id="d", index=1, start=start,
                    end=start + len(text), text=text)


def test_a_quote_without_marks_inside_a_quoted_paragraph_is_reported() -> None:
    doc = "Kim spoke at the plant.\n“We must build more. The sector is vital to deterrence.”\n"
    assert is_reported(sentence("The sector is vital to deterrence.”", doc), doc)
    plain = "Kim spoke at the plant.\nThe sector employs many thousands of workers.\n"
    assert not is_reported(sentence("The sector employs many thousands of workers.", plain),
                           plain)


def test_a_reported_claim_keeps_its_speaker() -> None:
    bare = "The sector is of paramount importance in bolstering the war deterrent."
    assert speaker_dropped(bare, reported=True)
    assert speaker_dropped(bare, reported=False) is None
    assert speaker_dropped("Kim said the sector is of paramount importance.", True) is None
    assert speaker_dropped("“The sector is of paramount importance,” Kim said.", True) is None


def test_fifteen_thousand_against_twelve_thousand_is_a_conflict(make_corpus) -> None:
    assert counted_things("about 15 thousand troops") == {"troop": "15 thousand"}
    assert counted_things("fifteen thousand troops") == {"troop": "fifteen thousand"}
    corpus = make_corpus(
        "North Korea has sent about 15 thousand troops to support Russia's war.\n",
        "North Korea has sent about 12,000 troops to support Russia's war.\n",
        "North Korea has sent about fifteen thousand troops to support Russia's war.\n",
        marked=False,
    )
    ids = ("doc0-s000", "doc1-s000", "doc2-s000")
    fact = Fact(fact_id="f001", sentence_ids=ids, sources=3, centrality=1.0)
    (conflict,) = find_conflicts(fact, corpus)
    assert conflict.values == {"doc0-s000": "15 thousand", "doc1-s000": "12,000",
                               "doc2-s000": "fifteen thousand"}
    for citation in conflict.citations:
        text = corpus.doc(citation.doc_id).document.text
        assert text[citation.start:citation.end] == citation.cited_text
    same = Fact(fact_id="f002", sentence_ids=(ids[0], ids[2]), sources=2, centrality=1.0)
    assert find_conflicts(same, corpus) == []
