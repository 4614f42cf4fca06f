"""``<base>/reports/<horizon>.md``: the review packet of every horizon that has started.

The packet (:mod:`mkdocs_growth.practice.report`) laid out as a page model: a
summary, then one section per kind of evidence, each a table (with a
progression framework, last, the evidence by competency of the period). The plugin
renders it to HTML like every generated page; ``mkdocs-growth report`` prints
its Markdown (or the packet as JSON), which is also the page ``generate``
writes. Material's print styles leave out the header and navigation, so the
page prints as a document.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ...core.framework import Competency
from ...core.model import Card, Document
from ...core.store import Store
from ...practice.evidence import EvidenceReport
from ...practice.report import (
    MetricResult,
    Report,
    build_report,
    horizon_period,
    started_horizons,
)
from ...practice.rubric import DIMENSIONS, signed
from ..blocks import Block, Code, Em, Heading, Inline, Link, Page, Para, Strong, Table, Url, join
from ..context import SiteContext
from ..formats import fmt_date, fmt_number
from ..urls import id_page
from .common import artifact_link, page_link
from .competencies import PATH as COMPETENCIES_PAGE
from .competencies import evidence_line, role

Cell = Inline  # text, a link, or pieces run together


@dataclass
class Section:
    """A heading and a table (or, without ``head``, a line of text), with what to say when empty."""

    title: str
    level: int = 2
    head: tuple[str, ...] = ()
    rows: list[Sequence[Cell]] = field(default_factory=list)
    empty: str = ""
    text: str = ""  # a paragraph under the heading (growth's own words)


def report_path(ctx: SiteContext, report: Report) -> str:
    """Where the packet's page goes (a date range gets ``<from>--<to>.md``)."""
    period = report.period
    name = period.horizon.id if period.horizon else f"{period.start}--{period.end}"
    return ctx.path(id_page("reports", name))


def sections(report: Report, store: Store, ctx: SiteContext) -> list[Section]:
    """What the packet page shows, in order (renderer-neutral)."""
    period = report.period

    def card(c: Card) -> Link:
        return Link(c.title, store.path_of(c))

    def doc(d: Document) -> Link:
        return Link(d.title, store.path_of(d))

    intro: list[Inline] = [f"{fmt_date(period.start)} to {fmt_date(period.end)}"]
    if period.horizon is not None:
        intro += [" · ", Link("horizon page", ctx.path(id_page("horizons", period.horizon.id)))]
    count = len(report.cards)
    intro.append(f" · {count} card{'s' if count != 1 else ''} · as of {fmt_date(report.today)}")
    out = [
        Section("", 1, rows=[[intro]]),
        Section(
            "",
            1,
            text="What this period produced and how it was measured, for a review with a"
            " mentor or manager. Printing the page leaves out the site's navigation.",
        ),
        Section("", 1, ("Evidence", "In this period"), _summary(report)),
        Section(
            "Milestones done",
            head=("Card", "Milestone", "Definition of done", "Due"),
            rows=[
                (card(m.card), f"{m.index + 1}. {m.title}", m.done_when, fmt_date(m.due))
                for m in report.milestones_done
            ],
            empty="No milestone done yet.",
        ),
    ]
    if report.shows("metrics"):
        out.append(
            Section(
                "Metrics: baseline to actual",
                head=("Card", "Metric", "Baseline", "Actual", "Change", "Target"),
                rows=[_metric_row(r, card(r.card)) for r in report.metrics],
                empty="No metrics on this period's cards.",
            )
        )
    if report.shows("artifacts"):
        out.append(Section("Artifacts"))
        for kind, items in report.artifacts.items():
            rows: list[Sequence[Cell]] = [
                (
                    artifact_link(a.artifact, store.path_of(a.card)),
                    card(a.card),
                )
                for a in items
            ]
            out.append(Section(kind.capitalize(), 3, ("Artifact", "Card"), rows, "None."))
    out.append(Section("Notes, talks and decisions"))
    out += [
        Section(
            "Notes",
            3,
            ("Date", "Note"),
            [(fmt_date(d.date), doc(d)) for d in report.notes],
            "None in this period.",
        ),
        Section(
            "Talks",
            3,
            ("Date", "Talk", "Audience"),
            [(fmt_date(d.date), doc(d), d.audience or "") for d in report.talks],
            "None in this period.",
        ),
        Section(
            "Decisions",
            3,
            ("Date", "Decision", "Status"),
            [(fmt_date(d.date), doc(d), d.status) for d in report.decisions],
            "None in this period.",
        ),
    ]
    if report.shows("feedback"):
        out.append(
            Section(
                "Feedback received",
                head=("Date", "From", "Card", "Went well", "Didn't", "Try next"),
                rows=[
                    (
                        fmt_date(f.entry.date),
                        f.entry.from_ or "",
                        card(f.card),
                        f.entry.went_well or "",
                        f.entry.didnt or "",
                        f.entry.try_next or "",
                    )
                    for f in report.feedback
                ],
                empty="No feedback recorded in this period.",
            )
        )
    if report.shows("rubric"):
        out.append(
            Section(
                "Rubric before and after",
                head=("Card", *(d.capitalize() for d in DIMENSIONS), "Change"),
                rows=[
                    (
                        card(r.card),
                        *(
                            f"{getattr(r.before, d) if r.before else '–'} →"
                            f" {getattr(r.after, d) if r.after else '–'}"
                            for d in DIMENSIONS
                        ),
                        signed(r.change) or "–",
                    )
                    for r in report.rubric
                ],
                empty="No card of this period is rated yet.",
            )
        )
    return out + _competency_sections(report, store, ctx)


