"""The review packet's "Evidence by competency" section, and the dashboard's link to the
competencies page, in real MkDocs builds (Material, search, strict).

The 5-level, 8-theme test framework (level senior, target staff); horizons h1
(January to March) and h2 (April to June), today 2026-05-20. Assertions read
the article: the navigation links everywhere.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from conftest import (
    MILESTONES,
    THEMES,
    assert_links_resolve,
    built_once,
    card,
    doc,
    front_matter,
    write_framework_store,
    write_store,
)
from mkdocs.commands.build import build
from mkdocs.config import load_config

TODAY = "2026-05-20"
HORIZONS = [
    {"id": "h1", "start": "2026-01-01", "end": "2026-03-31"},
    {"id": "h2", "start": "2026-04-01", "end": "2026-06-30"},
]
OPTIONS: dict[str, Any] = {"today": TODAY, "horizons": HORIZONS}
CONFIG = {"theme": {"name": "material"}, "site_url": "https://example.com/"}
DONE = [{**m, "status": "done"} for m in MILESTONES]
HOSTILE = "Talk <script>alert(1)</script> | [x](javascript:alert(2))"
SECRET = "Secret talk to the board"


FILES = {
    "index.md": "# Home\n",
    "cards/retries.md": card(
        title="Idempotent retries",
        horizon="h2",
        date="2026-04-15",
        status="done",
        milestones=DONE,
        rubric={"after": {"confidence": 4, "competence": 4, "impact": 4, "clarity": 4}},
        competencies=["staff/craft", "senior/craft"],
    ),
    "notes/sampling.md": doc("note", "Sampling notes", "2026-04-20", "staff/craft"),
    "talks/hostile.md": doc("talk", HOSTILE, "2026-05-02", "staff/communication"),
    "notes/queues.md": doc("note", "Old note on queues", "2026-02-10", "staff/decisions"),
    "talks/later.md": doc("talk", "Next talk", "2026-06-10", "staff/delivery"),  # planned
    "talks/secret.md": doc(
        "talk", SECRET, "2026-05-05", "staff/collaboration", visibility="private"
    ),
}


def article(path: Path) -> str:
    html = path.read_text(encoding="utf-8")
    start = html.index("<article")
    return html[start : html.index("</article>", start)]


def text_of(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def evidence_section(html: str) -> str:
    """The packet's evidence section: from its heading to the next h2 (or the end)."""
    heading = re.search(r"<h2[^>]*>Evidence by competency", html)
    assert heading is not None
    start = heading.start()
    end = html.find("<h2", heading.end())
    return html[start : end if end >= 0 else len(html)]


def rows(section: str) -> list[str]:
    return [text_of(row) for row in re.findall(r"<tr>(.*?)</tr>", section, re.S)[1:]]


def build_site(tmp: Path, files: dict[str, str], options: dict[str, Any], framework: bool) -> Path:
    write = write_framework_store if framework else write_store
    config = write(tmp, files, {**OPTIONS, **options}, config=CONFIG)
    build(load_config(config_file=str(config), strict=True))
    return tmp / "site"


@pytest.fixture(scope=built_once)
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory.mktemp("packet-evidence"), FILES, {}, framework=True)


def test_packet_lists_each_themes_competencies_with_the_periods_evidence(site: Path) -> None:
    section = evidence_section(article(site / "growth/reports/h2/index.html"))
    found = rows(section)
    assert len(found) == 2 * len(THEMES)  # current and target level of every theme
    assert found[2:4] == [
        "Technical craft Senior engineer (current level) Senior engineer: technical craft at"
        " this level. Idempotent retries · card, done · 2026-04-15",
        # the done card first, then the note, as the competencies page orders them
        "Technical craft Staff engineer (target level) Staff engineer: technical craft at"
        " this level. Idempotent retries · card, done · 2026-04-15;"
        " Sampling notes · note · 2026-04-20",
    ]
    assert found[0] == (
        "Delivery Senior engineer (current level) Senior engineer: delivery at this level."
        " Gap: no evidence in this period."
    )
    assert f"{HOSTILE} · talk, given · 2026-05-02" in found[9]  # target communication


