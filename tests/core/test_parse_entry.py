"""What an :class:`Entry` answers for the store checks, for valid, invalid and plain pages."""

from __future__ import annotations

from conftest import front_matter

from mkdocs_growth.core.options import Limits
from mkdocs_growth.core.parse import parse_entry


def entry_of(meta: dict, path: str = "notes/a.md"):
    return parse_entry(path, front_matter(meta).encode(), Limits())


def test_an_invalid_documents_references_are_its_well_formed_ids_only() -> None:
    meta = {"type": "note", "title": "T", "date": "2026-04-20", "card": 5}
    entry = entry_of({**meta, "related": [3, "b-card", "Not An Id"]})
    assert entry.doc is None  # `card: 5` is no id
    assert entry.references() == [("related", ("related", 1), "b-card")]


def test_a_plain_page_has_no_references_nor_text_fields() -> None:
    entry = entry_of({"title": "About me", "related": ["b-card"], "domain": "observability"})
    assert not entry.is_growth and entry.meta is not None
    assert entry.references() == []
    assert entry.text_field("domain") is None


def test_a_text_field_the_type_does_not_have_is_none() -> None:
    entry = entry_of({"type": "note", "title": "T", "date": "2026-04-20"})
    assert entry.doc is not None
    assert entry.text_field("status") is None
    assert entry.text_field("title") == "T"
