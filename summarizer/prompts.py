"""Load and render the Jinja2 prompt templates in `prompts/`.

Sandboxed so that a user's own template cannot reach Python internals, and
StrictUndefined so that a misspelt variable fails loudly instead of rendering
as an empty string into the prompt.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import FileSystemLoader, StrictUndefined, TemplateNotFound
from jinja2.sandbox import SandboxedEnvironment

from .errors import SummarizerError

PROMPTS_DIR = Path(os.environ.get("SUMMARIZER_PROMPTS", Path(__file__).parent.parent / "prompts"))


@lru_cache(maxsize=4)
def environment(directory: Path = PROMPTS_DIR) -> SandboxedEnvironment:
    return SandboxedEnvironment(
        loader=FileSystemLoader(directory),
        undefined=StrictUndefined,
        keep_trailing_newline=False,
        autoescape=False,  # prompts are plain text, not HTML
    )


def render(name: str, **variables: Any) -> str:
    try:
        template = environment().get_template(name)
    except TemplateNotFound:
        raise SummarizerError(
            f"prompt template {name} not found in {PROMPTS_DIR}",
            "Reinstall the project, or point SUMMARIZER_PROMPTS at a folder holding it.",
        ) from None
    return template.render(**variables).strip()
