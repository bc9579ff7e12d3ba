"""The real CLI and the real default model on a folder of two stories and a single-source one.

The model runs twice per module (two briefs); every test reads those briefs.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarizer.cli import cli
from summarizer.models import SCHEMA_VERSION, Brief

# Two stories of two outlets each (tests/stories/test_stories.py) and one of a single outlet.
TWO_STORIES = json.loads((Path(__file__).parent / "fixtures" / "two_stories.json")
                         .read_text(encoding="utf-8"))
KIM = [tuple(pair) for pair in TWO_STORIES["kim"]]
SWEDEN = [tuple(pair) for pair in TWO_STORIES["sweden"]]
LONE = ("Heavy rain floods Jakarta streets",
        "Heavy monsoon rain flooded hundreds of streets in Jakarta on Tuesday, the city's "
        "disaster agency said. About 2,000 residents of the Indonesian capital were moved to "
        "shelters as rivers rose through the day.")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("morning")
    for i, (title, text) in enumerate([*KIM, *SWEDEN, LONE]):
        (root / f"{i}.txt").write_text(f"{title}\n{text}\n", encoding="utf-8")
    return root


def run_json(*args: str) -> dict:
    result = CliRunner().invoke(cli, ["brief", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def full(folder: Path) -> dict:
    return run_json(str(folder), "--items-per-story", "2")


@pytest.fixture(scope="module")
def bounded(folder: Path) -> dict:
    return run_json(str(folder), "--max-stories", "1", "--items-per-story", "1")


def test_json_contract_has_stories_and_a_schema_version(full: dict) -> None:
    Brief.model_validate(full)  # the JSON reads back as the model it came from
    assert full["schema_version"] == SCHEMA_VERSION
    assert len(full["stories"]) == 2
    story = full["stories"][0]
    assert set(story) >= {"story_id", "headline", "sources", "outlets", "first_date",
                          "last_date", "items", "conflicts", "single_source", "documents"}
    assert story["headline"]["kind"] in {"quoted", "verified"}
    (lone,) = full["also_reported"]
    assert len(lone["documents"]) == 1 and lone["sources"] == 1


def test_every_item_cites_its_own_story_only_and_exactly(full: dict) -> None:
    texts = {d["doc_id"]: d["text"] for d in full["documents"]}
    for story in [*full["stories"], *full["also_reported"]]:
        own = set(story["documents"])
        for item in [*story["items"], *story["single_source"]]:
            assert item["citations"]
            for c in item["citations"]:
                assert c["doc_id"] in own
                assert texts[c["doc_id"]][c["start"]:c["end"]] == c["cited_text"]
        for c in story["headline"]["citations"]:
            assert texts[c["doc_id"]][c["start"]:c["end"]] == c["cited_text"]
    flat = [i["text"] for s in [*full["stories"], *full["also_reported"]]
            for i in [*s["items"], *s["single_source"]]]
    assert [i["text"] for i in full["items"]] == flat


def test_items_per_story_bounds_each_story(full: dict, bounded: dict) -> None:
    for story in full["stories"]:
        assert len(story["items"]) + len(story["single_source"]) <= 2
    for story in bounded["stories"]:
        assert len(story["items"]) + len(story["single_source"]) <= 1
    reasons = {o["reason"] for o in bounded["omissions"] if o["kind"] == "fact"}
    assert "beyond --items-per-story 1" in reasons


def test_max_stories_lists_the_story_left_out_with_its_reason(bounded: dict) -> None:
    assert len(bounded["stories"]) == 1
    (left,) = [o for o in bounded["omissions"] if o["kind"] == "story"]
    assert left["reason"] == "beyond --max-stories 1"
    assert left["story_id"] != bounded["stories"][0]["story_id"]


def test_markdown_is_a_brief_by_story(bounded: dict, tmp_path: Path) -> None:
    saved = tmp_path / "brief.json"
    saved.write_text(json.dumps(bounded), encoding="utf-8")
    result = CliRunner().invoke(cli, ["render", str(saved)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("# Morning brief") and "from 5 sources" in lines[2]
    assert sum(line.startswith("## ") for line in lines) == 3  # story, also reported, sources
    assert "## Also reported (one source each)" in lines
    assert "1 more story left out (`--format json` lists them, under `omissions`)" in lines


def test_schema_command_names_stories_and_version() -> None:
    result = CliRunner().invoke(cli, ["schema"])
    schema = json.loads(result.stdout)
    assert {"stories", "also_reported", "omissions", "schema_version"} <= set(
        schema["properties"])
    assert schema["properties"]["schema_version"]["default"] == SCHEMA_VERSION
