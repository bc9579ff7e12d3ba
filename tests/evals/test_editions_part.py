"""The eval harness's daily-editions part: the seeds replayed day by day are one thread,
and nothing a developing story shows as news restates what an earlier day gave."""

from __future__ import annotations

from evals import editions
from evals.harness import check_thresholds


def test_the_seeds_replayed_day_by_day_are_one_developing_thread() -> None:
    result = editions.replay(30, seeds=True)
    assert result["documents"] == 5 and result["threads"] == 1
    assert result["f1"] == 1.0
    assert result["developing_items"] > 0 and result["restated_share"] == 0.0
    table = "\n".join(editions.lines({"seeds": result, "duc": {"skipped": "no data"}}))
    assert "| seeds | 5 | 30 |" in table and "skipped: no data" in table


def test_a_skipped_sub_part_is_not_held_to_its_thresholds() -> None:
    report = {"editions": {"seeds": {"f1": 1.0}, "duc": {"skipped": "no data"}}}
    rules = {"fast": {"min": {"editions.duc.f1": 0.25, "editions.seeds.f1": 1.0}}}
    assert check_thresholds(report, rules, "fast") == []
    report["editions"]["duc"] = {"precision": 1.0}
    assert check_thresholds(report, rules, "fast") == [
        "editions.duc.f1: missing from the report (wanted min 0.25)"]
