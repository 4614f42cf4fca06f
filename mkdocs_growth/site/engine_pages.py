"""A user's page as another engine must read it to show what the plugin shows.

``mkdocs-growth generate --site`` writes the whole documentation tree for an
engine that runs no MkDocs plugins (Zensical, plain MkDocs). The plugin
changes a page only in what it hands the theme and in what it adds after
Markdown; here the same changes are made to the page's Markdown, from the
same models:

- a growth document's front matter is written again from what the engine
  read (the public view's, for ``audience: public``), made theme-safe by
  :mod:`.theme_meta` (literal title and tags, no ``status``);
- any other page with a front-matter ``title`` gets it as text, not HTML, and
  any page whose metadata the public view changed (private fields taken out)
  gets its front matter written from that view;
- a valid card gets its header (:func:`.pages.card_header.card_header`,
  rendered to Markdown) below its leading ``#`` heading, or at the top;
- a page whose front matter cannot be read, or that could not be read at all
  (over the size limit, not UTF-8), becomes the plugin's broken page
  (:func:`.pages.card_header.broken_page`): the note, the raw block as code,
  the body; nothing of it is lost and nothing in it acts.

Every other page is the author's file, byte for byte (:func:`engine_page`
returns ``None``).
"""

from __future__ import annotations

import math
import re
from typing import Any

import yaml

from ..core.model import Card
from ..core.parse import Entry
from ..core.store import Store
from .context import SiteContext
from .pages import card_header as header
from .theme_meta import plain_page_safe, theme_safe
from .to_markdown import render as render_markdown

# A leading ATX `# ` heading (up to three spaces in), or a setext one (a line, then `===`).
_ATX_H1 = re.compile(r"[ ]{0,3}#(?:[ \t]+[^\n]*)?(?:\n|$)")
_SETEXT_H1 = re.compile(r"[ ]{0,3}\S[^\n]*\n[ ]{0,3}=+[ \t]*(?:\n|$)")
_BLANK_LINES = re.compile(r"(?:[ \t]*\n)*")


def engine_page(
    entry: Entry, store: Store, ctx: SiteContext, raw: str = "", *, rewrite: bool = False
) -> str | None:
    """The Markdown to write for ``entry``'s page, or ``None``: the file as it is.

    ``raw``: the file's text, for an entry that holds none because it could not
    be read whole (over the size limit, not UTF-8); shown on the broken page.
    ``rewrite``: the entry's metadata is not the file's (a public view took
    private fields out), so the front matter is written from it whatever the page.
    """
    if entry.front_matter_broken or (not entry.text and entry.problems):
        problems = [p for p in entry.problems if p.is_error] or entry.problems
        return header.broken_page(entry, problems, ctx, entry.text or raw)
    if entry.meta is None:
        return None
    meta = dict(entry.meta)
    if entry.is_growth:
        theme_safe(meta)
    elif meta.get("title") is not None or rewrite:
        plain_page_safe(meta)
    else:
        return None
    body = entry.body
    card = entry.doc
    if isinstance(card, Card) and entry.path not in store.invalid_paths:
        head = render_markdown([header.card_header(card, store, ctx)], ctx, entry.path)
        body = below_leading_h1(body, head)
    return front_matter(meta) + body


def front_matter(meta: dict[str, Any]) -> str:
    """``meta`` as a fenced YAML block (an empty mapping still fenced: MkDocs reads no title)."""
    if not meta:
        return "---\n{}\n---\n"
    dumped = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=math.inf)
    return f"---\n{dumped}---\n"


def below_leading_h1(body: str, insert: str) -> str:
    """``insert`` (Markdown blocks) below the body's leading level-1 heading, or at the top.

    The Markdown counterpart of the plugin's ``after_leading_h1``: the page's
    title heading stays first, the card's own text follows the header untouched.
    """
    start = _BLANK_LINES.match(body)
    at = start.end() if start else 0
    found = _ATX_H1.match(body, at) or _SETEXT_H1.match(body, at)
    if found is None:
        return f"{insert.rstrip()}\n\n{body}"
    end = found.end()
    line_end = "" if body[:end].endswith("\n") else "\n"
    rest = body[end:].lstrip("\n")
    return f"{body[:end]}{line_end}\n{insert.rstrip()}\n\n{rest}"
