"""Template text left in a new document: one warning per kind, at the line where it is."""

from __future__ import annotations

from conftest import CARD, front_matter

from mkdocs_growth.core.options import Limits
from mkdocs_growth.core.parse import parse_entry
from mkdocs_growth.core.placeholders import GOAL, TODO, milestone_done_when, milestone_title


def warnings_of(text: str) -> list[tuple[int, str]]:
    entry = parse_entry("cards/a.md", text.encode(), Limits())
    assert entry.doc is not None, entry.problems
    assert all(p.path == "cards/a.md" for p in entry.problems)
    return [(p.line, p.message) for p in entry.problems]


def line_of(text: str, wanted: str) -> int:
    return text.split("\n").index(wanted) + 1


def test_todo_sections_are_one_warning_at_the_first_todo_line() -> None:
    body = f"# Plan\n\nSome text.\n\n## Why\n\n{TODO}\n\n## How\n\n{TODO}\n"
    text = front_matter(CARD, body)
    first = line_of(text, TODO)
    message = "2 sections still say TODO (Why, How): write them or delete them"
    assert warnings_of(text) == [(first, message)]


def test_a_todo_before_any_heading_is_the_top_section() -> None:
    text = front_matter(CARD, f"Intro\n{TODO}\n")
    message = "1 section still says TODO ((top)): write them or delete them"
    assert warnings_of(text) == [(line_of(text, TODO), message)]


def test_todo_inside_a_line_is_text_not_a_placeholder() -> None:
    assert warnings_of(front_matter(CARD, "# Plan\n\nTODO: book the room\n")) == []


def test_the_template_goal_is_warned_at_the_goal_line() -> None:
    text = front_matter({**CARD, "goal": GOAL})
    ((line, message),) = warnings_of(text)
    assert text.split("\n")[line - 1].startswith("goal: ")
    assert message == (
        "goal is still the template's placeholder: write what will be true at the"
        " end of the horizon (measurable, time-bound)"
    )


def test_template_milestones_are_counted_and_warned_at_the_first() -> None:
    def template(n: int) -> dict[str, str]:
        return {"title": milestone_title(n), "done_when": milestone_done_when(n)}

    real = {"title": "Read the paper", "done_when": "a summary exists"}
    text = front_matter({**CARD, "milestones": [real, template(2), template(3)]})
    ((line, message),) = warnings_of(text)
    assert line == line_of(text, f"- title: {milestone_title(2)}")
    assert message == (
        "2 milestones (#2, #3) are still the template's: give each a real title and a"
        " done_when (its definition of done)"
    )
    one = front_matter({**CARD, "milestones": [template(1), real, real]})
    assert [m for _, m in warnings_of(one)] == [
        "1 milestone (#1) is still the template's: give each a real title and a"
        " done_when (its definition of done)"
    ]
    # A milestone numbered like the template but with its own done_when is real.
    renamed = front_matter({**CARD, "milestones": [{**template(1), "done_when": "shipped"}] * 3})
    assert warnings_of(renamed) == []


def test_a_todo_on_the_bodys_first_line_is_where_the_warning_points() -> None:
    text = front_matter(CARD, "").removesuffix("\n") + f"{TODO}\n\n## Why\n\n{TODO}\n"
    first = line_of(text, TODO)
    assert text.split("\n")[first - 2] == "---"  # the body's first line
    message = "2 sections still say TODO ((top), Why): write them or delete them"
    assert warnings_of(text) == [(first, message)]


def test_each_section_is_named_once_however_many_todos_it_holds() -> None:
    body = f"{TODO}\n{TODO}\n\n## Why\n\n{TODO}\n\n{TODO}\n\n## How\n\n{TODO}\n"
    text = front_matter(CARD, body)
    message = "3 sections still say TODO ((top), Why, How): write them or delete them"
    assert warnings_of(text) == [(line_of(text, TODO), message)]


def test_a_note_has_no_goal_or_milestones_to_check_only_its_sections() -> None:
    text = front_matter(
        {"type": "note", "title": "A note", "date": "2026-05-01"}, f"## Notes\n\n{TODO}\n"
    )
    message = "1 section still says TODO (Notes): write them or delete them"
    assert warnings_of(text) == [(line_of(text, TODO), message)]
