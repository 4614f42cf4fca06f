"""Milestone rules at their edges: the active-milestone guardrail and the 3-to-5 suggestion.

Both once survived an off-by-one change (``>`` to ``>=``, 3 to 2) with every
test green; these pin each bound from both sides.
"""

from __future__ import annotations

import pytest
from conftest import MILESTONES, card, store_of, write_store

from mkdocs_growth.practice.milestones import active_milestone_count, guardrail, progress


def active(n: int) -> list[dict[str, str]]:
    return [{**MILESTONES[i % 3], "title": f"m{i}", "status": "active"} for i in range(n)]


@pytest.mark.parametrize(("count", "warned"), [(2, False), (3, False), (4, True)])
def test_guardrail_warns_only_over_max_active(tmp_path, count: int, warned: bool) -> None:
    milestones = active(count) + MILESTONES[: max(0, 3 - count)]
    config = write_store(
        tmp_path, {"cards/a.md": card(status="active", milestones=milestones)}, {"max_active": 3}
    )
    store = store_of(config)
    assert active_milestone_count(store.cards) == count
    over = [p for p in store.warnings if "max_active" in p.message]
    assert bool(over) is warned, [str(p) for p in store.warnings]
    if warned:
        assert over[0].path == str(config) and over[0].line == 0
        assert over[0].message == (
            "4 active milestones across active cards, over max_active 3:"
            " finish or pause some before starting more"
        )


def test_guardrail_at_zero_warns_from_the_first_active_milestone(tmp_path) -> None:
    files = {"cards/a.md": card(status="active", milestones=active(1) + MILESTONES[:2])}
    store = store_of(write_store(tmp_path, files, {"max_active": 0}))
    assert len(guardrail(store, "mkdocs.yml")) == 1


def test_only_active_milestones_of_active_cards_count(tmp_path) -> None:
    files = {
        "cards/a.md": card(status="planned", milestones=active(3)),
        "cards/b.md": card(id="b", status="active", milestones=active(2) + MILESTONES[:1]),
    }
    store = store_of(write_store(tmp_path, files, {"max_active": 1}))
    assert active_milestone_count(store.cards) == 2


@pytest.mark.parametrize(
    ("count", "warned"), [(0, True), (1, True), (2, True), (3, False), (5, False), (6, True)]
)
def test_milestone_count_warning_is_3_to_5(tmp_path, count: int, warned: bool) -> None:
    milestones = [{"title": f"m{i}", "done_when": "done"} for i in range(count)]
    store = store_of(write_store(tmp_path, {"cards/a.md": card(milestones=milestones)}))
    warnings = [p.message for p in store.warnings if "plan 3 to 5" in p.message]
    assert bool(warnings) is warned, warnings


def test_progress_counts_done_among_milestones_not_dropped(tmp_path) -> None:
    statuses = ["done", "done", "done", "dropped", "active"]
    milestones = [{**MILESTONES[0], "title": f"m{i}", "status": s} for i, s in enumerate(statuses)]
    store = store_of(write_store(tmp_path, {"cards/a.md": card(milestones=milestones)}))
    assert str(progress(store.cards[0])) == "3/4"
