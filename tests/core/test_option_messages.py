"""Bad ``growth:`` options: the exact message for each kind of mistake.

The configuration tests checked substrings; mutation testing showed that
most of the wording (the value quoted back, the choices listed, the
did-you-mean) could change unnoticed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from mkdocs_growth.core.options import OptionsError, parse_options, quarter_of

CHOICES = "feedback, rubric, metrics, artifacts, concepts, reviewed, tags, related, competencies, review_request"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            {"domains": [{"id": "a", "kind": "hard"}]},
            ("domains #1.kind", "must be 'technical' or 'soft-skill' (got 'hard')"),
        ),
        ({"audience": "everyone"}, ("audience", "must be 'public' or 'internal' (got 'everyone')")),
        (
            {"base": "../x"},
            (
                "base",
                "must be folder names (letters, digits, '-', '_') separated by '/', like growth (got '../x')",
            ),
        ),
        ({"domains": [{"kind": "technical"}]}, ("domains #1.id", "is required")),
        ({"max_active": "3"}, ("max_active", "must be a whole number (got '3')")),
        ({"today": 5}, ("today", "must be a date like 2026-04-01, not a number")),
        (
            {"private_fields": "rubric"},
            ("private_fields", "must be a list of card field names, like [feedback, rubric]"),
        ),
        (
            {"private_fields": ["rubric", 3]},
            ("private_fields", "must be a list of card field names, like [feedback, rubric]"),
        ),
        (
            {"private_fields": ["rubric", "title"]},
            (
                "private_fields",
                "'title' cannot be private: a card needs it (make the card private instead: visibility: private)",
            ),
        ),
        (
            {"private_fields": ["feedbak"]},
            (
                "private_fields",
                f"unknown card field 'feedbak' (did you mean 'feedback'?); choose from {CHOICES}",
            ),
        ),
    ],
)
def test_each_bad_option_gets_its_exact_message(
    raw: dict[str, Any], expected: tuple[str, str]
) -> None:
    with pytest.raises(OptionsError) as caught:
        parse_options(raw)
    assert caught.value.errors == [expected]
    assert str(caught.value) == f"{expected[0]}: {expected[1]}"


def test_several_bad_options_are_joined_in_one_message() -> None:
    with pytest.raises(OptionsError) as caught:
        parse_options({"max_active": "3", "audience": "everyone"})
    assert str(caught.value) == (
        "max_active: must be a whole number (got '3');"
        " audience: must be 'public' or 'internal' (got 'everyone')"
    )


def test_options_that_are_not_a_mapping() -> None:
    with pytest.raises(OptionsError) as caught:
        parse_options(["max_active", 3])  # type: ignore[arg-type]
    assert caught.value.errors == [("growth", "options must be a mapping")]


def test_private_fields_keep_every_name_given() -> None:
    assert parse_options({"private_fields": ["rubric", "feedback", "tags"]}).private_fields == (
        "rubric",
        "feedback",
        "tags",
    )


@pytest.mark.parametrize(
    ("day", "quarter"),
    [
        ((2026, 1, 1), "2026-Q1"),
        ((2026, 3, 31), "2026-Q1"),
        ((2026, 4, 1), "2026-Q2"),
        ((2026, 12, 31), "2026-Q4"),
        ((999, 7, 1), "0999-Q3"),
    ],
)
def test_quarter_of_a_day(day: tuple[int, int, int], quarter: str) -> None:
    assert quarter_of(dt.date(*day)) == quarter
