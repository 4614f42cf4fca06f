"""The language folder growth puts its pages in beside mkdocs-static-i18n, without installing it.

The compatibility suite (tests/compat) builds with the real plugin; these
read the same two attributes it sets on itself (``current_language``,
``default_language``) from a plugin registered under its name in a real
MkDocs config, so the rule is checked on every test run.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import write_store
from mkdocs.config import load_config
from mkdocs.plugins import BasePlugin

from mkdocs_growth.plugin.coexist import I18N, i18n_language_folder


class LanguageBuild(BasePlugin):
    """What mkdocs-static-i18n says about the language it is building (its two attributes)."""

    def __init__(self, current: object, default: object) -> None:
        self.current_language = current
        self.default_language = default


@pytest.mark.parametrize(
    ("current", "default", "folder"),
    [
        ("fr", "en", "fr"),  # a further language: its own folder
        ("en", "en", ""),  # the default language: the site's root
        ("", "en", ""),
        (None, "en", ""),
    ],
)
def test_growths_pages_go_to_the_language_folder_i18n_builds(
    tmp_path: Path, current: object, default: object, folder: str
) -> None:
    config = load_config(config_file=str(write_store(tmp_path, {}, {})))
    config.plugins[I18N] = LanguageBuild(current, default)
    assert i18n_language_folder(config) == folder


def test_without_i18n_growths_pages_stay_at_the_root(tmp_path: Path) -> None:
    config = load_config(config_file=str(write_store(tmp_path, {}, {})))
    config.plugins["other"] = LanguageBuild("fr", "en")  # not mkdocs-static-i18n
    assert i18n_language_folder(config) == ""
