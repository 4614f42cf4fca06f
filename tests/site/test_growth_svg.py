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
from mkdocs_growth.site.svg.timeline import AXIS_X0, AXIS_X1, timeline_svg

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


def assert_no_stray_text(root: ET.Element) -> None:
    """Text only where a reader should see it: in labels, titles, the caption and the table."""
    for element in root.iter():
        assert not (element.tail or "").strip(), element.tail
        if element.tag in ("div", f"{SVG}svg", f"{SVG}g", f"{SVG}a"):
            assert not (element.text or "").strip(), element.text


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


def test_matrix_axes_grid_and_quick_wins_are_where_a_reader_looks() -> None:
    """The scales 1 to 5 beside their rows and under their columns, the grid, the shaded
    quick wins (impact 4-5, effort 1-2), the axis names; active cards filled, planned rings."""
    scores = [(5, 1, "active"), (2, 4, "planned"), (3, 3, "active")]
    cards = [
        make_card(n, status=status, scores={"impact": i, "effort": e, "reusability": 3,
                                            "learnings": 3})
        for n, (i, e, status) in enumerate(scores)
    ]  # fmt: skip
    marks = [MatrixMark(c, n + 1, Priority(3.0, "medium")) for n, c in enumerate(cards)]
    root, svg = figure_svg(matrix_svg(marks, href), "growth-matrix")
    assert root.get("class") == "growth-chart growth-matrix-figure"
    assert svg.find(f"{SVG}title").text == "Impact and effort of open cards"
    assert svg.find(f"{SVG}desc").text == (
        "3 open cards (2 active, 1 planned) placed by impact (1 to 5, up) and effort (1 to 5,"
        " across); high impact and low effort is top left. The table after the picture lists"
        " every card with its rank, impact and effort."
    )
    labels = {t.text: t for t in svg.iter(f"{SVG}text")}
    right, bottom = LEFT + 5 * CELL, TOP + 5 * CELL
    width, height = (float(v) for v in (svg.get("viewBox") or "").split()[2:])
    by_anchor: dict[str, list[ET.Element]] = {}
    for t in svg.iter(f"{SVG}text"):
        if (t.text or "").isdigit():
            by_anchor.setdefault(t.get("text-anchor") or "start", []).append(t)
    impact, effort = by_anchor.pop("end"), by_anchor.pop("middle")
    assert not by_anchor and [t.text for t in impact] == [t.text for t in effort] == list("12345")
    for t in impact:  # left of the grid, on its row's middle line
        row_middle = TOP + (5 - int(t.text or 0)) * CELL + CELL / 2
        assert float(t.get("x") or 0) < LEFT and 0 <= float(t.get("y") or 0) - row_middle <= 6
    for t in effort:  # under the grid, centred on its column
        assert float(t.get("x") or 0) == LEFT + (int(t.text or 0) - 0.5) * CELL
        assert bottom < float(t.get("y") or 0) < height
    across, up = labels["effort →"], labels["impact →"]
    assert across.get("text-anchor") == up.get("text-anchor") == "middle"
    assert float(across.get("x") or 0) == LEFT + 5 * CELL / 2
    assert float(effort[0].get("y") or 0) < float(across.get("y") or 0) <= height
    middle = TOP + 5 * CELL / 2
    assert float(up.get("x") or 0) == 12 and float(up.get("y") or 0) == middle
    turn = re.fullmatch(r"rotate\(-90 12 ([\d.]+)\)", up.get("transform") or "")
    assert turn and float(turn.group(1)) == middle  # turned about its own point
    [shade] = [r for r in svg.iter(f"{SVG}rect")]
    assert [shade.get(k) for k in ("x", "y", "width", "height")] == [
        str(LEFT),
        str(TOP),
        str(2 * CELL),
        str(2 * CELL),
    ]
    quick = labels["quick wins"]
    assert LEFT < float(quick.get("x") or 0) < LEFT + CELL
    assert TOP < float(quick.get("y") or 0) < TOP + CELL
    lines = [
        tuple(float(line.get(k) or 0) for k in ("x1", "y1", "x2", "y2"))
        for line in svg.iter(f"{SVG}line")
    ]
    assert sorted(lines) == sorted(
        [(LEFT, TOP + i * CELL, right, TOP + i * CELL) for i in range(6)]
        + [(LEFT + i * CELL, TOP, LEFT + i * CELL, bottom) for i in range(6)]
    )
    assert max(right, bottom) < min(width, height)
    groups = {g.get("class"): [a.get("href") for a in g] for g in svg.findall(f"{SVG}g")}
    assert groups == {
        "growth-active": [href(cards[2]), href(cards[0])],  # cells in (impact, effort) order
        "growth-planned": [href(cards[1])],
    }
    assert_no_stray_text(root)
    caption = root.find("p")
    assert caption is not None and caption.text == (
        "Each dot is an open card (filled: active, ring: planned) and links to it; the number"
        " under a dot is its rank in the priority table. Cards with the same impact and effort"
        " share a cell."
    )
    rows = [
        [(cell.text or "") + "".join(a.text or "" for a in cell) for cell in tr]
        for tr in root.findall("details/div/table/tbody/tr")
    ]
    assert rows == [["1", "Card 0", "5", "1"], ["2", "Card 1", "2", "4"], ["3", "Card 2", "3", "3"]]
    assert [th.text for th in root.findall("details/div/table/thead/tr/th")] == [
        "#", "Card", "Impact", "Effort"
    ]  # fmt: skip
    assert [a.get("href") for a in root.findall("details/div/table/tbody/tr/td/a")] == [
        href(c) for c in cards
    ]


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
    xs, ys = sorted({x for x, _, _ in dots}), sorted({y for _, y, _ in dots})
    assert (len(xs), len(ys)) == (4, 3)  # rows of four
    centre = (LEFT + 1.5 * CELL, TOP + 1.5 * CELL)  # impact 4, effort 2
    assert ((xs[0] + xs[-1]) / 2, (ys[0] + ys[-1]) / 2) == pytest.approx(centre, abs=0.1)
    for n, (x, y, r) in enumerate(dots):
        assert x - r >= LEFT + CELL + 4 and x + r <= LEFT + 2 * CELL - 4  # clear of its lines
        for x2, y2, r2 in dots[n + 1 :]:
            assert (x - x2) ** 2 + (y - y2) ** 2 >= (r + r2) ** 2, "dots overlap"


