"""Today's stories against the threads of earlier days: what is new, what has moved on.

A story continues a thread when what it is about (its headline, its documents'
titles and openings, its items) is like what the thread's stories of the last
`WINDOW_DAYS` were about: TF-IDF cosine over content stems, the method of
story clustering, of today's few stories against the centroid of each recent
thread, never against every archived document. Each story's stems are counted
once, when it is recorded, so linking reads counts, not texts. Within a
continued story an item that an earlier brief of the thread already gave (the
verifier's test of support, on the few earlier items most like it) is
background, not news; new facts lead.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from datetime import date, timedelta
from itertools import chain, groupby
from operator import itemgetter

import numpy as np
import scipy.sparse as sp

from summarizer.archive.store import Store, content_hash, dumps, now
from summarizer.language.similarity import learn_idf, tfidf_matrix, unit_rows, weigh
from summarizer.language.text import analyzer
from summarizer.models import Brief, Document, DocumentRef, Item, Story, Thread, TimelineDay
from summarizer.verifier import same_fact

# How long after its last appearance a thread may be continued. News stories come back
# after long silences (a trial a year after the arrest, a dam's next stage): in DUC 2003's
# 30 topics, followed over up to four years, a perfect linker limited to 30 days since a
# thread's last story scores B-cubed F1 0.46; to 365 days, 0.92; to 730 days, 0.995.
WINDOW_DAYS = 730
# Cosine of a story's profile to a thread's centroid at or above which the story continues
# the thread. Chosen on DUC 2003's first 15 clusters replayed day by day
# (`python -m evals.editions --same X --half first`: 0.12 gave B-cubed P 0.93, R 0.95;
# 0.15 P 1.0, R 0.93; 0.18 P 1.0, R 0.86), the best F1.
SAME_THREAD = 0.15
# Of each document, the opening that goes into its story's profile: news says what a story
# is about first, and the items alone are too few words to recognise it on another day
# (first 15 DUC clusters, 730 days, threads as one text at cosine 0.12 before centroids
# came in: items alone F1 0.79; with 600 characters 0.88; 1,500 0.96; 3,000 with a lower
# threshold drifted to other topics).
LEAD_CHARS = 1500
LEADS = 5  # documents whose openings a profile takes
ABOUT_CHARS = 4000  # of the headline, titles and items
BATCH_STORIES = 500  # earlier stories whose vectors are held at once while linking
LIKELY_SAME = 0.25  # cosine above which an earlier item is checked as the same fact
CANDIDATES = 3  # earlier items checked per item, most alike first
TIMELINE_ITEMS = 3  # items of each earlier day shown in a timeline


def earlier(store: Store, documents: Sequence[Document | DocumentRef], as_of: str,
            ) -> dict[str, str]:
    """doc_id -> the first earlier day a brief read that document's text."""
    hashes = {content_hash(d.text): d.doc_id for d in documents}
    found: dict[str, str] = {}
    ids = list(hashes)
    for start in range(0, len(ids), 500):  # SQLite's bound on parameters
        chunk = ids[start:start + 500]
        rows = store.query(
            "SELECT bd.doc_hash AS hash, MIN(b.as_of) AS day FROM brief_documents bd "
            "JOIN briefs b ON b.id = bd.brief_id WHERE b.as_of < ? AND bd.doc_hash IN "
            f"({','.join('?' * len(chunk))}) GROUP BY bd.doc_hash", as_of, *chunk)
        found |= {hashes[r["hash"]]: r["day"] for r in rows}
    return found


def profile(story: Story, docs: dict[str, DocumentRef | Document]) -> str:
    """What a story is about, in words: headline, its documents' titles, its items, and
    the openings of its first documents."""
    titles = [docs[d].title for d in story.documents if d in docs]
    items = [i.text for i in (*story.items, *story.single_source, *story.background)]
    leads = [(docs[d].text or "")[:LEAD_CHARS] for d in story.documents[:LEADS] if d in docs]
    return " ".join([" ".join([story.headline.text, *titles, *items])[:ABOUT_CHARS], *leads])


def terms(text: str) -> Counter[str]:
    """A profile's content stems, counted: what the archive keeps to link later days."""
    return Counter(analyzer(text))


