"""Page models as Markdown: what ``mkdocs-growth generate`` writes.

The Markdown any MkDocs-like generator renders natively: tables, lists,
``!!!`` admonitions and ``- [x]`` task lists where the site enables those
extensions (plain quotes and ☑/☐ where it does not). Every text is escaped
here (:func:`~.escape.md_text` turns whatever Markdown, HTML or an extension
could act on into character references); links are relative ``.md`` links
that the generator resolves and checks.

Each page starts with front matter holding its ``title``, escaped:
MkDocs takes a page's title from its first heading and decodes character
references on the way, and themes print the title into ``<title>`` and the
navigation unescaped. An explicit title, already escaped, is what they print.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

import yaml

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
    Page,
    Para,
    Quote,
    Rule,
    Strong,
    Table,
    Tasks,
    Url,
)
from .context import SiteContext
from .escape import md_plain, md_text, md_url
from .urls import absolute, link_to

_BACKTICKS = re.compile(r"`+")
# What opens another block at the start of a paragraph or list item: a list
# marker or a rule (`-`, `1.`), an indented code block (md_text escapes the rest).
_OPENS_BLOCK = re.compile(r"-|\d+[.)]")


def front_matter(title: str) -> str:
    """The page's front matter: its title as character references wherever it could act.

    Themes print it raw as HTML (so ``<`` must be a reference), and a generator
    that shows front matter as text must not find a Markdown link in it either.
    """
    dumped = yaml.safe_dump(
        {"title": md_text(title)}, allow_unicode=True, width=math.inf, sort_keys=False
    )
    return f"---\n{dumped}---\n\n"


def heading(level: int, text: str) -> str:
    return f"{'#' * level} {md_text(text)}\n\n"


class MarkdownRenderer:
    """Renders blocks for the page at ``here`` (a docs-relative path).

    ``plain``: Markdown for a person to paste elsewhere (``mkdocs-growth report``):
    text backslash-escaped only where Markdown would act on it, no character
    references, no raw HTML, GitHub's task lists and quotes rather than a
    site's extensions, and links absolute under ``site_url`` (just their text
    without it: a relative link breaks once pasted).
    """

    def __init__(self, ctx: SiteContext, here: str, plain: bool = False) -> None:
        self.ctx = ctx
        self.here = here
        self.plain = plain
        self.text = md_plain if plain else md_text
        self.admonition = ctx.uses("admonition") and not plain
        self.tasklist = ctx.uses("pymdownx.tasklist") or plain

    def blocks(self, blocks: Sequence[Block]) -> str:
        out: list[str] = []
        for block in blocks:
            self.block(block, out)
        return "".join(out)

    def block(self, block: Block, out: list[str]) -> None:
        kind = type(block)
        if kind is Para:
            out.append(f"{self.starting(block.content)}\n\n")  # type: ignore[union-attr]
        elif kind is Heading:
            out.append(f"{'#' * block.level} {self.text(block.text)}\n\n")  # type: ignore[union-attr]
        elif kind is Table:
            self.table(block, out)  # type: ignore[arg-type]
        elif kind is Bullets:
            out += [f"- {self.starting(item)}\n" for item in block.items]  # type: ignore[union-attr]
            out.append("\n")
        elif kind is Facts:
            out += [
                f"- **{self.text(label)}:** {self.inline(value)}\n"
                for label, value in block.items  # type: ignore[union-attr]
            ]
            out.append("\n")
        elif kind is Tasks:
            for done, item in block.items:  # type: ignore[union-attr]
                box = ("[x]" if done else "[ ]") if self.tasklist else BOX[done]
                out.append(f"- {box} {self.inline(item)}\n")
            out.append("\n")
        elif kind is Group:
            for child in block.content:  # type: ignore[union-attr]
                self.block(child, out)
        elif kind is Markup:
            if not self.plain:  # raw HTML (a picture) is no text to paste: its table says it
                out.append(f"{block.html}\n\n")  # type: ignore[union-attr]
        elif kind is Notice:
            self.notice(block, out)  # type: ignore[arg-type]
        elif kind is Quote:
            inner: list[str] = []
            for child in block.content:  # type: ignore[union-attr]
                self.block(child, inner)
            lines = "".join(inner).rstrip("\n").split("\n")
            out += [f"> {line}\n" if line else ">\n" for line in lines]
            out.append("\n")
        elif kind is CodeBlock:
            text = block.text.rstrip("\n")  # type: ignore[union-attr]
            longest = max((len(m) for m in _BACKTICKS.findall(text)), default=2)
            fence = "`" * max(3, longest + 1)
            out.append(f"{fence}{block.language}\n{text}\n{fence}\n\n")  # type: ignore[union-attr]
        elif kind is Rule:
            out.append("***\n\n")
        else:
            raise TypeError(f"not a block: {block!r}")

    def table(self, table: Table, out: list[str]) -> None:
        out.append("| " + " | ".join(self.text(cell) for cell in table.head) + " |\n")
        out.append("|" + "---|" * len(table.head) + "\n")
        inline = self.inline
        for row in table.rows:
            out.append("| " + " | ".join(inline(cell) for cell in row) + " |\n")
        out.append("\n")

    def starting(self, content: Inline) -> str:
        """Inline content that starts a paragraph or list item: it opens no other block."""
        text = self.inline(content).lstrip()
        opens = _OPENS_BLOCK.match(text)
        if opens and self.plain:
            return f"{text[: opens.end() - 1]}\\{text[opens.end() - 1 :]}"
        if opens:
            return f"&#{ord(text[0])};{text[1:]}"
        return text

    def notice(self, notice: Notice, out: list[str]) -> None:
        inner: list[str] = []
        for child in notice.content:
            self.block(child, inner)
        lines = "".join(inner).rstrip("\n").split("\n")
        if self.admonition:
            out.append(f'!!! {notice.kind} "{self.text(notice.title)}"\n')
            out += [f"    {line}\n" if line else "\n" for line in lines]
        else:
            out.append(f"> **{self.text(notice.title)}**\n>\n")
            out += [f"> {line}\n" if line else ">\n" for line in lines]
        out.append("\n")

    def inline(self, content: Inline) -> str:
        kind = type(content)
        text = self.text
        if kind is str:
            return text(content)
        if kind is Link:
            target = self.link(content)  # type: ignore[arg-type]
            label = text(content.text)  # type: ignore[union-attr]
            return f"[{label}]({target})" if target is not None else label
        if kind is Code:
            return code_span(content.text)  # type: ignore[union-attr]
        if kind is Strong:
            return f"**{text(content.text)}**"  # type: ignore[union-attr]
        if kind is Em:
            return f"*{text(content.text)}*"  # type: ignore[union-attr]
        if kind is Url:
            url = md_url(content.url)  # type: ignore[union-attr]
            return f"[{text(content.text)}]({url.replace('&amp;', '&') if self.plain else url})"  # type: ignore[union-attr]
        if kind is list or kind is tuple:
            return "".join([self.inline(piece) for piece in content])  # type: ignore[union-attr]
        if content is None:
            return ""
        return text(content)  # numbers

    def link(self, link: Link) -> str | None:
        """The link's target: relative ``.md`` for a site; absolute (or none) for pasting."""
        if self.plain:
            if not self.ctx.site_url or not link.path:
                return None
            target = absolute(self.ctx.site_url, self.ctx.url_of(link.path))
            return md_url(target + (f"#{link.fragment}" if link.fragment else "")).replace(
                "&amp;", "&"
            )
        target = ""
        if link.path and (link.path != self.here or not link.fragment):
            target = link_to(self.here, self.file_of(link.path))
        if link.query:
            target += f"?{link.query}"
        if link.fragment:
            target += f"#{link.fragment}"
        return md_url(target)

    def file_of(self, path: str) -> str:
        """The file a link names: a folder's index page, else its ``index.html``.

        An engine rewrites a link to a file it publishes into that file's URL;
        a folder link it leaves as written, relative to the Markdown file,
        which a page with a directory URL (``team/notes/``) resolves elsewhere.
        """
        if not path.endswith("/"):
            return path
        index = f"{path}index.md"
        return index if self.ctx.is_page(index) else f"{path}index.html"


