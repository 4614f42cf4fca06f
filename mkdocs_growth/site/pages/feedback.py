"""``<base>/feedback.md``: every feedback entry across cards, and the check-in notice.

Entries of the last :data:`RECENT_DAYS` are shown in full, at most
:data:`FULL_MAX` of them (what a check-in needs); the others are listed by
card (dates and authors; the card page has their full text). That keeps the
page readable, and the build from rendering years of feedback a second time
(every card header already shows its own).
"""

from __future__ import annotations

from dataclasses import dataclass

from ...core.model import Card, Feedback
from ...core.store import Store
from ...practice.schedule import (
    CHECK_IN_DAYS,
    CheckIn,
    FeedbackItem,
    check_in_of,
    feedback_items,
    shift,
)
from ..blocks import Block, Heading, Notice, Page, Para, Table, prose
from ..context import SiteContext
from ..formats import fmt_date
from .common import doc_link

RECENT_DAYS = 182  # about two 90-day horizons
FULL_MAX = 50


def pages(store: Store, ctx: SiteContext) -> list[Page]:
    state = check_in_of(store, ctx.today)
    if state is None:  # the store withholds feedback: no page to show
        return []
    items = feedback_items(store.cards)  # newest first
    since = shift(ctx.today, -RECENT_DAYS)
    recent = [i for i in items[:FULL_MAX] if i.entry.date >= since]
    page = Page(ctx.path("feedback.md"), "Feedback")
    page.blocks += [
        Para(
            prose(
                "Feedback from mentors and peers recorded on cards (`feedback:`), newest first."
                " The playbook asks for a mentor check-in every 4 to 6 weeks."
            )
        ),
        _check_in(state),
    ]
    capped = f" (newest {FULL_MAX})" if len(recent) == FULL_MAX else ""
    page.blocks.append(Heading(2, f"Since {fmt_date(since)}{capped}"))
    if recent:
        head = ("Date", "Card", "From", "Went well", "Didn't", "Try next")
        rows = [
            (
                fmt_date(i.entry.date),
                doc_link(store, i.card),
                i.entry.from_ or "",
                i.entry.went_well or "",
                i.entry.didnt or "",
                i.entry.try_next or "",
            )
            for i in recent
        ]
        page.blocks.append(Table(head, rows))
    else:
        page.blocks.append(Para("No feedback in this period."))
    older = _by_card(items[len(recent) :])
    if older:
        rows = [
            (
                doc_link(store, group.card),
                ", ".join(fmt_date(e.date) for e in group.entries),
                ", ".join(group.authors),
            )
            for group in older
        ]
        page.blocks += [
            Heading(2, "Earlier, by card"),
            Para("Older entries, newest first; each card page has their full text."),
            Table(("Card", "Entries", "From"), rows),
        ]
    return [page]


def _check_in(state: CheckIn) -> Block:
    """The check-in notice when one is due, else when the next one is."""
    weeks = CHECK_IN_DAYS // 7
    if state.due:
        if state.last:
            said = prose(
                f"The last feedback is from {fmt_date(state.last)}, {state.age_days} days ago"
                f" (more than {weeks} weeks): time to book a mentor check-in."
            )
        else:
            said = prose(
                "No feedback recorded yet: book a mentor check-in and add what you heard"
                " under `feedback:` on the card."
            )
        return Notice("warning", "Mentor check-in due", [Para(said)])
    if state.age_days is not None and state.age_days < 0:
        return Para(
            f"The newest feedback is dated {fmt_date(state.last)}, after today;"
            f" next mentor check-in due by {fmt_date(state.due_on)}."
        )
    return Para(
        f"Last feedback on {fmt_date(state.last)} ({state.age_days} days ago);"
        f" next mentor check-in due by {fmt_date(state.due_on)}."
    )


@dataclass(frozen=True)
class CardFeedback:
    card: Card
    entries: list[Feedback]  # newest first

    @property
    def authors(self) -> list[str]:
        return list(dict.fromkeys(e.from_ for e in self.entries if e.from_))


def _by_card(items: list[FeedbackItem]) -> list[CardFeedback]:
    """Entries grouped per card, cards by their newest entry (items come newest first)."""
    groups: dict[str, CardFeedback] = {}
    for item in items:
        group = groups.setdefault(item.card.id, CardFeedback(item.card, []))
        group.entries.append(item.entry)
    return list(groups.values())
