"""Helpers every page family shares: links from one page, dates, progress."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from ..config import GrowthConfig, HorizonSpec, quarter, quarter_of
from ..model import Card, Document
from ..render import GeneratedPage, link_to, render_page
from ..store import Store
from .context import SiteContext

D = TypeVar("D", bound=Document)


@dataclass(frozen=True)
class Links:
    """Relative ``.md`` links from the page at ``here`` (MkDocs resolves them per URL style)."""

    store: Store
    ctx: SiteContext
    here: str

    def to(self, path: str) -> str:
        return link_to(self.here, path)

    def doc(self, doc: Document) -> str:
        return link_to(self.here, self.store.path_of(doc))

    def page(self, name: str) -> str:
        return link_to(self.here, self.ctx.path(name))

    def domain(self, domain_id: str) -> str:
        return self.page(f"domains/{domain_id}.md")

    def horizon(self, horizon_id: str) -> str:
        return self.page(f"horizons/{horizon_id}.md")


def page(template: str, path: str, store: Store, ctx: SiteContext, **extra: Any) -> GeneratedPage:
    """Render ``template`` as the page at ``path`` with the shared context."""
    links = Links(store, ctx, path)
    return render_page(template, path, store=store, ctx=ctx, links=links, **extra)


def current_horizon(config: GrowthConfig, today: dt.date) -> HorizonSpec | None:
    """The configured horizon containing ``today``, or today's quarter without a list."""
    if config.horizons is None:
        return quarter(quarter_of(today))
    return next((h for h in config.horizons if h.start <= today <= h.end), None)


def newest_first(docs: Iterable[D]) -> list[D]:
    """Date descending, undated last, then title (stable across builds)."""
    by_title = sorted(docs, key=lambda d: (d.title.casefold(), d.id))
    return sorted(by_title, key=lambda d: d.sort_date, reverse=True)


@dataclass(frozen=True)
class Progress:
    done: int
    total: int  # milestones not dropped

    def __str__(self) -> str:
        return f"{self.done}/{self.total}"


def progress(card: Card) -> Progress:
    kept = [m for m in card.milestones if m.status != "dropped"]
    return Progress(sum(m.status == "done" for m in kept), len(kept))


def active_milestone_count(cards: Iterable[Card]) -> int:
    return sum(
        1 for c in cards if c.status == "active" for m in c.milestones if m.status == "active"
    )
