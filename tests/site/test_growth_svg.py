"""The four growth pictures: well-formed, accessible, escaped, phone-sized, true to the data."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from typing import Any

import markdown
import pytest

from mkdocs_growth.core.model import Card
from mkdocs_growth.core.options import HorizonSpec
from mkdocs_growth.practice.pictures import (
    Cadence,
    MatrixMark,
    RubricTrend,
    Timeline,
    milestone_timeline,
)
from mkdocs_growth.practice.priority import Priority
from mkdocs_growth.site.svg.cadence import LABEL_W, cadence_svg
from mkdocs_growth.site.svg.common import MONTHS, esc
from mkdocs_growth.site.svg.matrix import CELL, LEFT, TOP, matrix_svg
from mkdocs_growth.site.svg.rubric_trend import rubric_trend_svg
from mkdocs_growth.site.svg.timeline import timeline_svg

SVG = "{http://www.w3.org/2000/svg}"
TODAY = dt.date(2026, 5, 20)
HOSTILE = (
    "<script>alert(1)</script> [x](javascript:alert(1)) {{ secret }} | `code` \x07\ufffe & *em*"
)


def make_card(n: int, **fields: Any) -> Card:
    data: dict[str, Any] = {
        "type": "card",
        "id": f"card-{n}",
        "title": f"Card {n}",
        "domain": "observability",
        "horizon": "2026-Q2",
        "goal": "g",
        "scores": {
            "impact": 1 + n % 5,
            "effort": 1 + (n // 5) % 5,
            "reusability": 3,
            "learnings": 3,
        },
        "status": "active" if n % 2 else "planned",
        **fields,
    }
    return Card.model_validate(data)


def href(card: Card) -> str:
    return f"../../cards/{card.id}/"


def figure_svg(fragment: str, css: str) -> tuple[ET.Element, ET.Element]:
    """The figure as XML and its ``<svg>``; checks the frame every picture shares."""
    root = ET.fromstring(fragment)
    assert root.tag == "div" and "growth-chart" in (root.get("class") or "")
    [svg] = [el for el in root if el.tag == f"{SVG}svg"]
    assert svg.get("class") == css
    assert svg.get("width") == "100%" and re.fullmatch(r"0 0 \d+ \d+", svg.get("viewBox") or "")
    assert "max-width" in (svg.get("style") or "")
    ids = (svg.get("aria-labelledby") or "").split()
    title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
    assert title is not None and desc is not None and title.text and desc.text
    assert ids == [title.get("id"), desc.get("id")]
    assert "\n\n" not in fragment  # one raw HTML block for Markdown
    assert "<script" not in fragment and not re.search(r"\son\w+=", fragment)
    return root, svg


def markdown_keeps(fragment: str) -> str:
    """The fragment through Python-Markdown (as ``generate`` output is read) is inert."""
    html = markdown.markdown(fragment, extensions=["md_in_html", "attr_list", "tables"])
    assert "<script" not in html and "javascript:" not in html and "<em>" not in html
    return html


def test_matrix_one_linked_mark_per_card_inside_its_cell() -> None:
    cards = [make_card(n) for n in range(40)]
    marks = [MatrixMark(c, i + 1, Priority(3.0, "medium")) for i, c in enumerate(cards)]
    _, svg = figure_svg(matrix_svg(marks, href), "growth-matrix")
    assert svg.get("role") == "group"  # links stay reachable
    links = svg.findall(f".//{SVG}a")
    assert sorted(a.get("href") for a in links) == sorted(href(c) for c in cards)
    by_href = {href(c): c for c in cards}
    for a in links:
        card = by_href[a.get("href")]
        circle = a.find(f"{SVG}circle")
        assert circle is not None
        x, y = float(circle.get("cx")), float(circle.get("cy"))
        effort, impact = card.scores.effort, card.scores.impact
        assert LEFT + (effort - 1) * CELL < x < LEFT + effort * CELL
        assert TOP + (5 - impact) * CELL < y < TOP + (6 - impact) * CELL
        title = a.find(f"{SVG}title")
        assert title is not None and card.title in title.text and card.status in title.text
    groups = {g.get("class"): len(g) for g in svg.findall(f"{SVG}g")}
    assert groups == {"growth-active": 20, "growth-planned": 20}


def test_matrix_dots_of_a_crowded_cell_stay_apart() -> None:
    """Mutation: a dot's radius from the step divided, not multiplied (dots pile up)."""
    same = {"impact": 4, "effort": 2, "reusability": 3, "learnings": 3}
    cards = [make_card(n, scores=same) for n in range(10)]  # a 4 x 3 grid in one cell
    marks = [MatrixMark(c, i + 1, Priority(3.0, "medium")) for i, c in enumerate(cards)]
    _, svg = figure_svg(matrix_svg(marks, href), "growth-matrix")
    dots = [
        (float(c.get("cx") or 0), float(c.get("cy") or 0), float(c.get("r") or 0))
        for c in svg.iter(f"{SVG}circle")
    ]
    assert len(dots) == 10
    for n, (x, y, r) in enumerate(dots):
        assert x - r >= LEFT + CELL and x + r <= LEFT + 2 * CELL  # inside its cell
        for x2, y2, r2 in dots[n + 1 :]:
            assert (x - x2) ** 2 + (y - y2) ** 2 >= (r + r2) ** 2, "dots overlap"


