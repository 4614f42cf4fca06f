"""The playbook's decision framework: weighted score, band and ordering."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Literal

from ..core.model import Card, Scores
from ..core.options import Weights
from ..core.store import Store

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

    Computed exactly on the weights as written (``0.1`` is one tenth, not the
    nearest binary float) and rounded half up, so 2.625 is 2.63 everywhere.
    """
    answers = (scores.impact, 6 - scores.effort, scores.reusability, scores.learnings)
    return _score(answers, weights)


@functools.lru_cache(maxsize=4096)
def _score(answers: tuple[int, int, int, int], weights: Weights) -> float:
    """Cached: there are only 625 answer combinations per set of weights."""
    w = [_exact(weights.impact), _exact(weights.effort)]
    w += [_exact(weights.reusability), _exact(weights.learnings)]
    raw = sum(wi * a for wi, a in zip(w, answers, strict=True)) / sum(w)
    value = Decimal(raw.numerator) / Decimal(raw.denominator)
    return float(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def _exact(weight: float) -> Fraction:
    return Fraction(repr(weight)) if isinstance(weight, float) else Fraction(weight)


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


def priorities(store: Store) -> dict[str, Priority]:
    """Priority of every valid card, by id (computed once per store)."""
    found = store.derived.get("priorities")
    if found is None:
        weights = store.config.weights
        found = store.derived["priorities"] = {
            c.id: priority(c.scores, weights) for c in store.cards
        }
    return found


def ranked_open(store: Store) -> list[Card]:
    """Open cards (planned, active) in the contract's order (computed once per store)."""
    found = store.derived.get("ranked_open")
    if found is None:
        open_cards = [c for c in store.cards if c.is_open]
        found = store.derived["ranked_open"] = ranked(open_cards, store.config.weights)
    return found


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
    prios = priorities(store)
    for card in ranked_open(store):
        prio = prios[card.id]
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
