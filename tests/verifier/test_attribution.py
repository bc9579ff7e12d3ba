"""A claim that states as plain fact what its evidence only reports someone saying is
unsupported, with the speaker named; the same claim with its speaker is supported."""

from __future__ import annotations

import pytest

from summarizer.verifier import check


@pytest.mark.parametrize(
    ("evidence", "dropped", "kept"),
    [
        ("Sales will double next year, the chief executive said on Tuesday.",
         "Sales will double next year.", "The chief executive said sales will double next year."),
        ("The ministry said the border crossing would reopen on Monday.",
         "The border crossing will reopen on Monday.",
         "The ministry said the border crossing would reopen on Monday."),
        ("According to the state news agency, the dam will be finished by 2009.",
         "The dam will be finished by 2009.",
         "According to the state news agency, the dam will be finished by 2009."),
        ("The army reportedly shelled the northern villages overnight.",
         "The army shelled the northern villages overnight.",
         "The army reportedly shelled the northern villages overnight."),
    ],
)
def test_the_speaker_must_stay(evidence: str, dropped: str, kept: str) -> None:
    result = check(dropped, [evidence])
    assert not result.supported
    assert any(r.startswith("states as fact what the evidence attributes to")
               for r in result.reasons)
    assert check(kept, [evidence]).supported


def test_what_the_evidence_states_itself_needs_no_speaker() -> None:
    evidence = ["Kim visited the munitions factory on Friday, where he said output would rise."]
    assert check("Kim visited the munitions factory on Friday.", evidence).supported


@pytest.mark.parametrize(
    ("evidence", "stated"),
    [
        # Text glued on after a closing quotation is not the speaker's.
        ("But he said: 'When England come calling, you should not say no.' The early "
         "favourite for the post is Michael Vaughan, the former captain.",
         "The early favourite for the post is Michael Vaughan."),
        # "according to X" in mid-sentence governs the clause before it.
        ("The cheetahs did not approach the boy, according to zoo officials, and the zoo "
         "reopened its enclosure on Monday.",
         "The zoo reopened its enclosure on Monday."),
    ],
)
def test_what_the_speaker_does_not_govern_needs_no_speaker(evidence: str, stated: str) -> None:
    assert check(stated, [evidence]).supported