def test_matrix_rank_sits_centred_under_its_dot() -> None:
    """Mutation: the label's anchor misspelt, so browsers start the text at the dot's centre."""
    marks = [MatrixMark(make_card(n), n + 1, Priority(3.0, "medium")) for n in range(2)]
    _, svg = figure_svg(matrix_svg(marks, href), "growth-matrix")
    dots = [float(c.get("cx") or 0) for c in svg.iter(f"{SVG}circle")]
    ranks = [t for t in svg.iter(f"{SVG}text") if (t.text or "").startswith("#")]
    assert [t.text for t in ranks] == ["#1", "#2"]
    assert [t.get("text-anchor") for t in ranks] == ["middle", "middle"]
    assert [float(t.get("x") or 0) for t in ranks] == dots


def test_matrix_without_open_cards_draws_nothing() -> None:
    assert matrix_svg([], href) == ""


@pytest.mark.parametrize("draw", ["matrix", "timeline", "rubric"])
def test_document_text_is_escaped_everywhere(draw: str) -> None:
    card = make_card(1, title=HOSTILE, milestones=[
        {"title": HOSTILE, "done_when": "x", "due": "2026-05-25", "status": "active"}
    ])  # fmt: skip
    if draw == "matrix":
        fragment = matrix_svg([MatrixMark(card, 1, Priority(3.0, "medium"))], href)
    elif draw == "timeline":
        fragment = timeline_svg(milestone_timeline([card], TODAY), href, "t")
    else:
        spec = HorizonSpec(id="h", title=HOSTILE, start=TODAY, end=TODAY)
        fragment = rubric_trend_svg([RubricTrend(spec, 1, {"impact": 1.0}, {"impact": 2.0})])
    root = ET.fromstring(fragment)  # well-formed: U+FFFE and the bell are gone
    text = "".join(root.itertext())
    assert "<script>alert(1)</script>" in text or "…" in text  # shown literally (maybe cut)
    assert "{{" not in fragment and "](" not in fragment  # template and link syntax inert
    markdown_keeps(fragment)


def test_esc_is_html_text_and_markdown_safe() -> None:
    assert esc('<a href="x">') == "&#60;a href&#61;&#34;x&#34;&#62;"
    assert esc("a\x00b\ud800c") == "abc"
    assert ET.fromstring(f"<t>{esc(HOSTILE)}</t>").text is not None


