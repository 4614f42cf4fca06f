"""The self-rating rubric: the change after - before, its average over done cards, its display.

These rules were only checked through the rubric chart and the horizon pages;
mutation testing showed most changes to them went unnoticed in the unit suites.
"""

from __future__ import annotations

from typing import Any

import pytest

from mkdocs_growth.core.model import Card, RubricScores
from mkdocs_growth.practice.rubric import DIMENSIONS, average_change, change, signed, values


def rated(before: tuple[int, ...] | None, after: tuple[int, ...] | None, status: str = "done"):
    rubric: dict[str, Any] = {}
    for name, ratings in (("before", before), ("after", after)):
        if ratings is not None:
            rubric[name] = dict(zip(DIMENSIONS, ratings, strict=True))
    return Card.model_validate(
        {
            "type": "card",
            "id": "c",
            "title": "T",
            "domain": "d",
            "horizon": "2026-Q2",
            "goal": "g",
            "status": status,
            "scores": {"impact": 1, "effort": 1, "reusability": 1, "learnings": 1},
            "rubric": rubric or None,
        }
    )


def test_values_name_each_dimension_in_order() -> None:
    scores = RubricScores(confidence=1, competence=2, impact=3, clarity=4)
    assert values(scores) == {"confidence": 1, "competence": 2, "impact": 3, "clarity": 4}
    assert list(values(scores)) == ["confidence", "competence", "impact", "clarity"]
    assert values(None) == dict.fromkeys(DIMENSIONS)


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        ((2, 2, 2, 2), (4, 3, 4, 3), 1.5),
        ((1, 1, 1, 1), (2, 1, 1, 1), 0.25),
        ((5, 4, 3, 2), (1, 1, 1, 1), -2.5),
        ((3, 3, 3, 3), (3, 3, 3, 3), 0.0),
        ((1, 1, 1, 1), (2, 2, 2, 1), 0.75),
    ],
)
def test_change_is_the_mean_of_after_minus_before(before, after, expected) -> None:
    assert change(rated(before, after)) == expected


@pytest.mark.parametrize(
    ("before", "after"), [(None, (3, 3, 3, 3)), ((3, 3, 3, 3), None), (None, None)]
)
def test_change_needs_both_ratings(before, after) -> None:
    assert change(rated(before, after)) is None


def test_average_change_over_done_cards_rated_twice() -> None:
    cards = [
        rated((1, 1, 1, 1), (2, 2, 2, 2)),  # +1
        rated((1, 1, 1, 1), (3, 2, 1, 1)),  # +0.75
        rated((1, 1, 1, 1), (5, 5, 5, 5), status="active"),  # not done: left out
        rated((1, 1, 1, 1), None),  # not rated after: left out
    ]
    assert average_change(cards) == (0.88, 2)  # 0.875 rounded
    assert average_change([rated((1, 1, 1, 1), (5, 5, 5, 5), status="active")]) == (None, 0)
    assert average_change([]) == (None, 0)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (1.25, "+1.25"),
        (-0.5, "-0.5"),
        (0.0, "0"),
        (-0.0, "0"),
        (2.0, "+2"),
        (0.1, "+0.1"),
        (None, ""),
    ],
)
def test_signed_shows_the_sign_and_no_trailing_zeros(value, shown: str) -> None:
    assert signed(value) == shown
