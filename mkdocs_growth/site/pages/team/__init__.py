"""The team site's pages: one module per page family, all over one :class:`~.common.TeamView`.

``team_pages`` returns every page model; the plugin renders them as it does
the personal pages (HTML), ``generate`` could as Markdown.
"""

from __future__ import annotations

from ...blocks import GeneratedFile, Page
from ...context import SiteContext
from . import feeds, home, knows, people
from .common import TeamView


def team_pages(view: TeamView, ctx: SiteContext) -> list[Page]:
    return [
        *home.pages(view, ctx),
        *people.pages(view, ctx),
        *knows.pages(view, ctx),
        *feeds.pages(view, ctx),
    ]


def team_files(view: TeamView, ctx: SiteContext) -> list[GeneratedFile]:
    return feeds.files(view, ctx)


__all__ = ["TeamView", "team_files", "team_pages"]
