"""Combining the signals into one verdict: score, reasons, best evidence, greedy union."""

from __future__ import annotations

import pytest

from summarizer.models import CheckResult
from summarizer.verifier import decide as check_module
from summarizer.verifier.decide import (
    HARD_SIGNALS,
    MODEL,
    NO_CONTENT,
    PENALTY,
    SIGNALS,
    THRESHOLD,
    judge,
)
from summarizer.verifier.decide import check as _check


def check(claim: str, evidence: list[str], disabled: frozenset[str] = frozenset()) -> CheckResult:
    """The rule signals alone, pinned down here; tests/verifier/test_entail.py tests the model."""
    return _check(claim, evidence, disabled | {MODEL})


def test_signal_names() -> None:
    assert SIGNALS[0] == "coverage"
    assert set(HARD_SIGNALS) <= set(SIGNALS)
    assert {"numbers", "names", "negation", "antonyms", "classes", "roles"} <= set(HARD_SIGNALS)


@pytest.mark.parametrize(
    ("claim", "evidence", "score", "reasons", "hard"),
    [
        ("Kim ordered new factories.", "Kim orders new factories.", 1.0, [], False),
        (
            "Kim ordered shells and rockets.",
            "Kim ordered shells.",
            0.75,
            ["words not in the evidence: rockets"],
            False,
        ),
        (
            "Kim ordered 40 new factories.",
            "Kim ordered new factories.",
            PENALTY,
            ["numbers not in the evidence: 40"],
            True,
        ),
        (
            "Kim did not order 40 new factories.",
            "Kim ordered new factories.",
            0.8 * PENALTY**2,
            [
                "numbers not in the evidence: 40",
                "negation differs from the evidence",
                "words not in the evidence: not",
            ],
            True,
        ),
        (
            "Yonhap said Kim spoke.",
            "KCNA said Kim spoke.",
            2 / 3 * PENALTY,  # content words: yonhap, kim, spoke
            ["names not in the evidence: yonhap", "words not in the evidence: yonhap"],
            True,
        ),
    ],
)
def test_judge(claim: str, evidence: str, score: float, reasons: list[str], hard: bool) -> None:
    got_score, got_reasons, got_hard = judge(claim, evidence)
    assert got_score == pytest.approx(score)
    assert got_reasons == reasons
    assert got_hard is hard


@pytest.mark.parametrize(
    ("claim", "evidence", "supported"),
    [
        # paraphrases of the seeds
        (
            "North Korea has sharply stepped up its missile testing in recent years.",
            ["North Korea has sharply increased missile testing in recent years."],
            True,
        ),
        (
            "KCNA said Kim toured a facility linked to building a nuclear-powered submarine.",
            [
                "KCNA reported that he toured a facility linked to the construction of a "
                "nuclear-powered submarine."
            ],
            True,
        ),
        # each kind of error
        (
            "North Korea has sent around 12,000 troops to support Russia's war in Ukraine.",
            [
                "North Korea has reportedly sent around 15,000 troops to support Russia's war "
                "in Ukraine."
            ],
            False,
        ),
        (
            "Russia has reportedly sent around 15,000 troops to support North Korea.",
            ["North Korea has reportedly sent around 15,000 troops to support Russia."],
            False,
        ),
        (
            "North Korea has not sharply increased missile testing in recent years.",
            ["North Korea has sharply increased missile testing in recent years."],
            False,
        ),
        (
            "Tokyo has repeatedly warned that North Korea's weapons development increases risk.",
            ["Seoul has repeatedly warned that North Korea's weapons development increases risk."],
            False,
        ),
        (
            "Kim made the remarks during a visit to munitions enterprises in the third quarter.",
            ["Kim made the remarks during a visit to munitions enterprises in the fourth quarter."],
            False,
        ),
        (
            "Pyongyang's partnership with Russia is weakening.",
            ["Pyongyang's partnership with Russia is deepening."],
            False,
        ),
        ("Kim ordered factories.", ["Heavy rain flooded Java."], False),
    ],
)
def test_check_supported(claim: str, evidence: list[str], supported: bool) -> None:
    result = check(claim, evidence)
    assert result.supported is supported
    assert (result.score >= THRESHOLD) or not supported


def test_best_single_evidence_wins() -> None:
    assert check("Kim ordered new factories.", ["Rain fell.", "Kim orders new factories."]) == (
        CheckResult(
            supported=True,
            score=1.0,
            evidence_index=(1,),
            reasons=("covers all content words",),
        )
    )


def test_ties_go_to_the_first_evidence() -> None:
    result = check("Kim ordered new factories.", ["Kim ordered new factories."] * 2)
    assert result.evidence_index == (0,)


