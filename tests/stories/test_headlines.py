"""Headlines of stories whose files carry no title: made from lead sentences, cut only
where the cut keeps them true, and never one that cannot stand alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.models import Sentence
from summarizer.pipeline import brief
from summarizer.stories.headlines import headline_like, headline_span


def _sentence(text: str, start: int = 40) -> Sentence:
    return Sentence(sentence_id="d0-s000", doc_id="d0", index=0, start=start,
                    end=start + len(text), text=text)


def _cut(text: str, reported: bool = False) -> str | None:
    sentence = _sentence(text)
    span = headline_span(sentence, reported)
    return None if span is None else text[span[0] - sentence.start : span[1] - sentence.start]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NEW DELHI, December 12 (Xinhua) -- India and Bangladesh signed a water accord.",
         "India and Bangladesh signed a water accord"),
        ("WASHINGTON (AP) -- The Senate voted to end the trial.",
         "The Senate voted to end the trial"),
        ("TAKAYAMA, Japan _ Physicists found that the neutrino has mass.",
         "Physicists found that the neutrino has mass"),
        ("&QL; A federal judge blocked the city's ban on bank fees.",
         "A federal judge blocked the city's ban on bank fees"),
        # a long sentence loses its trailing participle clause, which adds to it
        ("Floods swept through the southern provinces of the country over the weekend after days "
         "of heavy rain, killing at least 40 people and destroying thousands of homes.",
         "Floods swept through the southern provinces of the country over the weekend after days "
         "of heavy rain"),
        # ...but never the clause that says who says so
        ("The government will raise the tax on fuel by ten percent at the start of next year, "
         "including the tax on diesel for the trucks, the finance minister said on Friday.",
         "The government will raise the tax on fuel by ten percent at the start of next year, "
         "including the tax on diesel for the trucks, the finance minister said on Friday"),
        ("The government will raise the tax on fuel by ten percent at the start of next year to "
         "pay for the roads, officials said, adding that prices would rise.",
         "The government will raise the tax on fuel by ten percent at the start of next year to "
         "pay for the roads, officials said"),
        # a condition is never cut from what it conditions
        ("If the talks fail by the end of the month, the union says that its members in every "
         "plant across the country will strike for a week.",
         "If the talks fail by the end of the month, the union says that its members in every "
         "plant across the country will strike for a week"),
    ],
)
def test_a_lead_is_cut_only_where_the_cut_keeps_it_true(text: str, expected: str) -> None:
    assert _cut(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "But the prime minister said the deputy was fired because he was morally unfit.",
        "In addition to finding that 62 percent of children had stunted growth, teams found more.",
        "``If we win, it emboldens the players,'' union director Billy Hunter said.",
        "Bin Laden is believed to be living in Afghanistan, he said.",
        "He was fired on Tuesday after the vote.",
        "Is this the time to buy the shares?",
        "(The report was released late on Friday.)",
        "China's minister made the above remarks at the opening ceremony.",
    ],
)
def test_what_cannot_head_a_story(text: str) -> None:
    assert not headline_like(text) or _cut(text) is None


def test_untitled_files_get_a_headline_that_cites_its_exact_words(tmp_path: Path) -> None:
    leads = [
        "WASHINGTON (AP) -- The Senate voted on Tuesday to end the impeachment trial of the "
        "president without hearing live witnesses.",
        "WASHINGTON _ Senators voted on Tuesday to close the impeachment trial of the president "
        "without live witnesses.",
        "``It is over,'' one senator said after the Senate voted to end the impeachment trial.",
    ]
    body = (" The vote was 70 to 30 after a week of debate on the trial. Senators from both "
            "parties backed the motion to end the trial. The president was not in Washington.")
    for i, lead in enumerate(leads):
        (tmp_path / f"wire{i}.txt").write_text(lead + body + "\n", encoding="utf-8")
    result = brief([tmp_path], None, archive=None)
    story = result.stories[0]
    assert story.headline.kind == "verified"
    assert not story.headline.text.startswith(("WASHINGTON", "``", "_"))
    assert "impeachment trial" in story.headline.text
    texts = {d.doc_id: d.text for d in result.documents}
    (citation,) = story.headline.citations
    assert texts[citation.doc_id][citation.start:citation.end] == citation.cited_text
    assert citation.cited_text.lower() == story.headline.text.lower()
