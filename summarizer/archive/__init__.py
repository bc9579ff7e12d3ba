"""The archive: daily editions that remember what earlier briefs read and said.

`record(store, brief, as_of, arguments)` is the stage: it links today's stories
to the threads of earlier days, moves what an earlier brief already said to a
story's background, adds each developing story's timeline, and records the
brief in one transaction. `earlier(store, documents, as_of)` names the
documents an earlier day already briefed (context, not news). `store` is the
SQLite file; `views` reads it back (history, one thread, stats, prune, export).
"""

from summarizer.archive.store import ArchiveError, Store, default_path
from summarizer.archive.threads import earlier, record
from summarizer.archive.views import brief as recorded_brief
from summarizer.archive.views import export, history, prune, stats, thread

__all__ = [
    "ArchiveError", "Store", "default_path", "earlier", "export", "history", "prune",
    "record", "recorded_brief", "stats", "thread",
]
