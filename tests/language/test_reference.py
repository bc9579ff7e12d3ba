"""A leading 'he' or 'the company' resolved from the sentences before it, or left alone."""

from __future__ import annotations

import pytest

from summarizer.language.reference import resolve
from summarizer.models import Citation, Document, DocumentRef
from summarizer.segment.sentences import segment_document
from summarizer.verifier import check
from summarizer.verifier.recheck_brief import evidence_of, resolved_sentences


@pytest.mark.parametrize(
    ("sentence", "before", "resolved"),
    [
        ("He toured a plant.", ["Emmanuel Macron arrived on Monday."],
         "[Emmanuel Macron] toured a plant."),
        ("She said the bill would pass.", ["Senator Maria Lopez spoke to reporters."],
         "[Maria Lopez] said the bill would pass."),
        ("Her speech was short.", ["Angela Merkel met reporters."],
         "[Angela Merkel's] speech was short."),
        ("She praised her for it.", ["Angela Merkel met reporters."],
         "[Angela Merkel] praised her for it."),
        ("“We will win,” he said.", ["Dmitry Peskov, the Kremlin spokesman, spoke."],
         "“We will win,” [Dmitry Peskov] said."),
        ("The company said sales rose.", ["Toyota Motor Corp beat forecasts."],
         "[Toyota Motor Corp] said sales rose."),
        # Two sentences back when the nearest names no one.
        ("He left.", ["Officials said Liu He spoke.", "The talks ended early."], "[Liu He] left."),
    ],
)
def test_resolved(sentence: str, before: list[str], resolved: str) -> None:
    assert resolve(sentence, before) == resolved


@pytest.mark.parametrize(
    ("sentence", "before"),
    [
        ("He toured a plant.", ["Kim met Putin in Moscow."]),  # two people: either
        ("He toured a plant.", ["Emmanuel Macron arrived in Lyon."]),  # a city, or a person?
        ("He toured a plant.", ["North Korea fired a missile."]),  # a place is nobody
        ("He toured a plant.", ["Police said the plant was closed."]),
        ("The report gave no dates for his visit.", ["Kim Jong Un spoke."]),  # deep inside
        ("Kim said he would go.", ["Putin spoke."]),  # the sentence names him itself
        ("It rose 5 percent.", ["Samsung Electronics reported results."]),  # "it" is left
        ("The company said sales rose.", ["Prices rose in March."]),
    ],
)
def test_left_alone(sentence: str, before: list[str]) -> None:
    assert resolve(sentence, before) is None


TEXT = ("Kim Jong Un visited a munitions factory on Friday, state media said.\n"
        "His comments came during a visit to a factory that makes rocket launchers.\n")


def test_a_document_resolves_its_sentences_and_the_verifier_reads_them() -> None:
    doc = Document(doc_id="d", path="d.txt", title="", sha256="0", text=TEXT)
    second = segment_document(doc).sentences[1]
    assert second.resolved is not None and second.resolved.startswith("[Kim Jong Un's] comments")
    claim = "Kim visited a factory that makes rocket launchers."
    alone, resolved = check(claim, [second.text]), check(claim, [second.readable])
    assert "words not in the evidence: kim" in alone.reasons  # "his" alone names no one
    assert resolved.supported and resolved.score == 1.0 > alone.score
    citation = Citation.of(second)
    assert citation.cited_text == second.text  # the exact words stay the citation
    ref = DocumentRef(doc_id="d", path="d.txt", title="", date=None, sha256="0",
                      encoding="utf-8")
    # check --brief segments the document again and reads the sentence the same way
    assert evidence_of(citation, resolved_sentences(ref, TEXT)) == second.resolved
