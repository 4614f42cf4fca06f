"""A member's search index joins the team's as data: markup dropped, locations kept inside."""

from __future__ import annotations

import json
import locale
import logging
import os
import sys
import tempfile
from pathlib import Path

import pytest

from mkdocs_growth.core.options import TeamMemberSpec
from mkdocs_growth.plugin.team import copy_site, member_entries, member_fragment, merge_search
from mkdocs_growth.team.model import Member


def member_with_index(tmp_path: Path, docs: list[dict[str, object]]) -> Member:
    (tmp_path / "ana" / "search").mkdir(parents=True)
    index = {"config": {}, "docs": docs}
    (tmp_path / "ana" / "search" / "search_index.json").write_text(json.dumps(index), "utf-8")
    spec = TeamMemberSpec(id="ana", site="ana")
    return Member(spec, str(tmp_path / "ana"), "", searchable=True)


def test_member_markup_is_dropped_and_locations_stay_in_their_folder(tmp_path: Path) -> None:
    member = member_with_index(
        tmp_path,
        [
            {
                "location": "notes/x/",
                "title": "<script>alert(1)</script>Title",
                "text": "<p>ok <code>x</code> <img src=x onerror=alert(2)> a < b</p>",
            },
            {"location": "../../escape/", "title": "t", "text": "t"},
            {"location": "javascript:alert(3)", "title": "t", "text": "t"},
            {"location": "/abs/", "title": "t", "text": "t"},
            # browsers read a backslash in a path as a slash: these leave the folder too
            {"location": "\\\\evil.example/", "title": "t", "text": "t"},
            {"location": "..\\..\\escape/", "title": "t", "text": "t"},
            {"location": "notes\\..\\..\\..\\escape/", "title": "t", "text": "t"},
            # a colon after the first folder, or in the fragment, names no scheme
            {"location": "notes/a:b/", "title": "t", "text": "t"},
            {"location": "notes/x/#at:12", "title": "t", "text": "t"},
            # a tag left open would close on the result list's next `>`
            {"location": "notes/y/", "title": "x <img src=x onerror=alert(4) ", "text": "a > b"},
        ],
    )
    entries = member_entries(member)
    assert [e["location"] for e in entries] == [
        "people/ana/notes/x/",
        "people/ana/notes/a:b/",
        "people/ana/notes/x/#at:12",
        "people/ana/notes/y/",
    ]
    assert entries[-1]["title"] == "x &lt;img src=x onerror=alert(4) "
    assert entries[-1]["text"] == "a &gt; b"
    assert entries[0]["title"] == "alert(1)Title"
    assert entries[0]["text"] == "<p>ok <code>x</code>  a &lt; b</p>"


def test_merge_keeps_the_team_entries_and_adds_the_members(tmp_path: Path) -> None:
    member = member_with_index(tmp_path, [{"location": "", "title": "Ana", "text": "zanzi"}])
    site = tmp_path / "site"
    (site / "search").mkdir(parents=True)
    team_index = {
        "config": {"lang": ["en"]},
        "docs": [{"location": "team/", "title": "Team", "text": "t"}],
    }
    (site / "search" / "search_index.json").write_text(json.dumps(team_index), "utf-8")
    merge_search(str(site), [member])
    merged = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    assert merged["config"] == {"lang": ["en"]}
    assert [d["location"] for d in merged["docs"]] == ["team/", "people/ana/"]


def test_an_unchanged_members_entries_come_from_the_cache(tmp_path: Path) -> None:
    member = member_with_index(tmp_path, [{"location": "", "title": "Ana", "text": "zanzi"}])
    member.digest = "d1"
    first = member_fragment(member)
    (tmp_path / "ana" / "search" / "search_index.json").write_text('{"docs": []}', "utf-8")
    assert member_fragment(member) == first  # same hash: not read again
    member.digest = "d2"
    assert member_fragment(member) == ""  # changed: read again