def test_greedy_union_of_two_evidence_texts() -> None:
    claim = "Kim ordered shells, rockets, drones and tanks."
    evidence = [
        "Rain fell in Java.",
        "Kim ordered shells and rockets.",
        "Drones and tanks were also on the list.",
    ]
    assert not check(claim, evidence[1:2]).supported
    result = check(claim, evidence)
    assert result.supported
    assert result.score == 1.0
    assert result.evidence_index == (1, 2)  # best first, then what it adds


def test_union_keeps_hard_errors() -> None:
    result = check(
        "Kim ordered shells, rockets, drones and 40 tanks.",
        ["Kim ordered shells and rockets.", "Drones and tanks were also on the list."],
    )
    assert not result.supported
    assert result.score == pytest.approx(PENALTY)
    assert result.reasons == ("numbers not in the evidence: 40",)
    assert result.evidence_index == (0, 1)


def test_union_pool_limits_the_evidence_drawn_on(monkeypatch: pytest.MonkeyPatch) -> None:
    claim = "Kim ordered shells, rockets, drones and tanks."
    evidence = ["Kim ordered shells and rockets.", "Rain fell.", "Drones and tanks were listed."]
    monkeypatch.setattr(check_module, "UNION_POOL", 1)
    assert check(claim, evidence).evidence_index == (0,)
    monkeypatch.setattr(check_module, "UNION_POOL", 3)
    assert check(claim, evidence).evidence_index == (0, 2)


@pytest.mark.parametrize(
    ("claim", "evidence"),
    [("Kim spoke.", []), ("", ["Kim spoke."]), ("   ", ["Kim spoke."])],
)
def test_no_evidence(claim: str, evidence: list[str]) -> None:
    assert check(claim, evidence) == CheckResult(
        supported=False, score=0.0, evidence_index=(), reasons=("no evidence",)
    )


@pytest.mark.parametrize(
    ("disabled", "supported"),
    [
        (frozenset(), False),
        (frozenset({"numbers"}), True),
        (frozenset({"names"}), False),
    ],
)
def test_disabled_signals(disabled: frozenset[str], supported: bool) -> None:
    result = check("Kim ordered 40 new factories.", ["Kim ordered new factories."], disabled)
    assert result.supported is supported


def test_everything_disabled_scores_one() -> None:
    score, reasons, hard = judge("Kim ordered tanks.", "Rain fell.", frozenset(SIGNALS))
    assert (score, reasons, hard) == (1.0, [], False)


def test_disabled_coverage_leaves_only_hard_errors() -> None:
    score, reasons, hard = judge(
        "Kim ordered 40 tanks.", "Kim ordered tanks.", frozenset({"coverage"})
    )
    assert (score, reasons, hard) == (PENALTY, ["numbers not in the evidence: 40"], True)


def test_threshold_is_inclusive() -> None:
    score, _, hard = judge("Kim ordered shells and rockets.", "Kim ordered shells.")
    assert score == THRESHOLD and not hard
    assert check("Kim ordered shells and rockets.", ["Kim ordered shells."]).supported


def test_unsupported_claim_always_has_a_reason() -> None:
    result = check("He did it.", ["Kim ordered factories."])
    assert not result.supported
    assert result.reasons == (NO_CONTENT,)


def test_number_words_against_digits() -> None:
    assert check(
        "North Korea sent fifteen thousand troops to Russia.",
        ["North Korea sent 15,000 troops to Russia."],
    ).supported


@pytest.mark.parametrize(
    ("claim", "evidence"),
    [
        ("Kim toured the site after the launch.", "Kim toured the site before the launch."),
        ("Kim ordered more missiles this year.", "Kim ordered fewer missiles this year."),
        (
            "Kim said missile output rose sharply this year.",
            "Kim said missile output fell sharply this year.",
        ),
        (
            "Kim ordered a cut in missile production this year.",
            "Kim ordered an expansion of missile production this year.",
        ),
    ],
)
def test_opposite_claims_are_rejected(claim: str, evidence: str) -> None:
    assert not check(claim, [evidence]).supported


def test_union_draws_on_the_text_that_states_a_missing_number() -> None:
    # Nine texts share more words with the claim than the one that states the
    # figures, so it is not among the best few; it still joins the union.
    fillers = [f"Moderna said vaccine sales fell in quarter {n}." for n in "ABCDEFGHI"]
    evidence = [*fillers, "Moderna expects $5bn in 2023."]
    result = check("Moderna said vaccine sales fell and expects $5bn in 2023.", evidence)
    assert result.supported, result
    assert 9 in result.evidence_index


def test_other_evidence_that_negates_the_claim_rejects_it() -> None:
    claim = "Kim visited the missile factory in May."
    result = check(claim, [claim, "Kim did not visit the missile factory in May, KCNA said."])
    assert not result.supported
    assert result.reasons[0].startswith("evidence 1 contradicts it")


def test_an_antonym_elsewhere_in_the_evidence_is_no_contradiction() -> None:
    claim = "Villa lost the final at Wembley."
    assert check(claim, [claim, "Villa won the semi-final at Wembley."]).supported
