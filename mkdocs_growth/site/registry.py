"""The registry of what growth generates, and the two ways it leaves the site package.

A *page family* is a function ``(store, ctx) -> list[Page]`` returning page
models (:mod:`.blocks`); a *file family* ``(store, ctx) -> list[GeneratedFile]``
returns finished files (``growth.json``, ``growth/feed.xml``). To add a page
family, write a module in :mod:`.pages` and add its ``pages`` function to
``PAGES`` (one line). Families must stay O(documents): group once, never loop
over the store inside a loop over the store.

``DASHBOARD_SLOTS`` lets a family put blocks on the dashboard without
editing it: a function ``(store, ctx) -> list[Block]``, in slot order.

The plugin renders each page model to HTML (:mod:`.to_html`) inside MkDocs'
page; :func:`markdown_files` renders them to Markdown for ``generate``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import partial

from ..core.store import Store
from .blocks import GeneratedFile, Page
from .context import SiteContext
from .files import atom, growth_json, schema, stylesheet
from .pages import (
    cards,
    checklist,
    competencies,
    dashboard,
    domains,
    feedback,
    horizons,
    lists,
    priorities,
    problems,
    reports,
    reviews,
)
from .to_markdown import render_page

PageFamily = Callable[[Store, SiteContext], list[Page]]
FileFamily = Callable[[Store, SiteContext], list[GeneratedFile]]

DASHBOARD_SLOTS: dict[str, dashboard.Slot] = {
    "reviews_due": reviews.reviews_due_slot,
    "rubric_average": reviews.rubric_average_slot,
    "competencies": competencies.dashboard_slot,  # only with a progression framework
}

PAGES: list[PageFamily] = [
    partial(dashboard.pages, slots=DASHBOARD_SLOTS),
    priorities.pages,
    lists.pages,  # notes, decisions, talks, playbooks, retros
    domains.pages,
    horizons.pages,
    reports.pages,  # reports/<horizon>.md, one review packet per started horizon
    problems.pages,
    reviews.pages,
    feedback.pages,
    checklist.pages,
    competencies.pages,  # only with a progression framework
]

FILES: list[FileFamily] = [
    growth_json.files,  # growth.json at the site root
    atom.files,  # <base>/feed.xml (Atom), only with site_url
    schema.files,  # growth.schema.json at the site root
    stylesheet.files,  # <base>/growth.css, growth's own styles (the plugin links it)
]


# What a team site without documents of its own keeps: the team pages' styles.
TEAM_ONLY_FILES: list[FileFamily] = [stylesheet.files]


def shows_own_store(store: Store) -> bool:
    """Whether the site publishes its own store's pages (dashboard, lists, growth.json, ...).

    Always, except on a team site (``team:``) whose own docs hold no growth
    document: there the team pages are the site, and an empty dashboard and
    *Growth* section would only mislead. One rule, for the plugin and ``generate``.
    """
    return store.config.team is None or any(entry.is_growth for entry in store.entries)


def site_pages(store: Store, ctx: SiteContext) -> list[Page]:
    """Every generated page of the site, in navigation order."""
    if not shows_own_store(store):
        return []
    return [page for family in PAGES for page in family(store, ctx)]


def site_files(store: Store, ctx: SiteContext) -> list[GeneratedFile]:
    """Every generated file that is not a page."""
    families = FILES if shows_own_store(store) else TEAM_ONLY_FILES
    return [item for family in families for item in family(store, ctx)]


def generated_paths(store: Store, ctx: SiteContext) -> list[str]:
    """The docs-relative path of every generated page and file (what the plugin adds)."""
    return [page.path for page in site_pages(store, ctx)] + [
        item.path for item in site_files(store, ctx)
    ]


def markdown_files(
    store: Store, ctx: SiteContext, *, header_pages: bool = True
) -> list[GeneratedFile]:
    """What ``generate`` writes: every page as Markdown, every file.

    ``header_pages``: each card's header as a page of its own (``--out``, the
    card's file is not ours); ``generate --site`` puts it above the card instead.
    """
    pages = site_pages(store, ctx) + (cards.pages(store, ctx) if header_pages else [])
    clash = sorted(path for path, n in Counter(page.path for page in pages).items() if n > 1)
    if clash:  # a family started using <base>/cards/: fail loudly rather than overwrite
        raise ValueError(f"generated pages collide: {', '.join(clash)}")
    return [GeneratedFile(p.path, render_page(p, ctx)) for p in pages] + site_files(store, ctx)


__all__ = [
    "DASHBOARD_SLOTS",
    "FILES",
    "PAGES",
    "TEAM_ONLY_FILES",
    "FileFamily",
    "GeneratedFile",
    "Page",
    "PageFamily",
    "SiteContext",
    "generated_paths",
    "markdown_files",
    "shows_own_store",
    "site_files",
    "site_pages",
]
