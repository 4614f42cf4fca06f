"""One model, two renderers: the plugin's pages and ``generate``'s say the same thing.

The repository's own example site (``mkdocs.yml`` + ``docs/``) is built twice:
with the plugin, and from ``mkdocs-growth generate`` output laid over a copy
of ``docs/`` and built by plain MkDocs with the same theme and extensions.
Every generated page's article, and every card header, must read the same
both ways (text, whitespace normalised).
"""

from __future__ import annotations

import re
import shutil
from html import unescape
from pathlib import Path

import pytest
import yaml
from conftest import built_once, store_of
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.utils.yaml import yaml_load

from mkdocs_growth.cli.settings import load_settings
from mkdocs_growth.site.pages.card_header import HEADER_CLASS
from mkdocs_growth.site.registry import SiteContext, site_pages

ROOT = Path(__file__).resolve().parents[2]


def article(html: str) -> str:
    start = html.index("<article")
    return html[start : html.index("</article>", start)]


def text(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def page_html(site: Path, md_path: str) -> str:
    stem = md_path[: -len(".md")]
    folder = stem[: -len("index")] if stem.endswith("index") else f"{stem}/"
    return (site / folder / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope=built_once)
def sites(tmp_path_factory: pytest.TempPathFactory, run_cli_module) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("same-content")
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as handle:
        config = yaml_load(handle)  # as MkDocs reads it (!ENV resolved)

    with_plugin = load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(tmp / "plugin"))
    build(with_plugin)

    out = tmp / "generated"
    assert run_cli_module("generate", "-f", ROOT / "mkdocs.yml", "--out", out) == 0
    combined = tmp / "combined"
    shutil.copytree(ROOT / "docs", combined)
    shutil.copytree(out, combined, dirs_exist_ok=True)
    plain = {
        "site_name": config["site_name"],
        "site_url": config.get("site_url"),
        "docs_dir": str(combined),
        "site_dir": str(tmp / "plain"),
        "theme": config["theme"],
        "markdown_extensions": config["markdown_extensions"],
        "plugins": ["search"],
    }
    plain_file = tmp / "plain.yml"
    plain_file.write_text(yaml.safe_dump(plain), encoding="utf-8")
    build(load_config(config_file=str(plain_file)))
    return tmp / "plugin", tmp / "plain"


@pytest.fixture(scope=built_once)
def run_cli_module():
    from mkdocs_growth.cli import main

    def run(*args: object) -> int:
        return main([str(a) for a in args])

    return run


def generated_paths() -> list[str]:
    settings = load_settings(str(ROOT / "mkdocs.yml"))
    store = store_of(ROOT / "mkdocs.yml")
    ctx = SiteContext(today=settings.growth.effective_today(), base=settings.growth.base)
    return [page.path for page in site_pages(store, ctx)]


@pytest.mark.parametrize("path", generated_paths())
def test_every_generated_page_reads_the_same_both_ways(sites: tuple[Path, Path], path: str) -> None:
    plugin, plain = sites
    with_plugin = text(article(page_html(plugin, path)))
    without = text(article(page_html(plain, path)))
    assert with_plugin == without
    assert len(with_plugin) > 40  # a page, not an empty shell


def card_paths() -> list[tuple[str, str]]:
    settings = load_settings(str(ROOT / "mkdocs.yml"))
    store = store_of(ROOT / "mkdocs.yml")
    base = settings.growth.base
    return [(store.path_of(card), f"{base}/cards/{card.id}.md") for card in store.cards]


@pytest.mark.parametrize(("card", "header_page"), card_paths())
def test_every_card_header_reads_the_same_both_ways(
    sites: tuple[Path, Path], card: str, header_page: str
) -> None:
    plugin, plain = sites
    page = article(page_html(plugin, card))
    start = page.index(f'<div class="{HEADER_CLASS}">')
    end = page.index("<hr", start)
    header = text(page[start:end])
    own_page = text(article(page_html(plain, header_page)))
    assert "Read the card" in own_page
    shown = own_page[own_page.index("Read the card") + len("Read the card") :].strip()
    assert header == shown
    assert "Goal:" in header


def task_list(html: str) -> str:
    found = re.search(r'<ul class="task-list">.*?</ul>', html, re.S)
    assert found is not None
    return " ".join(unescape(found.group(0)).split())  # markup compared, not how text is encoded


def test_milestones_are_the_sites_own_task_lists(sites: tuple[Path, Path]) -> None:
    """The plugin's HTML task list is the one pymdownx.tasklist makes (custom checkboxes on)."""
    plugin, plain = sites
    [(card, header_page), *_] = [p for p in card_paths() if "task-list" in page_html(plain, p[1])]
    made_by_plugin = task_list(article(page_html(plugin, card)))
    made_by_markdown = task_list(article(page_html(plain, header_page)))
    # the plugin names each box for screen readers (pymdownx leaves it unnamed): that aside
    named = re.compile(r' aria-label="(?:done|not done)"')
    assert named.search(made_by_plugin)
    assert named.sub("", made_by_plugin) == made_by_markdown
    assert 'class="task-list-control"' in made_by_plugin
