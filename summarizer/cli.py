"""Command line: the only module that knows about click.

Every SummarizerError becomes one line on stderr and exit status 2; with
SUMMARIZER_DEBUG=1 the original traceback is shown instead.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from functools import wraps
from pathlib import Path
from typing import Any

import click

from summarizer import __version__
from summarizer.errors import InputError, SummarizerError

PARSED_TOGETHER = 64  # claims whose texts `check` parses in one batch (memory stays bounded)


class Failure(click.ClickException):
    exit_code = 2

    def format_message(self) -> str:
        return self.message


class Unsupported(Failure):
    """Verification failed: the input was fine, the brief is not."""

    exit_code = 1


def handle_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except SummarizerError as e:
            if os.environ.get("SUMMARIZER_DEBUG"):
                raise
            raise Failure(str(e)) from None

    return wrapper


def write_atomic(text: str, out: Path | None) -> None:
    """Print `text`, or write it to `out` all at once: a reader never sees half a file."""
    if out is None:
        click.echo(text, nl=False)
        return
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(text)
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes it owner-only; a brief is not secret
            os.replace(tmp, out)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as e:
        raise SummarizerError(
            f"cannot write {out}: {e.strerror}", "Choose a writable --out path."
        ) from None


ARCHIVE_OPTION = click.option(
    "--archive", "archive_path", type=click.Path(path_type=Path, dir_okay=False), default=None,
    help="The archive to read. Default: $SUMMARIZER_ARCHIVE, the config file's `archive`, "
         "then archive.sqlite3 in the user's data directory.")


FORMATS = ["markdown", "json", "html"]
FORMAT_HELP = ("Markdown for people, JSON for programs, HTML for one page in which each "
               "citation opens its source with the cited words highlighted.")
SHOW_PROCESS_HELP = ("Markdown: say how each sentence was made (drafted, repaired, replaced, "
                     "quoted, shortened) with its score, and list dropped drafts. The HTML "
                     "page keeps this behind each sentence's 'how it was checked'; JSON "
                     "always has it.")


class _WarningLine(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        click.echo(f"warning: {record.getMessage()}", err=True)


@click.group()
@click.version_option(__version__, prog_name="summarizer")
def cli() -> None:
    """Offline multi-document briefs in which every sentence cites its sources.

    Give it several news documents; it prints a short brief of what they agree
    on. Each sentence cites the exact character spans of the sources that
    support it, and a verifier drops what the sources do not say.
    """
    logger = logging.getLogger("summarizer")
    if not logger.handlers:
        logger.addHandler(_WarningLine())
        logger.setLevel(logging.WARNING)


def size_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--max-size and --max-entries: how much of the input is read (`summarizer.reading`)."""
    command = click.option(
        "--max-entries", type=click.IntRange(1, 100_000), default=200, show_default=True,
        help="Most documents read from one feed or JSONL file (the first ones).")(command)
    return click.option(
        "--max-size", type=click.FloatRange(0.001, 1000), default=10, show_default=True,
        help="Largest file read, in MB; a larger one is refused.")(command)


def limits(max_size: float, max_entries: int) -> Any:
    from summarizer.ingest import MB, Limits

    return Limits(max_bytes=int(max_size * MB), max_entries=max_entries)


