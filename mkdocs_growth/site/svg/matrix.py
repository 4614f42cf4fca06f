"""``svg.growth-matrix``: every open card at its impact (up) and effort (across).

The playbook's decision framework as a map: the top-left cells hold the
quick wins (high impact, low effort). One mark per open card, linking to the
card; several cards in one cell are laid out on a small grid inside it.
Active cards are filled dots, planned ones rings; a dot alone or with one
other in its cell shows its rank (``#1``), every dot names its card in a
tooltip. The table under the picture is its text equivalent (rank, card,
impact, effort).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable

from ...core.model import Card
from ...practice.pictures import MatrixMark
from .common import MARK, esc, figure, link, num, svg_open, table, text

LEFT, TOP, CELL = 46, 12, 60
WIDTH, HEIGHT = LEFT + 5 * CELL + 8, TOP + 5 * CELL + 42
PAD = 7  # inside a cell
LABELLED = 2  # a cell with this many dots or fewer shows their ranks (more would overlap)
STYLE = {  # one style per status group, not per mark: 5,000 open cards stay a small page
    "active": f"fill:{MARK};stroke:{MARK}",
    "planned": f"fill:{MARK};fill-opacity:0.12;stroke:{MARK};stroke-width:1.5",
}


def matrix_svg(marks: list[MatrixMark], href: Callable[[Card], str]) -> str:
    """The picture, or ``""`` without open cards. ``href`` gives the URL of a card from this page."""
    if not marks:
        return ""
    ident = "growth-matrix"
    active = sum(1 for m in marks if m.card.status == "active")
    desc = (
        f"{len(marks)} open cards ({active} active, {len(marks) - active} planned) placed by"
        " impact (1 to 5, up) and effort (1 to 5, across); high impact and low effort is top"
        " left. The table after the picture lists every card with its rank, impact and effort."
    )
    parts = [
        svg_open(
            "growth-matrix", ident, WIDTH, HEIGHT, "Impact and effort of open cards", desc,
            links=True,
        )
    ]  # fmt: skip
    parts += _grid()
    cells: dict[tuple[int, int], list[MatrixMark]] = defaultdict(list)
    for mark in marks:
        cells[(mark.impact, mark.effort)].append(mark)
    by_status: dict[str, list[str]] = {"active": [], "planned": [], "labels": []}
    for (impact, effort), group in sorted(cells.items()):
        for status, items in _cell(impact, effort, group, href).items():
            by_status[status] += items
    labels = by_status.pop("labels")
    for status, items in by_status.items():
        if items:
            parts.append(f'<g class="growth-{status}" style="{STYLE[status]}">')
            parts += items
            parts.append("</g>")
    parts += labels
    parts.append("</svg>")
    caption = esc(
        "Each dot is an open card (filled: active, ring: planned) and links to it; the number"
        " under a dot is its rank in the priority table. Cards with the same impact and effort"
        " share a cell."
    )
    data = table(
        ("#", "Card", "Impact", "Effort"),
        [
            (esc(str(m.rank)), link(href(m.card), m.card.title), str(m.impact), str(m.effort))
            for m in sorted(marks, key=lambda m: m.rank)
        ],
    )
    return figure("growth-matrix-figure", "".join(parts), caption, data)


def _x(effort: float) -> float:
    return LEFT + (effort - 1) * CELL


def _y(impact: float) -> float:
    return TOP + (5 - impact) * CELL


def _grid() -> list[str]:
    out = [
        f'<rect x="{LEFT}" y="{TOP}" width="{2 * CELL}" height="{2 * CELL}"'
        ' fill="currentColor" fill-opacity="0.06"/>',  # quick wins: impact 4-5, effort 1-2
        text(LEFT + 4, TOP + 14, "quick wins"),
    ]
    for i in range(6):
        out.append(
            f'<line x1="{LEFT}" y1="{TOP + i * CELL}" x2="{LEFT + 5 * CELL}" y2="{TOP + i * CELL}"'
            ' stroke="currentColor" stroke-opacity="0.18"/>'
        )
        out.append(
            f'<line x1="{LEFT + i * CELL}" y1="{TOP}" x2="{LEFT + i * CELL}" y2="{TOP + 5 * CELL}"'
            ' stroke="currentColor" stroke-opacity="0.18"/>'
        )
    for value in range(1, 6):
        out.append(text(LEFT - 8, _y(value) + CELL / 2 + 4, str(value), anchor="end"))
        out.append(text(_x(value) + CELL / 2, TOP + 5 * CELL + 15, str(value), anchor="middle"))
    bottom = TOP + 5 * CELL + 34
    out.append(text(LEFT + 5 * CELL / 2, bottom, "effort →", anchor="middle"))
    middle = TOP + 5 * CELL / 2
    out.append(
        text(12, middle, "impact →", anchor="middle", extra=f' transform="rotate(-90 12 {middle})"')
    )
    return out


def _cell(
    impact: int, effort: int, group: list[MatrixMark], href: Callable[[Card], str]
) -> dict[str, list[str]]:
    """The marks of one cell by status (each status is one ``<g>`` with its style)."""
    cols = math.ceil(math.sqrt(len(group)))
    rows = math.ceil(len(group) / cols)
    step = (CELL - 2 * PAD) / cols
    radius = num(max(1.2, min(7.0, step * 0.38)))
    x0 = _x(effort) + CELL / 2 - step * (cols - 1) / 2
    y0 = _y(impact) + CELL / 2 - step * (rows - 1) / 2
    out: dict[str, list[str]] = {"active": [], "planned": [], "labels": []}
    for n, mark in enumerate(group):
        card = mark.card
        cx, cy = x0 + (n % cols) * step, y0 + (n // cols) * step
        label = (
            f"{card.title}: impact {impact}, effort {effort}, priority"
            f" {mark.priority.score:g} {mark.priority.band}, {card.status} (#{mark.rank})"
        )
        out["active" if card.status == "active" else "planned"].append(
            f'<a href="{esc(href(card))}"><title>{esc(label)}</title>'
            f'<circle cx="{num(cx)}" cy="{num(cy)}" r="{radius}"/></a>'
        )
        if len(group) <= LABELLED:
            out["labels"].append(
                text(cx, cy + float(radius) + 14, f"#{mark.rank}", anchor="middle")
            )
    return out
