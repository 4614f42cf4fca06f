"""The evidence model: which documents are evidence for which competency, in what order.

One store on the 5-level, 8-theme test framework (level senior, target staff):
done cards and talks given come first, planned work is listed but is no
evidence, a competency without evidence is a gap, and the summary counts
themes with evidence.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from conftest import MILESTONES, THEMES, card, doc, framework_yaml, front_matter, store_of
from conftest import write_framework_store as write

from mkdocs_growth.practice.evidence import EvidenceReport, evidence_in_period, evidence_report

TODAY = "2026-05-20"
DONE = [{**m, "status": "done"} for m in MILESTONES]


STORE = {
    "cards/retries.md": card(
        title="Idempotent retries",
        date="2026-02-01",
        status="done",
        milestones=DONE,
        metrics=[
            {"name": "Double charges", "unit": "per month", "baseline": 4, "target": 0, "actual": 0}
        ],
        competencies=["staff/craft", "senior/craft"],
    ),
    "cards/explorer.md": card(
        title="Trace explorer",
        date="2026-04-01",
        status="active",
        milestones=[DONE[0], *MILESTONES[1:]],
        competencies=["staff-operations"],
    ),
    "cards/budget.md": card(
        title="Latency budget", date="2026-05-01", competencies=["staff/delivery"]
    ),
    "cards/started.md": card(
        title="Just started",
        date="2026-05-02",
        status="active",
        competencies=["staff/collaboration"],
    ),
    "cards/dropped.md": card(
        title="Dropped idea", status="dropped", competencies=["staff/learning"]
    ),
    "cards/someday.md": card(title="Someday", competencies=["staff/operations"]),  # no date
    "talks/given.md": front_matter(
        {
            "type": "talk",
            "title": "Traces first",
            "date": "2026-03-10",
            "audience": "platform guild",
            "competencies": ["staff/communication"],
        }
    ),
    "talks/later.md": doc("talk", "Next talk", "2026-06-10", "staff/communication"),
    "notes/n1.md": doc("note", "A note on sampling", "2026-04-20", "staff/craft"),
    "decisions/d1.md": doc("decision", "Use the SDK", "2026-04-05", "staff/craft"),
    "notes/old.md": doc("note", "Old note", "2025-01-01", "engineer/learning"),
}


@pytest.fixture
def report(tmp_path: Path) -> EvidenceReport:
    config = write(tmp_path, STORE, {"today": TODAY, "horizons": None})
    store = store_of(config)
    assert [str(p) for p in store.problems if p.is_error] == []
    found = evidence_report(store)
    assert found is not None
    return found


def cell(report: EvidenceReport, theme: str, level: str) -> Any:
    row = next(t for t in report.themes if t.theme.id == theme)
    (found,) = next(c.competencies for c in row.cells if c.level.id == level)
    return found


def titles(items: Any) -> list[str]:
    return [e.doc.title for e in items]


def test_levels_shown_are_level_up_to_target(report: EvidenceReport) -> None:
    assert [level.id for level in report.levels] == ["senior", "staff"]
    assert [t.theme.id for t in report.themes] == [t for t, _ in THEMES]


def test_done_cards_and_talks_first_then_newest_first(report: EvidenceReport) -> None:
    craft = cell(report, "craft", "staff")
    assert titles(craft.evidence) == ["Idempotent retries", "A note on sampling", "Use the SDK"]
    communication = cell(report, "communication", "staff")
    assert titles(communication.evidence) == ["Traces first"]
    assert communication.evidence[0].state == "given"


def test_what_makes_a_card_evidence(report: EvidenceReport) -> None:
    retries = cell(report, "craft", "staff").evidence[0]
    assert retries.date == dt.date(2026, 2, 1) and retries.state == "done"
    assert retries.reasons == (
        "milestone done: Read the paper",
        "milestone done: Build the demo",
        "milestone done: Teach it back",
        "metric Double charges: 4 → 0 per month (target 0)",
    )
    explorer = cell(report, "operations", "staff").evidence[0]
    assert explorer.state == "active" and explorer.reasons == ("milestone done: Read the paper",)


def test_planned_work_is_listed_but_is_a_gap(report: EvidenceReport) -> None:
    delivery = cell(report, "delivery", "staff")
    assert delivery.gap and titles(delivery.planned) == ["Latency budget"]
    started = cell(report, "collaboration", "staff")  # active, no milestone done yet
    assert started.gap and titles(started.planned) == ["Just started"]
    later = cell(report, "communication", "staff").planned
    assert titles(later) == ["Next talk"] and later[0].state == "scheduled"
    dropped = cell(report, "learning", "staff")
    assert dropped.gap and dropped.planned == ()


def test_summary_counts_themes_with_evidence(report: EvidenceReport) -> None:
    # staff: craft, operations, communication; senior: craft
    assert [str(s) for s in report.summaries] == [
        "target level (Staff engineer): 3 of 8 themes have evidence",
        "current level (Senior engineer): 1 of 8 themes have evidence",
    ]


def test_earlier_levels_are_summarised(report: EvidenceReport) -> None:
    learning = next(t for t in report.themes if t.theme.id == "learning")
    assert [c.level.id for c in learning.earlier] == ["junior", "engineer"]
    assert learning.earlier_evidence == 1


def test_one_level_on_request(tmp_path: Path) -> None:
    config = write(tmp_path, STORE, {"today": TODAY})
    report = evidence_report(store_of(config), ["engineer"])
    assert report is not None and [level.id for level in report.levels] == ["engineer"]
    assert [str(s) for s in report.summaries] == ["level (Engineer): 1 of 8 themes have evidence"]


def test_without_level_options_every_level_is_shown(tmp_path: Path) -> None:
    config = write(tmp_path, STORE, {"today": TODAY, "level": None, "target_level": None})
    report = evidence_report(store_of(config))
    assert report is not None and len(report.levels) == 5
    data = report.as_dict()
    assert (data["level"], data["target_level"]) == (None, None)


def test_a_level_without_a_competency_is_not_counted(tmp_path: Path) -> None:
    config = write(
        tmp_path,
        STORE,
        {"today": TODAY},
        framework=framework_yaml(skip=(("staff", "mentoring"),)),
    )
    report = evidence_report(store_of(config))
    assert report is not None
    mentoring = next(t for t in report.themes if t.theme.id == "mentoring")
    assert [c.level.id for c in mentoring.cells] == ["senior"]  # an empty cell is not listed
    assert str(report.summaries[0]) == "target level (Staff engineer): 3 of 7 themes have evidence"


def test_evidence_of_a_period(tmp_path: Path) -> None:
    config = write(tmp_path, STORE, {"today": TODAY})
    store = store_of(config)
    found = evidence_in_period(store, dt.date(2026, 3, 1), dt.date(2026, 4, 30))
    assert [(c.competency.cell, titles(c.evidence)) for c in found] == [
        ("staff/craft", ["A note on sampling", "Use the SDK"]),
        ("staff/operations", ["Trace explorer"]),
        ("staff/communication", ["Traces first"]),
    ]
    # a period's evidence keeps its level (the packet's pages group by it)
    assert [c.level.id for c in found] == ["staff", "staff", "staff"]
    # the packet's "evidence by competency": the same rule, gaps for the rest, no planned work
    report = evidence_report(store, period=(dt.date(2026, 3, 1), dt.date(2026, 4, 30)))
    assert report is not None
    assert titles(cell(report, "craft", "staff").evidence) == ["A note on sampling", "Use the SDK"]
    communication = cell(report, "communication", "staff")
    assert titles(communication.evidence) == ["Traces first"] and communication.planned == ()
    assert cell(report, "craft", "senior").gap  # Idempotent retries is dated 2026-02-01


def test_no_framework_no_report(tmp_path: Path) -> None:
    from conftest import write_store

    config = write_store(tmp_path, {"a.md": card()})
    store = store_of(config)
    assert evidence_report(store) is None
    assert evidence_in_period(store, dt.date(2026, 1, 1), dt.date(2026, 12, 31)) == []


def evidence(
    path: str, state: str, date: str | None, *reasons: str, **fields: Any
) -> dict[str, Any]:
    """One document in ``as_dict`` form (id from the file name, type from the folder)."""
    folder, name = path.split("/")
    return {
        "id": name.removesuffix(".md"),
        "type": folder.removesuffix("s"),
        "title": fields.get("title"),
        "path": path,
        "state": state,
        "date": date,
        "horizon": fields.get("horizon"),
        "reasons": list(reasons),
    }


def competency(
    level: str, theme: str, summary: str, evidence: list[Any], planned: list[Any]
) -> dict[str, Any]:
    return {
        "id": f"{level}-{theme}",
        "level": level,
        "theme": theme,
        "summary": summary,
        "proficiency": "Practitioner",
        "examples": [],
        "supporting_urls": [],
        "gap": not evidence,
        "evidence": evidence,
        "planned": planned,
    }


def test_as_dict_is_what_growth_json_and_the_command_carry(report: EvidenceReport) -> None:
    data = report.as_dict()
    themes = {t["id"]: t for t in data.pop("themes")}
    assert data == {
        "framework": {"path": "framework.yml", "name": "Test ladder"},
        "level": "senior",
        "target_level": "staff",
        "levels": [
            {"id": "senior", "name": "Senior engineer"},
            {"id": "staff", "name": "Staff engineer"},
        ],
        "summary": [
            {
                "level": "staff",
                "role": "target level",
                "with_evidence": 3,
                "themes": 8,
                "text": "target level (Staff engineer): 3 of 8 themes have evidence",
            },
            {
                "level": "senior",
                "role": "current level",
                "with_evidence": 1,
                "themes": 8,
                "text": "current level (Senior engineer): 1 of 8 themes have evidence",
            },
        ],
    }
    assert list(themes) == [t for t, _ in THEMES]
    retries = evidence(
        "cards/retries.md",
        "done",
        "2026-02-01",
        "milestone done: Read the paper",
        "milestone done: Build the demo",
        "milestone done: Teach it back",
        "metric Double charges: 4 → 0 per month (target 0)",
        title="Idempotent retries",
        horizon="2026-Q2",
    )
    assert themes["craft"] == {
        "id": "craft",
        "name": "Technical craft",
        "competencies": [
            competency(
                "senior", "craft", "Senior engineer: technical craft at this level.", [retries], []
            ),
            competency(
                "staff",
                "craft",
                "Staff engineer: technical craft at this level.",
                [
                    retries,
                    evidence("notes/n1.md", "note", "2026-04-20", title="A note on sampling"),
                    evidence("decisions/d1.md", "proposed", "2026-04-05", title="Use the SDK"),
                ],
                [],
            ),
        ],
    }
    assert themes["communication"]["competencies"][1] == competency(
        "staff",
        "communication",
        "Staff engineer: communication at this level.",
        [
            evidence(
                "talks/given.md",
                "given",
                "2026-03-10",
                "audience: platform guild",
                title="Traces first",
            )
        ],
        [evidence("talks/later.md", "scheduled", "2026-06-10", title="Next talk")],
    )
    assert themes["operations"]["competencies"][1]["planned"] == [
        evidence("cards/someday.md", "planned", None, title="Someday", horizon="2026-Q2")
    ]


def test_summary_lists_target_then_current_then_the_levels_between(tmp_path: Path) -> None:
    config = write(tmp_path, STORE, {"today": TODAY, "level": "junior"})
    report = evidence_report(store_of(config))
    assert report is not None
    assert [(s.role, s.level.id) for s in report.summaries] == [
        ("target level", "staff"),
        ("current level", "junior"),
        ("level", "senior"),
        ("level", "engineer"),
    ]
    only = write(tmp_path / "only", STORE, {"today": TODAY, "target_level": None})
    report = evidence_report(store_of(only))
    assert report is not None and [level.id for level in report.levels] == ["senior"]


def test_an_undated_card_is_evidence_of_the_periods_its_horizon_overlaps(tmp_path: Path) -> None:
    undated = card(
        title="Undated", status="done", milestones=DONE, competencies=["staff/mentoring"]
    )
    config = write(tmp_path, {"cards/u.md": undated}, {"today": TODAY})
    store = store_of(config)
    horizon = store.config.horizon("2026-Q2")
    assert horizon is not None
    for start, end, titles_in in [
        (horizon.end, dt.date(2026, 7, 31), ["Undated"]),
        (dt.date(2026, 3, 1), horizon.start, ["Undated"]),
        (dt.date(2026, 7, 1), dt.date(2026, 7, 31), []),
    ]:
        report = evidence_report(store, period=(start, end))
        assert report is not None
        assert titles(cell(report, "mentoring", "staff").evidence) == titles_in


def test_each_document_counts_once_and_a_talk_given_today_is_given(tmp_path: Path) -> None:
    files = {
        "a.md": front_matter({"type": "note", "title": "No competencies", "date": "2026-01-01"}),
        "notes/older.md": doc("note", "Older", "2026-04-01", "staff/craft", "staff-craft"),
        "notes/zulu.md": doc("note", "Zulu newer", "2026-05-01", "staff/craft"),
        "talks/today.md": doc("talk", "Today", TODAY, "staff/craft"),
        "notes/later.md": front_matter(
            {
                "type": "note",
                "title": "Later",
                "date": "2026-06-01",
                "horizon": "2026-Q2",
                "competencies": ["staff/craft"],
            }
        ),
    }
    report = evidence_report(store_of(write(tmp_path, files, {"today": TODAY})))
    assert report is not None
    craft = cell(report, "craft", "staff")
    assert titles(craft.evidence) == ["Today", "Zulu newer", "Older"]
    assert craft.evidence[0].state == "given" and craft.evidence[0].strong
    assert [(e.state, e.horizon, e.strong) for e in craft.planned] == [
        ("dated 2026-06-01", "2026-Q2", False)
    ]


def test_metrics_read_as_their_numbers_and_a_planned_card_stays_planned(tmp_path: Path) -> None:
    metrics = [
        {"name": "Errors", "actual": 0.5},
        {"name": "p99", "unit": "ms", "baseline": 400, "target": 300, "actual": 250.5},
        {"name": "Requests", "actual": 1500000},  # whole numbers in full, not 1.5e+06
    ]
    files = {
        "cards/m.md": card(title="Measured", status="done", milestones=DONE, metrics=metrics,
                           competencies=["staff/craft"]),
        "cards/p.md": card(title="Planned", milestones=DONE, competencies=["staff/craft"]),
        "notes/first.md": doc("note", "First day", "2026-03-01", "staff/craft"),
        "notes/last.md": doc("note", "Last day", "2026-03-31", "staff/craft"),
    }  # fmt: skip
    store = store_of(write(tmp_path, files, {"today": TODAY}))
    craft = cell(evidence_report(store), "craft", "staff")
    assert craft.evidence[0].reasons[-3:] == (
        "metric Errors: 0.5",
        "metric p99: 400 → 250.5 ms (target 300)",
        "metric Requests: 1500000",
    )
    assert titles(craft.planned) == ["Planned"]  # planned, though its milestones are done
    march = evidence_report(store, period=(dt.date(2026, 3, 1), dt.date(2026, 3, 31)))
    assert titles(cell(march, "craft", "staff").evidence) == ["Last day", "First day"]