def model_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--model, --llm-url, --llm-model: which model drafts, in process or on a server."""
    command = click.option(
        "--llm-model", default=None, metavar="NAME",
        help="The model to ask the server for. Default: the config file's `llm_model`, "
             "then the first model the server lists.")(command)
    command = click.option(
        "--llm-url", default=None, metavar="URL",
        help="Draft through an OpenAI-compatible server on this machine (llama-server, "
             "Ollama, LM Studio, vLLM), e.g. http://127.0.0.1:8080/v1, instead of loading "
             "a GGUF file. Default: $SUMMARIZER_LLM_URL, then the config file's `llm_url`.")(
        command)
    return click.option(
        "--model", type=click.Path(path_type=Path), default=None,
        help="GGUF chat model to draft with. Default: $SUMMARIZER_MODEL, then the "
             "config file's `model`, then the installed SmolLM2-135M-Instruct.")(command)


def model_loader(model: Path | None, llm_url: str | None, llm_model: str | None,
                 settings: Any) -> Callable[[], Any]:
    """What loads the drafting model once the input is known to be good."""
    from summarizer.draft import Backend, ServerBackend
    from summarizer.settings import resolve_llm_url, resolve_model

    url, _ = resolve_llm_url(llm_url, settings)
    if url and model is not None:
        raise SummarizerError(f"both --model {model} and a model server ({url}) were given",
                              "Draft with one: drop --model, or unset --llm-url, "
                              "$SUMMARIZER_LLM_URL and the config file's `llm_url`.")
    if url:
        return lambda: ServerBackend(url, llm_model or settings.llm_model, settings)
    path = resolve_model(model, settings)
    return lambda: Backend.from_settings(path, settings)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@model_options
@click.option("--draft", "draft_mode", type=click.Choice(["model", "never"]), default="model",
              show_default=True,
              help="never: no model at all; each fact's item is the source sentence that best "
                   "supports it, in about the time of reading the files.")
@click.option("--as-of", "as_of", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="The brief's date, YYYY-MM-DD (default: today): replay past days in order.")
@click.option("--archive", "archive_path", type=click.Path(path_type=Path, dir_okay=False),
              default=None,
              help="The archive of past briefs to read and record in. Default: "
                   "$SUMMARIZER_ARCHIVE, the config file's `archive`, then archive.sqlite3 in "
                   "the user's data directory.")
@click.option("--no-archive", is_flag=True,
              help="A one-off brief: read nothing from the archive and record nothing.")
@click.option("--parallel", type=click.IntRange(1, 64), default=None,
              help="Drafting requests sent to the server at once (its slots or batch). "
                   "Default: the config file's `parallel`, else 1; the brief is the same.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="markdown",
              show_default=True, help=FORMAT_HELP)
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Write the brief to this file (atomically) instead of stdout.")
@click.option("--max-stories", type=click.IntRange(1, 100), default=10, show_default=True,
              help="Most stories in the brief; as many single-source stories may follow "
                   "under 'Also reported'.")
@click.option("--items-per-story", type=click.IntRange(1, 50), default=None,
              help="Most sentences per story. Default: 8, or the config file's max_items.")
@click.option("--max-items", type=click.IntRange(1, 500), default=30, show_default=True,
              help="Most sentences in the whole brief, shared out over its stories.")
@click.option("--show-dropped", is_flag=True,
              help="List the drafted sentences that verification dropped, with reasons.")
@click.option("--show-process", is_flag=True, help=SHOW_PROCESS_HELP)
@size_options
@handle_errors
def brief(paths: tuple[Path, ...], model: Path | None, llm_url: str | None,
          llm_model: str | None, draft_mode: str, as_of: Any, archive_path: Path | None,
          no_archive: bool, parallel: int | None, fmt: str, out: Path | None,
          max_stories: int, items_per_story: int | None, max_items: int, show_dropped: bool,
          show_process: bool, max_size: float, max_entries: int) -> None:
    """Write a cited brief of the documents at PATHS (text, web pages, feeds, JSONL, or folders).

    \b
    Examples:
      summarizer brief seeds/
      summarizer brief a.txt b.md --format json --out brief.json
      summarizer brief seeds/ --model ~/models/gemma-3-270m-it-Q4_K_M.gguf
      summarizer brief seeds/ --llm-url http://127.0.0.1:8080/v1 --parallel 4
      summarizer brief seeds/ --draft never
      summarizer brief seeds/ --format html --out brief.html
      summarizer brief monday/ --as-of 2025-12-29; summarizer brief tuesday/ --as-of 2025-12-30
    """
    from datetime import date

    from summarizer.pipeline import brief as run
    from summarizer.settings import load_settings

    settings = load_settings()
    if parallel is not None:
        settings = settings.model_copy(update={"parallel": parallel})
    load = (None if draft_mode == "never"
            else model_loader(model, llm_url, llm_model, settings))
    day = (as_of.date() if as_of else date.today()).isoformat()
    arguments = {"paths": [str(p) for p in paths], "draft": draft_mode,
                 "max_stories": max_stories, "max_items": max_items,
                 "items_per_story": items_per_story or settings.max_items}
    recording = (nullcontext(None) if no_archive
                 else opened_archive(archive_path, settings.archive))
    with recording as store:
        result = run(list(paths), load, max_items=max_items,
                     limits=limits(max_size, max_entries), max_stories=max_stories,
                     items_per_story=items_per_story or settings.max_items,
                     parallel=settings.parallel, context=settings.context,
                     archive=store, as_of=day, arguments=arguments)
    write_atomic(rendered(result, fmt, show_dropped, show_process), out)


@contextmanager
def opened_archive(path: Path | None, configured: Path | None = None,
                   create: bool = True) -> Iterator[Any]:
    """The archive at `path` (--archive), else where `default_path` finds it, open."""
    from summarizer.archive import Store, default_path

    with Store(Path(path) if path else default_path(configured), create=create) as store:
        yield store


def rendered(result: Any, fmt: str, show_dropped: bool, show_process: bool = False) -> str:
    from summarizer.render import to_json, to_markdown

    if fmt == "html":
        from summarizer.render import to_html

        return to_html(result)
    return (to_json(result) if fmt == "json"
            else to_markdown(result, show_dropped, show_process))


@cli.command()
@click.argument("brief_file", metavar="BRIEF", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="markdown",
              show_default=True, help=FORMAT_HELP)
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Write it to this file (atomically) instead of stdout.")
@click.option("--show-dropped", is_flag=True,
              help="Markdown: list the drafted sentences that verification dropped.")
@click.option("--show-process", is_flag=True, help=SHOW_PROCESS_HELP)
@ARCHIVE_OPTION
@handle_errors
def render(brief_file: Path, fmt: str, out: Path | None, show_dropped: bool,
           show_process: bool, archive_path: Path | None) -> None:
    """Render a JSON BRIEF saved by `brief --format json` (or the archive's brief of that
    number) again, in any format.

    \b
    Examples:
      summarizer render brief.json --format html --out brief.html
      summarizer render brief.json --show-dropped
    """
    write_atomic(rendered(saved_brief(brief_file, archive_path), fmt, show_dropped, show_process),
                 out)


def saved_brief(ref: Path, archive_path: Path | None = None) -> Any:
    """A brief from its JSON file, or by its number in the archive (`summarizer history`)."""
    from summarizer.archive import recorded_brief
    from summarizer.verifier import load_brief

    if not ref.exists() and ref.name.isdigit():
        with _archive(archive_path) as store:
            return recorded_brief(store, int(ref.name))
    return load_brief(ref)


@cli.command()
@click.argument("claims", required=False, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--brief", "brief_path", type=click.Path(path_type=Path, dir_okay=False),
              default=None, help="Re-verify a JSON brief saved by `brief --format json`, "
                                 "or a brief of the archive by its number, instead; exit 1 "
                                 "if any item fails.")
@click.option("--judge", is_flag=True,
              help="Also ask the GGUF model (--model, or the default) whether the evidence "
                   "supports each claim. It can reject what the signals accept, never the "
                   "reverse.")
@click.option("--model", type=click.Path(path_type=Path), default=None,
              help="GGUF model for --judge. Default: as for `brief`.")
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Write the results to this file (atomically) instead of stdout.")
@ARCHIVE_OPTION
@handle_errors
def check(claims: Path | None, brief_path: Path | None, judge: bool, model: Path | None,
          out: Path | None, archive_path: Path | None) -> None:
    """Check claims against evidence, one JSON object per line of CLAIMS.

    \b
    Each input line:  {"claim": "...", "evidence": ["...", ...], ...}
    Each output line: {"supported": bool, "score": 0..1,
                       "evidence_index": [int, ...], "reasons": [...], ...}
    Keys other than claim and evidence are passed through unchanged.

    With --brief BRIEF.json, each item of a saved brief is checked against its
    cited spans, which must still match the documents; one line per item.
    """
    from summarizer.language.roles import parsed_together
    from summarizer.verifier import check as verify_claim

    if (claims is None) == (brief_path is None):
        raise click.UsageError("Give either CLAIMS.jsonl or --brief BRIEF.json.")
    if brief_path is not None:
        _recheck_brief(saved_brief(brief_path, archive_path), out)
        return
    assert claims is not None
    rows = read_claims(claims)
    model_judge = _load_judge(model) if judge else None
    lines = []
    for start in range(0, len(rows), PARSED_TOGETHER):
        chunk = rows[start:start + PARSED_TOGETHER]
        with parsed_together((row["claim"], row["evidence"]) for row in chunk):
            for row in chunk:
                claim, evidence = row.pop("claim"), row.pop("evidence")
                result = verify_claim(claim, evidence)
                if model_judge is not None:
                    result = model_judge(claim, evidence, result)
                lines.append(json.dumps({**row, **result.model_dump()}, ensure_ascii=False))
    write_atomic("".join(line + "\n" for line in lines), out)


def _load_judge(model: Path | None) -> Callable[..., Any]:
    from functools import partial

    from summarizer.draft import Backend, apply_judge
    from summarizer.settings import load_settings, resolve_model

    settings = load_settings()
    backend = Backend.from_settings(resolve_model(model, settings), settings)
    return partial(apply_judge, backend)


def _recheck_brief(saved: Any, out: Path | None) -> None:
    from summarizer.verifier import recheck

    results = recheck(saved)
    write_atomic("".join(r.model_dump_json() + "\n" for r in results), out)
    failed = [r.item for r in results if not r.supported]
    if failed:
        raise Unsupported(
            f"{len(failed)} of {len(results)} items are not supported by their cited spans "
            f"(items {', '.join(map(str, failed))}); do not trust them"
        )


def read_claims(path: Path) -> list[dict[str, Any]]:
    """Parse and validate a claims JSONL file before anything is checked or written."""
    if not path.is_file():
        raise InputError(f"{path} does not exist", "Pass a .jsonl file of claims.")
    rows = []
    text = path.read_text(encoding="utf-8", errors="replace")
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            raise InputError(f"{path}:{number} is not JSON ({e.msg})",
                             "Write one JSON object per line.") from None
        if not (isinstance(row, dict) and isinstance(row.get("claim"), str)
                and isinstance(row.get("evidence"), list)
                and all(isinstance(e, str) for e in row["evidence"])):
            raise InputError(f"{path}:{number} lacks a string 'claim' and a list 'evidence'",
                             'Write lines like {"claim": "...", "evidence": ["..."]}.')
        rows.append(row)
    if not rows:
        raise InputError(f"{path} holds no claims", "Add one JSON object per line.")
    return rows


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table",
              show_default=True, help="Blocks for people, one JSON object per line for programs.")
@size_options
@handle_errors
def ingest(paths: tuple[Path, ...], fmt: str, max_size: float, max_entries: int) -> None:
    """Show what the pipeline reads from PATHS, document by document.

    \b
    For each document: doc_id, path, format, outlet, title, date, the extracted
    text that citations index, and how many sentences were marked as noise,
    per reason. Reads .txt, .md, .html, .htm, .html.gz, .rss, .atom, .rdf, .xml
    feeds and .jsonl exports; a feed gives one document per entry, a JSONL file
    one per line.

    \b
    Examples:
      summarizer ingest saved/page.html
      summarizer ingest feeds/ --format jsonl
    """
    from summarizer.segment import read_out, to_jsonl, to_table

    rows = read_out(list(paths), limits(max_size, max_entries))
    click.echo(to_jsonl(rows) if fmt == "jsonl" else to_table(rows), nl=False)


@cli.command()
def schema() -> None:
    """Print the JSON Schema of the brief that `brief --format json` writes."""
    from summarizer.models import Brief

    click.echo(json.dumps(Brief.model_json_schema(), indent=2))


def _archive(archive_path: Path | None, create: bool = False) -> Any:
    from summarizer.settings import load_settings

    return opened_archive(archive_path, load_settings().archive, create=create)


@cli.command()
@ARCHIVE_OPTION
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="A table for people, JSON for programs.")
@handle_errors
def history(archive_path: Path | None, fmt: str) -> None:
    """List past briefs: date, stories, and how many were new or developing."""
    from summarizer.archive import history as past

    with _archive(archive_path) as store:
        rows = past(store)
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2))
        return
    click.echo("brief  date        stories  new  developing  documents")
    for r in rows:
        click.echo(f"{r['id']:>5}  {r['date']}  {r['stories']:>7}  {r['new']:>3}  "
                   f"{r['developing']:>10}  {r['documents']:>9}")


@cli.command()
@click.argument("thread_id", metavar="ID", type=int)
@ARCHIVE_OPTION
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="markdown",
              show_default=True, help="Markdown for people, JSON for programs, or HTML.")
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Write it to this file (atomically) instead of stdout.")
@handle_errors
def thread(thread_id: int, archive_path: Path | None, fmt: str, out: Path | None) -> None:
    """Print one story across days: what each brief of its thread said, with citations
    checked against the archive's copies of the documents."""
    from summarizer.archive import thread as story_thread
    from summarizer.render import thread_html, thread_markdown

    with _archive(archive_path) as store:
        data = story_thread(store, thread_id)
    text = (json.dumps(data, indent=2, ensure_ascii=False) + "\n" if fmt == "json"
            else thread_html(data) if fmt == "html" else thread_markdown(data))
    write_atomic(text, out)


