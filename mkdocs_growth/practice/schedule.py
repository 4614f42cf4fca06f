"""Dates that drive the practice: concept reviews, mentor check-ins, horizons.

Everything takes ``today`` as an argument (the ``today`` option or the build
date), so a build is reproducible and every boundary can be tested with a
fixed day.

Decisions the contract leaves open, made here once:

* Review *n* (0-based count of recorded ``reviewed`` dates) is due the n-th
  interval after the newest review; with no review it is due one day after
  the card's ``date``, else after its horizon's start. Only open cards
  (planned, active) with ``concepts`` are scheduled: a done or dropped card
  leaves the schedule.
* "Due this week" is today and the six days after it; anything earlier is
  overdue, anything later is later.
* A mentor check-in is due when the newest feedback entry is 42 days (six
  weeks) old **or older**: the playbook asks for a check-in every 4-6 weeks,
  so the six-week mark is the last day it is still on time. With no feedback
  at all a check-in is due too.
* A horizon is current from its start to its end date inclusive; the day after
  its end it is past (archived).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from ..core.model import Card, Feedback
from ..core.options import GrowthConfig, HorizonSpec, quarter, quarter_of
from ..core.store import Store

INTERVALS: tuple[int, ...] = (1, 3, 7, 14, 30, 60, 120)
# Card fields each schedule is computed from: a store that withholds one (a public
# view with them in `private_fields`) has no such schedule to show.
REVIEW_FIELDS = ("concepts", "reviewed")
CHECK_IN_FIELDS = ("feedback",)
WEEK_DAYS = 7
CHECK_IN_DAYS = 42

Bucket = Literal["overdue", "week", "later"]
HorizonState = Literal["past", "current", "future"]


def shift(day: dt.date, days: int) -> dt.date:
    """``day + days``, clamped to the calendar (a date like 9999-12-31 must not crash a build)."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


def interval(reviews: int) -> int:
    """Days until the next review after ``reviews`` recorded ones (0 -> 1 day)."""
    if reviews < 0:
        raise ValueError("reviews must be >= 0")
    if reviews == 0:
        return INTERVALS[0]
    return INTERVALS[min(reviews, len(INTERVALS)) - 1]


@dataclass(frozen=True)
class Review:
    """The next review of one card's concepts."""

    card: Card
    due: dt.date
    reviews: int  # recorded so far
    last: dt.date | None  # newest recorded review

    def days_until(self, today: dt.date) -> int:
        return (self.due - today).days


def next_review(card: Card, config: GrowthConfig) -> Review | None:
    """When the card's concepts are next due, or None when nothing anchors the schedule."""
    if card.reviewed:
        last = max(card.reviewed)
        return Review(card, shift(last, interval(len(card.reviewed))), len(card.reviewed), last)
    anchor = card.date
    if anchor is None:
        horizon = config.horizon(card.horizon)
        anchor = horizon.start if horizon else None
    if anchor is None:
        return None
    return Review(card, shift(anchor, interval(0)), 0, None)


def bucket(due: dt.date, today: dt.date) -> Bucket:
    days = (due - today).days
    if days < 0:
        return "overdue"
    if days < WEEK_DAYS:
        return "week"
    return "later"


@dataclass(frozen=True)
class ReviewPlan:
    """Scheduled reviews grouped relative to ``today`` (each group soonest first)."""

    today: dt.date
    overdue: list[Review]
    week: list[Review]
    later: list[Review]

    @property
    def due_count(self) -> int:
        """Reviews to do now or this week (what the dashboard shows)."""
        return len(self.overdue) + len(self.week)


def review_plan(cards: Iterable[Card], config: GrowthConfig, today: dt.date) -> ReviewPlan:
    groups: dict[Bucket, list[Review]] = {"overdue": [], "week": [], "later": []}
    for card in cards:
        if not card.is_open or not card.concepts:
            continue
        review = next_review(card, config)
        if review is not None:
            groups[bucket(review.due, today)].append(review)
    for items in groups.values():
        items.sort(key=lambda r: (r.due, r.card.title.casefold(), r.card.id))
    return ReviewPlan(today, groups["overdue"], groups["week"], groups["later"])


