"""Who did what to whom, read from spaCy's real English pipeline."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarizer.cli import cli
from summarizer.language.roles import (
    attachments,
    contradicted_roles,
    events,
    misplaced_names,
    party_errors,
)
from summarizer.verifier.decide import check, clear_caches
from tests.conftest import SEEDS

RULES_ONLY = frozenset({"model"})


def parties(text: str) -> list[tuple[str, list[str], list[str]]]:
    return [(e.verb, [p.shown for p in e.agents], [p.shown for p in e.patients])
            for e in events(text)]


def test_a_passive_is_the_same_event_as_its_active() -> None:
    assert parties("Tennessee was beaten by Nebraska.") == [("beat", ["Nebraska"], ["Tennessee"])]
    assert parties("Nebraska beat Tennessee.") == [("beat", ["Nebraska"], ["Tennessee"])]


def test_who_does_what_a_relative_clause_or_an_infinitive_says() -> None:
    assert ("sue", ["people"], ["Clinton administration"]) in parties(
        "It was a victory for the House and 16 people who sued the Clinton administration.")
    assert ("expand", [], []) in parties("Kim ordered the factories to expand.")  # who expands?
    assert ("buy", ["Acme"], ["Widget"]) in parties("Acme agreed to buy Widget.")


@pytest.mark.parametrize(("claim", "evidence", "found"), [
    # roles swapped
    ("The Clinton administration sued the House.", "The House sued the Clinton administration.",
     [("Clinton administration", "House")]),
    ("Washington State beat Michigan in the Rose Bowl.",
     "In the Rose Bowl, Michigan beat Washington State.", [("Washington State", "Michigan")]),
    # the action given to another named party
    ("Michigan beat Tennessee.", "Nebraska beat Tennessee.", [("Michigan", "Nebraska")]),
    ("Nebraska beat Michigan.", "Nebraska beat Tennessee.", [("Michigan", "Tennessee")]),
    # the same event in other words
    ("Tennessee was beaten by Nebraska.", "Nebraska beat Tennessee on Saturday.", []),
    ("Kim Jong Un visited the plant.", "Kim visited the munitions plant.", []),
    ("Pyongyang supplied the shells.", "North Korea supplied the shells to Russia.", []),
    # another verb, or a pronoun the parse cannot resolve: nothing to compare
    ("Michigan defeated Tennessee.", "Nebraska beat Tennessee.", []),
    ("Michigan beat Tennessee.", "He beat Tennessee.", []),
])
def test_contradicted_roles(claim: str, evidence: str, found: list[tuple[str, str]]) -> None:
    assert contradicted_roles(claim, evidence) == found


def test_names_hung_on_a_word_as_the_evidence_hangs_another() -> None:
    assert [(a.relation, a.governor, a.party.shown) for a in attachments(
        "Florida State coach Bobby Bowden spoke in Tallahassee.")] == [
        ("compound", "coach", "Florida State"), ("prep:in", "speak", "Tallahassee")]
    assert misplaced_names("Ohio State coach Bobby Bowden appealed to the voters.",
                           "Florida State coach Bobby Bowden appealed to the voters, and Ohio "
                           "State waited.") == [("Ohio State", "Florida State")]
    assert misplaced_names("The Senate's plan failed.",
                           "The House's plan failed in the Senate.") == [("Senate", "House")]


def test_a_word_in_lower_case_is_no_name_whatever_the_tagger_says() -> None:
    # The small pipeline tags "coronavirus" a proper noun; English would write a capital.
    assert misplaced_names("It is looking to submit its RSV vaccine for approval.",
                           "It is forecasting a steep drop in coronavirus vaccine sales.") == []


@pytest.mark.parametrize(("claim", "evidence"), [
    # an acronym for the words the evidence spells out
    ("The tests breached UN Security Council resolutions.",
     "The tests breached United Nations Security Council resolutions."),
    # the genitive turned round: the same names in one phrase
    ("Targets will be announced at the Workers' Party of Korea's Ninth Congress.",
     "Targets will be announced at the Ninth Congress of the Workers' Party of Korea."),
    # part of a name
    ("Coach Bowden appealed to the voters.", "Coach Bobby Bowden appealed to the voters."),
])
def test_one_name_said_another_way_is_no_error(claim: str, evidence: str) -> None:
    assert misplaced_names(claim, evidence) == []


def test_a_claim_quoted_word_for_word_or_naming_no_one_is_not_parsed() -> None:
    evidence = "Officials said the House sued the Clinton administration on Monday."
    assert party_errors("the House sued the Clinton administration", evidence) == []
    assert party_errors("the dog bit the man.", "the man bit the dog.") == []


def test_check_rejects_swapped_parties_and_says_who() -> None:
    result = check("The Clinton administration sued the House and 16 people.",
                   ["The decision marked a victory for the House and 16 people who sued the "
                    "Clinton administration."], RULES_ONLY)
    assert not result.supported
    assert ("parties differ from the evidence: Clinton administration where it has people"
            in result.reasons)
    kept = check("The House and 16 people sued the Clinton administration.",
                 ["The decision marked a victory for the House and 16 people who sued the "
                  "Clinton administration."], RULES_ONLY)
    assert kept.supported


def test_a_brief_without_a_model_never_loads_the_parser() -> None:
    """Quoted source sentences meet other sources without the parse: spaCy stays unloaded."""
    code = ("import sys\n"
            "from summarizer.cli import cli\n"
            f"cli(['brief', {str(SEEDS)!r}, '--draft', 'never', '--no-archive', '--out', "
            "'/dev/null'], standalone_mode=False)\n"
            "print('spacy' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip().splitlines()[-1] == "False"


def test_check_parses_claims_in_batches_and_says_who(tmp_path: Path) -> None:
    """`summarizer check` parses a file's claims together; the verdicts are check()'s."""
    evidence = ["The decision marked a victory for the House and 16 people who sued the "
                "Clinton administration.", "The vote was on Monday."]
    rows = [{"claim": "The Clinton administration sued the House and 16 people.",
             "evidence": evidence, "id": 1},
            {"claim": "The House and 16 people sued the Clinton administration.",
             "evidence": evidence, "id": 2}]
    claims = tmp_path / "claims.jsonl"
    claims.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(claims)])
    assert result.exit_code == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(o["id"], o["supported"]) for o in out] == [(1, False), (2, True)]
    assert "parties differ from the evidence: Clinton administration where it has people" in (
        out[0]["reasons"])
    clear_caches()  # parsed anew, one text at a time
    for row, line in zip(rows, out, strict=True):
        alone = check(row["claim"], row["evidence"])
        assert (alone.supported, alone.score, list(alone.reasons)) == (
            line["supported"], line["score"], line["reasons"])
