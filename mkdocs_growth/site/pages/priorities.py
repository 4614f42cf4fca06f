"""``<base>/priorities.md``: open cards in the contract's order, with the formula."""

from __future__ import annotations

from ...core.store import Store
from ...practice.priority import priority_rows
from ..blocks import Block, Code, Link, Markup, Page, Para, Table
from ..context import SiteContext
from ..formats import fmt_number
from . import pictures
from .common import domain_link, horizon_link

HEAD = ("#", "id", "Title", "Domain", "Horizon", "Status", "I", "E", "R", "L", "Score", "Band")


def pages(store: Store, ctx: SiteContext) -> list[Page]:
    w = store.config.weights
    total = w.impact + w.effort + w.reusability + w.learnings
    formula = (
        "Open cards (planned and active), highest priority first. Score ="
        f" (impact × {fmt_number(w.impact)} + (6 − effort) × {fmt_number(w.effort)}"
        f" + reusability × {fmt_number(w.reusability)} + learnings × {fmt_number(w.learnings)})"
        f" ÷ {fmt_number(total)}; band high ≥ 3.5, medium ≥ 2.5, else low."
        " Ties: impact, then lower effort, then title."
    )
    rows = [
        (
            str(n),
            Code(r.id),
            Link(r.title, store.by_id[r.id].path),
            domain_link(store, ctx, r.domain, r.domain),
            horizon_link(ctx, r.horizon),
            r.status,
            str(r.impact),
            str(r.effort),
            str(r.reusability),
            str(r.learnings),
            f"{r.score:.2f}",
            r.band,
        )
        for n, r in enumerate(priority_rows(store), 1)
    ]
    here = ctx.path("priorities.md")
    blocks: list[Block] = [Para(formula)]
    matrix = pictures.matrix(store, ctx, here)
    if matrix:
        blocks.append(Markup(matrix))
    blocks.append(Table(HEAD, rows) if rows else Para("No open cards."))
    return [Page(here, "Priorities", blocks)]
