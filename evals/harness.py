"""The eval harness behind `summarizer eval` and `make eval`.

Parts (each a key of the JSON report):

1. seeds: a brief of `seeds/` and its metrics (`evals/metrics.py`): citation
   validity, attribution, support share (and a judge model's, with
   --judge-model), key-fact recall against `evals/gold/seeds.json`, noise
   leakage, redundancy, corroboration, conflicts;
2. alce: ALCE citation recall and precision of that brief, `check()` deciding;
3. verifier: balanced accuracy on the dev sets and the adversarial suite,
   through `evals/verifier.py`;
4. multinews: ROUGE of our brief, lead and LexRank on Multi-News dev clusters
   (`evals/content.py`);
5. planted: perturbed source sentences drafted into verification
   (`evals/planted.py`);
6. cost: time per stage, model tokens per second, peak memory;
7. htmldev: main-text extraction of saved web pages against reference text
   (`evals/htmldev.py`), beside trafilatura alone;
8. duc: DUC 2003 (`evals/duc.py`): the headlines of the 30 clusters' stories
   briefed as one folder without a model, against the human headlines; and
   ROUGE-1/2 recall at 100 words of clusters briefed alone with the model,
   beside lead and LexRank;
9. editions: days replayed in date order into one archive (`evals/editions.py`),
   the seeds and DUC 2003's 30 clusters mixed: thread linking (B-cubed), the
   share of developing stories' news items that restate an earlier brief of
   their thread, and new-fact recall.

The dev data is read from `../shared/` (`$EVALDATA`, `evals/verifier.py`): with
no evaldata folder at all the run stops with one line saying so; a part whose
own files are missing is reported as skipped and its thresholds are not checked
(a verifier dev set missing alone is listed under `verifier.missing`, and its
thresholds fail as missing from the report).

`--fast` runs the seeds, a slice of each dev set and a few clusters; the
thresholds of `evals/thresholds.toml` for the mode must hold, else `run`
returns one line per failed threshold.
"""

from __future__ import annotations

import json
import platform
import resource
import sys
import time
import tomllib
from datetime import UTC, datetime
from pathlib import Path

from summarizer.draft.backend import Backend
from summarizer.draft.judge import VETO_BELOW, support_probability
from summarizer.errors import SummarizerError
from summarizer.ingest.files import ingest
from summarizer.models import Brief
from summarizer.segment.sentences import segment
from summarizer.verifier.decide import THRESHOLD

from . import content, duc, editions, htmldev, metrics, planted, report, stories, verifier
from .runs import Models

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "evals" / "gold" / "seeds.json"
THRESHOLDS = ROOT / "evals" / "thresholds.toml"
RESULTS = ROOT / "evals" / "RESULTS.md"
OUT = ROOT / "evals" / "out"
MULTINEWS = verifier.EVALDATA / "multinews" / "multinews_dev.jsonl"

FAST_SLICE = 60  # first N items of each verifier dev set in --fast
FAST_CLUSTERS = 3
FULL_CLUSTERS = 25
HTMLDEV_FAST = 40  # first N saved pages in --fast (all 130 in a full run)
FAST_BRIEF_MIXES = ((10, 7),)  # (clusters, seed) of the mixes briefed with the model
FULL_BRIEF_MIXES = ((10, 7), (10, 11), (50, 7))
FAST_PLANTED = 120  # perturbed sentences in --fast (all of them in a full run)
DUC_FAST = 3  # DUC 2003 clusters briefed alone in --fast (the headlines always brief all 30)
DUC_FULL = 10  # about 136 s a cluster with the default model; `python -m evals.duc` briefs
# all 30 without a model in about a minute
SPEED_PROMPT = "Describe a harbour town on a quiet morning in a few plain sentences."
SPEED_GRAMMAR = r"root ::= [A-Z] [a-zA-Z ,.']*"
SPEED_TOKENS = 64


# ---------------------------------------------------------------- parts


def judge(brief: Brief, backend: Backend) -> dict:
    """Share of items the model judge (`verifier.judge`) accepts, given their cited text."""
    probabilities = [
        support_probability(backend, it.text, [c.evidence for c in it.citations])
        for it in brief.items
    ]
    accepted = [p >= VETO_BELOW for p in probabilities]
    return {"model": backend.info.name, "n": len(accepted),
            "accepted": sum(accepted) / len(accepted) if accepted else 0.0,
            "p_yes": [round(p, 3) for p in probabilities],
            "rejected": [it.text for it, ok in zip(brief.items, accepted, strict=True) if not ok]}


