"""Every schedule with a fixed ``today``: reviews, check-ins, horizons and the archive."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from conftest import card, store_of, write_store

from mkdocs_growth.core.model import Card
from mkdocs_growth.core.options import GrowthConfig, HorizonSpec, parse_options
from mkdocs_growth.practice.schedule import (
    CHECK_IN_DAYS,
    bucket,
    check_in,
    current_horizon,
    feedback_items,
    horizon_for_new,
    horizon_state,
    interval,
    is_archived,
    next_review,
    review_plan,
)

D = dt.date
DAY = dt.timedelta(days=1)
NO_HORIZONS = GrowthConfig()


def make_card(**fields: Any) -> Card:
    data: dict[str, Any] = {
        "type": "card",
        "id": fields.pop("id", "c"),
        "title": fields.pop("title", "A card"),
        "domain": "observability",
        "horizon": "2026-Q2",
        "goal": "g",
        "scores": {"impact": 3, "effort": 3, "reusability": 3, "learnings": 3},
        "concepts": ["spans"],
        "status": "active",
    }
    data.update(fields)
    return Card.model_validate(data)


# --- reviews -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reviews", "days"),
    [(0, 1), (1, 1), (2, 3), (3, 7), (4, 14), (5, 30), (6, 60), (7, 120), (8, 120), (20, 120)],
)
def test_interval_after_n_reviews(reviews: int, days: int) -> None:
    assert interval(reviews) == days


def test_interval_rejects_negative() -> None:
    with pytest.raises(ValueError):
        interval(-1)


@pytest.mark.parametrize(
    ("count", "expected_gap"), [(1, 1), (2, 3), (3, 7), (4, 14), (5, 30), (6, 60), (7, 120)]
)
def test_next_review_is_nth_interval_after_last_review(count: int, expected_gap: int) -> None:
    last = D(2026, 5, 1)
    reviewed = [last - dt.timedelta(days=10 * i) for i in range(count)]
    review = next_review(make_card(date=D(2026, 1, 1), reviewed=reviewed), NO_HORIZONS)
    assert review is not None
    assert (review.reviews, review.last) == (count, last)
    assert review.due == last + dt.timedelta(days=expected_gap)


def test_unsorted_reviews_count_from_the_newest() -> None:
    reviewed = [D(2026, 5, 10), D(2026, 5, 1), D(2026, 5, 4)]
    review = next_review(make_card(reviewed=reviewed), NO_HORIZONS)
    assert review is not None and review.due == D(2026, 5, 10) + 7 * DAY


def test_first_review_one_day_after_the_card_date() -> None:
    review = next_review(make_card(date=D(2026, 4, 20)), NO_HORIZONS)
    assert review is not None and (review.due, review.reviews, review.last) == (
        D(2026, 4, 21),
        0,
        None,
    )


def test_first_review_one_day_after_quarter_start_without_date() -> None:
    review = next_review(make_card(horizon="2026-Q3"), NO_HORIZONS)
    assert review is not None and review.due == D(2026, 7, 2)


def test_first_review_after_configured_horizon_start() -> None:
    config = parse_options({"horizons": [{"id": "h1", "start": "2026-02-15", "end": "2026-05-14"}]})
    review = next_review(make_card(horizon="h1"), config)
    assert review is not None and review.due == D(2026, 2, 16)


def test_bucket_boundaries_around_the_due_day() -> None:
    due = D(2026, 6, 10)
    assert bucket(due, today=due) == "week"  # due today is not overdue
    assert bucket(due, today=due + DAY) == "overdue"  # the day after
    assert bucket(due, today=due - DAY) == "week"  # the day before
    assert bucket(due, today=due - 6 * DAY) == "week"  # today + 6 is still this week
    assert bucket(due, today=due - 7 * DAY) == "later"


def test_review_plan_groups_and_skips_closed_or_conceptless_cards() -> None:
    today = D(2026, 6, 10)
    cards = [
        make_card(id="overdue", title="Overdue", date=today - 3 * DAY),  # due today - 2
        make_card(id="today", title="Today", date=today - DAY),  # due today
        make_card(id="week-end", title="Week end", date=today + 5 * DAY),  # due today + 6
        make_card(id="later", title="Later", date=today + 6 * DAY),  # due today + 7
        make_card(id="done", title="Done", date=today - 30 * DAY, status="done"),
        make_card(id="dropped", title="Dropped", date=today - 30 * DAY, status="dropped"),
        make_card(id="planned", title="Planned", date=today - 30 * DAY, status="planned"),
        make_card(id="bare", title="No concepts", date=today - 30 * DAY, concepts=[]),
    ]
    plan = review_plan(cards, NO_HORIZONS, today)
    assert [r.card.id for r in plan.overdue] == ["planned", "overdue"]
    assert [r.card.id for r in plan.week] == ["today", "week-end"]
    assert [r.card.id for r in plan.later] == ["later"]
    assert plan.due_count == 4
    assert plan.week[0].days_until(today) == 0


# --- mentor check-in ----------------------------------------------------------------------


def _with_feedback(*days: dt.date) -> Card:
    return make_card(feedback=[{"date": d, "from": "mentor"} for d in days])


@pytest.mark.parametrize(
    ("age", "due"),
    [(0, False), (41, False), (CHECK_IN_DAYS, True), (43, True), (-3, False)],
)
def test_check_in_due_at_exactly_six_weeks(age: int, due: bool) -> None:
    today = D(2026, 6, 10)
    cards = [_with_feedback(today - dt.timedelta(days=age), today - 100 * DAY)]
    state = check_in(cards, today)
    assert state.age_days == age
    assert state.due is due
    assert state.due_on == today - dt.timedelta(days=age) + 42 * DAY


def test_check_in_uses_the_newest_entry_across_cards() -> None:
    today = D(2026, 6, 10)
    old = _with_feedback(today - 60 * DAY)
    recent = make_card(id="r", feedback=[{"date": today - 10 * DAY}])
    assert check_in([old, recent], today).due is False
    assert check_in([old], today).due is True


def test_check_in_due_without_any_feedback() -> None:
    state = check_in([make_card()], D(2026, 6, 10))
    assert state.last is None and state.age_days is None and state.due is True


def test_feedback_items_newest_first() -> None:
    a = make_card(id="a", title="A", feedback=[{"date": D(2026, 1, 5)}, {"date": D(2026, 3, 1)}])
    b = make_card(id="b", title="B", feedback=[{"date": D(2026, 2, 1)}])
    assert [(i.card.id, i.entry.date) for i in feedback_items([a, b])] == [
        ("a", D(2026, 3, 1)),
        ("b", D(2026, 2, 1)),
        ("a", D(2026, 1, 5)),
    ]


# --- horizons and the archive --------------------------------------------------------------

H = HorizonSpec(id="h", start=D(2026, 4, 1), end=D(2026, 6, 30))


def test_horizon_end_date_is_inside_and_the_day_after_is_archived() -> None:
    assert horizon_state(H, H.start - DAY) == "future"
    assert horizon_state(H, H.start) == "current"
    assert horizon_state(H, H.end) == "current"
    assert not is_archived(H, H.end)
    assert horizon_state(H, H.end + DAY) == "past"
    assert is_archived(H, H.end + DAY)


def test_current_horizon_configured_or_quarter() -> None:
    config = parse_options({"horizons": [{"id": "h", "start": "2026-04-01", "end": "2026-06-30"}]})
    assert current_horizon(config, D(2026, 6, 30)).id == "h"
    # configured horizons that do not cover today: none (the dashboard and checklist agree)
    assert current_horizon(config, D(2026, 7, 1)) is None
    assert current_horizon(NO_HORIZONS, D(2026, 12, 31)).id == "2026-Q4"


def test_horizon_for_new_picks_one_that_validates() -> None:
    config = parse_options(
        {
            "horizons": [
                {"id": "old", "start": "2026-01-01", "end": "2026-03-31"},
                {"id": "next", "start": "2026-09-01", "end": "2026-11-30"},
                {"id": "later", "start": "2027-01-01", "end": "2027-03-31"},
            ]
        }
    )
    assert horizon_for_new(config, D(2026, 2, 1)).id == "old"  # current
    assert horizon_for_new(config, D(2026, 5, 1)).id == "next"  # gap: the next to start
    assert horizon_for_new(config, D(2028, 1, 1)).id == "later"  # all ended: the last
    assert horizon_for_new(NO_HORIZONS, D(2026, 5, 1)).id == "2026-Q2"


def _archive_store(tmp_path, today: dt.date):
    options = {
        "today": today.isoformat(),
        "horizons": [{"id": "h", "start": "2026-04-01", "end": "2026-06-30"}],
    }
    return store_of(
        write_store(tmp_path, {"cards/a.md": card(horizon="h", status="active")}, options)
    )


def test_active_card_warning_starts_the_day_after_the_horizon_ends(tmp_path) -> None:
    on_end = _archive_store(tmp_path / "end", D(2026, 6, 30))
    after = _archive_store(tmp_path / "after", D(2026, 7, 1))
    assert not [p for p in on_end.problems if "archive it" in p.message]
    [warning] = [p for p in after.problems if "archive it" in p.message]
    assert warning.path == "cards/a.md" and not warning.is_error


def test_dates_at_the_end_of_the_calendar_do_not_crash() -> None:
    last = D(9999, 12, 30)
    review = next_review(make_card(reviewed=[last]), NO_HORIZONS)
    assert review is not None and review.due == D.max
    assert check_in([_with_feedback(D.max)], D(2026, 1, 1)).due_on == D.max
    assert bucket(D.max, D.max) == "week"
