"""Edges of the playbook rules that mutation testing found unchecked by the unit suites."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import MILESTONES, card, front_matter, write_store

from mkdocs_growth.cli.settings import load_settings
from mkdocs_growth.core.model import Card
from mkdocs_growth.core.options import GrowthConfig
from mkdocs_growth.practice.schedule import interval, next_review, review_plan, shift
from mkdocs_growth.practice.store import open_store

TODAY = dt.date(2026, 5, 1)


def test_shift_stops_at_the_ends_of_the_calendar() -> None:
    assert shift(dt.date.max, 1) == dt.date.max
    assert shift(dt.date.min, -1) == dt.date.min
    assert shift(dt.date(2026, 1, 1), 2) == dt.date(2026, 1, 3)


def test_a_negative_review_count_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match=r"^reviews must be >= 0$"):
        interval(-1)


def test_first_review_anchors_on_the_horizon_start_without_a_date() -> None:
    c = Card.model_validate(
        {
            "type": "card",
            "id": "c",
            "title": "T",
            "domain": "d",
            "horizon": "2026-Q2",
            "goal": "g",
            "concepts": ["x"],
            "scores": {"impact": 1, "effort": 1, "reusability": 1, "learnings": 1},
        }
    )
    review = next_review(c, GrowthConfig())
    assert review is not None and review.due == dt.date(2026, 4, 2)
    assert next_review(c, GrowthConfig(horizons=[])) is None  # an unknown horizon anchors nothing
    plan = review_plan([c], GrowthConfig(), TODAY)
    assert plan.today == TODAY


def store_dir(tmp_path, files, options=None):
    settings = load_settings(str(write_store(tmp_path, files, options or {})))
    return settings


def test_open_store_reads_only_the_paths_given(tmp_path) -> None:
    s = store_dir(tmp_path, {"cards/a.md": card(), "cards/b.md": card(id="b")})
    store = open_store(s.docs_dir, s.growth, paths=["cards/a.md"])
    assert [e.path for e in store.entries] == ["cards/a.md"]


def test_open_store_names_the_config_file_and_sorts_every_problem(tmp_path) -> None:
    active = [{**m, "status": "active"} for m in MILESTONES]
    files = {
        "cards/a.md": card(status="active", milestones=active),
        "notes/bad.md": front_matter({"type": "note", "title": "N", "date": "2026-02-30"}),
    }
    s = store_dir(tmp_path, files, {"max_active": 1, "today": "2026-05-01"})
    store = open_store(s.docs_dir, s.growth)
    assert [(p.path, p.severity.value) for p in store.problems] == [
        ("mkdocs.yml", "warning"),  # the default config name
        ("notes/bad.md", "error"),
    ]


def test_open_store_passes_the_nav_and_config_name_to_the_public_audience_check(tmp_path) -> None:
    files = {
        "notes/secret.md": front_matter(
            {"type": "note", "title": "S", "date": "2026-04-01", "visibility": "private"}
        )
    }
    s = store_dir(tmp_path, files, {"audience": "public"})
    store = open_store(s.docs_dir, s.growth, "site.yml", nav=[{"Secret": "notes/secret.md"}])
    nav_warnings = [p for p in store.problems if "nav links to private document" in p.message]
    assert [p.path for p in nav_warnings] == ["site.yml"]
