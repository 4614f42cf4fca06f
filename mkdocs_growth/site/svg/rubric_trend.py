"""``svg.growth-rubric-trend``: the average self-rating before -> after, per horizon.

One row per horizon that has started, oldest at the top: a ring at the
average before, a dot at the average after (1 to 5), a line between and the
change in words. Only cards rated both before and after count. The table
under it has the same numbers.
"""

from __future__ import annotations

from ...practice.pictures import RubricTrend
from ...practice.rubric import signed
from .common import MARK, esc, figure, num, shorten, svg_open, table, text

WIDTH = 360
LABEL_W = 92
LABEL_CHARS = 15  # what fits in LABEL_W; a longer title gives way to the id
AXIS_X0, AXIS_X1 = LABEL_W + 8, WIDTH - 44
TOP = 24
ROW = 26
BOTTOM = 22


def _x(value: float) -> float:
    return AXIS_X0 + (AXIS_X1 - AXIS_X0) * (value - 1) / 4


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}".rstrip("0").rstrip(".")


def rubric_trend_svg(rows: list[RubricTrend]) -> str:
    """The picture, or ``""`` when no horizon has started."""
    if not rows:
        return ""
    height = TOP + ROW * len(rows) + BOTTOM
    said = "; ".join(
        f"{r.horizon.id}: {_fmt(r.mean_before)} to {_fmt(r.mean_after)} ({r.cards} cards)"
        if r.cards
        else f"{r.horizon.id}: no card rated before and after"
        for r in rows
    )
    desc = f"Average of confidence, competence, impact and clarity, 1 to 5. {said}."
    parts = [
        svg_open(
            "growth-rubric-trend", "growth-rubric-trend", WIDTH, height,
            "Self-rating before and after, per horizon", desc, links=False,
        )
    ]  # fmt: skip
    parts += [
        f'<circle cx="{AXIS_X0 + 4}" cy="9" r="4" style="fill:{MARK};fill-opacity:0.12;'
        f'stroke:{MARK};stroke-width:1.5"/>',
        text(AXIS_X0 + 12, 13, "before"),
        f'<circle cx="{AXIS_X0 + 64}" cy="9" r="4.5" style="fill:{MARK}"/>',
        text(AXIS_X0 + 72, 13, "after"),
    ]
    base = height - BOTTOM + 2
    for value in range(1, 6):
        x = _x(value)
        parts.append(
            f'<line x1="{num(x)}" y1="{TOP - 4}" x2="{num(x)}" y2="{base}" stroke="currentColor"'
            ' stroke-opacity="0.15"/>'
        )
        parts.append(text(x, base + 13, str(value), anchor="middle"))
    for row, trend in enumerate(rows):
        y = TOP + row * ROW + ROW / 2
        title = trend.horizon.title or ""
        label = title if 0 < len(title) <= LABEL_CHARS else shorten(trend.horizon.id, LABEL_CHARS)
        parts.append(text(0, y + 4, label))
        before, after = trend.mean_before, trend.mean_after
        if before is None or after is None:
            parts.append(text(AXIS_X0, y + 4, "no card rated before and after"))
            continue
        parts += [
            f'<line x1="{num(_x(before))}" y1="{num(y)}" x2="{num(_x(after))}" y2="{num(y)}"'
            f' style="stroke:{MARK}" stroke-width="2" stroke-opacity="0.6"/>',
            f'<circle cx="{num(_x(before))}" cy="{num(y)}" r="4.5" style="fill:{MARK};'
            f'fill-opacity:0.12;stroke:{MARK};stroke-width:1.5"><title>'
            f"{esc(f'{trend.horizon.id} before: {_fmt(before)}')}</title></circle>",
            f'<circle cx="{num(_x(after))}" cy="{num(y)}" r="5" style="fill:{MARK}"><title>'
            f"{esc(f'{trend.horizon.id} after: {_fmt(after)}')}</title></circle>",
            text(WIDTH - 2, y + 4, signed(round(after - before, 2)) or "0", anchor="end"),
        ]
    parts.append("</svg>")
    data = table(
        ("Horizon", "Cards rated", "Before", "After", "Change"),
        [
            (
                esc(r.horizon.title or r.horizon.id),
                esc(str(r.cards)),
                esc(_fmt(r.mean_before)),
                esc(_fmt(r.mean_after)),
                esc(
                    signed(round(r.mean_after - r.mean_before, 2)) or "0"
                    if r.mean_before is not None and r.mean_after is not None
                    else "—"
                ),
            )
            for r in rows
        ],
    )
    caption = esc(
        "Average self-rating (confidence, competence, impact, clarity) of the cards rated"
        " before and after, per horizon: ring before, dot after."
    )
    return figure("growth-rubric-trend-figure", "".join(parts), caption, data, folded=False)
