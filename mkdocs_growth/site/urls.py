"""The URL rule of the site, in one place.

Pages are named by their docs-relative source path (``cards/trace.md``,
``growth/priorities.md``). Two ways to link one page to another:

- in Markdown, a relative link to the ``.md`` source (:func:`link_to`):
  MkDocs (and other generators) turn it into the right URL for either value
  of ``use_directory_urls``, and check it;
- in HTML, which nothing rewrites after growth puts it in the page, the
  final URL relative to the page's own (:func:`relative_url` over
  :func:`page_url`, or MkDocs' own ``File.url`` when the plugin knows it).

:func:`resolve` turns a URL an author wrote in a document (an artifact link)
into the docs-relative target both renderers link to.
"""

from __future__ import annotations

import functools
import posixpath
from dataclasses import dataclass
from urllib.parse import quote, urljoin, urlsplit

# The URL rule is MkDocs' (import-linter allows this one import into site: pyproject.toml)
from mkdocs.structure.files import File


def id_page(folder: str, page_id: str) -> str:
    """The page of ``page_id`` in ``folder`` (``domains``, ``cards``...): ``<folder>/<id>.md``.

    The id ``index`` is the one that would land on the folder's own index page
    (``domains/index.md``, the list of all domains), so it gets the folder of
    its name instead: ``domains/index/index.md``, the URL ``domains/index/``
    that id would have anyway. No other id can reach that path (ids have no ``/``).
    """
    return f"{folder}/index/index.md" if page_id == "index" else f"{folder}/{page_id}.md"


@functools.lru_cache(maxsize=1 << 16)  # MkDocs' File costs ~30 µs; pages are linked many times
def page_url(path: str, use_directory_urls: bool) -> str:
    """MkDocs' URL rule (``File.url``) for a docs-relative path: MkDocs' own code, not a copy.

    Which files are pages (every Markdown extension MkDocs builds), what
    ``index``/``README`` mean in either URL style and how the URL is quoted are
    MkDocs' decisions; a folder (ending with ``/``) keeps its path.
    """
    if path.endswith("/"):
        return quote(path)
    return File(path, src_dir=None, dest_dir="", use_directory_urls=use_directory_urls).url


def relative_url(here: str, target: str) -> str:
    """``target`` (site-relative URL) as seen from the page whose URL is ``here``."""
    here = "" if here in ("./", ".") else here
    target = "" if target in ("./", ".") else target
    here_dir = here[: here.rfind("/") + 1]
    rel = posix_relpath(target.rstrip("/") or ".", here_dir.rstrip("/") or ".")
    if target.endswith("/") or not target:
        rel = "./" if rel == "." else f"{rel}/"
    return rel


def link_to(from_page: str, to_path: str) -> str:
    """Relative Markdown link target between two docs-relative paths (quoted)."""
    rel = posix_relpath(to_path, posixpath.dirname(from_page) or ".")
    return quote(rel, safe="/-._~")


def posix_relpath(path: str, start: str = ".") -> str:
    """``posixpath.relpath`` for docs-relative paths, minus its two ``getcwd`` calls.

    Generated pages link thousands of documents per build; ``relpath`` makes
    both paths absolute first. Empty, absolute or ``..`` paths take that road.
    """
    to = [part for part in path.split("/") if part and part != "."]
    base = [part for part in start.split("/") if part and part != "."]
    if not path or path[0] == "/" or start[:1] == "/" or ".." in to or ".." in base:
        return posixpath.relpath(path, start)
    common = 0
    for mine, theirs in zip(to, base, strict=False):
        if mine != theirs:
            break
        common += 1
    return "/".join([".."] * (len(base) - common) + to[common:]) or "."


def absolute(site_url: str, url: str) -> str:
    """``site_url`` (with or without a trailing slash) joined with a site-relative URL."""
    return urljoin(site_url.rstrip("/") + "/", url.lstrip("/"))


@dataclass(frozen=True, slots=True)
class Target:
    """Where a link in a document points, in docs-relative terms.

    ``path`` is a docs-relative file or folder (a folder ends with ``/``);
    ``query`` and ``fragment`` come without their ``?``/``#``.
    """

    path: str
    query: str = ""
    fragment: str = ""


def resolve(url: str, from_path: str) -> Target | None:
    """A relative URL written in the document at ``from_path``, as a docs-relative target.

    None for what stays as written: a URL with a scheme or host, an absolute
    path, or a path that leaves the docs.
    """
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or parts.path.startswith("/"):
        return None
    if not parts.path:  # "#anchor" or "?q" alone: the document itself
        return Target(from_path, parts.query, parts.fragment)
    target = posixpath.normpath(posixpath.join(posixpath.dirname(from_path), parts.path))
    if target == ".." or target.startswith("../"):
        return None
    if target == ".":
        target = ""
    folder = parts.path.endswith("/") and target != ""
    return Target(target + ("/" if folder else ""), parts.query, parts.fragment)