@cli.group()
def archive() -> None:
    """The archive of past briefs: its size, pruning and backups."""


@archive.command()
@ARCHIVE_OPTION
@handle_errors
def stats(archive_path: Path | None) -> None:
    """Counts of briefs, documents, threads and items; the file's size."""
    from summarizer.archive import stats as sizes

    with _archive(archive_path) as store:
        click.echo(json.dumps(sizes(store), indent=2))


@archive.command()
@click.option("--before", type=click.DateTime(formats=["%Y-%m-%d"]), required=True,
              help="Forget the briefs dated before this day (YYYY-MM-DD).")
@ARCHIVE_OPTION
@handle_errors
def prune(before: Any, archive_path: Path | None) -> None:
    """Forget old briefs, and the documents and threads only they used."""
    from summarizer.archive import prune as forget

    with _archive(archive_path) as store:
        gone = forget(store, before.date().isoformat())
    click.echo(f"removed {gone['briefs']} briefs, {gone['threads']} threads and "
               f"{gone['documents']} documents")


@archive.command()
@click.argument("out", type=click.Path(path_type=Path, dir_okay=False))
@ARCHIVE_OPTION
@handle_errors
def export(out: Path, archive_path: Path | None) -> None:
    """Copy the archive to OUT safely, even while a brief is being recorded."""
    from summarizer.archive import export as backup

    with _archive(archive_path) as store:
        click.echo(f"wrote {backup(store, out)}")


