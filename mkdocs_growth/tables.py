"""The priority table as rows, shared by the generated page, the CLI and growth.json."""

from __future__ import annotations

from dataclasses import dataclass

from .store import Store


@dataclass(frozen=True)
class PriorityRow:
    id: str
    title: str
    domain: str
    horizon: str
    status: str
    impact: int
    effort: int
    reusability: int
    learnings: int
    score: float
    band: str


def priority_rows(store: Store) -> list[PriorityRow]:
    """Open cards (planned, active) in the contract's order."""
    rows = []
    for card in store.ranked_open_cards:
        prio = store.priorities[card.id]
        s = card.scores
        rows.append(
            PriorityRow(
                card.id,
                card.title,
                card.domain,
                card.horizon,
                card.status,
                s.impact,
                s.effort,
                s.reusability,
                s.learnings,
                prio.score,
                prio.band,
            )
        )
    return rows


def render_terminal_table(rows: list[PriorityRow]) -> str:
    header = (
        "#",
        "id",
        "title",
        "domain",
        "horizon",
        "status",
        "I",
        "E",
        "R",
        "L",
        "score",
        "band",
    )
    body = [
        (
            str(n),
            r.id,
            _clip(r.title, 40),
            r.domain,
            r.horizon,
            r.status,
            str(r.impact),
            str(r.effort),
            str(r.reusability),
            str(r.learnings),
            f"{r.score:.2f}",
            r.band,
        )
        for n, r in enumerate(rows, 1)
    ]
    if not body:
        return "No open cards (planned or active)."
    widths = [max(len(row[i]) for row in [header, *body]) for i in range(len(header))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in [header, *body]
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _clip(text: str, width: int) -> str:
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    return text if len(text) <= width else text[: width - 1] + "…"
