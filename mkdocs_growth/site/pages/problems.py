"""``<base>/problems.md``: every error and warning, linked to the page of its file."""

from __future__ import annotations

from ..render import GeneratedPage
from ...core.store import Store
from .common import page
from ..context import SiteContext


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