EVIDENCE = "Evidence by competency"


def _competency_sections(report: Report, store: Store, ctx: SiteContext) -> list[Section]:
    """Per theme, the competencies of the levels that matter and this period's evidence.

    Absent without a framework; a framework with errors gets a line, not silence.
    """
    found = report.competencies
    if found is None:
        if store.config.framework is None:
            return []
        broken: Inline = [
            "The progression framework ",
            Code(store.config.framework),
            " has errors, so no evidence is shown: see ",
            page_link(ctx, "problems.md", "Problems"),
            ".",
        ]
        return [Section(EVIDENCE, rows=[[broken]])]
    fw = found.framework
    intro: Inline = [
        "For each theme of ",
        Em(fw.name) if fw.name else "the progression framework",
        f", the competency at {_levels_shown(found)} and the documents of this period that"
        " are evidence for it, done cards and talks given first. All periods, with the work"
        " planned: the ",
        page_link(ctx, COMPETENCIES_PAGE, "competencies page"),
        ".",
    ]
    rows: list[Sequence[Cell]] = []
    for theme in found.themes:
        for cell in theme.cells:  # each competency of the cell is a row
            for competency in cell.competencies:
                evidence: list[Inline] = []
                for item in competency.evidence:
                    if evidence:
                        evidence.append("; ")
                    evidence += evidence_line(item)
                rows.append(
                    (
                        theme.theme.name,
                        [cell.level.name, role(found, cell.level)],
                        _competency_text(competency.competency),
                        evidence or [Strong("Gap:"), " no evidence in this period."],
                    )
                )
    return [
        Section(EVIDENCE, rows=[[intro]]),
        Section(
            "",
            2,
            ("Theme", "Level", "Competency", "Evidence in this period"),
            rows,
            "The framework has no competency at these levels.",
        ),
    ]


def _competency_text(competency: Competency) -> Inline:
    """The competency's words, its examples after them, its supporting links (http(s) only)."""
    out: list[Inline] = [competency.summary.strip()]
    if competency.examples:
        out.append(" Examples: " + "; ".join(e.strip() for e in competency.examples) + ".")
    if competency.supporting_urls:
        out += [" See also: ", *join([Url(u.label, u.url) for u in competency.supporting_urls])]
    return out


def _levels_shown(found: EvidenceReport) -> str:
    current, target = found.current, found.target
    if current is None and target is None:
        return "every level"
    if current is not None and target is not None and current.id != target.id:
        return "each level from the current to the target level"
    return "the target level" if target is not None else "the current level"


def _summary(report: Report) -> list[Sequence[Cell]]:
    rows: list[Sequence[Cell]] = [("Milestones done", str(len(report.milestones_done)))]
    if report.shows("metrics"):
        measured = sum(1 for r in report.metrics if r.change is not None)
        rows.append(
            ("Metrics measured (baseline and actual)", f"{measured} of {len(report.metrics)}")
        )
    if report.shows("artifacts"):
        kinds = ", ".join(str(len(items)) for items in report.artifacts.values())
        rows.append(("Artifacts (technical, process, people)", kinds))
    rows.append(
        (
            "Notes, talks, decisions",
            f"{len(report.notes)}, {len(report.talks)}, {len(report.decisions)}",
        )
    )
    if report.shows("feedback"):
        rows.append(("Feedback entries", str(len(report.feedback))))
    if report.shows("rubric"):
        rows.append(
            (
                "Rubric change (average of cards rated before and after)",
                signed(report.rubric_average) or "not rated yet",
            )
        )
    if report.competencies is not None:
        rows.append((EVIDENCE, "; ".join(str(s) for s in report.competencies.summaries)))
    return rows


def _metric_row(result: MetricResult, card: Link) -> tuple[Cell, ...]:
    metric = result.metric
    unit = f" {metric.unit}" if metric.unit else ""

    def value(number: float | None) -> str:
        return "" if number is None else f"{fmt_number(number)}{unit}"

    return (
        card,
        metric.name,
        value(metric.baseline),
        value(metric.actual),
        metric_change(result),
        value(metric.target),
    )


def metric_change(result: MetricResult) -> str:
    """``-25 minutes (-26.3%), toward target`` for a metric with baseline and actual."""
    change = result.change
    if change is None:
        return "not measured yet" if result.metric.actual is None else ""
    unit = result.metric.unit
    text = fmt_number(change) if change < 0 else f"+{fmt_number(change)}"
    if unit:
        text += " points" if unit == "%" else f" {unit}"
    if result.change_percent is not None and unit != "%":
        text += f" ({result.change_percent:+g}%)"
    if result.target_met:
        text += ", target met"
    elif result.toward_target is not None:
        text += ", toward target" if result.toward_target else ", away from target"
    return text


def report_page(report: Report, store: Store, ctx: SiteContext) -> Page:
    """The packet as a page model: each section a heading and a table (or a line of text)."""
    blocks: list[Block] = []
    for section in sections(report, store, ctx):
        if section.title:
            blocks.append(Heading(section.level, section.title))
        if section.text:
            blocks.append(Para(section.text))
        if not section.head:
            blocks += [Para(row[0]) for row in section.rows]
        elif not section.rows:
            blocks.append(Para(section.empty))
        else:
            blocks.append(Table(section.head, section.rows))
    return Page(report_path(ctx, report), f"Review packet: {report.period.title}", blocks)


def pages(store: Store, ctx: SiteContext) -> list[Page]:
    return [
        report_page(build_report(store, horizon_period(spec), ctx.today), store, ctx)
        for spec in started_horizons(store, ctx.today)
    ]
