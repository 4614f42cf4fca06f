"""A new store's first build and first `mkdocs serve`, as a new user sees them.

Empty generated sections stay out of the navigation until they have content
(the pages are still built: links to them never break); a store with no
cards is not told a mentor check-in is due; `mkdocs serve` says where the
dashboard is, under site_url's path as MkDocs mounts the site there.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from conftest import card, front_matter, write_store
from mkdocs.commands.build import build
from mkdocs.config import load_config

OPTIONS = {"today": "2026-11-24"}
DOMAINS = [
    {"id": "observability", "title": "Observability"},
    {"id": "mentoring", "title": "Mentoring", "kind": "soft-skill"},
]
# A real MkDocs hook (the `hooks:` setting) records the navigation MkDocs built.
NAV_HOOK = """
import json, os

def on_nav(nav, config, files):
    pages = [page.file.src_uri for page in nav.pages]
    with open(os.path.join(os.path.dirname(config.config_file_path), "nav.json"), "w") as f:
        json.dump(pages, f)
"""
GROWTH_NAV_ALWAYS = ["growth/index.md", "growth/checklist.md"]


def build_nav(
    tmp_path: Path,
    files: dict[str, str],
    strict: bool = True,
    domains: list[dict[str, str]] = DOMAINS,
    **config: object,
) -> list[str]:
    """Build the store; return the docs-relative paths of the pages in its navigation."""
    (tmp_path / "nav_hook.py").write_text(NAV_HOOK, encoding="utf-8")
    settings = {"hooks": ["nav_hook.py"], "site_url": "https://me.example.org/growth-site/"}
    config_file = write_store(
        tmp_path,
        {"index.md": "# Me\n", **files},
        {**OPTIONS, "domains": domains},
        config={**settings, **config},
    )
    build(load_config(config_file=str(config_file), strict=strict))
    return json.loads((tmp_path / "nav.json").read_text(encoding="utf-8"))


def growth_nav(nav: list[str]) -> list[str]:
    return [path for path in nav if path.startswith("growth/")]


def test_a_new_store_shows_only_the_dashboard_and_checklist(tmp_path: Path) -> None:
    nav = build_nav(tmp_path, {})
    assert growth_nav(nav) == GROWTH_NAV_ALWAYS
    site = tmp_path / "site" / "growth"
    pages = ("priorities", "notes", "feedback", "reviews", "problems", "domains/mentoring")
    for page in (*pages, "reports/2026-Q4"):
        assert (site / page / "index.html").is_file(), page  # built, only not in the nav
    dashboard = (site / "index.html").read_text(encoding="utf-8")
    assert "check-in due" not in dashboard
    assert "Mentor check-ins start with your first card." in dashboard
    # each empty page says so in a sentence a reader can take at its word
    assert "<p>No notes yet.</p>" in dashboard
    mentoring = (site / "domains" / "mentoring" / "index.html").read_text(encoding="utf-8")
    assert "<p>No cards in this domain yet.</p>" in mentoring
    priorities = (site / "priorities" / "index.html").read_text(encoding="utf-8")
    assert "<p>No open cards.</p>" in priorities


def test_each_section_joins_the_nav_with_its_first_content(tmp_path: Path) -> None:
    note = front_matter(
        {"type": "note", "title": "Trace context", "date": "2026-11-02", "domain": "observability"}
    )
    files = {
        "cards/trace.md": card(horizon="2026-Q4", concepts=["traceparent"]),
        "notes/n.md": note,
    }
    nav = growth_nav(build_nav(tmp_path, files))
    assert nav == [
        *GROWTH_NAV_ALWAYS,
        "growth/notes.md",
        "growth/priorities.md",
        "growth/reviews.md",
        "growth/domains/index.md",
        "growth/domains/observability.md",
        "growth/horizons/index.md",
        "growth/horizons/2026-Q4.md",
        "growth/reports/2026-Q4.md",  # the review packet of the card's horizon
    ]  # no decisions, talks, playbooks, retros, feedback, problems, mentoring yet


def test_a_domain_of_id_index_stays_out_of_the_nav_until_it_has_content(tmp_path: Path) -> None:
    """Its page is domains/index/index.md (site.urls.id_page), one folder deeper than the rest."""
    files = {"cards/trace.md": card(horizon="2026-Q4")}
    domains = [*DOMAINS, {"id": "index", "title": "Index"}]
    nav = growth_nav(build_nav(tmp_path, files, domains=domains))
    assert "growth/domains/observability.md" in nav
    assert "growth/domains/index/index.md" not in nav
    assert (tmp_path / "site" / "growth" / "domains" / "index" / "index.html").is_file()


def test_problems_show_in_the_nav_while_there_are_any(tmp_path: Path) -> None:
    files = {"cards/trace.md": card(horizon="2026-Q4", milestones=[])}  # a warning
    assert "growth/problems.md" in build_nav(tmp_path, files, strict=False)


def test_an_explicit_nav_is_the_authors(tmp_path: Path) -> None:
    nav = build_nav(tmp_path, {}, nav=[{"Me": "index.md"}, {"Notes": "growth/notes.md"}])
    assert nav == ["index.md", "growth/notes.md"]  # listed by the author, empty or not


def test_serve_logs_the_dashboard_address_under_site_urls_path(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """As `mkdocs serve` does: site_url becomes the server's address, mounted at its path."""
    config_file = write_store(
        tmp_path,
        {"cards/trace.md": card(horizon="2026-Q4")},
        OPTIONS,
        config={"site_url": "https://me.github.io/growth-site/"},
    )
    for rebuild in range(2):
        config = load_config(config_file=str(config_file), site_dir=str(tmp_path / "served"))
        config.site_url = "http://127.0.0.1:8000/growth-site/"
        if rebuild == 0:  # serve starts once, then rebuilds with the same plugin instance
            config.plugins.on_startup(command="serve", dirty=False)
        with caplog.at_level(logging.INFO, logger="mkdocs"):
            build(config, serve_url=config.site_url)
    shown = [r.getMessage() for r in caplog.records if "growth dashboard is at" in r.getMessage()]
    assert shown == [
        "mkdocs_growth: the growth dashboard is at http://127.0.0.1:8000/growth-site/growth/"
    ]
    assert (tmp_path / "served" / "growth" / "index.html").is_file()


def test_a_plain_build_does_not_log_a_server_address(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config_file = write_store(tmp_path, {"cards/trace.md": card(horizon="2026-Q4")}, OPTIONS)
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        build(load_config(config_file=str(config_file)))
    assert not [r for r in caplog.records if "growth dashboard is at" in r.getMessage()]
