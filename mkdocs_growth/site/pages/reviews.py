"""``<base>/reviews.md``: spaced repetition of card concepts, and the dashboard slots.

The dashboard gets two blocks from here (see ``DASHBOARD_SLOTS``): reviews
due now or this week (with the mentor check-in state) and the average
rubric change across done cards.
"""

from __future__ import annotations

import datetime as dt

from ...core.store import Store
from ...practice.rubric import average_change, signed
from ...practice.schedule import INTERVALS, Review, check_in, review_plan
from ..blocks import Block, Heading, Page, Para, Strong, Table, prose
from ..context import SiteContext
from ..formats import fmt_date, plural
from .common import doc_link, page_link

HEAD = ("Due", "Card", "Concepts", "Reviews so far", "Last review")


def pages(store: Store, ctx: SiteContext) -> list[Page]:
    plan = review_plan(store.cards, store.config, ctx.today)
    intervals = ", ".join(str(i) for i in INTERVALS)
    intro = (
        "Spaced repetition of the key concepts of open cards. After n recorded reviews"
        " (the card's `reviewed:` dates) the next one is due the n-th interval"
        f" ({intervals} days, then every 120) after the last; with none, one day after"
        " the card's `date` (else its horizon's start)."
        f" Today is {fmt_date(ctx.today)}: "
    )
    page = Page(ctx.path("reviews.md"), "Reviews")
    page.blocks += [
        Para([*prose(intro), Strong(str(plan.due_count)), " due now or this week."]),
        Para(prose("To record a review, add today's date to the card's `reviewed:` list.")),
    ]
    groups = [
        ("Overdue", plan.overdue, "Nothing overdue."),
        ("Due this week", plan.week, "Nothing due in the next seven days."),
        ("Later", plan.later, "Nothing scheduled later."),
    ]
    for heading, items, empty in groups:
        page.blocks.append(Heading(2, heading))
        if items:
            rows = [
                (
                    f"{fmt_date(r.due)} ({_when(r, ctx.today)})",
                    doc_link(store, r.card),
                    ", ".join(r.card.concepts),
                    str(r.reviews),
                    fmt_date(r.last) if r.last else "never",
                )
                for r in items
            ]
            page.blocks.append(Table(HEAD, rows))
        else:
            page.blocks.append(Para(empty))
    return [page]


def _when(review: Review, today: dt.date) -> str:
    days = review.days_until(today)
    if days == 0:
        return "today"
    if days < 0:
        return f"{plural(-days, 'day')} ago"
    return f"in {plural(days, 'day')}"


def reviews_due_slot(store: Store, ctx: SiteContext) -> list[Block]:
    """Dashboard block: how many reviews are due, and whether a check-in is."""
    plan = review_plan(store.cards, store.config, ctx.today)
    state = check_in(store.cards, ctx.today)
    feedback = page_link(ctx, "feedback.md", "feedback")
    count = plan.due_count
    reviews = Para(
        [
            Strong(str(count)),
            f" concept review{'s' if count != 1 else ''} due now or this week"
            f" ({len(plan.overdue)} overdue): ",
            page_link(ctx, "reviews.md", "review schedule"),
            ".",
        ]
    )
    if state.due:
        since = f"last feedback {state.age_days} days ago" if state.last else "no feedback yet"
        check = Para([Strong("Mentor check-in due"), f" ({since}): ", feedback, "."])
    else:
        check = Para([f"Next mentor check-in by {fmt_date(state.due_on)}: ", feedback, "."])
    return [Heading(2, "Reviews due"), reviews, check]


def rubric_average_slot(store: Store, ctx: SiteContext) -> list[Block]:
    """Dashboard block: average rubric change (after - before) across done cards."""
    value, count = average_change(store.cards)
    if value is None:
        said = Para("No done card has a rubric before and after yet.")
    else:
        said = Para(
            [
                f"Average change across {plural(count, 'done card')} rated before and after: ",
                Strong(signed(value)),
                " points (confidence, competence, impact, clarity; 1 to 5).",
            ]
        )
    return [Heading(2, "Rubric change"), said]
