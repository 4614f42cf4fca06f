"""What the plugin puts into a document's own page: card headers, broken-page notes.

The site's card header is HTML added to the rendered page (``on_page_content``):
Markdown would spend more time on a header full of tables and escaped text
than on the card's own text, and MkDocs budgets the plugin at a few percent
of a build. Its template is autoescaped and links by final URL
(:meth:`SiteContext.href`). :func:`card_header` is the same header as
Markdown for ``mkdocs-growth generate``. The author's Markdown is never
changed: the header goes above it, after a leading ``<h1>``.
"""

from __future__ import annotations

import posixpath
import re
from functools import cache
from html import escape as html_escape
from urllib.parse import quote, urlsplit, urlunsplit

import jinja2
from markupsafe import Markup

from .frontmatter import Block, split
from .model import Card
from .parse import Entry
from .problems import Problem
from .render import fmt_date, fmt_number, link_to, render
from .store import Store
from .svg import rubric_svg
from .views.common import Links, progress
from .views.context import SiteContext, relative_url

_BACKTICKS = re.compile(r"`{3,}")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LEADING_H1 = re.compile(r"\A\s*<h1[\s>]")


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
        rubric_svg=rubric_chart(card),
        tasklist="pymdownx.tasklist" in ctx.markdown_extensions,
    )


def card_header_html(card: Card, store: Store, ctx: SiteContext, path: str) -> str:
    """The header HTML of the card page at ``path`` (every value escaped, rubric chart included).

    The plugin shows search :func:`search_stand_in` instead and swaps this in
    after indexing: tables, checklist and chart cost search per tag, not per word.
    """
    return (
        _html_env()
        .get_template("card_header.html.j2")
        .render(
            card=card,
            ctx=ctx,
            href=lambda target: ctx.href(path, target),
            artifact_href=lambda url: artifact_href(url, path, ctx),
            prio=store.priorities[card.id],
            progress=progress(card),
            domain=store.config.domain(card.domain),
            rubric_chart=Markup(rubric_chart(card)),
        )
    )


def search_stand_in(card: Card, store: Store) -> str:
    """The header's words as one escaped paragraph, for the search plugin to index.

    Material's search parser costs per HTML tag, and the real header has many
    tags per word; the plugin shows this stand-in to search and swaps in the
    real header afterwards, so search finds the same words for far less.
    """
    prio = store.priorities[card.id]
    s = card.scores
    words = [
        f"Goal: {card.goal}",
        f"Domain {store.config.domain(card.domain).label}",
        f"Horizon {card.horizon}",
        f"Status {card.status}",
        f"Priority {fmt_number(prio.score)} {prio.band}",
        f"Scores impact {s.impact} effort {s.effort} reusability {s.reusability}"
        f" learnings {s.learnings}",
    ]
    words += [f"{m.title}: done when {m.done_when}" for m in card.milestones]
    if card.concepts:
        words.append("Concepts: " + ", ".join(card.concepts))
    if card.tags:
        words.append("Tags: " + ", ".join(card.tags))
    words += [f"{m.name} {m.unit or ''}".rstrip() for m in card.metrics]
    words += [f"{a.kind}: {a.title}" for a in card.artifacts]
    for f in card.feedback:
        words += [t for t in (f.from_, f.went_well, f.didnt, f.try_next) if t]
    text = html_escape(_CONTROL.sub("", " · ".join(words)), quote=False)
    return f'<div class="growth-card-header"><p>{text}</p></div>'


def insert_header(html: str, head: str) -> str:
    """``head`` at the top of a rendered page, below its ``<h1>`` when the page opens with one."""
    if _LEADING_H1.match(html):
        end = html.find("</h1>")
        if end != -1:
            end += len("</h1>")
            return f"{html[:end]}\n{head}{html[end:]}"
    return f"{head}\n{html}"


def artifact_href(url: str, card_path: str, ctx: SiteContext) -> str:
    """An artifact URL for raw HTML: relative paths resolved as MkDocs resolves Markdown links."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
        return url
    target = posixpath.normpath(posixpath.join(posixpath.dirname(card_path), parts.path))
    if target.startswith("../") or target == "..":
        return url  # outside the docs: nothing to resolve against
    if ctx.is_page(target):
        path = ctx.href(card_path, target)
    else:  # a static file or folder keeps its path in the site
        folder = "/" if parts.path.endswith("/") and target != "." else ""
        site_path = "" if target == "." else quote(target, safe="/") + folder
        path = relative_url(ctx.url_of(card_path), site_path)
    return urlunsplit(("", "", path, parts.query, parts.fragment))


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


def rubric_chart(card: Card) -> str:
    """The card's rubric chart (inline SVG), or "" when it has no ratings."""
    return rubric_svg(card)


@cache
def _html_env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("mkdocs_growth", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_no_controls,
    )
    env.filters.update(date=fmt_date, num=fmt_number)
    return env


def _no_controls(value: object) -> object:
    """Drop control characters from document text (HTML and XML have no use for them)."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return _CONTROL.sub("", value)
    return value
