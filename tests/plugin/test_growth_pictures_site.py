"""The pictures and the review packet in a real MkDocs build (Material, search, strict)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html import unescape
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
from conftest import built_once, card, front_matter, write_store
from mkdocs.commands.build import build
from mkdocs.config import load_config

SVG = "{http://www.w3.org/2000/svg}"
TODAY = "2026-05-20"
OPTIONS: dict[str, Any] = {
    "today": TODAY,
    "max_active": 9,
    "horizons": [
        {"id": "h1", "start": "2026-01-01", "end": "2026-03-31"},
        {"id": "h2", "start": "2026-04-01", "end": "2026-06-30"},
        {"id": "h3", "start": "2026-07-01", "end": "2026-09-30"},
    ],
}
RUBRIC = {
    "before": {"confidence": 2, "competence": 2, "impact": 1, "clarity": 3},
    "after": {"confidence": 4, "competence": 3, "impact": 3, "clarity": 3},
}


def ms(title: str, status: str, due: str) -> dict[str, str]:
    return {"title": title, "done_when": f"{title} is shown", "status": status, "due": due}


FILES = {
    "index.md": "# Home\n",
    "cards/a.md": card(
        title="Alpha <b>",
        horizon="h2",
        status="active",
        milestones=[ms("one", "done", "2026-04-10"), ms("two", "active", "2026-05-01"),
                    ms("three", "planned", "2026-06-10")],
        metrics=[{"name": "p99", "unit": "ms", "baseline": 400, "target": 250, "actual": 300}],
        rubric=RUBRIC,
    ),
    "cards/b.md": card(title="Beta", horizon="h2"),
    "cards/c.md": card(title="Gamma", horizon="h1", status="done", rubric=RUBRIC),
    "notes/n.md": front_matter({"type": "note", "title": "A note", "date": "2026-05-11"}),
}  # fmt: skip


@pytest.fixture(scope=built_once)
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("pictures")
    cfg = {"theme": {"name": "material"}, "site_url": "https://example.com/"}
    config = write_store(tmp, FILES, OPTIONS, config=cfg)
    build(load_config(config_file=str(config), strict=True))
    return tmp / "site"


def article(site: Path, page: str) -> str:
    html = (site / page).read_text(encoding="utf-8")
    match = re.search(r"<article[^>]*>(.*)</article>", html, re.S)
    assert match is not None
    return match.group(1)


def chart(html: str, css: str) -> ET.Element:
    match = re.search(rf'<div class="growth-chart {css}-figure">.*?\n</div>', html, re.S)
    assert match is not None, css
    root = ET.fromstring(match.group(0))
    svg = root.find(f"{SVG}svg")
    assert svg is not None and svg.get("class") == css
    return root


def resolves(site: Path, page: str, href: str) -> Path:
    """The file a relative link from ``page`` (a site path) opens."""
    target = urlsplit(urljoin("/" + page, href)).path.lstrip("/")
    path = site / target
    return path / "index.html" if target.endswith("/") or path.is_dir() else path


def test_priorities_matrix_links_every_open_card(site: Path) -> None:
    html = article(site, "growth/priorities/index.html")
    root = chart(html, "growth-matrix")
    links = root.findall(f".//{SVG}a")
    assert len(links) == 2  # Alpha (active) and Beta (planned); Gamma is done
    pages = {resolves(site, "growth/priorities/", a.get("href") or "") for a in links}
    assert pages == {site / "cards/a/index.html", site / "cards/b/index.html"}


def test_dashboard_has_timeline_cadence_rubric_trend_and_packet_link(site: Path) -> None:
    html = article(site, "growth/index.html")
    timeline = chart(html, "growth-timeline")
    statuses = [a.get("data-status") for a in timeline.findall(f".//{SVG}a")]
    assert statuses == ["done", "active, late", "planned"]
    cadence = chart(html, "growth-cadence")
    notes_row = cadence.find("div/table/tbody/tr")
    assert notes_row is not None and [c.text for c in notes_row][:2] == ["Notes", "1"]
    trend = chart(html, "growth-rubric-trend")
    rows = [[c.text for c in tr] for tr in trend.findall("div/table/tbody/tr")]
    assert rows == [["h1", "1", "2", "3.25", "+1.25"], ["h2", "1", "2", "3.25", "+1.25"]]
    assert 'href="reports/h2/"' in html


def test_horizon_pages_have_a_timeline_and_started_ones_a_packet(site: Path) -> None:
    h2 = article(site, "growth/horizons/h2/index.html")
    chart(h2, "growth-timeline")
    assert 'href="../../reports/h2/"' in h2
    h3 = article(site, "growth/horizons/h3/index.html")
    assert "Review packet" not in h3
    reports = sorted(p.name for p in (site / "growth" / "reports").iterdir())
    assert reports == ["h1", "h2"]


def test_packet_page_escapes_and_shows_the_evidence(site: Path) -> None:
    html = article(site, "growth/reports/h2/index.html")
    assert "Alpha &lt;b&gt;" in html or "Alpha &#60;b&#62;" in html
    assert "<b>" not in html
    text = re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))
    assert "Review packet: h2" in text
    assert "p99 400 ms 300 ms -100 ms (-25%), toward target 250 ms" in text
    assert "2. two" not in text  # active, not done
    assert "1. one one is shown" in text
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any(d["location"].startswith("growth/reports/h2/") for d in index["docs"])


def test_a_public_site_leaves_withheld_fields_out_of_pictures_and_packet(
    tmp_path: Path,
) -> None:
    """``audience: public`` withholds feedback, rubric (defaults) and here reviews: the
    sections built from them are left out, not shown as empty."""
    files = {
        **FILES,
        "cards/b.md": card(
            title="Beta",
            horizon="h2",
            reviewed=["2026-05-18"],
            feedback=[{"date": "2026-05-02", "from": "Secret Mentor", "didnt": "private words"}],
        ),
    }
    options = {
        **OPTIONS,
        "audience": "public",
        "private_fields": ["feedback", "rubric", "reviewed"],
    }
    cfg = {"theme": {"name": "material"}, "site_url": "https://example.com/"}
    config = write_store(tmp_path, files, options, config=cfg)
    build(load_config(config_file=str(config)))
    site = tmp_path / "site"
    dashboard = article(site, "growth/index.html")
    assert "growth-rubric-trend" not in dashboard
    cadence = chart(dashboard, "growth-cadence")
    kinds = [tr[0].text for tr in cadence.findall("div/table/tbody/tr")]
    assert kinds == ["Notes", "Talks", "Decisions"]  # no reviews row
    packet = article(site, "growth/reports/h2/index.html")
    assert "Secret Mentor" not in packet and "private words" not in packet
    assert "Feedback received" not in packet and "Rubric before and after" not in packet
    assert "Metrics: baseline to actual" in unescape(packet)  # not withheld here
