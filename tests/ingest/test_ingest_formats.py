"""Reading web pages, feeds and JSONL exports: text, metadata, outlets, dates, limits."""

from __future__ import annotations

import gzip
import logging
import time
from pathlib import Path

import pytest

from summarizer.errors import InputError
from summarizer.ingest.dates import parse_date
from summarizer.ingest.dedupe import dedupe, normal_url
from summarizer.ingest.files import ingest, read_file
from summarizer.ingest.outlets import choose_outlet, registrable_domain
from summarizer.ingest.reading import MB, Limits
from summarizer.models import Document
from summarizer.segment.sentences import segment

FIXTURES = Path(__file__).parents[1] / "fixtures"
GOOD = FIXTURES / "formats"
BAD = FIXTURES / "bad"
MARKUP = ("<", "alert(", "onerror", "onclick", "steal()", "document.cookie", "tracker")


def test_page_is_its_article_with_metadata() -> None:
    [doc] = read_file(GOOD / "harbour-page.html")
    assert doc.format == "html"
    assert doc.outlet == "coastalherald.co.uk"
    assert doc.url == "https://www.coastalherald.co.uk/news/harbour-bridge-reopens"
    assert doc.title == "Harbour bridge reopens after repairs"
    assert doc.date == "2025-12-29"
    assert doc.author == "Maria Quint"
    assert doc.site_name == "Coastal Herald"
    assert "cost the county council 14 million pounds." in doc.text
    assert "grant scheme for the shops nearest the crossing." in doc.text
    for left_out in ("hidden from readers", "Related Articles", "Storm closes ferry port",
                     "All rights reserved", "Sport"):
        assert left_out not in doc.text
    assert not any(m in doc.text for m in MARKUP)
    assert doc.sha256 == __import__("hashlib").sha256(
        (GOOD / "harbour-page.html").read_bytes()).hexdigest()


def test_gzipped_page_reads_like_the_page(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress((GOOD / "harbour-page.html").read_bytes()))
    [doc] = read_file(path)
    assert doc.text == read_file(GOOD / "harbour-page.html")[0].text


def test_rss_entries_are_documents_full_content_or_marked_summary() -> None:
    docs = read_file(GOOD / "coastal-feed.rss")
    assert [d.title for d in docs] == ["Harbour bridge reopens after repairs",
                                       "Ferry timetable changes for winter"]
    bridge, ferry = docs
    assert bridge.summary_only and not ferry.summary_only
    assert {d.outlet for d in docs} == {"coastalherald.co.uk"}
    assert (bridge.date, ferry.date) == ("2025-12-29", "2025-12-28")
    assert ferry.text.splitlines()[1].startswith("The operator blamed the cost of fuel")
    assert not any(m in ferry.text for m in MARKUP)
    assert len({d.doc_id for d in docs}) == 2


@pytest.mark.parametrize(
    ("name", "outlet", "date", "author"),
    [
        ("valley-news.atom", "valleynews-example.org", "2025-12-30", "Lena Ford"),
        ("river-feed.rdf", "rivertimes-example.net", "2025-12-27", None),
    ],
)
def test_atom_and_rdf(name: str, outlet: str, date: str, author: str | None) -> None:
    [doc] = read_file(GOOD / name)
    assert (doc.format, doc.outlet, doc.date, doc.author) == ("feed", outlet, date, author)


def test_jsonl_reads_good_lines_and_warns_with_the_line_number(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING):
        docs = read_file(GOOD / "wire-export.jsonl")
    assert [r.getMessage() for r in caplog.records] == [
        f"{GOOD / 'wire-export.jsonl'}:2 skipped: not JSON (Unterminated string starting at)"]
    first, third = docs
    assert (first.outlet, first.author, first.url) == (
        "wirenews-example.com", "Sam Lee", "https://www.wirenews-example.com/airport-routes")
    assert first.date is None  # "December 26" with no other date to take a year from
    assert third.outlet == "Harbour Wire"
    assert third.date == "2025-12-27"  # "2 hours ago" is not resolved; the text's date is used


