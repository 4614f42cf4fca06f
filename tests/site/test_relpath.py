"""The fast relative-path helper behind every generated link agrees with posixpath.relpath."""

from __future__ import annotations

import posixpath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_growth.site.urls import link_to, posix_relpath

part = st.sampled_from(["a", "b", "growth", "cards", "x.md", "index.md", ".", "é", "a b"])
rel_path = st.lists(part, min_size=1, max_size=5).map("/".join)
odd_path = st.lists(st.sampled_from(["a", "..", ".", "", "b.md"]), max_size=5).map("/".join)


@given(rel_path, rel_path)
def test_agrees_with_posixpath_on_docs_paths(path: str, start: str) -> None:
    assert posix_relpath(path, start) == posixpath.relpath(path, start)


@given(st.one_of(odd_path, rel_path), st.one_of(odd_path, rel_path, st.just("/abs/dir")))
def test_agrees_or_raises_alike_on_odd_paths(path: str, start: str) -> None:
    try:
        expected = posixpath.relpath(path, start)
    except ValueError:
        with pytest.raises(ValueError):
            posix_relpath(path, start)
        return
    assert posix_relpath(path, start) == expected


def test_links_between_generated_pages_and_documents() -> None:
    assert link_to("growth/domains/security.md", "cards/a.md") == "../../cards/a.md"
    assert link_to("growth/index.md", "growth/priorities.md") == "priorities.md"
    assert link_to("index.md", "growth/index.md") == "growth/index.md"
    assert posix_relpath("growth", "growth") == "."
