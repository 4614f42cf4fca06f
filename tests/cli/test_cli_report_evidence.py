"""``mkdocs-growth report`` with a progression framework: evidence by competency for the
period, in the Markdown (the page the site publishes) and as the JSON mapping."""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import (
    MILESTONES,
    card,
    doc,
    pasted_html,
    pasted_text,
    write_framework_store,
    write_store,
)

OPTIONS: dict[str, Any] = {
    "today": "2026-05-20",
    "horizons": [
        {"id": "h1", "start": "2026-01-01", "end": "2026-03-31"},
        {"id": "h2", "start": "2026-04-01", "end": "2026-06-30"},
    ],
}
HOSTILE = "Traces <script>alert(1)</script> [x](javascript:alert(1)) | {{ x }}"
SECRET = "Secret talk to the board"


FILES = {
    "cards/retries.md": card(
        title=HOSTILE,
        horizon="h2",
        date="2026-04-15",
        status="done",
        milestones=[{**m, "status": "done"} for m in MILESTONES],
        rubric={"after": {"confidence": 4, "competence": 4, "impact": 4, "clarity": 4}},
        competencies=["staff/craft"],
    ),
    "notes/sampling.md": doc("note", "Sampling notes", "2026-04-20", "staff/craft"),
    "notes/queues.md": doc("note", "Old note on queues", "2026-02-10", "staff/decisions"),
    "talks/secret.md": doc(
        "talk", SECRET, "2026-05-05", "staff/collaboration", visibility="private"
    ),
}


@pytest.fixture
def config(tmp_path: Path) -> Path:
    return write_framework_store(tmp_path, FILES, OPTIONS)


def test_markdown_has_the_evidence_section_escaped_and_linked(config: Path, run_cli) -> None:
    result = run_cli("report", "--horizon", "h2", "-f", config)
    assert result.code == 0, result.err
    out = result.out
    assert "\n## Evidence by competency\n" in out
    page = pasted_html(out)
    assert "<script>" not in page and 'href="javascript' not in page and "&#" not in out
    craft = next(line for line in out.splitlines() if "Staff engineer (target level)" in line
                 and "technical craft" in line)  # fmt: skip
    assert craft.index("Traces") < craft.index("Sampling notes")  # the done card first
    assert HOSTILE in pasted_text(craft)  # shown as written
    assert "Sampling notes · note · 2026-04-20" in craft  # no site_url: text, not a broken link
    assert "competencies page" in out and "<a " not in page  # no site_url: no links
    assert "Old note on queues" not in out  # February: not this period
    # 16 rows (8 themes x senior, staff); evidence: staff craft, staff collaboration (internal)
    assert out.count("| **Gap:** no evidence in this period. |") == 16 - 2


def test_json_carries_the_mapping_of_the_period(config: Path, run_cli) -> None:
    result = run_cli("report", "--horizon", "h1", "--format", "json", "-f", config)
    assert result.code == 0, result.err
    mapping = json.loads(result.out)["competencies"]
    assert mapping["level"] == "senior" and mapping["target_level"] == "staff"
    assert mapping["summary"][0]["text"] == (
        "target level (Staff engineer): 1 of 8 themes have evidence"
    )
    found = {
        c["id"]: [(e["title"], e["date"], e["path"]) for e in c["evidence"]]
        for theme in mapping["themes"]
        for c in theme["competencies"]
        if c["evidence"]
    }
    assert found == {"staff-decisions": [("Old note on queues", "2026-02-10", "notes/queues.md")]}


@pytest.mark.parametrize("audience", ["internal", "public"])
def test_public_packet_leaves_private_evidence_out(tmp_path: Path, run_cli, audience: str) -> None:
    config = write_framework_store(tmp_path, FILES, {**OPTIONS, "audience": audience})
    md = run_cli("report", "--horizon", "h2", "-f", config).out
    data = run_cli("report", "--horizon", "h2", "--format", "json", "-f", config).out
    mapping = json.dumps(json.loads(data)["competencies"])
    if audience == "public":
        assert SECRET not in md and SECRET not in mapping and "secret" not in mapping
    else:
        assert SECRET in md and SECRET in mapping


def test_without_a_framework_there_is_no_section_and_no_mapping(tmp_path: Path, run_cli) -> None:
    done_first = [{**MILESTONES[0], "status": "done"}, *MILESTONES[1:]]
    files = {
        "cards/a.md": card(title="A card", horizon="h2", status="active", milestones=done_first)
    }
    config = write_store(tmp_path, files, OPTIONS)
    md = run_cli("report", "--horizon", "h2", "-f", config).out
    assert "A card" in html.unescape(md) and "Evidence by competency" not in md
    data = json.loads(run_cli("report", "--horizon", "h2", "--format", "json", "-f", config).out)
    assert "competencies" not in data
