"""What `mkdocs serve` watches for growth: members' sites and a framework file outside docs_dir.

MkDocs calls ``on_serve`` with its live-reload server before serving; the
server here is MkDocs' own, made but never started (no socket is bound, no
thread runs), and its watch list is what serve would poll.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import write_store
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer

LADDER = Path(__file__).parents[1] / "fixtures" / "frameworks" / "csv" / "ladder.yml"


def watched(config_file: Path) -> set[str]:
    """The paths `mkdocs serve` would watch beyond docs_dir and mkdocs.yml (growth's own)."""
    config = load_config(config_file=str(config_file))
    server = LiveReloadServer(lambda: None, "127.0.0.1", 0, config.site_dir)
    try:
        config.plugins.on_serve(server, config=config, builder=lambda: None)
        return set(server._watched_paths)
    finally:
        server.server_close()


def test_serve_rebuilds_when_a_members_site_or_the_framework_changes(tmp_path: Path) -> None:
    (tmp_path / "built" / "ana").mkdir(parents=True)  # ben has not built his site yet
    shutil.copyfile(LADDER, tmp_path / "ladder.yml")
    members = [{"id": "ana", "site": "built/ana"}, {"id": "ben", "site": "built/ben"}]
    config_file = write_store(
        tmp_path,
        {"index.md": "# Team\n"},
        {"framework": "ladder.yml", "team": {"members": members}},
    )
    assert watched(config_file) == {str(tmp_path / "built" / "ana"), str(tmp_path / "ladder.yml")}


def test_serve_watches_nothing_more_for_a_store_without_a_team(tmp_path: Path) -> None:
    """A framework inside docs_dir is watched with it already."""
    config_file = write_store(tmp_path, {"index.md": "# Me\n"}, {"framework": "docs/ladder.yml"})
    shutil.copyfile(LADDER, tmp_path / "docs" / "ladder.yml")
    assert watched(config_file) == set()
