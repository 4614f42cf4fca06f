"""MkDocs adapter (placeholder until the plugin issue lands): validates on build."""

from __future__ import annotations

from mkdocs.plugins import BasePlugin


class GrowthPlugin(BasePlugin):  # type: ignore[type-arg]
    pass
