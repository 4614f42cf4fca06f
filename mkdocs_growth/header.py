"""What the plugin puts into a document's own page: card headers, broken-page notes.

Both return Markdown built from templates with every document value escaped;
the author's Markdown is passed through byte for byte.
"""

from __future__ import annotations

import re

from .frontmatter import Block, split
from .model import Card
from .parse import Entry
from .problems import Problem
from .render import link_to, render
from .store import Store
from .views.common import Links, progress
from .views.context import SiteContext

_H1 = re.compile(r"\A[ ]{0,3}#[ \t]+[^\n]*(?:\n|\Z)")
_BACKTICKS = re.compile(r"`{3,}")


def card_header(card: Card, store: Store, ctx: SiteContext, path: str) -> str:
    """The header Markdown of the card page at ``path``."""
    return render(
        "card_header.md.j2",
        card=card,
        store=store,
        ctx=ctx,
        links=Links(store, ctx, path),
        prio=store.priorities[card.id],
        progress=progress(card),
        domain=store.config.domain(card.domain),
        rubric_svg=_rubric_svg(card),
        tasklist="pymdownx.tasklist" in ctx.markdown_extensions,
    )


def with_card_header(markdown: str, card: Card, store: Store, ctx: SiteContext, path: str) -> str:
    """Header above the author's Markdown; an opening ``# Title`` line stays on top."""
    head = card_header(card, store, ctx, path)
    match = _H1.match(markdown.lstrip("\n"))
    if match is None:
        return f"{head}\n{markdown}"
    rest = markdown.lstrip("\n")
    title = match.group(0)
    return f"{title.rstrip()}\n\n{head}\n{rest[match.end() :]}"


def broken_page(entry: Entry, problems: list[Problem], ctx: SiteContext, text: str) -> str:
    """A page whose front matter cannot be read: a note, the raw block as code, the body.

    Nothing is injected (the block is shown as a code listing, not parsed) and
    nothing is lost (every character of the file is on the page).
    """
    found = split(text)
    if found.block is Block.NONE:
        raw, body = text, ""
    else:
        body = found.body
        raw = text[: len(text) - len(body)]
    longest = max((len(m) for m in _BACKTICKS.findall(raw)), default=2)
    return render(
        "broken_page.md.j2",
        problems=problems,
        problems_link=link_to(entry.path, ctx.path("problems.md")),
        admonition="admonition" in ctx.markdown_extensions,
        fence="`" * max(3, longest + 1),
        raw=raw.rstrip("\n"),
        body=body,
    )


def _rubric_svg(card: Card) -> str:
    """The rubric chart from ``mkdocs_growth.svg`` when that module exists."""
    try:
        from .svg import rubric_svg  # type: ignore[import-not-found]
    except ModuleNotFoundError as exc:
        if exc.name == f"{__package__}.svg":
            return ""
        raise
    return str(rubric_svg(card))
