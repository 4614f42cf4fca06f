"""The store with the playbook's store-wide rules applied: what the plugin and the CLI read."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from ..core.framework import LoadedFramework
from ..core.options import GrowthConfig
from ..core.parse import Entry
from ..core.problems import Problem, sort_key
from ..core.store import Store, load_store
from .audience import audience_problems
from .milestones import guardrail


def open_store(
    docs_dir: str,
    config: GrowthConfig,
    config_path: str = "mkdocs.yml",
    paths: Iterable[str] | None = None,
    framework: LoadedFramework | None = None,
    nav: object = None,
    meta_files: Iterable[str] | None = None,
    elsewhere: Iterable[Entry] = (),
) -> Store:
    """:func:`~mkdocs_growth.core.store.load_store`, plus the guardrail warning and,
    for ``audience: public``, the warnings about links to private pages.

    ``config_path`` is how problems about the options name the config file;
    ``nav`` is MkDocs' ``nav`` setting, whose links the audience check reads too;
    ``meta_files`` the folder metadata files MkDocs found (see core.folder_meta).
    ``elsewhere``: parsed pages whose source is outside docs_dir (load_store).
    What a build publishes is :func:`~mkdocs_growth.practice.audience.published` of it.
    """
    store = load_store(
        docs_dir,
        config,
        paths=paths,
        framework=framework,
        meta_files=meta_files,
        elsewhere=elsewhere,
    )
    return _adding(
        store, guardrail(store, config_path) + audience_problems(store, config_path, nav)
    )


def with_playbook_rules(store: Store, config_path: str = "mkdocs.yml") -> Store:
    """``store`` plus the store-wide rule a card edit can break: the active-milestone guardrail."""
    return _adding(store, guardrail(store, config_path))


def _adding(store: Store, extra: list[Problem]) -> Store:
    if not extra:
        return store
    problems = sorted(store.problems + extra, key=sort_key)
    return dataclasses.replace(store, problems=problems, derived={})
