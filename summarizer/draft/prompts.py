"""Load and render the Jinja2 prompt templates.

The templates live in `prompts/` at the top of the repository and ship inside
the package as `summarizer.prompt_templates` (pyproject.toml maps the one onto the
other), so they are read with importlib.resources: the same code finds them
in a source checkout, an editable install and an installed wheel.
`SUMMARIZER_PROMPTS` points at a folder of your own templates instead.

Sandboxed so that a user's own template cannot reach Python internals, and
StrictUndefined so that a misspelt variable fails loudly instead of rendering
as an empty string into the prompt.
"""

from __future__ import annotations

import os
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import BaseLoader, FileSystemLoader, FunctionLoader, StrictUndefined, TemplateNotFound
from jinja2.sandbox import SandboxedEnvironment

from summarizer.errors import SummarizerError

PACKAGE = "summarizer.prompt_templates"


def _packaged(name: str) -> str | None:
    resource = resources.files(PACKAGE).joinpath(name)
    return resource.read_text(encoding="utf-8") if resource.is_file() else None


def user_folder() -> Path | None:
    """The folder named by SUMMARIZER_PROMPTS, if it is set."""
    folder = os.environ.get("SUMMARIZER_PROMPTS")
    return Path(folder) if folder else None


@lru_cache(maxsize=4)
def environment(directory: Path | None = None) -> SandboxedEnvironment:
    """Templates from `directory`, or from the installed package when it is None."""
    loader: BaseLoader = (
        FunctionLoader(_packaged) if directory is None else FileSystemLoader(directory)
    )
    return SandboxedEnvironment(
        loader=loader,
        undefined=StrictUndefined,
        keep_trailing_newline=False,
        autoescape=False,  # prompts are plain text, not HTML
    )


def render(name: str, **variables: Any) -> str:
    folder = user_folder()
    try:
        template = environment(folder).get_template(name)
    except TemplateNotFound:
        where = folder or f"the installed package {PACKAGE}"
        raise SummarizerError(
            f"prompt template {name} not found in {where}",
            "Reinstall the project, or point SUMMARIZER_PROMPTS at a folder holding it.",
        ) from None
    return template.render(**variables).strip()
