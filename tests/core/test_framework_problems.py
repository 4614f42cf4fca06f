"""Every problem of a framework file and of the options naming its levels, in full.

``test_framework.py`` shows where problems surface (store, command line);
these pin each message whole, with its line, through ``load_framework`` and
``open_framework``, so a changed word, bound or line is noticed.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import framework_yaml

from mkdocs_growth.core.framework import load_framework, open_framework
from mkdocs_growth.core.options import Limits, OptionsError, parse_options

ONE_BY_ONE = "levels:\n  - {id: a, name: A}\nthemes:\n  - {id: t, name: T}\n"
ID_RULE = "(letters, digits, '.', '_' and '-', no '/')"


def problems(text: str | bytes, limits: Limits | None = None) -> list[str]:
    raw = text.encode() if isinstance(text, str) else text
    loaded = load_framework("fw.yml", raw, limits or Limits())
    assert (loaded.framework is None) == any(p.is_error for p in loaded.problems)
    return [str(p) for p in loaded.problems]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "name: A ladder\n",
            [
                "fw.yml:1: error: the framework: missing required field 'competencies'",
                "fw.yml:1: error: the framework: missing required field 'levels'",
                "fw.yml:1: error: the framework: missing required field 'themes'",
            ],
        ),
        (
            ONE_BY_ONE + "competencies:\n  - id: c\n    level: a\n    theme: t\n",
            ["fw.yml:6: error: competencies #1: missing required field 'summary'"],
        ),
        (
            "levels:\n  - {id: a/b, name: A}\nthemes:\n  - {id: t, name: T}\ncompetencies: []\n",
            [f"fw.yml:2: error: levels #1.id: 'a/b' is not a valid id {ID_RULE}"],
        ),
        (
            ONE_BY_ONE + "competencies:\n  - {id: c, level: a b, theme: t, summary: s}\n",
            [f"fw.yml:6: error: competencies #1.level: 'a b' is not a valid id {ID_RULE}"],
        ),
        (
            ONE_BY_ONE + "competencies: []\nname: 5\n",
            ["fw.yml:6: error: name: must be text (got 5)"],
        ),
        (
            "levels:\n  - {id: a, name: A}\nthemes:\n  - {id: t, nmae: T}\ncompetencies: []\n",
            [
                "fw.yml:4: error: themes #1: missing required field 'name'",
                "fw.yml:4: note: themes #1: key 'nmae' (did you mean 'name'?) is not one growth"
                " reads; ignored",
            ],
        ),
    ],
)
def test_a_file_the_model_refuses_gets_each_problem_once_at_its_line(
    text: str, expected: list[str]
) -> None:
    assert problems(text) == expected


BROKEN = """\
levels:
  - {id: junior, name: Junior}
  - {id: senior, name: Senior}
  - {id: junior, name: Junior again}
themes:
  - {id: talk, name: Talking}
  - {id: code, name: Coding}
  - {id: talk, name: Talking again}
competencies:
  - id: c1
    level: junior
    theme: talk
    summary: Talks.
  - id: c2
    level: senoir
    theme: cod
    summary: Neither level nor theme.
  - id: c3
    level: junior
    theme: talk
    summary: Talks twice.
  - id: c1
    level: senior
    theme: talk
    summary: Same id.
  - id: c5
    level: junior
    theme: talk
    summary: Talks a third time.
