"""``<base>/horizons/``: current and upcoming 90-day horizons; past ones form the archive."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ...core.model import Card, Document, Retro
from ...core.options import HorizonSpec
from ...core.store import Store
from ...practice.milestones import progress
from ...practice.priority import priorities, ranked_open
from ...practice.rubric import change, rubric_known, signed
from ...practice.schedule import horizon_state, horizons_in_use
from ..blocks import Bullets, Heading, Inline, Markup, Page, Para, Table
from ..context import SiteContext
from ..formats import fmt_date, fmt_number
from ..urls import id_page
from . import pictures
from .common import doc_link, horizon_link, newest_first, page_link


@dataclass
class HorizonGroup:
    spec: HorizonSpec
    state: str  # past | current | future
    cards: list[Card] = field(default_factory=list)  # open by priority, then the rest
    retros: list[Retro] = field(default_factory=list)
    dated: list[Document] = field(default_factory=list)  # notes, decisions, talks in its dates


def horizon_specs(store: Store, ctx: SiteContext) -> list[HorizonSpec]:
    """Configured horizons, or every quarter in use plus the current one; by start date."""
    return horizons_in_use(store, ctx.today)


def horizon_groups(store: Store, ctx: SiteContext) -> list[HorizonGroup]:
    specs = horizon_specs(store, ctx)
    groups = {s.id: HorizonGroup(s, horizon_state(s, ctx.today)) for s in specs}
    for card in ranked_open(store):
        if card.horizon in groups:
            groups[card.horizon].cards.append(card)
    for card in sorted((c for c in store.cards if not c.is_open), key=lambda c: c.title.casefold()):
        if card.horizon in groups:
            groups[card.horizon].cards.append(card)
    dated: dict[str, list[Document]] = defaultdict(list)
    for doc in [*store.notes, *store.decisions, *store.talks]:
        for spec in specs:  # few horizons: O(documents x horizons)
            if spec.start <= doc.sort_date <= spec.end:
                dated[spec.id].append(doc)
    for retro in store.retros:
        if retro.horizon in groups:
            groups[retro.horizon].retros.append(retro)
    for group in groups.values():
        group.retros = newest_first(group.retros)
        group.dated = newest_first(dated[group.spec.id])
    return [groups[s.id] for s in specs]


STATE_WORD = {"past": "archived", "current": "current", "future": "upcoming"}


def pages(store: Store, ctx: SiteContext) -> list[Page]:
    groups = horizon_groups(store, ctx)
    sections = (
        ("Current", [g for g in groups if g.state == "current"]),
        ("Upcoming", [g for g in groups if g.state == "future"]),
        ("Archive", [g for g in reversed(groups) if g.state == "past"]),
    )
    index = Page(ctx.path("horizons/index.md"), "Horizons")
    index.blocks.append(
        Para(f"90-day horizons; today is {fmt_date(ctx.today)}. Past horizons form the archive.")
    )
    head = ("Horizon", "Dates", "Open cards", "All cards", "Retros")
    for title, section in sections:
        rows = [
            (
                horizon_link(ctx, g.spec.id, g.spec.title or g.spec.id),
                f"{fmt_date(g.spec.start)} to {fmt_date(g.spec.end)}",
                str(sum(c.is_open for c in g.cards)),
                str(len(g.cards)),
                str(len(g.retros)),
            )
            for g in section
        ]
        index.blocks += [Heading(2, title), Table(head, rows) if rows else Para("None.")]
    return [index, *(_horizon_page(store, ctx, g) for g in groups)]


def _horizon_page(store: Store, ctx: SiteContext, group: HorizonGroup) -> Page:
    spec = group.spec
    here = ctx.path(id_page("horizons", spec.id))
    page = Page(here, spec.title or spec.id)
    dates = f"{fmt_date(spec.start)} to {fmt_date(spec.end)} ({STATE_WORD[group.state]}). "
    line: list[Inline] = [dates, page_link(ctx, "horizons/index.md", "All horizons")]
    if spec.start <= ctx.today:  # a started horizon has its review packet
        line += [" · ", page_link(ctx, id_page("reports", spec.id), "Review packet")]
    page.blocks += [Para(line), Heading(2, "Cards")]
    if group.cards:
        archived = group.state == "past"
        rated = archived and rubric_known(store)  # a public view may withhold the ratings
        prios = priorities(store)
        items = []
        for card in group.cards:
            prio = prios[card.id]
            text = (
                f" · {card.status} · {store.config.domain(card.domain).label}"
                f" · {fmt_number(prio.score)} {prio.band} · {progress(card)} milestones done"
            )
            if rated:
                text += f" · rubric change: {signed(change(card)) or 'not rated'}"
            items.append([doc_link(store, card), text])
        if not archived:
            intro = "Open cards by priority, then done and dropped ones."
        elif rated:
            intro = (
                "Final status of each card. Rubric change: the average of after minus before,"
                " per card."
            )
        else:
            intro = "Final status of each card."
        page.blocks += [Para(intro), Bullets(items)]
    else:
        page.blocks.append(Para("No cards in this horizon."))
    timeline = pictures.timeline(store, ctx, here, spec)
    if timeline:
        page.blocks += [Heading(2, "Milestones by due date"), Markup(timeline)]
    page.blocks.append(Heading(2, "Retrospectives"))
    if group.retros:
        retros = [[f"{fmt_date(r.date)}: ", doc_link(store, r)] for r in group.retros]
        page.blocks.append(Bullets(retros))
    else:
        page.blocks.append(Para("No retrospective yet."))
    page.blocks.append(Heading(2, "Notes, decisions and talks in this horizon"))
    if group.dated:
        dated = [[f"{fmt_date(d.date)} · {d.type}: ", doc_link(store, d)] for d in group.dated]
        page.blocks.append(Bullets(dated))
    else:
        page.blocks.append(Para("Nothing dated in this horizon."))
    return page
