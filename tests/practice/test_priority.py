"""The playbook's decision framework: score, band, rounding and ordering (SPEC "Priority")."""

from __future__ import annotations

from dataclasses import astuple

import pytest
from conftest import card, store_of, write_store

from mkdocs_growth.core.model import Card, Scores
from mkdocs_growth.core.options import Weights
from mkdocs_growth.practice.priority import (
    band,
    order_key,
    priorities,
    priority,
    priority_rows,
    ranked,
    ranked_open,
    score,
)

DEFAULT = Weights()
EQUAL = Weights(impact=1, effort=1, reusability=1, learnings=1)


def scores(impact: int, effort: int, reusability: int, learnings: int) -> Scores:
    return Scores(impact=impact, effort=effort, reusability=reusability, learnings=learnings)


def make_card(title: str, impact: int, effort: int, reusability: int, learnings: int) -> Card:
    return Card.model_validate(
        {
            "type": "card",
            "id": title.lower().replace(" ", "-"),
            "title": title,
            "domain": "d",
            "horizon": "2026-Q2",
            "goal": "g",
            "scores": scores(impact, effort, reusability, learnings).model_dump(),
        }
    )


def test_the_playbook_example_is_3_8_high() -> None:
    # (2*5 + 1*(6-3) + 1*4 + 1*2) / 5 = 19 / 5
    result = priority(scores(5, 3, 4, 2), DEFAULT)
    assert (result.score, result.band) == (3.8, "high")
    assert result.as_dict() == {"score": 3.8, "band": "high"}


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ((5, 1, 5, 5), 5.0),  # best case: high impact, least effort
        ((1, 5, 1, 1), 1.0),  # worst case
        ((3, 3, 3, 3), 3.0),
        ((1, 1, 1, 1), 1.8),  # (2 + 5 + 1 + 1) / 5: low effort alone is not enough
    ],
)
def test_effort_counts_inverted(values: tuple[int, int, int, int], expected: float) -> None:
    assert score(scores(*values), DEFAULT) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(5.0, "high"), (3.5, "high"), (3.49, "medium"), (2.5, "medium"), (2.49, "low"), (1.0, "low")],
)
def test_band_boundaries(value: float, expected: str) -> None:
    assert band(value) == expected


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ((4, 3, 4, 3), (3.5, "high")),  # (4 + 3 + 4 + 3) / 4, exactly on the boundary
        ((4, 3, 3, 3), (3.25, "medium")),
        ((3, 4, 3, 2), (2.5, "medium")),  # (3 + 2 + 3 + 2) / 4
        ((3, 4, 2, 2), (2.25, "low")),
    ],
)
def test_scores_exactly_on_a_boundary_take_the_higher_band(
    values: tuple[int, int, int, int], expected: tuple[float, str]
) -> None:
    result = priority(scores(*values), EQUAL)
    assert (result.score, result.band) == expected


def test_custom_weights_change_the_score() -> None:
    effort_heavy = Weights(impact=1, effort=3, reusability=1, learnings=0)
    # (1*2 + 3*(6-1) + 1*2 + 0*5) / 5 = 19 / 5
    assert score(scores(2, 1, 2, 5), effort_heavy) == 3.8
    assert score(scores(2, 1, 2, 5), DEFAULT) == 3.2


@pytest.mark.parametrize(
    ("weights", "values", "expected"),
    [
        ((3, 1, 1, 1), (4, 3, 4, 2), 3.5),  # 21 / 6
        ((3, 1, 1, 1), (5, 3, 4, 2), 4.0),
        ((3, 1, 1, 1), (5, 2, 4, 2), 4.17),  # 25 / 6 = 4.1666...
        ((5, 1, 1, 1), (4, 5, 2, 2), 3.13),  # 25 / 8 = 3.125: half up, not to even
        ((5, 1, 1, 1), (2, 5, 2, 2), 1.88),  # 15 / 8 = 1.875
        ((0.1, 0.1, 0.3, 0.3), (1, 1, 1, 4), 2.63),  # 2.1 / 0.8 = 2.625 exactly in decimal
        ((0.1, 0.1, 0.3, 0.3), (1, 1, 4, 3), 3.38),  # 2.7 / 0.8 = 3.375
        ((0.7, 0.1, 0.1, 0.1), (3, 5, 1, 1), 2.4),
    ],
)
def test_rounding_is_half_up_on_the_decimal_value(
    weights: tuple[float, ...], values: tuple[int, int, int, int], expected: float
) -> None:
    w = Weights(impact=weights[0], effort=weights[1], reusability=weights[2], learnings=weights[3])
    assert score(scores(*values), w) == expected


