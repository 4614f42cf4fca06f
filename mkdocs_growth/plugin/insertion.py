"""Where growth's HTML goes in MkDocs' page, found robustly, and what happens when it is not.

A generated page reaches MkDocs as a Markdown *skeleton*: its front matter
(the escaped title), its headings (so MkDocs' ``toc`` gives them anchors and
the table of contents, exactly as for any page) and, where each run of other
blocks goes, a marker: an HTML comment, ``<!-- growth:insert 3 -->``.
Python-Markdown passes comments through untouched. Right after Markdown
(``on_page_content``, before other plugins see the HTML) the plugin replaces
each marker with the run's HTML (:mod:`..site.to_html`), in a
``<div class="growth-blocks">``. The markers are matched by a pattern that
allows any whitespace and letter case, and they name only an index: nothing a
document contains can look like one, because document text in a heading is
escaped. A card's header (its own ``<div class="growth-card-header">``) goes
right after the page's leading ``<h1>``, or at the top without one (under an
``<h1>`` with the document's title when the page has none).

A marker that cannot be found means another plugin changed the page's
Markdown before growth saw the HTML: the caller says so, naming the page.

**What search reads** (:mod:`.search`): each of growth's ``<div>`` as one
paragraph of the same words (:func:`for_search`). The ``<div>`` are found by
their class and by counting ``div`` tags, which holds after any plugin
re-serializes the HTML (attribute quoting, entities, whitespace).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..site.blocks import Block, Heading, Page
from ..site.pages.card_header import HEADER_CLASS
from ..site.to_markdown import front_matter, heading

MARKER = re.compile(r"<!--\s*growth:insert\s+(\d+)\s*-->", re.IGNORECASE)
BLOCKS_CLASS = "growth-blocks"  # the <div> around each run of a generated page's blocks
# An opening <div> of growth's, whatever else a re-serializing plugin gave it (the card
# header's class comes from the page model).
_WRAPPER = re.compile(
    rf"""<div\b[^>]*?\bclass\s*=\s*["']?[^"'>]*?\b(?:{BLOCKS_CLASS}|{HEADER_CLASS})\b[^>]*>""",
    re.IGNORECASE,
)
_DIV = re.compile(r"<(/?)div\b[^>]*>", re.IGNORECASE)
_TAG_SPACE = re.compile(r"<[^>]*>\s*")  # a tag and the whitespace after it: one space
_LEADING_H1 = re.compile(r"\A\s*<h1[\s>]", re.IGNORECASE)
_ANY_H1 = re.compile(r"<h1[\s>]", re.IGNORECASE)
_H1_END = re.compile(r"</h1\s*>", re.IGNORECASE)


@dataclass(frozen=True)
class Skeleton:
    """A generated page for MkDocs: Markdown with markers, and the blocks each marker stands for."""

    markdown: str
    runs: tuple[Sequence[Block], ...]
    page: Page


def skeleton(page: Page) -> Skeleton:
    """The page as Markdown headings around markers (one marker per run of other blocks)."""
    parts = [front_matter(page.title), heading(1, page.title)]
    runs: list[list[Block]] = []
    current: list[Block] | None = None
    for block in page.blocks:
        if isinstance(block, Heading):
            parts.append(heading(block.level, block.text))
            current = None
            continue
        if current is None:
            current = []
            runs.append(current)
            parts.append(f"<!-- growth:insert {len(runs) - 1} -->\n\n")
        current.append(block)
    return Skeleton("".join(parts), tuple(runs), page)


def fill_markers(html: str, runs: int, render: Callable[[int], str]) -> tuple[str, list[int]]:
    """Each marker replaced by its run's HTML; returns the HTML and the runs left unplaced."""
    placed: set[int] = set()

    def put(found: re.Match[str]) -> str:
        index = int(found.group(1))
        if index >= runs or index in placed:
            return ""  # not ours to fill (or already filled): never left in the page
        placed.add(index)
        return f'<div class="{BLOCKS_CLASS}">\n{render(index)}</div>'

    filled = MARKER.sub(put, html)
    return filled, [n for n in range(runs) if n not in placed]


def without_markers(markdown: str) -> str:
    """A skeleton's Markdown without its markers (what is left: the title and headings)."""
    return MARKER.sub("", markdown)


def under_title(html: str, insert: str, title: str | None = None) -> str:
    """``insert`` below the page's leading ``<h1>``; without one, at the top.

    ``title`` (HTML): a page with no ``<h1>`` anywhere gets one with it, above ``insert``.
    """
    if _LEADING_H1.match(html):
        end = _H1_END.search(html)
        if end is not None:
            return f"{html[: end.end()]}\n{insert}{html[end.end() :]}"
    if title is not None and not _ANY_H1.search(html):
        return f"<h1>{title}</h1>\n{insert}\n{html}"
    return f"{insert}\n{html}"


def words(html: str) -> str:
    """The text of an HTML fragment as one paragraph (still HTML-escaped); charts left out."""
    start = html.find("<svg")
    while start != -1:
        end = html.find("</svg>", start)
        if end == -1:
            break
        html = html[:start] + html[end + len("</svg>") :]
        start = html.find("<svg", start)
    return f"<p>{_TAG_SPACE.sub(' ', html).strip()}</p>"


def _spans(content: str) -> list[tuple[int, int]]:
    """(inner start, inner end) of each of growth's ``<div>``, in page order."""
    spans = []
    at = 0
    while (opening := _WRAPPER.search(content, at)) is not None:
        depth = 1
        for tag in _DIV.finditer(content, opening.end()):
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                spans.append((opening.end(), tag.start()))
                at = tag.end()
                break
        else:
            break  # never closed: leave the rest as it is
    return spans


def for_search(content: str) -> str | None:
    """The page as search should read it, or None when growth put nothing in it."""
    spans = _spans(content)
    if not spans:
        return None
    searched: list[str] = []
    at = 0
    for start, end in spans:
        searched += (content[at:start], words(content[start:end]))
        at = end
    searched.append(content[at:])
    return "".join(searched)
