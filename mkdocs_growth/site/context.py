"""What a page builder may know about the site besides the store.

Plain data only (no MkDocs objects), so the same builders serve the plugin,
``mkdocs-growth generate`` and the tests.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Mapping
from dataclasses import dataclass, field

from .render import posix_relpath


@dataclass(frozen=True)
class SiteContext:
    """Per-build facts about the site the pages are generated for."""

    today: dt.date  # "now" for horizons, reviews and check-ins (config `today` or the build date)
    base: str = "growth"  # docs-relative folder of the generated pages
    config_file: str = "mkdocs.yml"  # how problems about the options name the config file
    site_url: str | None = None  # absolute site URL when configured (feeds need it)
    site_name: str = ""  # the feed's title and author
    use_directory_urls: bool = True
    # docs-relative path of every documentation page -> its site-relative URL (MkDocs' File.url)
    page_urls: Mapping[str, str] = field(default_factory=dict)
    markdown_extensions: frozenset[str] = frozenset()  # e.g. "admonition", "pymdownx.tasklist"

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
        """Relative URL from the page at ``from_path`` to ``to_path``, for raw HTML.

        Markdown links (``.md``) are resolved by MkDocs; HTML the plugin adds
        after Markdown is not, so it links by final URL like MkDocs would.
        """
        return relative_url(self.url_of(from_path), self.url_of(to_path))

    def absolute_url(self, path: str) -> str | None:
        """Absolute URL of a page or file, or None without ``site_url``."""
        if not self.site_url:
            return None
        return self.site_url.rstrip("/") + "/" + self.url_of(path)


def page_url(path: str, use_directory_urls: bool) -> str:
    """MkDocs' URL rule for a docs-relative path (``index.md``/``README.md`` name a folder)."""
    stem, ext = posixpath.splitext(path)
    if ext not in (".md", ".markdown"):
        return path
    folder, name = posixpath.split(stem)
    if name in ("index", "README"):
        return f"{folder}/" if folder else "./"
    if use_directory_urls:
        return f"{stem}/"
    return f"{stem}.html"


def relative_url(here: str, target: str) -> str:
    """``target`` (site-relative URL) as seen from the page whose URL is ``here``."""
    here = "" if here in ("./", ".") else here
    target = "" if target in ("./", ".") else target
    here_dir = here[: here.rfind("/") + 1]
    rel = posix_relpath(target.rstrip("/") or ".", here_dir.rstrip("/") or ".")
    if target.endswith("/") or not target:
        rel = "./" if rel == "." else f"{rel}/"
    return rel