def test_packet_summary_counts_the_themes_with_evidence_in_the_period(site: Path) -> None:
    html = article(site / "growth/reports/h2/index.html")
    summary = text_of(html[: html.index("<h2")])
    assert (
        "Evidence by competency target level (Staff engineer): 3 of 8 themes have evidence;"
        " current level (Senior engineer): 1 of 8 themes have evidence"
    ) in summary


def test_evidence_outside_the_period_is_not_in_the_packet(site: Path) -> None:
    h2 = text_of(evidence_section(article(site / "growth/reports/h2/index.html")))
    assert "Old note on queues" not in h2  # February: the h1 packet
    assert "Next talk" not in h2  # scheduled after today: planned, not evidence
    h1 = evidence_section(article(site / "growth/reports/h1/index.html"))
    h1_rows = rows(h1)
    assert [r for r in h1_rows if "Gap:" not in r] == [
        "Decisions Staff engineer (target level) Staff engineer: decisions at this level."
        " Old note on queues · note · 2026-02-10"
    ]
    assert "Idempotent retries" not in text_of(h1)


def test_packet_evidence_links_resolve_and_text_is_escaped(site: Path) -> None:
    page = site / "growth/reports/h2/index.html"
    section = evidence_section(article(page))
    assert "<script" not in section and 'href="javascript' not in section.lower()
    hrefs = re.findall(r'<a href="([^"#]+)"', section)
    assert len(hrefs) == 6  # competencies page, retries x2, sampling, hostile talk, secret
    assert_links_resolve(page, site, hrefs)


@pytest.mark.parametrize("audience", ["internal", "public"])
def test_private_documents_are_packet_evidence_only_on_an_internal_site(
    tmp_path: Path, audience: str
) -> None:
    site = build_site(tmp_path, FILES, {"audience": audience}, framework=True)
    section = text_of(evidence_section(article(site / "growth/reports/h2/index.html")))
    collaboration = "Collaboration Staff engineer (target level) Staff engineer: collaboration"
    if audience == "public":
        assert SECRET not in section
        assert f"{collaboration} at this level. Gap: no evidence in this period." in section
    else:
        assert f"{collaboration} at this level. {SECRET} · talk, given · 2026-05-05" in section


def test_without_a_framework_the_packet_has_no_evidence_section(tmp_path: Path) -> None:
    files = {
        "index.md": "# Home\n",
        "cards/retries.md": card(
            title="Idempotent retries",
            horizon="h2",
            status="active",
            milestones=DONE[:1] + MILESTONES[1:],
        ),
        "notes/n.md": front_matter({"type": "note", "title": "A note", "date": "2026-04-20"}),
    }
    site = build_site(tmp_path, files, {}, framework=False)
    packet = article(site / "growth/reports/h2/index.html")
    assert "Idempotent retries" in packet and "A note" in packet
    assert "Evidence by competency" not in packet  # not even an empty heading
    assert "competencies" not in article(site / "growth/index.html").lower()


def test_dashboard_links_to_the_competencies_page_with_the_summary(site: Path) -> None:
    html = article(site / "growth/index.html")
    assert re.search(r'<a href="competencies/">[^<]*</a>', html)
    text = text_of(html)
    # all time: craft, communication, decisions, collaboration (internal site)
    assert (
        "Competencies target level (Staff engineer): 4 of 8 themes have evidence ·"
        " current level (Senior engineer): 1 of 8 themes have evidence"
    ) in text


def test_a_broken_framework_is_said_in_the_packet_and_on_the_dashboard(tmp_path: Path) -> None:
    from conftest import framework_yaml

    broken = framework_yaml().replace("theme: craft", "theme: crafts", 1)
    files = {"index.md": "# Home\n", "cards/retries.md": FILES["cards/retries.md"]}
    config = write_framework_store(tmp_path, files, OPTIONS, framework=broken, config=CONFIG)
    build(load_config(config_file=str(config)))  # not strict: the framework's errors are logged
    packet = text_of(evidence_section(article(tmp_path / "site/growth/reports/h2/index.html")))
    assert "The progression framework framework.yml has errors, so no evidence is shown" in packet
    dashboard = text_of(article(tmp_path / "site/growth/index.html"))
    assert "Competencies Evidence and gaps by theme : the progression framework has errors." in (
        dashboard
    )
