"""Listings of notes, decisions, talks, playbooks and retros, newest first."""

from __future__ import annotations

from ...core.model import Document
from ...core.store import Store
from ..context import SiteContext
from ..render import GeneratedPage
from .common import newest_first, page

# file name, page title, store attribute, extra column (field name, heading) or None
FEEDS: tuple[tuple[str, str, str, tuple[str, str] | None], ...] = (
    ("notes.md", "Weekly notes", "notes", None),
    ("decisions.md", "Decision log", "decisions", ("status", "Status")),
    ("talks.md", "Talks", "talks", ("audience", "Audience")),
    ("playbooks.md", "Playbooks", "playbooks", None),
    ("retros.md", "Retrospectives", "retros", ("horizon", "Horizon")),
)


def pages(store: Store, ctx: SiteContext) -> list[GeneratedPage]:
    return [
        page(
            "feed.md.j2",
            ctx.path(name),
            store,
            ctx,
            title=title,
            docs=newest_first(getattr(store, attr)),
            extra=extra,
            card_of=lambda doc: _card(store, doc),
        )
        for name, title, attr, extra in FEEDS
    ]


def _card(store: Store, doc: Document) -> Document | None:
    card_id = getattr(doc, "card", None)
    entry = store.by_id.get(card_id) if card_id else None
    return entry.doc if entry is not None else None
