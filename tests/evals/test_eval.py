"""The eval harness (evals/): its metric functions on a scripted brief, then one real run.

The metric tests use a toy entailment decider (every word of the claim is in
the evidence) so that they test the metric logic, not the verifier; one test
checks that the default decider, `summarizer.verifier.check`, is what is used
when none is given.
"""

from __future__ import annotations

import json
import re

import pytest

from evals import content, harness, metrics, planted, stories
from summarizer.models import Brief, Citation, DocumentRef, Item, ModelInfo, Verdict

DOCS = {
    "a": "Kim ordered new missile factories on Friday. Officials praised the plan. "
         "Rain fell in Seoul.\nAll rights reserved by Example News.",
    "b": "Kim ordered new missile factories, state media said. The weather was cold.",
    "c": "Kim ordered new missile factories.",
}


def words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text.lower()))


def toy(claim: str, evidence: list[str]) -> bool:
    """Supported when every word of the claim is in the joined evidence."""
    return bool(evidence) and words(claim) <= words(" ".join(evidence))


def cite(doc: str, index: int, text: str) -> Citation:
    start = DOCS[doc].index(text)
    return Citation(doc_id=doc, sentence_id=f"{doc}-s{index:03d}", start=start,
                    end=start + len(text), cited_text=text)


A0 = cite("a", 0, "Kim ordered new missile factories on Friday.")
A1 = cite("a", 1, "Officials praised the plan.")
A2 = cite("a", 2, "Rain fell in Seoul.")
A3 = cite("a", 3, "All rights reserved by Example News.")
B0 = cite("b", 0, "Kim ordered new missile factories, state media said.")


def item(text: str, *citations: Citation, supported: bool = True) -> Item:
    return Item(text=text, citations=citations, sources=len({c.doc_id for c in citations}),
                verdict=Verdict(supported=supported, score=1.0 if supported else 0.2),
                fact_id="f001", origin="drafted")


def brief(*items: Item) -> Brief:
    return Brief(
        documents=tuple(DocumentRef(doc_id=d, path=f"/x/{d}.txt", title=d, date=None,
                                    sha256="0" * 64, encoding="utf-8", text=t)
                        for d, t in DOCS.items()),
        items=items, dropped=(), conflicts=(),
        model=ModelInfo(path="m.gguf", name="m", sha256="0" * 64), timings={"total": 1.0},
    )


SUPPORTED_TWICE = item("Kim ordered new missile factories.", A0, B0)
WITH_IRRELEVANT = item("Officials praised the plan.", A1, A2)
UNSUPPORTED = item("Kim cancelled the factories.", A0, supported=False)
UNCITED = item("Officials praised the plan.")


def test_alce_recall_and_precision_on_hand_made_items():
    result = metrics.alce(brief(SUPPORTED_TWICE, WITH_IRRELEVANT, UNSUPPORTED), toy)
    assert result["recall"] == pytest.approx(2 / 3)
    # A0, B0 each support alone; A1 does; A2 alone does not while A1 does without it;
    # UNSUPPORTED's one citation is wrong because the item is not supported.
    assert result["precision"] == pytest.approx(3 / 5)
    assert result["irrelevant"] == ["a-s002"]


def test_alce_keeps_a_citation_that_is_needed_for_the_union():
    needed = item("Kim ordered new missile factories; officials praised the plan.", A0, A1)
    result = metrics.alce(brief(needed), toy)
    assert (result["recall"], result["precision"], result["irrelevant"]) == (1.0, 1.0, [])


def test_alce_counts_an_uncited_item_against_recall():
    result = metrics.alce(brief(SUPPORTED_TWICE, UNCITED), toy)
    assert result["recall"] == 0.5 and result["precision"] == 1.0


def test_default_decider_is_the_verifier():
    result = metrics.alce(brief(SUPPORTED_TWICE, UNSUPPORTED))
    assert result["recall"] == 0.5


def test_key_fact_recall_by_span_or_by_text():
    gold = {"facts": [
        {"id": "G1", "evidence": {"a.txt": "missile factories on Friday"}},  # cited span
        {"id": "G2", "evidence": {"c.txt": "Kim ordered new missile factories"}},  # text
        {"id": "G3", "evidence": {"b.txt": "The weather was cold"}},  # nobody covers it
        {"id": "G4", "evidence": {"b.txt": "words that are not there"}},  # unresolved
    ]}
    only_a = item("Kim ordered new missile factories.", A0)
    result = metrics.key_fact_recall(brief(only_a), gold, toy)
    assert result["recalled"] == {"G1": "span", "G2": "text"}
    assert result["missed"] == ["G3", "G4"]
    assert result["recall"] == 0.5
    assert result["unresolved"] == ["G4:b.txt"]
    assert result["items_off_gold"] == 0


