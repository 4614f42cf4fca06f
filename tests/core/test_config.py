"""The ``growth:`` options (SPEC "Configuration") and reading them from mkdocs.yml without MkDocs."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import pytest
from conftest import card, store_of, write_store

from mkdocs_growth.cli.settings import SettingsError, load_settings
from mkdocs_growth.core.options import GrowthConfig, OptionsError, parse_options, quarter


def errors_of(options: Any) -> list[tuple[str, str]]:
    with pytest.raises(OptionsError) as caught:
        parse_options(options)
    return caught.value.errors


def test_defaults_match_the_contract() -> None:
    config = parse_options(None)
    assert config == parse_options({}) == GrowthConfig()
    assert config.north_star is None and config.today is None
    assert config.max_active == 3
    assert config.domains is None and config.horizons is None
    assert config.weights.model_dump() == {
        "impact": 2,
        "effort": 1,
        "reusability": 1,
        "learnings": 1,
    }
    assert config.base == "growth"
    assert config.strict is False


def test_every_option_is_read() -> None:
    config = parse_options(
        {
            "north_star": "Be the engineer the team calls when production is on fire.",
            "today": dt.date(2026, 5, 1),
            "max_active": 2,
            "domains": [
                {"id": "observability", "title": "Observability"},
                {"id": "communication", "kind": "soft-skill"},
            ],
            "horizons": [{"id": "h1", "start": "2026-01-01", "end": "2026-03-31"}],
            "weights": {"impact": 3, "effort": 0.5},
            "base": "career/growth",
            "strict": True,
        }
    )
    assert config.today == dt.date(2026, 5, 1)
    assert config.effective_today() == dt.date(2026, 5, 1)
    assert [d.kind for d in config.domains or []] == ["technical", "soft-skill"]
    assert config.domain("communication").label == "Communication"
    assert config.domain("not-configured").kind == "technical"
    assert config.horizon("h1").end == dt.date(2026, 3, 31)  # type: ignore[union-attr]
    assert config.horizon("2026-Q1") is None  # configured horizons replace quarters
    assert config.weights.impact == 3 and config.weights.effort == 0.5
    assert config.weights.learnings == 1
    assert (config.base, config.strict, config.max_active) == ("career/growth", True, 2)


def test_today_defaults_to_the_build_date() -> None:
    assert GrowthConfig().effective_today() == dt.date.today()


@pytest.mark.parametrize(
    ("horizon", "start", "end"),
    [
        ("2026-Q1", dt.date(2026, 1, 1), dt.date(2026, 3, 31)),
        ("2026-Q2", dt.date(2026, 4, 1), dt.date(2026, 6, 30)),
        ("2026-Q3", dt.date(2026, 7, 1), dt.date(2026, 9, 30)),
        ("2026-Q4", dt.date(2026, 10, 1), dt.date(2026, 12, 31)),
        ("2024-Q1", dt.date(2024, 1, 1), dt.date(2024, 3, 31)),
    ],
)
def test_without_configured_horizons_quarters_give_the_dates(
    horizon: str, start: dt.date, end: dt.date
) -> None:
    found = GrowthConfig().horizon(horizon)
    assert found is not None and (found.start, found.end) == (start, end)


@pytest.mark.parametrize("horizon", ["2026-Q5", "2026-q1", "Q1-2026", "2026"])
def test_other_ids_are_not_quarters(horizon: str) -> None:
    assert quarter(horizon) is None


def test_an_unknown_option_is_named_with_a_hint() -> None:
    assert errors_of({"north_start": "x"}) == [
        ("north_start", "unknown option (did you mean 'north_star'?)")
    ]
    assert errors_of({"weights": {"impakt": 2}}) == [
        ("weights.impakt", "unknown option (did you mean 'impact'?)")
    ]
    assert errors_of({"colour": "blue"}) == [("colour", "unknown option")]


@pytest.mark.parametrize(
    ("options", "key", "message"),
    [
        ("not a mapping", "growth", "options must be a mapping"),
        ({"north_star": 42}, "north_star", "must be text"),
        ({"today": "someday"}, "today", "not a valid date"),
        ({"today": 1777593600}, "today", "must be a date like 2026-04-01, not a number"),
        ({"max_active": -1}, "max_active", "greater than or equal to 0"),
        ({"max_active": True}, "max_active", "must be a whole number"),
        ({"max_active": "3"}, "max_active", "must be a whole number"),
        ({"strict": "yes"}, "strict", "must be true or false"),
        ({"strict": 1}, "strict", "must be true or false"),
        ({"weights": {"impact": "2"}}, "weights.impact", "must be a number"),
        ({"weights": {"impact": True}}, "weights.impact", "must be a number"),
        ({"weights": {"impact": -1}}, "weights.impact", "greater than or equal to 0"),
        ({"weights": {"impact": float("inf")}}, "weights.impact", "less than or equal to 1000"),
        ({"weights": {"impact": float("nan")}}, "weights.impact", "0"),
        ({"limits": {"max_file_bytes": 10**23}}, "limits.max_file_bytes", "less than or equal"),
        (
            {"weights": {"impact": 0, "effort": 0, "reusability": 0, "learnings": 0}},
            "weights",
            "at least one weight must be above 0",
        ),
        ({"weights": [2, 1, 1, 1]}, "weights", "must be a mapping"),
        ({"domains": {"id": "a"}}, "domains", "must be a list"),
        ({"domains": ["a"]}, "domains #1", "must be a mapping"),
        ({"domains": [{"title": "No id"}]}, "domains #1.id", "required"),
        ({"domains": [{"id": "Bad Id"}]}, "domains #1.id", "lowercase letters, digits and '-'"),
        (
            {"domains": [{"id": "a", "kind": "soft"}]},
            "domains #1.kind",
            "'technical' or 'soft-skill'",
        ),
        ({"domains": [{"id": "a"}, {"id": "a"}]}, "domains", "id 'a' is listed twice"),
        (
            {"horizons": [{"id": "q/1", "start": "2026-01-01", "end": "2026-02-01"}]},
            "horizons #1.id",
            "letters, digits and '-'",
        ),
        ({"horizons": [{"id": "q", "start": "2026-01-01"}]}, "horizons #1.end", "required"),
        (
            {"horizons": [{"id": "q", "start": 0, "end": "2026-02-01"}]},
            "horizons #1.start",
            "not a number",
        ),
        (
            {"horizons": [{"id": "q", "start": "2026-02-30", "end": "2026-03-01"}]},
            "horizons #1.start",
            "not a valid date",
        ),
        (
            {"horizons": [{"id": "h", "start": "2026-05-01", "end": "2026-01-01"}]},
            "horizons #1",
            "horizon h: end 2026-01-01 is before start 2026-05-01",
        ),
        (
            {
                "horizons": [
                    {"id": "h", "start": "2026-01-01", "end": "2026-03-31"},
                    {"id": "h", "start": "2026-04-01", "end": "2026-06-30"},
                ]
            },
            "horizons",
            "id 'h' is listed twice",
        ),
        ({"base": "../outside"}, "base", "folder names"),
        ({"base": "/abs"}, "base", "folder names"),
        ({"base": ""}, "base", "folder names"),
        (
            {"limits": {"max_file_bytes": 10}},
            "limits.max_file_bytes",
            "greater than or equal to 1024",
        ),
    ],
)
def test_bad_values_name_the_option(options: Any, key: str, message: str) -> None:
    errors = errors_of(options)
    assert [k for k, _ in errors] == [key]
    assert message in errors[0][1]
    assert "Value error" not in errors[0][1]


def test_the_error_text_lists_every_bad_option() -> None:
    with pytest.raises(OptionsError) as caught:
        parse_options({"max_active": -1, "bogus": 1})
    assert "max_active:" in str(caught.value) and "bogus: unknown option" in str(caught.value)


# -- settings: mkdocs.yml read by MkDocs' own loader ------------------------------------------


def _config(tmp_path: Path, text: str | bytes, docs: str = "docs") -> str:
    """``mkdocs.yml`` with ``text`` beside an existing docs_dir (MkDocs requires one)."""
    (tmp_path / docs).mkdir(parents=True, exist_ok=True)
    config_file = tmp_path / "mkdocs.yml"
    if isinstance(text, bytes):
        config_file.write_bytes(text)
    else:
        config_file.write_text(text, encoding="utf-8")
    return str(config_file)


def test_settings_come_from_mkdocs_yml(tmp_path: Path) -> None:
    config_file = write_store(tmp_path, {"a.md": card()}, {"max_active": 5, "base": "g"})
    settings = load_settings(str(config_file))
    assert settings.docs_dir == os.path.join(str(tmp_path), "docs")
    assert settings.growth.max_active == 5 and settings.growth.base == "g"
    assert settings.plugin_enabled is True


@pytest.mark.parametrize(
    "plugins",
    [
        "plugins:\n  - growth:\n      max_active: 7\n",
        "plugins:\n  growth:\n    max_active: 7\n",
        "plugins:\n  - search\n  - growth: {max_active: 7}\n",
    ],
)
def test_list_and_mapping_plugin_forms(tmp_path: Path, plugins: str) -> None:
    assert load_settings(_config(tmp_path, f"site_name: x\n{plugins}")).growth.max_active == 7


def test_a_bare_plugin_name_means_default_options(tmp_path: Path) -> None:
    settings = load_settings(_config(tmp_path, "site_name: x\nplugins: [search, growth]\n"))
    assert settings.plugin_enabled and settings.growth == GrowthConfig()


def test_without_the_plugin_the_defaults_apply(tmp_path: Path) -> None:
    settings = load_settings(_config(tmp_path, "site_name: x\ndocs_dir: pages\n", "pages"))
    assert not settings.plugin_enabled
    assert settings.docs_dir == os.path.join(str(tmp_path), "pages")


def test_the_generic_enabled_switch_is_understood(tmp_path: Path) -> None:
    text = "site_name: x\nplugins:\n  - growth:\n      enabled: false\n      max_active: 9\n"
    settings = load_settings(_config(tmp_path, text))
    assert settings.plugin_enabled is False
    assert settings.growth.max_active == 9


def test_a_non_boolean_enabled_is_an_error(tmp_path: Path) -> None:
    config_file = _config(tmp_path, "site_name: x\nplugins:\n  - growth:\n      enabled: so\n")
    with pytest.raises(SettingsError, match="option 'enabled'"):
        load_settings(config_file)


def test_inherit_merges_the_parent_like_mkdocs(tmp_path: Path) -> None:
    (tmp_path / "base").mkdir()
    (tmp_path / "base" / "common.yml").write_text(
        "site_name: parent\ndocs_dir: ../from-parent\n"
        "plugins:\n  - growth:\n      max_active: 4\n      base: parent\n"
        "extra:\n  a: 1\n"
    )
    (tmp_path.parent / "from-parent").mkdir(exist_ok=True)
    settings = load_settings(_config(tmp_path, "INHERIT: base/common.yml\nsite_name: child\n"))
    assert settings.site_name == "child"
    assert settings.growth.max_active == 4 and settings.growth.base == "parent"
    # like MkDocs, docs_dir is relative to the config file that was loaded (the child)
    assert settings.docs_dir == os.path.normpath(os.path.join(str(tmp_path), "../from-parent"))


def test_inherit_cycles_and_missing_parents_are_errors(tmp_path: Path) -> None:
    (tmp_path / "a.yml").write_text("INHERIT: b.yml\n")
    (tmp_path / "b.yml").write_text("INHERIT: a.yml\n")
    with pytest.raises(SettingsError, match="INHERIT"):
        load_settings(str(tmp_path / "a.yml"))
    (tmp_path / "c.yml").write_text("INHERIT: nowhere.yml\n")
    with pytest.raises(SettingsError, match=r"nowhere\.yml"):
        load_settings(str(tmp_path / "c.yml"))


def test_env_tags_and_python_tags_do_not_break_reading(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("GROWTH_TEST_DOCS", "env-docs")
    text = (
        "site_name: x\ndocs_dir: !ENV [GROWTH_TEST_DOCS, docs]\n"
        "markdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "plugins:\n  - growth\n"
    )
    settings = load_settings(_config(tmp_path, text, "env-docs"))
    assert settings.docs_dir.endswith("env-docs")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"site_name: [unclosed\n", "error parsing the configuration file"),
        (b"- just\n- a list\n", "must be a mapping"),
        (b"site_name: caf\xe9\n", "invalid continuation byte"),
        (b"site_name: x\nplugins:\n  - growth:\n      max_active: -1\n", "option 'max_active'"),
        (b"site_name: x\nplugins:\n  - growth:\n      bogus: 1\n", "'bogus': unknown option"),
        (b"site_name: x\nplugins:\n  - growth:\n      today: 2026-02-30\n", ":4: '2026-02-30'"),
        (b"site_name: x\nplugins:\n  - growth:\n      north_star: !!binary aGk=\n", "north_star"),
    ],
)
def test_unusable_config_files_raise_settings_errors(
    tmp_path: Path, content: bytes, message: str
) -> None:
    with pytest.raises(SettingsError, match=message.replace("(", r"\(")):
        load_settings(_config(tmp_path, content))


def test_a_missing_config_file_is_a_settings_error(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="cannot read config file"):
        load_settings(str(tmp_path / "nope.yml"))


def test_configured_allow_lists_reach_validation(tmp_path: Path) -> None:
    config = write_store(
        tmp_path,
        {"a.md": card(domain="observability", horizon="h1")},
        {
            "domains": [{"id": "observability"}],
            "horizons": [{"id": "h1", "start": "2026-01-01", "end": "2026-12-31"}],
            "today": "2026-05-01",
        },
    )
    assert store_of(config).problems == []