def code_span(text: str) -> str:
    """``text`` as a code span (longer backtick fences around text that has backticks)."""
    text = " ".join(text.split())
    if "`" not in text:
        return f"`{text}`" if text else ""
    longest = max(len(m) for m in _BACKTICKS.findall(text))
    fence = "`" * (longest + 1)
    return f"{fence} {text} {fence}"


def render(blocks: Sequence[Block], ctx: SiteContext, here: str) -> str:
    """``blocks`` as Markdown for the page at ``here``."""
    return MarkdownRenderer(ctx, here).blocks(blocks)


def render_body(page: Page, ctx: SiteContext) -> str:
    """The page after its front matter: its title as the ``#`` heading, its blocks."""
    return f"{heading(1, page.title)}{render(page.blocks, ctx, page.path).rstrip()}\n"


def render_plain(page: Page, ctx: SiteContext) -> str:
    """The page as Markdown to paste into a document or a review tool (its title first)."""
    body = MarkdownRenderer(ctx, page.path, plain=True).blocks(page.blocks).rstrip()
    return f"# {md_plain(page.title)}\n\n{body}\n"


def render_page(page: Page, ctx: SiteContext) -> str:
    """The whole page: front matter, its title as the ``#`` heading, its blocks."""
    return f"{front_matter(page.title)}{render_body(page, ctx)}"
