"""The review packet: what a period produced, with the evidence, for a review meeting.

For a horizon (or any date range) the packet gathers what the playbook asks
to show: the milestones done with their definition of done, the metrics
from baseline to actual with the change, the artifacts by kind (technical,
process, people), the notes, talks and decisions dated in the period, the
feedback received, and how the self-rating moved. One model, built here
once; the site renders it as a page (``<base>/reports/<horizon>.md``), the
CLI as Markdown or JSON (``mkdocs-growth report``).

Which documents belong to a period:

* cards: for a horizon, its cards; for a date range, the cards of every
  horizon that overlaps it (dropped cards are left out);
* milestones done: ``done`` milestones of those cards (for a date range,
  those due in it or without a due date: milestones record no done date);
* notes, talks, decisions, feedback entries: dated in the period, whatever
  card they belong to;
* evidence by competency (with a progression framework): the evidence model
  of :mod:`.evidence` restricted to the period, so the packet and the
  competencies page apply one rule.

To add a section, add a field to :class:`Report`, fill it in
:func:`build_report`, and add it to :func:`report_data` and the page: every
renderer reads this one model.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any

from ..core.model import Artifact, Card, Decision, Feedback, Metric, Note, RubricScores, Talk
from ..core.options import HorizonSpec
from ..core.store import Store
from .evidence import EvidenceReport, evidence_report
from .priority import priorities
from .rubric import DIMENSIONS, change
from .schedule import horizons_in_use

ARTIFACT_KINDS: tuple[str, ...] = ("technical", "process", "people")
# Card fields a section is made of that a public view may withhold (``private_fields``):
# such a section is left out of the packet, not shown as empty.
SECTION_FIELDS: tuple[str, ...] = ("metrics", "artifacts", "feedback", "rubric")


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date
    horizon: HorizonSpec | None = None  # None for a date range

    @property
    def title(self) -> str:
        if self.horizon is not None:
            return self.horizon.title or self.horizon.id
        return f"{self.start} to {self.end}"

    def holds(self, day: dt.date | None) -> bool:
        return day is not None and self.start <= day <= self.end


@dataclass(frozen=True)
class DoneMilestone:
    card: Card
    index: int  # 0-based in its card
    title: str
    done_when: str
    due: dt.date | None


@dataclass(frozen=True)
class MetricResult:
    card: Card
    metric: Metric

    @property
    def change(self) -> float | None:
        """actual - baseline, when both are known."""
        m = self.metric
        if m.actual is None or m.baseline is None:
            return None
        return round(m.actual - m.baseline, 6)

    @property
    def change_percent(self) -> float | None:
        m = self.metric
        if self.change is None or not m.baseline:
            return None
        return round(100 * self.change / abs(m.baseline), 1)

    @property
    def toward_target(self) -> bool | None:
        """Whether actual moved from baseline toward target (None when that cannot be said)."""
        m = self.metric
        if m.target is None or m.baseline is None or m.actual is None or m.target == m.baseline:
            return None
        wanted = m.target - m.baseline
        return (m.actual - m.baseline) * wanted > 0

    @property
    def target_met(self) -> bool | None:
        m = self.metric
        if m.target is None or m.baseline is None or m.actual is None or m.target == m.baseline:
            return None
        return m.actual <= m.target if m.target < m.baseline else m.actual >= m.target


@dataclass(frozen=True)
class ArtifactItem:
    card: Card
    artifact: Artifact


@dataclass(frozen=True)
class FeedbackItem:
    card: Card
    entry: Feedback


@dataclass(frozen=True)
class RubricResult:
    card: Card
    before: RubricScores | None
    after: RubricScores | None

    @property
    def change(self) -> float | None:
        return change(self.card)


@dataclass(frozen=True)
class Report:
    period: Period
    today: dt.date
    cards: list[Card]  # the period's cards, by status then title
    milestones_done: list[DoneMilestone]
    metrics: list[MetricResult]
    artifacts: dict[str, list[ArtifactItem]]  # kind -> items, in ARTIFACT_KINDS order
    notes: list[Note]
    talks: list[Talk]
    decisions: list[Decision]
    feedback: list[FeedbackItem]  # oldest first
    rubric: list[RubricResult]  # cards with a rating
    withheld: frozenset[str] = frozenset()  # SECTION_FIELDS left out (a public site)
    # Evidence by competency dated in the period; None without a (valid) framework.
    competencies: EvidenceReport | None = None
    extra: dict[str, Any] = field(default_factory=dict)  # sections other modules add

    def shows(self, section: str) -> bool:
        return section not in self.withheld

    @property
    def rubric_average(self) -> float | None:
        """The mean change of the cards rated before and after."""
        changes = [r.change for r in self.rubric if r.change is not None]
        return round(sum(changes) / len(changes), 2) if changes else None

    @property
    def is_empty(self) -> bool:
        return not (self.cards or self.notes or self.talks or self.decisions or self.feedback)


def horizon_period(spec: HorizonSpec) -> Period:
    return Period(spec.start, spec.end, spec)


@dataclass(frozen=True)
class _ByDate:
    """What a packet takes by date, each sorted once per store: a period is two bisections."""

    notes: list[Note]
    talks: list[Talk]
    decisions: list[Decision]
    feedback: list[FeedbackItem]

    @staticmethod
    def of(store: Store) -> _ByDate:
        found = store.derived.get("report_by_date")
        if found is None:

            def order(docs: list[Any]) -> list[Any]:
                return sorted(docs, key=lambda d: (d.date, d.title.casefold(), d.id))

            feedback = [FeedbackItem(c, e) for c in store.cards for e in c.feedback]
            feedback.sort(key=lambda f: (f.entry.date, f.card.title.casefold(), f.card.id))
            found = store.derived["report_by_date"] = _ByDate(
                order(store.notes), order(store.talks), order(store.decisions), feedback
            )
        return found


def _within(items: list[Any], period: Period, day: Any) -> list[Any]:
    """The slice of ``items`` (sorted by ``day(item)``) dated in the period."""
    days = [day(item) for item in items]
    return items[bisect_left(days, period.start) : bisect_right(days, period.end)]


def _date(doc: Any) -> dt.date:
    return doc.date


def _entry_date(item: FeedbackItem) -> dt.date:
    return item.entry.date


def build_report(store: Store, period: Period, today: dt.date) -> Report:
    """The packet of ``period`` (O(documents))."""
    config = store.config
    if period.horizon is not None:
        cards = [c for c in store.cards if c.horizon == period.horizon.id]
    else:
        cards = []
        for card in store.cards:
            spec = config.horizon(card.horizon)
            if spec is not None and spec.start <= period.end and spec.end >= period.start:
                cards.append(card)
    cards = [c for c in cards if c.status != "dropped"]
    order = {"done": 0, "active": 1, "planned": 2}
    prios = priorities(store)
    cards.sort(key=lambda c: (order.get(c.status, 3), -prios[c.id].score, c.title.casefold()))
    milestones = [
        DoneMilestone(card, i, m.title, m.done_when, m.due)
        for card in cards
        for i, m in enumerate(card.milestones)
        if m.status == "done"
        and (period.horizon is not None or m.due is None or period.holds(m.due))
    ]
    artifacts: dict[str, list[ArtifactItem]] = {kind: [] for kind in ARTIFACT_KINDS}
    for card in cards:
        for artifact in card.artifacts:
            artifacts[artifact.kind].append(ArtifactItem(card, artifact))
    by_date = _ByDate.of(store)
    rubric = [
        RubricResult(c, c.rubric.before, c.rubric.after)
        for c in cards
        if c.rubric is not None and (c.rubric.before is not None or c.rubric.after is not None)
    ]
    return Report(
        period=period,
        today=today,
        cards=cards,
        milestones_done=milestones,
        metrics=[MetricResult(c, m) for c in cards for m in c.metrics],
        artifacts=artifacts,
        notes=_within(by_date.notes, period, _date),
        talks=_within(by_date.talks, period, _date),
        decisions=_within(by_date.decisions, period, _date),
        feedback=_within(by_date.feedback, period, _entry_date),
        rubric=rubric,
        withheld=frozenset(store.withheld) & frozenset(SECTION_FIELDS),
        competencies=evidence_report(store, period=(period.start, period.end)),
    )


def _scores(scores: RubricScores | None) -> dict[str, int] | None:
    return None if scores is None else {d: getattr(scores, d) for d in DIMENSIONS}


def report_data(report: Report, path_of: Any = None) -> dict[str, Any]:
    """The packet as JSON-ready data; ``path_of(doc)`` adds each document's docs-relative path."""

    def ref(doc: Any) -> dict[str, Any]:
        out = {"id": doc.id, "title": doc.title}
        if path_of is not None:
            out["path"] = path_of(doc)
        return out

    period = report.period
    data: dict[str, Any] = {
        "period": {
            "horizon": period.horizon.id if period.horizon else None,
            "title": period.title,
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
        },
        "today": report.today.isoformat(),
        "cards": [{**ref(c), "status": c.status} for c in report.cards],
        "milestones_done": [
            {
                "card": ref(m.card),
                "number": m.index + 1,
                "title": m.title,
                "done_when": m.done_when,
                "due": m.due.isoformat() if m.due else None,
            }
            for m in report.milestones_done
        ],
        "metrics": [
            {
                "card": ref(r.card),
                "name": r.metric.name,
                "unit": r.metric.unit,
                "baseline": r.metric.baseline,
                "target": r.metric.target,
                "actual": r.metric.actual,
                "change": r.change,
                "change_percent": r.change_percent,
                "toward_target": r.toward_target,
                "target_met": r.target_met,
            }
            for r in report.metrics
        ],
        "artifacts": {
            kind: [
                {"card": ref(a.card), "title": a.artifact.title, "url": a.artifact.url}
                for a in items
            ]
            for kind, items in report.artifacts.items()
        },
        "notes": [{**ref(d), "date": d.date.isoformat()} for d in report.notes],
        "talks": [
            {**ref(d), "date": d.date.isoformat(), "audience": d.audience} for d in report.talks
        ],
        "decisions": [
            {**ref(d), "date": d.date.isoformat(), "status": d.status} for d in report.decisions
        ],
        "feedback": [
            {
                "card": ref(f.card),
                "date": f.entry.date.isoformat(),
                "from": f.entry.from_,
                "went_well": f.entry.went_well,
                "didnt": f.entry.didnt,
                "try_next": f.entry.try_next,
            }
            for f in report.feedback
        ],
        "rubric": {
            "average_change": report.rubric_average,
            "cards": [
                {
                    "card": ref(r.card),
                    "before": _scores(r.before),
                    "after": _scores(r.after),
                    "change": r.change,
                }
                for r in report.rubric
            ],
        },
        **report.extra,
    }
    if report.competencies is not None:  # the same mapping as growth.json, for the period
        data["competencies"] = report.competencies.as_dict()
    for section in report.withheld:
        data.pop(section, None)
    return data


def started_horizons(store: Store, today: dt.date) -> list[HorizonSpec]:
    """The horizons that have a packet: every horizon in use that has started, oldest first."""
    return [h for h in horizons_in_use(store, today) if h.start <= today]
