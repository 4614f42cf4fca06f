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
