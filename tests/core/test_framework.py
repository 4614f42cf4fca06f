"""The progression framework file and the `competencies:` references into it.

The framework is an input like any document: every problem is reported as
``file:line`` (relative to where the user runs the command), a broken file
is never half-used, and the options that name its levels fail like any bad
option value.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import (
    LEVELS,
    THEMES,
    card,
    framework_yaml,
    front_matter,
    store_of,
    write_framework_store,
    write_store,
)

from mkdocs_growth.core.framework import load_framework
from mkdocs_growth.core.options import Limits

NOTE = {"type": "note", "title": "A note", "date": "2026-05-01"}


def note(*refs: str) -> str:
    return front_matter({**NOTE, "competencies": list(refs)})


def messages(config: Path) -> list[str]:
    return [str(p) for p in store_of(config).problems]


# --- the file ---------------------------------------------------------------------------


def test_the_test_framework_has_five_levels_and_eight_themes() -> None:
    loaded = load_framework("framework.yml", framework_yaml().encode(), Limits())
    framework = loaded.framework
    assert framework is not None and loaded.problems == ()
    assert len(framework.levels) == len(LEVELS) >= 5
    assert len(framework.themes) == len(THEMES) >= 8
    assert len(framework.competencies) == 40
    # Both reference forms name the same competency; levels are ranked in file order.
    assert framework.resolve("senior/communication") == framework.resolve("senior-communication")
    assert framework.rank("staff") > framework.rank("senior")


def test_the_example_framework_is_valid_and_large_enough() -> None:
    raw = (Path(__file__).parents[2] / "framework.yml").read_bytes()
    loaded = load_framework("framework.yml", raw, Limits())
    assert loaded.problems == ()
    assert loaded.framework is not None
    assert len(loaded.framework.levels) >= 5 and len(loaded.framework.themes) >= 8


BROKEN = """\
name: Broken ladder
levels:
  - id: junior
    name: Junior
  - id: senior
    name: Senior
  - id: junior
    name: Junior again
themes:
  - id: talk
    name: Talking
  - id: code
    name: Coding
competencies:
  - id: c1
    level: junior
    theme: talk
    summary: Talks.
  - id: c2
    level: senoir
    theme: talk
    summary: Talks more.
  - id: c3
    level: senior
    theme: cod
    summary: Codes.
  - id: c4
    level: junior
    theme: talk
    summary: Talks twice.
  - id: c1
    level: senior
    theme: talk
    summary: Same id.
