"""Keep, repair, replace or drop each drafted sentence (scripted drafts, no model)."""

from __future__ import annotations

import pytest

from summarizer.models import Candidate, Citation, Corpus, Dropped, Fact, Plan
from summarizer.verifier import check
from summarizer.verifier.verify_drafts import (
    best_supported,
    supporting_citations,
    verify,
    verify_candidate,
)

S0 = "Kim Jong Un ordered new missile factories on Friday."
S1 = "On Friday, Kim Jong Un ordered the building of new missile factories."
S2 = "Analysts expect more missile tests next year."
CLAIM = "Kim Jong Un ordered new missile factories."


@pytest.fixture
def corpus(make_corpus) -> Corpus:
    return make_corpus(f"{S0}\nHeavy rain flooded Java.\n", f"{S1}\n", f"{S2}\n", marked=False)


FACT = Fact(
    fact_id="f001", sentence_ids=("doc0-s000", "doc1-s000", "doc2-s000"), sources=3, centrality=0.5
)
RAIN = Fact(fact_id="f002", sentence_ids=("doc0-s001",), sources=1, centrality=0.1)


@pytest.fixture
def sentences(corpus):
    return [corpus.sentence(sid) for sid in FACT.sentence_ids]


def candidate(text: str, cited, fact_id: str = "f001") -> Candidate:
    return Candidate(
        fact_id=fact_id,
        text=text,
        citations=tuple(Citation.of(s) for s in cited),
        raw=f"{text} " + " ".join(f"[{i}]" for i in range(1, len(cited) + 1)),
    )


def ids(citations) -> list[str]:
    return [c.sentence_id for c in citations]


def test_kept_when_its_citations_support_it(sentences) -> None:
    item, lost = verify_candidate(candidate(CLAIM, sentences[:1]), sentences, FACT)
    assert lost is None
    assert item.origin == "drafted"
    assert item.text == CLAIM
    assert item.changes == ()
    # every sentence that supports it alone is cited, each one more source
    assert ids(item.citations) == ["doc0-s000", "doc1-s000"]
    assert item.sources == 2
    assert item.verdict.supported and item.verdict.score == 1.0
    assert item.fact_id == "f001"


def test_citations_carry_exact_spans(corpus, sentences) -> None:
    item, _ = verify_candidate(candidate(CLAIM, sentences[:1]), sentences, FACT)
    for c in item.citations:
        text = corpus.doc(c.doc_id).document.text
        assert text[c.start : c.end] == c.cited_text


def test_repaired_when_other_sentences_of_the_fact_support_it(sentences) -> None:
    item, lost = verify_candidate(candidate(CLAIM, sentences[2:]), sentences, FACT)
    assert lost is None
    assert item.origin == "repaired"
    assert item.text == CLAIM
    assert ids(item.citations) == ["doc0-s000", "doc1-s000"]
    (change,) = item.changes
    assert change.startswith("citations re-pointed; the cited spans did not support it (")


def test_repaired_when_the_model_cited_nothing(sentences) -> None:
    item, lost = verify_candidate(candidate(CLAIM, []), sentences, FACT)
    assert lost is None
    assert item.origin == "repaired"
    assert item.changes == (
        "citations re-pointed; the cited spans did not support it (no evidence)",
    )


def test_replaced_by_a_source_sentence_when_nothing_supports_it(sentences) -> None:
    draft = candidate("Kim Jong Un ordered 40 new missile factories.", sentences[:1])
    item, lost = verify_candidate(draft, sentences, FACT)
    assert item.origin == "replaced"
    assert item.text == S0  # verbatim, the sentence the others back best
    assert item.changes == ("the draft was unsupported",)
    assert ids(item.citations) == ["doc0-s000", "doc1-s000"]
    assert (lost.text, lost.citations) == (draft.text, draft.citations)
    assert lost.reasons[0] == "numbers not in the evidence: 40"
    assert lost.reasons[-1] == "replaced by a source sentence"


@pytest.mark.parametrize(
    ("text", "cited", "first_reason"),
    [
        (CLAIM.rstrip("."), [0], "not a complete sentence"),  # the model ran out of tokens
        ("Pyongyang banned rice exports.", [], "the model cited no source"),
    ],
)
def test_replaced_reasons(sentences, text: str, cited: list[int], first_reason: str) -> None:
    item, lost = verify_candidate(candidate(text, [sentences[i] for i in cited]), sentences, FACT)
    assert item.origin == "replaced"
    assert lost.reasons == (first_reason, "replaced by a source sentence")
    assert lost.text == text


