"""Growth beside the plugins its users run: each built before and after ``growth``.

The contract ("Living with other plugins"): ``mkdocs build --strict`` passes,
every generated page and card header is complete, nothing growth uses
internally reaches the output, search indexes the generated pages, and a
front-matter title displays literally in nav, ``<title>`` and search (no
plugin evaluates or renders it). Each site is built once (``conftest``); the
checks read its files the way a browser would.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from .sites import (
    CARD_GOALS,
    CARD_TITLES,
    CARDS,
    EXCLUDED,
    GENERATED,
    IMPORTED,
    MACRO,
    XSS,
    Build,
)

pytestmark = pytest.mark.compat

# What growth uses on the way and must never publish.
INTERNAL = re.compile(r"growthlisting|data-growth-listing|<!--\s*growth")


class _Page(HTMLParser):
    """Title, links, and the text of the navigation and of the article."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.links: list[str] = []
        self.nav: list[str] = []
        self.article: list[str] = []
        self.svgs = 0
        self.h1s: list[str] = []  # the text of each <h1> in the article
        self._in: list[str] = []
        self._divs: list[str | None] = []  # each open <div>: the part it stands for, if any

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("title", "nav", "article"):
            self._in.append(tag)
        elif tag == "div":  # MkDocs' own themes: <div role="main">, <div class="navbar ...">
            classes = (dict(attrs).get("class") or "").split()
            role = "article" if ("role", "main") in attrs else None
            role = "nav" if role is None and "navbar" in classes else role
            self._divs.append(role)
            if role:
                self._in.append(role)
        if tag == "h1" and "article" in self._in:
            self.h1s.append("")
            self._in.append("h1")
        if tag == "svg" and "article" in self._in:
            self.svgs += 1
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)

    def handle_endtag(self, tag: str) -> None:
        if tag == "div":
            role = self._divs.pop() if self._divs else None
            if role is None:
                return
            tag = role
        if tag in self._in:
            del self._in[len(self._in) - 1 - self._in[::-1].index(tag)]

    def handle_data(self, data: str) -> None:
        if self._in and self._in[-1] == "title" and "svg" not in self._in:
            self.title += data
        if "nav" in self._in:
            self.nav.append(data)
        if "article" in self._in:
            self.article.append(data)
        if "h1" in self._in:
            self.h1s[-1] += data


