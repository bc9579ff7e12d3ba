"""The archive file: what every brief read and said, in SQLite, readable with the stock shell.

One file (the user's data directory by default). Each document is kept once,
keyed by the SHA-256 of its decoded text, so that every citation of every old
brief still resolves to its exact characters; each brief keeps its date,
arguments, model and full JSON; each story of a brief belongs to a thread
(the story across days), and each item is kept with its citations.

A brief is recorded in one transaction (`BEGIN IMMEDIATE`): a run killed at
any moment leaves the file as it was, and a second writer waits `BUSY_SECONDS`
and then fails with one line. The schema's version is SQLite's `user_version`,
migrated forward on open; `application_id` marks the file as ours, so another
SQLite file given as the archive is refused, untouched.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from summarizer.errors import SummarizerError

APPLICATION_ID = 0x53554D42  # "SUMB": a summarizer archive
BUSY_SECONDS = 10.0  # how long a brief waits for another one's write before giving up
NO_ARCHIVE = "Make this brief without it: --no-archive."

# Each entry takes the schema from the version before it to its own number.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE documents (
        hash TEXT PRIMARY KEY,         -- SHA-256 of the decoded text that spans index
        doc_id TEXT NOT NULL, path TEXT NOT NULL, title TEXT NOT NULL, outlet TEXT NOT NULL,
        date TEXT, text TEXT NOT NULL
    );
    CREATE TABLE briefs (
        id INTEGER PRIMARY KEY,
        as_of TEXT NOT NULL UNIQUE,    -- one brief a day: the same day again replaces it
        created TEXT NOT NULL,
        arguments TEXT NOT NULL,       -- JSON: what the brief was asked
        model TEXT NOT NULL,           -- JSON: path, name, sha256
        brief TEXT NOT NULL            -- the brief's full JSON
    );
    CREATE TABLE brief_documents (
        brief_id INTEGER NOT NULL REFERENCES briefs(id) ON DELETE CASCADE,
        doc_hash TEXT NOT NULL REFERENCES documents(hash),
        doc_id TEXT NOT NULL,
        PRIMARY KEY (brief_id, doc_hash)
    );
    CREATE TABLE threads (
        id INTEGER PRIMARY KEY,
        headline TEXT NOT NULL         -- the headline of its first story
    );
    CREATE TABLE stories (
        brief_id INTEGER NOT NULL REFERENCES briefs(id) ON DELETE CASCADE,
        story_id TEXT NOT NULL,
        thread_id INTEGER NOT NULL REFERENCES threads(id),
        as_of TEXT NOT NULL,
        headline TEXT NOT NULL,
        profile TEXT NOT NULL,         -- what the story is about, for linking later days
        PRIMARY KEY (brief_id, story_id)
    );
    CREATE TABLE items (
        id INTEGER PRIMARY KEY,
        brief_id INTEGER NOT NULL REFERENCES briefs(id) ON DELETE CASCADE,
        story_id TEXT NOT NULL,
        thread_id INTEGER NOT NULL REFERENCES threads(id),
        position INTEGER NOT NULL,
        new INTEGER NOT NULL,          -- 0: it restated an earlier brief of the thread
        text TEXT NOT NULL,
        item TEXT NOT NULL             -- the item's JSON, citations included
    );
    CREATE INDEX stories_by_thread ON stories(thread_id, as_of);
    CREATE INDEX stories_by_day ON stories(as_of);
    CREATE INDEX items_by_thread ON items(thread_id);
    """,
    # 2: each story's profile stems, counted when recorded (JSON, stem -> count), so that
    # linking a day reads counts instead of analysing two years of texts again (NULL: counted
    # from the profile). No SQL comment here: SQLite splices the column's text into the
    # table's CREATE statement, where a comment would swallow its closing parenthesis.
    """
    ALTER TABLE stories ADD COLUMN terms TEXT
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


class ArchiveError(SummarizerError):
    """An archive that cannot be opened, read or written."""


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def default_path(configured: Path | None = None) -> Path:
    """$SUMMARIZER_ARCHIVE, else the config file's `archive` (`configured`), else
    archive.sqlite3 in the user's data directory; `--archive` comes before all three."""
    if env := os.environ.get("SUMMARIZER_ARCHIVE"):
        return Path(env).expanduser()
    if configured is not None:
        return configured.expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("summarizer")) / "archive.sqlite3"


