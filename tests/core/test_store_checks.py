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


# -- one problem, one message (issue #24) --------------------------------------------------


def test_a_note_on_a_card_with_a_bad_type_says_its_error_follows_from_the_card(
    tmp_path: Path,
) -> None:
    files = {
        "cards/a.md": card().replace("type: card", "type: Card"),
        "notes/n.md": front_matter({**NOTE, "card": "a", "related": ["a"]}),
    }
    got = problems(tmp_path, files)
    assert [(p, m) for p, _, m in got] == [
        (
            "cards/a.md",
            "unknown type 'Card' (did you mean 'card'?); use one of card, note, decision,"
            " talk, playbook, retro",
        ),
        (
            "notes/n.md",
            "card: 'a' is cards/a.md, which has errors of its own: this follows from them",
        ),
    ]  # `related` may name any document, valid or not: nothing more to say


def test_a_link_to_a_card_whose_front_matter_is_unreadable_follows_from_it(
    tmp_path: Path,
) -> None:
    files = {
        "cards/a.md": card().replace("\ngoal:", "\n\tgoal:"),
        "notes/n.md": front_matter({**NOTE, "related": ["a"]}),
    }
    got = problems(tmp_path, files)
    assert [p for p, _, _ in got] == ["cards/a.md", "notes/n.md"]
    assert got[1][2] == (
        "related: 'a' is cards/a.md, which has errors of its own: this follows from them"
    )
    # an id nobody has is still a dangling reference
    files["notes/n.md"] = front_matter({**NOTE, "related": ["b"]})
    assert problems(tmp_path, files)[-1][2] == "related: no document has id 'b'"


def test_a_key_typo_that_explains_a_missing_field_is_one_error(tmp_path: Path) -> None:
    text = card(goal=None, goals="Ship it")
    got = problems(tmp_path, {"cards/a.md": text})
    assert [m for _, _, m in got] == ["card is missing required field 'goal' (is 'goals' a typo?)"]


def test_a_key_typo_that_explains_a_card_warning_is_one_warning(tmp_path: Path) -> None:
    text = card(milestones=None, milestone=[{"title": "One", "done_when": "done"}])
    got = problems(tmp_path, {"cards/a.md": text})
    assert [m for _, _, m in got] == ["unknown key 'milestone' (did you mean 'milestones'?)"]
    # without the typo, the missing milestones are said
    text = card(milestones=None)
    got = problems(tmp_path, {"cards/a.md": text})
    assert [m for _, _, m in got] == [
        "card has no milestones; plan 3 to 5, each with a definition of done"
    ]