def test_feed_summary_and_saved_page_are_one_article(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        docs = ingest([GOOD])
    bridge = [d for d in docs if "harbour bridge" in d.title.lower()]
    assert [d.format for d in bridge] == ["html"]  # the fuller copy is kept
    assert any("one article (the same URL)" in r.getMessage() for r in caplog.records)


def _doc(text: str, url: str | None = None, summary: bool = False) -> Document:
    return Document(doc_id=str(abs(hash(text)))[:10], path="x", title="t", sha256="0" * 64,
                    text=text, url=url, summary_only=summary)


def test_near_identical_texts_count_once() -> None:
    text = ("The council approved a new tram line on Tuesday that will link the station "
            "with the hospital by 2028, officials said.")
    docs = dedupe([_doc(text), _doc(text.replace("officials said", "officials added")),
                   _doc("A different story about a ferry timetable for the coming winter.")])
    assert len(docs) == 2


def test_normal_url() -> None:
    assert normal_url("https://www.a.com/x/?utm_source=rss&id=3#c") == "a.com/x?id=3"
    assert normal_url("http://a.com/x") == normal_url("https://www.a.com/x/")


@pytest.mark.parametrize(
    ("url", "names", "outlet"),
    [
        ("https://news.bbc.co.uk/a", (), "bbc.co.uk"),
        ("http://fakehost/x", ("Site",), "Site"),
        (None, (None, "  "), "unknown"),
    ],
)
def test_choose_outlet(url: str | None, names: tuple, outlet: str) -> None:
    assert choose_outlet(url, *names) == outlet


def test_tldextract_never_fetches(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network used")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    assert registrable_domain("https://www.example.co.uk/x") == "example.co.uk"


@pytest.mark.parametrize(
    ("raw", "years", "iso"),
    [
        ("2025-12-30T08:00:00Z", (), "2025-12-30"),
        ("December 27", (2025,), "2025-12-27"),
        ("December 27", (), None),
        ("2 hours ago", (2025,), None),
        ("yesterday", (2025,), None),
        ("Tuesday", (2025,), None),
        ("not a date 99", (), None),
    ],
)
def test_parse_date_never_reads_the_clock(raw: str, years: tuple, iso: str | None) -> None:
    assert parse_date(raw, years) == iso


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("plain-note.html", "is not an HTML page"),
        ("fake.html.gz", "is not gzip data"),
        ("not-xml.rss", "is not an RSS, Atom or RDF feed"),
    ],
)
def test_bad_files_are_one_clear_error(name: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        read_file(BAD / name)


def test_login_wall_is_skipped_with_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        assert read_file(BAD / "login-wall.html") == []
    assert "holds no article" in caplog.text


def test_truncated_page_reads_what_is_there_with_a_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING):
        docs = read_file(BAD / "truncated-page.html")
    assert "may be cut short" in caplog.text
    assert all(not any(m in d.text for m in MARKUP) for d in docs)


def test_a_20_mb_page_is_refused_within_seconds(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    filler = "<p>" + "word " * 200 + "</p>\n"
    path.write_text("<html><body>" + filler * (20 * MB // len(filler)) + "</body></html>")
    start = time.perf_counter()
    with pytest.raises(InputError, match=r"20\.\d MB, over the 10 MB limit.*--max-size"):
        read_file(path)
    assert time.perf_counter() - start < 5


def test_a_gzip_that_expands_past_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.html.gz"
    path.write_bytes(gzip.compress(b"<p>" + b"a" * (2 * MB)))
    with pytest.raises(InputError, match="over the 1 MB limit"):
        read_file(path, Limits(max_bytes=MB))


def test_a_long_text_keeps_its_first_part_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture,
) -> None:
    path = tmp_path / "long.txt"
    path.write_text("The council met again today and agreed on the plan.\n" * 5000)
    with caplog.at_level(logging.WARNING):
        [doc] = read_file(path)
    assert len(doc.text) <= Limits().max_chars and doc.text.endswith("plan.")
    assert "more than any article" in caplog.text


def test_a_5000_entry_feed_reads_the_first_entries(
    tmp_path: Path, caplog: pytest.LogCaptureFixture,
) -> None:
    items = "".join(
        f"<item><title>Story {i}</title><link>https://a-example.com/{i}</link>"
        f"<description>Story number {i} says the harbour council met on day {i}.</description>"
        "</item>" for i in range(5000))
    path = tmp_path / "big.rss"
    path.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>A</title>'
                    f"{items}</channel></rss>")
    start = time.perf_counter()
    with caplog.at_level(logging.WARNING):
        docs = read_file(path)
    assert len(docs) == Limits().max_entries
    assert "has 5000 entries; read the first 200" in caplog.text
    assert time.perf_counter() - start < 30


def test_scripts_and_handlers_end_as_plain_text_in_segments() -> None:
    docs = ingest([GOOD / "harbour-page.html", GOOD / "coastal-feed.rss"])
    for segmented in segment(docs).documents:
        for s in segmented.sentences:
            assert not any(m in s.text for m in MARKUP)