def record(store: Store, brief: Brief, as_of: str, arguments: dict) -> Brief:
    """Link the brief's stories to threads, mark what is new, and record it all at once.

    The same day again replaces that day's brief first, so its own documents and
    threads never count as earlier news.
    """
    with store.transaction() as db:
        db.execute("DELETE FROM briefs WHERE as_of = ?", (as_of,))
        db.execute("DELETE FROM threads WHERE id NOT IN (SELECT thread_id FROM stories)")
        docs = {d.doc_id: d for d in brief.documents}
        shown = [*brief.stories, *brief.also_reported]
        about = [profile(s, docs) for s in shown]
        counted = [terms(a) for a in about]
        threads = _match(db, counted, as_of)
        linked = [_continue(db, s, t, as_of) if t else _fresh(s)
                  for s, t in zip(shown, threads, strict=True)]
        cursor = db.execute(
            "INSERT INTO briefs (as_of, created, arguments, model, brief) VALUES (?, ?, ?, ?, ?)",
            (as_of, now(), dumps(arguments), brief.model.model_dump_json(), "{}"))
        brief_id = int(cursor.lastrowid or 0)
        final = []
        for story, thread, text, counts in zip(linked, threads, about, counted, strict=True):
            thread_id = thread or _new_thread(db, story)
            if story.thread is None:
                story = story.model_copy(update={"thread": Thread(
                    id=thread_id, status="new", first_seen=as_of, days=0)})
            final.append(story)
            _insert_story(db, brief_id, story, as_of, text, counts)
        # Stories that moved lead; developing ones with nothing new follow.
        main = sorted(final[: len(brief.stories)], key=lambda s: not _moved(s))
        also = final[len(brief.stories):]
        result = brief.model_copy(update={
            "stories": tuple(main), "also_reported": tuple(also),
            "items": tuple(i for s in (*main, *also) for i in (*s.items, *s.single_source)),
            "as_of": as_of, "brief_id": brief_id})
        for d in brief.documents:
            key = content_hash(d.text)
            db.execute("INSERT OR IGNORE INTO documents VALUES (?, ?, ?, ?, ?, ?, ?)",
                       (key, d.doc_id, d.path, d.title, d.outlet, d.date, d.text))
            db.execute("INSERT OR IGNORE INTO brief_documents VALUES (?, ?, ?)",
                       (brief_id, key, d.doc_id))
        db.execute("UPDATE briefs SET brief = ? WHERE id = ?",
                   (result.model_dump_json(), brief_id))
    return result


def _fresh(story: Story) -> Story:
    """A story no earlier brief told: every item of it is new."""
    return story.model_copy(update={
        "items": tuple(i.model_copy(update={"new": True}) for i in story.items),
        "single_source": tuple(i.model_copy(update={"new": True}) for i in story.single_source)})


def _moved(story: Story) -> bool:
    """A story ranks above the developing ones with nothing new since their last brief."""
    return bool(story.items or story.single_source)


def _match(db: sqlite3.Connection, today: list[Mapping[str, int]], as_of: str,
           ) -> list[int | None]:
    """The thread each of today's stories continues, or None: greedy, best pair first, one
    to one. A thread is the centroid of its stories' unit TF-IDF vectors (one IDF for today's
    stories and the window's), so a long thread weighs as much as a short one.

    Two years of stories are read twice, one row at a time (their IDF, then their threads'
    centroids a batch at a time), so that memory stays that of one batch, not of the window.
    """
    if not today:
        return []
    start = (date.fromisoformat(as_of) - timedelta(days=WINDOW_DAYS)).isoformat()

    def stored() -> Iterator[tuple[int, Mapping[str, int]]]:
        for row in db.execute("SELECT thread_id, terms, CASE WHEN terms IS NULL THEN profile "
                              "END AS profile FROM stories WHERE as_of < ? AND as_of >= ? "
                              "ORDER BY thread_id, as_of", (as_of, start)):
            yield row["thread_id"], (json.loads(row["terms"]) if row["terms"] is not None
                                     else terms(row["profile"]))  # recorded before schema 2

    column, idf = learn_idf(chain(today, (counts for _, counts in stored())))
    mine = weigh(today, column, idf)
    ids: list[int] = []
    parts: list[np.ndarray] = []
    batch: list[list[Mapping[str, int]]] = []
    held = 0
    for thread, rows in groupby(stored(), key=itemgetter(0)):
        ids.append(thread)
        batch.append([counts for _, counts in rows])
        held += len(batch[-1])
        if held >= BATCH_STORIES:
            parts.append(_against_centroids(mine, batch, column, idf))
            batch, held = [], 0
    if batch:
        parts.append(_against_centroids(mine, batch, column, idf))
    if not ids:
        return [None] * len(today)
    similar = np.hstack(parts)
    out: list[int | None] = [None] * len(today)
    taken: set[int] = set()
    for flat in np.argsort(-similar, axis=None, kind="stable"):
        i, j = divmod(int(flat), similar.shape[1])
        if similar[i, j] < SAME_THREAD:
            break
        if out[i] is None and j not in taken:
            out[i], _ = ids[j], taken.add(j)
    return out


