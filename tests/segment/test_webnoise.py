"""Noise marks on text extracted from web pages: the article's own headings, list items
and table rows stay body; the headline, control labels and notices stay marked."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.ingest.files import ingest
from summarizer.models import Document
from summarizer.segment.noise import shape_noise
from summarizer.segment.sentences import segment, segment_document

FIXTURE = Path(__file__).parents[1] / "fixtures" / "web" / "list-table-article.html"
BODY_LINES = [
    "What changes for passengers",  # <h2>
    "Three extra weekday sailings before 7am",  # <li>
    "Season tickets valid on every sailing",
    "Route First sailing Last sailing",  # <tr> of <th>
    "Harbour to Mainland 05:40 23:30",  # <tr> of <td>
]


@pytest.fixture(scope="module")
def page_sentences() -> dict[str, str | None]:
    doc = segment(ingest([FIXTURE])).documents[0]
    assert doc.document.format == "html"
    return {s.text: s.noise for s in doc.sentences}


@pytest.mark.parametrize("line", BODY_LINES)
def test_list_items_table_rows_and_headings_of_a_page_are_body(
    page_sentences: dict[str, str | None], line: str
) -> None:
    assert line in page_sentences
    assert page_sentences[line] is None


@pytest.mark.parametrize("line", ["Read more", "Share on Twitter"])
def test_control_labels_on_a_page_stay_marked(
    page_sentences: dict[str, str | None], line: str
) -> None:
    assert (page_sentences[line] or "").startswith("prompt")


def test_page_headline_is_marked_as_title(page_sentences: dict[str, str | None]) -> None:
    assert (page_sentences["Harbour council approves new ferry timetable"] or "").startswith(
        "title")


@pytest.mark.parametrize(("line", "kind"), [
    ("By Jane Smith", "byline"),
    ("Continue reading the main story", "prompt"),
    ("Sign up for our newsletter", "prompt"),
    ("Related Articles", "prompt"),
    ("Loading Comments...", "prompt"),
    ("We use cookies to give you the best experience. By using this site you agree.",
     "cookies"),
    ("© 2024 The Harbour Gazette. All rights reserved.", "legal"),
    ("12 March 2024 08:15", "timestamp"),
    ("Frontend", None),
    ("Floral wire pins or paper clips", None),
    ("For example:", None),
    ("Share prices fell 5%.", None),
    ("She baked cookies.", None),
])
def test_extracted_lines(line: str, kind: str | None) -> None:
    reason = shape_noise(line, line, is_first_line=False, extracted=True, title="A headline")
    assert (reason.split(":")[0] if reason else None) == kind


def test_repeated_lines_of_a_page_are_body_but_of_a_text_file_are_marked() -> None:
    text = ("Kim visited the factory on Monday and spoke to workers.\n"
            "Ingredients\nFlour\nSugar\nMethod\nFlour\nSugar\n"
            "He left for the capital on Tuesday evening.\n")

    def marks(fmt: str) -> list[str | None]:
        doc = Document(doc_id="d1", path="p", title="t", sha256="0", text=text, format=fmt)
        return [s.noise for s in segment_document(doc).sentences]

    assert marks("html") == [None] * 8
    text_marks = marks("text")
    assert text_marks[0] is None and text_marks[-1] is None
    assert all(m is not None for m in text_marks[1:-1])  # headings, repeats: as before
