"""The plugin holds the store out of the cyclic collector only while MkDocs builds."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from conftest import card, write_store
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

OPTIONS = {"domains": [{"id": "observability"}], "today": "2026-05-01"}


def test_nothing_stays_frozen_after_a_build(tmp_path: Path) -> None:
    config_file = write_store(tmp_path, {"cards/a.md": card(horizon="2026-Q2")}, OPTIONS)
    frozen_during: list[int] = []

    config = load_config(config_file=str(config_file))

    def spy(html: str, **kwargs: object) -> None:
        frozen_during.append(gc.get_freeze_count())

    config.plugins.events["page_content"].append(spy)
    build(config)
    assert frozen_during and min(frozen_during) > 0  # pages were built with the store frozen
    assert gc.get_freeze_count() == 0


def test_nothing_stays_frozen_after_a_failed_build(tmp_path: Path) -> None:
    config_file = write_store(tmp_path, {"cards/a.md": card(horizon="2026-Q2")}, OPTIONS)
    config = load_config(config_file=str(config_file))

    def boom(html: str, **kwargs: object) -> None:
        raise RuntimeError("a later plugin fails")

    config.plugins.events["page_content"].append(boom)
    with pytest.raises((Abort, RuntimeError)):
        build(config)
    assert gc.get_freeze_count() == 0


@pytest.mark.parametrize("command", ["build", "serve"])
def test_a_one_shot_build_lets_go_of_the_store(tmp_path: Path, command: str) -> None:
    """`mkdocs build` exits next: the collections on the way out must not walk the store."""
    from mkdocs_growth.core import store as store_module

    config_file = write_store(tmp_path, {"cards/a.md": card(horizon="2026-Q2")}, OPTIONS)
    config = load_config(config_file=str(config_file))
    config.plugins.on_startup(command=command, dirty=False)
    build(config)
    plugin = config.plugins["growth"]
    cached = [key for key in store_module._CACHE if key.startswith(str(tmp_path))]
    if command == "serve":  # the next rebuild reuses both
        assert plugin.store is not None and cached
    else:
        assert plugin.store is None and not cached
