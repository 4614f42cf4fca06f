"""``<base>/index.md``: what is active, what is next, what needs attention."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ...core.store import Store
from ...practice.milestones import active_milestone_count, progress
from ...practice.priority import ranked_open
from ...practice.schedule import current_horizon
from ..context import SiteContext
from ..render import GeneratedPage
from . import pictures
from .common import newest_first, page

TOP_PRIORITIES = 5
LATEST_NOTES = 5


def pages(
    store: Store,
    ctx: SiteContext,
    slots: Mapping[str, Callable[[Store, SiteContext], str]] | None = None,
) -> list[GeneratedPage]:
    active = [c for c in store.cards if c.status == "active"]
    filled = {name: fill(store, ctx) for name, fill in (slots or {}).items()}
    horizon = current_horizon(store.config, ctx.today)
    here = ctx.path("index.md")
    return [
        page(
            "dashboard.md.j2",
            ctx.path("index.md"),
            store,
            ctx,
            config=store.config,
            horizon=horizon,
            active=[(c, progress(c)) for c in active],
            active_milestones=active_milestone_count(active),
            top=ranked_open(store)[:TOP_PRIORITIES],
            notes=newest_first(store.notes)[:LATEST_NOTES],
            errors=len(store.errors),
            warnings=len(store.warnings),
            slots=filled,
            timeline=pictures.timeline(store, ctx, here, horizon),
            cadence=pictures.learning_cadence(store, ctx),
            rubric_trend=pictures.rubric_trend_chart(store, ctx),
        )
    ]