def test_matrix_rank_sits_centred_under_its_dot() -> None:
    """Mutation: the label's anchor misspelt, so browsers start the text at the dot's centre."""
    same = {"impact": 4, "effort": 2, "reusability": 3, "learnings": 3}
    two = [
        MatrixMark(make_card(n, scores=same, status="active"), n + 1, Priority(3.0, "medium"))
        for n in range(2)
    ]
    _, svg = figure_svg(matrix_svg(two, href), "growth-matrix")  # two in a cell: both labelled
    dots = [
        (float(c.get("cx") or 0), float(c.get("cy") or 0) + float(c.get("r") or 0))
        for c in svg.iter(f"{SVG}circle")
    ]
    ranks = [t for t in svg.iter(f"{SVG}text") if (t.text or "").startswith("#")]
    assert [t.text for t in ranks] == ["#1", "#2"]
    assert [t.get("text-anchor") for t in ranks] == ["middle", "middle"]
    for (x, dot_bottom), rank in zip(dots, ranks, strict=True):  # under the dot, not on it
        assert float(rank.get("x") or 0) == x
        assert dot_bottom + 8 <= float(rank.get("y") or 0) <= dot_bottom + 16
    three = [
        MatrixMark(make_card(n, scores=same), n + 1, Priority(3.0, "medium")) for n in range(3)
    ]
    _, svg = figure_svg(matrix_svg(three, href), "growth-matrix")  # three would overlap
    assert not [t for t in svg.iter(f"{SVG}text") if (t.text or "").startswith("#")]


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


