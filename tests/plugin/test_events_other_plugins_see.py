"""Every plugin event after Markdown sees growth's real HTML; only search reads the lighter view.

A hook editing ``page.content`` in ``on_page_context`` (before and after
search indexes the page) must find the card header and the generated
blocks, and its edit must be published (issue 23: growth used to hand
plugins a words-only view during that event and put its pieces back over
their edits). The search index still gets growth's words without its tags.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from conftest import card, front_matter, write_store
from mkdocs.commands.build import build
from mkdocs.config import load_config

OPTIONS = {"domains": [{"id": "observability"}], "today": "2026-05-01"}
RUBRIC = {  # the card page draws a chart of it
    "before": {"confidence": 2, "competence": 2, "impact": 2, "clarity": 2},
    "after": {"confidence": 4, "competence": 3, "impact": 4, "clarity": 3},
}

HOOK = """\
from mkdocs.plugins import event_priority

@event_priority({priority})
def on_page_context(context, page, config, nav):
    if page.file.src_uri in ("cards/trace.md", "growth/priorities.md"):
        seen = "growth-card-header" in page.content or "growth-blocks" in page.content
        charts = page.content.count("<svg")
        page.content += f'<p id="hook-edit">seen={{seen}} charts={{charts}}</p>'
    return context
"""


@pytest.mark.parametrize("priority", [100, 0, -50])
def test_a_hook_editing_page_content_sees_growths_html_and_keeps_its_edit(
    tmp_path: Path, priority: int
) -> None:
    (tmp_path / "hook.py").write_text(HOOK.format(priority=priority), encoding="utf-8")
    files = {"cards/trace.md": card(horizon="2026-Q2", rubric=RUBRIC)}
    config_file = write_store(tmp_path, files, OPTIONS, config={"hooks": ["hook.py"]})
    build(load_config(config_file=str(config_file), strict=True))
    site = tmp_path / "site"
    for page in ("cards/trace", "growth/priorities"):
        html = (site / page / "index.html").read_text(encoding="utf-8")
        assert '<p id="hook-edit">seen=True charts=' in html, page
        assert '<p id="hook-edit">seen=True charts=0</p>' not in html, page  # charts there too
        assert "growth-card-header" in html or "growth-blocks" in html, page
    assert_search_reads_growths_words(site)


def assert_search_reads_growths_words(site: Path) -> None:
    """The search index holds the words of growth's pieces, without tags or charts' labels."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    card_text = " ".join(d["text"] for d in index["docs"] if d["location"].startswith("cards/"))
    assert "Find the slow span" in card_text  # the header's words are searchable
    assert "<svg" not in card_text and "<table" not in card_text  # without its tags
    # nor a chart's labels: a search for "before and after" finds no picture's caption
    assert "Rubric before and after" not in card_text and "Self-rating" not in card_text
    priorities = " ".join(
        d["text"] for d in index["docs"] if d["location"].startswith("growth/priorities/")
    )
    assert "The data as a table" in priorities and "quick wins" not in priorities


def test_search_reads_growths_words_when_growth_is_listed_before_it(tmp_path: Path) -> None:
    files = {"cards/trace.md": card(horizon="2026-Q2", rubric=RUBRIC)}
    plugins = [{"growth": OPTIONS}, "search"]
    config_file = write_store(tmp_path, files, OPTIONS, config={"plugins": plugins})
    build(load_config(config_file=str(config_file), strict=True))
    assert_search_reads_growths_words(tmp_path / "site")


def test_a_growth_document_without_a_heading_gets_its_title_as_h1(tmp_path: Path) -> None:
    """Titles live in front matter: the built-in `mkdocs` theme would show no heading at all."""
    meta = yaml.safe_load(card(horizon="2026-Q2").split("---\n")[1])
    files = {"cards/trace.md": front_matter(meta, "## Context\n\nWhy.\n")}
    config_file = write_store(tmp_path, files, OPTIONS, config={"theme": "mkdocs"})
    build(load_config(config_file=str(config_file), strict=True))
    html = (tmp_path / "site" / "cards" / "trace" / "index.html").read_text(encoding="utf-8")
    assert "<h1>Distributed trace explorer</h1>" in html
    assert html.index("<h1>Distributed trace explorer</h1>") < html.index("growth-card-header")
