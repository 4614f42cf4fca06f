"""Listing blocks rendered without Markdown must be exactly what Markdown makes of them.

``listing_html`` is a shortcut for speed: the generated pages' tables and
lists skip Python-Markdown. These tests hold it to byte-for-byte equality with
Python-Markdown (directly, and through real MkDocs builds with the shortcut on
and off), and check that anything outside its dialect falls back to Markdown.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import markdown
import pytest
from conftest import card, front_matter, write_store
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.commands.build import build
from mkdocs.config import load_config

import mkdocs_growth.plugin.events as plugin_module
from mkdocs_growth.site.listing_html import convert, fast_path_allowed
from mkdocs_growth.site.render import md_text

# Material's recommended extensions plus the rest of the allow-list that can share a page.
MATERIAL_SET = [
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "footnotes",
    "md_in_html",
    "tables",
    "toc",
    "pymdownx.arithmatex",
    "pymdownx.betterem",
    "pymdownx.caret",
    "pymdownx.critic",
    "pymdownx.details",
    "pymdownx.emoji",
    "pymdownx.highlight",
    "pymdownx.inlinehilite",
    "pymdownx.keys",
    "pymdownx.mark",
    "pymdownx.progressbar",
    "pymdownx.saneheaders",
    "pymdownx.superfences",
    "pymdownx.tabbed",
    "pymdownx.tasklist",
    "pymdownx.tilde",
]
NASTY = [
    "Trace <script>alert(1)</script> | explorer",
    "**bold** _em_ `code` ~~del~~ ==mark== ^^ins^^ ++ctrl+alt++ $x$ {++add++}",
    "[x](javascript:alert(1)) ![i](x.png) <https://x.y> :smile: {: .cls }",
    "1/2 (c) --> +/- 1st... \"quotes\" 'single' -- --- www.example.com @user #1",
    "back\\slash & amp &amp; &#38; &#x26; &bogus tab\there",
    "[ ] task-looking [x] and !!! note ??? details === tab",
    "Ünïcödé 漢字 🙂 ‮rtl",
]


def identity(target: str) -> str:
    return target


def md(block: str, extensions: list[str] | None = None) -> str:
    return markdown.markdown(block, extensions=extensions or ["tables", "toc"])


def table(rows: list[list[str]]) -> str:
    head = "| # | id | Title | Note |\n|---|---|---|---|\n"
    return head + "".join(
        f"| {n} | `card-{n}` | [{md_text(t)}](../cards/c{n}.md) | {md_text(x)} · done |\n"
        for n, (t, x) in enumerate(rows, 1)
    )


def tight_list(items: list[str]) -> str:
    return "".join(
        f"- 2026-05-01 · [{md_text(t)}](c{n}.md) · tags: {md_text(t)}\n"
        for n, t in enumerate(items)
    )


def loose_list(items: list[str]) -> str:
    return "".join(
        f"- [{md_text(t)}](c{n}.md) · active · 3/4 milestones done\n\n" for n, t in enumerate(items)
    )


@pytest.mark.parametrize("make", [table, tight_list, loose_list], ids=["table", "tight", "loose"])
@pytest.mark.parametrize(
    "extensions", [["tables", "toc"], MATERIAL_SET], ids=["default", "material"]
)
def test_same_html_as_markdown_for_hostile_text(make: Any, extensions: list[str]) -> None:
    block = make([[t, t] for t in NASTY] if make is table else NASTY)
    converted = convert(block, identity)
    assert converted is not None
    assert converted.html == md(block, extensions)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.text(max_size=40), st.text(max_size=40)), min_size=1, max_size=6))
def test_same_html_as_markdown_for_any_text(rows: list[tuple[str, str]]) -> None:
    for block in (table([list(r) for r in rows]), tight_list([a for a, _ in rows])):
        converted = convert(block, identity)
        if converted is not None:  # None: outside the dialect, Markdown renders it
            assert converted.html == md(block, MATERIAL_SET), block
    loose = loose_list([a for a, _ in rows])
    converted = convert(loose, identity)
    if converted is not None and len(rows) > 1:
        assert converted.html == md(loose), loose


def test_one_item_loose_list_is_tight_like_markdown() -> None:
    block = "- [Only](x.md) · active\n\n"
    converted = convert(block, identity)
    assert converted is not None and converted.html == md(block)


@pytest.mark.parametrize(
    "block",
    [
        "| a | b |\n|:---|---|\n| 1 | 2 |\n",  # alignment
        "| a | b |\n|---|---|\n| 1 |\n",  # missing cell
        "| a | b |\n|---|---|\n| *1* | 2 |\n",  # emphasis
        "| a | b |\n|---|---|\n| <b>1</b> | 2 |\n",  # raw HTML
        "- a\n- b\n\n- c\n",  # tight, then loose
        "- # heading\n",  # a block inside an item
        "- 1. nested\n",
        "- a  \n",  # trailing spaces
        "- [x](https://example.com) link out\n",  # resolver refuses
        "paragraph\n",
        "",
    ],
)
def test_outside_the_dialect_is_left_to_markdown(block: str) -> None:
    def href(target: str) -> str | None:
        return None if "://" in target else target

    assert convert(block, href) is None


def test_search_text_has_every_word_and_no_markup() -> None:
    converted = convert(table([["Alpha & beta", "gamma"]]), identity)
    assert converted is not None
    assert "Alpha &#38; beta" in converted.text and "card-1" in converted.text
    assert "<" not in converted.text and "|" not in converted.text


def test_allow_list() -> None:
    assert fast_path_allowed([])
    assert fast_path_allowed(["toc", "tables", "markdown.extensions.admonition"])
    assert fast_path_allowed(MATERIAL_SET)
    assert not fast_path_allowed(["pymdownx.smartsymbols"])
    assert not fast_path_allowed(["smarty"])
    assert not fast_path_allowed(["pymdownx.magiclink"])
    assert not fast_path_allowed(["tables", object()])


# --- real builds: the shortcut on and off must publish the same pages --------------------

OPTIONS = {
    "today": "2026-05-01",
    "domains": [{"id": "observability"}, {"id": "communication", "kind": "soft-skill"}],
    "horizons": [
        {"id": "2026-Q1", "start": "2026-01-01", "end": "2026-03-31"},
        {"id": "2026-Q2", "start": "2026-04-01", "end": "2026-06-30"},
    ],
}


def _files() -> dict[str, str]:
    files = {"index.md": "# Home\n"}
    for n, title in enumerate(NASTY):
        files[f"cards/c{n}.md"] = card(
            title=title,
            horizon="2026-Q1" if n % 2 else "2026-Q2",
            domain="communication" if n % 3 == 0 else "observability",
            concepts=[title[:20], "spans"],
            feedback=[{"date": "2026-04-20", "from": title, "went_well": title}],
            # the review packets list artifacts: external links and ones relative to the card
            artifacts=[
                {"kind": "technical", "title": title, "url": f"https://example.com/a b/{n}?x=(1)"},
                {"kind": "people", "title": "The note", "url": f"../notes/n {n} ü.md#top"},
                {"kind": "process", "title": "Mail", "url": "mailto:me@example.com"},
            ],
        )
        files[f"notes/n {n} ü.md"] = front_matter(
            {
                "type": "note",
                "id": f"note-{n}",
                "title": title,
                "date": f"2026-04-{n + 1:02d}",
                "tags": [title],
            }
        )
    files["cards/broken.md"] = card(title="Broken <b>", scores={"impact": 9})
    return files


def _build(tmp: Path, fast: bool, monkeypatch: pytest.MonkeyPatch, **config: Any) -> Path:
    with monkeypatch.context() as patch:
        if not fast:
            patch.setattr(plugin_module, "fast_path_allowed", lambda extensions: False)
        config_file = write_store(tmp, _files(), OPTIONS, config=config)
        build(load_config(config_file=str(config_file)))
    return tmp / "site"


def _pages(site: Path) -> dict[str, str]:
    return {
        str(p.relative_to(site)): p.read_text(encoding="utf-8")
        for p in sorted(site.rglob("*.html"))
    }


@pytest.mark.parametrize("directory_urls", [True, False], ids=["dirurls", "htmlurls"])
def test_site_is_identical_with_and_without_the_shortcut(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, directory_urls: bool
) -> None:
    config = {
        "theme": {"name": "material"},
        "use_directory_urls": directory_urls,
        "markdown_extensions": MATERIAL_SET,
    }
    slow = _pages(_build(tmp_path / "slow", False, monkeypatch, **config))
    fast = _pages(_build(tmp_path / "fast", True, monkeypatch, **config))
    assert slow.keys() == fast.keys()
    differ = [name for name in slow if slow[name] != fast[name]]
    assert differ == []
    assert all("growthlisting" not in html for html in fast.values())
    # The listings really were there: a table row and a loose-list item.
    priorities = fast[
        "growth/priorities/index.html" if directory_urls else "growth/priorities.html"
    ]
    assert priorities.count("<tr>") == len(NASTY) + 1


def test_listing_words_are_in_the_search_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = _build(tmp_path, True, monkeypatch, theme={"name": "material"})
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    text = " ".join(
        d["text"] for d in index["docs"] if d["location"].startswith("growth/priorities")
    )
    assert "Ünïcödé 漢字" in text and "&lt;script&gt;" in text


def test_extension_outside_the_allow_list_keeps_listings_in_markdown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """pymdownx.smartsymbols turns 1/2 into ½ in Markdown: the listing must get it too."""
    site = _build(
        tmp_path, True, monkeypatch, markdown_extensions=["tables", "pymdownx.smartsymbols"]
    )
    priorities = (site / "growth/priorities/index.html").read_text(encoding="utf-8")
    assert "&frac12;" in priorities and "1<sup>st</sup>" in priorities
    assert "growthlisting" not in priorities
