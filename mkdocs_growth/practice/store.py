"""The store with the playbook's store-wide rules applied: what the plugin and the CLI read."""

from __future__ import annotations

from collections.abc import Iterable

from ..core.options import GrowthConfig
from ..core.problems import sort_key
from ..core.store import Store, load_store
from .milestones import guardrail


def open_store(
    docs_dir: str,
    config: GrowthConfig,
    config_path: str = "mkdocs.yml",
    paths: Iterable[str] | None = None,
) -> Store:
    """:func:`~mkdocs_growth.core.store.load_store`, plus the guardrail warning.

    ``config_path`` is how problems about the options name the config file.
    """
    return with_playbook_rules(load_store(docs_dir, config, paths=paths), config_path)


def with_playbook_rules(store: Store, config_path: str = "mkdocs.yml") -> Store:
    """``store`` plus the playbook's store-wide warnings (the active-milestone guardrail)."""
    extra = guardrail(store, config_path)
    if not extra:
        return store
    return Store(store.config, store.entries, sorted(store.problems + extra, key=sort_key))
