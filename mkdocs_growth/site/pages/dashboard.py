"""``<base>/index.md``: what is active, what is next, what needs attention."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ...core.options import HorizonSpec
from ...core.store import Store
from ...practice.milestones import active_milestone_count, progress
from ...practice.priority import priorities, ranked_open
from ...practice.schedule import current_horizon
from ..blocks import (
    Block,
    Bullets,
    Code,
    Heading,
    Inline,
    Markup,
    Notice,
    Page,
    Para,
    Strong,
    Table,
)
from ..context import SiteContext
from ..formats import fmt_date, fmt_number, plural
from ..urls import id_page
from . import at_a_glance, pictures
from .common import doc_link, domain_link, horizon_link, newest_first, page_link

TOP_PRIORITIES = 5
LATEST_NOTES = 5

Slot = Callable[[Store, SiteContext], list[Block]]


def pages(store: Store, ctx: SiteContext, slots: Mapping[str, Slot] | None = None) -> list[Page]:
    config = store.config
    here = ctx.path("index.md")
    horizon = current_horizon(config, ctx.today)
    page = Page(here, "Growth dashboard")
    blocks = page.blocks
    # Now, next, on track first: above the fold on a laptop; the north star follows.
    blocks.append(Para(_horizon_line(horizon, ctx)))
    blocks += at_a_glance.lead(store, ctx)
    if config.north_star:
        blocks.append(Notice("quote", "North star", [Para(config.north_star)]))

    active = [c for c in store.cards if c.status == "active"]
    count = active_milestone_count(active)
    over: list[Inline] = []
    if count > config.max_active:
        over = [" (over ", Code("max_active"), ": finish or pause some before starting more)"]
    blocks += [
        Heading(2, "Active work"),
        Para(
            [
                Strong(f"{count} / {config.max_active}"),
                " active milestones across active cards",
                *over,
                ".",
            ]
        ),
    ]
    if active:
        rows = [
            (
                doc_link(store, card),
                domain_link(store, ctx, card.domain),
                horizon_link(ctx, card.horizon),
                str(progress(card)),
                "; ".join(m.title for m in card.milestones if m.status == "active"),
            )
            for card in active
        ]
        head = ("Card", "Domain", "Horizon", "Milestones done", "Active milestones")
        blocks.append(Table(head, rows))
    else:
        blocks.append(Para("No active cards."))
    timeline = pictures.timeline(store, ctx, here, horizon)
    if timeline:
        blocks += [Heading(3, "Milestones by due date"), Markup(timeline)]

    blocks.append(Heading(2, "Top priorities"))
    top = ranked_open(store)[:TOP_PRIORITIES]
    if top:
        prios = priorities(store)
        rows = [
            (
                str(n),
                doc_link(store, card),
                fmt_number(prios[card.id].score),
                prios[card.id].band,
                card.status,
            )
            for n, card in enumerate(top, 1)
        ]
        blocks += [
            Table(("#", "Card", "Score", "Band", "Status"), rows),
            Para(page_link(ctx, "priorities.md", "All priorities")),
        ]
    else:
        blocks.append(Para("No open cards."))

    for fill in (slots or {}).values():
        blocks += fill(store, ctx)

    cadence = pictures.learning_cadence(store, ctx)
    trend = pictures.rubric_trend_chart(store, ctx)
    if cadence or trend:
        blocks.append(Heading(2, "Growth over time"))
        if cadence:
            blocks += [Heading(3, "Learning cadence"), Markup(cadence)]
        if trend:
            blocks += [Heading(3, "Self-rating per horizon"), Markup(trend)]

    blocks.append(Heading(2, "Latest notes"))
    notes = newest_first(store.notes)[:LATEST_NOTES]
    if notes:
        items = [[f"{fmt_date(note.date)}: ", doc_link(store, note)] for note in notes]
        blocks += [Bullets(items), Para(page_link(ctx, "notes.md", "All notes"))]
    else:
        blocks.append(Para("No notes yet."))

    blocks.append(Heading(2, "Problems"))
    errors, warnings = len(store.errors), len(store.warnings)
    if errors or warnings:
        counts = f"{plural(errors, 'error')}, {plural(warnings, 'warning')}"
        blocks.append(Para([page_link(ctx, "problems.md", counts), " in the store."]))
    else:
        blocks.append(Para("No problems: every document is valid."))
    return [page]


def _horizon_line(horizon: HorizonSpec | None, ctx: SiteContext) -> list[Inline]:
    today = fmt_date(ctx.today)
    if horizon is None:
        return [
            Strong("Current horizon:"),
            f" none configured for {today} (",
            page_link(ctx, "horizons/index.md", "all horizons"),
            ")",
        ]
    return [
        Strong("Current horizon:"),
        " ",
        horizon_link(ctx, horizon.id, horizon.title or horizon.id),
        f" ({fmt_date(horizon.start)} to {fmt_date(horizon.end)}, today is {today}) · ",
        page_link(ctx, id_page("reports", horizon.id), "review packet"),
    ]
