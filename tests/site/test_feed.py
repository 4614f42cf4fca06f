"""The Atom feed: well-formed XML, Atom 1.0, newest first, absolute links, escaped text."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import card, doc, store_of, write_store

from mkdocs_growth.core.store import Store
from mkdocs_growth.site.context import SiteContext
from mkdocs_growth.site.files import atom as feed
from mkdocs_growth.site.urls import absolute, page_url

A = "{http://www.w3.org/2005/Atom}"


FILES = {
    "cards/trace.md": card(),
    "notes/old.md": doc("note", "Old note", "2026-01-05", tags=["spans"]),
    "notes/new.md": doc("note", "New <b>note</b> & more", "2026-03-02", domain="observability"),
    "decisions/adr-1.md": doc("decision", "Use OpenTelemetry", "2026-02-10", status="accepted"),
    "talks/t.md": doc("talk", "Traces first", "2026-03-02", audience="platform team"),
    "retros/r.md": doc("retro", "Q1 retro", "2026-03-30"),
    "notes/broken.md": doc("note", "Broken", "2026-04-01", card="no-such-card"),
}


def make_store(tmp_path: Path, files: dict[str, str] | None = None) -> Store:
    return store_of(write_store(tmp_path, files or FILES, {"today": "2026-04-02"}))


def context(store: Store, site_url: str | None, directory_urls: bool = True) -> SiteContext:
    urls = {e.path: page_url(e.path, directory_urls) for e in store.entries}
    return SiteContext(
        today=dt.date(2026, 4, 2),
        site_url=site_url,
        site_name="My growth",
        use_directory_urls=directory_urls,
        page_urls=urls,
    )


def build(store: Store, ctx: SiteContext) -> ET.Element:
    [generated] = feed.files(store, ctx)
    assert generated.path == "growth/feed.xml"
    assert generated.text.startswith("<?xml version='1.0' encoding='utf-8'?>")
    return ET.fromstring(generated.text.encode("utf-8"))


def test_feed_is_atom_newest_first_with_absolute_links(tmp_path: Path) -> None:
    store = make_store(tmp_path)
    root = build(store, context(store, "https://me.example.org/"))
    assert root.tag == f"{A}feed"
    for required in ("id", "title", "updated", "author"):
        assert root.find(f"{A}{required}") is not None
    assert root.findtext(f"{A}updated") == "2026-03-02T00:00:00Z"
    self_link = root.find(f"{A}link[@rel='self']")
    assert self_link is not None
    assert self_link.get("href") == "https://me.example.org/growth/feed.xml"
    entries = root.findall(f"{A}entry")
    titles = [e.findtext(f"{A}title") for e in entries]
    # same day: by title; invalid documents, cards and retros are left out
    assert titles == ["New <b>note</b> & more", "Traces first", "Use OpenTelemetry", "Old note"]
    dates = [e.findtext(f"{A}updated") for e in entries]
    assert dates == sorted(dates, reverse=True)
    links = [e.find(f"{A}link").get("href") for e in entries]  # type: ignore[union-attr]
    assert links == [
        "https://me.example.org/notes/new/",
        "https://me.example.org/talks/t/",
        "https://me.example.org/decisions/adr-1/",
        "https://me.example.org/notes/old/",
    ]
    assert [e.findtext(f"{A}id") for e in entries] == links
    terms = [c.get("term") for c in entries[3].findall(f"{A}category")]
    assert terms == ["note", "spans"]
    assert entries[2].findtext(f"{A}summary") == "Decision (accepted)"


def test_site_url_with_a_path_and_html_urls(tmp_path: Path) -> None:
    store = make_store(tmp_path)
    root = build(store, context(store, "https://host.example/team/growth", directory_urls=False))
    hrefs = [e.find(f"{A}link").get("href") for e in root.findall(f"{A}entry")]  # type: ignore[union-attr]
    assert hrefs[0] == "https://host.example/team/growth/notes/new.html"
    assert all(h.startswith("https://host.example/team/growth/") for h in hrefs)


def test_no_feed_without_site_url(tmp_path: Path) -> None:
    store = make_store(tmp_path)
    assert feed.files(store, context(store, None)) == []


def test_hostile_text_stays_well_formed(tmp_path: Path) -> None:
    title = 'x</title><script>alert(1)</script> ]]> &amp; "q" \x01\x08'
    store = make_store(tmp_path, {"notes/n.md": doc("note", title, "2026-03-01", tags=["a&b"])})
    root = build(store, context(store, "https://e.example/"))
    [entry] = root.findall(f"{A}entry")
    assert entry.findtext(f"{A}title") == title.replace("\x01", "").replace("\x08", "")
    assert root.find(f".//{A}script") is None


def test_limit_keeps_the_newest(tmp_path: Path) -> None:
    files = {f"notes/n{i}.md": doc("note", f"Note {i}", f"2026-01-{i + 1:02d}") for i in range(12)}
    store = make_store(tmp_path, files)
    kept = feed.feed_documents(store, limit=5)
    assert [d.title for d in kept] == [f"Note {i}" for i in (11, 10, 9, 8, 7)]


@pytest.mark.parametrize(
    ("site", "page", "expected"),
    [
        ("https://a.example", "x/", "https://a.example/x/"),
        ("https://a.example/", "/x/", "https://a.example/x/"),
        ("https://a.example/sub/", "x.html", "https://a.example/sub/x.html"),
        ("https://a.example/sub", "", "https://a.example/sub/"),
    ],
)
def test_absolute(site: str, page: str, expected: str) -> None:
    assert absolute(site, page) == expected
