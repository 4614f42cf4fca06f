"""``svg.growth-team-map``: the team picture, people by team domain, evidence counts as shades.

One row per person (in name order: the picture compares domains, never
people), one column per domain. The same counts follow as a table.
"""

from __future__ import annotations

from collections.abc import Sequence

from .common import MARK, esc, figure, num, shorten, svg_open, table, text

NAME_W = 120
CELL = 22
TOP = 70  # rotated domain labels
MAX_DOMAINS = 24  # more columns than this read badly on a phone: the table keeps them all


def _opacity(count: int) -> str:
    return "0.06" if count == 0 else ("0.3", "0.5", "0.7")[count - 1] if count < 4 else "0.9"


def team_map_svg(
    domains: Sequence[str], people: Sequence[str], counts: Sequence[Sequence[int]]
) -> str:
    """``counts[p][d]``: evidence of person ``p`` in domain ``d``."""
    shown = list(domains[:MAX_DOMAINS])
    width = NAME_W + CELL * max(len(shown), 1) + 10
    height = TOP + CELL * max(len(people), 1) + 4
    desc = (
        f"Evidence published by {len(people)} people in {len(domains)} domains"
        " (done cards, talks, playbooks, notes and decisions); the table below has the numbers."
    )
    parts = [
        svg_open("growth-team-map", "growth-team-map", width, height, "Who knows what", desc,
                 links=False)
    ]  # fmt: skip
    for d, label in enumerate(shown):
        x = NAME_W + d * CELL + CELL / 2
        parts.append(
            text(
                x, TOP - 6, shorten(label, 14), extra=f' transform="rotate(-45 {num(x)} {TOP - 6})"'
            )
        )
    for p, person in enumerate(people):
        y = TOP + p * CELL
        parts.append(text(0, y + CELL * 0.65, shorten(person, 18)))
        for d, label in enumerate(shown):
            count = counts[p][d]
            parts.append(
                f'<rect x="{num(NAME_W + d * CELL)}" y="{y}" width="{CELL - 2}" height="{CELL - 2}"'
                f' fill="{MARK}" fill-opacity="{_opacity(count)}">'
                f"<title>{esc(f'{person}, {label}: {count}')}</title></rect>"
            )
    parts.append("</svg>")
    rows = [[esc(person), *(esc(str(c)) for c in counts[p])] for p, person in enumerate(people)]
    data = table(["Person", *domains], rows)
    caption = esc("Evidence per person and team domain; darker: more. People in name order.")
    return figure("growth-team-map", "".join(parts), caption, data)
