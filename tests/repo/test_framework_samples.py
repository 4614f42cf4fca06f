"""The samples of docs/frameworks.md are checked by the code that reads them.

The page once configured ``target_level: staff`` beside a sample framework
without a ``staff`` level. Its three titled blocks — the options
(``mkdocs.yml``), the sample file (``framework.yml``) and the sample sheet
(``ladder.csv``) — are read here as a user would copy them.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import yaml

from mkdocs_growth.core.framework import level_errors, load_csv_framework, load_framework
from mkdocs_growth.core.options import Limits, parse_options

PAGE = Path(__file__).parents[2] / "docs" / "frameworks.md"
BLOCK = re.compile(r'^( *)```\w+ title="([^"]+)"\n(.*?)^\1```$', re.S | re.M)


def samples() -> dict[str, str]:
    text = PAGE.read_text(encoding="utf-8")
    return {name: textwrap.dedent(body) for _, name, body in BLOCK.findall(text)}


def test_the_sample_options_name_levels_of_the_sample_framework_and_sheet() -> None:
    found = samples()
    assert set(found) == {"mkdocs.yml", "framework.yml", "ladder.csv"}
    plugins = yaml.safe_load(found["mkdocs.yml"])["plugins"]
    options = parse_options(next(p["growth"] for p in plugins if isinstance(p, dict)))
    for name, load in (("framework.yml", load_framework), ("ladder.csv", load_csv_framework)):
        loaded = load(name, found[name].encode(), Limits())
        assert loaded.problems == () and loaded.framework is not None, loaded.problems
        if name == "framework.yml":
            assert level_errors(options, loaded.framework) == []


def test_the_sample_sheet_is_the_sample_file_as_a_sheet() -> None:
    found = samples()
    file = load_framework("framework.yml", found["framework.yml"].encode(), Limits()).framework
    sheet = load_csv_framework("ladder.csv", found["ladder.csv"].encode(), Limits()).framework
    assert file is not None and sheet is not None

    def shape(fw) -> list[tuple[str, str, str]]:
        levels = {level.id: level.name for level in fw.levels}
        themes = {theme.id: theme.name for theme in fw.themes}
        return [(levels[c.level].split()[0], themes[c.theme], c.summary) for c in fw.competencies]

    assert shape(sheet) == shape(file)
    # The page says the two staff rows are reached as staff/technical-craft.
    assert [c.id for c in sheet.resolve("staff/technical-craft")] == [
        "staff.technical-craft.1",
        "staff.technical-craft.2",
    ]
