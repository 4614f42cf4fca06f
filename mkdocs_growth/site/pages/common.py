"""Helpers every page family shares: links from one page, the shared template context, order."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from ...core.model import Document
from ...core.store import Store
from ...practice.milestones import progress
from ...practice.priority import priorities
from ..context import SiteContext
from ..render import GeneratedPage, link_to, render_page

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
    return render_page(
        template,
        path,
        store=store,
        ctx=ctx,
        links=links,
        priorities=priorities(store),
        progress=progress,
        **extra,
    )


def newest_first(docs: Iterable[D]) -> list[D]:
    """Date descending, undated last, then title (stable across builds)."""
    by_title = sorted(docs, key=lambda d: (d.title.casefold(), d.id))
    return sorted(by_title, key=lambda d: d.sort_date, reverse=True)
