"""Promotion evidence: the store mapped onto the progression framework, defined once.

A document is evidence for the competencies it lists under ``competencies:``.
A reference to a cell (``<level>/<theme>``) names every competency of that
cell, so the document counts once for each of them; a competency id names
that one only. What counts, decided here for the page, the review packet,
``growth.json`` and ``mkdocs-growth evidence`` alike:

* a **done card** and a **talk given** (dated today or earlier) are the
  strongest evidence and come first; a card shows the milestones it finished
  (with their definition of done) and the metrics it moved;
* an **active card** counts once one of its milestones is done;
* decisions, notes, retros and playbooks support a competency;
* **planned** work is listed but is not evidence: a planned card, an active
  card with no milestone done yet, anything dated after today (a talk that
  is scheduled); a dropped card is left out;
* a competency without evidence is a **gap**.

Within each group, newest first. ``today`` is the store's (config ``today``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..core.framework import Competency, Framework, Level, Theme
from ..core.model import Card, Decision, Document, Metric, Talk
from ..core.store import Store


@dataclass(frozen=True)
class Evidence:
    """One document as evidence for one competency."""

    doc: Document
    path: str  # docs-relative, for links
    state: str  # what the document is now: "done", "active", "given", "accepted", ...
    date: dt.date | None
    horizon: str | None
    reasons: tuple[str, ...]  # the milestones and metrics (or audience) that make it evidence
    strong: bool  # a done card or a talk given: listed first
    planned: bool  # work towards the competency, not evidence yet

    @property
    def kind(self) -> str:
        return self.doc.type

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.doc.id,
            "type": self.kind,
            "title": self.doc.title,
            "path": self.path,
            "state": self.state,
            "date": self.date.isoformat() if self.date else None,
            "horizon": self.horizon,
            "reasons": list(self.reasons),
        }


@dataclass(frozen=True)
class CompetencyEvidence:
    competency: Competency
    level: Level
    evidence: tuple[Evidence, ...]
    planned: tuple[Evidence, ...]

    @property
    def gap(self) -> bool:
        return not self.evidence

    def as_dict(self) -> dict[str, Any]:
        c = self.competency
        return {
            "id": c.id,
            "level": c.level,
            "theme": c.theme,
            "summary": c.summary.strip(),
            "proficiency": c.proficiency,
            "examples": list(c.examples),
            "supporting_urls": [{"label": u.label, "url": u.url} for u in c.supporting_urls],
            "gap": self.gap,
            "evidence": [e.as_dict() for e in self.evidence],
            "planned": [e.as_dict() for e in self.planned],
        }


@dataclass(frozen=True)
class Cell:
    """A theme at one level: its competencies (one or more, in file order) with their evidence."""

    level: Level
    competencies: tuple[CompetencyEvidence, ...]

    @property
    def has_evidence(self) -> bool:
        return any(not c.gap for c in self.competencies)

    @property
    def evidence_count(self) -> int:
        """Documents that are evidence for any competency of the cell, each counted once."""
        return len({e.doc.id for c in self.competencies for e in c.evidence})


@dataclass(frozen=True)
class ThemeEvidence:
    """One theme: the cells of the levels shown, and the levels below them, summarised.

    Only cells the framework fills are listed, so what a theme shows grows with
    the framework's competencies, never with levels x themes.
    """

    theme: Theme
    cells: tuple[Cell, ...]  # the levels shown that have competencies, lowest first
    earlier: tuple[Cell, ...]  # levels below those shown that have competencies

    @property
    def earlier_evidence(self) -> int:
        return sum(c.evidence_count for c in self.earlier)


@dataclass(frozen=True)
class LevelSummary:
    """How many themes of one level have evidence: the line a promotion case starts from."""

    level: Level
    role: str  # "current level", "target level" or "level"
    with_evidence: int
    themes: int  # themes with a competency at this level

    def __str__(self) -> str:
        return (
            f"{self.role} ({self.level.name}): {self.with_evidence} of {self.themes}"
            f" themes have evidence"
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "level": self.level.id,
            "role": self.role,
            "with_evidence": self.with_evidence,
            "themes": self.themes,
            "text": str(self),
        }


@dataclass(frozen=True)
class EvidenceReport:
    framework: Framework
    current: Level | None  # the `level` option
    target: Level | None  # the `target_level` option
    levels: tuple[Level, ...]  # shown, lowest first
    themes: tuple[ThemeEvidence, ...]
    summaries: tuple[LevelSummary, ...]  # target first, then current, then the others

    def as_dict(self) -> dict[str, Any]:
        fw = self.framework
        return {
            "framework": {"path": fw.path, "name": fw.name},
            "level": self.current.id if self.current else None,
            "target_level": self.target.id if self.target else None,
            "levels": [{"id": level.id, "name": level.name} for level in self.levels],
            "summary": [s.as_dict() for s in self.summaries],
            "themes": [
                {
                    "id": t.theme.id,
                    "name": t.theme.name,
                    "competencies": [c.as_dict() for cell in t.cells for c in cell.competencies],
                }
                for t in self.themes
            ],
        }


def evidence_report(
    store: Store,
    levels: Sequence[str] | None = None,
    period: tuple[dt.date, dt.date] | None = None,
) -> EvidenceReport | None:
    """Evidence for every theme at ``levels`` (default: from ``level`` up to ``target_level``).

    With ``period`` (first and last day), only the evidence dated in it, and no
    planned work: the review packet's "evidence by competency", whose gaps are
    the competencies with nothing in that period. None when the store has no
    (valid) framework. Unknown level ids raise ``KeyError``: the front ends
    check them first (options, ``--level``).
    """
    framework = store.framework
    if framework is None:
        return None
    config = store.config
    current = framework.level(config.level) if config.level else None
    target = framework.level(config.target_level) if config.target_level else None
    shown = _shown_levels(framework, levels, current, target)
    lowest = framework.rank(shown[0].id)
    shown_ids = {level.id for level in shown}
    found = _by_competency(store) if period is None else _in_period_only(store, *period)
    # theme -> level -> its competencies: built from the competencies, not from levels x themes
    grid: dict[str, dict[str, list[CompetencyEvidence]]] = {}
    for competency in framework.competencies:
        level = framework.level(competency.level)
        assert level is not None
        item = found.get(competency.id) or CompetencyEvidence(competency, level, (), ())
        grid.setdefault(competency.theme, {}).setdefault(competency.level, []).append(item)
    themes = []
    for theme in framework.themes:
        row = sorted(grid.get(theme.id, {}).items(), key=lambda kv: framework.rank(kv[0]))
        cells = [Cell(items[0].level, tuple(items)) for _, items in row]
        themes.append(
            ThemeEvidence(
                theme,
                tuple(c for c in cells if c.level.id in shown_ids),
                tuple(c for c in cells if framework.rank(c.level.id) < lowest),
            )
        )
    counts: dict[
        str, list[int]
    ] = {}  # level id -> [themes with evidence, themes with competencies]
    for row in themes:
        for c in row.cells:
            count = counts.setdefault(c.level.id, [0, 0])
            count[0] += c.has_evidence
            count[1] += 1
    summaries = [  # a level the framework asks nothing at has no line, unless it is yours
        LevelSummary(level, _role(level, current, target), *counts.get(level.id, (0, 0)))
        for level in shown
        if level.id in counts or _role(level, current, target) != "level"
    ]
    order = {"target level": 0, "current level": 1}
    summaries.sort(key=lambda s: (order.get(s.role, 2), -framework.rank(s.level.id)))
    return EvidenceReport(framework, current, target, shown, tuple(themes), tuple(summaries))


def evidence_in_period(store: Store, start: dt.date, end: dt.date) -> list[CompetencyEvidence]:
    """Competencies with evidence dated in ``start..end`` (inclusive), for a review packet.

    Each keeps only that period's evidence; a card without a ``date`` belongs
    to the period its horizon overlaps. Framework order (level, then theme).
    """
    framework = store.framework
    if framework is None:
        return []
    found = _in_period_only(store, start, end)
    return [found[c.id] for c in _framework_order(framework) if c.id in found]


def _in_period_only(store: Store, start: dt.date, end: dt.date) -> dict[str, CompetencyEvidence]:
    """:func:`_by_competency` keeping only the evidence of ``start..end`` (no planned work)."""
    out = {}
    for competency_id, item in _by_competency(store).items():
        kept = tuple(e for e in item.evidence if _in_period(e, store, start, end))
        if kept:
            out[competency_id] = CompetencyEvidence(item.competency, item.level, kept, ())
    return out


def _shown_levels(
    framework: Framework,
    levels: Sequence[str] | None,
    current: Level | None,
    target: Level | None,
) -> tuple[Level, ...]:
    if levels:
        wanted = {framework.rank(level_id) for level_id in levels}  # KeyError: unknown id
        return tuple(framework.levels[n] for n in sorted(wanted))
    if current is None and target is None:
        return framework.levels
    low = framework.rank((current or target).id)  # type: ignore[union-attr]
    high = framework.rank((target or current).id)  # type: ignore[union-attr]
    return framework.levels[low : high + 1]


def _role(level: Level, current: Level | None, target: Level | None) -> str:
    if target is not None and level.id == target.id:
        return "target level"
    if current is not None and level.id == current.id:
        return "current level"
    return "level"


def _framework_order(framework: Framework) -> list[Competency]:
    theme_rank = {theme.id: n for n, theme in enumerate(framework.themes)}
    return sorted(
        framework.competencies,
        key=lambda c: (framework.rank(c.level), theme_rank[c.theme]),
    )


def _by_competency(store: Store) -> dict[str, CompetencyEvidence]:
    """Every referenced competency with its evidence, sorted (computed once per store)."""
    cached = store.derived.get("evidence")
    if cached is not None:
        return cached
    framework = store.framework
    assert framework is not None
    today = store.config.effective_today()
    refs: dict[str, list[Evidence]] = {}
    for entry in store.valid:
        doc = entry.doc
        assert doc is not None
        if not doc.competencies:
            continue
        item = _as_evidence(doc, entry.path, today)
        if item is None:
            continue
        named: set[str] = set()
        for ref in doc.competencies:
            for competency in framework.resolve(ref):  # a cell names each of its competencies
                if competency.id not in named:
                    named.add(competency.id)
                    refs.setdefault(competency.id, []).append(item)
    out = {}
    for competency_id, items in refs.items():
        competency = framework.competency(competency_id)
        assert competency is not None
        level = framework.level(competency.level)
        assert level is not None
        out[competency_id] = CompetencyEvidence(
            competency,
            level,
            tuple(_ordered([e for e in items if not e.planned])),
            tuple(_ordered([e for e in items if e.planned])),
        )
    store.derived["evidence"] = out
    return out


def _ordered(items: list[Evidence]) -> list[Evidence]:
    """Done cards and talks given first, then the rest; newest first, then title."""
    items = sorted(items, key=lambda e: (e.doc.title.casefold(), e.doc.id))
    items.sort(key=lambda e: e.date or dt.date.min, reverse=True)
    items.sort(key=lambda e: not e.strong)
    return items


def _as_evidence(doc: Document, path: str, today: dt.date) -> Evidence | None:
    if isinstance(doc, Card):
        return _card_evidence(doc, path)
    future = doc.date is not None and doc.date > today
    reasons: tuple[str, ...] = ()
    state = "dated " + doc.date.isoformat() if future and doc.date else ""
    if isinstance(doc, Talk):
        state = "scheduled" if future else "given"
        reasons = (f"audience: {doc.audience}",) if doc.audience else ()
    elif isinstance(doc, Decision):
        state = doc.status
    return Evidence(
        doc,
        path,
        state or doc.type,
        doc.date,
        doc.horizon,
        reasons,
        strong=isinstance(doc, Talk) and not future,
        planned=future,
    )


def _card_evidence(card: Card, path: str) -> Evidence | None:
    if card.status == "dropped":
        return None
    done = [m for m in card.milestones if m.status == "done"]
    reasons = [f"milestone done: {m.title}" for m in done]
    if card.status == "done":
        reasons += [_metric(m) for m in card.metrics if m.actual is not None]
    planned = card.status == "planned" or not done
    return Evidence(
        card,
        path,
        card.status,
        card.date,
        card.horizon,
        tuple(reasons),
        strong=card.status == "done",
        planned=planned,
    )


def _metric(metric: Metric) -> str:
    unit = f" {metric.unit}" if metric.unit else ""
    moved = (
        f"{_number(metric.baseline)} → {_number(metric.actual)}"
        if metric.baseline is not None
        else _number(metric.actual)
    )
    target = f" (target {_number(metric.target)})" if metric.target is not None else ""
    return f"metric {metric.name}: {moved}{unit}{target}"


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _in_period(item: Evidence, store: Store, start: dt.date, end: dt.date) -> bool:
    if item.date is not None:
        return start <= item.date <= end
    horizon = store.config.horizon(item.horizon) if item.horizon else None
    return horizon is not None and horizon.start <= end and start <= horizon.end
