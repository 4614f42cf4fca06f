"""``<base>/reviews.md``: spaced repetition of card concepts, and the dashboard slots.

The dashboard gets two blocks from here (see ``DASHBOARD_SLOTS``): reviews
due now or this week (with the mentor check-in state) and the average
rubric change across done cards.
"""

from __future__ import annotations

from ...core.store import Store
from ...practice.rubric import average_change, rubric_known, signed
from ...practice.schedule import INTERVALS, check_in_of, reviews_of
from ..context import SiteContext
from ..render import GeneratedPage, link_to, md_text
from .common import page


def pages(store: Store, ctx: SiteContext) -> list[GeneratedPage]:
    plan = reviews_of(store, ctx.today)
    if plan is None:  # the store withholds what the schedule is computed from
        return []
    groups = [
        ("Overdue", plan.overdue, "Nothing overdue."),
        ("Due this week", plan.week, "Nothing due in the next seven days."),
        ("Later", plan.later, "Nothing scheduled later."),
    ]
    return [
        page(
            "reviews.md.j2",
            ctx.path("reviews.md"),
            store,
            ctx,
            plan=plan,
            groups=groups,
            intervals=", ".join(str(i) for i in INTERVALS),
        )
    ]


def reviews_due_slot(store: Store, ctx: SiteContext) -> str:
    """Dashboard block: how many reviews are due, and whether a check-in is.

    Each half is left out when the store withholds what it is computed from.
    """
    here = ctx.path("index.md")
    plan = reviews_of(store, ctx.today)
    state = check_in_of(store, ctx.today)
    if plan is None and state is None:
        return ""
    lines = ["## Reviews due", ""]
    if plan is not None:
        reviews = link_to(here, ctx.path("reviews.md"))
        count = plan.due_count
        lines += [
            f"**{count}** concept review{'s' if count != 1 else ''} due now or this week"
            f" ({len(plan.overdue)} overdue): [review schedule]({reviews}).",
            "",
        ]
    if state is not None:
        feedback = link_to(here, ctx.path("feedback.md"))
        if not store.cards:  # a new store: nothing to check in on yet
            lines.append("Mentor check-ins start with your first card.")
        elif state.due:
            since = f"last feedback {state.age_days} days ago" if state.last else "no feedback yet"
            lines.append(f"**Mentor check-in due** ({since}): [feedback]({feedback}).")
        else:
            lines.append(f"Next mentor check-in by {state.due_on}: [feedback]({feedback}).")
    return "\n".join(lines).rstrip("\n") + "\n"


def rubric_average_slot(store: Store, ctx: SiteContext) -> str:
    """Dashboard block: average rubric change (after - before) across done cards."""
    if not rubric_known(store):
        return ""
    value, count = average_change(store.cards)
    lines = ["## Rubric change", ""]
    if value is None:
        lines.append("No done card has a rubric before and after yet.")
    else:
        lines.append(
            f"Average change across {count} done card{'s' if count != 1 else ''} rated before"
            f" and after: **{md_text(signed(value))}** points (confidence, competence, impact,"
            " clarity; 1 to 5)."
        )
    return "\n".join(lines) + "\n"
