"""Listing blocks of generated pages turned into HTML without Python-Markdown.

The big generated pages (priorities, feeds, domains, horizons, reviews,
feedback, problems) are mostly one table or list with a row per document.
Through Python-Markdown they cost about 3 s of a 5,000-card build, because
every cell runs every inline pattern. Their Markdown is a small dialect that
the templates control: one table or one list, links to pages, code spans
holding ids, and document text that :func:`~mkdocs_growth.render.md_text`
has already turned into character references wherever Markdown or an
extension could act on it. This module turns exactly that dialect into the
HTML Python-Markdown makes of it; the tests compare the two byte for byte.
Anything outside the dialect returns ``None``, and that block goes through
Markdown as before, so the shortcut can only be skipped, never be wrong.

The shortcut is taken only when every configured Markdown extension is one
known to leave this dialect alone (:func:`fast_path_allowed`): ``smarty``,
``pymdownx.smartsymbols`` or ``pymdownx.magiclink`` would change plain text
in a table cell, so with them the listings stay Markdown.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

# Extensions that cannot change the HTML of a listing block: block-level syntax
# our blocks never start, or inline syntax whose every trigger character the
# dialect excludes (see _UNSAFE_TEXT). Names as written in mkdocs.yml.
_SAFE_EXTENSIONS = frozenset(
    {
        "abbr",  # needs `*[ABBR]:` definitions on the page: generated pages have none
        "admonition",
        "attr_list",
        "codehilite",
        "def_list",
        "extra",
        "fenced_code",
        "footnotes",
        "legacy_attrs",
        "legacy_em",
        "md_in_html",
        "meta",
        "sane_lists",
        "tables",
        "toc",
        "pymdownx.arithmatex",
        "pymdownx.b64",
        "pymdownx.betterem",
        "pymdownx.blocks.admonition",
        "pymdownx.blocks.caption",
        "pymdownx.blocks.details",
        "pymdownx.blocks.html",
        "pymdownx.blocks.tab",
        "pymdownx.caret",
        "pymdownx.critic",
        "pymdownx.details",
        "pymdownx.emoji",
        "pymdownx.extra",
        "pymdownx.highlight",
        "pymdownx.inlinehilite",
        "pymdownx.keys",
        "pymdownx.mark",
        "pymdownx.progressbar",
        "pymdownx.saneheaders",
        "pymdownx.superfences",
        "pymdownx.tabbed",
        "pymdownx.tasklist",
        "pymdownx.tilde",
    }
)
_PREFIX = "markdown.extensions."

# Plain text of the dialect: no Markdown or extension trigger (escape, code,
# emphasis, links, images, raw HTML, keys, mark, caret, tilde, math, critic,
# attr_list, a table pipe), no `&` that is not a character reference, and no
# `:word:` emoji shortcode. (`#` only matters at the start of a line: _BLOCK_START.)
_UNSAFE_TEXT = re.compile(
    r"[\\`*_\[\]<>!~^=+$@{}|\n\t]"
    r"|&(?!#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)"
    r"|:[\w+-]+:"
)
_INLINE = re.compile(r"\[([^\[\]]*)\]\(([^()\s]*)\)|`([^`]*)`")
_CODE = re.compile(r"[A-Za-z0-9 ._:/-]*")  # ids and slugs: nothing to escape
_TABLE_RULE = re.compile(r"\|(?:-+\|)+")
# A list item's text must not open a block of its own (heading, quote, list, ...).
_BLOCK_START = re.compile(r"[-+*>#:=]|\d+[.)]\s|\s")
_UNSAFE_HREF = re.compile(r"[\s&<>\"'`]")

Href = Callable[[str], "str | None"]


def fast_path_allowed(extensions: Iterable[object]) -> bool:
    """Whether listing blocks may skip Markdown with these ``markdown_extensions``.

    Only extensions named by a string on the allow-list qualify; an extension
    given as an object or unknown to this module keeps every listing in Markdown.
    """
    for ext in extensions:
        if not isinstance(ext, str):
            return False
        name = ext[len(_PREFIX) :] if ext.startswith(_PREFIX) else ext
        if name not in _SAFE_EXTENSIONS:
            return False
    return True


@dataclass(frozen=True)
class ListingHtml:
    """A listing block as HTML, and its words as one paragraph for the search index."""

    html: str
    text: str


class _Outside(Exception):
    """The block leaves the dialect: Markdown must render it."""


def convert(block: str, href: Href) -> ListingHtml | None:
    """``block`` (one table or one list) as Python-Markdown would render it, or None.

    ``href`` maps a link target as written in the block to the final URL,
    or returns None when it cannot (the block then stays Markdown).
    """
    if block.startswith(CHART_START):
        return _chart(block)
    lines = block.split("\n")
    while lines and not lines[-1]:
        lines.pop()
    if not lines or any(line != line.strip() for line in lines):
        return None
    text: list[str] = []
    try:
        if all(line.startswith("|") for line in lines):
            html = _table(lines, href, text)
        else:
            html = _list(lines, href, text)
    except _Outside:
        return None
    return ListingHtml(html, " ".join(piece for piece in text if piece))


CHART_START = '<div class="growth-chart '  # a picture of site/svg: raw HTML growth made
_TAG = re.compile(r"<[^>]*>")


def _chart(block: str) -> ListingHtml | None:
    """A growth picture is one raw HTML block, which Python-Markdown passes through as is.

    Skipping Markdown saves its HTML scan of every tag (about 3 µs a byte), and
    search indexes the picture's words (title, description, table) as one
    paragraph instead of parsing every mark.
    """
    html = block.rstrip("\n")
    if "\n\n" in html or not html.endswith("\n</div>"):
        return None
    # Python-Markdown ends a raw HTML block with a blank line
    return ListingHtml(html + "\n", " ".join(_TAG.sub(" ", html).split()))


def _table(lines: list[str], href: Href, text: list[str]) -> str:
    if len(lines) < 2 or not _TABLE_RULE.fullmatch(lines[1]):
        raise _Outside
    head = _cells(lines[0])
    if lines[1].count("|") - 1 != len(head):
        raise _Outside
    out = ["<table>\n<thead>\n<tr>\n"]
    out += [f"<th>{_inline(cell, href, text)}</th>\n" for cell in head]
    out.append("</tr>\n</thead>\n<tbody>\n")
    for line in lines[2:]:
        cells = _cells(line)
        if len(cells) != len(head):
            raise _Outside
        out.append("<tr>\n")
        out += [f"<td>{_inline(cell, href, text)}</td>\n" for cell in cells]
        out.append("</tr>\n")
    out.append("</tbody>\n</table>")
    return "".join(out)


def _cells(line: str) -> list[str]:
    if len(line) < 2 or not line.endswith("|"):
        raise _Outside
    return [cell.strip() for cell in line[1:-1].split("|")]


def _list(lines: list[str], href: Href, text: list[str]) -> str:
    """A tight list (no blank lines), or a loose one (one blank line after every item)."""
    if len(lines) > 1 and not lines[1]:
        items, loose = lines[::2], True
        if any(lines[1::2]):
            raise _Outside
    else:
        items, loose = lines, False
    out = ["<ul>\n"]
    for item in items:
        if not item.startswith("- "):
            raise _Outside
        content = item[2:]
        if not content or _BLOCK_START.match(content):
            raise _Outside
        inline = _inline(content, href, text)
        out.append(f"<li>\n<p>{inline}</p>\n</li>\n" if loose else f"<li>{inline}</li>\n")
    out.append("</ul>")
    return "".join(out)


def _inline(source: str, href: Href, text: list[str]) -> str:
    """Text, ``[text](target)`` links and `` `code` `` spans; anything else is outside."""
    out: list[str] = []
    at = 0
    for found in _INLINE.finditer(source):
        out.append(_plain(source[at : found.start()], text))
        label, target, code = found.groups()
        if code is not None:
            if not _CODE.fullmatch(code) or code != code.strip() or not code:
                raise _Outside
            out.append(f"<code>{code}</code>")
            text.append(code)
        else:
            url = href(target)
            if url is None or _UNSAFE_HREF.search(url):
                raise _Outside
            out.append(f'<a href="{url}">{_plain(label, text)}</a>')
        at = found.end()
    out.append(_plain(source[at:], text))
    return "".join(out)


def _plain(piece: str, text: list[str]) -> str:
    if _UNSAFE_TEXT.search(piece):
        raise _Outside
    text.append(piece.strip())
    return piece
