"""``<base>/domains/``: an index (technical and soft-skill grouped) and one page per domain."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ...core.model import Card, Document
from ...core.options import DomainSpec
from ...core.store import Store
from ...practice.milestones import progress
from ...practice.priority import priorities, ranked_open
from ..blocks import Bullets, Code, Heading, Page, Para, Table
from ..context import SiteContext
from ..formats import fmt_date, fmt_number
from ..urls import id_page
from .common import doc_link, domain_link, newest_first, page_link

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


def pages(store: Store, ctx: SiteContext) -> list[Page]:
    groups = domain_groups(store)
    index = Page(ctx.path("domains/index.md"), "Domains")
    for kind, title in KINDS:
        rows = [
            (
                domain_link(store, ctx, g.spec.id),
                str(g.open_cards),
                str(len(g.cards)),
                str(len(g.others)),
            )
            for g in groups
            if g.spec.kind == kind
        ]
        index.blocks.append(Heading(2, title))
        if rows:
            index.blocks.append(
                Table(("Domain", "Open cards", "All cards", "Other documents"), rows)
            )
        else:
            index.blocks.append(Para(f"No {title.lower()} domains yet."))
    return [index, *(_domain_page(store, ctx, g) for g in groups)]


def _domain_page(store: Store, ctx: SiteContext, group: DomainGroup) -> Page:
    spec = group.spec
    kind = "Soft-skill" if spec.kind == "soft-skill" else "Technical"
    page = Page(ctx.path(id_page("domains", spec.id)), spec.label)
    page.blocks += [
        Para(
            [
                f"{kind} domain ",
                Code(spec.id),
                ". ",
                page_link(ctx, "domains/index.md", "All domains"),
            ]
        ),
        Heading(2, "Cards"),
    ]
    if group.cards:
        prios = priorities(store)
        items = [
            [
                doc_link(store, card),
                f" · {card.status} · {card.horizon} · {fmt_number(prios[card.id].score)}"
                f" {prios[card.id].band} · {progress(card)} milestones done",
            ]
            for card in group.cards
        ]
        page.blocks += [Para("Open cards by priority, then done and dropped ones."), Bullets(items)]
    else:
        page.blocks.append(Para("No cards in this domain yet."))
    page.blocks.append(Heading(2, "Notes, decisions, talks and playbooks"))
    if group.others:
        others = [
            [f"{fmt_date(doc.date)} · " if doc.date else "", f"{doc.type}: ", doc_link(store, doc)]
            for doc in group.others
        ]
        page.blocks.append(Bullets(others))
    else:
        page.blocks.append(Para("Nothing else in this domain yet."))
    return page
