"""What the generated pages list, read from a real Material build, article only.

A trial changed the code in small wrong ways (the dashboard listing no
notes, list pages listing nothing, drafts in a ``mkdocs build``, a user's own
``growth/index.md`` replaced, ``~`` left unescaped) and the page tests stayed
green: they looked for text anywhere in the page, and the navigation holds
every title (and a dashboard saying "over max_active" at the limit went
unnoticed too). These tests read the page's ``<article>`` only and build real
sites, so they hold whichever way the pages are rendered inside.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
from html import unescape
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import MILESTONES, built_once, card, front_matter, write_store
from mkdocs.commands.build import build
from mkdocs.config import load_config

OPTIONS = {"today": "2026-05-01"}
TILDE_TITLE = "Strike ~~this~~ and H~2~O ^^ins^^ x^2^"
EXTENSIONS = ["pymdownx.tilde", "pymdownx.caret", "tables"]
# One document of each listed type, with titles the navigation also shows.
LISTED = {
    "notes/week-17.md": ("note", "Week 17 sampling notes"),
    "decisions/adr-1.md": ("decision", "Adopt tail sampling"),
    "talks/intro.md": ("talk", "Tracing for beginners"),
    "playbooks/oncall.md": ("playbook", "On-call handover"),
    "retros/q1.md": ("retro", "Q1 retrospective"),
}
LIST_PAGES = {
    "note": "notes",
    "decision": "decisions",
    "talk": "talks",
    "playbook": "playbooks",
    "retro": "retros",
}
DRAFT_TITLE = "Secret draft card zq"


def article(html: str) -> str:
    """The page's main content: Material's ``<article class="md-content__inner ...">``."""
    match = re.search(r'<article class="md-content__inner[^"]*">(.*?)</article>', html, re.S)
    assert match, "no article in the page"
    return match[1]


def page_article(site: Path, url: str) -> str:
    return article((site / url / "index.html").read_text(encoding="utf-8"))


def store_files() -> dict[str, str]:
    files = {"index.md": "# Home\n"}
    for path, (kind, title) in LISTED.items():
        meta: dict[str, Any] = {"type": kind, "title": title}
        if kind != "playbook":
            meta["date"] = "2026-04-20"
        files[path] = front_matter(meta)
    files["cards/tilde.md"] = card(title=TILDE_TITLE, status="active")
    files["drafts/secret.md"] = card(title=DRAFT_TITLE, status="active")
    return files


def mkdocs_build(config_file: Path) -> None:
    """What ``mkdocs build`` does: startup event (the plugin learns the command), build, shutdown.

    MkDocs keeps one instance of a plugin with ``on_startup`` per process, so
    without the event a build would run with the command an earlier test left
    (``serve`` includes drafts).
    """
    config = load_config(config_file=str(config_file))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def build_site(root: Path, files: dict[str, str], **config: Any) -> Path:
    settings = {"theme": {"name": "material"}, "markdown_extensions": EXTENSIONS, **config}
    mkdocs_build(write_store(root, files, OPTIONS, config=settings))
    return root / "site"


@pytest.fixture(scope=built_once)
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory.mktemp("listed"), store_files(), draft_docs="drafts/\n")


def test_dashboard_lists_the_latest_notes(site: Path) -> None:
    dashboard = page_article(site, "growth")
    assert re.search(r'<a href="../notes/week-17/">Week 17 sampling notes</a>', dashboard)


@pytest.mark.parametrize("kind", sorted(LIST_PAGES))
def test_each_list_page_lists_its_documents(site: Path, kind: str) -> None:
    listing = page_article(site, f"growth/{LIST_PAGES[kind]}")
    ((path, (_, title)),) = [(p, v) for p, v in LISTED.items() if v[0] == kind]
    href = "../../" + path.removesuffix(".md") + "/"
    assert f'<a href="{href}">{title}</a>' in listing, listing


@pytest.mark.parametrize(("max_active", "over"), [(3, False), (2, True)])
def test_dashboard_says_over_max_active_only_beyond_the_limit(
    tmp_path: Path, max_active: int, over: bool
) -> None:
    active = [{**m, "status": "active"} for m in MILESTONES]  # three active milestones
    files = {"index.md": "# Home\n", "cards/a.md": card(status="active", milestones=active)}
    settings = {"theme": {"name": "material"}}
    config = write_store(tmp_path, files, {**OPTIONS, "max_active": max_active}, config=settings)
    mkdocs_build(config)
    shown = " ".join(
        unescape(re.sub(r"<[^>]+>", "", page_article(tmp_path / "site", "growth"))).split()
    )
    said = f"3 / {max_active} active milestones across active cards"
    warned = f"{said} (over max_active: finish or pause some before starting more)."
    assert (warned if over else f"{said}.") in shown


def test_mkdocs_build_leaves_draft_documents_out_of_generated_pages(site: Path) -> None:
    assert not (site / "drafts").exists()  # MkDocs itself left the draft out
    for page in sorted((site / "growth").rglob("index.html")):
        assert DRAFT_TITLE not in unescape(article(page.read_text(encoding="utf-8"))), page
    index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert DRAFT_TITLE not in index
    assert DRAFT_TITLE not in (site / "growth.json").read_text(encoding="utf-8")
    # The other active card is there: the test looks where a draft would show.
    assert "Strike" in unescape(page_article(site, "growth"))


def test_tilde_in_a_title_stays_text_in_every_generated_page(site: Path) -> None:
    shown = 0
    for page in sorted((site / "growth").rglob("index.html")):
        text = article(page.read_text(encoding="utf-8"))
        assert not re.search(r"<(del|sub|sup|ins)>", text), page
        shown += TILDE_TITLE in unescape(re.sub(r"<[^>]+>", "", text))
    assert shown >= 3  # dashboard, priorities, domain, horizon ...


def test_tilde_in_a_title_stays_text_in_generate_output(tmp_path: Path, run_cli) -> None:
    config = write_store(tmp_path, {"cards/tilde.md": card(title=TILDE_TITLE)}, OPTIONS)
    out = tmp_path / "out"
    assert run_cli("generate", "-f", config, "--out", out).code == 0
    shutil.copytree(tmp_path / "docs", out, dirs_exist_ok=True)
    plain = {
        "site_name": "plain",
        "docs_dir": str(out),
        "site_dir": str(tmp_path / "plain"),
        "theme": {"name": "material"},
        "markdown_extensions": EXTENSIONS,
    }
    (tmp_path / "plain.yml").write_text(yaml.safe_dump(plain), encoding="utf-8")
    build(load_config(config_file=str(tmp_path / "plain.yml")))
    for url in ("growth", "growth/priorities", "growth/cards/tilde"):
        text = page_article(tmp_path / "plain", url)
        assert not re.search(r"<(del|sub|sup|ins)>", text), url
        assert TILDE_TITLE in unescape(re.sub(r"<[^>]+>", "", text)), url


def test_a_users_own_growth_index_is_kept_not_replaced(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    files = {
        "index.md": "# Home\n",
        "growth/index.md": "# My own growth page\n\nWritten by hand.\n",
        "cards/a.md": card(status="active"),
    }
    with caplog.at_level(logging.WARNING):
        site = build_site(tmp_path, files)
    mine = page_article(site, "growth")
    assert "Written by hand." in mine
    assert "Active work" not in mine
    assert any(
        "growth/index.md" in r.getMessage() and "this file is kept" in r.getMessage()
        for r in caplog.records
    )
    # The other generated pages are still there.
    assert "Distributed trace explorer" in unescape(page_article(site, "growth/priorities"))
    json.loads((site / "growth.json").read_text(encoding="utf-8"))
