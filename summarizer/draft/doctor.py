"""`summarizer doctor`: what is installed, what is in force, and whether the model runs.

Each finding is a line a user can paste into a bug report. The model is run
in a child process (`summarizer.smoke`), so a llama.cpp build that crashes on
this CPU is reported as one line, never a crash of the doctor itself.
"""

from __future__ import annotations

import json
import platform
import re
import signal
import subprocess
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from jinja2 import Environment
from pydantic import BaseModel, ConfigDict

from summarizer import __version__
from summarizer.draft.backend import sha256_of
from summarizer.errors import SummarizerError
from summarizer.models import Drafting

SMOKE_TIMEOUT = 180  # seconds: loading a large user model from a slow disk may take a while
TEMPLATES = ("draft.j2", "judge.j2")
# CPU features llama.cpp reports about its build, as it names them, and /proc/cpuinfo's names.
CPU_FLAGS = {
    "SSE3": "pni", "SSSE3": "ssse3", "AVX": "avx", "AVX2": "avx2", "F16C": "f16c",
    "FMA": "fma", "BMI2": "bmi2", "AVX_VNNI": "avx_vnni", "AVX512": "avx512f",
    "AVX512_VBMI": "avx512vbmi", "AVX512_VNNI": "avx512_vnni", "AVX512_BF16": "avx512_bf16",
    "AMX_INT8": "amx_int8",
}


