"""``<base>/domains/``: an index (technical and soft-skill grouped) and one page per domain."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ...core.model import Card, Document
from ...core.options import DomainSpec
from ...core.store import Store
from ...practice.priority import ranked_open
from ..context import SiteContext
from ..render import GeneratedPage
from .common import newest_first, page

KINDS = (("technical", "Technical"), ("soft-skill", "Soft skills"))


@dataclass
class DomainGroup:
    spec: DomainSpec
    cards: list[Card] = field(default_factory=list)  # ranked: open by priority, then the rest
    others: list[Document] = field(default_factory=list)  # notes, decisions, ... newest first

    @property
    def open_cards(self) -> int:
        return sum(c.is_open for c in self.cards)


def domain_groups(store: Store) -> list[DomainGroup]:
    """Configured domains in config order, then any other used domain by id (one pass)."""
    config = store.config
    groups = {spec.id: DomainGroup(spec) for spec in config.domains or ()}
    docs_by_domain: dict[str, list[Document]] = defaultdict(list)
    for entry in store.valid:
        doc = entry.doc
        if doc is not None and doc.domain is not None and not isinstance(doc, Card):
            docs_by_domain[doc.domain].append(doc)
    ranked = ranked_open(store)
    closed = sorted((c for c in store.cards if not c.is_open), key=lambda c: c.title.casefold())
    for card in [*ranked, *closed]:
        _group(groups, config.domain(card.domain)).cards.append(card)
    for domain_id, docs in docs_by_domain.items():
        _group(groups, config.domain(domain_id)).others = newest_first(docs)
    configured = [spec.id for spec in config.domains or ()]
    extra = sorted(set(groups) - set(configured))
    return [groups[domain_id] for domain_id in configured + extra]


def _group(groups: dict[str, DomainGroup], spec: DomainSpec) -> DomainGroup:
    if spec.id not in groups:
        groups[spec.id] = DomainGroup(spec)
    return groups[spec.id]


def pages(store: Store, ctx: SiteContext) -> list[GeneratedPage]:
    groups = domain_groups(store)
    by_kind = [(title, [g for g in groups if g.spec.kind == kind]) for kind, title in KINDS]
    out = [page("domains.md.j2", ctx.path("domains/index.md"), store, ctx, by_kind=by_kind)]
    out += [
        page(
            "domain.md.j2",
            ctx.path(f"domains/{g.spec.id}.md"),
            store,
            ctx,
            group=g,
        )
        for g in groups
    ]
    return out
