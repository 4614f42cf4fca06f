"""``<base>/feedback.md``: every feedback entry across cards, and the check-in notice."""

from __future__ import annotations

from ..render import GeneratedPage
from ..schedule import CHECK_IN_DAYS, check_in, feedback_items
from ..store import Store
from .common import page
from .context import SiteContext


def pages(store: Store, ctx: SiteContext) -> list[GeneratedPage]:
    return [
        page(
            "feedback.md.j2",
            ctx.path("feedback.md"),
            store,
            ctx,
            items=feedback_items(store.cards),
            state=check_in(store.cards, ctx.today),
            weeks=CHECK_IN_DAYS // 7,
            admonition="admonition" in ctx.markdown_extensions,
        )
    ]
