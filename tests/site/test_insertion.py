"""Growth's HTML reaches the published page whatever other plugins do to it afterwards.

Generated pages and card headers are put into ``page.content`` right after
Python-Markdown (``on_page_content``, high priority), at a marker growth's
own Markdown left or after the page's leading ``<h1>``. A plugin listed after
growth that re-serializes every page (glightbox parses and rewrites the HTML:
``&#x27;`` becomes ``'``) must find the content complete; a plugin that
removes growth's marker must make the build say so.
"""

from __future__ import annotations

import logging
import re
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from conftest import built_once, card, front_matter, write_store
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin

TODAY = "2026-05-01"
TITLE = "Ana's trace explorer"  # the apostrophe is what re-serialization changes
OPTIONS = {
    "today": TODAY,
    "domains": [{"id": "observability", "title": "Observability"}],
    "horizons": [{"id": "2026-Q2", "start": "2026-04-01", "end": "2026-06-30"}],
}
RUBRIC = {
    "before": {"confidence": 2, "competence": 2, "impact": 2, "clarity": 2},
    "after": {"confidence": 4, "competence": 3, "impact": 4, "clarity": 3},
}
# Words internal to growth that must never reach a published page.
INTERNAL = re.compile(r"<!--\s*growth|data-growth-listing|growthlisting", re.I)


def files() -> dict[str, str]:
    return {
        "index.md": "# Home\n",
        "cards/trace.md": card(
            title=TITLE,
            goal="Find the slow span of Ana's requests in a minute.",
            status="active",
            date="2026-04-01",
            concepts=["Tail sampling"],
            rubric=RUBRIC,
            metrics=[{"name": "p95 lookup", "unit": "s", "baseline": 300, "target": 60}],
            artifacts=[{"kind": "technical", "title": "Demo repo", "url": "../notes/n.md"}],
        ),
        "notes/n.md": front_matter(
            {"type": "note", "title": "Bob's note", "date": "2026-04-24", "domain": "observability"}
        ),
    }


def article(html: str) -> str:
    """The page's main content (Material's ``<article>``): nav and sidebars left out."""
    start = html.index("<article")
    return html[start : html.index("</article>", start)]


def text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def build_site(tmp_path: Path, plugins: list[Any], **extra: Any) -> Path:
    config_file = write_store(
        tmp_path,
        files(),
        OPTIONS,
        config={"theme": {"name": "material"}, "plugins": plugins, **extra},
    )
    build(load_config(config_file=str(config_file)))
    return tmp_path / "site"


