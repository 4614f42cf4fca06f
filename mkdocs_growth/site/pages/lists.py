"""Listings of notes, decisions, talks, playbooks and retros, newest first."""

from __future__ import annotations

from ...core.model import Document
from ...core.store import Store
from ..blocks import Bullets, Inline, Page, Para
from ..context import SiteContext
from ..formats import fmt_date
from .common import doc_link, newest_first

# file name, page title, store attribute, extra column (field name, label) or None
FEEDS: tuple[tuple[str, str, str, tuple[str, str] | None], ...] = (
    ("notes.md", "Weekly notes", "notes", None),
    ("decisions.md", "Decision log", "decisions", ("status", "status")),
    ("talks.md", "Talks", "talks", ("audience", "audience")),
    ("playbooks.md", "Playbooks", "playbooks", None),
    ("retros.md", "Retrospectives", "retros", ("horizon", "horizon")),
)


def pages(store: Store, ctx: SiteContext) -> list[Page]:
    out = []
    for name, title, attr, extra in FEEDS:
        docs = newest_first(getattr(store, attr))
        page = Page(ctx.path(name), title)
        if docs:
            items = [_item(store, doc, extra) for doc in docs]
            page.blocks += [Para("Newest first."), Bullets(items)]
        else:
            page.blocks.append(Para("Nothing here yet."))
        out.append(page)
    return out


def _item(store: Store, doc: Document, extra: tuple[str, str] | None) -> list[Inline]:
    item: list[Inline] = [f"{fmt_date(doc.date)} · "] if doc.date else []
    item.append(doc_link(store, doc))
    if doc.domain:
        item.append(f" · {doc.domain}")
    value = getattr(doc, extra[0], None) if extra else None
    if extra and value:
        item.append(f" · {extra[1]}: {value}")
    card = _card(store, doc)
    if card is not None:
        item += [" · card: ", doc_link(store, card)]
    if doc.tags:
        item.append(" · tags: " + ", ".join(doc.tags))
    return item


def _card(store: Store, doc: Document) -> Document | None:
    card_id = getattr(doc, "card", None)
    entry = store.by_id.get(card_id) if card_id else None
    return entry.doc if entry is not None else None
