"""The top of the dashboard: what am I doing now, what is next, am I on track.

Three short cards in Material's grid (``grid cards``; plain lists where the
theme has no grid), so the answers sit above the fold on a laptop; the
sections under them hold the details.
"""

from __future__ import annotations

import datetime as dt

from ...core.model import Card, Milestone
from ...core.store import Store
from ...practice.milestones import active_milestone_count
from ...practice.priority import ranked_open
from ...practice.schedule import check_in_of, reviews_of
from ..blocks import Block, Bullets, Group, Inline, Link, Para, Strong
from ..context import SiteContext
from ..formats import fmt_date, plural
from .common import doc_link, page_link

GRID = "grid cards"  # Material's card grid (needs no Markdown extension in HTML)
SHOWN = 3  # milestones listed under "Now"


def _open_milestones(cards: list[Card]) -> list[tuple[Card, Milestone]]:
    return [(c, m) for c in cards for m in c.milestones if m.status in ("planned", "active")]


def glance(store: Store, ctx: SiteContext) -> Block:
    """The three cards as one block."""
    active = [c for c in store.cards if c.status == "active"]
    return Group(
        GRID, [Bullets([_now(store, active), _next(store, active), _on_track(store, ctx, active)])]
    )


def _now(store: Store, active: list[Card]) -> list[Inline]:
    doing = [(c, m) for c, m in _open_milestones(active) if m.status == "active"]
    out: list[Inline] = [
        Strong("Now"),
        f": {plural(len(active), 'active card')},"
        f" {active_milestone_count(active)} / {store.config.max_active} active milestones",
    ]
    for card, milestone in doing[:SHOWN]:
        out += ["; ", Link(milestone.title, store.path_of(card))]
    if len(doing) > SHOWN:
        out.append(f"; {len(doing) - SHOWN} more")
    return out


def _next(store: Store, active: list[Card]) -> list[Inline]:
    out: list[Inline] = [Strong("Next")]
    dated = sorted(
        ((m.due, c, m) for c, m in _open_milestones(active) if m.due is not None),
        key=lambda item: (item[0], item[1].title, item[2].title),
    )
    if dated:
        due, card, milestone = dated[0]
        out += [": ", Link(milestone.title, store.path_of(card)), f" (due {fmt_date(due)})"]
    else:
        out.append(": no dated milestone on an active card")
    planned = [c for c in ranked_open(store) if c.status == "planned"]
    if planned:
        out += ["; next card to start: ", doc_link(store, planned[0])]
    return out


def _on_track(store: Store, ctx: SiteContext, active: list[Card]) -> list[Inline]:
    today: dt.date = ctx.today
    late = [m for _, m in _open_milestones(active) if m.due is not None and m.due < today]
    said: list[Inline] = []
    if late:
        said.append(plural(len(late), "late milestone"))
    over = active_milestone_count(active) - store.config.max_active
    if over > 0:
        said.append(f"{over} over max_active")
    plan = reviews_of(store, today)
    if plan is not None and plan.due_count:
        said.append(page_link(ctx, "reviews.md", plural(plan.due_count, "review") + " due"))
    check = check_in_of(store, today)
    if check is not None and check.due:
        said.append(page_link(ctx, "feedback.md", "mentor check-in due"))
    if not said:
        # says only what the store shows: a public view withholds reviews and feedback
        calm = ["nothing late"]
        calm += ["no review due"] if plan is not None else []
        calm += ["no mentor check-in due"] if check is not None else []
        return [Strong("On track"), f": {', '.join(calm)}"]
    out: list[Inline] = [Strong("Needs attention"), ": "]
    for n, item in enumerate(said):
        out += [", " if n else "", item]
    return out


def lead(store: Store, ctx: SiteContext) -> list[Block]:
    """What the dashboard opens with (after its title and horizon line)."""
    return [glance(store, ctx)] if store.cards else [Para("No cards yet.")]
