"""The verifier's independent signals: one claim against one evidence text."""

from __future__ import annotations

import pytest

from summarizer.language import lexicon
from summarizer.verifier.signals import (
    acronym_runs,
    antonym_swaps,
    class_swaps,
    content_units,
    coverage,
    keys,
    missing_names,
    missing_numbers,
    names,
    normalise,
    polarity_flip,
    quantities,
    role_swaps,
    tokens,
)


def test_tokens_split_hyphens_and_flag_capitals() -> None:
    assert tokens("Kim’s nuclear-powered ICBMs, 8,700-ton sub") == (
        ("kim", False),
        ("nuclear", False),
        ("powered", False),
        ("icbms", True),
        ("8,700", False),
        ("ton", False),
        ("sub", False),
    )


def test_normalise_phrases() -> None:
    assert normalise("The United States and North Korea’s armed forces") == (
        "The us and Northkorea's military"
    )


def test_content_units_skip_function_words_and_repeats() -> None:
    assert content_units("The missile and the missiles were launched by Kim") == [
        "missile",
        "launched",
        "kim",
    ]


@pytest.mark.parametrize(
    ("a", "b", "meet"),
    [
        ("told", "said", True),
        ("told", "tell", True),
        ("factories", "plant", True),
        ("construct", "build", True),
        ("Russian", "Moscow", True),
        ("factory", "shipyard", False),
        ("missile", "tank", False),
        # Country names, capitals and demonyms from countryinfo, not from a list of ours.
        ("Kenyan", "Nairobi", True),
        ("Peruvian", "Lima", True),
        ("Kenyan", "Peruvian", False),
    ],
)
def test_keys_meet(a: str, b: str, meet: bool) -> None:
    assert bool(keys(a) & keys(b)) is meet


@pytest.mark.parametrize(
    ("claim", "evidence", "share", "missing"),
    [
        ("Kim ordered new factories", "Kim orders the building of new plants", 1.0, []),
        ("KCNA said so.", "The Korean Central News Agency said so.", 1.0, []),
        ("The Korean Central News Agency reported it.", "KCNA reported it.", 1.0, []),
        ("Kim toured a factory.", "Kim toured a shipyard.", 2 / 3, ["factory"]),
        (
            "Kim toured a factory near Wonsan.",
            "Kim toured a shipyard.",
            0.4,
            ["factory", "near", "wonsan"],
        ),
        ("It is.", "Kim ordered factories.", 0.0, []),  # no content words at all
    ],
)
def test_coverage(claim: str, evidence: str, share: float, missing: list[str]) -> None:
    got_share, got_missing = coverage(claim, evidence)
    assert got_share == pytest.approx(share)
    assert got_missing == missing


@pytest.mark.parametrize(
    ("acronym", "text", "runs"),
    [
        ("icbm", "the intercontinental ballistic missiles", [(1, 4)]),
        ("kcna", "the korean central news agency said", [(1, 5)]),
        ("un", "the united nations met", [(1, 3)]),
        ("eu", "the united nations met", []),
    ],
)
def test_acronym_runs(acronym: str, text: str, runs: list[tuple[int, int]]) -> None:
    assert acronym_runs(acronym, text.split()) == runs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fifteen thousand troops", {"15", "15000"}),  # "15 thousand" also states 15
        ("15,000 troops", {"15000"}),
        ("1.5 million", {"1.5", "1500000"}),
        ("a ten-year plan", {"10"}),
        ("twenty-five", {"25"}),
        ("forty", {"40"}),
        ("in 2025", {"2025"}),
        ("an 8,700-ton submarine", {"8700"}),
        ("0.5% growth", {"0.5"}),
        ("no numbers", set()),
    ],
)
def test_quantities(text: str, expected: set[str]) -> None:
    assert quantities(text) == expected


def test_quantities_compound_number_words() -> None:
    assert "2500" in quantities("two thousand five hundred troops")
    assert "200500" not in quantities("two thousand five hundred troops")


def test_quantities_dozens() -> None:
    assert quantities("three dozen shells") == {"36"}


