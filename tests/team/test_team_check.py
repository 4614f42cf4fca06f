"""``mkdocs-growth team check``: the verdict on a team without building it."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import team_folder


def test_check_passes_on_the_example_team(tmp_path: Path, built_members: Path, run_cli) -> None:
    config = team_folder(tmp_path, built_members)
    result = run_cli("team", "check", "-f", config)
    assert result.code == 0, result.out + result.err
    assert "ana: ok: 5 documents" in result.out
    assert "3 of 3 members can be published" in result.out
    assert not (tmp_path / "site").exists()  # nothing built


def test_check_names_the_refused_member_and_exits_1(
    tmp_path: Path, built_members: Path, run_cli
) -> None:
    config = team_folder(
        tmp_path,
        built_members,
        members=[
            {"id": "ana", "site": "built/ana"},
            {"id": "ghost", "site": "built/ghost"},
        ],
    )
    result = run_cli("team", "check", "-f", config, "--format", "json")
    assert result.code == 1
    rows = {row["id"]: row for row in json.loads(result.out)["members"]}
    assert rows["ana"]["state"] == "ok"
    assert rows["ghost"]["state"] == "unavailable"
    assert "no site at built/ghost" in rows["ghost"]["detail"]


def test_check_without_a_team_is_a_usage_error(tmp_path: Path, run_cli) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nplugins: [growth]\n", encoding="utf-8")
    result = run_cli("team", "check", "-f", tmp_path / "mkdocs.yml")
    assert result.code == 2 and "no team: block" in result.err


def test_duplicate_member_ids_fail_the_check(tmp_path: Path, built_members: Path, run_cli) -> None:
    config = team_folder(
        tmp_path,
        built_members,
        members=[{"id": "ana", "site": "built/ana"}, {"id": "ana", "site": "built/ben"}],
    )
    result = run_cli("team", "check", "-f", config)
    assert result.code == 2 and "listed twice" in result.err
