"""``mkdocs-growth evidence``: the evidence page in the terminal, and as JSON.

The JSON is the same mapping ``growth.json`` carries (without URLs, which
only a site has).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import (
    MILESTONES,
    card,
    framework_yaml,
    front_matter,
    store_of,
    write_framework_store,
    write_store,
)

from mkdocs_growth.site.context import SiteContext
from mkdocs_growth.site.files import growth_json

DONE = [{**m, "status": "done"} for m in MILESTONES]
FILES = {
    "cards/retries.md": card(
        title="Idempotent retries",
        date="2026-02-01",
        status="done",
        milestones=DONE,
        competencies=["staff/craft"],
    ),
    "talks/t.md": front_matter(
        {
            "type": "talk",
            "title": "Traces <first>",
            "date": "2026-03-10",
            "competencies": ["senior-communication"],
        }
    ),
}


def test_text_shows_summary_evidence_and_gaps(tmp_path: Path, run_cli) -> None:
    config = write_framework_store(tmp_path, FILES, {"today": "2026-05-20"})
    result = run_cli("evidence", "-f", config)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == "Test ladder (framework.yml)"
    assert lines[1] == "target level (Staff engineer): 1 of 8 themes have evidence"
    assert lines[2] == "current level (Senior engineer): 1 of 8 themes have evidence"
    craft = result.out.split("Technical craft [craft]")[1].split("\n\n")[0]
    assert "  Staff engineer · Practitioner [staff-craft]" in craft
    assert "    + 2026-02-01  card (done)  Idempotent retries  " in craft
    assert "        milestone done: Read the paper" in craft
    assert "GAP: no evidence yet" in craft  # senior/craft
    assert "earlier levels: no evidence" in craft
    assert "talk (given)  Traces <first>" in result.out  # a terminal shows text as it is


def test_one_level_and_unknown_level(tmp_path: Path, run_cli) -> None:
    config = write_framework_store(tmp_path, FILES, {"today": "2026-05-20"})
    result = run_cli("evidence", "-f", config, "--level", "junior")
    assert result.code == 0
    assert result.out.splitlines()[1] == "level (Junior engineer): 0 of 8 themes have evidence"
    assert "Senior engineer" not in result.out
    result = run_cli("evidence", "-f", config, "--level", "senoir")
    assert result.code == 2
    assert "--level: framework.yml has no level 'senoir' (did you mean 'senior'?)" in result.err


def test_json_is_the_mapping_growth_json_carries(tmp_path: Path, run_cli) -> None:
    config = write_framework_store(
        tmp_path, FILES, {"today": "2026-05-20", "level": None, "target_level": None}
    )
    result = run_cli("evidence", "-f", config, "--format", "json")
    assert result.code == 0
    printed = json.loads(result.out)
    store = store_of(config)
    [exported_file] = growth_json.files(store, SiteContext(today=store.config.effective_today()))
    exported = json.loads(exported_file.text)
    for theme in exported["competencies"]["themes"]:
        for competency in theme["competencies"]:
            for item in competency["evidence"]:
                assert item.pop("url").startswith(item["path"][:-3])
    assert printed == exported["competencies"]
    craft = next(t for t in printed["themes"] if t["id"] == "craft")
    staff = next(c for c in craft["competencies"] if c["level"] == "staff")
    assert staff["gap"] is False
    assert staff["evidence"][0]["id"] == "retries"
    assert staff["evidence"][0]["reasons"][0] == "milestone done: Read the paper"


def test_without_a_framework_it_says_how_to_add_one(tmp_path: Path, run_cli) -> None:
    config = write_store(tmp_path, {"a.md": card()})
    result = run_cli("evidence", "-f", config)
    assert result.code == 2
    assert "no progression framework: set the growth option 'framework'" in result.err


def test_a_broken_framework_fails_with_a_pointer_to_validate(tmp_path: Path, run_cli) -> None:
    config = write_framework_store(
        tmp_path, FILES, {"level": None, "target_level": None}, framework="levels: [\n"
    )
    result = run_cli("evidence", "-f", config)
    assert result.code == 1
    assert "framework.yml has errors: run 'mkdocs-growth validate'" in result.err


def test_a_public_audience_prints_what_the_public_site_shows(tmp_path: Path, run_cli) -> None:
    secret = front_matter(
        {
            "type": "talk",
            "title": "Secret talk",
            "date": "2026-03-01",
            "visibility": "private",
            "competencies": ["staff/craft"],
        }
    )
    files = {**FILES, "talks/secret.md": secret}
    internal = write_framework_store(tmp_path / "i", files, {"today": "2026-05-20"})
    public = write_framework_store(
        tmp_path / "p", files, {"today": "2026-05-20", "audience": "public"}
    )
    assert "Secret talk" in run_cli("evidence", "-f", internal).out
    result = run_cli("evidence", "-f", public)
    assert result.code == 0 and "Secret talk" not in result.out


def test_evidence_shows_planned_work_earlier_levels_and_a_theme_without_a_competency(
    tmp_path: Path, run_cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {
        "cards/plan.md": card(
            title="Planned work", status="planned", competencies=["staff/delivery"]
        ),
        "talks/t.md": front_matter(
            {
                "type": "talk",
                "title": "Old talk",
                "date": "2026-03-10",
                "competencies": ["senior-delivery"],
            }
        ),
        "talks/older.md": front_matter(
            {
                "type": "talk",
                "title": "Older talk",
                "date": "2025-03-10",
                "competencies": ["engineer-delivery"],
            }
        ),
    }
    framework = framework_yaml(skip=(("staff", "craft"),))
    config = write_framework_store(tmp_path, files, {"today": "2026-05-20"}, framework=framework)
    monkeypatch.chdir(tmp_path)  # paths are printed relative to the current folder
    result = run_cli("evidence", "-f", config, "--level", "staff")
    assert result.code == 0, result.err
    blocks = result.out.split("\n\n")
    assert blocks[1].splitlines() == [
        "Delivery [delivery]",
        "  Staff engineer · Practitioner [staff-delivery]",
        "    Staff engineer: delivery at this level.",
        "    GAP: no evidence yet",
        "    planned 2026-Q2  card (planned)  Planned work  docs/cards/plan.md",
        "  earlier levels: Engineer 1, Senior engineer 1",
    ]
    assert blocks[2].splitlines() == [
        "Technical craft [craft]",
        "  no competency at these levels",
        "  earlier levels: no evidence",
    ]
