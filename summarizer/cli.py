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
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

import click

from . import __version__
from .errors import InputError, SummarizerError


class Failure(click.ClickException):
    exit_code = 2

    def format_message(self) -> str:
        return self.message


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
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, out)
    except OSError as e:
        raise SummarizerError(
            f"cannot write {out}: {e.strerror}", "Choose a writable --out path."
        ) from None


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


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--model", type=click.Path(path_type=Path), default=None,
              help="GGUF chat model to draft with. Default: $SUMMARIZER_MODEL, then the "
                   "config file's `model`, then the installed SmolLM2-135M-Instruct.")
@click.option("--format", "fmt", type=click.Choice(["markdown", "json"]), default="markdown",
              show_default=True, help="Markdown for people, JSON for programs.")
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Write the brief to this file (atomically) instead of stdout.")
@click.option("--max-items", type=click.IntRange(1, 50), default=None,
              help="Most sentences in the brief. Default: 8, or the config file's max_items.")
@click.option("--show-dropped", is_flag=True,
              help="List the drafted sentences that verification dropped, with reasons.")
@handle_errors
def brief(paths: tuple[Path, ...], model: Path | None, fmt: str, out: Path | None,
          max_items: int | None, show_dropped: bool) -> None:
    """Write a cited brief of the documents at PATHS (.txt or .md files, or folders).

    \b
    Examples:
      summarizer brief seeds/
      summarizer brief a.txt b.md --format json --out brief.json
      summarizer brief seeds/ --model ~/models/gemma-3-270m-it-Q4_K_M.gguf
    """
    from .backend import Backend
    from .pipeline import brief as run
    from .render import to_json, to_markdown
    from .settings import load_settings, resolve_model

    settings = load_settings()
    model_path = resolve_model(model, settings)

    def load() -> Backend:
        return Backend(model_path, n_ctx=settings.context, seed=settings.seed)

    result = run(list(paths), load, max_items=max_items or settings.max_items)
    text = to_json(result) if fmt == "json" else to_markdown(result, show_dropped)
    write_atomic(text, out)


@cli.command()
@click.argument("claims", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Write the results to this file (atomically) instead of stdout.")
@handle_errors
def check(claims: Path, out: Path | None) -> None:
    """Check claims against evidence, one JSON object per line of CLAIMS.

    \b
    Each input line:  {"claim": "...", "evidence": ["...", ...], ...}
    Each output line: {"supported": bool, "score": 0..1,
                       "evidence_index": [int, ...], "reasons": [...], ...}
    Keys other than claim and evidence are passed through unchanged.
    """
    from .check import check as verify_claim

    rows = read_claims(claims)
    lines = []
    for row in rows:
        result = verify_claim(row.pop("claim"), row.pop("evidence"))
        lines.append(json.dumps({**row, **result.model_dump()}, ensure_ascii=False))
    write_atomic("".join(line + "\n" for line in lines), out)


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
def schema() -> None:
    """Print the JSON Schema of the brief that `brief --format json` writes."""
    from .models import Brief

    click.echo(json.dumps(Brief.model_json_schema(), indent=2))


def main() -> None:
    cli(prog_name="summarizer")


if __name__ == "__main__":
    sys.exit(main())
