"""The quick-start checklist, ticked from real stores with a fixed ``today``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from conftest import MILESTONES, card, doc, store_of, write_store

from mkdocs_growth.practice.audience import published
from mkdocs_growth.practice.checklist import HOW_TO, CheckItem, anchor, checklist

TODAY = dt.date(2026, 5, 20)  # in 2026-Q2 (2026-04-01 .. 2026-06-30)


def day(offset: int) -> str:
    return (TODAY + dt.timedelta(days=offset)).isoformat()


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


def test_complete_store_items_say_exactly_what_was_found(tmp_path: Path) -> None:
    """Every label, detail and link of a store that ticks everything, word for word."""
    star = "Be the person who finds the slow span."
    got = items(tmp_path, COMPLETE, north_star=f"  {star}  ")
    assert list(got.values()) == [
        CheckItem("north-star", "North star set", True, star, "#north-star"),
        CheckItem(
            "horizon-card",
            "A card in the current horizon (2026-Q2) with 3-5 milestones,"
            " each with a definition of done",
            True,
            "'Distributed trace explorer' has 3 milestones",
            "cards/trace.md",
        ),
        CheckItem(
            "scores",
            "Scores (impact, effort, reusability, learnings) on every card",
            True,
            "all 1 cards scored",
            "growth/priorities.md",
        ),
        CheckItem(
            "guardrail",
            "Active milestones within the limit (max_active 3)",
            True,
            "0 active milestones across active cards",
            "growth/index.md",
        ),
        CheckItem(
            "weekly-note",
            "A weekly tech note in the last 7 days",
            True,
            f"'Spans' ({day(-6)})",
            "notes/n.md",
        ),
        CheckItem(
            "knowledge-share",
            "A knowledge share (talk) this horizon (2026-Q2)",
            True,
            "'Traces first' (2026-04-02)",
            "talks/t.md",
        ),
        CheckItem(
            "check-in",
            "A mentor check-in within the last 6 weeks",
            True,
            f"last feedback on {day(-10)} (10 days ago)",
            "growth/feedback.md",
        ),
        CheckItem(
            "retro",
            "A retrospective in the last 90 days",
            True,
            f"'Q1 retro' ({day(-89)})",
            "retros/r.md",
        ),
    ]


def test_empty_store_items_say_what_is_missing(tmp_path: Path) -> None:
    got = items(tmp_path, {"index.md": "# Home\n"}, north_star="   ")
    assert list(got.values()) == [
        CheckItem(
            "north-star", "North star set", False, "no north_star in mkdocs.yml", "#north-star"
        ),
        CheckItem(
            "horizon-card",
            "A card in the current horizon (2026-Q2) with 3-5 milestones,"
            " each with a definition of done",
            False,
            "no card in 2026-Q2",
            "#a-card-for-this-horizon",
        ),
        CheckItem(
            "scores",
            "Scores (impact, effort, reusability, learnings) on every card",
            False,
            "no cards yet",
            "#a-card-for-this-horizon",
        ),
        CheckItem(
            "guardrail",
            "Active milestones within the limit (max_active 3)",
            True,
            "0 active milestones across active cards",
            "growth/index.md",
        ),
        CheckItem(
            "weekly-note",
            "A weekly tech note in the last 7 days",
            False,
            "no notes yet",
            "#weekly-note",
        ),
        CheckItem(
            "knowledge-share",
            "A knowledge share (talk) this horizon (2026-Q2)",
            False,
            "no talk in 2026-Q2",
            "#knowledge-share",
        ),
        CheckItem(
            "check-in",
            "A mentor check-in within the last 6 weeks",
            False,
            "no feedback recorded yet",
            "#mentor-check-in",
        ),
        CheckItem(
            "retro",
            "A retrospective in the last 90 days",
            False,
            "no retrospective in 90 days",
            "#retrospective",
        ),
    ]


def test_without_a_current_horizon_the_horizon_items_say_so(tmp_path: Path) -> None:
    horizons = [{"id": "2025-h2", "start": "2025-07-01", "end": "2025-12-31"}]
    files = {
        "cards/old.md": card(horizon="2025-h2"),
        "talks/t.md": doc("talk", "T", day(-1)),
    }
    got = items(tmp_path, files, horizons=horizons)
    no_horizon = "none of the configured horizons contains today: add one to `horizons`"
    assert got["horizon-card"] == CheckItem(
        "horizon-card",
        "A card in the current horizon with 3-5 milestones, each with a definition of done",
        False,
        no_horizon,
        "#a-card-for-this-horizon",
    )
    assert got["knowledge-share"] == CheckItem(
        "knowledge-share",
        "A knowledge share (talk) this horizon",
        False,
        no_horizon,
        "#knowledge-share",
    )


def ms(count: int, done_when: str = "it is shown") -> list[dict[str, str]]:
    return [{"title": f"Step {n}", "done_when": done_when} for n in range(1, count + 1)]


@pytest.mark.parametrize(
    ("milestones", "done"),
    [(ms(2), False), (ms(3), True), (ms(5), True), (ms(6), False), (ms(3, "  "), False)],
)
def test_horizon_card_needs_3_to_5_milestones_each_with_a_definition_of_done(
    tmp_path: Path, milestones: list[dict[str, str]], done: bool
) -> None:
    item = items(tmp_path, {"cards/c.md": card(title="C", milestones=milestones)})["horizon-card"]
    assert item == CheckItem(
        "horizon-card",
        "A card in the current horizon (2026-Q2) with 3-5 milestones,"
        " each with a definition of done",
        done,
        f"'C' has {len(milestones)} milestones",
        "cards/c.md",
    )


def test_horizon_card_names_the_first_good_card_and_ignores_dropped_ones(tmp_path: Path) -> None:
    files = {
        "cards/a-dropped.md": card(title="Dropped", status="dropped"),
        "cards/b-thin.md": card(title="Thin", milestones=ms(1)),
        "cards/c-good.md": card(title="Good", milestones=ms(4)),
        "cards/d-good.md": card(title="Also good"),
    }
    got = items(tmp_path, files)["horizon-card"]
    assert (got.done, got.detail, got.link) == (True, "'Good' has 4 milestones", "cards/c-good.md")
    dropped_only = {"cards/a.md": card(title="Dropped", status="dropped")}
    got = items(tmp_path / "dropped", dropped_only)["horizon-card"]
    assert (got.done, got.detail, got.link) == (
        False,
        "no card in 2026-Q2",
        "#a-card-for-this-horizon",
    )
    thin_first = {"cards/a.md": card(title="A", milestones=ms(2)), "cards/b.md": card(title="B")}
    got = items(tmp_path / "thin", thin_first)["horizon-card"]
    assert (got.done, got.link) == (True, "cards/b.md")


@pytest.mark.parametrize(
    ("unscored", "names"),
    [
        (1, "cards/u1.md"),
        (3, "cards/u1.md, cards/u2.md, cards/u3.md"),
        (4, "cards/u1.md, cards/u2.md, cards/u3.md …"),
    ],
)
def test_scores_item_names_up_to_three_unscored_cards(
    tmp_path: Path, unscored: int, names: str
) -> None:
    files = {"cards/a.md": card()} | {
        f"cards/u{n}.md": card(scores=None) for n in range(1, unscored + 1)
    }
    item = items(tmp_path, files)["scores"]
    assert item == CheckItem(
        "scores",
        "Scores (impact, effort, reusability, learnings) on every card",
        False,
        f"{unscored} of {unscored + 1} cards without valid scores: {names}",
        "cards/u1.md",
    )


@pytest.mark.parametrize(("limit", "done"), [(2, False), (3, True)])
def test_guardrail_holds_at_exactly_max_active(tmp_path: Path, limit: int, done: bool) -> None:
    active = [{**m, "status": "active"} for m in MILESTONES]
    files = {"cards/a.md": card(status="active", milestones=active)}
    item = items(tmp_path, files, max_active=limit)["guardrail"]
    assert item == CheckItem(
        "guardrail",
        f"Active milestones within the limit (max_active {limit})",
        done,
        "3 active milestones across active cards",
        "growth/index.md",
    )


def test_weekly_note_links_the_newest_note_of_the_week(tmp_path: Path) -> None:
    files = {
        "notes/a.md": doc("note", "Older", day(-3)),
        "notes/b.md": doc("note", "Same day b", day(-1)),
        "notes/c.md": doc("note", "Same day c", day(-1)),
        "notes/d.md": doc("note", "Tomorrow", day(1)),
    }
    item = items(tmp_path, files)["weekly-note"]
    assert (item.done, item.detail, item.link) == (True, f"'Same day c' ({day(-1)})", "notes/c.md")


def test_weekly_note_missed_says_when_the_last_note_was(tmp_path: Path) -> None:
    files = {
        "notes/a.md": doc("note", "Old", day(-30)),
        "notes/b.md": doc("note", "Older", day(-40)),
        "notes/c.md": doc("note", "Planned", day(3)),
    }
    item = items(tmp_path, files)["weekly-note"]
    assert (item.done, item.detail, item.link) == (
        False,
        f"last note on {day(-30)}",
        "#weekly-note",
    )
    only_future = items(tmp_path / "future", {"notes/c.md": doc("note", "Planned", day(3))})
    assert only_future["weekly-note"].detail == "no notes yet"


def test_knowledge_share_counts_the_horizons_first_and_last_day_and_names_the_newest(
    tmp_path: Path,
) -> None:
    files = {
        "talks/a.md": doc("talk", "First day", "2026-04-01"),
        "talks/b.md": doc("talk", "Last day", "2026-06-30"),
        "talks/c.md": doc("talk", "Same last day", "2026-06-30"),
        "talks/d.md": doc("talk", "Tagged elsewhere", "2026-05-01", horizon="2026-Q3"),
    }
    item = items(tmp_path, files)["knowledge-share"]
    assert (item.done, item.detail, item.link) == (
        True,
        "'Same last day' (2026-06-30)",
        "talks/c.md",
    )
    for name, date in (("first", "2026-04-01"), ("last", "2026-06-30")):
        got = items(tmp_path / name, {"talks/t.md": doc("talk", "T", date)})
        assert got["knowledge-share"].done
    for name, date in (("before", "2026-03-31"), ("after", "2026-07-01")):
        got = items(tmp_path / name, {"talks/t.md": doc("talk", "T", date)})
        assert not got["knowledge-share"].done
    elsewhere = {"talks/d.md": files["talks/d.md"]}
    assert items(tmp_path / "elsewhere", elsewhere)["knowledge-share"].detail == (
        "no talk in 2026-Q2"
    )


def test_check_in_detail_for_late_and_future_feedback(tmp_path: Path) -> None:
    late = items(tmp_path / "late", {"cards/a.md": card(feedback=[{"date": day(-50)}])})
    assert late["check-in"] == CheckItem(
        "check-in",
        "A mentor check-in within the last 6 weeks",
        False,
        f"last feedback on {day(-50)} (50 days ago)",
        "growth/feedback.md",
    )
    today = items(tmp_path / "today", {"cards/a.md": card(feedback=[{"date": day(0)}])})
    assert today["check-in"].detail == f"last feedback on {day(0)} (0 days ago)"
    future = items(tmp_path / "future", {"cards/a.md": card(feedback=[{"date": day(2)}])})
    assert future["check-in"].detail == f"newest feedback dated {day(2)}, after today"
    assert future["check-in"].link == "growth/feedback.md"


def test_check_in_item_is_left_out_when_feedback_is_private(tmp_path: Path) -> None:
    files = {"cards/a.md": card(feedback=FEEDBACK)}
    config = write_store(tmp_path, files, {"today": TODAY.isoformat(), "audience": "public"})
    view = published(store_of(config), "mkdocs.yml")
    got = [i.id for i in checklist(view, TODAY, "growth")]
    assert got == [k for k in HOW_TO if k != "check-in"]


def test_retro_links_the_newest_of_the_last_ninety_days(tmp_path: Path) -> None:
    files = {
        "retros/a.md": doc("retro", "Older", day(-60)),
        "retros/b.md": doc("retro", "Newer", day(-5)),
        "retros/c.md": doc("retro", "Planned", day(1)),
    }
    item = items(tmp_path, files)["retro"]
    assert (item.done, item.detail, item.link) == (True, f"'Newer' ({day(-5)})", "retros/b.md")
    planned = items(tmp_path / "planned", {"retros/c.md": files["retros/c.md"]})["retro"]
    assert not planned.done


def test_every_how_to_anchor_is_the_slug_of_its_heading() -> None:
    assert [anchor(k) for k in HOW_TO] == [
        "#north-star",
        "#a-card-for-this-horizon",
        "#scores-on-every-card",
        "#active-milestones",
        "#weekly-note",
        "#knowledge-share",
        "#mentor-check-in",
        "#retrospective",
    ]
