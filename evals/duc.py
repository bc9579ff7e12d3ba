"""DUC 2003 (task 4): headlines of stories without titles, and what a brief covers.

1. headlines: all 30 clusters written as one folder of untitled files (326
   documents, as a morning's scraped newswire would be), briefed once without a
   model. Each story's headline is scored with ROUGE-1 (recall and F1, Porter
   stemming) against the human 10-word headlines of its documents (mean over
   every reference of every document of the story), beside a baseline: the
   first sentence of the story's first document. Headlines that fail the
   stand-alone test (`summarizer.stories.headlines.headline_like`) are counted.
2. content: each cluster briefed alone, its items cut to 100 words and scored
   with ROUGE-1/2 recall against the cluster's four human summaries (mean over
   the four), beside lead and LexRank (`evals/content.py`) in the same run.

Nothing is tuned on these figures' clusters beyond what the README says.
`python -m evals.duc [--clusters N]` prints both, without a model; with
`--model`, the content part only, each cluster drafted by the default model.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from statistics import mean, median

from summarizer.models import Brief
from summarizer.pipeline import brief as run_pipeline
from summarizer.stories.headlines import headline_like

from . import content
from .verifier import EVALDATA

DUC = EVALDATA.parent / "duc2003" / "duc2003_task4_clusters.jsonl"
MIX_STORIES = 60  # every story of the 30-cluster mix gets a headline


def missing() -> str | None:
    """One line naming the missing data, or None when it is there."""
    if DUC.is_file():
        return None
    return (f"no DUC 2003 data at {DUC}: put ../shared/duc2003/ beside the repository, "
            "or set EVALDATA to the evaldata folder beside it")


def clusters() -> list[dict]:
    with DUC.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def rouge1(system: str, references: list[str]) -> dict[str, float]:
    """ROUGE-1 recall and F1 of `system`, the mean over `references` (no length cut)."""
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)
    scores = [scorer.score(ref, system)["rouge1"] for ref in references]
    return {"recall": mean(s.recall for s in scores), "f1": mean(s.fmeasure for s in scores)}


def first_sentence(text: str) -> str:
    found = content.sentences(text)
    return found[0] if found else text


def headlines(run_brief: Callable[[list[Path]], Brief] | None = None) -> dict:
    """Every story's headline of the 30-cluster mix against the human headlines."""
    rows = clusters()
    human = {docno: [h["text"] for h in refs] for row in rows
             for docno, refs in row["headlines"].items()}
    texts = {d["docno"]: d["text"] for row in rows for d in row["documents"]}
    # Settings were compared on the stories of the first 15 clusters; the last 15 are held out.
    held_out = {d["docno"] for row in rows[15:] for d in row["documents"]}
    run = run_brief or (lambda paths: run_pipeline(paths, None, max_stories=MIX_STORIES))
    with tempfile.TemporaryDirectory(prefix="duc-") as tmp:
        for docno, text in texts.items():
            (Path(tmp) / f"{docno}.txt").write_text(text + "\n", encoding="utf-8")
        start = time.perf_counter()
        brief = run([Path(tmp)])
        seconds = time.perf_counter() - start
    docno_of = {d.doc_id: Path(d.path).stem for d in brief.documents}
    ours, lead, failing, words, half = [], [], [], [], []
    for story in (*brief.stories, *brief.also_reported):
        docnos = [docno_of[d] for d in story.documents]
        references = [h for docno in docnos for h in human.get(docno, [])]
        if not references:
            continue
        ours.append(rouge1(story.headline.text, references))
        lead.append(rouge1(first_sentence(texts[docnos[0]]), references))
        words.append(len(story.headline.text.split()))
        half.append(sum(d in held_out for d in docnos) * 2 > len(docnos))
        if story.headline.kind == "verified" and not headline_like(story.headline.text):
            failing.append(story.headline.text)

    def scores(rows: list[dict], part: bool | None) -> dict[str, float]:
        chosen = [r for r, h in zip(rows, half, strict=True) if part is None or h == part]
        return {k: round(mean(r[k] for r in chosen), 4) if chosen else 0.0
                for k in ("recall", "f1")}

    return {
        "stories": len(ours), "held_out_stories": sum(half),
        "headline": scores(ours, None), "first_lead_sentence": scores(lead, None),
        "held_out": {"headline": scores(ours, True), "first_lead_sentence": scores(lead, True)},
        "tuned_on": {"headline": scores(ours, False), "first_lead_sentence": scores(lead, False)},
        "median_words": median(words), "not_standalone": len(failing), "failing": failing,
        "seconds": round(seconds, 1),
    }


def coverage(limit: int, run_brief: Callable[[list[Path]], Brief] | None = None) -> dict:
    """Each of the first `limit` clusters briefed alone: ROUGE-1/2 recall at 100 words."""
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    run = run_brief or (lambda paths: run_pipeline(paths, None))
    systems: dict[str, list[dict]] = {"brief": [], "lead": [], "lexrank": []}
    seconds = []
    for row in clusters()[:limit]:
        docs = [d["text"] for d in row["documents"]]
        refs = [r["text"] if isinstance(r, dict) else r for r in row["references"]]
        with tempfile.TemporaryDirectory(prefix="duc-") as tmp:
            for d in row["documents"]:
                (Path(tmp) / f"{d['docno']}.txt").write_text(d["text"] + "\n", encoding="utf-8")
            start = time.perf_counter()
            brief = run([Path(tmp)])
            seconds.append(time.perf_counter() - start)
        made = {"brief": " ".join(i.text for i in brief.items),
                "lead": content.lead(docs), "lexrank": content.lexrank(docs)}
        for name, text in made.items():
            scores = [scorer.score(ref, content.first_words(text)) for ref in refs]
            systems[name].append({f"rouge{n}_recall": mean(s[f"rouge{n}"].recall for s in scores)
                                  for n in (1, 2)})
    return {"clusters": len(systems["brief"]), "words": content.WORDS,
            "systems": {name: {k: round(mean(r[k] for r in rows), 4) for k in rows[0]}
                        for name, rows in systems.items() if rows},
            "seconds_per_cluster": round(mean(seconds), 1) if seconds else 0.0}


def evaluate(limit: int, run_brief: Callable[[list[Path]], Brief] | None = None) -> dict:
    if (why := missing()) is not None:
        return {"skipped": why}
    return {"headlines": headlines(), "content": coverage(limit, run_brief)}


def main() -> None:
    if (why := missing()) is not None:
        raise SystemExit(why)
    limit = int(sys.argv[sys.argv.index("--clusters") + 1]) if "--clusters" in sys.argv else 30
    if "--model" in sys.argv:  # the clusters drafted by the default model, as `eval` does
        from evals.runs import Models

        print(json.dumps({"content": coverage(limit, Models().brief)}, indent=1))
        return
    print(json.dumps(evaluate(limit), indent=1))


if __name__ == "__main__":
    main()