def test_timeline_places_each_milestone_at_its_date_in_its_row() -> None:
    """What the picture says, mark by mark: shape by status, the late ring, the date across,
    the row down, the tooltip, the month ticks, the legend and the table."""
    data = timeline_data()  # 2026-04-01 to 2026-06-30 (90 days), today 2026-05-20
    root, svg = figure_svg(timeline_svg(data, href, "growth-timeline"), "growth-timeline")
    assert root.get("class") == "growth-chart growth-timeline-figure"
    assert_no_stray_text(root)
    assert svg.find(f"{SVG}title").text == "Milestones by due date"
    caption = root.find("p")
    assert caption is not None and caption.text == "Milestones by due date; today is 2026-05-20."
    assert svg.find(f"{SVG}desc").text == (
        "3 milestones from 2026-04-01 to 2026-06-30 by due date; today is 2026-05-20; 1 late."
        " The table after the picture lists them."
    )

    def x_of(day: str) -> float:
        days = (dt.date.fromisoformat(day) - dt.date(2026, 4, 1)).days
        return round(AXIS_X0 + (AXIS_X1 - AXIS_X0) * days / 90, 1)

    def shapes(parent: ET.Element) -> list[tuple[str, str | None, float, float]]:
        """Each shape as (tag, radius, centre x, centre y)."""
        out = []
        for el in parent:
            if el.tag == f"{SVG}rect":
                x, y = float(el.get("x") or 0) + 4, float(el.get("y") or 0) + 4
                out.append(("square", None, round(x, 1), y))
            elif el.tag == f"{SVG}circle":
                x, y = float(el.get("cx") or 0), float(el.get("cy") or 0)
                out.append(("dot", el.get("r"), x, y))
        return out

    marks = svg.findall(f"{SVG}a")
    rows = [63.0, 97.0, 131.0]  # one row of 34 per milestone under the legend
    assert [shapes(a) for a in marks] == [
        [("square", None, x_of("2026-04-10"), rows[0])],  # done
        [("dot", "5", x_of("2026-05-01"), rows[1]), ("dot", "7.5", x_of("2026-05-01"), rows[1])],
        [("dot", "4.5", x_of("2026-06-10"), rows[2])],  # planned: a ring
    ]
    assert [a.find(f"{SVG}title").text for a in marks] == [
        "Card 1: milestone 1 Done, due 2026-04-10, done",
        "Card 1: milestone 2 Late, due 2026-05-01, active, late",
        "Card 1: milestone 3 Next, due 2026-06-10, planned",
    ]
    assert [a.get("href") for a in marks] == [href(data.marks[0].card)] * 3
    labels = [t for t in svg.findall(f"{SVG}text") if t.get("x") == "0"]
    assert [(t.text, float(t.get("y") or 0)) for t in labels] == [
        ("1. Done", rows[0] - 2), ("Card 1", rows[0] + 13),
        ("2. Late", rows[1] - 2), ("Card 1", rows[1] + 13),
        ("3. Next", rows[2] - 2), ("Card 1", rows[2] + 13),
    ]  # fmt: skip
    assert [t.get("font-style") for t in labels] == [None, "italic"] * 3  # the card in italics
    height = float((svg.get("viewBox") or "").split()[3])
    months = [t for t in svg.findall(f"{SVG}text") if t.text in MONTHS]
    assert [(t.text, float(t.get("x") or 0)) for t in months] == [
        ("Apr", x_of("2026-04-01")), ("May", x_of("2026-05-01")), ("Jun", x_of("2026-06-01"))
    ]  # fmt: skip
    assert all(t.get("text-anchor") == "middle" for t in months)
    assert all(rows[2] + 17 < float(t.get("y") or 0) <= height for t in months)
    legend = shapes(svg)  # the legend's glyphs are the picture's only top-level shapes
    assert [(kind, r) for kind, r, _, _ in legend] == [
        ("dot", "4.5"), ("dot", "5"), ("square", None), ("dot", "4.5"), ("dot", "7.5")
    ]  # fmt: skip
    assert all(y == 10 for _, _, _, y in legend)
    [today] = [t for t in svg.findall(f"{SVG}text") if (t.text or "").startswith("today")]
    assert float(today.get("x") or 0) == x_of("2026-05-20") and today.get("text-anchor") == "middle"
    assert float(today.get("y") or 0) < rows[0] - 17  # above the first row
    table = [
        [(c.text or "") + "".join(a.text or "" for a in c) for c in tr]
        for tr in root.findall("details/div/table/tbody/tr")
    ]
    assert table == [
        ["2026-04-10", "Card 1", "1. Done", "done"],
        ["2026-05-01", "Card 1", "2. Late", "active, late"],
        ["2026-06-10", "Card 1", "3. Next", "planned"],
    ]
    assert [th.text for th in root.findall("details/div/table/thead/tr/th")] == [
        "Due", "Card", "Milestone", "Status"
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("end", "months"),
    [
        ("2026-07-31", ["Jan 2026", "Feb", "Mar", "Apr", "May", "Jun", "Jul"]),  # 6 months on
        ("2026-08-31", ["Jan 2026", "Apr", "Jul"]),  # past six months: every third month
        ("2026-12-31", ["Jan 2026", "Apr", "Jul", "Oct"]),
        (
            "2028-01-31",
            ["Jan 2026", "Apr", "Jul", "Oct", "Jan 2027", "Apr", "Jul", "Oct", "Jan 2028"],
        ),  # 24 months on
        ("2028-02-29", ["Jan 2026", "Jan 2027", "Jan 2028"]),  # past 24: every January
        ("2028-12-31", ["Jan 2026", "Jan 2027", "Jan 2028"]),  # longer: every January
    ],
)
def test_timeline_ticks_thin_out_on_a_long_axis(end: str, months: list[str]) -> None:
    card = make_card(1, milestones=[{"title": "M", "done_when": "x", "due": "2026-03-01"}])
    spec = HorizonSpec(id="long", start=dt.date(2026, 1, 1), end=dt.date.fromisoformat(end))
    _, svg = figure_svg(
        timeline_svg(milestone_timeline([card], TODAY, spec), href, "t"), "growth-timeline"
    )
    shown = [t.text for t in svg.iter(f"{SVG}text") if (t.text or "")[:3] in MONTHS]
    assert shown == months


