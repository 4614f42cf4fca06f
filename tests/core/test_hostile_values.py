"""Hostile input, round 2: values the validator used to accept and the site could not survive.

Each test is named after the finding it protects (docs/threat-model.md lists them).
"""

from __future__ import annotations

import sys

import pytest
from conftest import card, front_matter, store_of, write_store

from mkdocs_growth.core.options import OptionsError, parse_options
from mkdocs_growth.core.problems import Problem, Severity, shown_path

BIG = 10**309


def errors_of(tmp_path, files, options=None) -> list[str]:
    store = store_of(write_store(tmp_path, files, options or {"today": "2026-05-01"}))
    return [str(p) for p in store.errors]


# --- one number stops the whole site ---------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [str(BIG), str(-BIG), str(int(sys.float_info.max) + 2**971), "0x" + "f" * 20000],
    ids=["10**309", "-10**309", "just-over-float-max", "80000-bit-hex"],
)
def test_a_number_beyond_a_float_is_an_error_with_its_line(tmp_path, value: str) -> None:
    metric = {"name": "latency", "unit": "ms", "baseline": 1, "target": 7}
    text = card(metrics=[metric]).replace("target: 7", f"target: {value}")
    errors = errors_of(tmp_path, {"cards/a.md": text})
    line = text.splitlines().index(next(x for x in text.splitlines() if "target:" in x)) + 1
    assert errors == [
        f"cards/a.md:{line}: error: metrics #1.target: is too large"
        " (numbers must lie within about ±1.8e308)"
    ]


@pytest.mark.parametrize(
    "value", [sys.float_info.max, -sys.float_info.max, int(sys.float_info.max)]
)
def test_the_largest_numbers_a_float_holds_are_accepted(tmp_path, value: float) -> None:
    metric = {"name": "latency", "baseline": value, "target": 1}
    assert errors_of(tmp_path, {"cards/a.md": card(metrics=[metric])}) == []


# --- URL rule bypass -------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/\\evil.com", "\\\\evil.com", "\\/evil.com", "docs\\a.md"])
def test_a_backslash_in_a_relative_url_is_an_error(tmp_path, url: str) -> None:
    artifact = {"kind": "technical", "title": "Demo", "url": url}
    errors = errors_of(tmp_path, {"cards/a.md": card(artifacts=[artifact])})
    assert len(errors) == 1
    assert "artifacts #1.url: relative URL contains a backslash" in errors[0]


# --- smaller ---------------------------------------------------------------------------------


@pytest.mark.parametrize("tag", ["\x01\x02", "\x1b", " ", "\u202e", "\t\x7f"])
def test_a_tag_of_only_control_characters_is_an_error(tmp_path, tag: str) -> None:
    note = front_matter(
        {"type": "note", "title": "A note", "date": "2026-04-01", "tags": ["ok", tag]}
    )
    errors = errors_of(tmp_path, {"notes/n.md": note})
    assert len(errors) == 1 and "tags #2: has no visible characters" in errors[0]


@pytest.mark.parametrize("title", ["\x1b\x1b", "   ", "\u200b"])
def test_a_title_of_only_control_characters_is_an_error(tmp_path, title: str) -> None:
    errors = errors_of(tmp_path, {"cards/a.md": card(title=title)})
    assert len(errors) == 1 and "title: has no visible characters" in errors[0]


def test_a_tag_with_visible_text_and_control_characters_is_accepted(tmp_path) -> None:
    note = front_matter({"type": "note", "title": "N", "date": "2026-04-01", "tags": ["\x1bok"]})
    assert errors_of(tmp_path, {"notes/n.md": note}) == []


def test_horizon_ids_that_differ_only_by_case_collide() -> None:
    horizons = [
        {"id": "2026-Q4", "start": "2026-10-01", "end": "2026-12-31"},
        {"id": "2026-q4", "start": "2026-10-01", "end": "2026-12-31"},
    ]
    with pytest.raises(OptionsError) as caught:
        parse_options({"horizons": horizons})
    ((key, message),) = caught.value.errors
    assert key == "horizons"
    assert "'2026-Q4' and '2026-q4' differ only by case" in message


def test_domain_ids_that_differ_only_by_case_collide() -> None:
    """Domain ids are lowercase slugs, so an upper-case twin is refused as an id already."""
    with pytest.raises(OptionsError) as caught:
        parse_options({"domains": [{"id": "ops"}, {"id": "Ops"}]})
    assert caught.value.errors[0][0] == "domains #2.id"


def test_a_file_name_with_control_characters_is_escaped_when_shown() -> None:
    problem = Problem("cards/\x1b[2Jx\nforged.md", 3, Severity.ERROR, "bad")
    assert str(problem) == "cards/\\x1b[2Jx\\x0aforged.md:3: error: bad"
    assert shown_path("a\\b\udcff.md") == "a\\\\b\\udcff.md"  # backslash too, once escaping
    assert shown_path("cards/été 🎉.md") == "cards/été 🎉.md"  # printable: as it is


# --- the URL rule, case by case (mutation testing found it checked only through builds) ---


def url_errors(tmp_path, url: str) -> list[str]:
    artifact = {"kind": "technical", "title": "Demo", "url": url}
    errors = errors_of(tmp_path, {"cards/a.md": card(artifacts=[artifact])})
    return [e.split("artifacts #1.url: ", 1)[1] for e in errors]


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/a?b=javascript:x",
        "mailto:me@example.com",
        "notes/a:b.md",
        "page.md?x=a:b",
        "page.md#a:b",
        "page.md#a:b#c",
        "page.md?a:b?c",
        "notes/a:b/c.md",
        "a b.md",
        "#top",
    ],
)
def test_safe_urls_are_accepted(tmp_path, url: str) -> None:
    assert url_errors(tmp_path, url) == []


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (
            "JavaScript:alert(1)",
            "URL scheme 'javascript' is not allowed (use http, https, mailto or a relative path)",
        ),
        (
            "java:script:x",
            "URL scheme 'java' is not allowed (use http, https, mailto or a relative path)",
        ),
        (
            "data:x?y",
            "URL scheme 'data' is not allowed (use http, https, mailto or a relative path)",
        ),
        ("//evil.com", "protocol-relative URLs are not allowed (use https://...)"),
        ("a\tb.md", "URL contains control characters"),
        ("a\x01b.md", "URL contains control characters"),
        (
            "javascript&#58;x",
            "URL contains an HTML character reference (write the character itself)",
        ),
    ],
)
def test_unsafe_urls_get_their_exact_message(tmp_path, url: str, message: str) -> None:
    assert url_errors(tmp_path, url) == [message]


def test_a_non_finite_number_is_an_error(tmp_path) -> None:
    text = card(metrics=[{"name": "m", "target": 7}]).replace("target: 7", "target: .inf")
    errors = errors_of(tmp_path, {"cards/a.md": text})
    assert [e.split(": error: ", 1)[1] for e in errors] == [
        "metrics #1.target: must be a finite number"
    ]
