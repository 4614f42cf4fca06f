"""`mkdocs serve` holds steady: a rebuild lets go of the previous build's store and pages.

Driven in-process as `mkdocs serve` drives it: one plugin instance,
``load_config`` + ``build`` per rebuild. No explicit ``gc.collect()`` here: a
rebuild must free the last one by itself (issue 22, finding 16: each rebuild
kept the one before it, about 18.5 MB on a 500-card store).
"""

from __future__ import annotations

import weakref
from pathlib import Path
from typing import Any

from conftest import card, write_store
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_growth.plugin import GrowthPlugin

OPTIONS = {"domains": [{"id": "observability"}], "today": "2026-05-01"}


def _served(config_file: Path, site: Path, seen: list[weakref.ref[Any]]) -> GrowthPlugin:
    config = load_config(config_file=str(config_file), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=False)

    def spy(html: str, *, page: Any, **kwargs: object) -> None:
        seen.append(weakref.ref(page))

    config.plugins.events["page_content"].append(spy)
    build(config, serve_url="http://127.0.0.1:8000/")
    return config.plugins["growth"]  # type: ignore[return-value]


def test_a_rebuild_releases_the_previous_builds_store_and_pages(tmp_path: Path) -> None:
    files = {f"cards/c{n}.md": card(title=f"Card {n}", horizon="2026-Q2") for n in range(3)}
    config_file = write_store(tmp_path, files, OPTIONS)
    first_pages: list[weakref.ref[Any]] = []
    plugin = _served(config_file, tmp_path / "site", first_pages)
    assert plugin.store is not None and first_pages
    first_store = weakref.ref(plugin.store)

    card_file = tmp_path / "docs" / "cards" / "c0.md"
    card_file.write_text(card_file.read_text(encoding="utf-8") + "\nEdited.\n", encoding="utf-8")
    assert _served(config_file, tmp_path / "site", []) is plugin

    assert first_store() is None
    alive = [ref() for ref in first_pages if ref() is not None]
    assert not alive, f"{len(alive)} of {len(first_pages)} pages of the first build kept"
