"""Drafting through real OpenAI-compatible servers on loopback, started and stopped here
with the default GGUF: llama-cpp-python's own `llama_cpp.server`, which answers one
request at a time (so `--parallel 4` tests the client: requests in flight at once,
drafts gathered back in plan order), and llama.cpp's `llama-server` with 4 slots, which
batches them (`make llama-server` builds it; without it those cases are skipped).
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import openai
import pytest

from summarizer.draft.server import DETERMINISTIC_LLAMA_SERVER
from summarizer.settings import default_model

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
pytestmark = pytest.mark.model


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def llama_server() -> Path | None:
    built = sorted(ROOT.glob("wheels/llama-server-*/llama-server"))
    return built[-1] if built else None


def start_server(log: Path, kind: str = "llama_cpp.server") -> tuple[subprocess.Popen, str]:
    """The default model behind a server on a free loopback port, once it answers."""
    port = free_port()
    if kind == "llama-server":
        binary = llama_server()
        if binary is None:
            pytest.skip("no llama-server: `make llama-server` builds it")
        command = [str(binary), "-m", str(default_model()), "--host", "127.0.0.1",
                   "--port", str(port), "-np", "4", "-c", str(4 * 2048), "--seed", "42",
                   "--alias", "smollm2", "-t", "2", *DETERMINISTIC_LLAMA_SERVER]
    else:
        command = [sys.executable, "-m", "llama_cpp.server", "--model", str(default_model()),
                   "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "2048",
                   "--seed", "42", "--model_alias", "smollm2"]
    process = subprocess.Popen(command, stdout=log.open("w"), stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/v1"
    client = openai.OpenAI(base_url=url, api_key="none", max_retries=0, timeout=2)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            client.models.list()
            return process, url
        except openai.OpenAIError:
            pass
        if process.poll() is not None:
            break
        time.sleep(0.5)
    process.kill()
    pytest.fail(f"{kind} did not start: {log.read_text()[-2000:]}")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture(scope="module", params=["llama_cpp.server", "llama-server"])
def server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
           ) -> Iterator[str]:
    process, url = start_server(tmp_path_factory.mktemp("server") / "server.log",
                                request.param)
    yield url
    stop(process)


def brief(*args: str, out: Path | None = None) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "summarizer.cli", "brief", str(SEEDS), *args]
    if out is not None:
        command += ["--out", str(out)]
    return subprocess.run(command, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def briefs(server: str) -> dict[int, dict]:
    """The seeds brief through the server, one request at a time and four at a time."""
    out = {}
    for parallel in (1, 4):
        result = brief("--llm-url", server, "--parallel", str(parallel), "--format", "json")
        assert result.returncode == 0, result.stderr
        out[parallel] = json.loads(result.stdout)
    return out


def test_the_same_brief_whatever_the_parallelism(briefs: dict[int, dict]) -> None:
    assert briefs[1]["items"] == briefs[4]["items"]
    assert briefs[1]["stories"] == briefs[4]["stories"]
    assert briefs[4]["drafting"]["parallel"] == 4


def test_a_server_brief_cites_exactly_and_names_where_it_drafted(briefs: dict[int, dict],
                                                                 server: str) -> None:
    data = briefs[4]
    texts = {d["doc_id"]: d["text"] for d in data["documents"]}
    citations = [c for item in data["items"] for c in item["citations"]]
    assert citations
    for c in citations:
        assert texts[c["doc_id"]][c["start"]:c["end"]] == c["cited_text"]
    assert data["model"] == {"path": server, "name": "smollm2", "sha256": ""}
    drafting = data["drafting"]
    assert drafting["backend"] == server and drafting["mode"] == "model"
    assert drafting["asked"] == (drafting["drafted"] + drafting["repaired"]
                                 + drafting["replaced"] + drafting["dropped"]) > 0


def test_a_model_the_server_does_not_serve_is_one_line(server: str) -> None:
    result = brief("--llm-url", server, "--llm-model", "no-such-model")
    assert result.returncode == 2
    assert result.stderr.startswith(f"Error: the model server at {server} does not serve")
    assert result.stderr.count("\n") == 1 and result.stdout == ""


def test_no_server_at_the_url_is_one_line_within_30_seconds() -> None:
    start = time.monotonic()
    result = brief("--llm-url", f"http://127.0.0.1:{free_port()}/v1")
    assert time.monotonic() - start < 30
    assert result.returncode == 2
    assert result.stderr.startswith("Error: the model server at http://127.0.0.1:")
    assert "Check that the server is running" in result.stderr
    assert result.stderr.count("\n") == 1


def test_a_server_stopped_mid_brief_is_one_line_and_no_half_written_brief(
        tmp_path: Path) -> None:
    log = tmp_path / "server.log"
    process, url = start_server(log)
    out = tmp_path / "brief.md"
    command = [sys.executable, "-m", "summarizer.cli", "brief", str(SEEDS), "--llm-url", url,
               "--parallel", "2", "--out", str(out)]
    running = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    try:
        deadline = time.monotonic() + 120
        while "POST /v1/chat/completions" not in log.read_text() and time.monotonic() < deadline:
            time.sleep(0.2)  # drafting has begun: the first answer is back
        process.kill()
        stopped = time.monotonic()
        _, stderr = running.communicate(timeout=60)
    finally:
        process.kill()
        running.kill()
    assert time.monotonic() - stopped < 30
    assert running.returncode == 2, stderr
    assert stderr.startswith(f"Error: the model server at {url}")
    assert stderr.count("\n") == 1
    assert not out.exists() and list(tmp_path.glob(".brief.md.*")) == []


def doctor(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "summarizer.cli", "doctor", *args],
                          capture_output=True, text=True, timeout=600)


def test_doctor_checks_the_server_and_how_well_its_model_drafts(server: str) -> None:
    result = doctor("--llm-url", server)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = {line.split()[1]: line for line in result.stdout.splitlines()[:-1]}
    assert f"to the model server {server} (from --llm-url)" in lines["drafts"]
    assert "answers; drafts with smollm2" in lines["server"]
    assert lines["drafting"].startswith("ok") and "its drafts pass" in lines["drafting"]
    assert "generation" not in lines  # nothing is loaded in process


def test_doctor_reports_a_server_that_does_not_answer() -> None:
    result = doctor("--llm-url", f"http://127.0.0.1:{free_port()}/v1")
    assert result.returncode == 1
    server_line = next(li for li in result.stdout.splitlines() if li.split()[1] == "server")
    assert server_line.startswith("FAIL") and "Check that the server is running" in server_line
