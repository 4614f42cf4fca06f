"""The same site on every engine: MkDocs + plugin, ProperDocs + plugin, Zensical + ``generate --site``.

The example site (this repository's ``mkdocs.yml`` and ``docs/``) is built
three ways, each with ``--strict``; every engine's site must have the pages
of the MkDocs build, with the same titles, the same article text (card
headers, generated pages, the author's pages), the same ``growth.json`` and
feed, and links that all lead somewhere. What differs because the engine
differs (its theme chrome) is listed in ``engines.ENGINE_OWN`` and taken out by name,
never by loosening a comparison. Each engine's rows in the compatibility table
(docs/reference/compatibility.md) are these tests' results.
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from .engines import ENGINES, ROOT, engine, run, version

pytestmark = pytest.mark.compat

NOT_PAGES = {"404.html"}  # every engine writes one; it is no page of the store


@dataclass(frozen=True)
class Site:
    engine: str
    root: Path
    returncode: int
    output: str


class _Read(HTMLParser):
    """``<title>``, the article's text (without scripts, styles and the engine's tag list), links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.text: list[str] = []
        self.links: list[str] = []
        self.generator = ""
        self.growth_css: list[str] = []  # the stylesheets the page links, besides the theme's
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "meta" and found.get("name") == "generator":
            self.generator = found.get("content") or ""
        if tag == "a" and found.get("href"):
            self.links.append(found["href"] or "")
        href = found.get("href") or ""
        theirs = "assets/" in href or "://" in href  # the theme's own and its fonts
        if tag == "link" and found.get("rel") == "stylesheet" and not theirs:
            self.growth_css.append(href)
        if tag == "nav" and "md-tags" in (found.get("class") or "").split():
            tag = "engine-tags"  # ENGINE_OWN: Zensical's tag list
        if tag in ("title", "article", "script", "style", "engine-tags") or (
            tag == "nav" and self._in
        ):
            self._in.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav" and self._in and self._in[-1] == "engine-tags":
            tag = "engine-tags"
        if tag in self._in:
            del self._in[len(self._in) - 1 - self._in[::-1].index(tag)]

    def handle_data(self, data: str) -> None:
        if self._in and self._in[-1] == "title":
            self.title += data
        elif self._in and self._in[-1] == "article":
            self.text.append(data)


def read(path: Path) -> _Read:
    page = _Read()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def article(page: _Read) -> str:
    return " ".join(" ".join(page.text).split())


def pages(site: Site) -> set[str]:
    return {
        p.relative_to(site.root).as_posix()
        for p in site.root.rglob("*.html")
        if p.relative_to(site.root).as_posix() not in NOT_PAGES
    }


def _build(name: str, work: Path) -> Site:
    executable = engine(name)
    out = work / name / "site"
    if name in ("mkdocs", "properdocs"):
        command = [executable, "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(out)]
        done = run(command, work)
        return Site(name, out, done.returncode, done.stdout + done.stderr)
    project = work / name
    tree = project / "docs"
    growth = engine("mkdocs-growth")
    command = [growth, "generate", "-f", str(ROOT / "mkdocs.yml"), "--site", str(tree)]
    made = run([*command, "--engine", "zensical"], work)
    assert made.returncode == 0, made.stdout + made.stderr
    # What docs/engines.md tells a user to write next to mkdocs.yml.
    (project / "zensical.yml").write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: docs\nsite_dir: site\n"
        "extra_css:\n  - growth/growth.css\n",  # the plugin adds it itself
        encoding="utf-8",
    )
    done = run([executable, "build", "--strict", "-f", "zensical.yml"], project)
    return Site(name, out, done.returncode, made.stdout + done.stdout + done.stderr)


class Sites:
    """Each engine's build of the example site, made once when a test first asks."""

    def __init__(self, work: Path) -> None:
        self.work = work
        self.built: dict[str, Site] = {}

    def __call__(self, name: str) -> Site:
        if name not in self.built:
            self.built[name] = _build(name, self.work)
        site = self.built[name]
        assert site.returncode == 0, site.output[-3000:]
        return site


@pytest.fixture(scope="session")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Sites:
    return Sites(tmp_path_factory.mktemp("engines"))