def read_page(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def text(chunks: list[str]) -> str:
    return " ".join(" ".join(chunks).split())


def html_file(build: Build, md_path: str, root: str = "") -> Path:
    """Where MkDocs writes the page of ``md_path`` (``root``: a language folder)."""
    stem = md_path[: -len(".md")]
    base = build.site / root if root else build.site
    if stem == "index" or stem.endswith("/index"):
        return base / f"{stem}.html"
    if build.variant.directory_urls:
        return base / stem / "index.html"
    return base / f"{stem}.html"


def roots(build: Build) -> list[str]:
    """The site's language roots: "" and, with static-i18n, each further language."""
    return ["", *build.variant.languages]


def search_docs(build: Build) -> list[dict]:
    folder = build.site / "search"
    index = folder / "search_index.json"
    if index.is_file():
        return json.loads(index.read_text(encoding="utf-8"))["docs"]
    script = (folder / "search_index.js").read_text(encoding="utf-8")  # Material's offline plugin
    return json.loads(script[script.index("{") : script.rindex("}") + 1])["docs"]


def resolve(build: Build, page: Path, href: str) -> Path | None:
    """The file an internal link points at (None: external or on the same page)."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    target = posixpath.normpath(posixpath.join(page.parent.as_posix(), unquote(parts.path)))
    path = Path(target)
    if href.split("#")[0].split("?")[0].endswith("/") or path.is_dir():
        path = path / "index.html"
    return path


def test_build_strict_passes(build: Build) -> None:
    assert build.returncode == 0, build.output[-3000:]


def test_generated_pages_are_complete(build: Build) -> None:
    assert build.returncode == 0, "not built"
    for root in roots(build):
        for name in GENERATED:
            assert html_file(build, f"growth/{name}", root).is_file(), (root, name)
        priorities = read_page(html_file(build, "growth/priorities.md", root))
        rows = text(priorities.article)
        for card_id, title in CARD_TITLES.items():  # a row per open card, linked
            assert title in rows, (root, card_id)
            assert any(card_id in link for link in priorities.links), (root, card_id)
        chart = (html_file(build, "growth/priorities.md", root)).read_text(encoding="utf-8")
        assert "growth-matrix" in chart or "<table" in chart
        observability = text(
            read_page(html_file(build, "growth/domains/observability.md", root)).article
        )
        for card_id, meta in CARDS.items():
            listed = meta["title"] in observability
            assert listed == (meta["domain"] == "observability"), (root, card_id)
        horizon = text(read_page(html_file(build, "growth/horizons/2026-Q2.md", root)).article)
        assert all(title in horizon for title in CARD_TITLES.values()), root
        notes = text(read_page(html_file(build, "growth/notes.md", root)).article)
        assert "Week 17: spans" in notes


def test_card_headers_are_complete(build: Build) -> None:
    assert build.returncode == 0, "not built"
    for root in roots(build):
        for card_id, goal in CARD_GOALS.items():
            path = html_file(build, f"cards/{card_id}.md", root)
            page = read_page(path)
            article = text(page.article)
            assert goal in article, (root, card_id)
            assert "done when a one-page summary is written" in article, (root, card_id)
            assert page.svgs >= 1, f"{root}/{card_id}: no rubric chart"
            assert f"The author's own text of {card_id}." in article, (root, card_id)
            assert any("growth/priorities" in link for link in page.links), (root, card_id)
        trace = read_page(html_file(build, "cards/trace.md", root))
        assert any("notes/week-17" in link for link in trace.links), root  # an artifact


def test_links_resolve(build: Build) -> None:
    assert build.returncode == 0, "not built"
    pages = [f"growth/{name}" for name in GENERATED] + [f"cards/{c}.md" for c in CARDS]
    for root in roots(build):
        for md_path in pages:
            path = html_file(build, md_path, root)
            page = read_page(path)
            article_links = [link for link in page.links if not link.startswith("#")]
            for link in article_links:
                target = resolve(build, path, link)
                assert target is None or target.is_file(), f"{path}: {link}"


def test_nothing_internal_is_published(build: Build) -> None:
    assert build.returncode == 0, "not built"
    for path in build.site.rglob("*"):
        if path.suffix in (".html", ".json", ".js", ".xml") and path.is_file():
            content = path.read_text(encoding="utf-8", errors="replace")
            found = INTERNAL.search(content)
            assert found is None, f"{path.relative_to(build.site)}: {found and found.group(0)}"


def test_search_indexes_generated_pages(build: Build) -> None:
    assert build.returncode == 0, "not built"
    docs = search_docs(build)
    locations = {doc["location"].split("#")[0] for doc in docs}
    suffix = "/" if build.variant.directory_urls else ".html"
    for name in ("priorities", "reviews", "domains/observability"):
        assert f"growth/{name}{suffix}" in locations, name
    card = f"cards/trace{suffix}"
    card_text = " ".join(doc["text"] for doc in docs if doc["location"].startswith(card))
    assert CARD_GOALS["trace"] in html.unescape(card_text)


def test_titles_display_literally(build: Build) -> None:
    assert build.returncode == 0, "not built"
    for path in build.site.rglob("*.html"):
        content = path.read_text(encoding="utf-8")
        assert "<img src=x onerror" not in content, path
        assert "Macro probe 42" not in html.unescape(content), path
    for root in roots(build):
        home = read_page(html_file(build, "index.md", root))
        nav = text(home.nav)
        assert MACRO in nav and XSS in nav, root
        for card_id in ("macro", "xss"):
            page = read_page(html_file(build, f"cards/{card_id}.md", root))
            assert page.title.strip().startswith(CARD_TITLES[card_id]), (root, page.title)
            assert CARD_TITLES[card_id] in text(page.article), root
    titles = {html.unescape(doc["title"]) for doc in search_docs(build)}
    assert MACRO in titles and XSS in titles


@pytest.mark.parametrize("build", ["redirects-before", "redirects-after"], indirect=True)
def test_redirects_reach_generated_pages(build: Build) -> None:
    """mkdocs-redirects records the pages in its own on_files: growth's must be there already."""
    assert build.returncode == 0, build.output[-3000:]
    for old, target in [("old/priorities", "growth/priorities"), ("old/dashboard", "growth")]:
        redirect = (build.site / old / "index.html").read_text(encoding="utf-8")
        assert re.search(rf'href="[./]*{target}/"', redirect), (old, redirect)


@pytest.mark.parametrize("build", ["i18n-before", "i18n-after"], indirect=True)
def test_each_language_has_its_generated_pages(build: Build) -> None:
    """mkdocs-static-i18n builds French into fr/: growth's pages link within that language."""
    assert build.returncode == 0, build.output[-3000:]
    french = read_page(html_file(build, "growth/priorities.md", "fr"))
    links = [link for link in french.links if "cards/trace" in link]
    assert links and all(
        resolve(build, html_file(build, "growth/priorities.md", "fr"), link).is_relative_to(
            build.site / "fr"
        )
        for link in links
    )


@pytest.mark.parametrize("build", ["rss-before", "rss-after"], indirect=True)
def test_rss_feed_lists_the_notes(build: Build) -> None:
    assert build.returncode == 0, build.output[-3000:]
    feed = (build.site / "feed_rss_created.xml").read_text(encoding="utf-8")
    assert "Week 17: spans" in feed and "Use Jaeger" in feed


def test_card_pages_have_a_title_heading(build: Build) -> None:
    """Titles live in front matter: every theme shows a card's title as its heading."""
    assert build.returncode == 0, "not built"
    for root in roots(build):
        for card_id, title in CARD_TITLES.items():
            page = read_page(html_file(build, f"cards/{card_id}.md", root))
            assert [" ".join(h.split()) for h in page.h1s] == [title], (root, card_id, page.h1s)


@pytest.mark.parametrize("build", ["exclude-before", "exclude-after"], indirect=True)
def test_a_card_mkdocs_exclude_leaves_out_is_listed_nowhere(build: Build) -> None:
    assert build.returncode == 0, build.output[-3000:]
    assert not html_file(build, "cards/excluded.md").exists()
    for name in GENERATED:
        page = html_file(build, f"growth/{name}").read_text(encoding="utf-8")
        assert EXCLUDED["title"] not in page and "cards/excluded" not in page, name
    assert "excluded" not in (build.site / "growth.json").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("build", "imported"),
    [
        ("hooks: add a card, edit page.content", "cards/imported.md"),
        ("multirepo-before", "imported/cards/imported.md"),
        ("multirepo-after", "imported/cards/imported.md"),
    ],
    indirect=["build"],
)
def test_a_card_another_plugin_adds_gets_its_header_and_rows(build: Build, imported: str) -> None:
    assert build.returncode == 0, build.output[-3000:]
    page = read_page(html_file(build, imported))
    assert IMPORTED["goal"] in text(page.article) and page.svgs >= 1
    priorities = read_page(html_file(build, "growth/priorities.md"))
    assert IMPORTED["title"] in text(priorities.article)
    assert any(imported[: -len(".md")] in link for link in priorities.links)


@pytest.mark.parametrize("build", ["hooks: add a card, edit page.content"], indirect=True)
def test_a_hook_editing_page_content_sees_growths_html(build: Build) -> None:
    assert build.returncode == 0, build.output[-3000:]
    for card_id in CARDS:
        page = html_file(build, f"cards/{card_id}.md").read_text(encoding="utf-8")
        assert "hook saw the card header" in page, card_id
