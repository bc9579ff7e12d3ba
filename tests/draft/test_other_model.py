"""`--model` with a GGUF of another architecture (Gemma 3), where it is installed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarizer.cli import cli

ROOT = Path(__file__).parents[2]
GEMMA = ROOT / "models" / "gemma-3-270m-q4_k_m.gguf"


@pytest.mark.skipif(
    not GEMMA.is_file(), reason=f"{GEMMA.name} is absent; run `make gemma` to assemble it"
)
def test_brief_with_gemma_3() -> None:
    result = CliRunner().invoke(
        cli, ["brief", str(ROOT / "seeds"), "--model", str(GEMMA), "--format", "json",
              "--max-items", "3"]
    )
    assert result.exit_code == 0, result.stderr
    brief = json.loads(result.stdout)
    assert brief["model"]["path"] == str(GEMMA)
    assert "gemma" in brief["model"]["name"].lower()
    texts = {d["doc_id"]: d["text"] for d in brief["documents"]}
    assert len(brief["items"]) >= 2
    for item in brief["items"]:
        assert item["citations"]
        for c in item["citations"]:
            assert texts[c["doc_id"]][c["start"] : c["end"]] == c["cited_text"]
