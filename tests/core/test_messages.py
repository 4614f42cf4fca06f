"""The words of validation messages: near-miss hints, id rules, dates, and the keys a model accepts.

``test_parse_messages.py`` pins messages of one file; these pin the parts of
``core.messages`` that a wrong change left unnoticed (mutation testing,
docs/mutation.md): the hint for the last literal choice, the horizon's id
rule, a non-text date, and how ``keys_at`` looks through ``X | None``,
``Annotated`` and list items.
"""

from __future__ import annotations

from typing import Annotated, Any

import pytest
from conftest import CARD, front_matter
from pydantic import BaseModel, Field

from mkdocs_growth.core.messages import data_loc, keys_at
from mkdocs_growth.core.model import Card, Milestone
from mkdocs_growth.core.options import Limits
from mkdocs_growth.core.parse import parse_entry

STATUSES = "expected 'planned', 'active', 'done' or 'dropped'"
MILESTONE_KEYS = ["title", "done_when", "status", "due"]


def messages(**fields: Any) -> list[tuple[int, str]]:
    entry = parse_entry("cards/a.md", front_matter(CARD | fields).encode(), Limits())
    return [(p.line, p.message) for p in entry.problems]


def with_due(due: object) -> list[tuple[int, str]]:
    milestones = CARD["milestones"]
    return messages(milestones=[*milestones[:2], milestones[2] | {"due": due}])


@pytest.mark.parametrize(
    ("status", "message"),
    [
        ("droped", f"status: 'droped' is not allowed (did you mean 'dropped'?); {STATUSES}"),
        ("actve", f"status: 'actve' is not allowed (did you mean 'active'?); {STATUSES}"),
        (3, f"status: 3 is not allowed; {STATUSES}"),
    ],
)
def test_a_value_not_allowed_names_the_closest_choice_even_the_last(
    status: object, message: str
) -> None:
    assert messages(status=status) == [(19, message)]


def test_a_horizon_id_may_hold_capitals_other_ids_may_not() -> None:
    assert messages(horizon="a b") == [
        (5, "horizon: 'a b' is not a valid id (letters, digits and '-')")
    ]
    assert messages(domain="A b") == [
        (4, "domain: 'A b' is not a valid id (lowercase letters, digits and '-')")
    ]


def test_a_date_message_quotes_the_value_and_says_why_when_it_can() -> None:
    assert with_due([1]) == [(19, "milestones #3.due: must be a date like 2026-04-01 (got [1])")]
    assert with_due("2026-02-30") == [
        (
            19,
            "milestones #3.due: '2026-02-30' is not a valid date"
            " (day value is outside expected range); write it like 2026-04-01",
        )
    ]
    assert with_due("2026-04-01T10:30:00") == [
        (
            19,
            "milestones #3.due: '2026-04-01T10:30:00' is not a valid date; write it like 2026-04-01",
        )
    ]


def test_unknown_keys_in_optional_mappings_and_list_items_get_a_hint() -> None:
    assert messages(rubric={"before": {"impct": 2}})[-1] == (
        21,
        "unknown key 'rubric.before.impct' (did you mean 'impact'?)",
    )
    milestones = [*CARD["milestones"][:2], {"title": "x", "done_when": "y", "stauts": "done"}]
    assert messages(milestones=milestones) == [
        (19, "unknown key 'milestones #3.stauts' (did you mean 'status'?)")
    ]


class _Wrapped(BaseModel):
    items: list[Annotated[Milestone, Field(description="an item")]] = []
    either: Milestone | Card | None = None


@pytest.mark.parametrize(
    ("model", "loc", "keys"),
    [
        (Card, ("rubric", "before"), ["confidence", "competence", "impact", "clarity"]),
        (Card, ("milestones", 0), MILESTONE_KEYS),
        (Card, ("milestones", 0, "title"), []),
        (Card, ("title",), []),
        (Card, ("title", "x"), []),
        (Card, ("nothing",), []),
        (_Wrapped, ("items", 0), MILESTONE_KEYS),
        (_Wrapped, ("either",), []),
    ],
)
def test_keys_at_looks_through_optional_annotated_and_list_items(
    model: type[BaseModel], loc: tuple[Any, ...], keys: list[str]
) -> None:
    assert keys_at(model, loc) == keys


@pytest.mark.parametrize(
    ("data", "loc", "missing", "kept"),
    [
        ({"a": [1]}, ("a", 1), False, ("a",)),
        ({"a": [1]}, ("a", 0), False, ("a", 0)),
        ({"a": {"b": 1}}, ("a", 0), False, ("a",)),
        ({"a": 5}, ("a", "int"), False, ("a",)),
        ({"a": "int"}, ("a", "int"), False, ("a",)),
        ({"a": {}}, ("a", "b"), False, ("a",)),
        ({"a": {}}, ("a", "b"), True, ("a", "b")),
        ({"a": {}}, ("a", "b", "c"), True, ("a",)),
    ],
)
def test_data_loc_keeps_the_part_of_a_location_that_is_in_the_yaml(
    data: Any, loc: tuple[Any, ...], missing: bool, kept: tuple[Any, ...]
) -> None:
    if missing:
        assert data_loc(data, loc, missing=True) == kept
    else:
        assert data_loc(data, loc) == kept