def reviews_of(store: Store, today: dt.date) -> ReviewPlan | None:
    """The review plan of the store's cards; None when the store withholds its fields."""
    if not store.carries(*REVIEW_FIELDS):
        return None
    return review_plan(store.cards, store.config, today)


@dataclass(frozen=True)
class FeedbackItem:
    card: Card
    entry: Feedback


@dataclass(frozen=True)
class CheckIn:
    """Whether a mentor check-in is due, from the newest feedback entry."""

    today: dt.date
    last: dt.date | None

    @property
    def age_days(self) -> int | None:
        return None if self.last is None else (self.today - self.last).days

    @property
    def due(self) -> bool:
        age = self.age_days
        return age is None or age >= CHECK_IN_DAYS

    @property
    def due_on(self) -> dt.date | None:
        return None if self.last is None else shift(self.last, CHECK_IN_DAYS)


def feedback_items(cards: Iterable[Card]) -> list[FeedbackItem]:
    """Every feedback entry across cards, newest first (ties by card title)."""
    items = [FeedbackItem(card, entry) for card in cards for entry in card.feedback]
    items.sort(key=lambda i: (-i.entry.date.toordinal(), i.card.title.casefold(), i.card.id))
    return items


def check_in(cards: Iterable[Card], today: dt.date) -> CheckIn:
    dates = [entry.date for card in cards for entry in card.feedback]
    return CheckIn(today, max(dates) if dates else None)


def check_in_of(store: Store, today: dt.date) -> CheckIn | None:
    """The check-in state of the store; None when it withholds feedback."""
    if not store.carries(*CHECK_IN_FIELDS):
        return None
    return check_in(store.cards, today)


def horizon_state(horizon: HorizonSpec, today: dt.date) -> HorizonState:
    """Past the day after ``end``; current from ``start`` to ``end`` inclusive."""
    if horizon.end < today:
        return "past"
    if horizon.start > today:
        return "future"
    return "current"


def is_archived(horizon: HorizonSpec, today: dt.date) -> bool:
    return horizon_state(horizon, today) == "past"


def current_horizon(config: GrowthConfig, today: dt.date) -> HorizonSpec | None:
    """The horizon containing ``today``: a configured one, or today's quarter without a list.

    None when ``horizons`` is configured and none of them contains today (the
    dashboard says so; :func:`horizon_for_new` picks a usable one for new documents).
    """
    if config.horizons is None:
        return quarter(quarter_of(today))
    return next((h for h in config.horizons if horizon_state(h, today) == "current"), None)


def horizon_for_new(config: GrowthConfig, today: dt.date) -> HorizonSpec:
    """A horizon a new document can name and still validate.

    The current one; with configured horizons none of which contains today,
    the next to start, else the one that ended last.
    """
    if not config.horizons:
        found = quarter(quarter_of(today))
        assert found is not None  # quarter_of always names a quarter
        return found
    states = [(spec, horizon_state(spec, today)) for spec in config.horizons]
    for spec, state in states:
        if state == "current":
            return spec
    upcoming = [spec for spec, state in states if state == "future"]
    if upcoming:
        return min(upcoming, key=lambda s: s.start)
    return max(config.horizons, key=lambda s: s.end)


def horizons_in_use(store: Store, today: dt.date) -> list[HorizonSpec]:
    """Configured horizons, or every quarter a document names plus the current one; by start."""
    config = store.config
    if config.horizons is not None:
        specs = list(config.horizons)
    else:
        ids = {e.doc.horizon for e in store.valid if e.doc is not None and e.doc.horizon}
        current = current_horizon(config, today)
        if current is not None:
            ids.add(current.id)
        specs = [s for s in (quarter(i) for i in sorted(ids)) if s is not None]
    return sorted(specs, key=lambda s: (s.start, s.end, s.id))
