"""``<base>/reviews.md``: spaced repetition of card concepts, and the dashboard slots.

The dashboard gets two blocks from here (see ``DASHBOARD_SLOTS``): reviews
due now or this week (with the mentor check-in state) and the average
rubric change across done cards.
"""

from __future__ import annotations

import datetime as dt

from ...core.store import Store
from ...practice.rubric import average_change, rubric_known, signed
from ...practice.schedule import INTERVALS, Review, check_in_of, reviews_of
from ..blocks import Block, Heading, Page, Para, Strong, Table, prose
from ..context import SiteContext
from ..formats import fmt_date, plural
from .common import doc_link, page_link

HEAD = ("Due", "Card", "Concepts", "Reviews so far", "Last review")


def pages(store: Store, ctx: SiteContext) -> list[Page]:
    plan = reviews_of(store, ctx.today)
    if plan is None:  # the store withholds what the schedule is computed from
        return []
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
    """Dashboard block: how many reviews are due, and whether a check-in is.

    Each half is left out when the store withholds what it is computed from.
    """
    plan = reviews_of(store, ctx.today)
    state = check_in_of(store, ctx.today)
    if plan is None and state is None:
        return []
    blocks: list[Block] = [Heading(2, "Reviews due")]
    if plan is not None:
        count = plan.due_count
        blocks.append(
            Para(
                [
                    Strong(str(count)),
                    f" concept review{'s' if count != 1 else ''} due now or this week"
                    f" ({len(plan.overdue)} overdue): ",
                    page_link(ctx, "reviews.md", "review schedule"),
                    ".",
                ]
            )
        )
    if state is not None:
        feedback = page_link(ctx, "feedback.md", "feedback")
        if not store.cards:  # a new store: nothing to check in on yet
            blocks.append(Para("Mentor check-ins start with your first card."))
        elif state.due:
            since = f"last feedback {state.age_days} days ago" if state.last else "no feedback yet"
            blocks.append(Para([Strong("Mentor check-in due"), f" ({since}): ", feedback, "."]))
        else:
            blocks.append(
                Para([f"Next mentor check-in by {fmt_date(state.due_on)}: ", feedback, "."])
            )
    return blocks


def rubric_average_slot(store: Store, ctx: SiteContext) -> list[Block]:
    """Dashboard block: average rubric change (after - before) across done cards."""
    if not rubric_known(store):
        return []
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
