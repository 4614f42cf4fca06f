"""Milestones: progress on one card, and the active-milestone guardrail across the store."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..core.model import Card
from ..core.problems import Problem, warning
from ..core.store import Store


@dataclass(frozen=True)
class Progress:
    done: int
    total: int  # milestones not dropped

    def __str__(self) -> str:
        return f"{self.done}/{self.total}"


def progress(card: Card) -> Progress:
    kept = [m for m in card.milestones if m.status != "dropped"]
    return Progress(sum(m.status == "done" for m in kept), len(kept))


def active_milestone_count(cards: Iterable[Card]) -> int:
    """Active milestones of active cards: what the playbook's ``max_active`` limits."""
    return sum(
        1 for c in cards if c.status == "active" for m in c.milestones if m.status == "active"
    )


def guardrail(store: Store, config_path: str) -> list[Problem]:
    """A store-wide warning, against the config file, when valid cards exceed ``max_active``."""
    count = active_milestone_count(store.cards)
    limit = store.config.max_active
    if count <= limit:
        return []
    return [
        warning(
            config_path,
            0,
            f"{count} active milestones across active cards, over max_active"
            f" {limit}: finish or pause some before starting more",
        )
    ]