@pytest.mark.parametrize(
    ("claim", "evidence", "missing"),
    [
        ("In 2025 they built 3 plants.", "In 25 they built three plants.", ["2025"]),
        ("around 15,000 troops", "about 15000 troops", []),
        ("15,000 troops", "fifteen thousand troops", []),
        ("an 8,700-ton submarine", "an 8,600-ton submarine", ["8700"]),
        ("a five-year plan", "a ten-year plan", ["5"]),
        ("Kim spoke.", "Kim spoke in 2025.", []),
    ],
)
def test_missing_numbers(claim: str, evidence: str, missing: list[str]) -> None:
    assert missing_numbers(claim, evidence) == missing


@pytest.mark.parametrize(
    ("claim", "evidence"),
    [
        ("fifteen thousand troops", "15,000 troops"),
        ("one hundred twenty troops", "120 troops"),
    ],
)
def test_number_words_match_digits(claim: str, evidence: str) -> None:
    assert missing_numbers(claim, evidence) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tokyo said the US and Kim visited Pyongyang.", {"kim", "pyongyang", "tokyo", "us"}),
        ("The agency said Kim visited.", {"kim"}),
        ("Officials in Seoul met.", {"seoul"}),
        ("KIM VISITS FACTORY", set()),  # a headline in capitals
        ("Kim-Jong spoke.", {"kim", "jong"}),
    ],
)
def test_names(text: str, expected: set[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("claim", "evidence", "missing"),
    [
        ("Kim met Putin in Moscow.", "Kim met Xi in Moscow.", ["putin"]),
        ("Yonhap said Kim spoke.", "KCNA said Kim spoke.", ["yonhap"]),
        ("Tokyo has warned of the risk.", "Seoul has warned of the risk.", ["tokyo"]),
        ("Kim toured the site.", "He toured the site.", []),  # a pronoun stands in
        ("Kim toured the site with Putin.", "He toured the site with Xi.", ["kim", "putin"]),
        ("Russian troops moved.", "Russia moved troops.", []),
        ("The UN condemned it.", "The United Nations condemned it.", []),
        ("North Korea’s leader spoke.", "Pyongyang’s leader spoke.", []),
        # Names of more than one word are one name: the shared word does not join them.
        ("South Korea’s leader spoke.", "North Korea’s leader spoke.", ["southkorea"]),
        ("South Sudan's army moved.", "Sudan's army moved.", ["southsudan"]),
        ("The Dominican Republic voted.", "The Republic of the Congo voted.",
         ["dominicanrepublic"]),
    ],
)
def test_missing_names(claim: str, evidence: str, missing: list[str]) -> None:
    assert missing_names(claim, evidence) == missing


@pytest.mark.parametrize(
    ("claim", "evidence", "flipped"),
    [
        ("Kim did not order factories.", "Kim ordered factories.", True),
        ("Kim ordered factories.", "Kim did not order factories.", True),
        ("Kim never visited.", "Kim visited.", True),
        ("North Korea has not denied it.", "North Korea has denied it.", True),
        ("Kim didn't visit.", "Kim visited.", True),
        ("There is no sign of slowing.", "There is no sign of slowing.", False),
        ("Kim visited.", "Kim visited.", False),
        # the evidence's negation is about something the claim does not say
        ("Kim ordered factories.", "Kim ordered factories; no date was given.", False),
        # only the word a negator applies to is negated, not what follows it
        ("Sterling was pictured.", "Rodgers hasn't disciplined Sterling (pictured).", False),
        ("Kim increased missile tests.", "Kim has not sharply increased missile tests.", True),
        # a negator's scope ends with its sentence
        ("The favourite is Vaughan.", "'You shouldn't say no.' The favourite is Vaughan.", False),
    ],
)
def test_polarity_flip(claim: str, evidence: str, flipped: bool) -> None:
    assert polarity_flip(claim, evidence) is flipped


@pytest.mark.parametrize(
    ("claim", "evidence", "swaps"),
    [
        (
            "Missile output will increase.",
            "Missile output will decrease.",
            [("increas", "decreas")],
        ),
        ("Kim ordered fewer missiles.", "Kim ordered more missiles.", [("fewer", "more")]),
        (
            "Kim framed it as unnecessary.",
            "Kim framed it as necessary.",
            [("unnecessari", "necessari")],
        ),
        ("Kim framed it as offensive.", "Kim framed it as defensive.", [("offens", "defens")]),
        ("The partnership is weakening.", "The partnership is deepening.", [("weaken", "deepen")]),
        (
            "North Korea denied the claims.",
            "North Korea confirmed the claims.",
            [("deni", "confirm")],
        ),
        ("Kim ordered more missiles.", "Kim ordered more missiles.", []),
        # WordNet's "on"/"off" are adjectives ("the light is on"); as prepositions no pair
        (
            "Staff considered him a good influence on the team.",
            "Staff said he was a good influence off the field.",
            [],
        ),
        ("Kim ordered new missiles.", "Kim ordered old missiles and new missiles.", []),
    ],
)
def test_antonym_swaps(claim: str, evidence: str, swaps: list[tuple[str, str]]) -> None:
    assert antonym_swaps(claim, evidence) == swaps


def _antonym_directions() -> list[tuple[str, str]]:
    out = []
    for pair in lexicon._ANTONYMS:
        if pair.strip():
            a, b = pair.split()
            out += [(a, b), (b, a)]
    return out


@pytest.mark.parametrize(("word", "opposite"), _antonym_directions())
def test_every_lexicon_antonym_fires(word: str, opposite: str) -> None:
    assert antonym_swaps(f"They saw {word} things.", f"They saw {opposite} things.")


@pytest.mark.parametrize(
    ("claim", "evidence"),
    [
        ("Prices rose.", "Prices fell."),
        ("Kim ordered a cut in production.", "Kim ordered an expansion of production."),
    ],
)
def test_antonyms_of_inflected_and_derived_forms(claim: str, evidence: str) -> None:
    assert antonym_swaps(claim, evidence)


@pytest.mark.parametrize(
    ("claim", "evidence", "swaps"),
    [
        (
            "Kim spoke in the third quarter.",
            "Kim spoke in the fourth quarter.",
            [("third", "fourth")],
        ),
        ("Kim spoke on Tuesday.", "Kim spoke on Monday.", [("tuesday", "monday")]),
        ("Last month Kim spoke.", "This week Kim spoke.", [("month", "week")]),
        ("Kim spoke in late 2026.", "Kim spoke in early 2026.", [("late", "earli")]),
        ("Kim spoke on Monday.", "Kim spoke on Monday.", []),
        ("It happened in Dec.", "It happened in December.", []),
    ],
)
def test_class_swaps(claim: str, evidence: str, swaps: list[tuple[str, str]]) -> None:
    assert class_swaps(claim, evidence) == swaps


@pytest.mark.parametrize(
    ("claim", "evidence", "swaps"),
    [
        (
            "Russia supplied Pyongyang with shells",
            "Pyongyang supplied Russia",
            [("russia", "pyongyang")],
        ),
        (
            "Russia has sent troops to support North Korea.",
            "North Korea has sent troops to support Russia.",
            [("russia", "northkorea")],
        ),
        (
            "Officials say Moscow accused Kyiv.",
            "Officials say Kyiv accused Moscow.",
            [("moscow", "kyiv")],
        ),
        (  # a country by its capital on one side, its name on the other
            "Lima accused Chile of spying.",
            "Santiago accused Peru of spying.",
            [("lima", "chile")],
        ),
        ("Pyongyang was supplied by Moscow.", "Moscow supplied Pyongyang.", []),  # passive
        ("Russia and China met.", "China and Russia met.", []),  # no shared verb between
        ("Russia supplied Pyongyang.", "Russia supplied Pyongyang.", []),
        (  # the two names are in different sentences of the evidence
            "For Ukraine, activists dumped paint in London.",
            "Activists in London dumped paint. They back Ukraine.",
            [],
        ),
        (  # only a name links the two, and a name says nothing of roles
            "Gullit picked Shearer over Ferguson.",
            "Ferguson and Shearer trained while Gullit watched.",
            [],
        ),
        (  # one evidence sentence keeps the claim's order
            "Moscow accused Kyiv.",
            "Moscow accused Kyiv. Later Kyiv accused Moscow of lying.",
            [],
        ),
        (  # a passive in one evidence sentence leaves the other one checked
            "Moscow accused Kyiv.",
            "Aid was funded by Washington. Kyiv accused Moscow.",
            [("moscow", "kyiv")],
        ),
    ],
)
def test_role_swaps(claim: str, evidence: str, swaps: list[tuple[str, str]]) -> None:
    assert role_swaps(claim, evidence) == swaps
