"""``<base>/cards/``: each card's header as a page of its own, for ``generate`` only.

In a build with the plugin the header sits on the card's own page. Without
the plugin nothing can add it there (the author's file is never rewritten),
so ``generate`` writes it next to the other generated pages, with a link to
the card.
"""

from __future__ import annotations

from ...core.store import Store
from ...practice.priority import priorities
from ..blocks import Block, Link, Page, Para, Table
from ..context import SiteContext
from ..formats import fmt_number
from ..urls import id_page
from .card_header import card_header


def pages(store: Store, ctx: SiteContext) -> list[Page]:
    out = []
    rows = []
    prios = priorities(store)
    for card in sorted(store.cards, key=lambda c: (c.title.casefold(), c.id)):
        path = ctx.path(id_page("cards", card.id))
        header = card_header(card, store, ctx)
        out.append(
            Page(path, card.title, [Para(Link("Read the card", store.path_of(card))), header])
        )
        prio = prios[card.id]
        rows.append((Link(card.title, path), card.status, f"{fmt_number(prio.score)} {prio.band}"))
    blocks: list[Block] = [
        Para(
            "Each card's header (scores, milestones, rubric, metrics) as its own page,"
            " for sites built without the growth plugin."
        ),
        Table(("Card", "Status", "Priority"), rows) if rows else Para("No valid cards."),
    ]
    out.append(Page(ctx.path("cards/index.md"), "Card headers", blocks))
    return out
