"""Daily editions through the real CLI: days replayed in order against a real SQLite archive.

Briefs here are made with `--draft never` (no model: each fact is quoted from its
best-supported source sentence), so that what is tested is the archive, not drafting.
"""

from __future__ import annotations

import html
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarizer.cli import cli

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
BRIDGE = [  # day one: two outlets report the reopening
    ("Harbour bridge reopens", "The Harbour Bridge in Port Lamont reopened to traffic on "
     "Monday after eight months of repairs, the city council said. The repairs cost 40 "
     "million dollars."),
    ("Port Lamont bridge open again", "Port Lamont's Harbour Bridge reopened to traffic on "
     "Monday after eight months of repairs, according to the city council. Engineers "
     "replaced the deck."),
]
BRIDGE_LATER = [  # day two: the reopening again, and a new fact two outlets share
    ("Bridge traffic jams", "The Harbour Bridge in Port Lamont reopened to traffic on Monday "
     "after eight months of repairs. On Tuesday a lorry broke down on the bridge and "
     "blocked two lanes for three hours, police said."),
    ("Lorry blocks Port Lamont bridge", "A lorry broke down on the Harbour Bridge in Port "
     "Lamont on Tuesday and blocked two lanes for three hours, police said. The bridge had "
     "reopened to traffic on Monday."),
]


def folder(root: Path, name: str, pairs: list[tuple[str, str]]) -> Path:
    path = root / name
    path.mkdir()
    for i, (title, text) in enumerate(pairs):
        (path / f"{name}{i}.txt").write_text(f"{title}\n{text}\n", encoding="utf-8")
    return path


def seeds_days(root: Path) -> tuple[Path, Path]:
    """Day one: three of the seeds; day two: all five (three of them already briefed)."""
    one, two = root / "one", root / "two"
    one.mkdir()
    two.mkdir()
    for i, path in enumerate(sorted(SEEDS.glob("*.txt"))):
        shutil.copy(path, two)
        if i < 3:
            shutil.copy(path, one)
    return one, two


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def brief(path: Path, archive: Path, day: str, *more: str) -> dict:
    code, out, err = run("brief", str(path), "--archive", str(archive), "--as-of", day,
                         "--draft", "never", "--format", "json", *more)
    assert code == 0, err
    return json.loads(out)


def test_the_next_day_a_story_is_developing_and_old_documents_are_context(
        tmp_path: Path) -> None:
    archive = tmp_path / "archive.db"
    one, two = seeds_days(tmp_path)
    first = brief(one, archive, "2025-12-27")
    assert first["stories"][0]["thread"]["status"] == "new"
    assert all(i["new"] is True for i in first["items"])
    second = brief(two, archive, "2025-12-28")
    story = second["stories"][0]
    assert story["thread"] == {"id": first["stories"][0]["thread"]["id"],
                               "status": "developing", "first_seen": "2025-12-27", "days": 1}
    assert [d["date"] for d in story["timeline"]] == ["2025-12-27"]
    context = [o for o in second["omissions"] if o["kind"] == "document"]
    assert len(context) == 3 and all("briefed on 2025-12-27" in o["reason"] for o in context)
    assert len(second["documents"]) == 2  # today's news only
    code, out, _ = run("history", "--archive", str(archive), "--format", "json")
    assert code == 0
    assert [(r["date"], r["new"], r["developing"]) for r in json.loads(out)] == [
        ("2025-12-27", 1, 0), ("2025-12-28", 0, 1)]


def test_an_archive_of_the_first_schema_is_migrated_and_still_links(tmp_path: Path) -> None:
    """Stories recorded before profile stems were counted (schema 1) link from their text."""
    archive = tmp_path / "archive.db"
    one, two = seeds_days(tmp_path)
    first = brief(one, archive, "2025-12-27")
    with sqlite3.connect(archive) as db:  # back to schema 1, as an earlier version left it
        db.execute("ALTER TABLE stories DROP COLUMN terms")
        db.execute("PRAGMA user_version = 1")
    db.close()
    second = brief(two, archive, "2025-12-28")
    assert second["stories"][0]["thread"]["id"] == first["stories"][0]["thread"]["id"]
    assert second["stories"][0]["thread"]["status"] == "developing"
    with sqlite3.connect(archive) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (2,)
        assert [t is None for (t,) in db.execute("SELECT terms FROM stories ORDER BY as_of")
                ] == [True, False]
    db.close()


