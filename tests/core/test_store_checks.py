"""Store-wide rules (core.checks), to the word and the line: ids, domains and horizons."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import card, front_matter, store_of, write_store

NOTE = {"type": "note", "title": "Week 1", "date": "2026-04-20"}


def problems(tmp_path: Path, files: dict[str, str], options: dict[str, Any] | None = None):
    store = store_of(write_store(tmp_path, files, {"today": "2026-05-01", **(options or {})}))
    return sorted((p.path, p.line, p.message) for p in store.problems)


def test_a_duplicate_id_is_reported_on_each_file_at_its_id_or_type_line(tmp_path: Path) -> None:
    files = {
        "notes/a.md": front_matter({"title": "Week 1", **NOTE, "id": "week-1"}),  # id: line 5
        "notes/week-1.md": front_matter({"title": "Week 1", **NOTE}),  # type: line 3
    }
    assert problems(tmp_path, files) == [
        ("notes/a.md", 5, "duplicate id 'week-1': also used by notes/week-1.md"),
        ("notes/week-1.md", 3, "duplicate id 'week-1': also used by notes/a.md"),
    ]


def test_no_configured_domains_or_horizons_are_named_none(tmp_path: Path) -> None:
    files = {"cards/a.md": card()}
    got = problems(tmp_path, files, {"domains": [], "horizons": []})
    assert [m for _, _, m in got] == [
        "unknown domain 'observability'; configured domains: (none)",
        "unknown horizon '2026-Q2'; configured horizons: (none)",
    ]


def test_a_horizon_that_is_no_quarter_is_reported_at_its_line(tmp_path: Path) -> None:
    text = card(horizon="next-year")
    line = text.split("\n").index("horizon: next-year") + 1
    assert problems(tmp_path, {"cards/a.md": text}) == [
        (
            "cards/a.md",
            line,
            "horizon 'next-year' is not a quarter like 2026-Q3"
            " (or configure 'horizons' in mkdocs.yml)",
        )
    ]


def test_pages_that_differ_only_by_case_are_named_together(tmp_path: Path) -> None:
    files = {
        "Notes/a.md": "# A\n",
        "notes/a.md": "# a\n",
        "notes/Readme.md": "# Readme\n",  # published as notes/index: so is Notes/index.md
        "Notes/index.md": "# Index\n",
        "b.md": "# b\n",
        "b.mdown": "# b again\n",  # same place, same case: MkDocs keeps one and says so
    }
    message = "{} and {} differ only by case: on case-insensitive file systems (macOS, Windows)"
    assert [(p, line, m.split(" they")[0]) for p, line, m in problems(tmp_path, files)] == [
        ("notes/Readme.md", 0, message.format("notes/Readme.md", "Notes/index.md")),
        ("notes/a.md", 0, message.format("notes/a.md", "Notes/a.md")),
    ]
