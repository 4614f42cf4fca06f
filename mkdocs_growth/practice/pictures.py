"""What the four growth pictures show, computed once from the store.

* :func:`impact_effort` — the decision framework as a map: every open card
  at its impact and effort (the priorities page).
* :func:`milestone_timeline` — milestones by due date around today (the
  dashboard and each horizon page).
* :func:`cadence` — notes, talks, decisions and concept reviews per week over
  the last 52 weeks, against the playbook's rhythm (a tech note a week, a
  knowledge share a sprint).
* :func:`rubric_trend` — the average self-rating before and after, per horizon.

Plain data only: the SVG is drawn by :mod:`mkdocs_growth.site.svg`. Every
function is O(documents).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from ..core.model import Card
from ..core.options import HorizonSpec
from ..core.store import Store
from .priority import Priority, priorities, ranked_open
from .rubric import DIMENSIONS, rubric_known
from .schedule import shift

# -- impact / effort ----------------------------------------------------------------------


@dataclass(frozen=True)
class MatrixMark:
    """One open card on the impact/effort map."""

    card: Card
    rank: int  # 1-based place in the priority table
    priority: Priority

    @property
    def impact(self) -> int:
        return self.card.scores.impact

    @property
    def effort(self) -> int:
        return self.card.scores.effort


def impact_effort(store: Store) -> list[MatrixMark]:
    """Open cards (planned, active) in priority order: the marks of the matrix."""
    prios = priorities(store)
    return [MatrixMark(card, n, prios[card.id]) for n, card in enumerate(ranked_open(store), 1)]


# -- milestone timeline -------------------------------------------------------------------

TIMELINE_LIMIT = 30  # marks drawn; the rest are counted (a horizon of 5,000 cards stays readable)


@dataclass(frozen=True)
class TimelineMark:
    card: Card
    index: int  # 0-based position of the milestone in its card
    title: str
    due: dt.date
    status: str  # planned | active | done
    overdue: bool  # not done and due before today


@dataclass(frozen=True)
class Timeline:
    start: dt.date  # the axis: the horizon's dates, widened to the marks and today
    end: dt.date
    today: dt.date
    marks: list[TimelineMark]  # by due date
    hidden: int  # dated milestones left out to keep the picture readable
    undated: int  # milestones without a due date (not on the axis)

    @property
    def total(self) -> int:
        return len(self.marks) + self.hidden


def milestone_timeline(
    cards: Iterable[Card],
    today: dt.date,
    horizon: HorizonSpec | None = None,
    limit: int = TIMELINE_LIMIT,
) -> Timeline:
    """Milestones (not dropped) of ``cards`` (not dropped) by due date.

    With more than ``limit`` dated milestones, the ones nearest to today are
    drawn, open ones first; the rest are counted in ``hidden``.
    """
    marks: list[TimelineMark] = []
    undated = 0
    for card in cards:
        if card.status == "dropped":
            continue
        for index, milestone in enumerate(card.milestones):
            if milestone.status == "dropped":
                continue
            if milestone.due is None:
                undated += 1
                continue
            late = milestone.status != "done" and milestone.due < today
            marks.append(
                TimelineMark(card, index, milestone.title, milestone.due, milestone.status, late)
            )
    hidden = 0
    if len(marks) > limit:
        marks.sort(key=lambda m: (m.status == "done", abs((m.due - today).days), m.card.id))
        hidden = len(marks) - limit
        marks = marks[:limit]
    marks.sort(key=lambda m: (m.due, m.card.title.casefold(), m.card.id, m.index))
    dates = [m.due for m in marks] + [today]
    if horizon is not None:
        dates += [horizon.start, horizon.end]
    start, end = min(dates), max(dates)
    if start == end:
        start, end = shift(start, -7), shift(end, 7)
    return Timeline(start, end, today, marks, hidden, undated)


# -- learning cadence ---------------------------------------------------------------------

WEEKS = 52
CADENCE_KINDS: tuple[str, ...] = ("notes", "talks", "decisions", "reviews")


@dataclass(frozen=True)
class Rhythm:
    """The playbook's pace for one kind: at least one every ``weeks`` weeks."""

    weeks: int
    label: str


