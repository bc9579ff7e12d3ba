"""Content selection on Multi-News dev clusters: ROUGE of our brief, lead and LexRank.

Every system summary is cut to its first `WORDS` words and scored with
`rouge-score` (ROUGE-1/2, Porter stemming) against the cluster's human
reference. Systems:

- brief: the pipeline's item texts in order (the model drafts every cluster);
- lead: first sentences of each document in turn (round robin), then seconds...;
- lexrank: sumy's LexRank over all the cluster's sentences, picked sentences in
  document order. sumy is given our own tokenizer (pysbd sentences,
  `summarizer.text.words` words) and stemmer, so it never needs nltk data.
"""

from __future__ import annotations

import json
import re
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from statistics import mean

import pysbd

from summarizer.errors import SummarizerError
from summarizer.language.text import STOPWORDS, stem, words

WORDS = 100  # every system summary is cut to this many words before ROUGE
LEXRANK_SENTENCES = 12
MIN_DOC_CHARS = 200  # shorter cluster documents (sign-up boxes, stubs) are left out

_SEGMENTER = pysbd.Segmenter(language="en", clean=False)


class Tokenizer:
    """What sumy's parsers need, built on pysbd and `summarizer.text.words`."""

    language = "english"

    def to_sentences(self, text: str) -> list[str]:
        return [s.strip() for s in _SEGMENTER.segment(text) if s.strip()]

    def to_words(self, sentence: str) -> list[str]:
        return words(sentence)


def clean(text: str) -> str:
    """Multi-News text puts ' \\n \\n ' between paragraphs: one paragraph per line."""
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())


def reference(summary: str) -> str:
    return re.sub(r"^\s*[–-]\s*", "", summary).strip()


def first_words(text: str, n: int = WORDS) -> str:
    return " ".join(text.split()[:n])


def sentences(text: str) -> list[str]:
    return [s for line in clean(text).splitlines() for s in Tokenizer().to_sentences(line)
            if len(s.split()) >= 4]


def lead(documents: list[str], n: int = WORDS) -> str:
    """Round robin over documents: each one's first sentence, then each one's second..."""
    per_doc = [sentences(d) for d in documents]
    out: list[str] = []
    for rank in range(max((len(s) for s in per_doc), default=0)):
        out += [s[rank] for s in per_doc if rank < len(s)]
        if sum(len(s.split()) for s in out) >= n:
            break
    return " ".join(out)


def lexrank(documents: list[str], count: int = LEXRANK_SENTENCES) -> str:
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer

    parser = PlaintextParser.from_string("\n\n".join(clean(d) for d in documents), Tokenizer())
    summarizer = LexRankSummarizer(stem)
    summarizer.stop_words = STOPWORDS
    return " ".join(str(s) for s in summarizer(parser.document, count))


def rouge(system: str, ref: str) -> dict[str, float]:
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    scores = scorer.score(ref, first_words(system))
    return {
        "rouge1_recall": scores["rouge1"].recall, "rouge1_f1": scores["rouge1"].fmeasure,
        "rouge2_recall": scores["rouge2"].recall, "rouge2_f1": scores["rouge2"].fmeasure,
    }


def load_clusters(path: Path, limit: int) -> list[dict]:
    """The first `limit` clusters with at least two usable documents."""
    out = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            docs = [clean(d) for d in row["documents"] if len(d.strip()) >= MIN_DOC_CHARS]
            if len(docs) >= 2:
                out.append({"idx": row["idx"], "documents": docs,
                            "reference": reference(row["summary"])})
            if len(out) >= limit:
                break
    return out


def evaluate(
    path: Path, limit: int, run_brief: Callable[[list[Path]], object] | None,
    support_of: Callable[[object], dict] | None = None,
) -> dict:
    """ROUGE per system averaged over clusters, plus the brief's support share.

    `run_brief(paths) -> Brief` runs the pipeline; with None only the
    baselines are scored. `support_of(brief)` gives the support metrics.
    """
    systems: dict[str, list[dict]] = {"brief": [], "lead": [], "lexrank": []}
    extra: dict[str, list] = {"support": [], "words": [], "items": [], "seconds": [],
                              "failed": []}
    for cluster in load_clusters(path, limit):
        ref, docs = cluster["reference"], cluster["documents"]
        systems["lead"].append(rouge(lead(docs), ref))
        systems["lexrank"].append(rouge(lexrank(docs), ref))
        if run_brief is None:
            continue
        with tempfile.TemporaryDirectory(prefix="multinews-") as tmp:
            paths = []
            for i, doc in enumerate(docs):
                paths.append(Path(tmp) / f"doc{i}.txt")
                paths[-1].write_text(doc + "\n", encoding="utf-8")
            start = time.perf_counter()
            try:
                brief = run_brief(paths)
            except SummarizerError as e:
                extra["failed"].append({"idx": cluster["idx"], "error": str(e)})
                continue
            extra["seconds"].append(time.perf_counter() - start)
        summary = " ".join(it.text for it in brief.items)  # type: ignore[attr-defined]
        systems["brief"].append(rouge(summary, ref))
        extra["words"].append(len(summary.split()))
        extra["items"].append(len(brief.items))  # type: ignore[attr-defined]
        if support_of is not None:
            extra["support"].append(support_of(brief))
    out: dict = {"clusters": len(systems["lead"]), "words": WORDS, "systems": {}}
    for name, rows in systems.items():
        if rows:
            out["systems"][name] = {k: mean(r[k] for r in rows) for k in rows[0]}
            out["systems"][name]["n"] = len(rows)
    if extra["items"]:
        n_items = sum(extra["items"])
        out["brief"] = {
            "support_share": sum(s["recheck"] * s["n"] for s in extra["support"]) / n_items
            if n_items and extra["support"] else 0.0,
            "verdict_share": sum(s["verdict"] * s["n"] for s in extra["support"]) / n_items
            if n_items and extra["support"] else 0.0,
            "items": n_items,
            "mean_words": mean(extra["words"]),
            "seconds_per_cluster": mean(extra["seconds"]),
        }
    out["failed"] = extra["failed"]
    return out
