"""What the four pictures show: marks, timeline, cadence and rubric trend from a store."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from conftest import card, doc, store_of, write_store

from mkdocs_growth.core.options import HorizonSpec
from mkdocs_growth.practice.audience import published
from mkdocs_growth.practice.pictures import (
    CADENCE_KINDS,
    cadence,
    impact_effort,
    milestone_timeline,
    monday,
    rubric_trend,
)
from mkdocs_growth.practice.priority import priorities, ranked_open
from mkdocs_growth.practice.schedule import horizons_in_use

TODAY = dt.date(2026, 5, 20)  # a Wednesday
BEFORE = {"confidence": 2, "competence": 2, "impact": 1, "clarity": 3}
AFTER = {"confidence": 4, "competence": 3, "impact": 3, "clarity": 3}


def ms(title: str, status: str = "planned", due: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"title": title, "done_when": "it is done", "status": status}
    if due:
        out["due"] = due
    return out


def store(tmp_path: Path, files: dict[str, str]) -> Any:
    return store_of(write_store(tmp_path, files, {"today": str(TODAY), "max_active": 9}))


def test_matrix_has_one_mark_per_open_card_in_priority_order(tmp_path: Path) -> None:
    s = store(
        tmp_path,
        {
            "cards/a.md": card(title="A", status="active"),
            "cards/b.md": card(
                title="B", scores={"impact": 1, "effort": 5, "reusability": 1, "learnings": 1}
            ),
            "cards/c.md": card(title="C", status="done"),
            "cards/d.md": card(title="D", status="dropped"),
        },
    )
    marks = impact_effort(s)
    assert [m.card.title for m in marks] == [c.title for c in ranked_open(s)] == ["A", "B"]
    assert [(m.rank, m.impact, m.effort) for m in marks] == [(1, 5, 3), (2, 1, 5)]
    prios = priorities(s)
    assert [m.priority for m in marks] == [prios["a"], prios["b"]]


def test_timeline_orders_by_due_marks_late_and_counts_the_rest(tmp_path: Path) -> None:
    milestones = [
        ms("late one", "active", "2026-05-01"),
        ms("done early", "done", "2026-04-20"),
        ms("next", "planned", "2026-06-01"),
        ms("dropped", "dropped", "2026-05-25"),
        ms("undated"),
    ]
    s = store(
        tmp_path,
        {
            "cards/a.md": card(title="A", status="active", milestones=milestones),
            "cards/x.md": card(
                title="X", status="dropped", milestones=[ms("gone", due="2026-05-02")]
            ),
        },
    )
    q2 = HorizonSpec(id="2026-Q2", start=dt.date(2026, 4, 1), end=dt.date(2026, 6, 30))
    tl = milestone_timeline(s.cards, TODAY, q2)
    assert [m.title for m in tl.marks] == ["done early", "late one", "next"]
    assert [m.overdue for m in tl.marks] == [False, True, False]
    assert (tl.start, tl.end, tl.hidden, tl.undated) == (q2.start, q2.end, 0, 1)
    capped = milestone_timeline(s.cards, TODAY, q2, limit=2)
    assert [m.title for m in capped.marks] == ["late one", "next"]  # open first, nearest today
    assert capped.hidden == 1 and capped.total == 3


def test_timeline_axis_widens_to_marks_and_today() -> None:
    tl = milestone_timeline([], TODAY)
    assert tl.marks == [] and tl.start < TODAY < tl.end


def test_cadence_counts_each_kind_per_week_ending_this_week(tmp_path: Path) -> None:
    s = store(
        tmp_path,
        {
            "cards/a.md": card(reviewed=["2026-05-18", "2026-05-19", "2025-01-01"]),
            "notes/this-week.md": doc("note", "n1", "2026-05-18"),  # Monday of this week
            "notes/last-week.md": doc("note", "n2", "2026-05-17"),  # Sunday before
            "notes/future.md": doc("note", "n3", "2026-05-21"),  # tomorrow: not yet
            "notes/too-old.md": doc("note", "n4", "2025-05-01"),
            "talks/t.md": doc("talk", "t", "2026-05-06"),
            "decisions/d.md": doc("decision", "d", "2026-05-20"),
        },
    )
    data = cadence(s, TODAY)
    assert len(data.weeks) == 52 and data.weeks[-1] == monday(TODAY) == dt.date(2026, 5, 18)
    assert data.counts["notes"][-2:] == [1, 1] and data.total("notes") == 2
    assert data.counts["reviews"][-1] == 2 and data.total("reviews") == 2
    assert data.counts["decisions"][-1] == 1
    assert data.counts["talks"][-3:] == [1, 0, 0]
    assert set(data.counts) == set(CADENCE_KINDS)
    # rhythm: notes every week (2 of 52), talks every sprint (the talk's sprint: 1 of 26)
    assert data.met("notes") == (2, 52)
    assert data.met("talks") == (1, 26)
    assert data.periods("talks")[-1] == (50, 51)


def test_rubric_trend_pairs_before_and_after_per_started_horizon(tmp_path: Path) -> None:
    options = {
        "today": str(TODAY),
        "horizons": [
            {"id": "h1", "start": "2026-01-01", "end": "2026-03-31"},
            {"id": "h2", "start": "2026-04-01", "end": "2026-06-30"},
            {"id": "h3", "start": "2026-07-01", "end": "2026-09-30"},
        ],
    }
    files = {
        "cards/a.md": card(horizon="h1", status="done", rubric={"before": BEFORE, "after": AFTER}),
        "cards/b.md": card(horizon="h1", status="done", rubric={"before": AFTER, "after": AFTER}),
        "cards/c.md": card(horizon="h2", rubric={"before": BEFORE}),  # no after: not counted
        "cards/d.md": card(
            horizon="h1", status="dropped", rubric={"before": BEFORE, "after": AFTER}
        ),
    }
    s = store_of(write_store(tmp_path, files, options))
    rows = rubric_trend(s, horizons_in_use(s, TODAY), TODAY)
    assert [r.horizon.id for r in rows] == ["h1", "h2"]  # h3 has not started
    h1, h2 = rows
    assert h1.cards == 2 and h1.before["confidence"] == 3 and h1.after["confidence"] == 4
    assert h1.mean_before == round((2 + 2 + 1 + 3 + 4 + 3 + 3 + 3) / 8, 2)
    assert h2.cards == 0 and h2.mean_before is None and h2.mean_after is None


def test_timeline_ties_on_a_due_date_go_by_card_title_then_position(tmp_path: Path) -> None:
    due = "2026-05-25"
    s = store(
        tmp_path,
        {
            "cards/a.md": card(title="beta", milestones=[ms("b2", due=due), ms("b1", due=due)]),
            "cards/b.md": card(title="Alpha", milestones=[ms("a1", due=due), ms("a0", due=due)]),
            "cards/c.md": card(title="ALPHA", milestones=[ms("c1", due=due)]),
            "cards/d.md": card(title="gamma", milestones=[ms("due today", due=str(TODAY))]),
        },
    )
    tl = milestone_timeline(s.cards, TODAY)
    assert [(m.title, m.index) for m in tl.marks] == [
        ("due today", 0),
        ("a1", 0),
        ("a0", 1),
        ("c1", 0),
        ("b2", 0),
        ("b1", 1),
    ]
    assert [m.overdue for m in tl.marks] == [False] * 6  # due today is not late yet
    assert (tl.start, tl.end) == (TODAY, dt.date(2026, 5, 25))  # no horizon: marks and today


def test_timeline_cap_keeps_open_milestones_nearest_today(tmp_path: Path) -> None:
    milestones = [
        ms("done today", "done", str(TODAY)),
        ms("open far past", "active", "2026-01-10"),
        ms("open near future", "planned", "2026-05-23"),
        ms("open near past", "active", "2026-05-16"),
        ms("open far future", "planned", "2026-12-01"),
    ]
    s = store(tmp_path, {"cards/a.md": card(title="A", milestones=[*milestones, ms("no date")])})
    capped = milestone_timeline(s.cards, TODAY, limit=2)
    assert [m.title for m in capped.marks] == ["open near past", "open near future"]
    assert (capped.hidden, capped.undated, capped.total) == (3, 1, 5)
    exact = milestone_timeline(s.cards, TODAY, limit=5)  # as many as the limit: all drawn
    assert exact.hidden == 0 and [m.title for m in exact.marks] == [
        "open far past",
        "open near past",
        "done today",
        "open near future",
        "open far future",
    ]
    assert [m.overdue for m in exact.marks] == [True, True, False, False, False]
    assert (exact.start, exact.end) == (dt.date(2026, 1, 10), dt.date(2026, 12, 1))


def test_timeline_cap_breaks_distance_ties_by_card_id(tmp_path: Path) -> None:
    s = store(
        tmp_path,
        {
            "cards/b.md": card(title="A", milestones=[ms("from b", due="2026-05-22")]),
            "cards/a.md": card(title="B", milestones=[ms("from a", due="2026-05-18")]),
        },
    )
    assert [m.title for m in milestone_timeline(s.cards, TODAY, limit=1).marks] == ["from a"]


def test_timeline_counts_every_undated_milestone(tmp_path: Path) -> None:
    s = store(tmp_path, {"cards/a.md": card(milestones=[ms("x"), ms("y"), ms("z", "dropped")])})
    assert milestone_timeline(s.cards, TODAY).undated == 2


def test_timeline_of_today_alone_spans_a_week_either_side() -> None:
    tl = milestone_timeline([], TODAY)
    assert (tl.start, tl.end, tl.today, tl.marks, tl.hidden, tl.undated, tl.total) == (
        dt.date(2026, 5, 13),
        dt.date(2026, 5, 27),
        TODAY,
        [],
        0,
        0,
        0,
    )


def test_cadence_window_starts_on_the_monday_weeks_back(tmp_path: Path) -> None:
    s = store(
        tmp_path,
        {
            "notes/first-day.md": doc("note", "n1", "2026-05-04"),  # Monday three weeks back
            "notes/day-before.md": doc("note", "n0", "2026-05-03"),
            "notes/sunday.md": doc("note", "n2", "2026-05-10"),
            "notes/today.md": doc("note", "n3", str(TODAY)),
        },
    )
    data = cadence(s, TODAY, weeks=3)
    assert data.weeks == [dt.date(2026, 5, 4), dt.date(2026, 5, 11), dt.date(2026, 5, 18)]
    assert data.counts == {
        "notes": [2, 0, 1],
        "talks": [0, 0, 0],
        "decisions": [0, 0, 0],
        "reviews": [0, 0, 0],
    }
    assert data.kinds == CADENCE_KINDS
    assert data.met("notes") == (2, 3)
    assert data.periods("notes") == [(0, 0), (1, 1), (2, 2)]
    assert data.periods("talks") == [(0, 0), (1, 2)]  # the oldest sprint is cut short
    assert data.met("talks") == (0, 2)


def test_cadence_rhythm_counts_a_period_with_documents_once(tmp_path: Path) -> None:
    s = store(
        tmp_path,
        {
            "talks/a.md": doc("talk", "a", "2026-04-28"),
            "talks/b.md": doc("talk", "b", "2026-05-05"),
            "talks/c.md": doc("talk", "c", "2026-05-06"),
        },
    )
    data = cadence(s, TODAY, weeks=4)
    assert data.counts["talks"] == [1, 2, 0, 0]
    assert data.periods("talks") == [(0, 1), (2, 3)]
    assert data.met("talks") == (1, 2)
    assert data.total("talks") == 3


def test_cadence_leaves_reviews_out_when_they_are_private(tmp_path: Path) -> None:
    config = write_store(
        tmp_path,
        {"cards/a.md": card(reviewed=["2026-05-18"])},
        {"today": str(TODAY), "audience": "public", "private_fields": ["reviewed"]},
    )
    view = published(store_of(config), "mkdocs.yml")
    assert cadence(view, TODAY).kinds == ("notes", "talks", "decisions")


def test_rubric_trend_averages_to_two_decimals(tmp_path: Path) -> None:
    low = {"confidence": 1, "competence": 1, "impact": 1, "clarity": 1}
    high = {"confidence": 2, "competence": 2, "impact": 2, "clarity": 5}
    options = {
        "today": "2026-04-01",
        "horizons": [
            {"id": "h1", "start": "2026-01-01", "end": "2026-03-31"},
            {"id": "h2", "start": "2026-04-01", "end": "2026-06-30"},
        ],
    }
    files = {
        "cards/a.md": card(horizon="h1", rubric={"before": low, "after": high}),
        "cards/b.md": card(horizon="h1", rubric={"before": low, "after": high}),
        "cards/c.md": card(horizon="h1", rubric={"before": high, "after": low}),
    }
    s = store_of(write_store(tmp_path, files, options))
    today = dt.date(2026, 4, 1)
    rows = rubric_trend(s, horizons_in_use(s, today), today)
    assert [r.horizon.id for r in rows] == ["h1", "h2"]  # h2 starts today: it counts
    h1 = rows[0]
    assert h1.cards == 3
    assert h1.before == {"confidence": 1.33, "competence": 1.33, "impact": 1.33, "clarity": 2.33}
    assert h1.after == {"confidence": 1.67, "competence": 1.67, "impact": 1.67, "clarity": 3.67}
    assert (h1.mean_before, h1.mean_after) == (1.58, 2.17)
    assert (rows[1].cards, rows[1].before, rows[1].after) == (0, {}, {})


def test_rubric_trend_is_empty_when_ratings_are_private(tmp_path: Path) -> None:
    rubric = {"before": BEFORE, "after": AFTER}
    config = write_store(
        tmp_path,
        {"cards/a.md": card(rubric=rubric)},
        {"today": str(TODAY), "audience": "public"},
    )
    view = published(store_of(config), "mkdocs.yml")
    assert "rubric" in view.withheld
    assert rubric_trend(view, horizons_in_use(view, TODAY), TODAY) == []


def test_timeline_axis_widens_past_the_horizon_and_skips_only_dropped_cards(
    tmp_path: Path,
) -> None:
    s = store(
        tmp_path,
        {
            "cards/a.md": card(
                title="A", status="dropped", milestones=[ms("gone", due="2026-05-02")]
            ),
            "cards/b.md": card(title="B", milestones=[ms("late", "active", "2026-03-15")]),
            "cards/c.md": card(title="C", milestones=[ms("after", due="2026-08-01")]),
        },
    )
    q2 = HorizonSpec(id="2026-Q2", start=dt.date(2026, 4, 1), end=dt.date(2026, 6, 30))
    tl = milestone_timeline(s.cards, TODAY, q2)
    assert [m.title for m in tl.marks] == ["late", "after"]
    assert (tl.start, tl.end) == (dt.date(2026, 3, 15), dt.date(2026, 8, 1))


def test_rubric_trend_skips_a_future_horizon_wherever_it_is_listed(tmp_path: Path) -> None:
    h1 = HorizonSpec(id="h1", start=dt.date(2026, 1, 1), end=dt.date(2026, 3, 31))
    h3 = HorizonSpec(id="h3", start=dt.date(2026, 7, 1), end=dt.date(2026, 9, 30))
    files = {"cards/a.md": card(horizon="h1", rubric={"before": BEFORE, "after": AFTER})}
    s = store_of(
        write_store(
            tmp_path,
            files,
            {"today": str(TODAY), "horizons": [h.model_dump(mode="json") for h in (h1, h3)]},
        )
    )
    rows = rubric_trend(s, [h3, h1], TODAY)
    assert [(r.horizon.id, r.cards) for r in rows] == [("h1", 1)]
