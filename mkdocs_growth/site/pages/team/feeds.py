"""``team/notes/``, ``team/talks/``, ``team/decisions/``, ``team/reviews/`` and the notes' Atom feed."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ....team.model import Member, MemberDoc
from ...blocks import Bullets, GeneratedFile, Inline, Link, Page, Para
from ...context import SiteContext
from ...files.atom import ATOM, _el, _stamp
from ...formats import fmt_date
from ...urls import absolute
from .common import TeamView, dated_item, doc_link, path, person_link

FEEDS = (
    ("notes.md", "Everyone's notes", "note"),
    ("talks.md", "Talks", "talk"),
    ("decisions.md", "Decisions", "decision"),
)
FEED = "feed.xml"
FEED_LIMIT = 100


def pages(view: TeamView, ctx: SiteContext) -> list[Page]:
    out = []
    for name, title, kind in FEEDS:
        page = Page(path(name), title)
        docs = view.documents(kind)
        if docs:
            page.blocks += [Para("Newest first."), Bullets([dated_item(m, d) for m, d in docs])]
        else:
            page.blocks.append(Para("Nothing here yet."))
        if kind == "note" and ctx.site_url:
            page.blocks.append(Para(["Atom feed: ", Link("feed.xml", path(FEED))]))
        out.append(page)
    out.append(_reviews(view))
    return out


def open_requests(view: TeamView) -> list[tuple[Member, MemberDoc]]:
    """Cards asking for a peer review, oldest request first (it has waited longest)."""
    out = [
        (m, d)
        for m in view.team.available
        for d in m.documents
        if d.type == "card" and d.review_date and d.status not in ("done", "dropped")
    ]
    out.sort(key=lambda md: (md[1].review_date, md[0].name.casefold(), md[1].title.casefold()))
    return out


def _reviews(view: TeamView) -> Page:
    page = Page(path("reviews.md"), "Review requests")
    requests = open_requests(view)
    if not requests:
        page.blocks.append(Para("No open requests."))
        return page
    page.blocks.append(
        Para("Cards whose author asks for a 30-minute peer review, oldest request first.")
    )
    items: list[Inline] = []
    for member, card in requests:
        item: list[Inline] = [
            f"{fmt_date(card.review_date)} · ",
            doc_link(member, card),
            " · ",
            person_link(member),
        ]
        if card.review_note:
            item.append(f" · {card.review_note}")
        items.append(item)
    page.blocks.append(Bullets(items))
    return page


def files(view: TeamView, ctx: SiteContext) -> list[GeneratedFile]:
    """``team/feed.xml``: everyone's notes, newest first, when ``site_url`` is set."""
    if not ctx.site_url:
        return []
    site_url = ctx.site_url
    root = ET.Element("feed", xmlns=ATOM)
    docs = view.documents("note")[:FEED_LIMIT]
    home = absolute(site_url, ctx.url_of(path("index.md")))
    _el(root, "id", home)
    _el(root, "title", f"{ctx.site_name}: notes" if ctx.site_name else "Team notes")
    _el(root, "updated", _stamp(docs[0][1].date if docs and docs[0][1].date else ctx.today))
    _el(root, "link", rel="self", type="application/atom+xml",
        href=absolute(site_url, ctx.url_of(path(FEED))))  # fmt: skip
    _el(root, "link", rel="alternate", type="text/html", href=home)
    author = _el(root, "author")
    _el(author, "name", ctx.site_name or "mkdocs-growth")
    for member, doc in docs:
        url = absolute(site_url, ctx.url_of(member.prefix + doc.url))
        entry = _el(root, "entry")
        _el(entry, "id", url)
        _el(entry, "title", doc.title)
        day = doc.date or ctx.today
        _el(entry, "updated", _stamp(day))
        _el(entry, "link", rel="alternate", type="text/html", href=url)
        author = _el(entry, "author")
        _el(author, "name", member.name)
        for term in dict.fromkeys(doc.tags):
            _el(entry, "category", term=term)
    ET.indent(root)
    data = ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
    return [GeneratedFile(path(FEED), data.decode("utf-8"))]
