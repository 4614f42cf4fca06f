"""The store with the playbook's store-wide rules applied: what the plugin and the CLI read."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from ..core.framework import LoadedFramework
from ..core.options import GrowthConfig
from ..core.problems import sort_key
from ..core.store import Store, load_store
from .milestones import guardrail


def open_store(
    docs_dir: str,
    config: GrowthConfig,
    config_path: str = "mkdocs.yml",
    paths: Iterable[str] | None = None,
    framework: LoadedFramework | None = None,
) -> Store:
    """:func:`~mkdocs_growth.core.store.load_store`, plus the guardrail warning.

    ``config_path`` is how problems about the options name the config file.
    """
    store = load_store(docs_dir, config, paths=paths, framework=framework)
    extra = guardrail(store, config_path)
    if not extra:
        return store
    problems = sorted(store.problems + extra, key=sort_key)
    return dataclasses.replace(store, problems=problems, derived={})
