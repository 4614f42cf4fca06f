"""How a problem is printed and exported: ``path:line: severity: message`` and its JSON keys."""

from __future__ import annotations

from mkdocs_growth.core.model import json_schema
from mkdocs_growth.core.problems import Problem, Severity, error, sort_key, warning


def test_a_problem_prints_as_path_line_severity_message() -> None:
    assert str(error("cards/a.md", 7, "bad")) == "cards/a.md:7: error: bad"
    assert str(warning("mkdocs.yml", 0, "over")) == "mkdocs.yml: warning: over"  # line 0: the file


def test_a_problem_exports_its_four_fields() -> None:
    assert Problem("a.md", 3, Severity.WARNING, "m").as_dict() == {
        "path": "a.md",
        "line": 3,
        "severity": "warning",
        "message": "m",
    }


def test_problems_sort_by_file_then_line_errors_first() -> None:
    problems = [warning("b.md", 1, "w"), warning("a.md", 2, "w"), error("a.md", 2, "e")]
    assert [str(p) for p in sorted(problems, key=sort_key)] == [
        "a.md:2: error: e",
        "a.md:2: warning: w",
        "b.md:1: warning: w",
    ]


def test_the_json_schema_names_keys_as_written_and_never_requires_id() -> None:
    schema = json_schema()
    assert schema["title"] == "mkdocs-growth front matter"
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    definitions = schema["$defs"]
    assert "from" in definitions["Feedback"]["properties"]  # the alias, not from_
    documents = [d for d in definitions.values() if "type" in d.get("required", [])]
    assert len(documents) == 6
    assert all("id" not in d["required"] and "title" in d["required"] for d in documents)


def test_shown_path_escapes_like_python_at_each_width() -> None:
    from mkdocs_growth.core.problems import shown_path

    assert shown_path("a\x7fb") == "a\\x7fb"
    assert shown_path("a\u202eb") == "a\\u202eb"
    assert shown_path("a\U000e0001b") == "a\\U000e0001b"
    assert shown_path("c:\\x\n") == "c:\\\\x\\x0a"
    assert shown_path("a\uffff") == "a\\uffff"  # the last code point written with \\u


def test_quote_cuts_long_values_to_the_limit() -> None:
    from mkdocs_growth.core.problems import quote

    assert quote("abc") == "'abc'"
    assert quote("x" * 58) == "'" + "x" * 58 + "'"  # 60 characters: kept whole
    long = quote("x" * 100)
    assert len(long) == 60 and long.endswith("…") and long.startswith("'xxx")
    assert quote("x" * 100, limit=10) == "'xxxxxxxx…"


def test_messages_are_bounded_at_400_characters_keeping_both_ends() -> None:
    assert error("a.md", 1, "x" * 400).message == "x" * 400
    long = error("a.md", 1, "a" * 300 + "b" * 101).message
    assert long == "a" * 200 + " … " + "a" * 99 + "b" * 101
