"""``plugins: [growth]`` finds the plugin on MkDocs and on ProperDocs.

ProperDocs reads its own entry point group first (``properdocs.plugins``) and
MkDocs' after; registering under both is what its documentation asks of a
plugin. The build on ProperDocs itself is tests/compat (test_engines.py and
the compatibility suite's ProperDocs run).
"""

from __future__ import annotations

from importlib import metadata

import pytest

from mkdocs_growth.plugin import GrowthPlugin


@pytest.mark.parametrize("group", ["mkdocs.plugins", "properdocs.plugins"])
def test_growth_is_registered_for_each_engine(group: str) -> None:
    found = [ep for ep in metadata.entry_points(group=group) if ep.name == "growth"]
    assert [ep.load() for ep in found] == [GrowthPlugin]