@pytest.fixture(scope=built_once)
def glightbox_after_growth(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("mkdocs_glightbox")
    tmp = tmp_path_factory.mktemp("glightbox")
    return build_site(tmp, ["search", {"growth": OPTIONS}, "glightbox"])


def read(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def test_card_header_complete_after_glightbox(glightbox_after_growth: Path) -> None:
    body = article(read(glightbox_after_growth, "cards/trace"))
    assert 'class="growth-card-header"' in body
    assert '<div class="growth-rubric">' in body and "<svg" in body  # the chart, not a stand-in
    assert re.search(r'<a href="../../growth/domains/observability/">Observability</a>', body)
    assert '<td data-label="Metric">p95 lookup</td>' in body  # the metrics table
    assert "☐ <strong>Read the paper</strong>: done when" in body  # the milestones
    assert body.index("growth-card-header") < body.index("Some text.")  # above the author's text


@pytest.mark.parametrize(
    "page",
    [
        "growth/priorities",
        "growth/reviews",
        "growth/domains/observability",
        "growth/horizons/2026-Q2",
    ],
)
def test_listings_complete_after_glightbox(glightbox_after_growth: Path, page: str) -> None:
    body = article(read(glightbox_after_growth, page))
    assert re.search(r'<a href="[^"]*cards/trace/">Ana(\'|&#x27;|&#39;)s trace explorer</a>', body)


def test_no_internal_marker_is_published(glightbox_after_growth: Path) -> None:
    leaked = [
        str(p.relative_to(glightbox_after_growth))
        for p in glightbox_after_growth.rglob("*")
        if p.suffix in (".html", ".json") and INTERNAL.search(p.read_text(encoding="utf-8"))
    ]
    assert leaked == []


def test_search_indexes_the_header_and_listings(glightbox_after_growth: Path) -> None:
    import json

    index = json.loads((glightbox_after_growth / "search/search_index.json").read_text("utf-8"))
    by_page: dict[str, str] = {}
    for doc in index["docs"]:
        page = doc["location"].split("#")[0]
        by_page[page] = by_page.get(page, "") + " " + text(doc["text"])
    assert "Tail sampling" in by_page["cards/trace/"]  # header words
    assert "Find the slow span of Ana's requests" in by_page["cards/trace/"]
    assert TITLE in by_page["growth/priorities/"]  # listing words


class StripComments(BasePlugin):
    """A plugin that drops HTML comments from every page's Markdown (as some cleaners do)."""

    def on_page_markdown(self, markdown: str, **kwargs: Any) -> str:
        return re.sub(r"<!--.*?-->", "", markdown, flags=re.S)


def _build_with_stripper(tmp_path: Path, strict: bool) -> None:
    config_file = write_store(
        tmp_path, files(), OPTIONS, config={"site_url": "https://example.com/"}
    )
    config = load_config(config_file=str(config_file), strict=strict)
    config.plugins["strip-comments"] = StripComments()  # a real plugin, after growth
    build(config)


def test_a_lost_marker_is_a_warning_naming_the_page(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        _build_with_stripper(tmp_path, strict=False)
    lost = [r.getMessage() for r in caplog.records if "could not place" in r.getMessage()]
    assert any("growth/priorities.md: growth could not place" in m for m in lost), caplog.text
    # the reader is told why, and who did it
    why = ": their markers are missing from the page's HTML (another plugin changed the page)"
    assert all(m.endswith(why) for m in lost), lost
    assert all(
        r.levelno == logging.WARNING for r in caplog.records if "could not place" in r.getMessage()
    )


def test_a_lost_marker_fails_a_strict_build(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        _build_with_stripper(tmp_path, strict=True)
    assert "could not place" in caplog.text and ".md: " in caplog.text


class Footer(BasePlugin):
    """Changes every page in on_page_context, at search's own priority."""

    def on_page_context(self, context: Any, *, page: Any, **kwargs: Any) -> Any:
        page.content = (page.content or "") + "<p>FOOTER-ADDED</p>"
        return context


class RenameClassesLate(BasePlugin):
    """Renames every class in the page in on_page_context (growth's divs lose theirs)."""

    def on_page_context(self, context: Any, *, page: Any, **kwargs: Any) -> Any:
        page.content = (page.content or "").replace('class="growth-', 'class="renamed-')
        return context


def _build_with(tmp_path: Path, plugin: BasePlugin, strict: bool = False) -> Path:
    config_file = write_store(
        tmp_path, files(), OPTIONS, config={"site_url": "https://example.com/"}
    )
    config = load_config(config_file=str(config_file), strict=strict)
    config.plugins["other"] = plugin
    build(config)
    return tmp_path / "site"


def test_a_page_changed_while_search_reads_it_keeps_both_changes(tmp_path: Path) -> None:
    site = _build_with(tmp_path, Footer())
    card = (site / "cards/trace/index.html").read_text(encoding="utf-8")
    assert (
        "<svg" in card
        and '<td data-label="Metric">p95 lookup</td>' in card
        and "FOOTER-ADDED" in card
    )
    priorities = (site / "growth/priorities/index.html").read_text(encoding="utf-8")
    assert "<table>" in priorities and "FOOTER-ADDED" in priorities
    assert not INTERNAL.search(card + priorities)


def test_a_plugin_rewriting_growths_html_late_publishes_its_rewrite(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Growth no longer swaps the page during on_page_context: nothing to lose, nothing undone."""
    with caplog.at_level(logging.WARNING):
        site = _build_with(tmp_path, RenameClassesLate(), strict=True)
    card = (site / "cards/trace/index.html").read_text(encoding="utf-8")
    assert 'class="renamed-card-header"' in card and "<svg" in card
    assert '<td data-label="Metric">p95 lookup</td>' in card
    assert "could not place" not in caplog.text
