"""Pages a reader would see wrong: each test holds one fact a reader relies on.

One real Material build of a small store (strict), read back as HTML. The
facts are the ones a hand audit found no test holding (issue 24): a mistake
in any of them leaves a plausible page that says something false.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from conftest import built_once, card, front_matter, write_store
from mkdocs.commands.build import build
from mkdocs.config import load_config

SVG = "{http://www.w3.org/2000/svg}"
TODAY = "2026-05-20"
SINCE = "2025-11-19"  # TODAY minus 182 days: the feedback page's full-text window starts here
OPTIONS: dict[str, Any] = {
    "today": TODAY,
    "max_active": 9,
    "horizons": [
        {"id": "h1", "start": "2026-01-01", "end": "2026-03-31"},
        {"id": "h2", "start": "2026-04-01", "end": "2026-06-30"},
    ],
}


def ms(title: str, status: str, due: str) -> dict[str, str]:
    return {"title": title, "done_when": f"{title} is shown", "status": status, "due": due}


def scored(impact: int) -> dict[str, int]:
    return {"impact": impact, "effort": 2, "reusability": 3, "learnings": 3}


FILES = {
    "index.md": "# Home\n",
    "cards/a.md": card(
        title="Alpha",
        horizon="h2",
        status="active",
        milestones=[
            ms("First step", "done", "2026-04-10"),
            ms("Second step", "active", "2026-05-01"),
            ms("Third step", "planned", "2026-06-10"),
        ],
        rubric={"before": {"confidence": 2, "competence": 2, "impact": 1, "clarity": 3}},
        feedback=[
            {
                "date": SINCE,
                "from": "Mentor",
                "went_well": "boundary-went-well",
                "didnt": "boundary-didnt",
                "try_next": "boundary-try-next",
            }
        ],
    ),
    "cards/dropped.md": card(
        title="Dropped one",
        goal="A goal the reader still needs",
        horizon="h1",
        status="dropped",
        milestones=[
            ms("Tried", "done", "2026-01-20"),
            ms("Stopped", "dropped", "2026-02-20"),
            ms("Never", "dropped", "2026-03-20"),
        ],
        metrics=[{"name": "latency", "unit": "ms", "baseline": 400, "target": 250}],
    ),
    # six open cards with distinct scores: the dashboard shows the top five
    **{
        f"cards/open-{n}.md": card(title=f"Open {n}", horizon="h2", scores=scored(n))
        for n in range(1, 6)
    },
    "notes/last-day.md": front_matter(
        {"type": "note", "title": "Written on the last day", "date": "2026-06-30"}
    ),
    "notes/first-day.md": front_matter(
        {"type": "note", "title": "Written on the first day", "date": "2026-04-01"}
    ),
}


@pytest.fixture(scope=built_once)
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("reader")
    cfg = {"theme": {"name": "material"}, "markdown_extensions": ["admonition", "tables"]}
    config = write_store(tmp, FILES, OPTIONS, config=cfg)
    build(load_config(config_file=str(config), strict=True))
    return tmp / "site"


def article(site: Path, page: str) -> str:
    html = (site / page / "index.html").read_text(encoding="utf-8")
    match = re.search(r"<article[^>]*>(.*)</article>", html, re.S)
    assert match is not None
    return match.group(1)


def section(html: str, heading: str) -> str:
    """The HTML from the ``<h2>`` whose text starts with ``heading`` to the next ``<h2>``."""
    match = re.search(rf"<h2[^>]*>{re.escape(heading)}.*?(?=<h2|\Z)", html, re.S)
    assert match is not None, heading
    return match.group(0)


def text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def header(site: Path, page: str) -> str:
    html = article(site, page)
    start = html.index('<div class="growth-card-header">')
    return html[start : html.index("<hr", start)]


# The card header


def test_card_header_lists_its_facts_as_label_and_value(site: Path) -> None:
    head = header(site, "cards/a")
    facts = re.search(r'<dl class="growth-facts">(.*?)</dl>', head, re.S)
    assert facts is not None
    labels = re.findall(r"<dt>(.*?)</dt>", facts.group(1))
    assert labels[:5] == ["Domain:", "Horizon:", "Status:", "Priority:", "Scores:"]
    assert "<p><strong>Domain</strong>" not in head  # not a run of bold-label paragraphs


def test_card_header_feedback_is_a_list_not_a_run_on_line(site: Path) -> None:
    head = header(site, "cards/a")
    found = re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", head.split("Feedback", 1)[1])
    said = [(unescape(label), unescape(value)) for label, value in found]
    assert said == [
        ("Went well:", "boundary-went-well"),
        ("Didn't:", "boundary-didnt"),
        ("Try next:", "boundary-try-next"),
    ]
    assert "; didn" not in text(head)


# The pictures

PAGES_WITH_PICTURES = ("growth", "growth/priorities", "growth/horizons/h2", "cards/a")


def svgs(site: Path) -> list[ET.Element]:
    found = []
    for page in PAGES_WITH_PICTURES:
        for fragment in re.findall(r"<svg .*?</svg>", article(site, page), re.S):
            found.append(ET.fromstring(fragment))
    return found


def inherited(svg: ET.Element, target: ET.Element, name: str) -> str | None:
    """The presentation attribute ``name`` of ``target``, from it or its nearest ancestor."""
    parents = {child: parent for parent in svg.iter() for child in parent}
    node: ET.Element | None = target
    while node is not None:
        value = node.get(name)
        if value is not None:
            return value
        node = parents.get(node)
    return None


def test_chart_text_follows_the_page_colour_and_is_phone_sized(site: Path) -> None:
    """Text coloured with the page's own colour reads in light and dark; at 13 viewBox
    units in a picture at most 360 wide, it renders at 12 px or more on a 390 px phone."""
    pictures = svgs(site)
    assert {p.get("class") for p in pictures} >= {
        "growth-timeline",
        "growth-matrix",
        "growth-cadence",
        None,  # the rubric chart
    }
    for svg in pictures:
        width = float((svg.get("viewBox") or "").split()[2])
        assert width <= 360
        for label in svg.iter(f"{SVG}text"):
            fill = inherited(svg, label, "fill")
            assert fill == "currentColor", (svg.get("class"), label.text, fill)
            assert float(inherited(svg, label, "font-size") or 0) >= 13, label.text


def test_matrix_dots_carry_their_rank_and_the_table_names_them(site: Path) -> None:
    html = article(site, "growth/priorities")
    [svg] = [s for s in svgs(site) if s.get("class") == "growth-matrix"]
    labels = [t.text for t in svg.iter(f"{SVG}text") if (t.text or "").startswith("#")]
    assert sorted(labels) == ["#1", "#2", "#3", "#4", "#5", "#6"]
    figure = unescape(html[html.index('<div class="growth-chart growth-matrix-figure">') :])
    assert "<th>#</th><th>Card</th><th>Impact</th><th>Effort</th>" in figure


def test_timeline_names_the_card_of_each_milestone(site: Path) -> None:
    [svg] = [s for s in svgs(site) if s.get("class") == "growth-timeline"][:1]
    shown = ["".join(t.itertext()) for t in svg.iter(f"{SVG}text")]
    assert "Alpha" in shown and "1. First step" in shown


# The dashboard


def test_dashboard_opens_with_now_next_and_on_track(site: Path) -> None:
    html = article(site, "growth")
    grid = re.search(r'<div class="grid cards">(.*?)</div>', html, re.S)
    assert grid is not None
    items = re.findall(r"<li>(.*?)</li>", grid.group(1), re.S)
    cards = [" ".join(unescape(re.sub(r"<[^>]+>", "", li)).split()) for li in items]
    assert cards == [
        "Now: 1 active card, 1 / 9 active milestones; Second step",
        "Next: Second step (due 2026-05-01); next card to start: Open 5",
        "Needs attention: 1 late milestone, mentor check-in due",
    ]
    assert html.index("grid cards") < html.index("Active work")


# Facts a reader relies on (each test fails with the mutation it is named after)


def test_timeline_table_numbers_milestones_from_one(site: Path) -> None:
    """Mutation: the data table numbers a card's milestones from 0."""
    html = unescape(article(site, "growth"))
    figure = html[html.index('<div class="growth-chart growth-timeline-figure">') :]
    rows = re.findall(r'<td data-label="Milestone">(.*?)</td>', figure)
    assert rows[:3] == ["1. First step", "2. Second step", "3. Third step"]