@pytest.mark.parametrize(("today", "anchor"), [("2026-04-01", "start"), ("2026-06-30", "end")])
def test_timeline_today_label_stays_inside_at_either_end(today: str, anchor: str) -> None:
    card = make_card(1, milestones=[{"title": "M", "done_when": "x", "due": "2026-05-01"}])
    spec = HorizonSpec(id="q", start=dt.date(2026, 4, 1), end=dt.date(2026, 6, 30))
    data = milestone_timeline([card], dt.date.fromisoformat(today), spec)
    _, svg = figure_svg(timeline_svg(data, href, "t"), "growth-timeline")
    [label] = [t for t in svg.iter(f"{SVG}text") if (t.text or "").startswith("today")]
    assert label.get("text-anchor") == anchor


def test_timeline_cut_label_keeps_the_whole_name_in_its_tooltip() -> None:
    name = "A milestone whose title is far too long for the row"
    card = make_card(1, milestones=[{"title": name, "done_when": "x", "due": "2026-05-01"}])
    _, svg = figure_svg(
        timeline_svg(milestone_timeline([card], TODAY), href, "t"), "growth-timeline"
    )
    [cut] = [t for t in svg.iter(f"{SVG}text") if t.find(f"{SVG}title") is not None]
    assert cut.find(f"{SVG}title").text == f"1. {name}"
    assert "".join(cut.itertext()).endswith("…") and cut.get("x") == "0"
    whole = [t for t in svg.iter(f"{SVG}text") if t.text == "Card 1"]
    assert whole and whole[0].find(f"{SVG}title") is None  # a name that fits has no tooltip


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


