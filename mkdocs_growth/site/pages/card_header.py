"""What the plugin puts into a document's own page: card headers, broken-page notes.

The site's card header is HTML added to the rendered page (``on_page_content``):
Markdown would spend more time on a header full of tables and escaped text
than on the card's own text, and MkDocs budgets the plugin at a few percent
of a build. It escapes every value and links by final URL
(:meth:`SiteContext.href`). :func:`card_header` is the same header as
Markdown for ``mkdocs-growth generate``. The author's Markdown is never
changed: the header goes above it, after a leading ``<h1>``.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import quote, urlsplit, urlunsplit

from ...core.frontmatter import Block, split
from ...core.model import Card, Metric
from ...core.parse import Entry
from ...core.problems import Problem
from ...core.store import Store
from ...practice.milestones import progress
from ...practice.priority import priorities
from ..charts import rubric_svg
from ..context import SiteContext, relative_url
from ..render import fmt_date, fmt_number, html_text, link_to, render
from .common import Links

_BACKTICKS = re.compile(r"`{3,}")
_LEADING_H1 = re.compile(r"\A\s*<h1[\s>]")


def card_header(card: Card, store: Store, ctx: SiteContext, path: str) -> str:
    """The header Markdown of the card page at ``path``."""
    return render(
        "card_header.md.j2",
        card=card,
        store=store,
        ctx=ctx,
        links=Links(store, ctx, path),
        prio=priorities(store)[card.id],
        progress=progress(card),
        domain=store.config.domain(card.domain),
        rubric_svg=rubric_chart(card),
        tasklist="pymdownx.tasklist" in ctx.markdown_extensions,
    )


def card_header_html(card: Card, store: Store, ctx: SiteContext, path: str) -> str:
    """The header HTML of the card page at ``path`` (every value escaped, rubric chart included).

    Built in Python rather than a template: it runs once per card page, and
    Jinja's per-value lookups and escaping cost about 0.2 ms a card (a second
    on 5,000 cards), this about half of that. Same content as ``card_header.md.j2``.
    The plugin shows search :func:`search_stand_in` instead and swaps this in
    after indexing: tables, checklist and chart cost search per tag, not per word.
    """
    prio = priorities(store)[card.id]
    done = progress(card)
    s = card.scores
    out = [
        '<div class="growth-card-header">\n',
        f"<p><strong>Goal:</strong> {html_text(card.goal)}</p>\n",
        "<p><strong>Domain</strong>"
        f' <a href="{html_text(ctx.href(path, ctx.path(f"domains/{card.domain}.md")))}">'
        f"{html_text(store.config.domain(card.domain).label)}</a>"
        " · <strong>Horizon</strong>"
        f' <a href="{html_text(ctx.href(path, ctx.path(f"horizons/{card.horizon}.md")))}">'
        f"{html_text(card.horizon)}</a>"
        f" · <strong>Status</strong> {html_text(card.status)}"
        f" · <strong>Priority</strong> {html_text(fmt_number(prio.score))} {html_text(prio.band)}"
        f' (<a href="{html_text(ctx.href(path, ctx.path("priorities.md")))}">table</a>)'
        f" · <strong>Milestones</strong> {done} done<br>\n"
        f"<strong>Scores</strong> impact {s.impact} · effort {s.effort}"
        f" · reusability {s.reusability} · learnings {s.learnings}</p>\n",
    ]
    if card.milestones:
        out.append(f'<p><strong>Milestones</strong> ({done} done)</p>\n<ul class="task-list">\n')
        for m in card.milestones:
            checked = " checked" if m.status == "done" else ""
            state = f" ({m.status})" if m.status in ("active", "dropped") else ""
            due = f" (due {fmt_date(m.due)})" if m.due else ""
            out.append(
                f'<li class="task-list-item"><input type="checkbox" disabled{checked}>'
                f" <strong>{html_text(m.title)}</strong>: done when {html_text(m.done_when)}{state}{due}</li>\n"
            )
        out.append("</ul>\n")
    if card.concepts:
        out.append(f"<p><strong>Concepts:</strong> {_joined(card.concepts)}</p>\n")
    if card.tags:
        out.append(f"<p><strong>Tags:</strong> {_joined(card.tags)}</p>\n")
    chart = rubric_chart(card)
    if chart:
        out.append(f"{chart}\n")
    if card.metrics:
        out.append(
            "<table>\n<thead><tr><th>Metric</th><th>Unit</th><th>Baseline</th>"
            "<th>Target</th><th>Actual</th></tr></thead>\n<tbody>\n"
        )
        for metric in card.metrics:
            cells = (metric.name, metric.unit or "", *map(fmt_number, _values(metric)))
            out.append("<tr>" + "".join(f"<td>{html_text(c)}</td>" for c in cells) + "</tr>\n")
        out.append("</tbody>\n</table>\n")
    if card.artifacts:
        out.append("<p><strong>Artifacts</strong></p>\n<ul>\n")
        for a in card.artifacts:
            title = html_text(a.title)
            if a.url:
                title = f'<a href="{html_text(artifact_href(a.url, path, ctx))}">{title}</a>'
            out.append(f"<li>{html_text(a.kind)}: {title}</li>\n")
        out.append("</ul>\n")
    if card.feedback:
        out.append("<p><strong>Feedback</strong></p>\n<ul>\n")
        for f in sorted(card.feedback, key=lambda f: f.date):
            said = [
                f"{label}: {text}"
                for label, text in (
                    ("went well", f.went_well),
                    ("didn't", f.didnt),
                    ("try next", f.try_next),
                )
                if text
            ]
            who = f", from {html_text(f.from_)}" if f.from_ else ""
            out.append(f"<li>{fmt_date(f.date)}{who}: {_joined(said, '; ')}</li>\n")
        out.append("</ul>\n")
    out.append("<hr>\n</div>")
    return "".join(out)


def _joined(values: list[str], sep: str = ", ") -> str:
    return sep.join(html_text(v) for v in values)


def _values(metric: Metric) -> tuple[float | int | None, ...]:
    return (metric.baseline, metric.target, metric.actual)


def search_stand_in(card: Card, store: Store) -> str:
    """The header's words as one escaped paragraph, for the search plugin to index.

    Material's search parser costs per HTML tag, and the real header has many
    tags per word; the plugin shows this stand-in to search and swaps in the
    real header afterwards, so search finds the same words for far less.
    """
    prio = priorities(store)[card.id]
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
    text = html_text(" · ".join(words))
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