"""


def test_framework_errors_name_file_and_line(tmp_path: Path, run_cli) -> None:
    config = write_framework_store(tmp_path, {"a.md": note()}, framework=BROKEN)
    found = messages(config)
    assert "framework.yml:7: error: levels #3: duplicate id 'junior' (also on line 3)" in found
    assert any(
        m.startswith("framework.yml:20: error: competencies #2: unknown level 'senoir'")
        and "(did you mean 'senior'?)" in m
        for m in found
    ), found
    assert any(
        m.startswith("framework.yml:25: error: competencies #3: unknown theme 'cod'")
        and "(did you mean 'code'?)" in m
        for m in found
    ), found
    # Several competencies in one cell are the published format: no error for the second.
    assert not any("second competency" in m for m in found), found
    assert "framework.yml:31: error: competencies #5: duplicate id 'c1' (also on line 15)" in found
    # The command line names the file as the user would open it (next to mkdocs.yml).
    result = run_cli("validate", "-f", config)
    assert result.code == 1
    shown = os.path.relpath(tmp_path / "framework.yml")
    assert f"\n{shown}:7: error: levels #3: duplicate id" in "\n" + result.out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "levels:\n  - id: a\n    name: A\nthemes:\n  - id: t\n    name: T\n"
            "competencies:\n  - id: c\n    level: a\n    theme: t\n",
            "framework.yml:8: error: competencies #1: missing required field 'summary'",
        ),
        (
            "levels:\n  - id: a\n    name: A\nthemes:\n  - id: t\n    nmae: T\ncompetencies: []\n",
            "framework.yml:6: note: themes #1: key 'nmae' (did you mean 'name'?) is not one"
            " growth reads; ignored",
        ),
        (
            "levels: []\nthemes:\n  - {id: t, name: T}\ncompetencies: []\n",
            "framework.yml:1: error: levels:",
        ),
        (
            "levels:\n  - {id: a/b, name: A}\nthemes:\n  - {id: t, name: T}\ncompetencies: []\n",
            "framework.yml:2: error: levels #1.id: 'a/b' is not a valid id",
        ),
        (
            "levels:\n  - {id: a, name: A}\nthemes:\n  - {id: t, name: T}\ncompetencies:\n"
            "  - {id: c, level: a, theme: t, summary: x: y}\n",
            "framework.yml:6: error: YAML syntax error",
        ),
        ("- just\n- a list\n", "framework.yml:1: error: a framework is a mapping"),
        ("levels: !!python/object:os.system {}\n", "framework.yml:1: error: YAML tag"),
        ("levels:\n  - &a [*a]\n", "framework.yml:2: error: alias *a refers to itself"),
        (
            "levels:\n  - {id: a, name: A}\nthemes:\n  - {id: t, name: T}\ncompetences: []\n",
            "framework.yml:5: note: the framework: key 'competences' (did you mean"
            " 'competencies'?) is not one growth reads; ignored",
        ),
    ],
)
def test_bad_framework_files(tmp_path: Path, text: str, expected: str) -> None:
    config = write_framework_store(
        tmp_path, {"a.md": note()}, {"level": None, "target_level": None}, framework=text
    )
    found = messages(config)
    assert any(m.startswith(expected) for m in found), found


def test_framework_that_is_not_utf8_or_too_large(tmp_path: Path) -> None:
    loaded = load_framework("fw.yml", b"levels:\n  - {id: a, name: \xff}\n", Limits())
    assert loaded.framework is None
    assert str(loaded.problems[0]).startswith("fw.yml:2: error: file is not valid UTF-8")
    big = framework_yaml().encode() + b"#" * (Limits().max_file_bytes)
    loaded = load_framework("fw.yml", big, Limits())
    assert loaded.framework is None and "limits.max_file_bytes" in loaded.problems[0].message


def test_a_broken_framework_is_not_used_for_references(tmp_path: Path) -> None:
    """References are not checked against a half-read file: only the file's own errors."""
    config = write_framework_store(
        tmp_path,
        {"a.md": note("anything")},
        {"level": None, "target_level": None},
        framework="levels: [\n",
    )
    store = store_of(config)
    assert store.framework is None
    assert [p.path for p in store.problems] == ["framework.yml"]


def test_published_format_extras_are_accepted() -> None:
    """A file copied from a published framework keeps its extra (legacy) keys."""
    text = framework_yaml().replace(
        "summary: Five levels, eight themes.\n",
        "summary: Five levels, eight themes.\ngoogleSheetId: abc123\n",
    )
    text = text.replace(
        "  proficiency: Practitioner\n",
        "  proficiency: Practitioner\n  examples:\n  - An example.\n"
        "  supportingUrls:\n  - {label: Guide, url: 'https://example.com/'}\n",
        1,
    )
    loaded = load_framework("fw.yml", text.encode(), Limits())
    assert loaded.problems == () and loaded.framework is not None


# --- options ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"level": "senoir"}, "option 'level': framework.yml has no level 'senoir'"),
        ({"target_level": "stuff"}, "(did you mean 'staff'?)"),
        (
            {"level": "staff", "target_level": "senior"},
            "option 'target_level': 'senior' comes before level 'staff'",
        ),
        ({"framework": "missing.yml"}, "option 'framework': cannot read missing.yml"),
        ({"framework": "framework.json"}, "option 'framework': must be the path of a .yml"),
        ({"level": "a/b"}, "option 'level': must be a level id"),
    ],
)
def test_bad_framework_options_are_usage_errors(
    tmp_path: Path, run_cli, options: dict[str, str], expected: str
) -> None:
    config = write_framework_store(tmp_path, {"a.md": note()}, options)
    result = run_cli("validate", "-f", config)
    assert result.code == 2
    assert expected in result.err


def test_levels_need_a_framework(tmp_path: Path, run_cli) -> None:
    config = write_store(tmp_path, {"a.md": note()}, {"level": "senior"})
    result = run_cli("validate", "-f", config)
    assert result.code == 2
    assert "option 'level': needs the 'framework' option" in result.err