def test_cadence_cells_bars_and_tables_say_the_same_weeks() -> None:
    """Each week a cell at its column, darker with more; bars under the periods that met the
    rhythm; the row names and totals; the description, caption and both tables."""
    weeks = [dt.date(2025, 5, 26) + dt.timedelta(weeks=i) for i in range(52)]
    counts = {k: [0] * 52 for k in ("notes", "talks", "decisions", "reviews")}
    counts["notes"][47:52] = [0, 1, 2, 3, 4]
    counts["talks"][50] = 1
    counts["reviews"][0] = 1
    data = Cadence(weeks, counts)
    root, svg = figure_svg(cadence_svg(data), "growth-cadence")
    assert root.get("class") == "growth-chart growth-cadence-figure"
    assert_no_stray_text(root)
    assert svg.find(f"{SVG}title").text == "Learning cadence, week by week"
    assert svg.find(f"{SVG}desc").text == (
        "Last 52 weeks, from 2025-05-26: 10 notes, 1 talks, 0 decisions, 1 reviews."
        " Playbook rhythm: notes: a tech note a week, met in 4 of 52;"
        " talks: a knowledge share a sprint (2 weeks), met in 1 of 26."
    )
    step = 5.0  # (360 - 72 - 28) / 52
    cells = [r for r in svg.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    for row in range(4):
        strip = cells[row * 52 : (row + 1) * 52]
        y = 20 + 26 * row
        assert [(float(c.get("x") or 0), float(c.get("y") or 0)) for c in strip] == [
            (LABEL_W + i * step, y) for i in range(52)
        ]
        assert {(c.get("width"), c.get("height")) for c in strip} == {("4", "14")}
    notes = cells[47:52]
    assert [c.get("fill-opacity") for c in notes] == ["0.07", "0.35", "0.6", "0.9", "0.9"]
    assert [c.get("class") for c in notes] == [None, *(f"growth-heat-{n}" for n in (1, 2, 3, 3))]
    assert [c.find(f"{SVG}title").text for c in notes[:2]] == [
        f"Week of {weeks[47]}: 0 notes",
        f"Week of {weeks[48]}: 1 note",
    ]
    bars = [
        (float(r.get("x") or 0), float(r.get("y") or 0), float(r.get("width") or 0))
        for r in svg.iter(f"{SVG}rect")
        if r.get("height") == "3"
    ]
    talk_bars = [
        (LABEL_W + a * step, 20 + 26 + 16, (b - a + 1) * step - 1)
        for a, b in data.periods("talks")
        if a <= 50 <= b
    ]
    assert bars == [(LABEL_W + i * step, 36, 4) for i in range(48, 52)] + talk_bars
    assert talk_bars[0][2] == 9  # a sprint: two weeks wide
    labels = [(t.text, t.get("x"), t.get("y")) for t in svg.iter(f"{SVG}text")]
    for row, (name, total) in enumerate(
        [("Notes", 10), ("Talks", 1), ("Decisions", 0), ("Reviews", 1)]
    ):
        y = str(20 + 26 * row + 11)
        assert (name, "0", y) in labels and (str(total), "360", y) in labels
    caption = root.find("p")
    assert caption is not None and caption.text == (
        "A stronger colour: more that week (empty cells: none). A bar under notes and talks:"
        " the playbook's rhythm met in that week (notes) or sprint (talks)."
    )
    heads = [[th.text for th in t.findall("thead/tr/th")] for t in root.iter("table")]
    assert heads == [
        ["Kind", "In 52 weeks", "Playbook rhythm", "Met"],
        ["Week of", "Notes", "Talks", "Decisions", "Reviews"],
    ]
    assert [c.text for c in root.findall("details/div/table/tbody/tr")[50]] == [
        str(weeks[50]), "3", "1", "0", "0"
    ]  # fmt: skip
    assert root.find("details/summary").text == "Week by week"
    summary = [[c.text for c in tr] for tr in root.findall("div/table/tbody/tr")]
    assert summary[2:] == [["Decisions", "0", "—", "—"], ["Reviews", "1", "—", "—"]]


def test_cadence_labels_every_other_month_from_the_first_column() -> None:
    """Mutation: the first week was not taken as a month's start, so every label shifts."""
    weeks = [dt.date(2025, 5, 26) + dt.timedelta(weeks=i) for i in range(52)]
    data = Cadence(weeks, {k: [0] * 52 for k in ("notes", "talks", "decisions", "reviews")})
    _, svg = figure_svg(cadence_svg(data), "growth-cadence")
    months = [t for t in svg.iter(f"{SVG}text") if t.text in MONTHS]
    assert [t.text for t in months] == ["May", "Jul", "Sep", "Nov", "Jan", "Mar"]
    assert months[0].get("x") == str(LABEL_W)  # over the first week's column
    firsts = [0, *[i for i, monday in enumerate(weeks) if monday.day <= 7][1::2]]
    step = (360 - LABEL_W - 28) / 52
    assert [(float(t.get("x") or 0), t.get("y")) for t in months] == [
        (LABEL_W + i * step, "15") for i in firsts[:6]
    ]  # each over its month's first week, above the strips


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


def test_rubric_trend_places_each_horizon_on_the_one_to_five_scale() -> None:
    """Rows top to bottom, ring before and dot after at their averages, the change at the right,
    the scale 1 to 5 under them, the legend, and the table with the same numbers."""
    long = "A horizon title too long for the label column"
    h1 = HorizonSpec(id="h1", title=long, start=dt.date(2026, 1, 1), end=dt.date(2026, 3, 31))
    h2 = HorizonSpec(id="h2", start=dt.date(2026, 4, 1), end=dt.date(2026, 6, 30))
    h3 = HorizonSpec(id="h3", title="Spring", start=dt.date(2026, 7, 1), end=dt.date(2026, 9, 30))
    rows = [
        RubricTrend(h1, 2, {"impact": 2.0, "clarity": 2.5}, {"impact": 4.0, "clarity": 3.5}),
        RubricTrend(h2, 0, {}, {}),
        RubricTrend(h3, 1, {"impact": 3.0}, {"impact": 3.0}),
    ]
    root, svg = figure_svg(rubric_trend_svg(rows), "growth-rubric-trend")
    assert root.get("class") == "growth-chart growth-rubric-trend-figure"
    assert_no_stray_text(root)
    assert svg.find(f"{SVG}title").text == "Self-rating before and after, per horizon"

    def x_of(value: float) -> float:  # the axis runs from 100 (1) to 316 (5)
        return 100 + 216 * (value - 1) / 4

    texts = [
        (t.text, float(t.get("x") or 0), float(t.get("y") or 0)) for t in svg.iter(f"{SVG}text")
    ]
    height = float((svg.get("viewBox") or "").split()[3])
    scale = [(x, y) for text, x, y in texts if (text or "").isdigit() and x != 358]  # not "0"
    assert [x for x, _ in scale] == [x_of(v) for v in range(1, 6)]
    assert all(89 < y <= height for _, y in scale)  # under the last row
    lines = svg.iter(f"{SVG}line")
    ticks = [float(line.get("x1") or 0) for line in lines if line.get("y1") == "20"]
    assert ticks == [x_of(v) for v in range(1, 6)]
    assert ("before", 112, 13) in texts and ("after", 172, 13) in texts  # beside their marks
    legend = [(c.get("cx"), c.get("r")) for c in svg.findall(f"{SVG}circle") if c.get("cy") == "9"]
    assert legend == [("104", "4"), ("164", "4.5")]
    row_y = [37.0, 63.0, 89.0]
    assert [(text, y) for text, x, y in texts if x == 0] == [
        ("h1", row_y[0] + 4), ("h2", row_y[1] + 4), ("Spring", row_y[2] + 4)
    ]  # fmt: skip
    assert ("no card rated before and after", 100, row_y[1] + 4) in texts
    marks = [
        (float(c.get("cx") or 0), float(c.get("cy") or 0), c.get("r"), c.find(f"{SVG}title").text)
        for c in svg.iter(f"{SVG}circle")
        if c.find(f"{SVG}title") is not None
    ]
    assert marks == [
        (x_of(2.25), row_y[0], "4.5", "h1 before: 2.25"),
        (x_of(3.75), row_y[0], "5", "h1 after: 3.75"),
        (x_of(3), row_y[2], "4.5", "h3 before: 3"),
        (x_of(3), row_y[2], "5", "h3 after: 3"),
    ]
    changes = [(text, y) for text, x, y in texts if x == 358]
    assert changes == [("+1.5", row_y[0] + 4), ("0", row_y[2] + 4)]
    caption = root.find("p")
    assert caption is not None and caption.text == (
        "Average self-rating (confidence, competence, impact, clarity) of the cards rated"
        " before and after, per horizon: ring before, dot after."
    )
    assert [th.text for th in root.findall("div/table/thead/tr/th")] == [
        "Horizon", "Cards rated", "Before", "After", "Change"
    ]  # fmt: skip
    table = [[c.text for c in tr] for tr in root.findall("div/table/tbody/tr")]
    assert table == [
        [long, "2", "2.25", "3.75", "+1.5"],
        ["h2", "0", "—", "—", "—"],
        ["Spring", "1", "3", "3", "0"],
    ]


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
    legend_row = [c for c in svg.findall(f"{SVG}circle") if c.get("cy") == "10"]
    squares = [r for r in svg.findall(f"{SVG}rect") if r.get("y") == "6"]
    glyphs = sorted(
        {float(c.get("cx") or 0) for c in legend_row}
        | {float(r.get("x") or 0) + 4 for r in squares}
    )
    for label, x, glyph in zip(legend, xs, glyphs[1:], strict=False):  # 7.5: a ring's radius
        assert glyph - 7.5 > x + 7 * len(label.text or ""), (label.text, "runs into the next")
    assert (
        len(glyphs) == 4
        and glyphs[0] - 4.5 >= 0
        and all(x > glyph for x, glyph in zip(xs, glyphs, strict=False))
    )
    for (x, label), after in zip(zip(xs, legend, strict=False), xs[1:], strict=False):
        assert after > x + 6 * len(label.text or ""), (label.text, x, after)