def test_note_on_a_horizons_last_day_is_on_that_horizons_page(site: Path) -> None:
    """Mutation: a note dated on the horizon's end date drops off its page."""
    page = text(section(article(site, "growth/horizons/h2"), "Notes, decisions and talks"))
    assert "Written on the last day" in page and "Written on the first day" in page


def test_feedback_exactly_182_days_old_keeps_its_full_text(site: Path) -> None:
    """Mutation: an entry dated on the window's first day leaves the table headed by that date."""
    recent = text(section(article(site, "growth/feedback"), f"Since {SINCE}"))
    assert "boundary-went-well" in recent and "boundary-try-next" in recent
    # every column of the entry, under its heading (mutations emptied "From" and "Didn't")
    assert "Date Card From Went well Didn't Try next" in recent
    assert "Mentor" in recent and "boundary-didnt" in recent
    assert "Earlier, by card" not in article(site, "growth/feedback")


def test_dashboard_shows_the_top_five_priorities(site: Path) -> None:
    """Mutation: the dashboard's top priorities show 4 (or 6) instead of 5."""
    table = section(article(site, "growth"), "Top priorities")
    rows = re.findall(r"<tr>\s*<td", table)
    assert len(rows) == 5  # six open cards in the store
    assert "Open 5" in table and "Open 1" not in table  # the lowest score is left out


