"""``mkdocs-growth report``: the packet on stdout, the same page the site and ``generate`` publish."""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import card, front_matter, write_store

TODAY = "2026-05-20"
OPTIONS: dict[str, Any] = {
    "today": TODAY,
    "horizons": [
        {"id": "h1", "start": "2026-01-01", "end": "2026-03-31"},
        {"id": "h2", "title": "Spring <b>2026</b>", "start": "2026-04-01", "end": "2026-06-30"},
        {"id": "h3", "start": "2026-07-01", "end": "2026-09-30"},
    ],
}
HOSTILE = "Traces <script>alert(1)</script> [x](javascript:alert(1)) | {{ x }}"


@pytest.fixture
def config(tmp_path: Path) -> Path:
    files = {
        "cards/a.md": card(
            title=HOSTILE,
            horizon="h2",
            status="active",
            metrics=[{"name": "p99", "unit": "ms", "baseline": 400, "target": 250, "actual": 300}],
            artifacts=[{"kind": "people", "title": "The note", "url": "../notes/n.md#top"}],
        ),
        "notes/n.md": front_matter({"type": "note", "title": "Note", "date": "2026-04-02"}),
    }
    return write_store(tmp_path, files, OPTIONS)


def test_default_is_the_current_horizon_as_markdown(config: Path, run_cli) -> None:
    result = run_cli("report", "-f", config)
    assert result.code == 0, result.err
    out = result.out
    assert out.startswith("# Review packet&#58; Spring &#60;b&#62;2026&#60;/b&#62;\n")
    assert "<script>" not in out and "](javascript" not in out and "{{" not in out
    shown = html.unescape(out)  # document and computed text is written as references
    assert "| 400 ms | 300 ms | -100 ms (-25%), toward target | 250 ms |" in shown
    # the artifact's link is relative to its card; from the packet page it is rebased
    assert "[The note](../../notes/n.md#top)" in out
    assert "[horizon page](../horizons/h2.md)" in out


def test_json_carries_the_same_packet(config: Path, run_cli) -> None:
    result = run_cli("report", "--horizon", "h2", "--format", "json", "-f", config)
    assert result.code == 0
    data = json.loads(result.out)
    assert data["period"]["horizon"] == "h2"
    assert data["cards"] == [
        {"id": "a", "title": HOSTILE, "path": "cards/a.md", "status": "active"}
    ]
    assert data["metrics"][0]["change"] == -100
    assert [n["path"] for n in data["notes"]] == ["notes/n.md"]


def test_a_date_range(config: Path, run_cli) -> None:
    result = run_cli("report", "--from", "2026-04-01", "--to", "2026-04-05", "-f", config)
    assert result.code == 0
    assert result.out.startswith("# Review packet&#58; 2026-04-01 to 2026-04-05\n")
    assert "[Note](../../notes/n.md)" in result.out


def test_markdown_is_the_page_generate_writes(config: Path, run_cli, tmp_path: Path) -> None:
    out = tmp_path / "generated"
    assert run_cli("generate", "--out", out, "-f", config).code == 0
    assert sorted(p.name for p in (out / "growth" / "reports").iterdir()) == ["h1.md", "h2.md"]
    page = (out / "growth" / "reports" / "h2.md").read_text(encoding="utf-8")
    printed = run_cli("report", "--horizon", "h2", "-f", config).out
    assert printed in page  # generate may add front matter (the page title) above it


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--horizon", "h9"], "unknown horizon 'h9'"),
        (["--from", "2026-01-01"], "--from and --to go together"),
        (["--from", "2026-02-01", "--to", "2026-01-01"], "is after --to"),
        (["--horizon", "h1", "--from", "2026-01-01", "--to", "2026-01-02"], "not both"),
        (["--from", "2026-02-30", "--to", "2026-03-01"], "not a date"),
        (["--format", "html"], "invalid choice"),
    ],
)
def test_usage_errors_exit_2(config: Path, run_cli, args: list[str], message: str) -> None:
    result = run_cli("report", *args, "-f", config)
    assert result.code == 2 and message in result.err


def test_no_started_horizon_asks_for_dates(tmp_path: Path, run_cli) -> None:
    options = {"today": "2025-05-01", "horizons": OPTIONS["horizons"]}
    config = write_store(tmp_path, {"index.md": "# Home\n"}, options)
    result = run_cli("report", "-f", config)
    assert result.code == 2 and "no horizon has started yet" in result.err


def test_public_audience_leaves_withheld_sections_out(tmp_path: Path, run_cli) -> None:
    files = {
        "cards/a.md": card(
            horizon="h2",
            feedback=[{"date": "2026-05-02", "from": "Secret Mentor", "didnt": "private words"}],
        )
    }
    config = write_store(tmp_path, files, OPTIONS)
    internal = run_cli("report", "-f", config).out
    assert "Secret Mentor" in internal
    public = run_cli("report", "--audience", "public", "-f", config)
    assert public.code == 0
    assert "Secret Mentor" not in public.out and "## Feedback received" not in public.out
    data = json.loads(
        run_cli("report", "--audience", "public", "--format", "json", "-f", config).out
    )
    assert "feedback" not in data and "rubric" not in data and "metrics" in data
