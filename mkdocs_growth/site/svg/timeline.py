"""``svg.growth-timeline``: milestones by due date, today marked, status shown.

One row per milestone (its title and, under it, its card's on the left, a
mark at its due date on the right; a cut name is whole in its tooltip and in
the table), a dashed line at today. Status by shape: ring planned,
dot active, square done; a late milestone (not done, due before today) gets
an accent ring. Marks link to their card. The table under it lists the same
milestones with their status in words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from ...core.model import Card
from ...practice.pictures import Timeline, TimelineMark
from .common import ACCENT, MARK, MONTHS, esc, figure, link, num, shorten, svg_open, table, text

WIDTH = 360
LABEL_W = 150
AXIS_X0, AXIS_X1 = LABEL_W + 10, WIDTH - 10
TOP = 46  # legend and the "today" label
ROW = 34  # two lines: the milestone, its card
BOTTOM = 30  # month ticks
LABEL_CHARS = 20  # what fits in LABEL_W at the common text size


def status_words(mark: TimelineMark) -> str:
    return f"{mark.status}, late" if mark.overdue else mark.status


def timeline_svg(timeline: Timeline, href: Callable[[Card], str], ident: str) -> str:
    """The picture, or ``""`` when no milestone has a due date. ``ident`` is unique on the page."""
    if not timeline.marks:
        return ""
    height = TOP + ROW * len(timeline.marks) + BOTTOM
    late = sum(1 for m in timeline.marks if m.overdue)
    desc = (
        f"{len(timeline.marks)} milestones from {timeline.start} to {timeline.end} by due date;"
        f" today is {timeline.today}; {late} late. The table after the picture lists them."
    )
    parts = [
        svg_open(
            "growth-timeline", ident, WIDTH, height, "Milestones by due date", desc, links=True
        )
    ]
    parts += _legend()
    parts += _axis(timeline, height)
    for row, mark in enumerate(timeline.marks):
        parts += _row(timeline, mark, TOP + row * ROW + ROW / 2, href)
    parts += _today(timeline, height)
    parts.append("</svg>")
    notes = [f"Milestones by due date; today is {timeline.today}."]
    if timeline.hidden:
        notes.append(
            f"{timeline.hidden} more, further from today, are in the table of their cards."
        )
    if timeline.undated:
        notes.append(f"{timeline.undated} without a due date are not shown.")
    rows = [
        (
            esc(str(m.due)),
            link(href(m.card), m.card.title),
            esc(f"{m.index + 1}. {m.title}"),
            esc(status_words(m)),
        )
        for m in timeline.marks
    ]
    data = table(("Due", "Card", "Milestone", "Status"), rows)
    return figure("growth-timeline-figure", "".join(parts), esc(" ".join(notes)), data)


def _x(timeline: Timeline, day: dt.date) -> float:
    span = max(1, (timeline.end - timeline.start).days)
    return AXIS_X0 + (AXIS_X1 - AXIS_X0) * (day - timeline.start).days / span


def _glyph(status: str, overdue: bool, x: float, y: float) -> str:
    if status == "done":
        shape = (
            f'<rect x="{num(x - 4)}" y="{num(y - 4)}" width="8" height="8"'
            ' fill="currentColor" fill-opacity="0.6"/>'
        )
    elif status == "active":
        shape = f'<circle cx="{num(x)}" cy="{num(y)}" r="5" style="fill:{MARK}"/>'
    else:
        shape = (
            f'<circle cx="{num(x)}" cy="{num(y)}" r="4.5"'
            f' style="fill:{MARK};fill-opacity:0.12;stroke:{MARK};stroke-width:1.5"/>'
        )
    if overdue:
        shape += (
            f'<circle cx="{num(x)}" cy="{num(y)}" r="7.5"'
            f' style="fill:none;stroke:{ACCENT};stroke-width:1.5;stroke-dasharray:2 1.5"/>'
        )
    return shape


def _legend() -> list[str]:
    out = []
    x = 0.0
    for label, status, late in (
        ("planned", "planned", False),
        ("active", "active", False),
        ("done", "done", False),
        ("late", "planned", True),
    ):
        out.append(_glyph(status, late, x + 6, 10))
        out.append(text(x + 16, 14, label))
        x += 16 + 7.5 * len(label) + 14
    return out


def _ticks(timeline: Timeline) -> list[dt.date]:
    """First days of months on the axis (every third month on a long axis)."""
    months = (timeline.end.year - timeline.start.year) * 12 + timeline.end.month
    months -= timeline.start.month
    every = 1 if months <= 6 else 3 if months <= 24 else 12
    day = dt.date(timeline.start.year, timeline.start.month, 1)
    out = []
    while day <= timeline.end:
        if day >= timeline.start and (day.month - 1) % every == 0:
            out.append(day)
        if day.year >= dt.MAXYEAR and day.month == 12:
            break
        day = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return out


def _axis(timeline: Timeline, height: int) -> list[str]:
    base = height - BOTTOM + 4
    out = [
        f'<line x1="{AXIS_X0}" y1="{base}" x2="{AXIS_X1}" y2="{base}" stroke="currentColor"'
        ' stroke-opacity="0.4"/>'
    ]
    for day in _ticks(timeline):
        x = _x(timeline, day)
        out.append(
            f'<line x1="{num(x)}" y1="{TOP - 4}" x2="{num(x)}" y2="{base + 3}"'
            ' stroke="currentColor" stroke-opacity="0.12"/>'
        )
        label = MONTHS[day.month - 1] + (f" {day.year}" if day.month == 1 else "")
        out.append(text(x, base + 17, label, anchor="middle"))
    return out


def _row(
    timeline: Timeline, mark: TimelineMark, y: float, href: Callable[[Card], str]
) -> list[str]:
    x = _x(timeline, mark.due)
    title = f"{mark.card.title}: milestone {mark.index + 1} {mark.title}, due {mark.due}, {status_words(mark)}"
    return [
        f'<line x1="{AXIS_X0}" y1="{num(y)}" x2="{AXIS_X1}" y2="{num(y)}" stroke="currentColor"'
        ' stroke-opacity="0.08"/>',
        _label(0, y - 2, f"{mark.index + 1}. {mark.title}"),
        _label(0, y + 13, mark.card.title, extra=' font-style="italic"'),
        f'<a href="{esc(href(mark.card))}" class="growth-mark" data-card="{esc(mark.card.id)}"'
        f' data-milestone="{mark.index + 1}" data-status="{esc(status_words(mark))}">'
        f"<title>{esc(title)}</title>{_glyph(mark.status, mark.overdue, x, y)}</a>",
    ]


def _label(x: float, y: float, name: str, extra: str = "") -> str:
    """A row label: cut to fit, the whole name in its tooltip when cut."""
    shown = shorten(name, LABEL_CHARS)
    if shown == " ".join(name.split()):
        return text(x, y, shown, extra=extra)
    return (
        f'<text x="{num(x)}" y="{num(y)}" fill="currentColor"{extra}>'
        f"<title>{esc(name)}</title>{esc(shown)}</text>"
    )


def _today(timeline: Timeline, height: int) -> list[str]:
    x = _x(timeline, timeline.today)
    anchor = "end" if x > AXIS_X1 - 20 else "start" if x < AXIS_X0 + 20 else "middle"
    return [
        f'<line x1="{num(x)}" y1="{TOP - 10}" x2="{num(x)}" y2="{height - BOTTOM + 4}"'
        f' style="stroke:{ACCENT}" stroke-width="1.5" stroke-dasharray="4 3"/>',
        f'<text x="{num(x)}" y="{TOP - 16}" fill="currentColor" text-anchor="{anchor}">'
        f"{esc(f'today {timeline.today}')}</text>",
    ]
