"""The rubric chart: well-formed XML, accessible, escaped, Markdown-safe, phone-sized."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

import markdown
import pytest

from mkdocs_growth.core.model import Card
from mkdocs_growth.practice.rubric import average_change, change, signed
from mkdocs_growth.site.charts import UNIT, WIDTH, rubric_svg

SVG = "{http://www.w3.org/2000/svg}"
BEFORE = {"confidence": 2, "competence": 3, "impact": 1, "clarity": 4}
AFTER = {"confidence": 4, "competence": 3, "impact": 2, "clarity": 5}


def make_card(rubric: Any = None, **fields: Any) -> Card:
    data: dict[str, Any] = {
        "type": "card",
        "id": "trace-explorer",
        "title": "Trace explorer",
        "domain": "observability",
        "horizon": "2026-Q2",
        "goal": "g",
        "scores": {"impact": 3, "effort": 3, "reusability": 3, "learnings": 3},
        "rubric": rubric,
        **fields,
    }
    return Card.model_validate(data)


def parse(fragment: str) -> ET.Element:
    root = ET.fromstring(fragment)
    assert root.tag == "div"
    [svg] = list(root)
    assert svg.tag == f"{SVG}svg"
    return svg


def texts(svg: ET.Element) -> list[str]:
    return [t.text or "" for t in svg.iter(f"{SVG}text")]


def test_chart_is_xml_with_title_desc_and_values_as_text() -> None:
    svg = parse(rubric_svg(make_card({"before": BEFORE, "after": AFTER})))
    assert svg.get("role") == "img"
    title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
    assert title is not None and title.text == "Rubric before and after: Trace explorer"
    assert desc is not None and desc.text is not None
    assert "Confidence: before 2, after 4 (+2)" in desc.text
    assert "Competence: before 3, after 3 (±0)" in desc.text
    labelled = (svg.get("aria-labelledby") or "").split()
    assert labelled == [title.get("id"), desc.get("id")]
    shown = texts(svg)
    for row in ("2 → 4 (+2)", "3 → 3 (±0)", "1 → 2 (+1)", "4 → 5 (+1)"):
        assert row in shown
    for name in ("Confidence", "Competence", "Impact", "Clarity"):
        assert name in shown


def bars(svg: ET.Element, side: str) -> list[tuple[float, float, float]]:
    """(x, y, width) of each rectangle of a series' path (the first is its legend swatch)."""
    [path] = [p for p in svg.iter(f"{SVG}path") if p.get("class") == f"growth-rubric-{side}"]
    found = re.findall(r"M([\d.]+) ([\d.]+)h([\d.]+)v[\d.]+h-\3z", path.get("d") or "")
    assert "".join(f"M{x} {y}h{w}" for x, y, w in found)  # the whole path is rectangles
    return [(float(x), float(y), float(w)) for x, y, w in found]


def test_bars_are_proportional_and_inside_the_view_box() -> None:
    svg = parse(rubric_svg(make_card({"before": BEFORE, "after": AFTER})))
    before, after = bars(svg, "before")[1:], bars(svg, "after")[1:]
    assert [w for _, _, w in before] == [BEFORE[k] * UNIT for k in BEFORE]
    assert [w for _, _, w in after] == [AFTER[k] * UNIT for k in AFTER]
    assert all(b[1] < a[1] for b, a in zip(before, after, strict=True))  # before above after
    view = [float(v) for v in (svg.get("viewBox") or "").split()]
    assert view[2] == WIDTH <= 390
    for x, y, w in bars(svg, "before") + bars(svg, "after"):
        assert x + w <= view[2] and y < view[3]
    assert svg.get("width") == "100%"
    assert re.search(r"max-width:\s*(\d+)px", svg.get("style") or "").group(1) == str(WIDTH)  # type: ignore[union-attr]


def test_no_script_no_event_handlers_no_blank_lines() -> None:
    out = rubric_svg(make_card({"before": BEFORE, "after": AFTER}))
    assert "<script" not in out.lower()
    assert not re.search(r"\son\w+\s*=", out)
    assert "\n\n" not in out
    assert out.startswith("<div") and out.endswith("</div>")


@pytest.mark.parametrize(
    "title",
    [
        '<script>alert("x")</script>',
        "Tom & Jerry's <b>bold</b> ]]> --> <!--",
        "control\x01chars\x7f and \ufffe gone",
    ],
)
def test_document_text_is_escaped(title: str) -> None:
    out = rubric_svg(make_card({"before": BEFORE}, title=title))
    assert "<script" not in out and "<b>" not in out
    svg = parse(out)  # still well-formed
    title_el = svg.find(f"{SVG}title")
    assert title_el is not None
    shown = title_el.text or ""
    expected = title.replace("\x01", "").replace("\x7f", "").replace("\ufffe", "")
    assert shown == f"Rubric before and after: {expected}"


def test_one_side_only_says_not_rated() -> None:
    svg = parse(rubric_svg(make_card({"before": BEFORE})))
    desc = svg.find(f"{SVG}desc")
    assert desc is not None and "Confidence: before 2, after not rated" in (desc.text or "")
    assert "2 → –" in texts(svg)
    assert len(bars(svg, "before")) == 1 + 4 and bars(svg, "after") == [(162.0, 4.0, 10.0)]


@pytest.mark.parametrize("rubric", [None, {}, {"before": None, "after": None}])
def test_no_chart_without_ratings(rubric: Any) -> None:
    assert rubric_svg(make_card(rubric)) == ""


@pytest.mark.parametrize("extensions", [[], ["md_in_html"], ["md_in_html", "attr_list", "toc"]])
def test_markdown_passes_the_block_through_untouched(extensions: list[str]) -> None:
    chart = rubric_svg(make_card({"before": BEFORE, "after": AFTER}, title="A *b* _c_ & <d>"))
    html = markdown.markdown(f"Intro **text**.\n\n{chart}\n\nAfter.", extensions=extensions)
    assert chart in html
    assert "<p><svg" not in html and "<em>" not in html


def test_rubric_change_and_average_across_done_cards() -> None:
    rated = {"before": BEFORE, "after": AFTER}  # +2, 0, +1, +1 -> 1.0
    down = {"before": AFTER, "after": BEFORE}  # -1.0
    assert change(make_card(rated)) == 1.0
    assert change(make_card({"before": BEFORE})) is None
    cards = [
        make_card(rated, status="done"),
        make_card(
            {"before": BEFORE, "after": {**BEFORE, "impact": 2, "clarity": 5}}, status="done"
        ),
        make_card(down, status="active"),  # not done: left out
        make_card({"before": BEFORE}, status="done"),  # not rated after: left out
    ]
    assert average_change(cards) == (0.75, 2)  # (1.0 + 0.5) / 2
    assert average_change([make_card(rated, status="active")]) == (None, 0)
    assert [signed(v) for v in (1.0, 0.5, -0.25, 0.0, None)] == ["+1", "+0.5", "-0.25", "0", ""]


def test_link_syntax_in_text_is_not_markdown_anywhere() -> None:
    """`generate` puts the chart in Markdown: a generator that parses Markdown inside
    HTML must not find a link in a title (found by the property tests)."""
    title = "[x](javascript:alert(1)) `c` *e* _u_ ![i](y)"
    chart = rubric_svg(make_card({"before": BEFORE}, title=title))
    assert "](" not in chart and "`" not in chart and "*" not in chart
    title_el = parse(chart).find(f"{SVG}title")
    assert title_el is not None and title_el.text == f"Rubric before and after: {title}"
