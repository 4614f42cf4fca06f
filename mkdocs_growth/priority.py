"""The playbook's decision framework: weighted score, band and ordering."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from .config import Weights
from .model import Card, Scores

Band = Literal["high", "medium", "low"]
HIGH, MEDIUM = 3.5, 2.5


@dataclass(frozen=True)
class Priority:
    score: float
    band: Band

    def as_dict(self) -> dict[str, object]:
        return {"score": self.score, "band": self.band}


def score(scores: Scores, weights: Weights) -> float:
    """Weighted mean of the four answers, effort inverted (6 - effort), to 2 decimals.

    Rounds half up on the decimal value so 3.805 is 3.81 everywhere, not a
    float artefact.
    """
    total = weights.impact + weights.effort + weights.reusability + weights.learnings
    raw = (
        weights.impact * scores.impact
        + weights.effort * (6 - scores.effort)
        + weights.reusability * scores.reusability
        + weights.learnings * scores.learnings
    ) / total
    return float(Decimal(repr(raw)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def band(value: float) -> Band:
    if value >= HIGH:
        return "high"
    if value >= MEDIUM:
        return "medium"
    return "low"


def priority(scores: Scores, weights: Weights) -> Priority:
    value = score(scores, weights)
    return Priority(value, band(value))


def order_key(card: Card, weights: Weights) -> tuple[float, int, int, str]:
    """Score desc, then impact desc, then effort asc, then title (case-insensitive)."""
    return (
        -score(card.scores, weights),
        -card.scores.impact,
        card.scores.effort,
        card.title.casefold(),
    )


def ranked(cards: list[Card], weights: Weights) -> list[Card]:
    return sorted(cards, key=lambda card: order_key(card, weights))
