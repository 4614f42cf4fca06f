"""What ``parse_entry`` says about one file, exactly: the words, the path and the line.

The corpus (``test_corpus.py``) matches message beginnings; these pin the
parts a wrong parser changed without any test noticing (mutation testing,
docs/mutation.md): the end of a message, the near-miss rule for a missing
field, and the path of a warning.
"""

from __future__ import annotations

from conftest import CARD, front_matter

from mkdocs_growth.core.options import Limits
from mkdocs_growth.core.parse import parse_entry
from mkdocs_growth.core.problems import Severity


def messages(path: str, text: str) -> list[tuple[int, str]]:
    entry = parse_entry(path, text.encode(), Limits())
    assert all(p.path == path for p in entry.problems)
    return [(p.line, p.message) for p in entry.problems]


def test_a_file_over_the_size_limit_is_published_as_is_and_says_so() -> None:
    entry = parse_entry("notes/big.md", b"x" * 2049, Limits(max_file_bytes=2048))
    ((problem),) = entry.problems
    assert entry.path == "notes/big.md" and entry.doc is None
    assert (problem.path, problem.line, problem.severity) == ("notes/big.md", 0, Severity.ERROR)
    assert problem.message == (
        "file is 2,049 bytes, over the 2,048-byte limit (limits.max_file_bytes);"
        " published as-is, not read as a growth document"
    )


def test_an_unfenced_head_is_warned_about_in_its_own_file_on_line_1() -> None:
    entry = parse_entry("notes/mmd.md", b"type: note\ntitle: Week 1\n\n# Body\n", Limits())
    first = entry.problems[0]
    assert (first.path, first.line, first.severity) == ("notes/mmd.md", 1, Severity.WARNING)
    assert first.message.startswith("front matter without '---' lines (MultiMarkdown style)")


def test_a_near_miss_key_is_blamed_only_when_it_is_close() -> None:
    # 'dom' is some way from 'domain' (a ratio of 0.67): not called a typo of it.
    far = {k: v for k, v in CARD.items() if k != "domain"} | {"dom": "observability"}
    got = messages("cards/a.md", front_matter(far))
    assert (2, "card is missing required field 'domain'") in got
    assert not [m for _, m in got if "unknown key" in m]  # nor warned about as a typo of it
    # 'domian' is close (0.83): the message points at it.
    near = {k: v for k, v in CARD.items() if k != "domain"} | {"domian": "observability"}
    text = front_matter(near)
    line = text.splitlines().index("domian: observability") + 1
    assert (line, "card is missing required field 'domain' (is 'domian' a typo?)") in messages(
        "cards/a.md", text
    )


def test_a_missing_field_next_to_a_number_key_is_reported_without_a_crash() -> None:
    meta = {k: v for k, v in CARD.items() if k != "goal"} | {1: "one"}
    got = messages("cards/a.md", front_matter(meta))
    assert any(line == 2 and "missing required field 'goal'" in m for line, m in got), got


def test_a_released_entry_keeps_what_was_learned_and_still_answers_for_lines() -> None:
    entry = parse_entry("cards/a.md", front_matter(CARD).encode(), Limits())
    title_line = entry.line("title")
    entry.release_text()
    assert (entry.text, entry.body) == ("", "")
    assert entry.doc is not None and entry.meta is not None
    assert entry.line("title") == title_line  # the line map was made before the release


def test_the_milestone_count_warning_points_at_type_when_milestones_are_missing() -> None:
    meta = {"title": "No plan yet", **{k: v for k, v in CARD.items() if k != "milestones"}}
    text = front_matter(meta)  # `title:` first, so `type:` is on line 3, not the block's first
    assert text.splitlines()[2] == "type: card"
    want = (3, "card has no milestones; plan 3 to 5, each with a definition of done")
    assert want in messages("cards/a.md", text)


def test_type_errors_point_at_the_type_line_wherever_it_is() -> None:
    def at_line_3(type_value: str, path: str = "notes/a.md") -> list[tuple[int, str]]:
        text = f"---\ntitle: T\ntype: {type_value}\ndate: 2026-04-20\n---\n"
        return messages(path, text)

    types = "card, note, decision, talk, playbook, retro"
    assert at_line_3('""') == [(3, f"type is empty; use one of {types}")]
    assert at_line_3("nte") == [
        (3, f"unknown type 'nte' (did you mean 'note'?); use one of {types}")
    ]
    assert at_line_3("5") == [(3, f"unknown type 5; use one of {types}")]
    assert at_line_3("note", "notes/Week 1.md") == [
        (
            3,
            "file name 'Week 1' is not a valid id (lowercase letters, digits, '-'):"
            " add an 'id:' or rename the file",
        )
    ]