def test_redundancy_counts_pairs_that_support_each_other():
    again = item("Kim ordered new missile factories.", B0)
    result = metrics.redundancy(brief(SUPPORTED_TWICE, WITH_IRRELEVANT, again), toy)
    assert result["which"] == [[0, 2]]
    assert result["share"] == pytest.approx(1 / 3)
    one_way = item("Kim ordered new missile factories on Friday.", A0)
    assert metrics.redundancy(brief(SUPPORTED_TWICE, one_way), toy)["pairs"] == 0


def test_citation_validity_attribution_support_and_corroboration():
    bad = Citation(doc_id="a", sentence_id="a-s000", start=0, end=10, cited_text="Kim orders")
    scripted = brief(SUPPORTED_TWICE, item("Officials praised it. Rain fell.", bad), UNCITED)
    validity = metrics.citation_validity(scripted)
    assert validity["n"] == 3 and validity["valid"] == pytest.approx(2 / 3)
    assert validity["invalid"] == ["a-s000"]
    assert metrics.attribution(scripted) == pytest.approx(3 / 4)  # 4 sentences, one uncited
    support = metrics.support(brief(SUPPORTED_TWICE, UNSUPPORTED), toy)
    assert (support["verdict"], support["recheck"]) == (0.5, 0.5)
    assert metrics.corroboration(brief(SUPPORTED_TWICE, WITH_IRRELEVANT))["per_item"] == [2, 1]


def test_noise_leakage_finds_an_item_citing_a_notice():
    assert metrics.noise_leakage(brief(SUPPORTED_TWICE))["items"] == 0
    leaked = metrics.noise_leakage(brief(SUPPORTED_TWICE, item("All rights reserved.", A3)))
    assert leaked["items"] == 1 and leaked["leaks"][0]["sentence_id"] == "a-s003"


def test_perturbations():
    assert planted.perturb_number("It has 15,000 troops.") == "It has 16,000 troops."
    assert planted.perturb_number("It is an 8,700-ton sub.") == "It is an 8,800-ton sub."
    assert planted.perturb_negation("Kim was briefed.") == "Kim was not briefed."
    assert planted.perturb_negation("Kim ordered plants.") == "Kim did not order plants."
    swapped = planted.perturb_entity("The leader met Putin today.", ["Seoul", "Putin"], "")
    assert swapped == "The leader met Seoul today."


def test_sumy_tokenizer_and_rouge():
    tok = content.Tokenizer()
    assert tok.to_sentences("Kim spoke. He left.") == ["Kim spoke.", "He left."]
    assert tok.to_words("Kim’s 8,700-ton sub") == ["kim's", "8,700", "ton", "sub"]
    docs = ["Kim spoke on Friday in Pyongyang. He left the factory at noon.",
            "Kim visited a missile factory on Friday. Officials praised him."]
    assert content.lead(docs, n=5).startswith("Kim spoke on Friday in Pyongyang.")
    assert content.lexrank(docs, count=1)
    assert content.rouge("kim spoke", "kim spoke")["rouge1_f1"] == 1.0


def test_story_ceiling_leaves_pages_that_are_not_news_alone():
    # Clusters 0 and 1; document 3 is a sign-in page filed under cluster 1.
    predicted, gold, pages = [0, 0, 1, 2], [0, 0, 1, 1], [False, False, False, True]
    out = stories.limits(predicted, gold, pages)
    assert out["not_news"] == 1
    assert out["ceiling_own_story"] == 0.5  # cluster 1 can never be one story of its own
    assert out["news_own_story"] == 1.0 and out["news_bcubed_f1"] == 1.0
    assert stories.own_story(predicted, gold) == 0.5
    assert stories.limits([0, 0, 0, 0], gold, pages)["news_bcubed_f1"] < 1.0


def test_pages_judged_not_news_are_matched_by_their_opening_words():
    assert stories.not_news("  Tweet with a location You can add location information")
    assert not stories.not_news("Kim ordered new missile factories. Tweet with a location")


def test_thresholds_report_each_failure_on_one_line():
    report = {"seeds": {"attribution": 0.5, "noise_leakage": {"items": 2}}}
    rules = {"fast": {"min": {"seeds.attribution": 1.0, "seeds.gone": 1.0},
                      "max": {"seeds.noise_leakage.items": 0}}}
    failed = harness.check_thresholds(report, rules, "fast")
    assert len(failed) == 3 and failed[0].startswith("seeds.attribution = 0.5")


@pytest.mark.model
def test_eval_seeds_part_with_the_real_model(tmp_path):
    """The seeds part end to end: a real brief of seeds/ with the default model."""
    result, _ = harness.seeds_part(harness.Models(), None)
    json.dumps(result)
    assert result["items"] >= 1
    assert result["citation_validity"]["valid"] == 1.0
    assert result["attribution"] == 1.0
    assert result["noise_leakage"]["items"] == 0
    assert result["key_facts"]["unresolved"] == []
