"""``site.urls.page_url`` is MkDocs' own URL rule, for every path and both URL styles."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from mkdocs.structure.files import File

from mkdocs_growth.site.urls import page_url


def mkdocs_url(path: str, use_directory_urls: bool) -> str:
    return File(path, src_dir=None, dest_dir="", use_directory_urls=use_directory_urls).url


@pytest.mark.parametrize(
    ("path", "flat", "folders"),
    [
        ("growth/index.md", "growth/index.html", "growth/"),
        ("index.md", "index.html", "./"),
        ("cards/README.md", "cards/index.html", "cards/"),
        ("notes/trace.mdown", "notes/trace.html", "notes/trace/"),
        ("growth.json", "growth.json", "growth.json"),
    ],
)
def test_a_page_url_is_the_one_mkdocs_gives(path: str, flat: str, folders: str) -> None:
    assert page_url(path, False) == flat == mkdocs_url(path, False)
    assert page_url(path, True) == folders == mkdocs_url(path, True)


_part = st.sampled_from(["index", "README", "a b", "café", "x", "notes", "2026-q4", "%20"])
_ext = st.sampled_from([".md", ".markdown", ".mdown", ".mkdn", ".mkd", ".json", ".xml", ""])


@given(st.lists(_part, min_size=1, max_size=3), _ext, st.booleans())
def test_page_url_agrees_with_mkdocs_for_any_path(parts: list[str], ext: str, dirs: bool) -> None:
    path = "/".join(parts) + ext
    assert page_url(path, dirs) == mkdocs_url(path, dirs)
