"""The review packet: which documents a period holds, and what each section says."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import card, doc, store_of, write_store

from mkdocs_growth.core.model import Metric
from mkdocs_growth.core.store import Store
from mkdocs_growth.practice.report import (
    MetricResult,
    Period,
    build_report,
    horizon_period,
    report_data,
    started_horizons,
)

TODAY = dt.date(2026, 5, 20)
OPTIONS = {
    "today": str(TODAY),
    "max_active": 9,
    "horizons": [
        {"id": "h1", "title": "Winter", "start": "2026-01-01", "end": "2026-03-31"},
        {"id": "h2", "start": "2026-04-01", "end": "2026-06-30"},
        {"id": "h3", "start": "2026-07-01", "end": "2026-09-30"},
    ],
}
BEFORE = {"confidence": 2, "competence": 2, "impact": 1, "clarity": 3}
AFTER = {"confidence": 4, "competence": 3, "impact": 3, "clarity": 3}


def milestones(*statuses: str) -> list[dict[str, Any]]:
    return [
        {"title": f"M{i}", "done_when": f"proof {i}", "status": s, "due": f"2026-0{i + 4}-10"}
        for i, s in enumerate(statuses, 1)
    ]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    files = {
        "cards/a.md": card(
            title="Alpha",
            horizon="h2",
            status="active",
            milestones=milestones("done", "done", "active"),
            metrics=[
                {"name": "p99", "unit": "ms", "baseline": 400, "target": 250, "actual": 300},
                {"name": "coverage", "unit": "%", "baseline": 50, "target": 80, "actual": 85},
                {"name": "later", "baseline": 1, "target": 2},
            ],
            artifacts=[
                {"kind": "technical", "title": "Repo", "url": "https://example.com/repo"},
                {"kind": "people", "title": "Talk page", "url": "../talks/t.md"},
            ],
            feedback=[
                {"date": "2026-04-15", "from": "Dana", "went_well": "w", "didnt": "d"},
                {"date": "2026-03-01", "from": "Old", "went_well": "earlier horizon"},
            ],
            rubric={"before": BEFORE, "after": AFTER},
        ),
        "cards/b.md": card(title="Beta", horizon="h2", rubric={"before": BEFORE}),
        "cards/c.md": card(title="Gamma", horizon="h1", status="done", milestones=milestones("done", "done", "done")),
        "cards/d.md": card(title="Dropped", horizon="h2", status="dropped"),
        "notes/n.md": doc("note", "In h2", "2026-04-03"),
        "notes/old.md": doc("note", "In h1", "2026-02-03"),
        "talks/t.md": doc("talk", "Share", "2026-05-01", audience="team"),
        "decisions/x.md": doc("decision", "Pick", "2026-06-30", status="accepted"),
    }  # fmt: skip
    tmp = tmp_path_factory.mktemp("report")
    return store_of(write_store(tmp, files, OPTIONS))


def test_started_horizons_have_packets(store: Store) -> None:
    assert [h.id for h in started_horizons(store, TODAY)] == ["h1", "h2"]


def test_horizon_packet_holds_its_cards_and_what_is_dated_in_it(store: Store) -> None:
    report = build_report(store, horizon_period(store.config.horizon("h2")), TODAY)
    assert report.period.title == "h2"
    assert [c.title for c in report.cards] == ["Alpha", "Beta"]  # active first, dropped left out
    assert [(m.card.title, m.index, m.done_when) for m in report.milestones_done] == [
        ("Alpha", 0, "proof 1"),
        ("Alpha", 1, "proof 2"),
    ]
    assert [n.title for n in report.notes] == ["In h2"]
    assert [t.title for t in report.talks] == ["Share"]
    assert [d.title for d in report.decisions] == ["Pick"]  # the last day counts
    assert [f.entry.from_ for f in report.feedback] == ["Dana"]  # the March entry is h1's
    assert [a.artifact.title for a in report.artifacts["technical"]] == ["Repo"]
    assert report.artifacts["process"] == []
    assert [r.card.title for r in report.rubric] == ["Alpha", "Beta"]
    assert report.rubric_average == 1.25  # only Alpha is rated before and after


def test_date_range_takes_overlapping_horizons_and_dated_documents(store: Store) -> None:
    report = build_report(store, Period(dt.date(2026, 3, 1), dt.date(2026, 5, 15)), TODAY)
    assert report.period.title == "2026-03-01 to 2026-05-15"
    assert {c.title for c in report.cards} == {"Alpha", "Beta", "Gamma"}
    # done milestones due in the range: each card's M1 (05-10); M2 is due 06-10
    assert {(m.card.title, m.title) for m in report.milestones_done} == {
        ("Alpha", "M1"),
        ("Gamma", "M1"),
    }
    assert [f.entry.from_ for f in report.feedback] == ["Old", "Dana"]
    assert [n.title for n in report.notes] == ["In h2"]


def metric(**values: Any) -> MetricResult:
    return MetricResult(None, Metric(name="m", **values))  # type: ignore[arg-type]


def test_metric_change_direction_and_target() -> None:
    down = metric(unit="ms", baseline=400, target=250, actual=300)
    assert (down.change, down.change_percent, down.toward_target, down.target_met) == (
        -100,
        -25.0,
        True,
        False,
    )
    up = metric(baseline=50, target=80, actual=85)
    assert (up.change, up.toward_target, up.target_met) == (35, True, True)
    worse = metric(baseline=50, target=80, actual=40)
    assert (worse.toward_target, worse.target_met) == (False, False)
    unmeasured = metric(baseline=1, target=2)
    assert (unmeasured.change, unmeasured.toward_target) == (None, None)
    assert metric(baseline=0, actual=3).change_percent is None


def test_report_data_carries_every_field_of_every_section(store: Store) -> None:
    report = build_report(store, horizon_period(store.config.horizon("h2")), TODAY)
    alpha = {"id": "a", "title": "Alpha", "path": "cards/a.md"}
    beta = {"id": "b", "title": "Beta", "path": "cards/b.md"}
    unmeasured = {"change": None, "change_percent": None, "toward_target": None, "target_met": None}
    assert json.loads(json.dumps(report_data(report, store.path_of))) == {
        "period": {"horizon": "h2", "title": "h2", "start": "2026-04-01", "end": "2026-06-30"},
        "today": "2026-05-20",
        "cards": [{**alpha, "status": "active"}, {**beta, "status": "planned"}],
        "milestones_done": [
            {"card": alpha, "number": 1, "title": "M1", "done_when": "proof 1", "due": "2026-05-10"},
            {"card": alpha, "number": 2, "title": "M2", "done_when": "proof 2", "due": "2026-06-10"},
        ],
        "metrics": [
            {"card": alpha, "name": "p99", "unit": "ms", "baseline": 400, "target": 250,
             "actual": 300, "change": -100, "change_percent": -25.0, "toward_target": True,
             "target_met": False},
            {"card": alpha, "name": "coverage", "unit": "%", "baseline": 50, "target": 80,
             "actual": 85, "change": 35, "change_percent": 70.0, "toward_target": True,
             "target_met": True},
            {"card": alpha, "name": "later", "unit": None, "baseline": 1, "target": 2,
             "actual": None, **unmeasured},
        ],
        "artifacts": {
            "technical": [{"card": alpha, "title": "Repo", "url": "https://example.com/repo"}],
            "process": [],
            "people": [{"card": alpha, "title": "Talk page", "url": "../talks/t.md"}],
        },
        "notes": [{"id": "n", "title": "In h2", "path": "notes/n.md", "date": "2026-04-03"}],
        "talks": [
            {"id": "t", "title": "Share", "path": "talks/t.md", "date": "2026-05-01",
             "audience": "team"}
        ],
        "decisions": [
            {"id": "x", "title": "Pick", "path": "decisions/x.md", "date": "2026-06-30",
             "status": "accepted"}
        ],
        "feedback": [
            {"card": alpha, "date": "2026-04-15", "from": "Dana", "went_well": "w",
             "didnt": "d", "try_next": None}
        ],
        "rubric": {
            "average_change": 1.25,
            "cards": [
                {"card": alpha, "before": BEFORE, "after": AFTER, "change": 1.25},
                {"card": beta, "before": BEFORE, "after": None, "change": None},
            ],
        },
    }  # fmt: skip


def test_a_date_range_holds_milestones_due_on_its_first_and_last_day(store: Store) -> None:
    period = Period(dt.date(2026, 5, 10), dt.date(2026, 6, 10))  # Alpha's M1 and M2 are due then
    data = report_data(build_report(store, period, TODAY))
    assert data["period"] == {
        "horizon": None,
        "title": "2026-05-10 to 2026-06-10",
        "start": "2026-05-10",
        "end": "2026-06-10",
    }
    assert [(m["card"], m["number"], m["due"]) for m in data["milestones_done"]] == [
        ({"id": "a", "title": "Alpha"}, 1, "2026-05-10"),
        ({"id": "a", "title": "Alpha"}, 2, "2026-06-10"),
    ]


def test_an_empty_period_is_a_packet_that_says_so(tmp_path: Path) -> None:
    store = store_of(write_store(tmp_path, {"index.md": "# Home\n"}, OPTIONS))
    report = build_report(store, horizon_period(store.config.horizon("h1")), TODAY)
    assert report.is_empty and report.rubric_average is None


def test_a_date_range_takes_horizons_that_touch_it_on_one_day(store: Store) -> None:
    # h1 ends on 2026-03-31 and h2 starts on 2026-04-01: a two-day range holds both
    report = build_report(store, Period(dt.date(2026, 3, 31), dt.date(2026, 4, 1)), TODAY)
    assert [c.title for c in report.cards] == ["Gamma", "Alpha", "Beta"]  # done, active, planned
    assert [c.title for c in build_report(store, Period(TODAY, TODAY), TODAY).cards] == [
        "Alpha",
        "Beta",
    ]


def test_cards_are_ordered_by_status_then_priority_then_title(tmp_path: Path) -> None:
    best = {"impact": 5, "effort": 1, "reusability": 5, "learnings": 5}
    files = {
        "cards/a.md": card(title="A planned", horizon="h2"),
        "cards/b.md": card(title="B active", horizon="h2", status="active"),
        "cards/z.md": card(title="Z active first", horizon="h2", status="active", scores=best),
        "cards/y.md": card(title="Y done", horizon="h2", status="done"),
    }
    store = store_of(write_store(tmp_path, files, OPTIONS))
    report = build_report(store, horizon_period(store.config.horizon("h2")), TODAY)
    assert [c.title for c in report.cards] == ["Y done", "Z active first", "B active", "A planned"]


def test_a_horizon_packet_holds_its_done_milestones_whatever_their_due_date(store: Store) -> None:
    report = build_report(store, horizon_period(store.config.horizon("h1")), TODAY)
    # Gamma's milestones were due after h1 ended (May to July): still h1's work
    assert [(m.card.title, m.index) for m in report.milestones_done] == [
        ("Gamma", 0),
        ("Gamma", 1),
        ("Gamma", 2),
    ]


def test_a_milestone_without_due_date_and_a_rating_after_only_are_shown(tmp_path: Path) -> None:
    undated = [{"title": "Undated", "done_when": "shown", "status": "done"}, *milestones("done")]
    files = {"cards/a.md": card(horizon="h2", milestones=undated, rubric={"after": AFTER})}
    store = store_of(write_store(tmp_path, files, OPTIONS))
    report = build_report(store, Period(dt.date(2026, 6, 1), dt.date(2026, 6, 30)), TODAY)
    assert [m.title for m in report.milestones_done] == ["Undated"]  # M1 was due on 05-10
    assert [(r.before, r.after is not None) for r in report.rubric] == [(None, True)]


def test_started_horizons_count_from_the_day_asked_including_its_first_day(
    store: Store, tmp_path: Path
) -> None:
    assert [h.id for h in started_horizons(store, dt.date(2026, 4, 1))] == ["h1", "h2"]
    # quarters: those documents name, plus the quarter of the day asked (not the config's today)
    files = {"notes/n.md": doc("note", "Old", "2026-02-01", horizon="2026-Q1")}
    quarters = store_of(write_store(tmp_path, files, {"today": "2026-01-15"}))
    assert [h.id for h in started_horizons(quarters, TODAY)] == ["2026-Q1", "2026-Q2"]
