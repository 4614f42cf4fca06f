"""Front matter as a theme may see it: titles and tags that display literally, no ``status``.

Themes (MkDocs', Material, Zensical) print a page's ``title`` and tags as
HTML and Material reads ``status`` for its page-status icons. The plugin
applies this to ``page.meta``; ``generate --site`` to the front matter it
writes for another engine. One rule, two front ends.
"""

from __future__ import annotations

from typing import Any

from .escape import html_text


def literal_title(value: Any) -> str:
    """A document's title as HTML that displays it literally, in any theme or plugin.

    Escaped for themes (they print titles raw); braces as character references,
    so a template plugin (macros renders ``{{ ... }}`` in page titles) finds no
    expression in a document's data. The browser shows both as typed.
    """
    return html_text(value).replace("{", "&#123;").replace("}", "&#125;")


def theme_safe(meta: dict[str, Any]) -> None:
    """A growth document's metadata, in place: literal title and tags, ``status`` hidden."""
    if meta.get("title") is not None:
        meta["title"] = literal_title(meta["title"])
    tags = meta.get("tags")
    if isinstance(tags, list) and all(isinstance(tag, str) for tag in tags):
        meta["tags"] = [html_text(tag) for tag in tags]  # Material's tags plugin prints them raw
    elif tags is not None:
        del meta["tags"]  # reported by the engine; Material's tags plugin would abort the build
    meta.pop("status", None)


def plain_page_safe(meta: dict[str, Any]) -> None:
    """Any other page's metadata, in place: its front-matter title as text, not HTML."""
    if meta.get("title") is not None:
        meta["title"] = html_text(meta["title"])