def test_a_fact_told_yesterday_is_background_and_new_facts_lead(tmp_path: Path) -> None:
    archive = tmp_path / "archive.db"
    brief(folder(tmp_path, "mon", BRIDGE), archive, "2026-03-02")
    later = brief(folder(tmp_path, "tue", BRIDGE_LATER), archive, "2026-03-03")
    story = later["stories"][0]
    assert story["thread"]["status"] == "developing"
    new = [i["text"] for i in (*story["items"], *story["single_source"])]
    background = [i["text"] for i in story["background"]]
    assert any("lorry" in t.lower() for t in new)
    assert background and all("reopened" in t for t in background)
    assert all(i["new"] is False and "reported on 2026-03-02" in i["changes"][-1]
               for i in story["background"])
    code, markdown, _ = run("render", str(later["brief_id"]), "--archive", str(archive))
    assert code == 0
    assert "**Developing** since 2026-03-02" in markdown and "Background" in markdown
    code, _, err = run("check", "--brief", str(later["brief_id"]), "--archive", str(archive))
    assert code == 0, err


def test_the_same_day_again_replaces_its_brief(tmp_path: Path) -> None:
    archive = tmp_path / "archive.db"
    one, _ = seeds_days(tmp_path)
    first = brief(one, archive, "2025-12-27")
    again = brief(one, archive, "2025-12-27")
    assert again["items"] == first["items"] and again["stories"][0]["thread"]["status"] == "new"
    _, out, _ = run("history", "--archive", str(archive), "--format", "json")
    assert [r["date"] for r in json.loads(out)] == ["2025-12-27"]


def test_every_old_citation_resolves_against_the_archive(tmp_path: Path) -> None:
    archive = tmp_path / "archive.db"
    one, two = seeds_days(tmp_path)
    first = brief(one, archive, "2025-12-27")
    brief(two, archive, "2026-01-26")  # 30 days later: still the same thread, and resolvable
    code, out, _ = run("thread", str(first["stories"][0]["thread"]["id"]), "--archive",
                       str(archive), "--format", "json")
    assert code == 0
    days = json.loads(out)["days"]
    citations = [c for d in days for i in d["items"] for c in i["citations"]]
    assert [d["date"] for d in days] == ["2025-12-27", "2026-01-26"]
    assert citations and all(c["resolves"] for c in citations)
    thread_id = str(first["stories"][0]["thread"]["id"])
    code, page, _ = run("thread", thread_id, "--archive", str(archive), "--format", "html")
    assert code == 0 and page.count("<section>") == 2
    assert "default-src 'none'" in html.unescape(page) and "does not resolve" not in page
    assert html.escape(citations[0]["cited_text"], quote=False) in page
    code, markdown, _ = run("thread", thread_id, "--archive", str(archive))
    assert code == 0 and markdown.count("\n## ") == 2 and "does not resolve" not in markdown


def test_a_day_with_nothing_new_is_recorded_and_says_so(tmp_path: Path) -> None:
    archive = tmp_path / "archive.db"
    one, _ = seeds_days(tmp_path)
    brief(one, archive, "2025-12-27")
    again = brief(one, archive, "2025-12-28")
    assert again["stories"] == [] and again["brief_id"] is not None
    assert {o["kind"] for o in again["omissions"]} == {"document"}
    code, out, _ = run("brief", str(one), "--archive", str(archive), "--draft", "never",
                       "--as-of", "2025-12-28")
    assert code == 0 and "Nothing new: every document was briefed on an earlier day" in out


def test_no_archive_neither_reads_nor_writes(tmp_path: Path) -> None:
    archive = tmp_path / "archive.db"
    one, _ = seeds_days(tmp_path)
    data = brief(one, archive, "2025-12-27", "--no-archive")
    assert not archive.exists()
    assert data["brief_id"] is None and data["stories"][0]["thread"] is None