# "Start a weekly tech note"; "1 knowledge share with a peer or mentor per sprint" (2 weeks).
RHYTHM: dict[str, Rhythm] = {
    "notes": Rhythm(1, "a tech note a week"),
    "talks": Rhythm(2, "a knowledge share a sprint (2 weeks)"),
}


@dataclass(frozen=True)
class Cadence:
    weeks: list[dt.date]  # the Monday of each week, oldest first; the last holds today
    counts: dict[str, list[int]]  # kind -> one count per week
    kinds: tuple[str, ...] = CADENCE_KINDS  # the kinds shown (a public view may withhold reviews)

    def total(self, kind: str) -> int:
        return sum(self.counts[kind])

    def periods(self, kind: str) -> list[tuple[int, int]]:
        """``(first week index, last week index)`` of each rhythm period, newest aligned to today."""
        size = RHYTHM[kind].weeks
        ends = range(len(self.weeks), 0, -size)  # one past each period's last week, newest first
        return [(max(0, end - size), end - 1) for end in reversed(ends)]

    def met(self, kind: str) -> tuple[int, int]:
        """Rhythm periods with at least one document, and how many periods there are."""
        periods = self.periods(kind)
        counts = self.counts[kind]
        hits = sum(1 for a, b in periods if sum(counts[a : b + 1]) > 0)
        return hits, len(periods)


def monday(day: dt.date) -> dt.date:
    return shift(day, -day.weekday())


def cadence(store: Store, today: dt.date, weeks: int = WEEKS) -> Cadence:
    """How many notes, talks, decisions and concept reviews fell in each of the last ``weeks``."""
    last = monday(today)
    first = shift(last, -7 * (weeks - 1))
    starts = [shift(first, 7 * i) for i in range(weeks)]
    counts = {kind: [0] * weeks for kind in CADENCE_KINDS}
    dated: dict[str, Iterable[dt.date]] = {
        "notes": (d.date for d in store.notes),
        "talks": (d.date for d in store.talks),
        "decisions": (d.date for d in store.decisions),
        "reviews": (day for card in store.cards for day in card.reviewed),
    }
    for kind, days in dated.items():
        row = counts[kind]
        for day in days:
            if first <= day <= today:
                row[(day - first).days // 7] += 1
    kinds = tuple(k for k in CADENCE_KINDS if k != "reviews" or store.carries("reviewed"))
    return Cadence(starts, counts, kinds)


# -- rubric trend -------------------------------------------------------------------------


@dataclass(frozen=True)
class RubricTrend:
    """The average self-rating of one horizon's cards rated both before and after."""

    horizon: HorizonSpec
    cards: int  # cards rated before and after
    before: dict[str, float]  # dimension -> average (empty without rated cards)
    after: dict[str, float]

    @property
    def mean_before(self) -> float | None:
        return _mean(self.before.values())

    @property
    def mean_after(self) -> float | None:
        return _mean(self.after.values())


def _mean(values: Iterable[float]) -> float | None:
    items = list(values)
    return round(sum(items) / len(items), 2) if items else None


def rubric_trend(store: Store, horizons: list[HorizonSpec], today: dt.date) -> list[RubricTrend]:
    """One row per horizon that has started, oldest first; none when ratings are withheld."""
    if not rubric_known(store):
        return []
    rated: dict[str, list[Card]] = {}
    for card in store.cards:
        rubric = card.rubric
        if card.status != "dropped" and rubric and rubric.before and rubric.after:
            rated.setdefault(card.horizon, []).append(card)
    out = []
    for spec in horizons:
        if spec.start > today:
            continue
        cards = rated.get(spec.id, [])
        before: dict[str, float] = {}
        after: dict[str, float] = {}
        if cards:
            for d in DIMENSIONS:
                before[d] = round(sum(getattr(c.rubric.before, d) for c in cards) / len(cards), 2)  # type: ignore[union-attr]
                after[d] = round(sum(getattr(c.rubric.after, d) for c in cards) / len(cards), 2)  # type: ignore[union-attr]
        out.append(RubricTrend(spec, len(cards), before, after))
    return out
