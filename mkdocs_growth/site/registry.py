"""The registry of generated page families.

A *builder* is a function ``(store, ctx) -> list[GeneratedPage]``. Paths are
docs-relative: ``*.md`` paths become Markdown pages the theme renders and
search indexes; any other path (``growth.json``, ``growth/feed.xml``) is
published as a file with that content. To add a page family, write a module
in this package with a ``pages(store, ctx)`` function and add it to
``BUILDERS`` (one line). Builders must stay O(documents): group once, never
loop over the store inside a loop over the store.

``DASHBOARD_SLOTS`` lets a family put a small Markdown block on the dashboard
without editing it: a function ``(store, ctx) -> str`` (already escaped
Markdown, may be empty) under one of the slot names the dashboard template
places: ``reviews_due`` and ``rubric_average``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from ..core.store import Store
from .context import SiteContext, page_url
from .files import atom as feed
from .files import growth_json as export
from .files import schema
from .pages import (
    checklist,
    competencies,
    dashboard,
    domains,
    feedback,
    horizons,
    priorities,
    problems,
    reports,
    reviews,
)
from .pages import (
    lists as feeds,
)
from .render import GeneratedPage

Builder = Callable[[Store, SiteContext], list[GeneratedPage]]
Slot = Callable[[Store, SiteContext], str]

DASHBOARD_SLOTS: dict[str, Slot] = {
    "reviews_due": reviews.reviews_due_slot,
    "rubric_average": reviews.rubric_average_slot,
}

BUILDERS: list[Builder] = [
    partial(dashboard.pages, slots=DASHBOARD_SLOTS),
    priorities.pages,
    feeds.pages,  # notes, decisions, talks, playbooks, retros
    domains.pages,
    horizons.pages,
    reports.pages,  # reports/<horizon>.md, one review packet per started horizon
    problems.pages,
    export.pages,  # growth.json at the site root
    reviews.pages,
    feedback.pages,
    checklist.pages,
    competencies.pages,  # only with a progression framework
    feed.pages,  # <base>/feed.xml (Atom), only with site_url
    schema.pages,  # growth.schema.json at the site root
]


def render_pages(store: Store, ctx: SiteContext) -> list[GeneratedPage]:
    """Every generated page and file of the site, in navigation order."""
    pages: list[GeneratedPage] = []
    for builder in BUILDERS:
        pages.extend(builder(store, ctx))
    return pages


__all__ = [
    "BUILDERS",
    "DASHBOARD_SLOTS",
    "Builder",
    "GeneratedPage",
    "SiteContext",
    "Slot",
    "page_url",
    "render_pages",
]
