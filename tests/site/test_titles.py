"""Titles that come from ``mkdocs.yml`` (domain and horizon titles) display literally.

MkDocs derives a page's title from its first heading and decodes character
references on the way; themes print ``page.title`` into ``<title>`` and the
navigation unescaped. Generated pages therefore carry an explicit, escaped
``title`` in front matter, in the plugin's build and in ``generate`` output
built by plain MkDocs alike.
"""

from __future__ import annotations

import re
import shutil
from html import unescape
from pathlib import Path

import pytest
import yaml
from conftest import card, write_store
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_growth.cli import main

HOSTILE = "</title><script>alert(2)</script>"
OPTIONS = {
    "today": "2026-05-01",
    "domains": [{"id": "observability", "title": HOSTILE}],
    "horizons": [{"id": "2026-Q2", "title": HOSTILE, "start": "2026-04-01", "end": "2026-06-30"}],
}
SITE_NAME = "Titles"
THEMES = ["material", "mkdocs"]


def pages_of(site: Path) -> dict[str, str]:
    return {str(p.relative_to(site)): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}


def title_of(html: str) -> str:
    found = re.search(r"<title>(.*?)</title>", html, re.S)
    assert found is not None
    return unescape(found.group(1)).strip()


def assert_titles_literal(site: Path) -> None:
    pages = pages_of(site)
    for name, html in pages.items():
        assert "<script>alert(2)" not in html, name
    for page in ("growth/domains/observability/index.html", "growth/horizons/2026-Q2/index.html"):
        assert title_of(pages[page]) == f"{HOSTILE} - {SITE_NAME}", page
    nav = unescape(pages["index.html"])
    assert nav.count(HOSTILE) >= 2  # both pages listed in the navigation, as text


def store(tmp_path: Path, theme: str) -> Path:
    files = {"index.md": "# Home\n", "cards/trace.md": card()}
    config = {"site_name": SITE_NAME, "theme": {"name": theme}, "site_url": "https://x.test/"}
    return write_store(tmp_path, files, OPTIONS, config=config)


@pytest.mark.parametrize("theme", THEMES)
def test_titles_from_mkdocs_yml_reach_title_escaped(tmp_path: Path, theme: str) -> None:
    build(load_config(config_file=str(store(tmp_path, theme))))
    assert_titles_literal(tmp_path / "site")


@pytest.mark.parametrize("theme", THEMES)
def test_titles_from_mkdocs_yml_reach_title_escaped_in_generate_output(
    tmp_path: Path, theme: str
) -> None:
    config_file = store(tmp_path, theme)
    out = tmp_path / "out"
    assert main(["generate", "-f", str(config_file), "--out", str(out)]) == 0
    combined = tmp_path / "combined"
    shutil.copytree(tmp_path / "docs", combined)
    shutil.copytree(out, combined, dirs_exist_ok=True)
    plain = {
        "site_name": SITE_NAME,
        "docs_dir": str(combined),
        "site_dir": str(tmp_path / "plain"),
        "theme": {"name": theme},
        "plugins": ["search"],
    }
    plain_file = tmp_path / "plain.yml"
    plain_file.write_text(yaml.safe_dump(plain), encoding="utf-8")
    build(load_config(config_file=str(plain_file)))
    assert_titles_literal(tmp_path / "plain")
