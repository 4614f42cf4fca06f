"""``svg.growth-cadence``: notes, talks, decisions and concept reviews per week, 52 weeks.

One strip per kind, one cell per week (a stronger colour: more), newest on the
right; growth.css gives the colour steps per scheme (``growth-heat-N``).
Under the notes and talks strips a bar marks each period that met the
playbook's rhythm (a tech note a week, a knowledge share a sprint). A table
under the picture sums it up; the week-by-week counts follow, folded.
"""

from __future__ import annotations

from ...practice.pictures import RHYTHM, Cadence
from .common import MARK, MONTHS, esc, figure, num, svg_open, table, text

WIDTH = 360
LABEL_W = 72
RIGHT_W = 28
TOP = 20  # month labels
ROW = 26
CELL_H = 14
LABELS = {"notes": "Notes", "talks": "Talks", "decisions": "Decisions", "reviews": "Reviews"}
SINGULAR = {"notes": "note", "talks": "talk", "decisions": "decision", "reviews": "review"}


def _opacity(count: int) -> str:
    return ("0.07", "0.35", "0.6")[count] if count < 3 else "0.9"


def _heat(count: int) -> str:
    """The cell's colour step (growth.css): none for an empty week, 1 to 3 for more."""
    return f' class="growth-heat-{min(count, 3)}"' if count else ""


def cadence_svg(data: Cadence) -> str:
    weeks = len(data.weeks)
    step = (WIDTH - LABEL_W - RIGHT_W) / weeks
    height = TOP + ROW * len(data.kinds) + 4
    totals = ", ".join(f"{data.total(k)} {LABELS[k].lower()}" for k in data.kinds)
    rhythm = "; ".join(
        f"{LABELS[k].lower()}: {RHYTHM[k].label}, met in {data.met(k)[0]} of {data.met(k)[1]}"
        for k in RHYTHM
    )
    desc = f"Last {weeks} weeks, from {data.weeks[0]}: {totals}. Playbook rhythm: {rhythm}."
    parts = [
        svg_open(
            "growth-cadence", "growth-cadence", WIDTH, height, "Learning cadence, week by week",
            desc, links=False,
        )
    ]  # fmt: skip
    shown = 0  # every other month is labelled: a month is narrower than its name at 12 px
    for i, monday in enumerate(data.weeks):
        first_week = monday.day <= 7 or i == 0
        if first_week and (i == 0 or data.weeks[i - 1].month != monday.month):
            if shown % 2 == 0 and i < weeks - 3:
                parts.append(text(LABEL_W + i * step, TOP - 5, MONTHS[monday.month - 1]))
            shown += 1
    for row, kind in enumerate(data.kinds):
        y = TOP + row * ROW
        parts.append(text(0, y + CELL_H - 3, LABELS[kind]))
        for i, count in enumerate(data.counts[kind]):
            what = f"{count} {SINGULAR[kind]}{'' if count == 1 else 's'}"
            parts.append(
                f'<rect x="{num(LABEL_W + i * step)}" y="{y}" width="{num(step - 1)}"'
                f' height="{CELL_H}" fill="currentColor" fill-opacity="{_opacity(count)}"{_heat(count)}>'
                f"<title>{esc(f'Week of {data.weeks[i]}: {what}')}</title></rect>"
            )
        if kind in RHYTHM:
            counts = data.counts[kind]
            for a, b in data.periods(kind):
                if sum(counts[a : b + 1]):
                    parts.append(
                        f'<rect x="{num(LABEL_W + a * step)}" y="{y + CELL_H + 2}"'
                        f' width="{num((b - a + 1) * step - 1)}" height="3" style="fill:{MARK}"/>'
                    )
        parts.append(text(WIDTH, y + CELL_H - 3, str(data.total(kind)), anchor="end"))
    parts.append("</svg>")
    summary = table(
        ("Kind", f"In {weeks} weeks", "Playbook rhythm", "Met"),
        [
            (
                esc(LABELS[k]),
                esc(str(data.total(k))),
                esc(RHYTHM[k].label if k in RHYTHM else "—"),
                esc(f"{data.met(k)[0]} of {data.met(k)[1]}" if k in RHYTHM else "—"),
            )
            for k in data.kinds
        ],
    )
    weekly = table(
        ("Week of", *(LABELS[k] for k in data.kinds)),
        [
            (esc(str(monday)), *(esc(str(data.counts[k][i])) for k in data.kinds))
            for i, monday in enumerate(data.weeks)
        ],
    )
    caption = esc(
        "A stronger colour: more that week (empty cells: none). A bar under notes and talks: the playbook's rhythm met"
        " in that week (notes) or sprint (talks)."
    )
    folded = f"<details><summary>{esc('Week by week')}</summary>{weekly}</details>"
    return figure("growth-cadence-figure", "".join(parts), caption, summary + folded, folded=False)
