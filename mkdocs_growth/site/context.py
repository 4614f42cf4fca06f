"""What a page builder or renderer may know about the site besides the store.

Plain data only (no MkDocs objects), so the same builders serve the plugin,
``mkdocs-growth generate`` and the tests. URLs follow :mod:`.urls`; where the
plugin knows MkDocs' own ``File.url`` of a page, ``page_urls`` carries it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from .urls import link_to, page_url, relative_url


@dataclass(frozen=True)
class SiteContext:
    """Per-build facts about the site the pages are generated for."""

    today: dt.date  # "now" for horizons, reviews and check-ins (config `today` or the build date)
    base: str = "growth"  # docs-relative folder of the generated pages
    config_file: str = "mkdocs.yml"  # how problems about the options name the config file
    site_url: str | None = None  # absolute site URL when configured (feeds need it)
    site_name: str = ""  # the feed's title and author
    use_directory_urls: bool = True
    # docs-relative path of every page -> its site-relative URL (MkDocs' File.url)
    page_urls: Mapping[str, str] = field(default_factory=dict)
    markdown_extensions: frozenset[str] = frozenset()  # e.g. "admonition", "pymdownx.tasklist"
    custom_checkboxes: bool = False  # pymdownx.tasklist's custom_checkbox (the theme draws them)
    # Links in raw HTML (the pictures) as source paths: Zensical reads every relative href
    # of a page, raw HTML included, as a path from the page's Markdown file and rewrites it.
    html_links_from_source: bool = False

    def path(self, name: str) -> str:
        """Docs-relative path of a generated page, e.g. ``path("priorities.md")``."""
        return f"{self.base}/{name}"

    def is_page(self, path: str) -> bool:
        """Whether ``path`` is a published documentation page (so it can be linked)."""
        return path in self.page_urls

    def url_of(self, path: str) -> str:
        """Site-relative URL of a docs-relative path, as MkDocs computes it."""
        known = self.page_urls.get(path)
        if known is not None:
            return known
        return page_url(path, self.use_directory_urls)

    def href(self, from_path: str, to_path: str) -> str:
        """Relative URL from the page at ``from_path`` to ``to_path`` (a page, file or folder).

        For an engine that rewrites links in raw HTML (``html_links_from_source``):
        the relative path between the two source files, which it turns into that URL.
        """
        if self.html_links_from_source:
            return link_to(from_path, to_path)
        return relative_url(self.url_of(from_path), self.url_of(to_path))

    def uses(self, extension: str) -> bool:
        """Whether ``markdown_extensions`` names ``extension`` (Markdown syntax it enables)."""
        return extension in self.markdown_extensions
