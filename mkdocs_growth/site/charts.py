"""The rubric before/after chart as inline SVG (no JavaScript, no external files).

The chart is one raw HTML block (a ``<div>`` wrapping the ``<svg>``, no blank
lines) so Python-Markdown passes it through untouched wherever the card
header puts it at the top level. It is accessible (``role="img"`` with
``<title>``/``<desc>``, values also as text), scales to the container
(``viewBox`` + ``width="100%"`` + ``max-width``) so it fits a 390px phone,
and follows the theme's text colour (``currentColor``) in light and dark
mode. All document text is HTML-escaped and stripped of characters XML
forbids, so the fragment is well-formed XML.
"""

from __future__ import annotations

import re

from ..core.model import Card
from ..practice.rubric import DIMENSIONS, values
from .render import html_text

WIDTH = 360
LABEL_W = 92  # left column: dimension names
UNIT = 36  # px per rubric point (1..5)
BAR_X = LABEL_W
ROW_H = 34
BAR_H = 11
TOP = 26  # legend
SCALE = 5

# XML 1.0 forbids these even as character references; html_text already drops C0 controls.
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")
# `generate` embeds the chart in Markdown: characters that make links, code or
# emphasis become references too, in case a generator parses Markdown in HTML.
_MARKDOWN = str.maketrans({ch: f"&#{ord(ch)};" for ch in "[]()`*_!\\"})


def _x(value: object) -> str:
    return _NOT_XML.sub("", html_text(value)).translate(_MARKDOWN)


def _bar(y: int, value: int | None, opacity: str, label: str) -> str:
    if value is None:
        return ""
    width = value * UNIT
    return (
        f'<rect x="{BAR_X}" y="{y}" width="{width}" height="{BAR_H}" rx="2"'
        f' fill="currentColor" fill-opacity="{opacity}"><title>{label}: {value}</title></rect>'
    )


def _shown(value: int | None) -> str:
    return "–" if value is None else str(value)


def _said(value: int | None) -> str:
    return "not rated" if value is None else str(value)


def _delta(before: int | None, after: int | None) -> str:
    if before is None or after is None:
        return ""
    diff = after - before
    return f" ({diff:+d})" if diff else " (±0)"


def rubric_svg(card: Card) -> str:
    """The chart for one card, or ``""`` when the card has no rubric ratings."""
    rubric = card.rubric
    if rubric is None or (rubric.before is None and rubric.after is None):
        return ""
    before, after = values(rubric.before), values(rubric.after)
    height = TOP + ROW_H * len(DIMENSIONS) + 4
    ident = f"growth-rubric-{card.id}"
    summary = "; ".join(
        f"{name.capitalize()}: before {_said(before[name])}, after {_said(after[name])}"
        f"{_delta(before[name], after[name])}"
        for name in DIMENSIONS
    )
    parts = [
        '<div class="growth-rubric">',
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {WIDTH} {height}"'
        f' width="100%" style="max-width:{WIDTH}px;height:auto;display:block"'
        f' aria-labelledby="{ident}-title {ident}-desc" font-family="sans-serif" font-size="12">',
        f'<title id="{ident}-title">Rubric before and after: {_x(card.title)}</title>',
        f'<desc id="{ident}-desc">Self-rating from 1 to 5. {_x(summary)}.</desc>',
        f'<rect x="{BAR_X}" y="4" width="10" height="10" fill="currentColor" fill-opacity="0.35"/>',
        f'<text x="{BAR_X + 14}" y="13" fill="currentColor">before</text>',
        f'<rect x="{BAR_X + 70}" y="4" width="10" height="10" fill="currentColor" fill-opacity="0.9"/>',
        f'<text x="{BAR_X + 84}" y="13" fill="currentColor">after</text>',
    ]
    for i in range(1, SCALE + 1):
        x = BAR_X + i * UNIT
        parts.append(
            f'<line x1="{x}" y1="{TOP - 4}" x2="{x}" y2="{height - 4}" stroke="currentColor"'
            ' stroke-opacity="0.15"/>'
        )
    for row, name in enumerate(DIMENSIONS):
        y = TOP + row * ROW_H
        b, a = before[name], after[name]
        label = name.capitalize()
        parts += [
            f'<text x="0" y="{y + BAR_H + 6}" fill="currentColor">{label}</text>',
            _bar(y, b, "0.35", f"{label} before"),
            _bar(y + BAR_H + 2, a, "0.9", f"{label} after"),
            f'<text x="{WIDTH}" y="{y + BAR_H + 6}" fill="currentColor" text-anchor="end">'
            f"{_shown(b)} → {_shown(a)}{_delta(b, a)}</text>",
        ]
    parts += ["</svg>", "</div>"]
    return "\n".join(p for p in parts if p)