def test_dropped_card_keeps_its_whole_header(site: Path) -> None:
    """Mutation: a dropped card loses its header (or part of it)."""
    head = text(header(site, "cards/dropped"))
    for shown in (
        "Goal: A goal the reader still needs",
        "Status: dropped",
        "Horizon: h1",
        "Priority:",
        "Milestones (1/1 done)",  # dropped milestones do not count
        "Tried : done when Tried is shown",
        "Stopped : done when Stopped is shown (dropped)",
        "latency",
    ):
        assert shown in head, shown


def test_priorities_page_states_the_formula_its_scores_follow(site: Path) -> None:
    """Mutations: the weights' total in the formula, its wording, the page's title."""
    html = article(site, "growth/priorities")
    assert re.search(r"<h1[^>]*>Priorities</h1>", html)
    assert text(html).startswith(
        "Priorities Open cards (planned and active), highest priority first. Score ="
        " (impact × 2 + (6 − effort) × 1 + reusability × 1 + learnings × 1) ÷ 5;"
        " band high ≥ 3.5, medium ≥ 2.5, else low. Ties: impact, then lower effort, then title."
        " Each card's page shows its four scores."
    )
    # Open 5: (5 × 2 + (6 − 2) × 1 + 3 × 1 + 3 × 1) ÷ 5 = 4.00, as the formula says
    rows = re.findall(r"<tr>((?:(?!</tr>).)*)</tr>", html, re.S)
    scores = [re.findall(r'<td data-label="Score">(.*?)</td>', r) for r in rows if "Open 5" in r]
    assert ["4.00"] in scores
    [row] = [r for r in rows if "Open 5" in r and "Score" in r]
    cells = dict(re.findall(r'<td data-label="(\w+)">(.*?)</td>', row))
    assert cells["Card"] == '<a href="../../cards/open-5/">Open 5</a> <code>open-5</code>'
    assert cells["Horizon"] == '<a href="../horizons/h2/">h2</a>'


def test_priorities_rows_link_to_their_domain_page(site: Path) -> None:
    """Mutation: the domain link names a page that does not exist, so it leads nowhere."""
    html = article(site, "growth/priorities")
    hrefs = set(re.findall(r'<td data-label="Domain"><a href="([^"]*)">', html))
    assert hrefs == {"../domains/observability/"}
    assert (site / "growth" / "domains" / "observability" / "index.html").is_file()
