"""``<base>/reviews.md``: spaced repetition of card concepts, and the dashboard slots.

The dashboard gets two blocks from here (see ``DASHBOARD_SLOTS``): reviews
due now or this week (with the mentor check-in state) and the average
rubric change across done cards.
"""

from __future__ import annotations

from ...core.store import Store
from ...practice.rubric import average_change, signed
from ...practice.schedule import INTERVALS, check_in, review_plan
from ..context import SiteContext
from ..render import GeneratedPage, link_to, md_text
from .common import page


def pages(store: Store, ctx: SiteContext) -> list[GeneratedPage]:
    plan = review_plan(store.cards, store.config, ctx.today)
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
    """Dashboard block: how many reviews are due, and whether a check-in is."""
    here = ctx.path("index.md")
    plan = review_plan(store.cards, store.config, ctx.today)
    state = check_in(store.cards, ctx.today)
    reviews = link_to(here, ctx.path("reviews.md"))
    feedback = link_to(here, ctx.path("feedback.md"))
    count = plan.due_count
    lines = [
        "## Reviews due",
        "",
        f"**{count}** concept review{'s' if count != 1 else ''} due now or this week"
        f" ({len(plan.overdue)} overdue): [review schedule]({reviews}).",
        "",
    ]
    if state.due:
        since = f"last feedback {state.age_days} days ago" if state.last else "no feedback yet"
        lines.append(f"**Mentor check-in due** ({since}): [feedback]({feedback}).")
    else:
        lines.append(f"Next mentor check-in by {state.due_on}: [feedback]({feedback}).")
    return "\n".join(lines) + "\n"


def rubric_average_slot(store: Store, ctx: SiteContext) -> str:
    """Dashboard block: average rubric change (after - before) across done cards."""
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
