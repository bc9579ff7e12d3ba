"""Reading files: decoding rule, titles, dates, folder walking, duplicates, input errors."""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

import pytest

from summarizer.errors import InputError
from summarizer.ingest.files import (
    collect_paths,
    decode,
    find_date,
    find_title,
    ingest,
    read_document,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SEOUL, Dec. 30, 2025 2:03 p.m.", "2025-12-30"),
        ("state media reported on December 26, 2025.", "2025-12-26"),
        ("Sept. 5, 2025", "2025-09-05"),
        ("May 3 1999", "1999-05-03"),
        ("on 5 March 2024 in Seoul", "2024-03-05"),
        ("filed 2025-01-31", "2025-01-31"),
        ("2025-02-30 was a typo; see 2025-03-01", "2025-03-01"),
        ("Feb 30, 2025", None),
        ("SEOUL, December 27 (TNF)", None),
        ("reported on Friday", None),
        ("in the year 1899", None),
        ("", None),
        # the earliest date in the text wins, whatever its format
        ("Filed 2026-01-22. The visit was on Dec. 30, 2025.", "2026-01-22"),
        ("Dec. 30, 2025 ... updated 2026-01-22", "2025-12-30"),
    ],
)
def test_find_date(text: str, expected: str | None) -> None:
    assert find_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kim orders factories\nBody.", "Kim orders factories"),
        ("\n\n  ## Heading two  \nBody.", "Heading two"),
        ("###\n\nReal title\n", "Real title"),
        ("", "fallback"),
        ("  \n\t\n", "fallback"),
        ("x" * 250, "fallback"),
        # a body without a title line: no sentence cut short stands in for one
        ("WASHINGTON (AP) -- Senators voted " + "on and on " * 20 + "``at last''", "fallback"),
        ("One sentence. Another one.", "fallback"),
    ],
)
def test_find_title(text: str, expected: str) -> None:
    assert find_title(text, "fallback") == expected


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (b"Kim spoke.\n", "Kim spoke.\n", "utf-8"),
        ("Kim’s plan.".encode(), "Kim’s plan.", "utf-8"),
        (b"\xef\xbb\xbfKim spoke.", "Kim spoke.", "utf-8"),  # the BOM is dropped
        (b"Caf\xe9 \x93quoted\x94.", "Café “quoted”.", "cp1252"),
        (b"Menu \x81 item.", "Menu \x81 item.", "latin-1"),  # 0x81 is undefined in cp1252
    ],
)
def test_decode(data: bytes, text: str, encoding: str) -> None:
    assert decode(data, Path("x.txt")) == (text, encoding)


def test_decode_rejects_nul_bytes() -> None:
    with pytest.raises(InputError, match="binary"):
        decode(b"abc\x00def", Path("x.txt"))


def test_read_document_fields(tmp_path: Path) -> None:
    data = b"# North Korea expands missile output\n\nSEOUL, Dec. 30, 2025: Kim spoke.\n"
    path = tmp_path / "story.md"
    path.write_bytes(data)
    doc = read_document(path)
    sha = hashlib.sha256(data).hexdigest()
    assert doc.sha256 == sha
    assert doc.doc_id == sha[:10]
    assert doc.path == str(path)
    assert doc.title == "North Korea expands missile output"
    assert doc.date == "2025-12-30"
    assert doc.encoding == "utf-8"
    assert doc.text == data.decode()


def test_sha256_is_of_the_bytes_not_the_text(tmp_path: Path) -> None:
    plain, with_bom = tmp_path / "a.txt", tmp_path / "b.txt"
    plain.write_bytes(b"Kim spoke.")
    with_bom.write_bytes(b"\xef\xbb\xbfKim spoke.")
    a, b = read_document(plain), read_document(with_bom)
    assert a.text == b.text
    assert a.doc_id != b.doc_id


def test_title_falls_back_to_file_stem(tmp_path: Path) -> None:
    path = tmp_path / "my-story.txt"
    path.write_text("###\n", encoding="utf-8")
    assert read_document(path).title == "my-story"


