"""The rubric before/after chart as inline SVG (no JavaScript, no external files).

The chart is one raw HTML block (a ``<div>`` wrapping the ``<svg>``, no blank
lines) so Python-Markdown passes it through untouched wherever the card
header puts it at the top level. It is accessible (``role="img"`` with
``<title>``/``<desc>``, values also as text), scales to the container
(``viewBox`` + ``width="100%"`` + ``max-width``) so it fits a 390px phone,
and follows the theme's text colour (``currentColor``) in light and dark
mode; growth.css colours the two series per scheme (a grey "before" and the
link colour "after", both at 3:1 or more against the page). All document text is HTML-escaped and stripped of characters XML
forbids, so the fragment is well-formed XML.
"""

from __future__ import annotations

import re

from ..core.model import Card
from ..practice.rubric import DIMENSIONS, values
from .escape import html_text

WIDTH = 360
LABEL_W = 92  # left column: dimension names
UNIT = 36  # px per rubric point (1..5)
BAR_X = LABEL_W
ROW_H = 34
BAR_H = 11
TOP = 26  # legend
SCALE = 5
AXIS = 18  # the 1 to 5 scale under the bars
FONT = 13  # renders at 12 px or more on a 390 px phone (see svg.common.FONT)

# XML 1.0 forbids these even as character references; html_text already drops C0 controls.
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")
# `generate` embeds the chart in Markdown: characters that make links, code or
# emphasis become references too, in case a generator parses Markdown in HTML.
_MARKDOWN = str.maketrans({ch: f"&#{ord(ch)};" for ch in "[]()`*_!\\"})


def _x(value: object) -> str:
    return html_text(_NOT_XML.sub("", str(value))).translate(_MARKDOWN)


def _shown(value: int | None) -> str:
    return "&#8211;" if value is None else str(value)  # an en dash (references: see escape.py)


def _said(value: int | None) -> str:
    return "not rated" if value is None else str(value)


def _delta(before: int | None, after: int | None) -> str:
    if before is None or after is None:
        return ""
    diff = after - before
    return f" ({diff:+d})" if diff else " (±0)"


def rubric_svg(card: Card) -> str:
    """The chart for one card, or ``""`` when the card has no rubric ratings.

    Few elements: the grid is one path, each series (before, after) one path
    with its legend swatch, and the values are text; the ``<desc>`` says it all.
    """
    rubric = card.rubric
    if rubric is None or (rubric.before is None and rubric.after is None):
        return ""
    before, after = values(rubric.before), values(rubric.after)
    rows_end = TOP + ROW_H * len(DIMENSIONS)
    height = rows_end + AXIS
    ident = f"growth-rubric-{card.id}"
    summary = "; ".join(
        f"{name.capitalize()}: before {_said(before[name])}, after {_said(after[name])}"
        f"{_delta(before[name], after[name])}"
        for name in DIMENSIONS
    )
    grid = "".join(f"M{BAR_X + i * UNIT} {TOP - 4}V{rows_end}" for i in range(1, SCALE + 1))
    scale = "".join(
        f'<text x="{BAR_X + i * UNIT}" y="{rows_end + 14}" text-anchor="middle">{i}</text>'
        for i in range(1, SCALE + 1)
    )
    bars_before = [f"M{BAR_X} 4h10v10h-10z"]
    bars_after = [f"M{BAR_X + 70} 4h10v10h-10z"]
    labels = []
    for row, name in enumerate(DIMENSIONS):
        y = TOP + row * ROW_H
        b, a = before[name], after[name]
        if b is not None:
            bars_before.append(f"M{BAR_X} {y}h{b * UNIT}v{BAR_H}h-{b * UNIT}z")
        if a is not None:
            bars_after.append(f"M{BAR_X} {y + BAR_H + 2}h{a * UNIT}v{BAR_H}h-{a * UNIT}z")
        text_y = y + BAR_H + 6
        labels.append(
            f'<text x="0" y="{text_y}">{name.capitalize()}</text>'
            f'<text x="{WIDTH - 2}" y="{text_y}" text-anchor="end">'
            f"{_shown(b)} &#8594; {_shown(a)}{_delta(b, a)}</text>"
        )
    return "\n".join(
        [
            '<div class="growth-rubric">',
            f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {WIDTH} {height}"'
            f' width="100%" style="max-width:{WIDTH}px;height:auto;display:block;overflow:visible"'
            f' aria-labelledby="{ident}-title {ident}-desc" font-family="sans-serif"'
            f' font-size="{FONT}" fill="currentColor">',
            f'<title id="{ident}-title">Rubric before and after: {_x(card.title)}</title>',
            f'<desc id="{ident}-desc">Self-rating from 1 to 5. {_x(summary)}.</desc>',
            f'<path d="{grid}" stroke="currentColor" stroke-opacity="0.15"/>',
            f'<path class="growth-rubric-before" d="{"".join(bars_before)}" fill-opacity="0.6"/>',
            f'<path class="growth-rubric-after" d="{"".join(bars_after)}" fill-opacity="0.9"/>',
            f'<text x="{BAR_X + 14}" y="13">before</text>'
            f'<text x="{BAR_X + 84}" y="13">after</text>',
            *labels,
            scale,
            "</svg>",
            "</div>",
        ]
    )