def read_only(path: Path, on: bool) -> None:
    """The file and its folder (where SQLite would write its journal) made read-only, or
    writable again. Root writes through permission bits, so as root they are made
    immutable instead (`chattr`, on file systems that support it)."""
    if os.geteuid() != 0:
        for p, mode in ((path, 0o444), (path.parent, 0o555)):
            p.chmod(mode if on else 0o755)
        return
    if shutil.which("chattr") is None:
        pytest.skip("running as root without chattr: nothing is read-only to root")
    done = subprocess.run(["chattr", "+i" if on else "-i", str(path), str(path.parent)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"this file system cannot make files immutable: {done.stderr.strip()}")


@pytest.mark.parametrize("kind", ["text", "foreign sqlite", "read-only"])
def test_an_unusable_archive_is_one_line_and_left_untouched(tmp_path: Path, kind: str) -> None:
    archive = tmp_path / "archive.db"
    if kind == "text":
        archive.write_text("my notes\n")
    elif kind == "foreign sqlite":
        with sqlite3.connect(archive) as db:
            db.execute("CREATE TABLE notes (line TEXT)")
    else:
        brief(seeds_days(tmp_path)[0], archive, "2025-12-27")
        read_only(archive, True)
    before = archive.read_bytes()
    try:
        code, out, err = run("brief", str(SEEDS), "--archive", str(archive), "--draft", "never",
                             "--as-of", "2025-12-28")
    finally:
        if kind == "read-only":
            read_only(archive, False)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "--no-archive" in err
    assert archive.read_bytes() == before
    code, _, _ = run("brief", str(SEEDS), "--archive", str(archive), "--draft", "never",
                     "--no-archive")
    assert code == 0


def test_a_second_writer_waits_then_fails_in_one_line(tmp_path: Path) -> None:
    archive = tmp_path / "archive.db"
    one, two = seeds_days(tmp_path)
    brief(one, archive, "2025-12-27")
    holder = sqlite3.connect(archive, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another brief in the middle of recording
    try:
        start = time.monotonic()
        code, _, err = run("brief", str(two), "--archive", str(archive), "--draft", "never",
                           "--as-of", "2025-12-28")
        waited = time.monotonic() - start
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code == 2 and "is busy: another summarizer is writing to it" in err
    assert 5 < waited < 60


def test_killing_a_brief_at_any_moment_leaves_the_archive_as_it_was(tmp_path: Path) -> None:
    archive = tmp_path / "archive.db"
    one, two = seeds_days(tmp_path)
    brief(one, archive, "2025-12-27")
    command = [sys.executable, "-m", "summarizer.cli", "brief", str(two), "--archive",
               str(archive), "--as-of", "2025-12-28", "--draft", "never", "--format", "json"]
    rng = random.Random(7)
    finished = 0
    for _ in range(20):
        running = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.5, 4.0))
        running.kill()
        finished += running.wait() == 0
        with sqlite3.connect(archive) as db:
            assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            days = [r[0] for r in db.execute("SELECT as_of FROM briefs ORDER BY as_of")]
            assert days in (["2025-12-27"], ["2025-12-27", "2025-12-28"])
            # A recorded brief is whole: its stories, items and documents all landed with it.
            for (brief_id,) in db.execute("SELECT id FROM briefs"):
                counts = [db.execute(f"SELECT count(*) FROM {t} WHERE brief_id = ?",
                                     (brief_id,)).fetchone()[0]
                          for t in ("stories", "items", "brief_documents")]
                assert all(counts), counts
    assert finished < 20  # some runs were killed part-way


def test_export_prune_and_stats(tmp_path: Path) -> None:
    archive = tmp_path / "archive.db"
    one, two = seeds_days(tmp_path)
    brief(one, archive, "2025-12-27")
    brief(two, archive, "2025-12-28")
    code, out, _ = run("archive", "export", str(tmp_path / "copy.db"), "--archive", str(archive))
    assert code == 0
    code, out, _ = run("archive", "stats", "--archive", str(tmp_path / "copy.db"))
    stats = json.loads(out)
    assert (stats["briefs"], stats["documents"], stats["threads"]) == (2, 5, 1)
    code, out, _ = run("archive", "prune", "--before", "2025-12-28", "--archive", str(archive))
    assert code == 0 and out.startswith("removed 1 briefs")
    code, out, _ = run("archive", "stats", "--archive", str(archive))
    assert (json.loads(out)["briefs"], json.loads(out)["documents"]) == (1, 2)


def test_where_the_archive_is_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """--archive, then $SUMMARIZER_ARCHIVE, then the config file's `archive`."""
    one, _ = seeds_days(tmp_path)
    config = tmp_path / "config.toml"
    config.write_text(f'archive = "{tmp_path / "configured.db"}"\n', encoding="utf-8")
    monkeypatch.setenv("SUMMARIZER_CONFIG", str(config))
    monkeypatch.setenv("SUMMARIZER_ARCHIVE", str(tmp_path / "env.db"))
    for expected in ("given.db", "env.db", "configured.db"):
        if expected == "configured.db":
            monkeypatch.delenv("SUMMARIZER_ARCHIVE")
        args = ["--archive", str(tmp_path / "given.db")] if expected == "given.db" else []
        code, _, err = run("brief", str(one), "--draft", "never", *args)
        assert code == 0, err
        assert (tmp_path / expected).exists()
    assert sorted(p.name for p in tmp_path.glob("*.db")) == ["configured.db", "env.db",
                                                             "given.db"]