@cli.command()
@click.option("--model", type=click.Path(path_type=Path), default=None,
              help="GGUF model to try instead of the one `brief` would use; also runs the "
                   "drafting check.")
@click.option("--llm-url", default=None, metavar="URL",
              help="Model server to check instead of the one `brief` would use; also runs "
                   "the drafting check.")
@click.option("--llm-model", default=None, metavar="NAME", help="The model to ask it for.")
@click.option("--sample", type=click.Path(path_type=Path, exists=True), default=None,
              help="Articles about one story for the drafting check. Default: the "
                   "checkout's seeds/.")
def doctor(model: Path | None, llm_url: str | None, llm_model: str | None,
           sample: Path | None) -> None:
    """Say what is installed and in force, and run the model once; exit 1 if anything is wrong.

    The generation runs in a child process, so a llama.cpp build that crashes
    on this CPU is reported, not fatal. Given --model or --llm-url (or
    --sample), it also briefs the sample and says how many of the model's
    drafts pass verification, and how fast it drafts.

    \b
    Examples:
      summarizer doctor
      summarizer doctor --model ~/models/qwen2.5-3b-instruct-q4_k_m.gguf
      summarizer doctor --llm-url http://127.0.0.1:8080/v1
    """
    from summarizer.draft import diagnose

    findings = [*diagnose(model, llm_url, llm_model), archive_finding()]
    if (model or llm_url or sample) and all(f.ok for f in findings):
        findings.append(drafting_check(model, llm_url, llm_model, sample))
    width = max(len(f.name) for f in findings)
    for f in findings:
        click.echo(f"{'ok  ' if f.ok else 'FAIL'}  {f.name.ljust(width)}  {f.detail}")
    failed = [f.name for f in findings if not f.ok]
    if failed:
        click.echo(f"{len(failed)} problem(s): {', '.join(failed)}; see the lines marked FAIL",
                   err=True)
        sys.exit(1)
    click.echo("all is well: the model runs on this machine")


