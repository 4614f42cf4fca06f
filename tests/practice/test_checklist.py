"""The quick-start checklist, ticked from real stores with a fixed ``today``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from conftest import MILESTONES, card, front_matter, store_of, write_store

from mkdocs_growth.practice.checklist import HOW_TO, CheckItem, anchor, checklist

TODAY = dt.date(2026, 5, 20)  # in 2026-Q2 (2026-04-01 .. 2026-06-30)


def day(offset: int) -> str:
    return (TODAY + dt.timedelta(days=offset)).isoformat()


def doc(kind: str, title: str, date: str, **fields: Any) -> str:
    return front_matter({"type": kind, "title": title, "date": date, **fields})


def items(tmp_path: Path, files: dict[str, str], **options: Any) -> dict[str, CheckItem]:
    config = write_store(tmp_path, files, {"today": TODAY.isoformat(), **options})
    return {i.id: i for i in checklist(store_of(config), TODAY, "growth")}


FEEDBACK = [{"date": day(-10), "from": "Dana", "went_well": "clear demo"}]
COMPLETE = {
    "cards/trace.md": card(status="active", feedback=FEEDBACK),
    "notes/n.md": doc("note", "Spans", day(-6)),
    "talks/t.md": doc("talk", "Traces first", "2026-04-02"),
    "retros/r.md": doc("retro", "Q1 retro", day(-89)),
}


def test_complete_store_ticks_everything_and_links_to_the_evidence(tmp_path: Path) -> None:
    got = items(tmp_path, COMPLETE, north_star="Be the person who finds the slow span.")
    assert list(got) == list(HOW_TO)  # every item, in the playbook's order
    assert {k: v.done for k, v in got.items()} == dict.fromkeys(HOW_TO, True)
    assert got["horizon-card"].link == "cards/trace.md"
    assert got["weekly-note"].link == "notes/n.md"
    assert got["knowledge-share"].link == "talks/t.md"
    assert got["retro"].link == "retros/r.md"
    assert got["check-in"].link == "growth/feedback.md"
    assert got["guardrail"].link == "growth/index.md"
    assert got["scores"].link == "growth/priorities.md"


def test_empty_store_ticks_only_the_guardrail_and_links_to_how_to(tmp_path: Path) -> None:
    got = items(tmp_path, {"index.md": "# Home\n"})
    assert [k for k, v in got.items() if v.done] == ["guardrail"]
    for key in (
        "north-star",
        "horizon-card",
        "weekly-note",
        "knowledge-share",
        "check-in",
        "retro",
    ):
        assert got[key].link == anchor(key)
    assert got["north-star"].detail == "no north_star in mkdocs.yml"
    assert got["horizon-card"].detail == "no card in 2026-Q2"


@pytest.mark.parametrize(("offset", "done"), [(0, True), (-6, True), (-7, False), (1, False)])
def test_weekly_note_is_the_last_seven_days_including_today(
    tmp_path: Path, offset: int, done: bool
) -> None:
    got = items(tmp_path, {"notes/n.md": doc("note", "N", day(offset))})
    assert got["weekly-note"].done is done


def test_card_with_too_few_milestones_links_to_the_card(tmp_path: Path) -> None:
    got = items(tmp_path, {"cards/thin.md": card(milestones=MILESTONES[:2])})
    item = got["horizon-card"]
    assert not item.done and item.link == "cards/thin.md"
    assert "has 2 milestones" in item.detail


def test_card_in_another_horizon_does_not_count(tmp_path: Path) -> None:
    got = items(tmp_path, {"cards/later.md": card(horizon="2026-Q3")})
    assert not got["horizon-card"].done


def test_card_without_scores_fails_the_scores_item(tmp_path: Path) -> None:
    files = {
        "cards/ok.md": card(),
        "cards/unscored.md": card(scores=None),
        "cards/bad.md": card(scores={"impact": 9, "effort": 3, "reusability": 1, "learnings": 1}),
    }
    item = items(tmp_path, files)["scores"]
    assert not item.done
    assert item.link == "cards/bad.md"
    assert item.detail.startswith("2 of 3 cards without valid scores")


def test_guardrail_over_max_active(tmp_path: Path) -> None:
    active = [{**m, "status": "active"} for m in MILESTONES]
    files = {"cards/a.md": card(status="active", milestones=active)}
    assert items(tmp_path / "ok", files)["guardrail"].done
    over = items(tmp_path / "over", files, max_active=2)["guardrail"]
    assert not over.done and over.detail == "3 active milestones across active cards"


def test_knowledge_share_by_date_or_horizon(tmp_path: Path) -> None:
    outside = {"talks/t.md": doc("talk", "T", "2026-03-31")}
    tagged = {"talks/t.md": doc("talk", "T", "2026-03-31", horizon="2026-Q2")}
    assert not items(tmp_path / "a", outside)["knowledge-share"].done
    assert items(tmp_path / "b", tagged)["knowledge-share"].done


def test_check_in_unticked_after_six_weeks(tmp_path: Path) -> None:
    late = {"cards/a.md": card(feedback=[{"date": day(-42)}])}
    on_time = {"cards/a.md": card(feedback=[{"date": day(-41)}])}
    assert not items(tmp_path / "late", late)["check-in"].done
    assert items(tmp_path / "ok", on_time)["check-in"].done


def test_retro_within_ninety_days(tmp_path: Path) -> None:
    assert items(tmp_path / "a", {"retros/r.md": doc("retro", "R", day(-89))})["retro"].done
    assert not items(tmp_path / "b", {"retros/r.md": doc("retro", "R", day(-90))})["retro"].done


def test_anchors_are_toc_slugs_of_the_how_to_headings() -> None:
    assert anchor("horizon-card") == "#a-card-for-this-horizon"
    assert anchor("check-in") == "#mentor-check-in"
