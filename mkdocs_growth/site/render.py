"""Rendering helpers shared by every generated page: templates, escaping, links.

Generated pages are Markdown (so the theme styles them, search indexes them,
and ``mkdocs-growth generate`` output works in any generator). Text that
comes from documents is never trusted: :func:`md_text` turns every character
Markdown, HTML or a Markdown extension could act on into a numeric entity, so
a title like ``<script>`` or ``[x](javascript:...)`` or ``{: onclick=...}``
shows literally and a ``|`` cannot break a table.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from html import escape as html_escape
from typing import Any
from urllib.parse import quote

import jinja2

# Characters with a meaning in Markdown, HTML, attr_list, tables or pymdownx
# (emoji, mark, caret, tilde, keys, critic, arithmatex).
_SPECIAL = set("\\`*_{}[]()<>#+!|~^=:&\"'$%@")
_TABLE = str.maketrans({ch: f"&#{ord(ch)};" for ch in _SPECIAL})
_CONTROL = {i: None for i in range(32) if i not in (9, 10, 13)} | {0x7F: None}


def md_text(value: Any) -> str:
    """Document text -> inline Markdown that displays literally (one line)."""
    if value is None:
        return ""
    text = str(value).translate(_CONTROL)
    text = " ".join(text.split())  # newlines would end a table row or list item
    return text.translate(_TABLE)


def html_text(value: Any) -> str:
    """Document text -> HTML text: escaped, control characters dropped (headers, SVG, titles)."""
    if value is None:
        return ""
    text = value if type(value) is str else str(value)
    if not text.isprintable():  # most values are: they skip the translate (card headers, hot)
        text = text.translate(_CONTROL)
    return html_escape(text, quote=True)


def md_url(url: str) -> str:
    """A validated URL (http/https/mailto/relative) made safe inside ``[](...)``."""
    # `&` as `&amp;`: Markdown keeps references in a destination and the browser decodes them.
    return quote(url.strip(), safe=":/?#@!$&'*+,;=%-._~").replace("&", "&amp;")


def link_to(from_page: str, to_path: str) -> str:
    """Relative Markdown link target between two docs-relative ``.md`` paths.

    MkDocs rewrites ``.md`` links to the right URL for either value of
    ``use_directory_urls``; other generators do the same.
    """
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


def fmt_date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def fmt_number(value: float | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    try:
        return f"{value:g}"
    except OverflowError:  # an int beyond a float's range (the model refuses them): still shown
        return f"{Decimal(value):.6g}"


@dataclass(frozen=True)
class GeneratedPage:
    """A page the plugin adds to the site (and ``generate`` writes to disk).

    ``markdown`` is the whole page. Pages with listing blocks (tables and
    lists with a row per document, marked ``{% call listing() %}`` in the
    templates) also carry ``skeleton``, the page with each block replaced by
    a placeholder paragraph, and ``listings``: (placeholder, block Markdown).
    The plugin renders those blocks without Markdown (:mod:`.listing_html`).
    """

    path: str  # docs-relative POSIX path, e.g. "growth/priorities.md"
    markdown: str
    skeleton: str = ""
    listings: tuple[tuple[str, str], ...] = ()


# Placeholders name a listing block in a page's skeleton. The nonce keeps
# them from matching any text a document could contain.
_NONCE = secrets.token_hex(8)


class Listings:
    """``{% call listing() %}`` for one page: records each block, leaves a placeholder."""

    def __init__(self) -> None:
        self.blocks: list[tuple[str, str]] = []

    def __call__(self, caller: Callable[[], str]) -> str:
        token = f"growthlisting{_NONCE}n{len(self.blocks)}"
        self.blocks.append((token, caller()))
        return placeholder(token)


def placeholder(token: str) -> str:
    """The paragraph a listing block leaves in the skeleton (blank lines keep it a paragraph)."""
    return f"\n{token}\n\n"


def _whole_block(caller: Callable[[], str]) -> str:
    return caller()  # outside a page (or in `generate`): the block stays Markdown


def render_page(template: str, path: str, **context: Any) -> GeneratedPage:
    """Render ``template`` as the page at ``path``, listing blocks recorded."""
    listings = Listings()
    skeleton = render(template, listing=listings, **context)
    markdown = skeleton
    for token, block in listings.blocks:
        markdown = markdown.replace(placeholder(token), block, 1)
    return GeneratedPage(path, markdown, skeleton, tuple(listings.blocks))


@cache
def environment() -> jinja2.Environment:
    """One compiled template environment per process (templates compile once)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("mkdocs_growth.site", "templates"),
        autoescape=False,  # output is Markdown: escaping is explicit via |t
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # package templates: no stat() per render
    )
    env.filters.update(t=md_text, h=html_text, url=md_url, date=fmt_date, num=fmt_number)
    env.globals["listing"] = _whole_block
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)
