"""``<base>/priorities.md``: open cards in the contract's order."""

from __future__ import annotations

from ..render import GeneratedPage
from ...core.store import Store
from ...practice.priority import priority_rows
from .common import page
from ..context import SiteContext


def pages(store: Store, ctx: SiteContext) -> list[GeneratedPage]:
    rows = priority_rows(store)
    paths = {row.id: store.by_id[row.id].path for row in rows}
    return [
        page(
            "priorities.md.j2",
            ctx.path("priorities.md"),
            store,
            ctx,
            rows=rows,
            paths=paths,
            weights=store.config.weights,
        )
    ]
