"""Regression guards for the verifier, measured by `evals/verifier.py`.

- The adversarial suite (in the repo): perturbed claims must be rejected and
  paraphrases accepted at the target shares.
- A slice of the WiCE dev set (in ../shared/evaldata, skipped when absent):
  balanced accuracy must stay above the floor measured when this test was
  written, less a small margin.
"""

from __future__ import annotations

import pytest

from evals import verifier
from summarizer.verifier.decide import THRESHOLD

PERTURBED_REJECTED = 95.0  # % of label-false claims that check() must reject
PARAPHRASES_ACCEPTED = 90.0  # % of label-true claims that check() must accept
WICE_SLICE = 60  # first N WiCE claims
# Measured 61.3 on this slice at THRESHOLD 0.75, less a margin of 3 (65.1 before a claim that
# drops the speaker of reported evidence became unsupported: WiCE's labels accept many).
WICE_FLOOR = 58.0


def test_adversarial_suite_meets_targets():
    report = verifier.adversarial()
    kinds = report["kinds"]
    failures = "\n".join(f"{f['kind']}: {f['claim']} ({f['score']})" for f in report["failures"])
    assert kinds["all perturbed"]["correct"] >= PERTURBED_REJECTED, failures
    assert kinds["paraphrase"]["correct"] >= PARAPHRASES_ACCEPTED, failures


def test_every_perturbation_kind_is_mostly_caught():
    kinds = verifier.adversarial()["kinds"]
    for kind, result in kinds.items():
        if kind != "paraphrase":
            assert result["correct"] >= 75.0, (kind, result)


@pytest.mark.skipif(
    not (verifier.EVALDATA / "wice").is_dir(),
    reason=f"WiCE dev data not found at {verifier.EVALDATA} (set EVALDATA to run this test)",
)
def test_wice_slice_balanced_accuracy_floor():
    examples = verifier.score_wice(verifier.scorer(), WICE_SLICE)
    result = verifier.balanced_accuracy(examples, THRESHOLD)
    assert result["bacc"] >= WICE_FLOOR, result


def test_frank_sentences_are_detokenized_and_truecased_from_the_article():
    article = "Ben Elton told a crowd in Warrington that he was back with Labour. He said so."
    sentence = "ben elton told supporters he was ` back with labour ' -lrb- again -rrb- ."
    restored = verifier.truecase(verifier.detokenize(sentence), article)
    assert restored == "Ben Elton told supporters he was ` back with Labour ' (again)."
    assert verifier.detokenize("UNK was seen with [UNK] in london .") == "was seen with in london."


def test_truecase_leaves_cased_sentences_alone_and_capitalises_unknown_names():
    assert verifier.truecase("Kim met Putin.", "kim met putin") == "Kim met Putin."
    # "Kim" only starts a sentence of the source; "McHenry" is in no dictionary.
    assert verifier.truecase("talks with kim and mchenry in march .", "Kim met him.") == (
        "Talks with Kim and Mchenry in march ."
    )
    # A function word that only starts the source's sentences stays lower-case.
    assert verifier.truecase("aid from abroad", "From Monday, aid flows.") == "Aid from abroad"


def test_multinews_suite_is_scored_apart_and_faithful_claims_are_kept():
    report = verifier.adversarial(verifier.SUITES["multinews"])
    kinds = report["kinds"]
    assert kinds["all perturbed"]["n"] >= 300
    assert {"attribution", "cohyponym", "antonym", "negation", "role_swap"} <= set(kinds)
    assert kinds["all faithful"]["correct"] >= PARAPHRASES_ACCEPTED