def test_a_members_cached_entries_read_back_under_a_locale_of_another_encoding(
    tmp_path: Path,
) -> None:
    """The cache is UTF-8 as written, read as UTF-8: not in the locale's encoding (ASCII here)."""
    if sys.flags.utf8_mode:
        pytest.skip("in Python's UTF-8 mode the locale does not choose a file's encoding")
    member = member_with_index(tmp_path, [{"location": "", "title": "José", "text": "Ação"}])
    member.digest = "d1"
    first = member_fragment(member)
    (tmp_path / "ana" / "search" / "search_index.json").write_text('{"docs": []}', "utf-8")
    before = locale.setlocale(locale.LC_CTYPE)
    try:
        locale.setlocale(locale.LC_CTYPE, "C")
        again = member_fragment(member)
    finally:
        locale.setlocale(locale.LC_CTYPE, before)
    assert "José" in first and again == first  # from the cache, not read again


def test_merge_of_several_team_pages_and_members_is_one_valid_index(tmp_path: Path) -> None:
    """Commas between every entry: one missing and the whole site's search reads nothing."""
    members = []
    for member_id in ("ana", "bo"):
        (tmp_path / member_id / "search").mkdir(parents=True)
        index = {"docs": [{"location": "", "title": member_id, "text": member_id}]}
        (tmp_path / member_id / "search" / "search_index.json").write_text(
            json.dumps(index), "utf-8"
        )
        spec = TeamMemberSpec(id=member_id, site=member_id)
        members.append(Member(spec, str(tmp_path / member_id), "", searchable=True))
    site = tmp_path / "site"
    (site / "search").mkdir(parents=True)
    team_docs = [{"location": f"team/{n}/", "title": n, "text": n} for n in ("a", "b")]
    (site / "search" / "search_index.json").write_text(json.dumps({"docs": team_docs}), "utf-8")
    merge_search(str(site), members)
    merged = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    locations = [d["location"] for d in merged["docs"]]
    assert locations == ["team/a/", "team/b/", "people/ana/", "people/bo/"]


def test_a_changed_member_file_replaces_the_published_one_not_what_it_links_to(
    tmp_path: Path,
) -> None:
    """A serve or ``--dirty`` rebuild: the old file is unlinked first, never written through."""
    (tmp_path / "ana").mkdir()
    page = tmp_path / "ana" / "index.html"
    page.write_text("old", "utf-8")
    member = Member(TeamMemberSpec(id="ana", site="ana"), str(tmp_path / "ana"), "")
    member.files = ("index.html",)
    target = tmp_path / "site" / "people" / "ana"
    copy_site(member, str(target))
    assert (target / "index.html").read_text("utf-8") == "old"
    page.unlink()  # the member's next build writes a new file
    page.write_text("new text", "utf-8")
    copy_site(member, str(target))
    assert (target / "index.html").read_text("utf-8") == "new text"


def test_a_member_site_on_another_file_system_is_copied(tmp_path: Path) -> None:
    """No hard link across file systems (EXDEV): the member's pages are copied, not lost."""
    if not os.path.isdir("/dev/shm") or os.stat("/dev/shm").st_dev == os.stat(tmp_path).st_dev:
        pytest.skip("needs a second file system (/dev/shm) beside the test's temporary folder")
    with tempfile.TemporaryDirectory(dir="/dev/shm") as other:
        (Path(other) / "notes").mkdir()
        (Path(other) / "notes" / "index.html").write_text("Ana's notes", "utf-8")
        member = Member(TeamMemberSpec(id="ana", site="ana"), other, "")
        member.files = ("notes/index.html",)
        target = tmp_path / "site" / "people" / "ana"
        copy_site(member, str(target))
        published = target / "notes" / "index.html"
        assert published.read_text("utf-8") == "Ana's notes"
        assert published.stat().st_dev != (Path(other) / "notes" / "index.html").stat().st_dev


@pytest.mark.parametrize(
    ("full_text", "said"),
    [
        (True, "team site: search index with 1 members' pages: 0.0 MB"),
        (
            False,
            "team site: search index with 1 members' pages"
            " (found by title and heading: search_full_text_members): 0.0 MB",
        ),
    ],
)
def test_the_build_log_says_how_members_pages_are_found(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, full_text: bool, said: str
) -> None:
    """Past search_full_text_members a search finds a member's page by title only: said so."""
    member = member_with_index(tmp_path, [{"location": "", "title": "Ana", "text": "zanzi"}])
    (tmp_path / "site" / "search").mkdir(parents=True)
    (tmp_path / "site" / "search" / "search_index.json").write_text('{"docs": []}', "utf-8")
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        merge_search(str(tmp_path / "site"), [member], full_text)
    assert [r.getMessage() for r in caplog.records] == [f"mkdocs_growth: {said}"]
