"""Page models as HTML: what the plugin puts into MkDocs' page after Markdown.

The HTML is the HTML Python-Markdown makes of the same constructs (plain
``<table>``, ``<ul>``, ``<p>``; admonitions and task lists as their
extensions write them), so the theme styles it like the rest of the page.
Every text is escaped here, in :func:`inline`; links are final URLs relative
to the page they are on (:meth:`SiteContext.href`), because nothing resolves
links in HTML that is added after Markdown.
"""

from __future__ import annotations

from collections.abc import Sequence

from .blocks import (
    BOX,
    Block,
    Bullets,
    Code,
    CodeBlock,
    Em,
    Facts,
    Group,
    Heading,
    Inline,
    Link,
    Markup,
    Notice,
    Para,
    Quote,
    Rule,
    Strong,
    Table,
    Tasks,
    Url,
)
from .context import SiteContext
from .escape import html_text

BOXES = {done: html_text(box) for done, box in BOX.items()}  # as references (see escape.py)


class HtmlRenderer:
    """Renders blocks for the page at ``here`` (a docs-relative path)."""

    def __init__(self, ctx: SiteContext, here: str) -> None:
        self.ctx = ctx
        self.here = here
        self.admonition = ctx.uses("admonition")
        self.tasklist = ctx.uses("pymdownx.tasklist")
        self._hrefs: dict[str, str] = {}  # path -> href: listings link the same pages often

    def blocks(self, blocks: Sequence[Block]) -> str:
        out: list[str] = []
        for block in blocks:
            self.block(block, out)
        return "".join(out)

    def block(self, block: Block, out: list[str]) -> None:
        kind = type(block)
        if kind is Para:
            out.append(f"<p>{self.inline(block.content)}</p>\n")  # type: ignore[union-attr]
        elif kind is Table:
            self.table(block, out)  # type: ignore[arg-type]
        elif kind is Bullets:
            out.append("<ul>\n")
            out += [f"<li>{self.inline(item)}</li>\n" for item in block.items]  # type: ignore[union-attr]
            out.append("</ul>\n")
        elif kind is Tasks:
            self.tasks(block, out)  # type: ignore[arg-type]
        elif kind is Facts:
            out.append('<dl class="growth-facts">\n')
            for label, value in block.items:  # type: ignore[union-attr]
                out.append(f"<dt>{html_text(label)}:</dt><dd>{self.inline(value)}</dd>\n")
            out.append("</dl>\n")
        elif kind is Heading:
            level = block.level  # type: ignore[union-attr]
            out.append(f"<h{level}>{html_text(block.text)}</h{level}>\n")  # type: ignore[union-attr]
        elif kind is Group:
            out.append(f'<div class="{html_text(block.css_class)}">\n')  # type: ignore[union-attr]
            for child in block.content:  # type: ignore[union-attr]
                self.block(child, out)
            out.append("</div>\n")
        elif kind is Markup:
            out.append(block.html + "\n")  # type: ignore[union-attr]
        elif kind is Notice:
            self.notice(block, out)  # type: ignore[arg-type]
        elif kind is Quote:
            out.append("<blockquote>\n")
            for child in block.content:  # type: ignore[union-attr]
                self.block(child, out)
            out.append("</blockquote>\n")
        elif kind is CodeBlock:
            lang = block.language  # type: ignore[union-attr]
            cls = f' class="language-{html_text(lang)}"' if lang else ""
            out.append(f"<pre><code{cls}>{html_text(block.text)}</code></pre>\n")  # type: ignore[union-attr]
        elif kind is Rule:
            out.append("<hr />\n")
        else:
            raise TypeError(f"not a block: {block!r}")

    def table(self, table: Table, out: list[str]) -> None:
        """A plain table (Material styles it) in a ``growth-table`` frame.

        Each cell names its column (``data-label``): growth.css stacks the rows
        on a phone and shows the label beside each value.
        """
        out.append('<div class="growth-table">\n<table>\n<thead>\n<tr>\n')
        out += [f"<th>{html_text(cell)}</th>\n" for cell in table.head]
        out.append("</tr>\n</thead>\n<tbody>\n")
        inline = self.inline
        labels = [f' data-label="{html_text(cell)}"' if cell else "" for cell in table.head]
        labels += [""] * max(0, max((len(row) for row in table.rows), default=0) - len(labels))
        for row in table.rows:
            out.append("<tr>\n")
            out += [f"<td{labels[n]}>{inline(cell)}</td>\n" for n, cell in enumerate(row)]
            out.append("</tr>\n")
        out.append("</tbody>\n</table>\n</div>\n")

    def tasks(self, tasks: Tasks, out: list[str]) -> None:
        """Checkboxes as ``pymdownx.tasklist`` writes them (with its ``custom_checkbox``
        markup when set), or ☑/☐ where the site lacks it."""
        if not self.tasklist:
            out.append("<ul>\n")
            out += [f"<li>{BOXES[done]} {self.inline(item)}</li>\n" for done, item in tasks.items]
            out.append("</ul>\n")
            return
        out.append('<ul class="task-list">\n')
        for done, item in tasks.items:
            # named for screen readers: the box has no text of its own (axe: "label")
            said = "done" if done else "not done"
            box = (
                f'<input type="checkbox" disabled{" checked" if done else ""} aria-label="{said}"/>'
            )
            if self.ctx.custom_checkboxes:
                box = f'<label class="task-list-control">{box}<span class="task-list-indicator"></span></label>'
            out.append(f'<li class="task-list-item">{box} {self.inline(item)}</li>\n')
        out.append("</ul>\n")

    def notice(self, notice: Notice, out: list[str]) -> None:
        """An admonition as the ``admonition`` extension writes it, or a quote without it."""
        if self.admonition:
            out.append(
                f'<div class="admonition {html_text(notice.kind)}">\n'
                f'<p class="admonition-title">{html_text(notice.title)}</p>\n'
            )
            for child in notice.content:
                self.block(child, out)
            out.append("</div>\n")
            return
        out.append(f"<blockquote>\n<p><strong>{html_text(notice.title)}</strong></p>\n")
        for child in notice.content:
            self.block(child, out)
        out.append("</blockquote>\n")

    def inline(self, content: Inline) -> str:
        kind = type(content)
        if kind is str:
            return html_text(content)
        if kind is Link:
            return f'<a href="{self.link(content)}">{html_text(content.text)}</a>'  # type: ignore[union-attr]
        if kind is Code:
            return f"<code>{html_text(content.text)}</code>"  # type: ignore[union-attr]
        if kind is Strong:
            return f"<strong>{html_text(content.text)}</strong>"  # type: ignore[union-attr]
        if kind is Em:
            return f"<em>{html_text(content.text)}</em>"  # type: ignore[union-attr]
        if kind is Url:
            return f'<a href="{html_text(content.url)}">{html_text(content.text)}</a>'  # type: ignore[union-attr]
        if kind is list or kind is tuple:
            return "".join([self.inline(piece) for piece in content])  # type: ignore[union-attr]
        if content is None:
            return ""
        return html_text(content)  # numbers

    def link(self, link: Link) -> str:
        """The escaped ``href`` of a link (relative final URL, then query and fragment)."""
        href = ""
        if link.path and (link.path != self.here or not link.fragment):
            href = self._hrefs.get(link.path, "")
            if not href:
                href = self._hrefs[link.path] = self.ctx.href(self.here, link.path)
        if link.query:
            href += f"?{link.query}"
        if link.fragment:
            href += f"#{link.fragment}"
        return html_text(href)


def render(blocks: Sequence[Block], ctx: SiteContext, here: str) -> str:
    """``blocks`` as HTML for the page at ``here``."""
    return HtmlRenderer(ctx, here).blocks(blocks)