class Finding(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    detail: str
    ok: bool = True


def build_features(system_info: str) -> list[str]:
    """The CPU features a llama.cpp build uses, from its system-info line.

    >>> build_features("CPU : SSE3 = 1 | AVX = 1 | AVX512 = 0 | LLAMAFILE = 1 |")
    ['SSE3', 'AVX']
    """
    return [name for name, on in re.findall(r"(\w+) = (\d)", system_info)
            if on == "1" and name in CPU_FLAGS]


def cpu_flags() -> set[str] | None:
    """This CPU's feature flags, where the system tells them (Linux)."""
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    line = next((li for li in text.splitlines() if li.startswith(("flags", "Features"))), "")
    return set(line.partition(":")[2].split())


def installed() -> list[Finding]:
    try:
        llama = version("llama-cpp-python")
        found = Finding(name="llama-cpp-python", detail=llama)
    except PackageNotFoundError:
        found = Finding(name="llama-cpp-python", ok=False,
                        detail="not installed: run `make setup`, or install from the wheelhouse")
    return [
        Finding(name="summarizer", detail=__version__),
        Finding(name="python", detail=f"{platform.python_version()} ({sys.executable})"),
        found,
        parser(),
    ]


def parser() -> Finding:
    """The verifier's parser (spaCy and its English pipeline), found without loading it."""
    from summarizer.language.roles import PACKAGE, PIPELINE_VERSION

    try:
        detail = f"spaCy {version('spacy')}, {PACKAGE} {version(PACKAGE)}"
        return Finding(name="parser", detail=detail)
    except PackageNotFoundError as e:
        return Finding(name="parser", ok=False,
                       detail=f"{e.name} not installed: the verifier cannot read who did what "
                              f"to whom; run `make setup`, or pip install spacy "
                              f"{PACKAGE}=={PIPELINE_VERSION}")


def config_and_model(cli_model: Path | None, model_needed: bool = True,
                     ) -> tuple[list[Finding], Path | None]:
    from summarizer.draft.backend import check_model_file
    from summarizer.settings import config_path, load_settings, resolve_model_source

    path = config_path()
    try:
        settings = load_settings()
    except SummarizerError as e:
        return [Finding(name="config", ok=False, detail=str(e))], None
    state = "in force" if path.is_file() else "not present: the defaults are in force"
    findings = [Finding(name="config", detail=f"{path} ({state})")]
    if not model_needed:
        return findings, None
    findings.append(Finding(name="drafts", detail="in process, with the GGUF model below"))
    try:
        model, source = resolve_model_source(cli_model, settings)
        check_model_file(model)
    except SummarizerError as e:
        return [*findings, Finding(name="model", ok=False, detail=str(e))], None
    findings += [
        Finding(name="model", detail=f"{model} (from {source})"),
        Finding(name="sha256", detail=sha256_of(model)),
    ]
    return findings, model


def templates() -> Finding:
    from summarizer.draft import prompts

    folder = prompts.user_folder()
    env = prompts.environment(folder)
    missing = [name for name in TEMPLATES if not _loads(env, name)]
    where = folder or prompts.PACKAGE
    if missing:
        return Finding(name="templates", ok=False,
                       detail=f"{', '.join(missing)} missing from {where}: reinstall the project")
    return Finding(name="templates", detail=f"{', '.join(TEMPLATES)} from {where}")


def _loads(env: Environment, name: str) -> bool:
    try:
        env.get_template(name)
    except Exception:  # a missing or unparsable template is the finding itself
        return False
    return True


def smoke(model: Path, command: list[str] | None = None) -> list[Finding]:
    """The build's CPU features and one real generated token, from a child process."""
    command = command or [sys.executable, "-m", "summarizer.draft.smoke", str(model)]
    try:
        run = subprocess.run(command, capture_output=True, text=True, timeout=SMOKE_TIMEOUT)
    except subprocess.TimeoutExpired:
        return [Finding(name="generation", ok=False,
                        detail=f"no token within {SMOKE_TIMEOUT} s: try a smaller GGUF model")]
    lines = [json.loads(li) for li in run.stdout.splitlines() if li.startswith("{")]
    findings = [_build_finding(lines[0])] if lines else []
    if run.returncode < 0:
        name = signal.Signals(-run.returncode).name
        detail = (f"the model process was killed by {name} while generating: this "
                  "llama-cpp-python build does not run on this CPU; rebuild it with "
                  "`make clean setup` (the Makefile's portable flags)")
        return [*findings, Finding(name="generation", ok=False, detail=detail)]
    if len(lines) < 2 or "error" in lines[-1]:
        reason = lines[-1]["error"] if len(lines) == 2 else _last_line(run.stderr)
        return [*findings, Finding(name="generation", ok=False, detail=reason)]
    result = lines[1]
    return [*findings, Finding(
        name="generation",
        detail=f"{result['text']!r}, 1 token in {result['generate_seconds']:.2f} s "
               f"(model loaded in {result['load_seconds']:.2f} s)",
    )]


def _build_finding(info: dict[str, str]) -> Finding:
    features = build_features(info["system_info"])
    have = cpu_flags()
    lacking = [f for f in features if have is not None and CPU_FLAGS[f] not in have]
    detail = f"llama-cpp-python {info['llama_cpp_python']} uses {' '.join(features) or 'none'}"
    if lacking:
        return Finding(name="build", ok=False,
                       detail=f"{detail}, but this CPU lacks {' '.join(lacking)}: rebuild "
                              "llama-cpp-python on this machine with `make clean setup`")
    return Finding(name="build", detail=detail)


def _last_line(stderr: str) -> str:
    lines = [li for li in stderr.strip().splitlines() if li.strip()]
    return lines[-1] if lines else "the model process failed without a message"


def server(url: str, source: str, llm_model: str | None) -> list[Finding]:
    """Where drafts go, and whether the server there answers and serves the model."""
    from summarizer.draft.server import ServerBackend
    from summarizer.settings import load_settings

    findings = [Finding(name="drafts", detail=f"to the model server {url} (from {source}); "
                        "no GGUF file is loaded in process")]
    try:
        backend = ServerBackend(url, llm_model, load_settings())
    except SummarizerError as e:
        return [*findings, Finding(name="server", ok=False, detail=str(e))]
    return [*findings, Finding(name="server", detail=f"answers; drafts with {backend.model}")]


def fitness(drafting: Drafting, seconds: float, sample: str) -> Finding:
    """How well the model drafts, from a brief of `sample`, with plain advice.

    >>> fitness(Drafting(asked=8, drafted=1, replaced=7), 12.0, "seeds/").detail
    'its drafts pass 1 in 8 on seeds/ (8 drafts, 1.5 s each): briefs will mostly quote...'
    """
    if not drafting.asked:
        return Finding(name="drafting", ok=False,
                       detail=f"the brief of {sample} asked the model for no draft: pass a "
                              "folder of several articles about one story with --sample")
    kept = drafting.drafted + drafting.repaired
    share = kept / drafting.asked
    advice = ("it writes most of the brief" if share >= 0.75 else
              "it writes part of the brief; the rest quotes sources" if share >= 0.25 else
              "briefs will mostly quote sources; a larger model writes more of the brief")
    return Finding(name="drafting",
                   detail=f"its drafts pass {kept} in {drafting.asked} on {sample} "
                          f"({drafting.asked} drafts, {seconds / drafting.asked:.1f} s each): "
                          f"{advice}")


def diagnose(cli_model: Path | None, llm_url: str | None = None,
             llm_model: str | None = None) -> list[Finding]:
    """Versions, config, where drafts go, and the model run once (in a child process)."""
    from summarizer.settings import load_settings, resolve_llm_url

    findings = [*installed(), templates()]
    try:
        url, source = resolve_llm_url(llm_url, load_settings())
    except SummarizerError:
        url, source = None, ""  # the config finding below says what is wrong with it
    if url and cli_model is None:
        more, _ = config_and_model(None, model_needed=False)
        return [*findings, *more, *server(url, source, llm_model)]
    more, model = config_and_model(cli_model)
    findings += more
    if model is not None and all(f.ok for f in findings):
        findings += smoke(model)
    return findings