def test_cp1252_file_is_decoded_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes("Kim’s “plan” for the café.\n".encode("cp1252"))
    with caplog.at_level(logging.WARNING, logger="summarizer.ingest"):
        doc = read_document(path)
    assert doc.text == "Kim’s “plan” for the café.\n"
    assert doc.encoding == "cp1252"
    assert [r.levelno for r in caplog.records] == [logging.WARNING]
    assert "not valid UTF-8; decoded it as cp1252" in caplog.records[0].getMessage()
    assert str(path) in caplog.records[0].getMessage()


def test_utf8_file_logs_no_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "new.txt"
    path.write_text("Kim’s plan.\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="summarizer.ingest"):
        read_document(path)
    assert caplog.records == []


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks like a binary file"),
        (b"", "is empty"),
        (b"  \n\t\r\n", "is empty"),
        (b"\xef\xbb\xbf\n", "is empty"),
    ],
)
def test_unreadable_content_is_an_input_error(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match=message) as info:
        ingest([path])
    assert str(path) in info.value.problem
    assert info.value.fix  # every error says what to do


def test_reading_a_folder_as_a_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        read_document(tmp_path)


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(InputError, match="does not exist") as info:
        ingest([missing])
    assert str(missing) in str(info.value)


def test_folder_with_no_documents(tmp_path: Path) -> None:
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden.txt").write_text("Kim spoke.", encoding="utf-8")
    with pytest.raises(InputError, match="holds no readable documents"):
        collect_paths([tmp_path])


def test_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="holds no readable documents"):
        ingest([tmp_path])


def test_unsupported_file_named_directly(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4")
    with pytest.raises(InputError, match="not a supported document"):
        collect_paths([path])


def test_collect_paths_walks_folders_sorted_and_keeps_argument_order(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    (folder / "sub").mkdir(parents=True)
    for name in ("b.txt", "a.md", "C.TXT", "sub/d.txt", "skip.pdf", ".hidden.md"):
        (folder / name).write_text("Kim spoke.", encoding="utf-8")
    single = tmp_path / "first.txt"
    single.write_text("Kim spoke.", encoding="utf-8")
    found = collect_paths([single, folder])
    assert found == [
        single,
        folder / "C.TXT",
        folder / "a.md",
        folder / "b.txt",
        folder / "sub" / "d.txt",
    ]


def test_duplicate_content_is_read_once(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "a.txt").write_text("Kim ordered new factories.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Kim ordered new factories.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Kim ordered more shells.\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="summarizer.ingest"):
        docs = ingest([tmp_path])
    assert [Path(d.path).name for d in docs] == ["a.txt", "c.txt"]
    messages = [r.getMessage() for r in caplog.records]
    assert len(messages) == 1
    assert "b.txt has the same content as" in messages[0]
    assert "a.txt" in messages[0]


def test_same_file_named_twice_is_read_once(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Kim ordered new factories.\n", encoding="utf-8")
    assert len(ingest([path, path])) == 1


def test_seeds(seed_documents) -> None:
    assert [Path(d.path).name[:3] for d in seed_documents] == ["000", "001", "002", "003", "004"]
    assert len({d.doc_id for d in seed_documents}) == 5
    assert all(d.encoding == "utf-8" for d in seed_documents)
    assert [d.date for d in seed_documents] == [
        None,
        None,
        "2025-12-26",
        "2025-12-26",
        "2025-12-30",
    ]
    assert seed_documents[1].title == "Kim Jong Un Orders Expansion of Missile Production for 2026"
    for d in seed_documents:
        assert d.sha256 == hashlib.sha256(Path(d.path).read_bytes()).hexdigest()
        assert d.doc_id == d.sha256[:10]


def test_ingest_is_stable(seeds_dir: Path, seed_documents) -> None:
    assert ingest([seeds_dir]) == seed_documents
