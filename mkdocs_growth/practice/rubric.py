"""The playbook's self-rating rubric: confidence, competence, impact, clarity (1-5).

A card rates itself before and after; the change is what the dashboard and
the horizon archive show.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..core.model import Card, RubricScores
from ..core.store import Store

DIMENSIONS: tuple[str, ...] = ("confidence", "competence", "impact", "clarity")
RUBRIC_FIELDS = ("rubric",)


def rubric_known(store: Store) -> bool:
    """Whether the store's cards carry their ratings (a public view may withhold them)."""
    return store.carries(*RUBRIC_FIELDS)


def values(scores: RubricScores | None) -> dict[str, int | None]:
    return {d: (getattr(scores, d) if scores is not None else None) for d in DIMENSIONS}


def change(card: Card) -> float | None:
    """Mean change over the four dimensions (after - before), or None without both ratings."""
    rubric = card.rubric
    if rubric is None or rubric.before is None or rubric.after is None:
        return None
    total = sum(getattr(rubric.after, d) - getattr(rubric.before, d) for d in DIMENSIONS)
    return round(total / len(DIMENSIONS), 2)


def average_change(cards: Iterable[Card]) -> tuple[float | None, int]:
    """Average :func:`change` across done cards rated before and after, and how many there were."""
    changes = [
        c for c in (change(card) for card in cards if card.status == "done") if c is not None
    ]
    if not changes:
        return None, 0
    return round(sum(changes) / len(changes), 2), len(changes)


def signed(value: float | None) -> str:
    """``+1.25`` / ``-0.5`` / ``0`` for display; empty for None."""
    if value is None:
        return ""
    text = f"{value:+.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("+0", "-0") else text
