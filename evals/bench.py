"""Benchmark: ingest to plan (no model) at 50 to 1,000 documents, and one whole brief.

`python -m evals.bench` writes a table to stdout and to evals/out/bench.md:
wall and CPU seconds and peak memory for ingest, segment, stories and the
per-story marking, grouping and planning, at each size, with the ratio of
time per doubling; then a whole brief of 100 documents with the default
model, and the seeds brief with `--draft never` end to end through the CLI
(`python -m evals.bench --one never 5`); with llama-server built, the same
brief drafted through its 4 slots (`--one server 100 BINARY`), and whether
that brief is one at `--parallel` 1, 2 and 4, three times at 4
(`--one same 100 BINARY`). CPU seconds are what the work
costs when others share the machine; the load average at the end of each
run is reported beside it.

The documents are Multi-News dev articles (measured only, never learnt from).
The dev sample holds about 670 usable articles, fewer than 1,000, so every
size is drawn from one pool in which each article is cut in two at a
paragraph boundary near its middle: two documents of about half an article,
whose texts share nothing. Clusters are taken whole, in an order shuffled
with a fixed seed, so the documents of one event arrive together as they
would in a morning's news. Each size runs in its own process, so that its
peak memory is its own.
"""

from __future__ import annotations

import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from . import content
from .stories import MULTINEWS

if TYPE_CHECKING:
    from summarizer.draft import ServerBackend

SIZES = (50, 100, 200, 500, 1000)
BRIEF_DOCS = 100
SEED = 5
OUT = Path(__file__).resolve().parent / "out" / "bench.md"
QUICK_RUNS = 5  # runs of the seeds brief with --draft never; the median is reported


def halves(text: str) -> list[str]:
    """The article cut at the paragraph boundary nearest its middle (one piece if it has one)."""
    lines = [line for line in content.clean(text).splitlines() if line.strip()]
    if len(lines) < 2:
        return ["\n".join(lines)]
    total, run, cut = sum(map(len, lines)), 0, 1
    for i, line in enumerate(lines[:-1], 1):
        run += len(line)
        if run >= total / 2:
            cut = i
            break
    return ["\n".join(lines[:cut]), "\n".join(lines[cut:])]


def pool(split: bool) -> list[str]:
    rows = [json.loads(line) for line in MULTINEWS.open(encoding="utf-8")]
    random.Random(SEED).shuffle(rows)
    out = []
    for row in rows:
        for doc in row["documents"]:
            if len(doc.strip()) >= content.MIN_DOC_CHARS:
                out += [p for p in halves(doc) if len(p) >= 100] if split else [content.clean(doc)]
    return out


def write(texts: list[str], folder: Path) -> None:
    for i, text in enumerate(texts):
        (folder / f"doc{i:04d}.txt").write_text(text + "\n", encoding="utf-8")


