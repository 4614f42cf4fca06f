"""A progression framework exported from a spreadsheet: one row per competency.

Most organisations keep their ladder in a sheet. Its CSV export (comma,
semicolon or tab separated) has a header row naming the columns (any order,
any case): ``level``, ``theme`` and
``competency`` (the text) are required; ``id``, ``proficiency`` and
``examples`` (one per line in the cell) are optional. Levels and themes come
in the order they first appear; their ids are their names in lowercase with
every run of other characters written as ``-`` (``Senior Engineer 2`` ->
``senior-engineer-2``). A competency without an ``id`` gets
``<level>.<theme>.<n>``, ``n`` counting the competencies of that level and
theme from 1 in file order, so ids do not change when other cells change.

Every problem names the row (as a spreadsheet numbers it, the header is
row 1) and the column, at the line of the file where the row starts; like a
YAML framework's, a message quotes at most a column name, cut short. The
result is the same data a YAML framework file holds, which
:mod:`.framework` checks with the same models.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from typing import Any

from .options import FRAMEWORK_ID, Limits
from .problems import Problem, error, note, quote

REQUIRED = ("level", "theme", "competency")
OPTIONAL = ("id", "proficiency", "examples")
_OTHER = re.compile(r"[^a-z0-9]+")
_ID = re.compile(FRAMEWORK_ID)


def slug(name: str) -> str:
    """A level's or theme's id from its name: ``Senior Engineer 2`` -> ``senior-engineer-2``."""
    return _OTHER.sub("-", name.lower()).strip("-")


def _delimiter(header: str) -> str:
    """``,``, or the ``;`` or tab a spreadsheet in another locale exports, read off the header."""
    for candidate in (",", ";", "\t"):
        names = {name.strip().lower() for name in header.split(candidate)}
        if all(name in names for name in REQUIRED):
            return candidate
    return ","


@dataclass
class Sheet:
    """The sheet as framework data (``levels``, ``themes``, ``competencies``), or its problems."""

    data: dict[str, Any] | None
    problems: list[Problem] = field(default_factory=list)


def read_sheet(path: str, text: str, limits: Limits) -> Sheet:
    """Read a CSV export (text already decoded). Never raises for bad input."""
    problems: list[Problem] = []
    lines = text.splitlines(keepends=True)
    rows = csv.reader(lines, delimiter=_delimiter(lines[0] if lines else ""), strict=True)
    try:
        header = next(rows, None)
    except csv.Error as exc:
        return Sheet(None, [error(path, 1, f"row 1: not a CSV row ({exc})")])
    if header is None:
        return Sheet(None, [error(path, 1, "the file is empty: write a header row first")])
    columns: dict[str, int] = {}
    for n, raw_name in enumerate(header):
        name = raw_name.strip().lower()
        if name in columns:
            problems.append(error(path, 1, f"row 1: column {quote(name, 40)} appears twice"))
        elif name in REQUIRED or name in OPTIONAL:
            columns[name] = n
        elif name:
            problems.append(
                note(
                    path, 1, f"row 1: column {quote(raw_name, 40)} is not one growth reads; ignored"
                )
            )
    missing = [name for name in REQUIRED if name not in columns]
    if missing:
        problems.append(
            error(
                path,
                1,
                f"row 1: the header has no column {', '.join(repr(m) for m in missing)}"
                f" (needed: {', '.join(REQUIRED)}; optional: {', '.join(OPTIONAL)})",
            )
        )
        return Sheet(None, problems)
    levels: dict[str, str] = {}
    themes: dict[str, str] = {}
    competencies: list[dict[str, Any]] = []
    ids: dict[str, int] = {}  # id -> row
    per_cell: dict[tuple[str, str], int] = {}
    row_number, line = 1, 1
    while True:
        line = rows.line_num + 1
        try:
            row = next(rows, None)
        except csv.Error as exc:
            problems.append(error(path, line, f"row {row_number + 1}: not a CSV row ({exc})"))
            break
        if row is None:
            break
        row_number += 1
        if not any(cell.strip() for cell in row):
            continue  # a blank row between blocks of a sheet
        if len(competencies) >= limits.max_list_items:
            problems.append(
                error(
                    path,
                    line,
                    f"row {row_number}: over {limits.max_list_items:,} competencies"
                    " (limits.max_list_items)",
                )
            )
            break

        def cell(name: str, row: list[str] = row) -> str:
            at = columns.get(name)
            return row[at].strip() if at is not None and at < len(row) else ""

        def wrong(name: str, what: str, row_number: int = row_number, line: int = line) -> None:
            problems.append(error(path, line, f"row {row_number}, column {name!r}: {what}"))

        values = {name: cell(name) for name in (*REQUIRED, *OPTIONAL)}
        bad = False
        for name, value in values.items():
            if len(value) > limits.max_string_length:
                wrong(
                    name,
                    f"text is {len(value):,} characters, over the {limits.max_string_length:,}"
                    " limit (limits.max_string_length)",
                )
                bad = True
        for name in REQUIRED:
            if not values[name]:
                wrong(name, "empty; every row needs a level, a theme and a competency")
                bad = True
        if bad:
            continue
        level_id, theme_id = slug(values["level"]), slug(values["theme"])
        for name, made in (("level", level_id), ("theme", theme_id)):
            if not made:
                wrong(name, "needs a letter or a digit (the id is made of them)")
                bad = True
        if bad:
            continue
        levels.setdefault(level_id, values["level"])
        themes.setdefault(theme_id, values["theme"])
        count = per_cell[level_id, theme_id] = per_cell.get((level_id, theme_id), 0) + 1
        competency_id = values["id"] or f"{level_id}.{theme_id}.{count}"
        if values["id"] and (len(competency_id) > 100 or not _ID.match(competency_id)):
            wrong(
                "id",
                f"{quote(competency_id)} is not a valid id (letters, digits, '.', '_' and '-')",
            )
            continue
        if competency_id in ids:
            wrong("id", f"duplicate id {competency_id!r} (also on row {ids[competency_id]})")
            continue
        ids[competency_id] = row_number
        competency: dict[str, Any] = {
            "id": competency_id,
            "level": level_id,
            "theme": theme_id,
            "summary": values["competency"],
        }
        if values["proficiency"]:
            competency["proficiency"] = values["proficiency"]
        examples = [e.strip() for e in values["examples"].splitlines() if e.strip()]
        if examples:
            competency["examples"] = examples
        competencies.append(competency)
    if any(p.is_error for p in problems):
        return Sheet(None, problems)
    if not competencies:
        return Sheet(None, [*problems, error(path, 1, "the sheet has no competency rows")])
    data = {
        "levels": [{"id": i, "name": name} for i, name in levels.items()],
        "themes": [{"id": i, "name": name} for i, name in themes.items()],
        "competencies": competencies,
    }
    return Sheet(data, problems)
