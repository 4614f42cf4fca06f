"""``<base>/priorities.md``: open cards in the contract's order, with the formula."""

from __future__ import annotations

from ...core.store import Store
from ...practice.priority import priority_rows
from ..blocks import Block, Code, Link, Markup, Page, Para, Table
from ..context import SiteContext
from ..formats import fmt_number
from . import pictures
from .common import domain_link, horizon_link

# The score and band first (the point of the page), then where the card sits; the four
# scores behind a score are on the card's own page (its header), not in this table.
HEAD = ("Card", "Score", "Band", "Status", "Domain", "Horizon")


def pages(store: Store, ctx: SiteContext) -> list[Page]:
    w = store.config.weights
    total = w.impact + w.effort + w.reusability + w.learnings
    formula = (
        "Open cards (planned and active), highest priority first. Score ="
        f" (impact × {fmt_number(w.impact)} + (6 − effort) × {fmt_number(w.effort)}"
        f" + reusability × {fmt_number(w.reusability)} + learnings × {fmt_number(w.learnings)})"
        f" ÷ {fmt_number(total)}; band high ≥ 3.5, medium ≥ 2.5, else low."
        " Ties: impact, then lower effort, then title. Each card's page shows its four scores."
    )
    rows = [
        (
            [Link(r.title, store.by_id[r.id].path), " ", Code(r.id)],
            f"{r.score:.2f}",
            r.band,
            r.status,
            domain_link(store, ctx, r.domain, r.domain),
            horizon_link(ctx, r.horizon),
        )
        for r in priority_rows(store)
    ]
    here = ctx.path("priorities.md")
    blocks: list[Block] = [Para(formula)]
    matrix = pictures.matrix(store, ctx, here)
    if matrix:
        blocks.append(Markup(matrix))
    blocks.append(Table(HEAD, rows) if rows else Para("No open cards."))
    return [Page(here, "Priorities", blocks)]