class Store:
    """An open archive file; use as a context manager, or call `close()`."""

    def __init__(self, path: Path, create: bool = True) -> None:
        self.path = path
        if not path.exists() and not create:
            raise ArchiveError(f"there is no archive at {path}",
                               "Make a brief first, or pass --archive PATH to the right file.")
        _check_header(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(path, timeout=BUSY_SECONDS, isolation_level=None)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA foreign_keys = ON")
            self._migrate()
        except sqlite3.Error as e:
            raise _explained(e, path) from None
        except OSError as e:
            raise ArchiveError(f"cannot open the archive {path}: {e.strerror}",
                               "Pass --archive PATH to a writable place. " + NO_ARCHIVE) from None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    def _migrate(self) -> None:
        (version,) = self.db.execute("PRAGMA user_version").fetchone()
        (app,) = self.db.execute("PRAGMA application_id").fetchone()
        if version == 0 and app == 0 and self._tables():
            raise ArchiveError(f"{self.path} is an SQLite file but not a summarizer archive",
                               "Pass --archive PATH to another file. " + NO_ARCHIVE)
        if app not in (0, APPLICATION_ID):
            raise ArchiveError(f"{self.path} is an SQLite file but not a summarizer archive",
                               "Pass --archive PATH to another file. " + NO_ARCHIVE)
        if version > SCHEMA_VERSION:
            raise ArchiveError(f"the archive {self.path} has schema {version}, newer than this "
                               f"summarizer's {SCHEMA_VERSION}", "Upgrade summarizer.")
        if version == SCHEMA_VERSION:
            return
        self.db.execute("PRAGMA journal_mode = WAL")
        with self.transaction():
            for script in MIGRATIONS[version:]:
                for statement in script.split(";"):
                    if statement.strip():
                        self.db.execute(statement)
            self.db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _tables(self) -> bool:
        return bool(self.db.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone())

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it lands, or none of it."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as e:
            raise _explained(e, self.path) from None
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        try:
            self.db.execute("COMMIT")
        except sqlite3.Error as e:
            raise _explained(e, self.path) from None

    def query(self, sql: str, *args: object) -> list[sqlite3.Row]:
        try:
            return self.db.execute(sql, args).fetchall()
        except sqlite3.Error as e:
            raise _explained(e, self.path) from None


def _check_header(path: Path) -> None:
    """Refuse, untouched, a file at the archive path that is not an SQLite database."""
    if not path.is_file() or path.stat().st_size == 0:
        return
    try:
        with path.open("rb") as f:
            header = f.read(16)
    except OSError as e:
        raise ArchiveError(f"cannot read the archive {path}: {e.strerror}",
                           "Check its permissions. " + NO_ARCHIVE) from None
    if header != b"SQLite format 3\x00":
        raise ArchiveError(f"{path} is not a summarizer archive (not an SQLite file)",
                           "Pass --archive PATH to another file. " + NO_ARCHIVE)


def _explained(error: sqlite3.Error, path: Path) -> ArchiveError:
    message = str(error)
    if "locked" in message or "busy" in message:
        return ArchiveError(f"the archive {path} is busy: another summarizer is writing to it "
                            f"(waited {BUSY_SECONDS:.0f} s)",
                            "Try again when it has finished. " + NO_ARCHIVE)
    if "readonly" in message or "read-only" in message or "unable to open" in message:
        # SQLite writes a journal beside the file: a read-only folder stops it too.
        return ArchiveError(f"the archive {path} is read-only ({message})",
                            "Make it and its folder writable, or pass --archive PATH. "
                            + NO_ARCHIVE)
    if "not a database" in message or "malformed" in message or "corrupt" in message:
        return ArchiveError(f"the archive {path} is damaged ({message})",
                            "Restore it from a copy (`summarizer archive export`). "
                            + NO_ARCHIVE)
    return ArchiveError(f"the archive {path} failed: {message}", NO_ARCHIVE)


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