def seeds_part(models: Models, judge_model: Path | None) -> tuple[dict, Brief]:
    brief = models.brief([SEEDS])
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    out = metrics.brief_metrics(brief, gold)
    out["timings"] = brief.timings
    out["text"] = [{"text": it.text, "sources": it.sources, "origin": it.origin,
                    "cites": [c.sentence_id for c in it.citations]} for it in brief.items]
    if judge_model is not None:
        same = judge_model.resolve() == models.path.resolve()
        backend = models.backend() if same else Backend.from_settings(judge_model,
                                                                       models.settings)
        out["judge"] = judge(brief, backend)
    return out, brief


def verifier_part(limit: int | None) -> tuple[dict, dict[str, list]]:
    """Balanced accuracy per dev set at the one threshold, and the adversarial suite."""
    if not verifier.EVALDATA.is_dir():
        return {"skipped": f"{verifier.EVALDATA} not found"}, {}
    score = verifier.scorer()
    examples, missing = {}, []
    for name, load in verifier.SETS.items():
        try:
            examples[name] = load(score, limit)
        except FileNotFoundError as e:  # this set's file only: score the others
            missing.append(f"{name}: {e.filename} not found")
    if not examples:
        return {"skipped": "; ".join(missing)}, {}
    sets = {name: verifier.balanced_accuracy(ex, THRESHOLD) for name, ex in examples.items()}
    wice = sets.get("wice", {})
    partial = {k: wice[k] for k in ("bacc_strict", "partial_accepted") if k in wice}
    adversarial = verifier.adversarial()["kinds"]
    out = {"threshold": THRESHOLD, "limit": limit, "sets": sets, "wice_partial": partial,
           "adversarial": adversarial}
    if missing:
        out["missing"] = missing
    return out, examples


def multinews_part(models: Models | None, clusters: int) -> dict:
    if not MULTINEWS.is_file():
        return {"skipped": f"{MULTINEWS} not found"}
    run = models.brief if models is not None else None
    return content.evaluate(MULTINEWS, clusters, run, metrics.support)  # type: ignore[arg-type]


def duc_part(models: Models, clusters: int) -> dict:
    """DUC 2003: headlines without a model; `clusters` briefed alone with the run's model."""
    return duc.evaluate(clusters, models.brief)


def speed(backend: Backend) -> dict:
    """Tokens per second of one fixed greedy generation (prompt evaluation included)."""
    start = time.perf_counter()
    text = backend.chat(SPEED_PROMPT, SPEED_GRAMMAR, max_tokens=SPEED_TOKENS)
    seconds = time.perf_counter() - start
    tokens = len(backend.tokens(text))
    return {"tokens": tokens, "seconds": round(seconds, 3),
            "tokens_per_second": round(tokens / seconds, 1) if seconds else 0.0}


# ---------------------------------------------------------------- thresholds


def lookup(data: dict, dotted: str) -> object:
    for key in dotted.split("."):
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data


def skipped(result: dict, dotted: str) -> bool:
    """Whether a part (or a part of a part) on the way to `dotted` was skipped for want of
    its data."""
    keys = dotted.split(".")
    return any(isinstance(part := lookup(result, ".".join(keys[:n])), dict) and "skipped" in part
               for n in range(1, len(keys)))


def check_thresholds(result: dict, thresholds: dict, mode: str) -> list[str]:
    """One line per threshold of `mode` that the report breaks (or cannot show)."""
    failed = []
    for bound, rules in thresholds.get(mode, {}).items():
        for name, limit in rules.items():
            value = lookup(result, name)
            if not isinstance(value, int | float):
                if name.split(".")[0] in result and not skipped(result, name):
                    failed.append(f"{name}: missing from the report (wanted {bound} {limit})")
                continue
            if (bound == "min" and value < limit) or (bound == "max" and value > limit):
                failed.append(f"{name} = {value:.4g}, wanted {bound} {limit}")
    return failed


# ---------------------------------------------------------------- run


