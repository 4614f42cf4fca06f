"""What every page family shares: links to documents and generated pages, the usual order."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from ...core.model import Artifact, Document
from ...core.store import Store
from ..blocks import Inline, Link, Url
from ..context import SiteContext
from ..urls import id_page, resolve

D = TypeVar("D", bound=Document)


def doc_link(store: Store, doc: Document, text: str | None = None) -> Link:
    """A link to the document's own page, showing its title."""
    return Link(doc.title if text is None else text, store.path_of(doc))


def page_link(ctx: SiteContext, name: str, text: str) -> Link:
    """A link to the generated page ``name`` (``"priorities.md"``)."""
    return Link(text, ctx.path(name))


def domain_link(store: Store, ctx: SiteContext, domain_id: str, text: str | None = None) -> Link:
    label = store.config.domain(domain_id).label if text is None else text
    return Link(label, ctx.path(id_page("domains", domain_id)))


def horizon_link(ctx: SiteContext, horizon_id: str, text: str | None = None) -> Link:
    return Link(horizon_id if text is None else text, ctx.path(id_page("horizons", horizon_id)))


def newest_first(docs: Iterable[D]) -> list[D]:
    """Date descending, undated last, then title (stable across builds)."""
    by_title = sorted(docs, key=lambda d: (d.title.casefold(), d.id))
    return sorted(by_title, key=lambda d: d.sort_date, reverse=True)


def artifact_link(artifact: Artifact, card_path: str) -> Inline:
    """An artifact's title, linked: a relative URL resolves as MkDocs resolves a Markdown link
    written in the card, so any page can link it."""
    if not artifact.url:
        return artifact.title
    target = resolve(artifact.url, card_path)
    if target is None:
        return Url(artifact.title, artifact.url)
    return Link(artifact.title, target.path, target.fragment, target.query)
