"""An Atom 1.0 feed (RFC 4287) of notes, decisions and talks, newest first.

Built with :mod:`xml.etree.ElementTree` from the standard library, so every
document text is escaped by the serializer and the feed is well-formed by
construction (characters XML 1.0 cannot carry at all are dropped first). A
feed library from PyPI would add a dependency for the dozen elements used
here. Atom needs absolute links, so the feed exists only with ``site_url``.

Timestamps are the documents' dates at midnight UTC and the feed's
``updated`` is its newest entry, so two builds of the same store give the
same bytes.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from ...core.model import Decision, Document, Note, Talk
from ...core.store import Store
from ..render import GeneratedPage

if TYPE_CHECKING:  # views imports this module: no import cycle at run time
    from ..context import SiteContext

ATOM = "http://www.w3.org/2005/Atom"
FEED_FILE = "feed.xml"
LIMIT = 100  # newest entries kept: feed readers poll often; the site lists the rest

# Code points XML 1.0 forbids (ElementTree would write them and break the feed).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _text(value: object) -> str:
    return _NOT_XML.sub("", str(value))


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _el(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    node = ET.SubElement(parent, tag, {k: _text(v) for k, v in attrs.items()})
    if text is not None:
        node.text = _text(text)
    return node


def absolute(site_url: str, page_url: str) -> str:
    """``site_url`` (with or without a trailing slash) joined with a site-relative URL."""
    return urljoin(site_url.rstrip("/") + "/", page_url.lstrip("/"))


def _summary(doc: Document) -> str:
    if isinstance(doc, Decision):
        return f"Decision ({doc.status})"
    if isinstance(doc, Talk):
        return "Talk" + (f" for {doc.audience}" if doc.audience else "")
    return "Weekly note" + (f" on {doc.domain}" if doc.domain else "")


def feed_documents(store: Store, limit: int = LIMIT) -> list[Note | Decision | Talk]:
    """Notes, decisions and talks, newest first (same date: title, then id)."""
    docs: list[Note | Decision | Talk] = [*store.notes, *store.decisions, *store.talks]
    docs.sort(key=lambda d: (-d.date.toordinal(), d.title.casefold(), d.id))
    return docs[:limit]


def atom_feed(
    store: Store,
    *,
    site_url: str,
    site_name: str,
    feed_url: str,
    url_of: Callable[[str], str | None],
    limit: int = LIMIT,
) -> bytes:
    """The feed as UTF-8 bytes.

    ``url_of`` maps a docs-relative source path to the page's site-relative
    URL (MkDocs' ``File.url``), or None for a page that is not published.
    ``feed_url`` is the feed's own site-relative URL (``rel="self"``).
    """
    root = ET.Element("feed", xmlns=ATOM)  # children inherit the default namespace
    home = absolute(site_url, "")
    docs = feed_documents(store, limit)
    title = (
        f"{site_name}: notes, decisions and talks" if site_name else "Notes, decisions and talks"
    )
    _el(root, "id", home)
    _el(root, "title", title)
    _el(root, "updated", _stamp(docs[0].date if docs else store.config.effective_today()))
    _el(root, "link", rel="self", type="application/atom+xml", href=absolute(site_url, feed_url))
    _el(root, "link", rel="alternate", type="text/html", href=home)
    author = _el(root, "author")
    _el(author, "name", site_name or "mkdocs-growth")
    _el(root, "generator", "mkdocs-growth")
    for doc in docs:
        page = url_of(store.path_of(doc))
        if page is None:
            continue
        url = absolute(site_url, page)
        entry = _el(root, "entry")
        _el(entry, "id", url)
        _el(entry, "title", doc.title)
        _el(entry, "updated", _stamp(doc.date))
        _el(entry, "published", _stamp(doc.date))
        _el(entry, "link", rel="alternate", type="text/html", href=url)
        for term in dict.fromkeys([doc.type, *doc.tags]):  # unique, in order
            _el(entry, "category", term=term)
        _el(entry, "summary", _summary(doc))
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def pages(store: Store, ctx: SiteContext) -> list[GeneratedPage]:
    """``<base>/feed.xml`` when ``site_url`` is set (the plugin warns when it is not)."""
    if not ctx.site_url:
        return []
    path = ctx.path(FEED_FILE)
    data = atom_feed(
        store,
        site_url=ctx.site_url,
        site_name=ctx.site_name,
        feed_url=ctx.url_of(path),
        url_of=lambda src: ctx.page_urls.get(src) if ctx.page_urls else ctx.url_of(src),
    )
    return [GeneratedPage(path, data.decode("utf-8"))]