def archive_finding() -> Any:
    """Where the archive is, its size and schema version, or that there is none yet."""
    from summarizer.archive import ArchiveError, default_path, stats
    from summarizer.draft import Finding
    from summarizer.settings import load_settings

    try:
        path = default_path(load_settings().archive)
        if not path.exists():
            return Finding(name="archive", detail=f"{path} (none yet: the first brief makes it)")
        with opened_archive(path, create=False) as store:
            found = stats(store)
    except (ArchiveError, SummarizerError) as e:
        return Finding(name="archive", ok=False, detail=str(e))
    return Finding(name="archive", detail=f"{path}: {found['bytes'] / 1e6:.1f} MB, schema "
                   f"{found['schema_version']}, {found['briefs']} briefs of "
                   f"{found['documents']} documents")


def drafting_check(model: Path | None, llm_url: str | None, llm_model: str | None,
                   sample: Path | None) -> Any:
    """A brief of the sample with this model: the share of its drafts that pass, and speed."""
    from summarizer.draft import Finding, fitness
    from summarizer.pipeline import brief as run
    from summarizer.settings import load_settings

    sample = sample or Path(__file__).resolve().parents[1] / "seeds"
    if not sample.exists():
        return Finding(name="drafting", ok=False,
                       detail="no seeds/ beside this installation: pass --sample DIR with a "
                              "few articles about one story")
    settings = load_settings()
    try:
        result = run([sample], model_loader(model, llm_url, llm_model, settings),
                     max_items=8, items_per_story=8, parallel=settings.parallel)
    except SummarizerError as e:
        return Finding(name="drafting", ok=False, detail=str(e))
    return fitness(result.drafting, result.timings.get("draft", 0.0), str(sample))


