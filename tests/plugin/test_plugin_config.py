"""The ``growth:`` options through MkDocs' own config loading: bad input fails clearly."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

import pytest
from conftest import card, write_store
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from mkdocs_growth.plugin import GrowthPlugin


def _load(tmp_path: Path, options: Any) -> Any:
    config_file = write_store(tmp_path, {"cards/a.md": card()}, options)
    return load_config(config_file=str(config_file))


def _fails(tmp_path: Path, options: Any, caplog: pytest.LogCaptureFixture) -> str:
    with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises(Abort):
        _load(tmp_path, options)
    return caplog.text


def test_valid_options_reach_the_engine(tmp_path: Path) -> None:
    config = _load(
        tmp_path,
        {
            "today": "2026-05-01",
            "max_active": 2,
            "weights": {"impact": 3},
            "domains": [{"id": "observability", "kind": "technical"}],
            "base": "career",
            "limits": {"max_list_items": 50},
        },
    )
    plugin = config.plugins["growth"]
    assert isinstance(plugin, GrowthPlugin)
    assert plugin.growth.today == dt.date(2026, 5, 1)
    assert plugin.growth.max_active == 2
    assert plugin.growth.weights.impact == 3 and plugin.growth.weights.effort == 1
    assert plugin.growth.base == "career"
    assert plugin.growth.limits.max_list_items == 50
    assert plugin.config.max_active == 2  # the MkDocs config class sees them too


def test_defaults(tmp_path: Path) -> None:
    plugin = _load(tmp_path, None).plugins["growth"]
    assert plugin.growth.max_active == 3 and plugin.growth.base == "growth"
    assert plugin.growth.strict is False and plugin.growth.today is None


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"colour": "blue"}, "option 'colour': unknown option"),
        ({"weights": {"impakt": 2}}, "option 'weights.impakt': unknown option"),
        ({"max_active": -1}, "option 'max_active'"),
        ({"max_active": True}, "option 'max_active'"),
        ({"today": "someday"}, "option 'today'"),
        ({"base": "../outside"}, "option 'base'"),
        ({"strict": "yes please"}, "option 'strict'"),
        ({"domains": [{"id": "Bad Id"}]}, "option 'domains #1.id'"),
        ({"domains": [{"id": "a", "kind": "magic"}]}, "option 'domains #1.kind'"),
        (
            {"horizons": [{"id": "h1", "start": "2026-05-01", "end": "2026-01-01"}]},
            "end 2026-01-01 is before start",
        ),
        ({"weights": {"impact": 0, "effort": 0, "reusability": 0, "learnings": 0}}, "weight"),
        ({"limits": {"max_file_bytes": 1}}, "option 'limits.max_file_bytes'"),
    ],
)
def test_bad_options_fail_with_a_clear_message(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, options: dict[str, Any], expected: str
) -> None:
    text = _fails(tmp_path, options, caplog)
    assert "Plugin 'growth'" in text
    assert expected in text
    assert "Traceback" not in text


def test_options_must_be_a_mapping(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    config_file = write_store(tmp_path, {"cards/a.md": card()})
    config_file.write_text(
        config_file.read_text(encoding="utf-8").replace("growth: {}", "growth: [north_star]"),
        encoding="utf-8",
    )
    with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises(Abort):
        load_config(config_file=str(config_file))
    assert "Invalid config options for the 'growth' plugin" in caplog.text


def test_generic_enabled_switch_still_works(tmp_path: Path) -> None:
    config = _load(tmp_path, {"enabled": False})
    assert "growth" not in config.plugins


def test_instance_is_kept_and_reconfigured_across_loads(tmp_path: Path) -> None:
    """What `mkdocs serve` does on a config change: same instance, fresh options."""
    first = _load(tmp_path / "a", {"max_active": 1}).plugins["growth"]
    second = _load(tmp_path / "b", {"max_active": 4}).plugins["growth"]
    assert second is first
    assert second.growth.max_active == 4
