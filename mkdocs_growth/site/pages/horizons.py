"""``<base>/horizons/``: current and upcoming 90-day horizons; past ones form the archive."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ...core.model import Card, Document, Retro
from ...core.options import HorizonSpec
from ...core.store import Store
from ...practice.priority import ranked_open
from ...practice.rubric import change, rubric_known, signed
from ...practice.schedule import horizon_state, horizons_in_use
from ..context import SiteContext
from ..render import GeneratedPage
from . import pictures
from .common import newest_first, page


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


def pages(store: Store, ctx: SiteContext) -> list[GeneratedPage]:
    groups = horizon_groups(store, ctx)
    sections = (
        ("Current", [g for g in groups if g.state == "current"]),
        ("Upcoming", [g for g in groups if g.state == "future"]),
        ("Archive", [g for g in reversed(groups) if g.state == "past"]),
    )
    out = [page("horizons.md.j2", ctx.path("horizons/index.md"), store, ctx, sections=sections)]
    out += [
        page(
            "horizon.md.j2",
            ctx.path(f"horizons/{g.spec.id}.md"),
            store,
            ctx,
            group=g,
            rubric_change=(lambda card: signed(change(card))) if rubric_known(store) else None,
            timeline=pictures.timeline(store, ctx, ctx.path(f"horizons/{g.spec.id}.md"), g.spec),
            packet=g.spec.start <= ctx.today,
        )
        for g in groups
    ]
    return out
