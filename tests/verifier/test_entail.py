"""The learned entailment model: it loads, it ranks, it can be switched off, its absence is said."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from summarizer.verifier import entail
from summarizer.verifier.attribution import unattributed
from summarizer.verifier.context import select
from summarizer.verifier.decide import MODEL, RULES, check

EVIDENCE = [
    "North Korean leader Kim Jong Un ordered officials to expand missile production and "
    "build new munitions factories, state media reported on Friday.",
]


def test_the_model_loads_and_matches_its_checksum() -> None:
    model = entail.load()
    assert model is not None
    sums = (entail.model_dir() / "SHA256SUMS").read_text().split()
    assert sums[sums.index("model.onnx") - 1] == model.sha256
    tok = entail.model_dir() / "tokenizer.json"
    assert sums[sums.index("tokenizer.json") - 1] == hashlib.sha256(tok.read_bytes()).hexdigest()


def test_an_entailment_scores_above_a_contradiction() -> None:
    entailed = entail.probability("Kim ordered more missile production.", EVIDENCE)
    contradicted = entail.probability("Kim ordered officials to close munitions factories "
                                      "and cut missile production.", EVIDENCE)
    assert entailed is not None and contradicted is not None
    assert entailed > contradicted


def test_batches_give_the_same_probabilities_as_single_pairs() -> None:
    model = entail.load()
    assert model is not None
    pairs = [("Kim ordered factories.", EVIDENCE[0]), ("Rain fell in Java on Monday.",
                                                       EVIDENCE[0])]
    together = model.probabilities(pairs)
    alone = [model.probabilities([p])[0] for p in pairs]
    # A pair's probability must not depend on the pairs scored with it (see entail.BATCH).
    assert together == alone


def test_the_model_is_off_unless_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SUMMARIZER_ENTAIL", raising=False)
    assert not any(r.startswith("entailment ") for r in check("Kim ordered it.", EVIDENCE).reasons)
    monkeypatch.setenv("SUMMARIZER_ENTAIL", "1")
    assert check("Kim ordered it.", EVIDENCE).reasons[0].startswith("entailment ")


def test_the_model_can_be_switched_off() -> None:
    claim = "State media reported that Kim ordered new munitions factories."
    with_model = check(claim, EVIDENCE, disabled=frozenset())
    without = check(claim, EVIDENCE, disabled=frozenset({MODEL}))
    alone = check(claim, EVIDENCE, disabled=frozenset(RULES))
    assert with_model.reasons[0].startswith("entailment ")
    assert not any(r.startswith("entailment ") for r in without.reasons)
    assert alone.reasons[0].startswith("entailment ")
    assert with_model.supported and without.supported


def test_a_missing_number_stays_a_hard_error_whatever_the_model_says() -> None:
    result = check("Kim ordered 40 new munitions factories.", EVIDENCE, disabled=frozenset())
    assert not result.supported
    assert any("numbers not in the evidence: 40" in r for r in result.reasons)


def test_the_model_scores_a_swapped_word_lower() -> None:
    swapped = check("Kim ordered officials to close munitions factories.", EVIDENCE,
                    disabled=frozenset(RULES))
    kept = check("Kim ordered officials to expand munitions factories.", EVIDENCE,
                 disabled=frozenset(RULES))
    assert swapped.score < kept.score


@pytest.mark.xfail(strict=True, reason="the combined threshold (0.21, fitted on MNLI-heavy "
                   "training pairs) still accepts it: the model gives 0.61 against 0.88")
def test_the_model_catches_a_swapped_word_the_rules_cannot_name() -> None:
    claim = "State media reported that Kim ordered officials to close munitions factories."
    assert not check(claim, EVIDENCE, disabled=frozenset()).supported


def test_a_claim_that_drops_its_speaker_is_unsupported_with_the_model_too() -> None:
    result = check("Kim ordered officials to expand missile production.", EVIDENCE,
                   disabled=frozenset())
    assert not result.supported
    assert any("attributes to state media" in r for r in result.reasons)
    assert unattributed("State media said Kim ordered it.", [EVIDENCE[0]]) is None


def test_select_keeps_the_sentences_about_the_claim_in_order() -> None:
    evidence = ["Rain fell.", "Kim visited a plant.", "It was cold.", "Snow fell.",
                "He ordered missiles."]
    # The best sentence, the one before it (who "he" is), then others sharing a word.
    assert select("Kim ordered missiles.", evidence) == (
        "Kim visited a plant. Snow fell. He ordered missiles.")
    assert select("Kim ordered missiles.", evidence, budget=5) == "Snow fell. He ordered missiles."


def test_without_the_model_check_says_so_in_one_line_and_uses_the_signals(
        tmp_path: Path) -> None:
    claims = tmp_path / "claims.jsonl"
    claims.write_text(json.dumps({"claim": "Kim ordered new factories.",
                                  "evidence": ["Kim orders new factories."]}) + "\n")
    env = {**os.environ, "SUMMARIZER_ENTAIL": "1",
           "SUMMARIZER_ENTAIL_MODEL": str(tmp_path / "absent")}
    done = subprocess.run([sys.executable, "-m", "summarizer.cli", "check", str(claims)],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "entailment model not found" in lines[0]
    assert "rule signals only" in lines[0]
    out = json.loads(done.stdout)
    assert out["supported"] is True
    assert not any(r.startswith("entailment") for r in out["reasons"])


def test_a_faithful_draft_is_kept_with_the_model_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """The brief's strict bar for drafts is on the rules' score, which keeps its meaning
    when the model turns check()'s score into a probability (it never reaches 0.9)."""
    from summarizer.models import Candidate, Citation, Fact, Sentence
    from summarizer.verifier.verify_drafts import verify_candidate

    monkeypatch.setenv("SUMMARIZER_ENTAIL", "1")
    text = EVIDENCE[0]
    source = Sentence(sentence_id="d-s000", doc_id="d", index=0, start=0, end=len(text),
                      text=text)
    fact = Fact(fact_id="f1", sentence_ids=("d-s000",), sources=1, centrality=1.0)
    draft = Candidate(fact_id="f1", text="Kim Jong Un ordered officials to expand missile "
                      "production and build new munitions factories, state media reported.",
                      citations=(Citation.of(source),), raw="")
    item, lost = verify_candidate(draft, [source], fact, frozenset({"d-s000"}))
    assert item is not None and lost is None and item.origin == "drafted"
    assert item.verdict.reasons[0].startswith("entailment ")
