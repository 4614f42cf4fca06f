"""Frameworks as organisations publish them: the FT job families, spreadsheets in and out.

The three job families of github.com/Financial-Times/engineering-progression
(tests/fixtures/frameworks/ft, unmodified, MIT) hold several competencies per
level and theme, with examples, supporting links and keys growth does not
read. A CSV ladder must give what the same ladder in YAML gives. A framework
file must stay inside the config folder, and what it makes must grow with
its competencies, not with levels x themes.
"""

from __future__ import annotations

import csv
import io
import logging
import os
import re
import shutil
from html import unescape
from pathlib import Path

import pytest
import yaml
from conftest import doc, store_of, write_store
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from mkdocs_growth.core.framework import load_csv_framework
from mkdocs_growth.core.options import Limits
from mkdocs_growth.practice.evidence import evidence_report

FIXTURES = Path(__file__).parents[1] / "fixtures" / "frameworks"
FT = FIXTURES / "ft"


def text_of(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def article(html: str) -> str:
    start = html.index('<div role="main"') if '<div role="main"' in html else 0
    return html[start:]


def ft_store(tmp_path: Path, name: str) -> Path:
    shutil.copyfile(FT / name, tmp_path / name)
    data = yaml.safe_load((FT / name).read_text(encoding="utf-8"))
    first = data["competencies"][0]
    files = {
        "index.md": "# Home\n",
        "notes/a.md": doc("note", "Cell note", "2026-01-05", f"{first['level']}/{first['theme']}"),
    }
    return write_store(tmp_path, files, {"framework": name, "today": "2026-02-01"})


@pytest.mark.parametrize("name", ["engineering.yml", "engineering-v1.yml", "operations.yml"])
def test_ft_job_families_validate_and_every_competency_is_on_the_page(
    tmp_path: Path, name: str, run_cli
) -> None:
    assert (FT / name).read_bytes() == (FT / name).read_bytes()  # the fixture itself, unmodified
    config = ft_store(tmp_path, name)
    result = run_cli("validate", "-f", config, "--strict")
    assert result.code == 0, result.out
    assert ": error:" not in result.out and ": warning:" not in result.out
    data = yaml.safe_load((FT / name).read_text(encoding="utf-8"))
    if "isLegacy" in data:  # a key growth does not read: one note, which never fails strict
        assert f"{name}:5: note: the framework: key 'isLegacy'" in result.out
    build(load_config(config_file=str(config), strict=True))
    html = (tmp_path / "site" / "growth" / "competencies" / "index.html").read_text("utf-8")
    text = text_of(article(html))
    for competency in data["competencies"]:
        assert competency["id"] in text
        assert " ".join(competency["summary"].split()) in text
        for example in competency.get("examples", []):
            assert " ".join(example.split()) in text
        for link in competency.get("supportingUrls", []):
            assert f'href="{link["url"]}"' in html.replace("&amp;", "&")
    # A reference to a cell counts for each of its competencies.
    first = data["competencies"][0]
    cell = [
        c
        for c in data["competencies"]
        if (c["level"], c["theme"]) == (first["level"], first["theme"])
    ]
    growth = yaml.safe_load((tmp_path / "site" / "growth.json").read_text("utf-8"))
    found = {
        c["id"]: c for theme in growth["competencies"]["themes"] for c in theme["competencies"]
    }
    assert len(found) == len(data["competencies"])
    notes = 1 if "isLegacy" in data else 0
    assert growth["counts"]["notes"] == notes and growth["counts"]["errors"] == 0
    problems = text_of(
        (tmp_path / "site" / "growth" / "problems" / "index.html").read_text("utf-8")
    )
    if notes:
        assert "0 errors and 0 warnings (1 note: worth knowing, never failing)" in problems
        assert "note fw.yml" not in problems and "isLegacy" in problems
        github = run_cli("validate", "-f", config, "--format", "github")
        assert github.code == 0 and github.out.startswith("::notice file=")
    for c in cell:
        assert [e["title"] for e in found[c["id"]]["evidence"]] == ["Cell note"]


def test_an_unknown_key_is_a_note_at_every_level_and_once(tmp_path: Path, run_cli) -> None:
    text = (FT / "engineering-v1.yml").read_text(encoding="utf-8")
    text = text.replace("    level: junior\n", "    level: junior\n    owner: someone\n")
    text = text.replace("  - id: junior\n", "  - id: junior\n    colour: red\n")
    (tmp_path / "fw.yml").write_text(text, encoding="utf-8")
    config = write_store(tmp_path, {"index.md": "# Home\n"}, {"framework": "fw.yml"})
    result = run_cli("validate", "-f", config, "--strict")
    assert result.code == 0, result.out
    notes = [line for line in result.out.splitlines() if ": note: " in line]
    assert len(notes) == 3, notes  # isLegacy, colour, owner: each once however often it comes
    owner = next(n for n in notes if "'owner'" in n)
    assert "(and " in owner and "more entries)" in owner
    build(load_config(config_file=str(config), strict=True))  # notes never fail a build


def test_a_supporting_link_that_is_not_http_is_an_error(tmp_path: Path) -> None:
    text = (FT / "engineering-v1.yml").read_text(encoding="utf-8")
    text = text.replace("url: https://www.owasp.org/", "url: javascript:alert(1)")
    (tmp_path / "fw.yml").write_text(text, encoding="utf-8")
    config = write_store(tmp_path, {"index.md": "# Home\n"}, {"framework": "fw.yml"})
    found = [str(p) for p in store_of(config).errors]
    assert len(found) == 1 and "must be an http:// or https:// link" in found[0], found
    assert found[0].startswith("fw.yml:350: error: competencies #")


# --- spreadsheets in ---------------------------------------------------------------------


STORE = {
    "index.md": "# Home\n",
    "notes/a.md": doc("note", "Wrote tests", "2026-01-05", "engineer/technical-craft"),
    "talks/t.md": doc("talk", "Design talk", "2026-01-20", "senior-engineer-2.technical-craft.1"),
    "notes/b.md": doc("note", "A document", "2026-01-25", "senior-engineer-2/communication"),
}


def ladder_store(tmp_path: Path, name: str) -> Path:
    shutil.copyfile(FIXTURES / "csv" / name, tmp_path / name)
    return write_store(tmp_path, STORE, {"framework": name, "today": "2026-02-01"})


def test_a_framework_key_growth_does_not_read_is_a_note_that_never_fails_a_build(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The build log names the file, the line and the key, as an info line (not a warning)."""
    ladder = (FIXTURES / "csv" / "ladder.yml").read_text(encoding="utf-8")
    (tmp_path / "ladder.yml").write_text(f"owner: the platform guild\n{ladder}", encoding="utf-8")
    config = write_store(tmp_path, STORE, {"framework": "ladder.yml", "today": "2026-02-01"})
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        build(load_config(config_file=str(config), strict=True))
    said = [r for r in caplog.records if "not one growth reads" in r.getMessage()]
    [record] = said
    assert record.levelno == logging.INFO
    message = record.getMessage()
    assert message.startswith("mkdocs_growth: ") and message.endswith(
        "ladder.yml:1: the framework: key 'owner' is not one growth reads; ignored"
    ), message


def test_a_csv_ladder_gives_the_evidence_of_the_same_ladder_in_yaml(tmp_path: Path) -> None:
    (tmp_path / "csv").mkdir()
    (tmp_path / "yml").mkdir()
    from_csv = store_of(ladder_store(tmp_path / "csv", "ladder.csv"))
    from_yaml = store_of(ladder_store(tmp_path / "yml", "ladder.yml"))
    assert from_csv.problems == [] and from_yaml.problems == []
    sheet, yml = evidence_report(from_csv), evidence_report(from_yaml)
    assert sheet is not None and yml is not None
    a, b = sheet.as_dict(), yml.as_dict()
    assert a.pop("framework") == {"path": "ladder.csv", "name": None}
    assert b.pop("framework") == {"path": "ladder.yml", "name": None}
    assert a == b
    craft = a["themes"][0]["competencies"]
    assert [c["id"] for c in craft] == [
        "engineer.technical-craft.1",
        "engineer.technical-craft.2",
        "senior-engineer-2.technical-craft.1",
    ]
    assert craft[0]["examples"] == [
        "Adds a test with every fix",
        "Reviews a colleague's change within a day",
    ]


@pytest.mark.parametrize(
    ("sheet", "expected"),
    [
        ("level,theme\nA,B\n", "x.csv:1: error: row 1: the header has no column 'competency'"),
        (
            "level,theme,competency\nEngineer,,Does it.\n",
            "x.csv:2: error: row 2, column 'theme': empty",
        ),
        (
            "Level,Theme,Competency,ID\nA,B,Text,ok\nA,B,Text,ok\n",
            "x.csv:3: error: row 3, column 'id': duplicate id 'ok' (also on row 2)",
        ),
        (
            "level,theme,competency,id\nA,B,Text,a/b\n",
            "x.csv:2: error: row 2, column 'id': 'a/b' is not a valid id",
        ),
        (
            'level,theme,competency,examples\nA,B,Text,"one\ntwo"\n!!,B,Text,\n',
            "x.csv:4: error: row 3, column 'level': needs a letter or a digit",
        ),
        ('level,theme,competency\nA,B,"never closed\n', "x.csv:2: error: row 2: not a CSV row"),
        ("", "x.csv:1: error: the file is empty"),
    ],
)
def test_csv_errors_name_the_row_and_the_column(sheet: str, expected: str) -> None:
    loaded = load_csv_framework("x.csv", sheet.encode(), Limits())
    assert loaded.framework is None
    assert any(str(p).startswith(expected) for p in loaded.problems), loaded.problems


@pytest.mark.parametrize("separator", [",", ";", "\t"])
def test_a_sheet_exported_with_bom_crlf_and_any_separator_reads_the_same(separator: str) -> None:
    sheet = separator.join(["Level", "Theme", "Competency"]) + "\r\n"
    sheet += separator.join(["Senior", "Craft", '"Does it, well"']) + "\r\n"
    loaded = load_csv_framework("x.csv", b"\xef\xbb\xbf" + sheet.encode(), Limits())
    assert loaded.problems == () and loaded.framework is not None
    (competency,) = loaded.framework.competencies
    assert (competency.id, competency.summary) == ("senior.craft.1", "Does it, well")


def test_csv_ids_come_from_names_and_unknown_columns_are_notes() -> None:
    sheet = "Level,Theme,Competency,Owner\nSenior Engineer 2,Ops & On-call,Runs it.,me\n"
    loaded = load_csv_framework("x.csv", sheet.encode(), Limits())
    assert loaded.framework is not None
    assert [level.id for level in loaded.framework.levels] == ["senior-engineer-2"]
    assert [theme.id for theme in loaded.framework.themes] == ["ops-on-call"]
    assert [c.id for c in loaded.framework.competencies] == ["senior-engineer-2.ops-on-call.1"]
    assert [str(p) for p in loaded.problems] == [
        "x.csv:1: note: row 1: column 'Owner' is not one growth reads; ignored"
    ]


# --- spreadsheets out --------------------------------------------------------------------


def test_evidence_as_csv_opens_as_a_table(tmp_path: Path, run_cli) -> None:
    config = ladder_store(tmp_path, "ladder.csv")
    result = run_cli("evidence", "-f", config, "--format", "csv")
    assert result.code == 0
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert list(rows[0]) == [
        "level",
        "theme",
        "competency",
        "title",
        "type",
        "state",
        "date",
        "link",
    ]
    by = {(r["competency"], r["title"]): r for r in rows}
    # The cell reference counts for both competencies of Engineer / Technical craft.
    for competency in (
        "Writes code others can change safely, with tests.",
        "Uses version control for the team's whole workflow.",
    ):
        row = by[competency, "Wrote tests"]
        assert (row["level"], row["theme"], row["type"], row["state"], row["date"]) == (
            "Engineer",
            "Technical craft",
            "note",
            "note",
            "2026-01-05",
        )
        assert row["link"] == os.path.relpath(tmp_path / "docs" / "notes" / "a.md")
    design = "Shapes the design of a service, and writes down why."
    assert by[design, "Design talk"]["state"] == "given"
    gap = "Explains a change in its pull request so a reviewer needs no meeting."
    assert by[gap, ""]["state"] == "gap"
    assert len(rows) == 5  # four evidence rows, one gap


def test_evidence_csv_cells_never_start_a_formula(tmp_path: Path, run_cli) -> None:
    files = {
        **STORE,
        "notes/f.md": doc("note", "=HYPERLINK(1)", "2026-01-06", "engineer.communication.1"),
    }
    shutil.copyfile(FIXTURES / "csv" / "ladder.csv", tmp_path / "ladder.csv")
    config = write_store(tmp_path, files, {"framework": "ladder.csv", "today": "2026-02-01"})
    result = run_cli("evidence", "-f", config, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert [r["title"] for r in rows if r["competency"].startswith("Explains a change")] == [
        "'=HYPERLINK(1)"
    ]


def test_the_competencies_page_prints_through_growths_stylesheet(tmp_path: Path) -> None:
    config = ladder_store(tmp_path, "ladder.csv")
    build(load_config(config_file=str(config), strict=True))
    site = tmp_path / "site"
    html = (site / "growth" / "competencies" / "index.html").read_text("utf-8")
    assert re.search(r'<link [^>]*href="\.\./growth\.css"', html)
    assert "<style" not in html.split("<article", 1)[-1]  # generated pages hold no style
    assert html.count('<div class="growth-competency">') == 5
    css = (site / "growth" / "growth.css").read_text("utf-8")
    assert "@media print {" in css
    # Every print rule is for a page of competencies only.
    start = css.index("@media print {") + len("@media print {")
    body = css[start : css.index("\n}\n", start)]
    for selector in re.findall(r"([^{}]+)\{", body):
        for part in selector.split(","):
            assert "growth-competency" in part, part


def test_without_a_framework_the_print_rules_touch_no_page(tmp_path: Path) -> None:
    config = write_store(tmp_path, {"index.md": "# Home\n"}, {})
    build(load_config(config_file=str(config), strict=True))
    home = (tmp_path / "site" / "index.html").read_text("utf-8")
    assert "growth-competency" not in home  # what every print rule is scoped to


# --- the file's place and size -----------------------------------------------------------


SECRET = "root:$6$planted-secret-line:19000:0:99999:7:::\n"


@pytest.mark.parametrize("how", ["symlink", "dotdot"])
def test_a_framework_outside_the_config_folder_is_refused(
    tmp_path: Path, run_cli, how: str
) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "shadow.yml").write_text(SECRET * 20, encoding="utf-8")
    site = tmp_path / "site-root"
    site.mkdir()
    if how == "symlink":
        os.symlink(outside / "shadow.yml", site / "framework.yml")
        name = "framework.yml"
    else:
        name = "../elsewhere/shadow.yml"
    config = write_store(site, {"index.md": "# Home\n"}, {"framework": name})
    result = run_cli("validate", "-f", config)
    assert result.code == 2
    message = result.out + result.err
    assert "option 'framework'" in message and "outside the folder of the config file" in message
    assert "planted-secret" not in message
    with pytest.raises((Abort, ConfigurationError, PluginError)) as raised:
        build(load_config(config_file=str(config)))
    assert "planted-secret" not in str(raised.value)
    assert not (site / "site").exists()


def test_a_framework_of_many_levels_and_themes_gives_pages_that_grow_with_its_content(
    tmp_path: Path,
) -> None:
    """500 levels x 500 themes of long names, 20 competencies: about 1 MiB of framework."""
    from bench.big_framework import write_store as big_store

    config = big_store(tmp_path)
    size = (tmp_path / "framework.yml").stat().st_size
    assert size > 1_000_000
    build(load_config(config_file=str(config)))
    page = tmp_path / "site" / "growth" / "competencies" / "index.html"
    index = tmp_path / "site" / "search" / "search_index.json"
    # Before: a 277 MB page and a 542 MB index (every empty cell named its level).
    assert page.stat().st_size < 4 * size
    assert index.stat().st_size < 4 * size


def test_every_front_end_shows_each_competency_of_a_cell_with_examples_and_links(
    tmp_path: Path, run_cli
) -> None:
    """engineering-v1: senior-2 / leadership holds 5 competencies, one with supporting links."""
    shutil.copyfile(FT / "engineering-v1.yml", tmp_path / "fw.yml")
    data = yaml.safe_load((FT / "engineering-v1.yml").read_text(encoding="utf-8"))
    cell = [
        c for c in data["competencies"] if (c["level"], c["theme"]) == ("senior-2", "leadership")
    ]
    assert len(cell) == 5 and any(c["supportingUrls"] for c in cell)
    files = {
        "index.md": "# Home\n",
        "talks/t.md": doc("talk", "Leading the guild", "2026-02-10", "senior-2/leadership"),
    }
    options = {
        "framework": "fw.yml",
        "level": "senior-1",
        "target_level": "senior-2",
        "today": "2026-03-01",
        "horizons": [{"id": "h1", "start": "2026-01-01", "end": "2026-03-31"}],
    }
    config = write_store(tmp_path, files, options)
    build(load_config(config_file=str(config), strict=True))
    packet = (tmp_path / "site" / "growth" / "reports" / "h1" / "index.html").read_text("utf-8")
    text = text_of(packet)
    for c in cell:
        assert " ".join(c["summary"].split()) in text
        for example in c["examples"]:
            assert " ".join(example.split()) in text
        for link in c["supportingUrls"]:
            assert f'href="{link["url"]}"' in packet
    assert text.count("Leading the guild") >= 5  # the cell reference counts for each
    result = run_cli("evidence", "-f", config)
    assert result.code == 0
    for c in cell:
        assert f"[{c['id']}]" in result.out
        for link in c["supportingUrls"]:
            assert link["url"] in result.out
    growth = yaml.safe_load((tmp_path / "site" / "growth.json").read_text("utf-8"))
    shown = [
        c
        for theme in growth["competencies"]["themes"]
        for c in theme["competencies"]
        if c["level"] == "senior-2" and c["theme"] == "leadership"
    ]
    assert [c["id"] for c in shown] == [c["id"] for c in cell]
    assert [c["examples"] for c in shown] == [c["examples"] for c in cell]
    assert [c["supporting_urls"] for c in shown] == [c["supportingUrls"] for c in cell]


def test_a_file_of_made_up_keys_is_noted_by_key_at_most_twenty_times_never_by_value(
    tmp_path: Path, run_cli
) -> None:
    secrets = "".join(f"KEY_{n}: value-{n}-planted-secret\n" for n in range(200))
    (tmp_path / "fw.yml").write_text(secrets, encoding="utf-8")
    config = write_store(tmp_path, {"index.md": "# Home\n"}, {"framework": "fw.yml"})
    result = run_cli("validate", "-f", config)
    assert "planted-secret" not in result.out + result.err
    notes = [line for line in result.out.splitlines() if ": note: " in line]
    assert len(notes) == 21 and "180 more keys growth does not read" in notes[-1], notes


def test_framework_text_is_shown_as_text_everywhere(tmp_path: Path, run_cli) -> None:
    hostile = (
        "levels:\n  - {id: a, name: '<b>Level</b>'}\n"
        "themes:\n  - {id: t, name: 'Theme <script>alert(1)</script>'}\n"
        "competencies:\n"
        "  - id: c1\n    level: a\n    theme: t\n"
        "    summary: 'Does <img src=x onerror=alert(2)>'\n"
        "    examples: ['[x](javascript:alert(3))', '<iframe src=x>']\n"
        "    supportingUrls:\n"
        "      - {label: '<svg onload=alert(4)>', url: 'https://example.com/?a=\"b\"&c=<d>'}\n"
    )
    (tmp_path / "fw.yml").write_text(hostile, encoding="utf-8")
    files = {"index.md": "# Home\n", "notes/a.md": doc("note", "N", "2026-01-05", "a/t")}
    config = write_store(tmp_path, files, {"framework": "fw.yml", "today": "2026-02-01"})
    build(load_config(config_file=str(config), strict=True))
    html = (tmp_path / "site" / "growth" / "competencies" / "index.html").read_text("utf-8")
    body = html[html.index("<article") if "<article" in html else html.index('role="main"') :]
    for needle in ("<script>alert", "<img src", "<iframe", "<svg onload", 'href="javascript'):
        assert needle not in body, needle
    assert "&lt;img src=x onerror=alert(2)&gt;" in body
    assert 'href="https://example.com/?a=&quot;b&quot;&amp;c=&lt;d&gt;"' in body
    result = run_cli("evidence", "-f", config)
    assert "\x1b" not in result.out and "<script>alert(1)</script>" in result.out  # plain text
