"""Insights in real MkDocs builds: reviews, feedback, checklist, rubric chart, feed, schema."""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import xml.etree.ElementTree as ET
from html import unescape
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from conftest import built_once, card, doc, store_of, write_store
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_growth.core.model import json_schema
from mkdocs_growth.practice.checklist import HOW_TO, anchor
from mkdocs_growth.site.context import SiteContext
from mkdocs_growth.site.pages import feedback
from mkdocs_growth.site.pages.feedback import FULL_MAX
from mkdocs_growth.site.to_markdown import render_page

ATOM = "{http://www.w3.org/2005/Atom}"
SVG = "{http://www.w3.org/2000/svg}"
SITE_URL = "https://growth.example.com/me/"
TODAY = "2026-05-20"
XSS = "Trace <script>alert(1)</script> & explorer"
RUBRIC = {
    "before": {"confidence": 2, "competence": 2, "impact": 1, "clarity": 3},
    "after": {"confidence": 4, "competence": 3, "impact": 3, "clarity": 3},
}  # +1.25


FILES = {
    "index.md": "# Home\n",
    "cards/trace.md": card(
        title=XSS,
        status="active",
        date="2026-04-01",
        concepts=["Trace context", "Sampling"],
        reviewed=["2026-05-01", "2026-05-04"],  # 2 reviews: due 3 days later, 2026-05-07
        rubric=RUBRIC,
        feedback=[{"date": "2026-03-01", "from": "Dana <mentor>", "didnt": "too | wide"}],
    ),
    "cards/done.md": card(title="Finished", status="done", rubric=RUBRIC),
    "cards/later.md": card(title="Later card", concepts=["Raft"], date="2026-05-30"),
    "notes/n1.md": doc("note", "Spans & traces", "2026-05-18"),
    "notes/n0.md": doc("note", "Older note", "2026-04-02"),
    "decisions/d.md": doc("decision", "Use OpenTelemetry", "2026-05-10", status="accepted"),
    "talks/t.md": doc("talk", "Traces first", "2026-05-12"),
}


def build_site(tmp_path: Path, files: dict[str, str], options: dict[str, Any], **cfg: Any) -> Path:
    config_file = write_store(tmp_path, files, options, config=cfg)
    build(load_config(config_file=str(config_file)))
    return tmp_path / "site"


@pytest.fixture(scope=built_once)
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("insights")
    options = {"today": TODAY, "north_star": "Find the slow span fast."}
    return build_site(tmp, FILES, options, site_url=SITE_URL, theme={"name": "material"})


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def text_of(html: str) -> str:
    """The page's main content as text (no nav, no tags, entities decoded)."""
    start = html.find("<h1")
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html[start:])))


def test_card_page_has_the_rubric_chart_as_svg(site: Path) -> None:
    html = read(site, "cards/trace/index.html")
    match = re.search(r'<div class="growth-rubric">.*?</div>', html, re.S)
    assert match is not None
    svg = ET.fromstring(match.group(0)).find(f"{SVG}svg")
    assert svg is not None and svg.get("role") == "img"
    assert svg.findtext(f"{SVG}title") == f"Rubric before and after: {XSS}"
    assert "2 → 4 (+2)" in [t.text for t in svg.iter(f"{SVG}text")]
    assert "<script>alert(1)" not in html


def test_reviews_page_groups_by_today(site: Path) -> None:
    text = text_of(read(site, "growth/reviews/index.html"))
    overdue = text.index("Overdue")
    week = text.index("Due this week")
    later = text.index("Later", week + len("Due this week"))
    assert overdue < text.index("2026-05-07 (13 days ago)") < week
    assert later < text.index("2026-05-31 (in 11 days)")  # later card: date + 1 day
    assert "Nothing due in the next seven days." in text
    assert "Trace context, Sampling" in text


def test_dashboard_slots_show_reviews_due_and_rubric_change(site: Path) -> None:
    text = text_of(read(site, "growth/index.html"))
    assert "1 concept review due now or this week (1 overdue)" in text
    assert "Mentor check-in due" in text
    assert "Average change across 1 done card rated before and after: +1.25 points" in text


def test_feedback_page_lists_entries_and_check_in_notice(site: Path) -> None:
    html = read(site, "growth/feedback/index.html")
    text = text_of(html)
    assert "Mentor check-in due" in text and "80 days ago" in text
    assert "Dana <mentor>" in text and "<mentor>" not in html
    assert "too | wide" in text


def test_checklist_page_anchors_and_links_resolve(site: Path) -> None:
    html = read(site, "growth/checklist/index.html")
    for item in HOW_TO:
        assert f'id="{anchor(item)[1:]}"' in html
    assert "✓ yes" in unescape(html) and "✗ no" in unescape(html)
    for href in re.findall(r'<a href="([^"#][^"]*)">(?:see|fix)</a>', html):
        target = (site / "growth/checklist" / href).resolve()
        assert (target / "index.html").is_file() or target.is_file(), href


