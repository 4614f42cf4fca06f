"""Front matter MkDocs reads is front matter growth reads, and every title displays literally.

The trial's finding: a block opening with a comment or a ``? key``, a closing
``---`` on the last line without a newline, and an unfenced MultiMarkdown head
let MkDocs read metadata growth did not, so a title such as
``<img src=x onerror=alert(1)>`` reached the navigation of every page as live
HTML while ``validate`` said 0 errors. One Material site with search, built once.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import built_once, write_store
from mkdocs.commands.build import build
from mkdocs.config import load_config

XSS = "<img src=x onerror=alert(1)>"
SHOWN = "&lt;img src=x onerror=alert(1)&gt;"
NOTE = "type: note\ndate: 2026-04-01\n"

FILES = {
    "index.md": "# Home\n\nA plain page.\n",
    "notes/comment-first.md": f"---\n# reviewed weekly\n{NOTE}title: '{XSS} comment'\n---\n\nBody\n",
    "notes/complex-key.md": f"---\n? title\n: '{XSS} complex'\n{NOTE}---\n\nBody\n",
    "notes/closed-at-end.md": f"---\n{NOTE}title: '{XSS} at end'\n---",
    "pages/multimarkdown.md": f"Title: {XSS} multimarkdown\n\nBody of a plain page.\n",
    "pages/plain-yaml.md": f"---\ntitle: '{XSS} plain'\n---\n\nA page that is no growth document.\n",
    "pages/year.md": "---\ntitle: 1984\n---\n\nA plain page whose YAML title is a number.\n",
}


@pytest.fixture(scope=built_once)
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("titles")
    config = write_store(
        root,
        FILES,
        {"today": "2026-05-01"},
        config={"theme": {"name": "material", "font": False}},
    )
    build(load_config(config_file=str(config)))
    return root / "site"


def _pages(site: Path) -> dict[str, str]:
    return {str(p.relative_to(site)): p.read_text("utf-8") for p in site.rglob("*.html")}


def test_no_front_matter_title_reaches_any_page_as_html(site: Path) -> None:
    for name, html in _pages(site).items():
        assert "<img src=x" not in html, name


@pytest.mark.parametrize("which", ["comment", "complex", "multimarkdown", "plain"])
def test_titles_display_literally_in_nav_and_title(site: Path, which: str) -> None:
    home = (site / "index.html").read_text("utf-8")
    nav = home[home.index('<nav class="md-nav md-nav--primary"') :]
    assert f"{SHOWN} {which}" in " ".join(nav.split())
    page = {
        "comment": "notes/comment-first",
        "complex": "notes/complex-key",
        "multimarkdown": "pages/multimarkdown",
        "plain": "pages/plain-yaml",
    }[which]
    html = (site / page / "index.html").read_text("utf-8")
    title = re.search(r"<title>(.*?)</title>", html, re.S)
    assert title and title.group(1).startswith(f"{SHOWN} {which}")


def test_search_index_titles_are_literal(site: Path) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    titles = {doc["location"]: doc["title"] for doc in index["docs"] if "#" not in doc["location"]}
    assert titles["notes/comment-first/"] == f"{SHOWN} comment"
    assert titles["pages/multimarkdown/"] == f"{SHOWN} multimarkdown"
    assert not any(XSS in doc["title"] for doc in index["docs"])


def test_documents_are_the_ones_mkdocs_reads_metadata_from(site: Path) -> None:
    documents = json.loads((site / "growth.json").read_text("utf-8"))["documents"]
    ids = {d["id"] for d in documents}
    assert {"comment-first", "complex-key"} <= ids
    assert "closed-at-end" not in ids  # MkDocs shows it as text: never a document


def test_closing_delimiter_at_the_end_is_reported_with_the_fix(site: Path) -> None:
    problems = (site / "growth" / "problems" / "index.html").read_text("utf-8")
    assert "notes/closed-at-end.md" in problems and "newline" in problems


def test_a_plain_pages_numeric_title_is_shown_as_written(site: Path) -> None:
    html = (site / "pages" / "year" / "index.html").read_text("utf-8")
    title = re.search(r"<title>(.*?)</title>", html, re.S)
    assert title and title.group(1).startswith("1984 ")
