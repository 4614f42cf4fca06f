"""Reading one member's site: every way it can be refused says why, nothing crashes."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from mkdocs_growth.core.options import OptionsError, TeamMemberSpec, parse_options
from mkdocs_growth.team.members import read_member
from mkdocs_growth.team.model import Member, Unavailable

NOTE = {
    "type": "note",
    "id": "n1",
    "title": "A note",
    "date": "2026-11-02",
    "domain": "o11y",
    "tags": ["kafka"],
    "url": "notes/n1/",
}


def site(folder: Path, documents: list[Any] | None = None, **top: Any) -> Path:
    """A member's built site with ``growth.json`` (public, format 1) and a page per document."""
    data: dict[str, Any] = {"format": 1, "config": {"audience": "public"}, "documents": []}
    data["documents"] = [NOTE] if documents is None else documents
    data.update(top)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "growth.json").write_text(json.dumps(data), encoding="utf-8")
    (folder / "notes" / "n1").mkdir(parents=True, exist_ok=True)
    (folder / "notes" / "n1" / "index.html").write_text("<p>n1</p>", encoding="utf-8")
    return folder


def read(tmp_path: Path, folder: str = "ana", limit: int = 1 << 20) -> Member | Unavailable:
    return read_member(TeamMemberSpec(id="ana", site=folder), str(tmp_path), limit)


def reason(tmp_path: Path, **kwargs: Any) -> str:
    member = read(tmp_path, **kwargs)
    assert isinstance(member, Unavailable)
    return member.reason


def test_a_published_site_is_read(tmp_path: Path) -> None:
    site(tmp_path / "ana")
    member = read(tmp_path)
    assert isinstance(member, Member)
    assert [d.title for d in member.documents] == ["A note"]
    assert member.documents[0].tags == ("kafka",)


def test_missing_site_is_refused(tmp_path: Path) -> None:
    assert "no site at ana" in reason(tmp_path)


def test_corrupt_json_is_refused_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "ana").mkdir()
    (tmp_path / "ana" / "growth.json").write_text('{\n "format": 1,\n oops', encoding="utf-8")
    assert "not valid JSON (line 3" in reason(tmp_path)


def test_oversized_json_is_refused(tmp_path: Path) -> None:
    site(tmp_path / "ana", [NOTE] * 50)
    assert "over the limit of 1,024 (team option max_json_bytes)" in reason(tmp_path, limit=1024)


def test_unknown_format_is_refused(tmp_path: Path) -> None:
    site(tmp_path / "ana", format=2)
    assert "has format 2" in reason(tmp_path)


def test_a_site_built_for_internal_is_refused(tmp_path: Path) -> None:
    site(tmp_path / "ana", config={"audience": "internal"})
    assert "built for audience 'internal'" in reason(tmp_path)


def test_a_symlink_inside_the_site_is_refused(tmp_path: Path) -> None:
    site(tmp_path / "ana")
    (tmp_path / "secret.txt").write_text("private", encoding="utf-8")
    os.symlink(tmp_path / "secret.txt", tmp_path / "ana" / "notes" / "leak.txt")
    assert "notes/leak.txt is a symbolic link" in reason(tmp_path)


def test_a_symlinked_site_folder_is_refused(tmp_path: Path) -> None:
    site(tmp_path / "real")
    os.symlink(tmp_path / "real", tmp_path / "ana")
    assert "symbolic link" in reason(tmp_path)


@pytest.mark.parametrize(
    "url",
    ["../../etc/passwd", "/abs/", "javascript:alert(1)", "https://evil.example/", "notes/missing/"],
)
def test_documents_whose_url_leaves_the_site_are_left_out_and_said(
    tmp_path: Path, url: str
) -> None:
    site(tmp_path / "ana", [NOTE, {**NOTE, "id": "n2", "url": url}])
    member = read(tmp_path)
    assert isinstance(member, Member)
    assert [d.id for d in member.documents] == ["n1"]
    assert any("1 documents left out: document #2: url" in note for note in member.notes)


def test_an_unchanged_member_is_not_read_again(tmp_path: Path) -> None:
    site(tmp_path / "ana")
    known: dict[str, Member] = {}
    spec = TeamMemberSpec(id="ana", site="ana")
    first = read_member(spec, str(tmp_path), 1 << 20, known)
    assert read_member(spec, str(tmp_path), 1 << 20, known) is first
    site(tmp_path / "ana", [{**NOTE, "title": "Changed"}])
    again = read_member(spec, str(tmp_path), 1 << 20, known)
    assert again is not first and again.documents[0].title == "Changed"  # type: ignore[union-attr]


def test_two_members_with_one_id_is_an_error() -> None:
    with pytest.raises(OptionsError, match="member id 'ana' is listed twice"):
        parse_options(
            {"team": {"members": [{"id": "ana", "site": "a"}, {"id": "ana", "site": "b"}]}}
        )


@pytest.mark.parametrize("bad", ["../up", "Ana", "a/b", "a b", ""])
def test_member_ids_are_folder_names(bad: str) -> None:
    with pytest.raises(OptionsError, match=r"team\.members #1\.id"):
        parse_options({"team": {"members": [{"id": bad, "site": "a"}]}})


def test_an_alias_names_one_team_domain() -> None:
    with pytest.raises(OptionsError, match="'o11y' names two team domains"):
        parse_options(
            {
                "team": {
                    "members": [{"id": "a", "site": "a"}],
                    "domains": [
                        {"id": "observability", "aliases": ["o11y"]},
                        {"id": "x", "aliases": ["o11y"]},
                    ],
                }
            }
        )


def test_a_checkouts_git_folder_is_not_part_of_the_site(tmp_path: Path) -> None:
    site(tmp_path / "ana")
    (tmp_path / "ana" / ".git").mkdir()
    (tmp_path / "ana" / ".git" / "config").write_text("[core]", encoding="utf-8")
    member = read(tmp_path)
    assert isinstance(member, Member)
    assert not any(name.startswith(".git") for name in member.files)


def test_a_site_without_a_search_index_is_said_not_to_be_searchable(tmp_path: Path) -> None:
    site(tmp_path / "ana")
    member = read(tmp_path)
    assert isinstance(member, Member) and not member.searchable
    assert "not in the team's search" in member.notes[0]