def _against_centroids(mine: sp.csr_matrix, threads: list[list[Mapping[str, int]]],
                       column: dict[str, int], idf: np.ndarray) -> np.ndarray:
    """Cosine of each of today's stories (rows of `mine`) to each thread's centroid."""
    owner = np.repeat(np.arange(len(threads)), [len(stories) for stories in threads])
    vectors = weigh((counts for stories in threads for counts in stories), column, idf)
    member = sp.csr_matrix((np.ones(len(owner)), (owner, np.arange(len(owner)))),
                           shape=(len(threads), len(owner)))
    return (mine @ unit_rows(member @ vectors).T).toarray()


def _continue(db: sqlite3.Connection, story: Story, thread_id: int, as_of: str) -> Story:
    """A developing story: its restated items moved to background, its timeline filled."""
    days = db.execute("SELECT as_of, headline, brief_id FROM stories WHERE thread_id = ? AND "
                      "as_of < ? ORDER BY as_of", (thread_id, as_of)).fetchall()
    said = db.execute("SELECT i.text, i.item, s.as_of FROM items i JOIN stories s ON "
                      "s.brief_id = i.brief_id AND s.story_id = i.story_id WHERE "
                      "i.thread_id = ? AND s.as_of < ? ORDER BY s.as_of, i.position",
                      (thread_id, as_of)).fetchall()
    items = [*story.items, *story.single_source]
    days_said = restated([i.text for i in items], [r["text"] for r in said],
                         [r["as_of"] for r in said])
    new = [i.model_copy(update={"new": True}) for i, day in zip(items, days_said, strict=True)
           if day is None]
    background = [i.model_copy(update={"new": False,
                                       "changes": (*i.changes, f"reported on {day}")})
                  for i, day in zip(items, days_said, strict=True) if day is not None]
    by_day: dict[str, list[str]] = defaultdict(list)
    for r in said:  # ordered by position: each day's first items are its top ones
        by_day[r["as_of"]].append(r["item"])
    timeline = tuple(
        TimelineDay(date=d["as_of"], brief_id=d["brief_id"], headline=d["headline"],
                    items=tuple(Item.model_validate(json.loads(item))
                                for item in by_day[d["as_of"]][:TIMELINE_ITEMS]))
        for d in days)
    return story.model_copy(update={
        "items": tuple(i for i in new if i.sources > 1),
        "single_source": tuple(i for i in new if i.sources <= 1),
        "background": tuple(background), "timeline": timeline,
        "thread": Thread(id=thread_id, status="developing", first_seen=days[0]["as_of"],
                         days=len({d["as_of"] for d in days}))})


def restated(texts: list[str], earlier: list[str], days: list[str]) -> list[str | None]:
    """For each text, the day an earlier item said what it says (supports it), else None.

    One TF-IDF fit over both lists picks the few earlier items most like each text;
    only those are put to the verifier.

    >>> restated(["The bridge reopened on Monday.", "A lorry blocked two lanes."],
    ...          ["The bridge reopened to traffic on Monday."], ["2026-03-02"])
    ['2026-03-02', None]
    """
    if not texts or not earlier:
        return [None] * len(texts)
    matrix = tfidf_matrix([*texts, *earlier])
    similar = (matrix[: len(texts)] @ matrix[len(texts):].T).toarray()
    out: list[str | None] = []
    for text, row in zip(texts, similar, strict=True):
        best = np.argsort(-row, kind="stable")[:CANDIDATES]
        out.append(next((days[j] for j in best
                         if row[j] >= LIKELY_SAME and same_fact(text, [earlier[j]]).supported),
                        None))
    return out


def _new_thread(db: sqlite3.Connection, story: Story) -> int:
    cursor = db.execute("INSERT INTO threads (headline) VALUES (?)", (story.headline.text,))
    return int(cursor.lastrowid or 0)


def _insert_story(db: sqlite3.Connection, brief_id: int, story: Story, as_of: str,
                  about: str, counts: Counter[str]) -> None:
    assert story.thread is not None
    db.execute("INSERT INTO stories (brief_id, story_id, thread_id, as_of, headline, profile, "
               "terms) VALUES (?, ?, ?, ?, ?, ?, ?)",
               (brief_id, story.story_id, story.thread.id, as_of, story.headline.text, about,
                dumps(counts)))
    every = [*story.items, *story.single_source, *story.background]
    for position, item in enumerate(every):
        db.execute("INSERT INTO items (brief_id, story_id, thread_id, position, new, text, "
                   "item) VALUES (?, ?, ?, ?, ?, ?, ?)",
                   (brief_id, story.story_id, story.thread.id, position,
                    int(item.new is not False), item.text, item.model_dump_json()))
