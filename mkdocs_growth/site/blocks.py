"""The vocabulary of generated pages: what a page shows, not how it is written.

A page builder (:mod:`.pages`) describes its page as a :class:`Page`: a title
and a list of blocks (headings, paragraphs, tables, lists, notices) whose
text is made of inline pieces (plain text, links, code, strong text). Two
renderers write the same model: :mod:`.to_html` for the plugin, which puts
HTML into MkDocs' page, and :mod:`.to_markdown` for ``mkdocs-growth
generate``. Text in a model is always plain text, never markup: each renderer
escapes every piece of it, so no document can inject anything. The one
exception is :class:`Markup`, HTML growth itself made (the SVG charts).

Links name their target by docs-relative path (``cards/trace.md``), never by
URL: the HTML renderer links by final URL, the Markdown renderer by a
relative ``.md`` link MkDocs resolves (see :mod:`.urls`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TypeAlias


@dataclass(frozen=True, slots=True)
class Link:
    """Text linking to a docs-relative ``path`` (a page, a file, or a folder ending in ``/``).

    ``path=""`` is the page the link is on (with a ``fragment``, an anchor on it).
    """

    text: str
    path: str
    fragment: str = ""
    query: str = ""


@dataclass(frozen=True, slots=True)
class Url:
    """Text linking to a URL kept as written (validated: http, https, mailto, absolute path)."""

    text: str
    url: str


@dataclass(frozen=True, slots=True)
class Code:
    text: str


@dataclass(frozen=True, slots=True)
class Strong:
    text: str


@dataclass(frozen=True, slots=True)
class Em:
    text: str


# Inline content: a string, one piece, or a sequence of pieces read in order.
Inline: TypeAlias = str | Link | Url | Code | Strong | Em | Sequence["Inline"]


@dataclass(frozen=True, slots=True)
class Heading:
    """A section heading (level 2 to 6: the page title is the only level 1)."""

    level: int
    text: str


@dataclass(frozen=True, slots=True)
class Para:
    content: Inline


@dataclass(frozen=True, slots=True)
class Table:
    head: Sequence[str]
    rows: Sequence[Sequence[Inline]]


@dataclass(frozen=True, slots=True)
class Bullets:
    items: Sequence[Inline]


@dataclass(frozen=True, slots=True)
class Tasks:
    """A checklist: (done, text) per item.

    Checkboxes where the site renders task lists (``pymdownx.tasklist``),
    else the :data:`BOX` characters.
    """

    items: Sequence[tuple[bool, Inline]]


BOX = {True: "☑", False: "☐"}


@dataclass(frozen=True, slots=True)
class Facts:
    """Labelled values (a card's domain, horizon, status...): a grid of label and value in
    HTML, a list of ``**label:** value`` lines in Markdown."""

    items: Sequence[tuple[str, Inline]]


@dataclass(frozen=True, slots=True)
class Notice:
    """A call-out (an admonition where the site has them, a quote elsewhere)."""

    kind: str  # "warning", "note", ...
    title: str
    content: Sequence[Block]


@dataclass(frozen=True, slots=True)
class Quote:
    """Text quoted from elsewhere (a framework's own words)."""

    content: Sequence[Block]


@dataclass(frozen=True, slots=True)
class CodeBlock:
    text: str
    language: str = ""


@dataclass(frozen=True, slots=True)
class Markup:
    """HTML growth made itself (an SVG chart): both renderers write it as it is."""

    html: str


@dataclass(frozen=True, slots=True)
class Rule:
    pass


@dataclass(frozen=True, slots=True)
class Group:
    """Blocks that belong together: a ``<div class=...>`` in HTML, just the blocks in Markdown."""

    css_class: str
    content: Sequence[Block]


Block: TypeAlias = (
    Heading
    | Para
    | Table
    | Bullets
    | Tasks
    | Facts
    | Notice
    | Quote
    | CodeBlock
    | Markup
    | Rule
    | Group
)


@dataclass
class Page:
    """A generated page: where it goes, its title (the ``<h1>``) and what follows."""

    path: str  # docs-relative, e.g. "growth/priorities.md"
    title: str  # plain text
    blocks: list[Block] = field(default_factory=list)


@dataclass(frozen=True)
class GeneratedFile:
    """A generated file that is not a page model: growth.json, the schema, the feed, ...

    Also what ``generate`` writes for every page: the page as Markdown.
    """

    path: str  # docs-relative POSIX path
    text: str


def join(pieces: Sequence[Inline], separator: str = ", ") -> list[Inline]:
    """``pieces`` with ``separator`` between them (inline content)."""
    out: list[Inline] = []
    for n, piece in enumerate(pieces):
        if n:
            out.append(separator)
        out.append(piece)
    return out


def prose(text: str) -> list[Inline]:
    """Growth's own sentences with ```code``` spans: ``"Run `x` now"`` -> text, Code, text.

    Only for text written in this package: document text is never read as syntax.
    """
    out: list[Inline] = []
    for n, piece in enumerate(text.split("`")):
        if piece:
            out.append(Code(piece) if n % 2 else piece)
    return out