@pytest.fixture(params=ENGINES)
def built(request: pytest.FixtureRequest, sites: Sites) -> tuple[Site, Site]:
    """(this engine's site, the MkDocs site it is held to)."""
    return sites(request.param), sites("mkdocs")


def test_engine_build_strict_passes(built: tuple[Site, Site]) -> None:
    site, _ = built
    assert site.returncode == 0, site.output[-3000:]
    generator = read(site.root / "index.html").generator.lower()
    assert site.engine in generator, generator  # the engine named is the one that built it
    assert version(engine(site.engine))  # the row names the version that built it


def test_engine_publishes_the_same_pages(built: tuple[Site, Site]) -> None:
    site, reference = built
    assert pages(site) == pages(reference)
    assert len(pages(site)) > 60  # the example site: its own pages and growth's
    for name in ("growth.json", "growth.schema.json", "growth/feed.xml"):
        assert (site.root / name).read_bytes() == (reference.root / name).read_bytes(), name


def test_engine_pages_have_the_same_titles(built: tuple[Site, Site]) -> None:
    site, reference = built
    differ = {}
    for name in sorted(pages(reference)):
        ours, theirs = read(site.root / name).title, read(reference.root / name).title
        if site.engine == "zensical" and name == "index.html":  # ENGINE_OWN
            theirs = f"{theirs} - {theirs}"
        if ours != theirs:
            differ[name] = (ours, theirs)
    assert differ == {}


def test_engine_articles_have_the_same_text(built: tuple[Site, Site]) -> None:
    """Card headers, generated pages and the author's pages, word for word."""
    site, reference = built
    differ = [
        name
        for name in sorted(pages(reference))
        if article(read(site.root / name)) != article(read(reference.root / name))
    ]
    assert differ == []


def test_engine_pages_link_growths_stylesheets(built: tuple[Site, Site]) -> None:
    site, reference = built
    page = "growth/competencies/index.html"  # growth.css, with its print rules
    assert read(site.root / page).growth_css == read(reference.root / page).growth_css != []


def test_engine_shows_each_card_header_above_the_card(built: tuple[Site, Site]) -> None:
    site, _ = built
    growth = json.loads((site.root / "growth.json").read_text(encoding="utf-8"))
    cards = [d for d in growth["documents"] if d["type"] == "card"]
    assert len(cards) >= 5
    for card in cards:
        text = article(read(site.root / _html_of(card["url"])))
        assert text.startswith(card["title"]), card["url"]  # the title heading first
        assert f"Goal: {' '.join(card['goal'].split())}" in text, card["url"]
        assert "Milestones" in text and "Priority" in text, card["url"]
    assert not (site.root / "growth" / "cards").exists()  # not on pages of their own


def test_engine_links_resolve(built: tuple[Site, Site]) -> None:
    site, _ = built
    broken = []
    for name in sorted(pages(site)):
        page = site.root / name
        for href in read(page).links:
            target = _target(page, href)
            if target is not None and not (target.is_relative_to(site.root) and target.exists()):
                broken.append(f"{name} -> {href}")
    assert broken == []


def test_engine_search_indexes_generated_pages(built: tuple[Site, Site]) -> None:
    site, _ = built
    legacy = site.root / "search" / "search_index.json"
    if legacy.is_file():
        entries = json.loads(legacy.read_text(encoding="utf-8"))["docs"]
    else:  # ENGINE_OWN: Zensical's index
        entries = json.loads((site.root / "search.json").read_text(encoding="utf-8"))["items"]
    locations = {entry["location"].split("#")[0] for entry in entries}
    assert {"growth/", "growth/priorities/", "cards/distributed-trace-explorer/"} <= locations


def _html_of(url: str) -> str:
    return f"{url}index.html" if url.endswith("/") or not url else url


def _target(page: Path, href: str) -> Path | None:
    """The file a local link leads to (None: another site, or this page)."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    joined = posixpath.normpath(posixpath.join(page.parent.as_posix(), unquote(parts.path)))
    path = Path(joined)
    if parts.path.endswith("/") or path.is_dir():
        path = path / "index.html"
    return path