def test_atom_feed_in_the_site(site: Path) -> None:
    root = ET.parse(site / "growth/feed.xml").getroot()
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [
        "Spans & traces",
        "Traces first",
        "Use OpenTelemetry",
        "Older note",
    ]
    self_link = root.find(f"{ATOM}link[@rel='self']")
    assert self_link is not None and self_link.get("href") == SITE_URL + "growth/feed.xml"
    for entry in entries:
        href = entry.find(f"{ATOM}link").get("href")  # type: ignore[union-attr]
        assert href.startswith(SITE_URL)
        local = urlsplit(href).path.removeprefix(urlsplit(SITE_URL).path)
        assert (site / local / "index.html").is_file(), href


def test_schema_published_at_site_root(site: Path) -> None:
    assert json.loads(read(site, "growth.schema.json")) == json_schema()


def test_search_index_has_insight_pages(site: Path) -> None:
    index = json.loads(read(site, "search/search_index.json"))
    locations = {d["location"] for d in index["docs"]}
    for page in ("growth/reviews/", "growth/feedback/", "growth/checklist/"):
        assert page in locations


def test_plain_theme_file_urls_and_no_site_url(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="mkdocs"):  # other tests leave it at WARNING
        site = build_site(
            tmp_path, FILES, {"today": TODAY}, theme={"name": "mkdocs"}, use_directory_urls=False
        )
    assert not (site / "growth/feed.xml").exists()
    notes = [r for r in caplog.records if "site_url is not set" in r.getMessage()]
    assert [r.levelno for r in notes] == [logging.INFO]  # SPEC v2: not a warning
    html = read(site, "cards/trace.html")
    assert '<div class="growth-rubric">' in html
    for page in ("reviews", "feedback", "checklist"):
        assert (site / f"growth/{page}.html").is_file()
    assert (site / "growth.schema.json").is_file()


HORIZON = {"id": "spring", "start": "2026-03-01", "end": "2026-05-31"}


@pytest.mark.parametrize(("today", "archived"), [("2026-05-31", False), ("2026-06-01", True)])
def test_horizon_archive_starts_the_day_after_its_end(
    tmp_path: Path, today: str, archived: bool
) -> None:
    files = {
        "cards/done.md": card(title="Finished", horizon="spring", status="done", rubric=RUBRIC)
    }
    options = {"today": today, "horizons": [HORIZON]}
    site = build_site(tmp_path, files, options, site_url=SITE_URL)
    text = text_of(read(site, "growth/horizons/spring/index.html"))
    assert ("(archived)" in text) is archived
    assert ("Rubric change" in text) is archived
    assert ("+1.25" in text) is archived
    index = text_of(read(site, "growth/horizons/index.html"))
    current = index[index.index("Current") : index.index("Upcoming")]
    archive = index[index.index("Archive") :]
    assert ("spring" in archive, "spring" in current) == (archived, not archived)


@pytest.mark.parametrize(("today", "started"), [("2026-02-28", False), ("2026-03-01", True)])
def test_a_horizon_links_its_review_packet_from_its_first_day(
    tmp_path: Path, today: str, started: bool
) -> None:
    """Mutation: a horizon starting today does not link the review packet it already has."""
    files = {"cards/c.md": card(title="Spring card", horizon="spring")}
    site = build_site(tmp_path, files, {"today": today, "horizons": [HORIZON]})
    html = read(site, "growth/horizons/spring/index.html")
    assert ('<a href="../../reports/spring/">Review packet</a>' in html) is started
    assert (site / "growth" / "reports" / "spring" / "index.html").is_file() is started


def _feedback_page(tmp_path: Path, files: dict[str, str]) -> str:
    store = store_of(write_store(tmp_path, files, {"today": TODAY}))
    ctx = SiteContext(today=dt.date.fromisoformat(TODAY))
    [page] = feedback.pages(store, ctx)
    return render_page(page, ctx)


def _days_ago(n: int) -> str:
    return (dt.date.fromisoformat(TODAY) - dt.timedelta(days=n)).isoformat()


def test_feedback_recent_in_full_older_grouped_by_card(tmp_path: Path) -> None:
    files = {
        "cards/a.md": card(
            title="Card A",
            feedback=[
                {"date": _days_ago(10), "from": "Dana", "went_well": "recent text"},
                {"date": _days_ago(400), "from": "Lee", "went_well": "old text"},
            ],
        ),
        "cards/b.md": card(
            title="Card B", feedback=[{"date": _days_ago(200), "from": "Sam", "didnt": "old b"}]
        ),
    }
    markdown = _feedback_page(tmp_path, files)
    recent, earlier = markdown.split("## Earlier, by card")
    assert "recent text" in recent and "old text" not in markdown and "old b" not in markdown
    rows = [line for line in earlier.splitlines() if line.startswith("| [")]
    assert [r.split("]")[0] for r in rows] == ["| [Card B", "| [Card A"]  # newest first
    assert _days_ago(400) in rows[1] and "Lee" in rows[1]


def test_feedback_full_text_capped(tmp_path: Path) -> None:
    entries = [{"date": _days_ago(i), "went_well": f"entry {i}."} for i in range(FULL_MAX + 10)]
    markdown = _feedback_page(tmp_path, {"cards/a.md": card(feedback=entries)})
    recent, earlier = markdown.split("## Earlier, by card")
    assert f"newest {FULL_MAX}" in recent
    assert f"entry {FULL_MAX - 1}." in recent and f"entry {FULL_MAX}." not in markdown
    assert _days_ago(FULL_MAX) in earlier and _days_ago(FULL_MAX + 9) in earlier
