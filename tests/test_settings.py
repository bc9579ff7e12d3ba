"""Settings from the config file, and where the model comes from."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer import settings as settings_module
from summarizer.errors import ModelError, SummarizerError
from summarizer.settings import (
    DEFAULT_MODEL_FILE,
    Settings,
    config_path,
    default_model,
    load_settings,
    resolve_model,
)


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("SUMMARIZER_MODEL", "SUMMARIZER_CONFIG", "XDG_CONFIG_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------- resolve_model


@pytest.mark.parametrize(
    ("cli", "env", "config", "expected"),
    [
        ("/cli.gguf", "/env.gguf", "/config.gguf", "/cli.gguf"),
        (None, "/env.gguf", "/config.gguf", "/env.gguf"),
        (None, "", "/config.gguf", "/config.gguf"),  # an empty variable is not set
        (None, None, "/config.gguf", "/config.gguf"),
        ("/cli.gguf", None, None, "/cli.gguf"),
        (None, "/env.gguf", None, "/env.gguf"),
    ],
)
def test_resolution_order(
    monkeypatch: pytest.MonkeyPatch,
    cli: str | None,
    env: str | None,
    config: str | None,
    expected: str,
) -> None:
    if env is not None:
        monkeypatch.setenv("SUMMARIZER_MODEL", env)
    settings = Settings(model=Path(config) if config else None)
    assert resolve_model(Path(cli) if cli else None, settings) == Path(expected)


def test_default_model_when_nothing_is_given() -> None:
    path = resolve_model(None, Settings())
    assert path == default_model()
    assert path.name == DEFAULT_MODEL_FILE
    assert path.parent.name == settings_module.DEFAULT_MODEL_PACKAGE


def test_config_model_expands_home(tmp_path: Path) -> None:
    assert resolve_model(None, Settings(model=Path("~/m.gguf"))) == tmp_path / "home" / "m.gguf"


def test_missing_default_model_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings_module, "DEFAULT_MODEL_PACKAGE", "no_such_model_package_xyz")
    with pytest.raises(ModelError, match="default model is not installed") as info:
        resolve_model(None, Settings())
    assert "--model" in info.value.fix


def test_explicit_model_needs_no_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings_module, "DEFAULT_MODEL_PACKAGE", "no_such_model_package_xyz")
    assert resolve_model(Path("/x.gguf"), Settings()) == Path("/x.gguf")


# ---------------------------------------------------------------- config file


def test_config_path_default(tmp_path: Path) -> None:
    assert config_path() == tmp_path / "home" / ".config" / "summarizer" / "config.toml"


def test_config_path_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert config_path() == tmp_path / "xdg" / "summarizer" / "config.toml"


def test_config_path_explicit(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("SUMMARIZER_CONFIG", str(tmp_path / "my.toml"))
    assert config_path() == tmp_path / "my.toml"


def test_no_config_file_gives_defaults(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "absent.toml") == Settings()
    assert load_settings() == Settings()
    assert Settings() == Settings(model=None, max_items=8, context=2048, seed=42)


def test_config_file_values(tmp_path: Path) -> None:
    path = write(
        tmp_path / "c.toml", 'model = "/m/x.gguf"\nmax_items = 3\ncontext = 4096\nseed = 7\n'
    )
    assert load_settings(path) == Settings(
        model=Path("/m/x.gguf"), max_items=3, context=4096, seed=7
    )


def test_config_file_found_through_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SUMMARIZER_CONFIG", str(write(tmp_path / "c.toml", "max_items = 2\n")))
    assert load_settings().max_items == 2


def test_config_model_used_when_no_flag_or_env(tmp_path: Path) -> None:
    path = write(tmp_path / "c.toml", 'model = "/from/config.gguf"\n')
    assert resolve_model(None, load_settings(path)) == Path("/from/config.gguf")


@pytest.mark.parametrize(
    ("content", "detail"),
    [
        ("max_items = \n", "Invalid value"),  # not TOML
        ("colour = 'blue'\n", "validation error"),  # unknown key
        ("max_items = 0\n", "validation error"),  # below the minimum
        ("context = 100\n", "validation error"),
        ("max_items = 'eight'\n", "validation error"),
    ],
)
def test_invalid_config_is_a_summarizer_error(tmp_path: Path, content: str, detail: str) -> None:
    path = write(tmp_path / "c.toml", content)
    with pytest.raises(SummarizerError) as info:
        load_settings(path)
    message = str(info.value)
    assert message.startswith(f"config file {path} is not valid: ")
    assert detail in message
    assert "\n" not in message  # one line for the user
    assert "keys: model, max_items, context, seed" in info.value.fix


def test_config_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_bytes(b"model = '\xff\xfe'\n")
    with pytest.raises(SummarizerError, match="is not valid"):
        load_settings(path)


def test_settings_are_frozen() -> None:
    with pytest.raises(ValueError):
        Settings().max_items = 3  # type: ignore[misc]
