"""``<base>/priorities.md``: open cards in the contract's order."""

from __future__ import annotations

from ...core.store import Store
from ...practice.priority import priority_rows
from ..context import SiteContext
from ..render import GeneratedPage
from . import pictures
from .common import page


def pages(store: Store, ctx: SiteContext) -> list[GeneratedPage]:
    rows = priority_rows(store)
    paths = {row.id: store.by_id[row.id].path for row in rows}
    here = ctx.path("priorities.md")
    return [
        page(
            "priorities.md.j2",
            ctx.path("priorities.md"),
            store,
            ctx,
            rows=rows,
            paths=paths,
            weights=store.config.weights,
            matrix=pictures.matrix(store, ctx, here),
        )
    ]