@cli.command(name="eval")
@click.option("--fast", is_flag=True,
              help="Seeds, a slice of each dev set and a few Multi-News clusters; exit 1 with "
                   "one line per failed threshold (evals/thresholds.toml).")
@click.option("--judge-model", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="GGUF model asked yes/no whether each seeds item is supported.")
@click.option("--clusters", type=click.IntRange(0, 250), default=None,
              help="Multi-News clusters to brief. Default: 3 with --fast, else 25.")
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Folder for eval.md, eval.json and the chart. Default: evals/out/.")
@click.option("--write-results", is_flag=True, help="Also write evals/RESULTS.md.")
@handle_errors
def eval_command(fast: bool, judge_model: Path | None, clusters: int | None, out: Path | None,
                 write_results: bool) -> None:
    """Measure the briefs, the citations and the verifier (a source checkout's evals/)."""
    try:
        from evals.harness import run
    except ModuleNotFoundError as missing:
        raise SummarizerError(
            f"the eval harness is not installed (no module {missing.name})",
            "In a source checkout, run `make setup`, or `pip install -e ./evals`.",
        ) from None

    command = " ".join(["summarizer", "eval", *sys.argv[2:]]) if sys.argv[1:2] == ["eval"] else (
        "summarizer eval" + " --fast" * fast + (f" --clusters {clusters}" if clusters else ""))
    result, failed = run(fast=fast, judge_model=judge_model, clusters=clusters, out=out,
                         write_results=write_results, command=command)
    click.echo(f"wrote {out or 'evals/out'}/eval.md and eval.json "
               f"({result['cost']['total_seconds']:.0f} s)")
    for part, value in result.items():
        if isinstance(value, dict) and "skipped" in value:
            click.echo(f"warning: {part} skipped: {value['skipped']}", err=True)
    for line in failed:
        click.echo(line, err=True)
    if failed:
        sys.exit(1)


def main() -> None:
    cli(prog_name="summarizer")


if __name__ == "__main__":
    sys.exit(main())
