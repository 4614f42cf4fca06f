"""``mkdocs-growth report``: the packet on stdout, the same page the site and ``generate`` publish."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import card, front_matter, write_store
from conftest import pasted_html as rendered
from conftest import pasted_text as shown_text

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


def test_default_is_the_current_horizon_as_pasteable_markdown(config: Path, run_cli) -> None:
    result = run_cli("report", "-f", config)
    assert result.code == 0, result.err
    out = result.out
    # plain Markdown to paste: no character references, text escaped only where Markdown acts
    assert out.startswith("# Review packet: Spring \\<b\\>2026\\</b\\>\n")
    assert "&#" not in out and "&lt;" not in out
    page = rendered(out)
    assert "<script>" not in page and 'href="javascript' not in page
    shown = shown_text(out)
    assert "Review packet: Spring <b>2026</b>" in shown
    assert HOSTILE in shown  # the card's title displays exactly as written
    assert "| 400 ms | 300 ms | -100 ms (-25%), toward target | 250 ms |" in out
    # without site_url a link could only be relative, which breaks once pasted: text only
    assert "<a " not in rendered(out)
    assert "The note" in shown and "horizon page" in shown


def test_report_links_are_absolute_under_site_url(tmp_path: Path, run_cli) -> None:
    files = {
        "cards/a.md": card(
            title="Card",
            horizon="h2",
            artifacts=[{"kind": "people", "title": "The note", "url": "../notes/n.md#top"}],
        ),
        "notes/n.md": front_matter({"type": "note", "title": "Note", "date": "2026-04-02"}),
    }
    config = write_store(tmp_path, files, OPTIONS, config={"site_url": "https://example.org/me/"})
    out = run_cli("report", "--horizon", "h2", "-f", config).out
    assert "[The note](https://example.org/me/notes/n/#top)" in out
    assert "[horizon page](https://example.org/me/growth/horizons/h2/)" in out
    assert "[Card](https://example.org/me/cards/a/)" in out
    assert "../" not in out


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
    assert result.out.startswith("# Review packet: 2026-04-01 to 2026-04-05\n")
    assert "Note" in shown_text(result.out)


def test_markdown_shows_what_the_page_generate_writes_shows(
    config: Path, run_cli, tmp_path: Path
) -> None:
    out = tmp_path / "generated"
    assert run_cli("generate", "--out", out, "-f", config).code == 0
    assert sorted(p.name for p in (out / "growth" / "reports").iterdir()) == ["h1.md", "h2.md"]
    page = (out / "growth" / "reports" / "h2.md").read_text(encoding="utf-8")
    body = page.split("---\n", 2)[2]  # after the page's front matter
    printed = run_cli("report", "--horizon", "h2", "-f", config).out
    assert shown_text(printed) == shown_text(body)  # one packet: only the links differ


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
    assert "Secret Mentor" in internal and "## Feedback received" in internal
    public = run_cli("report", "--audience", "public", "-f", config)
    assert public.code == 0
    assert "Secret Mentor" not in public.out and "## Feedback received" not in public.out
    data = json.loads(
        run_cli("report", "--audience", "public", "--format", "json", "-f", config).out
    )
    assert "feedback" not in data and "rubric" not in data and "metrics" in data