def test_order_is_score_then_impact_then_effort_then_title() -> None:
    cards = [
        make_card("zeta low", 1, 5, 1, 1),  # 1.0
        # three cards with score 3.0: impact breaks the tie, then effort
        make_card("impact three", 3, 3, 3, 3),  # 3.0, impact 3, effort 3
        make_card("impact four effort four", 4, 4, 2, 2),  # (8+2+2+2)/5 = 2.8
        make_card("impact four", 4, 3, 1, 2),  # (8+3+1+2)/5 = 2.8, effort 3 < 4
        make_card("Beta", 3, 3, 3, 3),  # same as "impact three": title decides
        make_card("alpha", 3, 3, 3, 3),
        make_card("top", 5, 3, 4, 2),  # 3.8
        make_card("high impact wins tie", 5, 5, 2, 2),  # (10+1+2+2)/5 = 3.0, impact 5
    ]
    titles = [c.title for c in ranked(cards, DEFAULT)]
    assert titles == [
        "top",
        "high impact wins tie",
        "alpha",
        "Beta",
        "impact three",
        "impact four",
        "impact four effort four",
        "zeta low",
    ]


def test_order_key_sorts_by_the_rounded_score() -> None:
    a, b = make_card("a", 4, 3, 4, 2), make_card("b", 4, 3, 4, 2)
    assert order_key(a, DEFAULT) < order_key(b, DEFAULT)


def test_the_store_ranks_only_open_cards_and_scores_every_valid_card(tmp_path) -> None:
    config = write_store(
        tmp_path,
        {
            "cards/a.md": card(
                title="Planned", scores=dict(impact=2, effort=3, reusability=3, learnings=3)
            ),
            "cards/b.md": card(title="Active", status="active"),
            "cards/c.md": card(
                title="Done",
                status="done",
                rubric={"after": dict(confidence=3, competence=3, impact=3, clarity=3)},
            ),
            "cards/d.md": card(title="Dropped", status="dropped"),
        },
        {"today": "2026-05-01"},
    )
    store = store_of(config)
    assert [str(p) for p in store.problems] == []
    assert [c.title for c in ranked_open(store)] == ["Active", "Planned"]
    assert set(priorities(store)) == {"a", "b", "c", "d"}
    assert priorities(store)["b"].as_dict() == {"score": 3.8, "band": "high"}
    assert priorities(store)["a"].band == "medium"


def test_configured_weights_reach_the_store(tmp_path) -> None:
    config = write_store(
        tmp_path,
        {"cards/a.md": card()},
        {"weights": {"impact": 1, "effort": 0, "reusability": 0, "learnings": 0}},
    )
    assert priorities(store_of(config))["a"].score == 5.0


def test_decimal_weights_count_as_written_not_as_binary_floats() -> None:
    """0.1 and 0.3 as the decimals they are: 1.125 exactly, rounded half up to 1.13.

    With the binary floats nearest to 0.1 and 0.3 the mean is a hair under
    1.125 and would round to 1.12 (a mutation once went unnoticed here).
    """
    weights = Weights(impact=0.1, effort=0.3, reusability=1, learnings=1)
    assert score(scores(1, 4, 1, 1), weights) == 1.13


def test_priorities_and_ranking_are_computed_once_per_store(tmp_path) -> None:
    store = store_of(write_store(tmp_path, {"cards/a.md": card()}))
    assert priorities(store) is priorities(store)
    assert ranked_open(store) is ranked_open(store)
    assert set(store.derived) == {"priorities", "ranked_open"}


def test_priority_rows_hold_every_column_of_the_table(tmp_path) -> None:
    files = {
        "cards/a.md": card(title="First", status="active"),
        "cards/b.md": card(
            title="Second", scores=dict(impact=1, effort=5, reusability=1, learnings=1)
        ),
    }
    rows = priority_rows(store_of(write_store(tmp_path, files)))
    assert [astuple(r) for r in rows] == [
        ("a", "First", "observability", "2026-Q2", "active", 5, 3, 4, 2, 3.8, "high"),
        ("b", "Second", "observability", "2026-Q2", "planned", 1, 5, 1, 1, 1.0, "low"),
    ]