def plan_only(n: int) -> dict:
    """Ingest to plan for the first `n` documents of the pool, in this process."""
    from summarizer.ingest import ingest
    from summarizer.pipeline import prompt_budget, segment_shapes
    from summarizer.progress import Timer
    from summarizer.settings import Settings
    from summarizer.stories import Budget, plan_stories

    texts = pool(split=True)[:n]
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        write(texts, Path(tmp))
        cpu = _cpu()
        start = time.perf_counter()
        documents = ingest([Path(tmp)])
        read = time.perf_counter()
        corpus = segment_shapes(documents)
        segmented = time.perf_counter()
        timings = Timer()
        budget = Budget(max_stories=10_000, items_per_story=8,
                        prompt_tokens=prompt_budget(Settings().context))
        main, also, _ = plan_stories(corpus, budget, timings)
        end = time.perf_counter()
    return {
        "documents": len(documents), "stories": len(main) + len(also),
        "seconds": round(end - start, 2), "cpu_seconds": round(_cpu() - cpu, 2),
        "ingest": round(read - start, 2),
        "segment": round(segmented - read + timings.seconds.get("segment", 0.0), 2),
        "stories_s": timings.seconds.get("stories", 0.0),
        "group": timings.seconds.get("group", 0.0), "plan": timings.seconds.get("plan", 0.0),
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def whole_brief(n: int) -> dict:
    """A whole brief of `n` whole articles with the default model, in this process."""
    from summarizer.draft.backend import Backend
    from summarizer.pipeline import brief
    from summarizer.settings import load_settings, resolve_model

    settings = load_settings()
    path = resolve_model(None, settings)
    texts = pool(split=False)[:n]
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        write(texts, Path(tmp))
        cpu = _cpu()
        start = time.perf_counter()
        result = brief([Path(tmp)], lambda: Backend.from_settings(path, settings))
        seconds = time.perf_counter() - start
    return {
        "documents": len(result.documents), "stories": len(result.stories),
        "also_reported": len(result.also_reported), "items": len(result.items),
        "seconds": round(seconds, 1), "cpu_seconds": round(_cpu() - cpu, 1),
        "timings": result.timings,
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


@contextmanager
def served(binary: Path, slots: int) -> Iterator[ServerBackend]:
    """The default model behind llama-server on a free loopback port, with `slots`
    parallel slots (each with the in-process model's context), started the way that keeps
    a draft independent of its batch; stopped on leaving."""
    import socket

    from summarizer.draft import ServerBackend
    from summarizer.draft.server import DETERMINISTIC_LLAMA_SERVER
    from summarizer.settings import load_settings, resolve_model

    settings = load_settings().model_copy(update={"parallel": slots})
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [str(binary), "-m", str(resolve_model(None, settings)), "--host", "127.0.0.1",
         "--port", str(port), "-np", str(slots), "-c", str(settings.context * slots),
         "--seed", str(settings.seed), "-t", str(os.cpu_count() or 2),
         *DETERMINISTIC_LLAMA_SERVER],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        yield _wait_for(lambda: ServerBackend(f"http://127.0.0.1:{port}/v1", None, settings))
    finally:
        server.terminate()
        server.wait(timeout=30)


def server_brief(n: int, binary: Path, slots: int = 4) -> dict:
    """The same brief as `whole_brief`, drafted through llama-server with `slots` parallel
    slots and as many requests at once."""
    from summarizer.pipeline import brief

    texts = pool(split=False)[:n]
    with served(binary, slots) as backend, tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        write(texts, Path(tmp))
        start = time.perf_counter()
        result = brief([Path(tmp)], lambda: backend, parallel=slots)
        seconds = time.perf_counter() - start
    return {"documents": len(result.documents), "items": len(result.items),
            "seconds": round(seconds, 1), "timings": result.timings, "slots": slots,
            "drafting": result.drafting.model_dump()}


def same_brief(n: int, binary: Path, parallels: tuple[int, ...] = (1, 2, 4, 4, 4)) -> dict:
    """The brief of `n` articles through one llama-server with 4 slots, once per entry of
    `parallels`: a digest of each brief's JSON items, which must all be one."""
    import hashlib

    from summarizer.pipeline import brief

    texts = pool(split=False)[:n]
    runs = []
    with served(binary, 4) as backend, tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        write(texts, Path(tmp))
        for parallel in parallels:
            result = brief([Path(tmp)], lambda: backend, parallel=parallel)
            items = json.dumps([i.model_dump(mode="json") for i in result.items],
                               sort_keys=True)
            runs.append({"parallel": parallel, "draft_seconds": result.timings["draft"],
                         "items": hashlib.sha256(items.encode()).hexdigest()[:16]})
    return {"runs": runs, "same": len({r["items"] for r in runs}) == 1}


def quick_brief(runs: int = QUICK_RUNS) -> dict:
    """The seeds brief with `--draft never`, end to end as a user runs it (a new Python
    process each time, libraries loaded, Markdown written): wall seconds of each run."""
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    seconds = []
    with tempfile.TemporaryDirectory(prefix="bench-never-") as tmp:
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "summarizer.cli", "brief", str(seeds),
                            "--draft", "never", "--no-archive", "--out",
                            str(Path(tmp) / "brief.md")], check=True, capture_output=True)
            seconds.append(round(time.perf_counter() - start, 2))
    return {"runs": seconds, "median": sorted(seconds)[len(seconds) // 2]}


def _wait_for(make, seconds: float = 120.0):  # type: ignore[no-untyped-def]
    from summarizer.errors import ModelError

    deadline = time.monotonic() + seconds
    while True:
        try:
            return make()
        except ModelError:
            if time.monotonic() > deadline:
                raise
            time.sleep(1)


def llama_server() -> Path | None:
    """llama-server: $LLAMA_SERVER, else the one `make llama-server` built."""
    if env := os.environ.get("LLAMA_SERVER"):
        return Path(env)
    root = Path(__file__).resolve().parent.parent
    built = sorted(root.glob("wheels/llama-server-*/llama-server"))
    return built[-1] if built else None


def _cpu() -> float:
    """CPU seconds of this process: on a shared machine, what the work itself cost."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _load() -> float:
    return round(os.getloadavg()[0], 1)


def child(kind: str, n: int, *more: str) -> dict:
    """Run one measurement in a fresh interpreter, so its peak memory is its own; if it fails,
    exit with the last line it wrote to stderr (its error), not a traceback of this one."""
    done = subprocess.run([sys.executable, "-m", "evals.bench", "--one", kind, str(n), *more],
                          capture_output=True, text=True, check=False,
                          cwd=Path(__file__).resolve().parent.parent)
    if done.returncode != 0:
        said = done.stderr.strip().splitlines() or [f"exit status {done.returncode}"]
        raise SystemExit(f"bench: the {kind} run of {n} documents failed: {said[-1]}")
    return {**json.loads(done.stdout.strip().splitlines()[-1]), "load": _load()}


def missing() -> str | None:
    """One line naming the missing Multi-News dev data and what to do, or None."""
    if MULTINEWS.is_file():
        return None
    return (f"no Multi-News dev data at {MULTINEWS}: put ../shared/evaldata/ beside the "
            "repository, or set EVALDATA to the evaldata folder")


def table(rows: list[dict], full: dict | None) -> str:
    """Wall and CPU seconds per size; the ratios are per doubling of the documents."""
    lines = ["| documents | stories | wall s | CPU s | ×wall per doubling | ×CPU per doubling | "
             "ingest | segment | stories | group | plan | peak MB | load |",
             "|" + "---|" * 13]
    previous = None
    for row in rows:
        ratios = ["", ""]
        if previous and previous["seconds"]:
            steps = _log2(row["documents"] / previous["documents"])
            ratios = [f"{(row[k] / previous[k]) ** (1 / steps):.2f}"
                      for k in ("seconds", "cpu_seconds")]
        lines.append(f"| {row['documents']} | {row['stories']} | {row['seconds']} | "
                     f"{row['cpu_seconds']} | {ratios[0]} | {ratios[1]} | {row['ingest']} | "
                     f"{row['segment']} | {row['stories_s']} | {row['group']} | {row['plan']} | "
                     f"{row['peak_mb']} | {row['load']} |")
        previous = row
    if full:
        lines += ["", f"Whole brief of {full['documents']} articles with the default model: "
                  f"{full['seconds']} s wall, {full['cpu_seconds']} s CPU (load "
                  f"{full['load']}), {full['stories']} stories, {full['also_reported']} also "
                  f"reported, {full['items']} items, peak {full['peak_mb']} MB; stages: "
                  f"{json.dumps(full['timings'])}"]
    return "\n".join(lines) + "\n"


def server_lines(local: dict, served: dict) -> str:
    """Drafting time in process against the same brief through llama-server's slots."""
    ratio = served["timings"]["draft"] / local["timings"]["draft"]
    same = f"{served['items']} items (in process: {local['items']})"
    return (f"\nThe same brief through llama-server with {served['slots']} slots and "
            f"--parallel {served['slots']}: drafting {served['timings']['draft']:.1f} s against "
            f"{local['timings']['draft']:.1f} s in process ({ratio:.2f} of it), whole brief "
            f"{served['seconds']} s; {same}; drafts kept {served['drafting']['drafted']} + "
            f"{served['drafting']['repaired']} repaired of {served['drafting']['asked']}.\n")


def _log2(x: float) -> float:
    import math

    return math.log2(x) if x > 1 else 1.0


def main() -> None:
    if (why := missing()) is not None:
        raise SystemExit(why)
    args = sys.argv[1:]
    if args[:1] == ["--one"]:
        kind, n = args[1], int(args[2])
        if kind == "server":
            print(json.dumps(server_brief(n, Path(args[3]))))
        elif kind == "same":
            print(json.dumps(same_brief(n, Path(args[3]))))
        elif kind == "never":
            print(json.dumps(quick_brief(n)))
        else:
            print(json.dumps(plan_only(n) if kind == "plan" else whole_brief(n)))
        return
    sizes = [int(a) for a in args if a.isdigit()] or list(SIZES)
    rows = []
    for n in sizes:
        rows.append(child("plan", n))
        print(json.dumps(rows[-1]), file=sys.stderr)
    full = None if "--no-brief" in args else child("brief", BRIEF_DOCS)
    quick = quick_brief()
    runs = ", ".join(map(str, quick["runs"]))
    text = table(rows, full) + (
        f"\nThe seeds brief with `--draft never`, end to end through the CLI: median "
        f"{quick['median']} s over {len(quick['runs'])} runs ({runs}).\n")
    binary = llama_server()
    if full and binary:
        text += server_lines(full, child("server", BRIEF_DOCS, str(binary)))
        same = child("same", BRIEF_DOCS, str(binary))
        text += (f"Through one llama-server at --parallel "
                 f"{', '.join(str(r['parallel']) for r in same['runs'])}: "
                 f"{'one brief' if same['same'] else 'DIFFERENT briefs'} "
                 f"({', '.join(r['items'] for r in same['runs'])}).\n")
    elif full:
        text += "\nNo llama-server (`make llama-server`, or $LLAMA_SERVER): server brief skipped.\n"
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    print(text, end="")


if __name__ == "__main__":
    main()
