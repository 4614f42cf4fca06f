"""Split a Markdown source into front matter and body, the way MkDocs does.

The block boundary follows MkDocs' rule (``---`` on the first line, closed
by ``---`` or ``...``) so our view of a page never differs from what MkDocs
renders; the YAML inside is read by :mod:`safeyaml` (line numbers, limits),
not ``yaml.load``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

_OPEN = re.compile(r"\A-{3}[ \t]*\n")
_CLOSE = re.compile(r"^(?:-{3}|\.{3})[ \t]*$\n?", re.MULTILINE)
# A first line that reads as YAML rather than prose: `key:` / `- item` / `[`, `{`, `!tag`, `&anchor`.
_YAML_LIKE = re.compile(r"""\s*(?:[^\s:#][^:\n]*:(?:\s|$)|-(?:\s|$)|[\[{!&*"'])""")


class Block(str, Enum):
    NONE = "none"  # no front matter: the page is plain Markdown
    CLOSED = "closed"  # a complete block, YAML text in ``yaml``
    UNCLOSED = "unclosed"  # opened with YAML lines but never closed: an error


@dataclass(frozen=True)
class Split:
    block: Block
    yaml: str  # the YAML text between the delimiters ("" when none)
    body: str  # the Markdown after the block (the whole text when none)
    yaml_line: int  # file line of the first YAML line (2 when a block exists)
    body_line: int  # file line where ``body`` starts


def normalize(text: str) -> str:
    """Drop a BOM and turn CRLF/CR into LF, as MkDocs' text-mode read does."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def split(text: str) -> Split:
    """Find the front-matter block of already :func:`normalize`-d text."""
    opened = _OPEN.match(text)
    if opened is None:
        return Split(Block.NONE, "", text, 0, 1)
    rest_at = opened.end()
    closed = _CLOSE.search(text, rest_at)
    if closed is None:
        first = text[rest_at:].lstrip("\n").split("\n", 1)[0]
        if _YAML_LIKE.match(first):
            return Split(Block.UNCLOSED, text[rest_at:], "", 2, 1)
        return Split(Block.NONE, "", text, 0, 1)  # a horizontal rule, then prose
    yaml_text = text[rest_at : closed.start()]
    first = next((ln for ln in yaml_text.split("\n") if ln.strip()), "")
    if first and not _YAML_LIKE.match(first):
        return Split(Block.NONE, "", text, 0, 1)  # `---` prose `---`: rules, not metadata
    body = text[closed.end() :]
    body_line = text.count("\n", 0, closed.end()) + 1
    return Split(Block.CLOSED, yaml_text, body, 2, body_line)