# --- references ---------------------------------------------------------------------------


def test_references_by_id_and_by_level_and_theme(tmp_path: Path) -> None:
    config = write_framework_store(
        tmp_path, {"a.md": note("senior/communication", "staff-delivery", "junior/craft")}
    )
    store = store_of(config)
    assert store.problems == []
    assert store.by_id["a"].doc.competencies == [  # type: ignore[union-attr]
        "senior/communication",
        "staff-delivery",
        "junior/craft",
    ]


@pytest.mark.parametrize(
    ("ref", "hint"),
    [
        ("senior/comunication", "(did you mean 'senior/communication'?)"),
        ("staff-delivry", "(did you mean 'staff-delivery'?)"),
        ("senoir/craft", "(did you mean 'senior/craft'?)"),
    ],
)
def test_unknown_reference_is_an_error_with_a_hint(tmp_path: Path, ref: str, hint: str) -> None:
    config = write_framework_store(tmp_path, {"a.md": note("senior/craft", ref)})
    found = messages(config)
    assert len(found) == 1, found
    # The note's front matter: type, title, date, competencies (line 5), items from line 6.
    assert found[0] == (
        f"a.md:7: error: competencies #2: framework.yml has no competency '{ref}' {hint}"
        " (write a competency id or <level-id>/<theme-id>)"
    )


def test_reference_above_the_target_level_is_a_warning(tmp_path: Path) -> None:
    config = write_framework_store(tmp_path, {"a.md": note("staff/craft", "principal/craft")})
    found = messages(config)
    assert len(found) == 1
    assert found[0].startswith(
        "a.md:7: warning: competencies #2: 'principal/craft' is at level 'principal',"
        " above your target level 'staff'"
    )


def test_the_same_competency_twice_is_a_warning(tmp_path: Path) -> None:
    config = write_framework_store(tmp_path, {"a.md": note("staff/craft", "staff-craft")})
    found = messages(config)
    assert found == [
        "a.md:7: warning: competencies #2: 'staff-craft' names staff/craft again"
        " (already listed as 'staff/craft')"
    ]


def test_competencies_without_a_framework_is_an_error(tmp_path: Path) -> None:
    config = write_store(tmp_path, {"a.md": note("senior/craft")})
    found = messages(config)
    assert found == [
        "a.md:5: error: competencies: no progression framework is configured"
        " (set the growth option 'framework' in mkdocs.yml)"
    ]


def test_an_empty_competencies_list_needs_no_framework(tmp_path: Path) -> None:
    config = write_store(tmp_path, {"a.md": note()})
    assert messages(config) == []


def test_references_of_an_invalid_document_are_checked_past_a_non_text_item(
    tmp_path: Path,
) -> None:
    """Each well-formed reference of an invalid note is checked, whatever comes before it."""
    text = front_matter({**NOTE, "competencies": [5, "senior/craftt"]})
    found = messages(write_framework_store(tmp_path, {"a.md": text}))
    assert any("no competency 'senior/craftt'" in m for m in found), found


def test_references_of_an_invalid_document_are_checked_too(tmp_path: Path) -> None:
    """A card that fails its model still gets its reference reported in the same run."""
    text = card(goal=None, competencies=["senior/craftt"])
    config = write_framework_store(tmp_path, {"c.md": text})
    found = messages(config)
    assert any("missing required field 'goal'" in m for m in found), found
    assert any("no competency 'senior/craftt' (did you mean 'senior/craft'?)" in m for m in found)


def test_competencies_must_be_a_list_of_text(tmp_path: Path) -> None:
    config = write_framework_store(
        tmp_path, {"a.md": front_matter({**NOTE, "competencies": "senior/craft"})}
    )
    found = messages(config)
    assert len(found) == 1 and found[0].startswith("a.md:5: error: competencies: must be a list")


def test_validate_of_some_files_leaves_the_framework_out(tmp_path: Path, run_cli) -> None:
    """`validate PATH...` reports on those files (pre-commit): not on the framework file."""
    config = write_framework_store(
        tmp_path, {"a.md": note("staff/craftt"), "b.md": note()}, framework=BROKEN
    )
    result = run_cli("validate", "-f", config, tmp_path / "docs" / "b.md")
    assert result.code == 0, result.out
    assert "framework.yml" not in result.out