"""


def test_every_inconsistency_across_entries_is_reported_in_full() -> None:
    assert problems(BROKEN) == [
        "fw.yml:4: error: levels #3: duplicate id 'junior' (also on line 2)",
        "fw.yml:8: error: themes #3: duplicate id 'talk' (also on line 6)",
        "fw.yml:15: error: competencies #2: unknown level 'senoir' (did you mean 'senior'?);"
        " levels: junior, senior",
        "fw.yml:16: error: competencies #2: unknown theme 'cod' (did you mean 'code'?);"
        " themes: talk, code",
        "fw.yml:22: error: competencies #4: duplicate id 'c1' (also on line 10)",
    ]  # c3 and c5 share c1's cell: the published format allows it


def test_text_and_lists_over_the_limits_are_errors_at_their_lines() -> None:
    limits = Limits(max_string_length=80, max_list_items=2)
    text = (
        f"name: {'n' * 81}\n"
        "levels:\n  - {id: a, name: A}\n  - {id: b, name: B}\n  - {id: c, name: C}\n"
        f"themes:\n  - id: t\n    name: T\n    summary: {'s' * 80}\n"
        f"competencies:\n  - {{id: c, level: a, theme: t, summary: {'x' * 81}}}\n"
    )
    assert problems(text, limits) == [
        "fw.yml:1: error: name: text is 81 characters, over the 80 limit"
        " (limits.max_string_length)",
        "fw.yml:2: error: levels: 3 items, over the 2 limit (limits.max_list_items)",
        "fw.yml:11: error: competencies #1.summary: text is 81 characters, over the 80 limit"
        " (limits.max_string_length)",
    ]
    at_the_limits = text.replace("n" * 81, "n" * 80).replace("x" * 81, "x" * 80)
    assert problems(at_the_limits.replace("  - {id: c, name: C}\n", ""), limits) == []


def test_a_file_over_the_limit_or_unreadable_as_yaml_or_not_a_mapping_is_one_error() -> None:
    limits = Limits(max_file_bytes=1024)
    assert problems(b"#" * 1024 + b"\n", limits) == [
        "fw.yml: error: file is over the 1,024-byte limit (limits.max_file_bytes)"
    ]
    oversize = load_framework("fw.yml", b"#" * 1025, limits).problems
    assert [p.line for p in oversize] == [0]  # the whole file: no line (JSON line 0)
    assert problems(b"#" * 1023 + b"\n" + ONE_BY_ONE.encode() + b"competencies: []\n") == []
    assert problems(b"levels:\n\n  - {id: a, name: \xff}\n") == [
        "fw.yml:3: error: file is not valid UTF-8; save it as UTF-8"
    ]
    assert problems("levels:\n  - {id: a, name: A}\nthemes: [\n") == [
        "fw.yml:4: error: YAML syntax error: did not find expected node content"
    ]
    assert problems("levels: !!python/object:os.system {}\n") == [
        "fw.yml:1: error: YAML tag !!python/object:os.system is not allowed (standard tags only)"
    ]
    assert problems("- a list\n") == [
        "fw.yml:1: error: a framework is a mapping with levels, themes and competencies"
    ]


def test_a_valid_file_keeps_its_order_and_resolves_both_reference_forms() -> None:
    loaded = load_framework("fw.yml", framework_yaml().encode(), Limits())
    framework = loaded.framework
    assert framework is not None and framework.path == "fw.yml"
    assert (framework.name, framework.summary) == ("Test ladder", "Five levels, eight themes.")
    assert [level.id for level in framework.levels][:2] == ["junior", "engineer"]
    assert [theme.id for theme in framework.themes][:2] == ["delivery", "craft"]
    assert framework.themes[0].summary == "About delivery."
    assert len(framework.competencies) == 40
    assert [framework.rank(level.id) for level in framework.levels] == [0, 1, 2, 3, 4]
    assert framework.level("senior") is framework.levels[2]
    assert framework.level("nobody") is None
    (cell,) = framework.at("senior", "craft")
    assert cell.id == "senior-craft" and cell.cell == "senior/craft"
    assert framework.resolve("senior-craft") == (cell,) == framework.resolve("senior/craft")
    assert framework.at("senior", "nothing") == () and framework.resolve("x") == ()
    assert framework.references()[:3] == ["junior/delivery", "junior/craft", "junior/operations"]
    assert len(framework.references()) == 80  # 40 cells, 40 ids


# --- open_framework: the file as the options name it --------------------------------------


def open_with(tmp_path: Path, text: str | None = None, **options: object):
    if text is not None:
        (tmp_path / "fw.yml").write_text(text, encoding="utf-8")
    return open_framework(parse_options({"framework": "fw.yml", **options}), str(tmp_path))


def option_errors(tmp_path: Path, text: str | None = None, **options: object):
    with pytest.raises(OptionsError) as raised:
        open_with(tmp_path, text, **options)
    return raised.value.errors


def test_no_framework_option_opens_nothing(tmp_path: Path) -> None:
    assert open_framework(parse_options({}), str(tmp_path)) is None


def test_a_framework_that_cannot_be_read_is_an_option_error(tmp_path: Path) -> None:
    assert option_errors(tmp_path) == [
        ("framework", "cannot read fw.yml: No such file or directory")
    ]
    (tmp_path / "fw.yml").mkdir()
    assert option_errors(tmp_path) == [("framework", "fw.yml is not a regular file")]


def test_levels_the_framework_does_not_have_are_option_errors(tmp_path: Path) -> None:
    levels = "junior, engineer, senior, staff, principal"
    assert option_errors(tmp_path, framework_yaml(), level="senoir", target_level="stuff") == [
        ("level", f"fw.yml has no level 'senoir' (did you mean 'senior'?); its levels: {levels}"),
        (
            "target_level",
            f"fw.yml has no level 'stuff' (did you mean 'staff'?); its levels: {levels}",
        ),
    ]
    assert option_errors(tmp_path, level="staff", target_level="senior") == [
        (
            "target_level",
            "'senior' comes before level 'staff' in fw.yml: the target is the level you are"
            " working towards",
        )
    ]
    loaded = open_with(tmp_path, level="senior", target_level="senior")
    assert loaded is not None and loaded.framework is not None and loaded.problems == ()
    assert open_with(tmp_path, level="staff").framework is not None  # type: ignore[union-attr]


def test_a_broken_framework_is_returned_with_its_problems_not_raised(tmp_path: Path) -> None:
    loaded = open_with(tmp_path, BROKEN, level="nobody")
    assert loaded is not None and loaded.framework is None and loaded.path == "fw.yml"
    assert [str(p) for p in loaded.problems] == problems(BROKEN)


def test_an_edited_framework_is_read_again(tmp_path: Path) -> None:
    first = open_with(tmp_path, framework_yaml())
    assert first is not None and first.framework is not None
    assert open_with(tmp_path) is first  # unchanged: the same object
    path = tmp_path / "fw.yml"
    path.write_text(BROKEN, encoding="utf-8")
    os.utime(path, ns=(1, 1))
    again = open_with(tmp_path)
    assert again is not None and again.framework is None


def test_a_framework_of_exactly_the_byte_limit_is_read_whole(tmp_path: Path) -> None:
    text = ONE_BY_ONE + "competencies: []"  # no final newline: a lost last byte breaks it
    text = "#" * (1024 - len(text) - 1) + "\n" + text
    assert len(text.encode()) == 1024
    loaded = open_with(tmp_path, text, limits={"max_file_bytes": 1024})
    assert loaded is not None and loaded.problems == () and loaded.framework is not None
    loaded = open_with(tmp_path, text + "\n", limits={"max_file_bytes": 1024})
    assert loaded is not None and [str(p) for p in loaded.problems] == [
        "fw.yml: error: file is over the 1,024-byte limit (limits.max_file_bytes)"
    ]


def test_a_framework_deleted_while_being_opened_is_an_option_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "fw.yml"
    path.write_text(framework_yaml(), encoding="utf-8")
    real_stat = os.stat

    def stat_then_delete(name, *args, **kwargs):
        info = real_stat(name, *args, **kwargs)
        if name == str(path):
            path.unlink()
        return info

    monkeypatch.setattr(os, "stat", stat_then_delete)
    assert option_errors(tmp_path) == [
        ("framework", "cannot read fw.yml: No such file or directory")
    ]


def test_duplicates_point_at_the_id_lines() -> None:
    text = (
        "levels:\n  - name: A\n    id: a\n  - name: A again\n    id: a\n"
        "themes:\n  - {id: t, name: T}\n"
        "competencies:\n"
        "  - summary: First.\n    level: a\n    theme: t\n    id: c1\n"
        "  - summary: Second.\n    level: a\n    theme: t\n    id: c1\n"
        "  - {id: x1, level: z, theme: t, summary: s}\n"
        "  - {id: x2, level: z, theme: t, summary: s}\n"
    )
    assert problems(text) == [
        "fw.yml:5: error: levels #2: duplicate id 'a' (also on line 3)",
        "fw.yml:16: error: competencies #2: duplicate id 'c1' (also on line 12)",
        "fw.yml:17: error: competencies #3: unknown level 'z'; levels: a",
        "fw.yml:18: error: competencies #4: unknown level 'z'; levels: a",
    ]