def test_dropped_when_nothing_can_stand_in(make_corpus) -> None:
    # source sentences with no content words support nothing, not even themselves
    corpus = make_corpus("It was so.\n", "They did it.\n", marked=False)
    fact = Fact(fact_id="f009", sentence_ids=("doc0-s000", "doc1-s000"), sources=2, centrality=0.0)
    sentences = [corpus.sentence(sid) for sid in fact.sentence_ids]
    draft = candidate(CLAIM, sentences[:1], fact_id="f009")
    item, lost = verify_candidate(draft, sentences, fact)
    assert item is None
    assert lost.text == CLAIM
    assert lost.citations == draft.citations
    # the reasons are the verifier's own, about the cited span
    assert lost.reasons == check(CLAIM, ["It was so."]).reasons
    assert any(r.startswith("words not in the evidence: kim") for r in lost.reasons)


def test_draft_with_no_content_words_does_not_crash(sentences) -> None:
    item, lost = verify_candidate(candidate("He did it.", sentences[:1]), sentences, FACT)
    assert item is not None and item.origin == "replaced"
    assert lost is not None and lost.reasons


def test_supporting_citations(sentences) -> None:
    assert ids(supporting_citations(CLAIM, sentences)) == ["doc0-s000", "doc1-s000"]
    assert supporting_citations("Heavy rain flooded Java.", sentences) == ()


def test_supporting_citations_falls_back_to_a_union(make_corpus) -> None:
    corpus = make_corpus(
        "Kim ordered shells and rockets.\n",
        "Rain fell in Java.\n",
        "Drones and tanks were also on the list.\n",
        marked=False,
    )
    sentences = [corpus.sentence(f"doc{i}-s000") for i in range(3)]
    cited = supporting_citations("Kim ordered shells, rockets, drones and tanks.", sentences)
    assert ids(cited) == ["doc0-s000", "doc2-s000"]


def test_best_supported_puts_the_most_backed_sentence_first(sentences) -> None:
    assert [s.sentence_id for s in best_supported(sentences)][-1] == "doc2-s000"
    assert best_supported(sentences)[0].sentence_id in {"doc0-s000", "doc1-s000"}
    assert best_supported([]) == []


def test_verify_orders_items_and_passes_dropped_drafts_through(corpus, sentences) -> None:
    plan = Plan(facts=(RAIN, FACT), prompt_tokens=0)
    rain = corpus.sentence("doc0-s001")
    too_long = Dropped(text="", citations=(Citation.of(rain),), reasons=("prompt too long",))
    drafts = [
        candidate("Heavy rain flooded Java.", [rain], fact_id="f002"),
        too_long,
        candidate("Kim Jong Un ordered 40 new missile factories.", sentences[:1]),
    ]
    items, dropped = verify(drafts, plan, corpus)
    # two sources before one, whatever the plan order
    assert [(i.fact_id, i.origin, i.sources) for i in items] == [
        ("f001", "replaced", 2),
        ("f002", "drafted", 1),
    ]
    assert dropped[0] == too_long
    assert dropped[1].text == "Kim Jong Un ordered 40 new missile factories."
    assert len(dropped) == 2


def test_verify_keeps_plan_order_among_equals(corpus) -> None:
    rain = corpus.sentence("doc0-s001")
    s0 = corpus.sentence("doc0-s000")
    one = Fact(fact_id="f003", sentence_ids=("doc0-s000",), sources=1, centrality=0.9)
    plan = Plan(facts=(RAIN, one), prompt_tokens=0)
    drafts = [
        candidate(CLAIM, [s0], fact_id="f003"),
        candidate("Heavy rain flooded Java.", [rain], fact_id="f002"),
    ]
    items, dropped = verify(drafts, plan, corpus)
    assert [i.fact_id for i in items] == ["f002", "f003"]
    assert dropped == []


def test_among_equally_backed_sentences_the_one_the_others_cover_best_stands_in(
    make_corpus,
) -> None:
    # Neither sentence backs the other; what a rejected draft tried to say has no say.
    short = "Kim toured a submarine facility on Tuesday."
    full = ("Kim toured a submarine facility, where he vowed to counter the threat posed by "
            "South Korea's submarine plans.")
    pair = make_corpus(f"{short}\n", f"{full}\n", marked=False)
    sentences = [pair.sentence("doc0-s000"), pair.sentence("doc1-s000")]
    assert best_supported(sentences)[0].sentence_id == "doc0-s000"
