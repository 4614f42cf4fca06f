"""``<base>/reports/<horizon>.md``: the review packet of every horizon that has started.

The packet (:mod:`mkdocs_growth.practice.report`) rendered as a page: a
summary, then each section of evidence. ``mkdocs-growth report`` prints the
same Markdown (or the model as JSON). Material's print styles leave out the
header and navigation, so the page prints as a document.
"""

from __future__ import annotations

import posixpath
from urllib.parse import urlsplit, urlunsplit

from ...core.model import Card
from ...core.store import Store
from ...practice.report import (
    MetricResult,
    Report,
    build_report,
    horizon_period,
    started_horizons,
)
from ...practice.rubric import DIMENSIONS, signed
from ..context import SiteContext
from ..render import GeneratedPage, fmt_number, link_to, md_url
from .common import page


def report_path(ctx: SiteContext, report: Report) -> str:
    """Where the packet's page goes (a date range gets ``<from>--<to>.md``)."""
    period = report.period
    name = period.horizon.id if period.horizon else f"{period.start}--{period.end}"
    return ctx.path(f"reports/{name}.md")


def report_page(report: Report, store: Store, ctx: SiteContext) -> GeneratedPage:
    here = report_path(ctx, report)

    def artifact_link(card: Card, url: str) -> str:
        return artifact_target(url, store.path_of(card), here)

    return page(
        "report.md.j2",
        here,
        store,
        ctx,
        report=report,
        dimensions=DIMENSIONS,
        signed=signed,
        change=_change,
        artifact_link=artifact_link,
    )


def pages(store: Store, ctx: SiteContext) -> list[GeneratedPage]:
    return [
        report_page(build_report(store, horizon_period(spec), ctx.today), store, ctx)
        for spec in started_horizons(store, ctx.today)
    ]


def artifact_target(url: str, card_path: str, here: str) -> str:
    """An artifact URL as a Markdown link target from the page at ``here``.

    A relative URL is relative to the card that names it; it is rebased so it
    reaches the same file from this page (MkDocs then resolves ``.md`` links).
    """
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
        return md_url(url)
    target = posixpath.normpath(posixpath.join(posixpath.dirname(card_path), parts.path))
    if target == ".." or target.startswith("../"):
        return md_url(url)  # outside the docs: leave it as written
    rebased = link_to(here, target) + ("/" if parts.path.endswith("/") else "")
    return md_url(urlunsplit(("", "", rebased, parts.query, parts.fragment)))


def _change(result: MetricResult) -> str:
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
