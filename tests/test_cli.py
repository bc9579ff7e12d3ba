"""The real CLI, run through click's CliRunner, with the real default model."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarizer.cli import cli

ROOT = Path(__file__).parent.parent
SEEDS = ROOT / "seeds"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def brief_json() -> dict:
    code, out, err = run("brief", str(SEEDS), "--format", "json")
    assert code == 0, err
    return json.loads(out)


@pytest.fixture(scope="module")
def corpus_noise() -> dict[str, str]:
    from summarizer.ingest.files import ingest
    from summarizer.segment.sentences import segment

    corpus = segment(ingest([SEEDS]))
    return {s.sentence_id: s.noise for d in corpus.documents for s in d.sentences if s.noise}


def test_brief_has_the_json_contract(brief_json: dict) -> None:
    assert set(brief_json) >= {"documents", "items", "dropped", "conflicts", "model", "timings"}
    assert len(brief_json["documents"]) == 5
    assert set(brief_json["model"]) == {"path", "name", "sha256"}
    for stage in ("ingest", "segment", "group", "plan", "draft", "verify", "total"):
        assert brief_json["timings"][stage] >= 0


def test_brief_says_how_well_its_model_drafted(brief_json: dict) -> None:
    drafting = brief_json["drafting"]
    assert drafting["mode"] == "model" and drafting["backend"] == "in process"
    assert drafting["asked"] == (drafting["drafted"] + drafting["repaired"]
                                 + drafting["replaced"] + drafting["dropped"]) > 0
    origins = [item["origin"] for item in brief_json["items"]]
    assert drafting["replaced"] == origins.count("replaced")
    assert drafting["quoted"] == origins.count("quoted")


def test_draft_never_brief_loads_no_model_and_quotes_its_sources(brief_json: dict) -> None:
    code, out, err = run("brief", str(SEEDS), "--draft", "never", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["drafting"]["mode"] == "never" and data["model"]["path"] == ""
    assert "load_model" not in data["timings"] and "draft" not in data["timings"]
    assert data["items"] and all(item["origin"] == "quoted" for item in data["items"])
    texts = {d["doc_id"]: d["text"] for d in data["documents"]}
    for c in (c for item in data["items"] for c in item["citations"]):
        assert texts[c["doc_id"]][c["start"]:c["end"]] == c["cited_text"]
    # The plan is the model's: the same facts, each said by its best-supported sentence.
    assert {i["fact_id"] for i in data["items"]} == {i["fact_id"] for i in brief_json["items"]}
    code, out, _ = run("brief", str(SEEDS), "--draft", "never")
    assert code == 0 and "Written without a model (--draft never)" in out


def test_brief_has_enough_cited_items_most_sources_first(brief_json: dict) -> None:
    items = brief_json["items"]
    assert len(items) >= 6
    assert all(item["citations"] for item in items)
    sources = [item["sources"] for item in items]
    assert sources == sorted(sources, reverse=True)
    assert sources[0] >= 3
    for item in items:
        assert item["sources"] == len({c["doc_id"] for c in item["citations"]})
        assert item["verdict"]["supported"] is True


def test_every_citation_is_the_exact_span(brief_json: dict) -> None:
    texts = {d["doc_id"]: d["text"] for d in brief_json["documents"]}
    for item in brief_json["items"]:
        for c in item["citations"]:
            assert texts[c["doc_id"]][c["start"] : c["end"]] == c["cited_text"]
    docs = brief_json["documents"]
    on_disk = {d["doc_id"]: Path(d["path"]).read_text(encoding="utf-8") for d in docs}
    assert on_disk == texts


def test_no_item_cites_noise(brief_json: dict, corpus_noise: dict[str, str]) -> None:
    cited = {c["sentence_id"] for item in brief_json["items"] for c in item["citations"]}
    assert cited.isdisjoint(corpus_noise), {s: corpus_noise[s] for s in cited & set(corpus_noise)}


def test_two_runs_give_the_identical_brief(brief_json: dict) -> None:
    code, out, _ = run("brief", str(SEEDS), "--format", "json")
    assert code == 0
    again = json.loads(out)
    first = {k: v for k, v in brief_json.items() if k != "timings"}
    assert {k: v for k, v in again.items() if k != "timings"} == first


def test_markdown_brief_to_file(tmp_path: Path) -> None:
    out = tmp_path / "sub" / "brief.md"
    code, stdout, _ = run("brief", str(SEEDS), "--out", str(out), "--max-items", "3")
    assert code == 0 and stdout == ""
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Morning brief, ")
    assert "_1 story from 5 sources, 2025-12-26 to 2025-12-30_" in text
    assert "## Sources" in text and "[1] " in text
    assert list(tmp_path.glob("sub/.*tmp")) == []


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


BAD_INPUT = [
    ("missing path", lambda t: ["brief", str(t / "nope")], "does not exist"),
    ("empty folder", lambda t: ["brief", str(t)], "holds no readable documents"),
    ("empty file", lambda t: ["brief", str(_write(t, "e.txt", b"  \n"))], "is empty"),
    ("binary file", lambda t: ["brief", str(_write(t, "b.txt", b"\x00\x01GIF"))], "binary"),
    ("unsupported file", lambda t: ["brief", str(_write(t, "x.pdf", b"%PDF"))], "not a supported"),
    ("no article text", lambda t: ["brief", str(_write(t, "r.txt", "Привет, мир.\n".encode()))],
     "found no article sentences"),
    ("missing model", lambda t: ["brief", str(SEEDS), "--model", str(t / "m.gguf")],
     "does not exist"),
    ("not a gguf", lambda t: ["brief", str(SEEDS), "--model", str(_write(t, "m.gguf", b"hello"))],
     "is not a GGUF model"),
    ("broken gguf", lambda t: ["brief", str(SEEDS), "--model",
                               str(_write(t, "m.gguf", b"GGUF" + b"\x03\x00" * 20))],
     "could not load the model"),
    ("bad claims line", lambda t: ["check", str(_write(t, "c.jsonl", b'{"claim": 1}\n'))],
     "lacks a string 'claim'"),
    ("a model file and a server", lambda t: ["brief", str(SEEDS), "--model", str(t / "m.gguf"),
                                             "--llm-url", "http://127.0.0.1:9/v1"],
     "both --model"),
]


@pytest.mark.parametrize(("case", "args", "message"), BAD_INPUT, ids=[c[0] for c in BAD_INPUT])
def test_bad_input_is_one_line_and_exit_2(case, args, message, tmp_path: Path) -> None:
    code, out, err = run(*args(tmp_path))
    assert code == 2, (case, err)
    assert out == ""
    assert len(err.strip().splitlines()) == 1, err
    assert message in err and "Traceback" not in err


def test_bad_input_leaves_no_output_file(tmp_path: Path) -> None:
    out = tmp_path / "brief.md"
    code, _, _ = run("brief", str(tmp_path / "nope"), "--out", str(out))
    assert code == 2 and not out.exists()


def test_non_utf8_is_decoded_with_a_warning(tmp_path: Path) -> None:
    text = "Kim Jong Un visited a factory. He praised the workers’ effort.\n" * 2
    path = _write(tmp_path, "a.txt", text.encode("cp1252"))
    code, out, err = run("brief", str(path), "--format", "json", "--max-items", "1")
    assert code == 0
    assert "not valid UTF-8; decoded it as cp1252" in err
    assert json.loads(out)["documents"][0]["encoding"] == "cp1252"


def test_check_command_follows_the_contract(tmp_path: Path) -> None:
    claims = tmp_path / "claims.jsonl"
    rows = [
        {"claim": "North Korea has reportedly sent around 15,000 troops to Russia.", "id": "a",
         "evidence": ["The sky is blue.", "North Korea has reportedly sent around 15,000 "
                      "troops to support Russia's war in Ukraine."]},
        {"claim": "North Korea sent around 25,000 troops to Russia.", "id": "b",
         "evidence": ["North Korea has reportedly sent around 15,000 troops to support "
                      "Russia's war in Ukraine."]},
    ]
    claims.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    code, out, err = run("check", str(claims))
    assert code == 0, err
    results = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in results] == ["a", "b"]
    assert results[0]["supported"] is True and results[0]["evidence_index"] == [1]
    assert results[1]["supported"] is False
    assert any("25000" in reason for reason in results[1]["reasons"])
    for r in results:
        assert set(r) == {"id", "supported", "score", "evidence_index", "reasons"}


def test_schema_is_json_schema_of_the_brief() -> None:
    code, out, _ = run("schema")
    schema = json.loads(out)
    assert code == 0 and schema["title"] == "Brief"
    assert set(schema["required"]) >= {"documents", "items", "dropped", "model", "timings"}


@pytest.mark.parametrize("command", [[], ["brief"], ["check"], ["schema"]])
def test_help_reads_like_documentation(command: list[str]) -> None:
    code, out, _ = run(*command, "--help")
    assert code == 0 and "Usage:" in out and len(out.splitlines()) > 4


def test_check_brief_passes_a_saved_brief_and_fails_an_edited_one(
    brief_json: dict, tmp_path: Path
) -> None:
    saved = tmp_path / "brief.json"
    saved.write_text(json.dumps(brief_json), encoding="utf-8")
    code, out, _ = run("check", "--brief", str(saved))
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert len(lines) == len(brief_json["items"]) and all(r["supported"] for r in lines)

    edited = json.loads(saved.read_text(encoding="utf-8"))
    edited["items"][0]["text"] = "North Korea cut missile production by 40 percent."
    edited["items"][1]["citations"][0]["cited_text"] += " And more."
    saved.write_text(json.dumps(edited), encoding="utf-8")
    code, out, err = run("check", "--brief", str(saved))
    assert code == 1
    results = [json.loads(line) for line in out.splitlines()]
    assert [r["supported"] for r in results[:2]] == [False, False]
    assert any("is not the cited text" in reason for reason in results[1]["reasons"])
    assert "2 of" in err and "items 0, 1" in err


def test_check_needs_claims_or_a_brief() -> None:
    code, _, err = run("check")
    assert code == 2 and "Give either CLAIMS.jsonl or --brief" in err


def test_check_with_the_model_judge(tmp_path: Path) -> None:
    claims = tmp_path / "claims.jsonl"
    claims.write_text(json.dumps({
        "claim": "North Korea sent around 15,000 troops to Russia.",
        "evidence": ["North Korea has reportedly sent around 15,000 troops to support Russia."],
    }) + "\n", encoding="utf-8")
    code, out, err = run("check", "--judge", str(claims))
    assert code == 0, err
    result = json.loads(out)
    assert any(r.startswith("model judge: P(supported) = ") for r in result["reasons"])


@pytest.mark.parametrize("missing", ["evals", "evals.harness"])
def test_eval_without_its_harness_is_one_line(monkeypatch: pytest.MonkeyPatch,
                                              missing: str) -> None:
    """An installed wheel has no eval harness: one line saying how to get it, exit 2."""
    for name in [m for m in list(sys.modules) if m == "evals" or m.startswith("evals.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, missing, None)
    code, _, err = run("eval", "--fast")
    assert code == 2
    assert err.startswith("Error: the eval harness is not installed")
    assert "pip install -e ./evals" in err and err.count("\n") == 1