def timeline_data() -> Timeline:
    cards = [
        make_card(1, milestones=[
            {"title": "Done", "done_when": "x", "status": "done", "due": "2026-04-10"},
            {"title": "Late", "done_when": "x", "status": "active", "due": "2026-05-01"},
            {"title": "Next", "done_when": "x", "due": "2026-06-10"},
        ]),
    ]  # fmt: skip
    spec = HorizonSpec(id="2026-Q2", start=dt.date(2026, 4, 1), end=dt.date(2026, 6, 30))
    return milestone_timeline(cards, TODAY, spec)


def test_timeline_marks_statuses_today_and_a_table() -> None:
    data = timeline_data()
    root, svg = figure_svg(timeline_svg(data, href, "growth-timeline"), "growth-timeline")
    marks = svg.findall(f".//{SVG}a")
    assert [a.get("data-status") for a in marks] == ["done", "active, late", "planned"]
    assert [a.get("data-milestone") for a in marks] == ["1", "2", "3"]
    texts = [t.text for t in svg.iter(f"{SVG}text")]
    assert "today 2026-05-20" in texts
    for month in ("Apr", "May", "Jun"):
        assert month in texts
    rows = root.findall(".//table/tbody/tr")
    assert [r[3].text for r in rows] == ["done", "active, late", "planned"]
    assert [r[1][0].get("href") for r in rows] == [href(data.marks[0].card)] * 3
    assert timeline_svg(milestone_timeline([], TODAY), href, "t") == ""


def test_timeline_says_what_it_leaves_out() -> None:
    card = make_card(1, milestones=[
        {"title": f"M{i}", "done_when": "x", "due": f"2026-06-{i + 1:02d}"} for i in range(5)
    ] + [{"title": "No date", "done_when": "x"}])  # fmt: skip
    data = milestone_timeline([card], TODAY, limit=3)
    root, _ = figure_svg(timeline_svg(data, href, "t"), "growth-timeline")
    caption = root.find("p").text
    assert "2 more" in caption and "1 without a due date" in caption


