"""A clone without ../shared/ (the dev data): one line saying what is missing, never a traceback.

`make bench` and `make eval` stop with that line and a non-zero exit; a part whose
own data is missing (DUC 2003 here) is reported as skipped, its thresholds unchecked.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from evals import duc, harness, report, verifier
from summarizer.cli import cli
from summarizer.errors import SummarizerError

ROOT = Path(__file__).resolve().parent.parent.parent


def test_bench_without_evaldata_is_one_line(tmp_path: Path):
    env = {**os.environ, "EVALDATA": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "evals.bench"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert str(tmp_path / "multinews" / "multinews_dev.jsonl") in done.stderr
    assert "set EVALDATA" in done.stderr


def test_eval_without_evaldata_is_one_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setattr(verifier, "EVALDATA", tmp_path / "evaldata")
    with pytest.raises(SummarizerError, match="no eval data at"):
        harness.run(out=tmp_path / "out")
    result = CliRunner().invoke(cli, ["eval", "--write-results", "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: no eval data at {tmp_path / 'evaldata'}")
    assert result.stderr.count("\n") == 1 and "set EVALDATA" in result.stderr
    assert not (tmp_path / "out").exists()


def test_duc_missing_names_the_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    path = tmp_path / "duc2003" / "duc2003_task4_clusters.jsonl"
    monkeypatch.setattr(duc, "DUC", path)
    line = duc.missing()
    assert line is not None and str(path) in line and "\n" not in line
    assert duc.evaluate(3) == {"skipped": line}
    with pytest.raises(SystemExit, match="no DUC 2003 data at"):
        duc.main()
    path.parent.mkdir()
    path.write_text("", encoding="utf-8")
    assert duc.missing() is None


def test_skipped_duc_part_is_reported_and_not_checked():
    rules = {"fast": {"min": {"duc.headlines.headline.f1": 0.15},
                      "max": {"duc.headlines.not_standalone": 0}}}
    skipped = {"duc": {"skipped": "no DUC 2003 data at /x"}}
    assert harness.check_thresholds(skipped, rules, "fast") == []
    assert report.duc_lines(skipped["duc"])[2] == "Skipped: no DUC 2003 data at /x"
    ran = {"duc": {"headlines": {"headline": {"f1": 0.1}, "not_standalone": 1}, "content": {}}}
    assert len(harness.check_thresholds(ran, rules, "fast")) == 2


def test_duc_tables():
    scores = {"headline": {"recall": 0.3, "f1": 0.18}, "first_lead_sentence":
              {"recall": 0.35, "f1": 0.16}}
    result = {
        "headlines": {"stories": 5, "held_out_stories": 3, **scores, "held_out": scores,
                      "tuned_on": scores, "median_words": 12, "not_standalone": 1,
                      "failing": ["He said so."], "seconds": 17.4},
        "content": {"clusters": 3, "words": 100, "seconds_per_cluster": 41.2, "systems": {
            name: {"rouge1_recall": 0.3, "rouge2_recall": 0.07}
            for name in ("brief", "lead", "lexrank")}},
    }
    text = "\n".join(report.duc_lines(result))
    assert "| held out (clusters 16-30) | 3 | 30.0 | 18.0 | 35.0 | 16.0 |" in text
    assert "| tuned on (clusters 1-15) | 2 |" in text
    assert "median 12 words; not stand-alone (`headline_like`): 1" in text
    assert "- not stand-alone: He said so." in text
    assert "| brief | 3 | 30.0 | 7.0 | 41.2 |" in text
    assert "| lexrank | 3 | 30.0 | 7.0 | - |" in text
