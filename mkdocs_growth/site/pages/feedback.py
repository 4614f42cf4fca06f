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
from ...practice.schedule import CHECK_IN_DAYS, FeedbackItem, check_in_of, feedback_items, shift
from ..context import SiteContext
from ..render import GeneratedPage
from .common import page

RECENT_DAYS = 182  # about two 90-day horizons
FULL_MAX = 50


def pages(store: Store, ctx: SiteContext) -> list[GeneratedPage]:
    state = check_in_of(store, ctx.today)
    if state is None:  # the store withholds feedback: no page to show
        return []
    items = feedback_items(store.cards)  # newest first
    since = shift(ctx.today, -RECENT_DAYS)
    recent = [i for i in items[:FULL_MAX] if i.entry.date >= since]
    return [
        page(
            "feedback.md.j2",
            ctx.path("feedback.md"),
            store,
            ctx,
            items=recent,
            older=_by_card(items[len(recent) :]),
            since=since,
            full_max=FULL_MAX,
            state=state,
            weeks=CHECK_IN_DAYS // 7,
            admonition="admonition" in ctx.markdown_extensions,
        )
    ]


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
