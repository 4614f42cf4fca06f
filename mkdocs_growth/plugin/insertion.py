"""Where growth's HTML goes in MkDocs' page, found robustly, and what happens when it is not.

A generated page reaches MkDocs as a Markdown *skeleton*: its front matter
(the escaped title), its headings (so MkDocs' ``toc`` gives them anchors and
the table of contents, exactly as for any page) and, where each run of other
blocks goes, a marker: an HTML comment, ``<!-- growth:insert 3 -->``.
Python-Markdown passes comments through untouched. Right after Markdown
(``on_page_content``, before other plugins see the HTML) the plugin replaces
each marker with the run's HTML (:mod:`..site.to_html`). The markers are
matched by a pattern that allows any whitespace and letter case, and they
name only an index: nothing a document contains can look like one, because
document text in a heading is escaped.

A card's header goes right after the page's leading ``<h1>`` (or at the top
when the page does not open with one).

A marker that cannot be found means another plugin changed the page's
Markdown before growth saw the HTML: the caller says so, naming the page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..site.blocks import Block, Heading, Page
from ..site.to_markdown import front_matter, heading

MARKER = re.compile(r"<!--\s*growth:insert\s+(\d+)\s*-->", re.IGNORECASE)
_OPEN, _CLOSE = "<!-- growth:region -->", "<!-- /growth:region -->"
REGION = re.compile(r"<!--\s*growth:region\s*-->(.*?)<!--\s*/growth:region\s*-->", re.S | re.I)
_TAG_SPACE = re.compile(r"<[^>]*>\s*")  # a tag and the whitespace after it: one space
_LEADING_H1 = re.compile(r"\A\s*<h1[\s>]", re.IGNORECASE)
_H1_END = re.compile(r"</h1\s*>", re.IGNORECASE)


@dataclass(frozen=True)
class Skeleton:
    """A generated page for MkDocs: Markdown with markers, and the blocks each marker stands for."""

    markdown: str
    runs: tuple[Sequence[Block], ...]


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
    return Skeleton("".join(parts), tuple(runs))


def fill_markers(html: str, runs: int, render: Callable[[int], str]) -> tuple[str, list[int]]:
    """Each marker replaced by ``region(render(index))``; returns the HTML and the runs unplaced."""
    placed: set[int] = set()

    def put(found: re.Match[str]) -> str:
        index = int(found.group(1))
        if index >= runs or index in placed:
            return ""  # not ours to fill (or already filled): never left in the page
        placed.add(index)
        return region(render(index))

    filled = MARKER.sub(put, html)
    return filled, [n for n in range(runs) if n not in placed]


def after_leading_h1(html: str, insert: str) -> str:
    """``insert`` (as a region) below the page's leading ``<h1>``, or at the top without one."""
    insert = region(insert)
    if _LEADING_H1.match(html):
        end = _H1_END.search(html)
        if end is not None:
            return f"{html[: end.end()]}\n{insert}{html[end.end() :]}"
    return f"{insert}\n{html}"


def region(html: str) -> str:
    """``html`` marked as growth's, so search can be shown its words instead (see above)."""
    return f"{_OPEN}{html}{_CLOSE}"


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


@dataclass(frozen=True)
class SearchView:
    """A page's content for search (regions as words) and as published (regions as they are)."""

    searched: str
    published: str
    regions: tuple[str, ...]  # each region's HTML as published, in page order


def _spans(content: str) -> list[tuple[int, int, int, int]]:
    """(start, inner start, inner end, end) of each region, in order.

    Growth wrote the comments itself and plugins that re-serialize HTML keep
    comments as they are, so they are found as written; a page whose comments
    were reformatted is searched with the tolerant pattern instead.
    """
    spans = []
    at = 0
    while (start := content.find(_OPEN, at)) != -1:
        end = content.find(_CLOSE, start)
        if end == -1:
            break
        spans.append((start, start + len(_OPEN), end, end + len(_CLOSE)))
        at = end + len(_CLOSE)
    if content.count("growth:region") != 2 * len(spans):
        spans = [(m.start(), m.start(1), m.end(1), m.end()) for m in REGION.finditer(content)]
    return spans


def for_search(content: str) -> SearchView | None:
    """The two views of ``content``, or None when it holds no region (nothing to do)."""
    spans = _spans(content)
    if not spans:
        return None
    published: list[str] = []
    searched: list[str] = []
    regions: list[str] = []
    at = 0
    for start, inner, inner_end, end in spans:
        before, inside = content[at:start], content[inner:inner_end]
        published += (before, inside)
        searched += (before, region(words(inside)))
        regions.append(inside)
        at = end
    published.append(content[at:])
    searched.append(content[at:])
    return SearchView("".join(searched), "".join(published), tuple(regions))


def restore_regions(content: str, view: SearchView) -> tuple[str, int]:
    """``content`` (search's view, changed by another plugin) with each region put back.

    Returns the content and how many regions could not be found.
    """
    pieces = iter(view.regions)
    found = 0

    def put(match: re.Match[str]) -> str:
        nonlocal found
        found += 1
        return next(pieces, "")

    restored = REGION.sub(put, content)
    return restored, max(len(view.regions) - found, 0)