def test_cadence_cells_rhythm_bars_and_summary() -> None:
    weeks = [dt.date(2025, 5, 26) + dt.timedelta(weeks=i) for i in range(52)]
    counts = {k: [0] * 52 for k in ("notes", "talks", "decisions", "reviews")}
    counts["notes"][-1] = 2
    counts["notes"][-3] = 1
    counts["talks"][-2] = 1
    data = Cadence(weeks, counts)
    root, svg = figure_svg(cadence_svg(data), "growth-cadence")
    assert svg.get("role") == "img"
    cells = [r for r in svg.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    assert len(cells) == 4 * 52
    assert cells[51].find(f"{SVG}title").text == f"Week of {weeks[-1]}: 2 notes"
    bars = [r for r in svg.iter(f"{SVG}rect") if r.get("height") == "3"]
    assert len(bars) == 2 + 1  # two note weeks, one talk sprint
    summary = root.find("div/table")
    assert summary is not None
    rows = [[c.text for c in tr] for tr in summary.findall("tbody/tr")]
    assert rows[0] == ["Notes", "3", "a tech note a week", "2 of 52"]
    assert rows[1] == ["Talks", "1", "a knowledge share a sprint (2 weeks)", "1 of 26"]
    weekly = root.find("details/div/table")
    assert weekly is not None and len(weekly.findall("tbody/tr")) == 52


def test_cadence_labels_every_other_month_from_the_first_column() -> None:
    """Mutation: the first week was not taken as a month's start, so every label shifts."""
    weeks = [dt.date(2025, 5, 26) + dt.timedelta(weeks=i) for i in range(52)]
    data = Cadence(weeks, {k: [0] * 52 for k in ("notes", "talks", "decisions", "reviews")})
    _, svg = figure_svg(cadence_svg(data), "growth-cadence")
    months = [t for t in svg.iter(f"{SVG}text") if t.text in MONTHS]
    assert [t.text for t in months] == ["May", "Jul", "Sep", "Nov", "Jan", "Mar"]
    assert months[0].get("x") == str(LABEL_W)  # over the first week's column


def test_cadence_totals_end_at_the_right_edge() -> None:
    """Mutation: totals without their end anchor start at the edge and fall outside the picture."""
    weeks = [dt.date(2025, 5, 26) + dt.timedelta(weeks=i) for i in range(52)]
    counts = {k: [1] * 52 for k in ("notes", "talks", "decisions", "reviews")}
    _, svg = figure_svg(cadence_svg(Cadence(weeks, counts)), "growth-cadence")
    width = (svg.get("viewBox") or "").split()[2]
    totals = [t for t in svg.iter(f"{SVG}text") if t.text == "52"]
    assert len(totals) == 4
    assert all(t.get("x") == width and t.get("text-anchor") == "end" for t in totals)


def test_rubric_trend_rows_and_unrated_horizons() -> None:
    h1 = HorizonSpec(id="h1", start=dt.date(2026, 1, 1), end=dt.date(2026, 3, 31))
    h2 = HorizonSpec(id="h2", start=dt.date(2026, 4, 1), end=dt.date(2026, 6, 30))
    rows = [
        RubricTrend(h1, 2, {"impact": 2.0, "clarity": 2.5}, {"impact": 4.0, "clarity": 3.5}),
        RubricTrend(h2, 0, {}, {}),
    ]
    root, svg = figure_svg(rubric_trend_svg(rows), "growth-rubric-trend")
    texts = [t.text for t in svg.iter(f"{SVG}text")]
    assert "+1.5" in texts and "no card rated before and after" in texts
    # what a screen reader says for the picture (a mutation made it "None")
    assert svg.find(f"{SVG}desc").text == (
        "Average of confidence, competence, impact and clarity, 1 to 5."
        " h1: 2.25 to 3.75 (2 cards); h2: no card rated before and after."
    )
    table = [[c.text for c in tr] for tr in root.findall("div/table/tbody/tr")]
    assert table == [["h1", "2", "2.25", "3.75", "+1.5"], ["h2", "0", "—", "—", "—"]]
    assert rubric_trend_svg([]) == ""


def test_every_picture_fits_a_phone() -> None:
    marks = [MatrixMark(make_card(1), 1, Priority(3.0, "medium"))]
    weeks = [dt.date(2025, 5, 26) + dt.timedelta(weeks=i) for i in range(52)]
    fragments = [
        matrix_svg(marks, href),
        timeline_svg(timeline_data(), href, "t"),
        cadence_svg(
            Cadence(weeks, {k: [0] * 52 for k in ("notes", "talks", "decisions", "reviews")})
        ),
        rubric_trend_svg([RubricTrend(HorizonSpec(id="h", start=TODAY, end=TODAY), 0, {}, {})]),
    ]
    for fragment in fragments:
        svg = next(el for el in ET.fromstring(fragment) if el.tag == f"{SVG}svg")
        width = int((svg.get("viewBox") or "").split()[2])
        assert width <= 370  # drawn for a 390 px screen; scales down further with width 100%


def test_line_breaks_and_tabs_in_titles_keep_one_html_block() -> None:
    card = make_card(1, title="two\n\nparagraphs\tand a tab")
    fragment = matrix_svg([MatrixMark(card, 1, Priority(3.0, "medium"))], href)
    assert "\n\n" not in fragment and "\t" not in fragment
    assert "two paragraphs and a tab" in fragment
    assert markdown.markdown(fragment, extensions=["md_in_html"]) == fragment


def test_timeline_legend_reads_left_to_right_without_overlap() -> None:
    _, svg = figure_svg(timeline_svg(timeline_data(), href, "t"), "growth-timeline")
    legend = [t for t in svg.iter(f"{SVG}text") if t.text in ("planned", "active", "done", "late")]
    assert [t.text for t in legend] == ["planned", "active", "done", "late"]
    xs = [float(t.get("x") or "nan") for t in legend]
    assert xs[0] >= 0
    for (x, label), after in zip(zip(xs, legend, strict=False), xs[1:], strict=False):
        assert after > x + 6 * len(label.text or ""), (label.text, x, after)