def run(
    fast: bool = False,
    judge_model: Path | None = None,
    clusters: int | None = None,
    out: Path | None = None,
    write_results: bool = False,
    command: str = "summarizer eval",
    model: Path | None = None,
) -> tuple[dict, list[str]]:
    """Run every part, write the reports to `out`, return (report, failed thresholds).

    Raises SummarizerError, before any work, when there is no dev data at all.
    """
    if not verifier.EVALDATA.is_dir():
        raise SummarizerError(f"no eval data at {verifier.EVALDATA}",
                              "Put ../shared/ (evaldata/, duc2003/, htmldev/) beside the "
                              "repository, or set EVALDATA to the evaldata folder")
    started = time.perf_counter()
    mode = "fast" if fast else "full"
    clusters = clusters if clusters is not None else (FAST_CLUSTERS if fast else FULL_CLUSTERS)
    out = out or OUT
    models = Models(model)
    seconds: dict[str, float] = {}
    result: dict = {}

    def timed(name: str, fn, *args):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        value = fn(*args)
        seconds[name] = round(time.perf_counter() - start, 2)
        return value

    result["seeds"], seeds_brief = timed("seeds", seeds_part, models, judge_model)
    result["alce"] = {**result["seeds"].pop("alce"),
                      "decider": f"summarizer.verifier.check (threshold {THRESHOLD})"}
    result["verifier"], examples = timed(
        "verifier", verifier_part, FAST_SLICE if fast else None)
    result["multinews"] = timed("multinews", multinews_part, models if clusters else None,
                                clusters)
    result["stories"] = timed("stories", stories.evaluate, models.morning,
                              FAST_BRIEF_MIXES if fast else FULL_BRIEF_MIXES)
    result["seeds"]["standalone"] = stories.standalone_counts(seeds_brief)
    corpus = segment(ingest([SEEDS]))
    result["planted"] = timed("planted", planted.planted, corpus, FAST_PLANTED if fast else None)
    result["htmldev"] = timed("htmldev", htmldev.evaluate, htmldev.HTMLDEV,
                              HTMLDEV_FAST if fast else None)
    result["duc"] = timed("duc", duc_part, models, DUC_FAST if fast else DUC_FULL)
    result["editions"] = timed("editions", editions.evaluate)
    backend = models.backend()
    result["cost"] = {
        "brief_timings": seeds_brief.timings,
        "model_load_seconds": models.load_seconds,
        "generation": speed(backend),
        "check_10_items_seconds": round(verifier.time_brief(), 4),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "part_seconds": seconds,
        "total_seconds": round(time.perf_counter() - started, 1),
    }
    result["meta"] = {
        "command": command,
        "mode": mode,
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "model": seeds_brief.model.model_dump(),
        "judge_model": str(judge_model) if judge_model else None,
        "clusters": clusters,
        "verifier_slice": FAST_SLICE if fast else None,
        "duc_clusters": DUC_FAST if fast else DUC_FULL,
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {_cpus()} cores",
    }
    thresholds = tomllib.loads(THRESHOLDS.read_text(encoding="utf-8"))
    failed = check_thresholds(result, thresholds, mode)
    result["thresholds"] = {"file": str(THRESHOLDS.relative_to(ROOT)), "mode": mode,
                            "failed": failed}
    write(result, examples, out, write_results)
    return result, failed


def _cpus() -> int:
    import os

    return os.cpu_count() or 1


def write(result: dict, examples: dict[str, list], out: Path, write_results: bool) -> None:
    out.mkdir(parents=True, exist_ok=True)
    chart = out / "verifier_scores.png"
    if examples:
        report.chart(examples, THRESHOLD, chart)
    text = report.markdown(result, chart.name if examples else None)
    (out / "eval.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    (out / "eval.md").write_text(text, encoding="utf-8")
    if write_results:
        # The committed page needs a committed picture beside it, not one in out/.
        kept = RESULTS.with_name("verifier_scores.png")
        if examples:
            kept.write_bytes(chart.read_bytes())
        RESULTS.write_text(report.results_page(result, Path(kept.name)), encoding="utf-8")


def main() -> None:
    """`python -m evals.harness [--fast]`: the same as `summarizer eval`."""
    fast = "--fast" in sys.argv[1:]
    try:
        _, failed = run(fast=fast, command="python -m evals.harness " + " ".join(sys.argv[1:]))
    except SummarizerError as e:
        raise SystemExit(str(e)) from None
    for line in failed:
        print(line, file=sys.stderr)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
