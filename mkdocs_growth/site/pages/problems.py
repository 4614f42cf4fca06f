"""``<base>/problems.md``: every error and warning, linked to the page of its file."""

from __future__ import annotations

from ...core.store import Store
from ..context import SiteContext
from ..render import GeneratedPage
from .common import page


def pages(store: Store, ctx: SiteContext) -> list[GeneratedPage]:
    return [
        page(
            "problems.md.j2",
            ctx.path("problems.md"),
            store,
            ctx,
            problems=store.problems,
            errors=len(store.errors),
            warnings=len(store.warnings),
        )
    ]
