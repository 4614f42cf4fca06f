"""Split a Markdown source into front matter and body by MkDocs' own rule.

Where the metadata is, is decided by ``mkdocs.utils.meta`` itself: its fenced
YAML block pattern (``YAML_RE``: ``---`` first, closed by a ``---`` or
``...`` line that ends with a newline) and, without one, its MultiMarkdown
fallback (``get_data`` on an unfenced ``key: value`` head). So growth reads
metadata from exactly the files MkDocs reads it from, by construction; this is
the one MkDocs module core imports (docs/design.md, "Reading front matter").

Growth only adds reports on top: a block opened with YAML lines and never
closed, and a block closed on the file's last line without a newline (text
to MkDocs). The YAML inside a block is read by :mod:`safeyaml` (line
numbers, limits), not ``yaml.load``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from mkdocs.utils.meta import META_RE, YAML_RE, get_data

_OPEN = re.compile(r"\A-{3}[ \t]*\n")  # YAML_RE's opening line
# A line that reads as YAML rather than prose: `key:`, `- item`, `? key`, `[`, `{`, `!tag`, `&anchor`.
_YAML_LIKE = re.compile(r"""\s*(?:[^\s:#][^:\n]*:(?:\s|$)|[-?](?:\s|$)|[\[{!&*"'])""")


class Block(str, Enum):
    NONE = "none"  # no front matter: the page is plain Markdown
    CLOSED = "closed"  # a fenced block MkDocs reads, YAML text in ``yaml``
    UNCLOSED = "unclosed"  # opened with YAML lines but never closed: an error
    AT_END = "at-end"  # closed on the last line with no newline after it: text to MkDocs
    MULTIMARKDOWN = "multimarkdown"  # an unfenced `key: value` head, read as MkDocs reads it


@dataclass(frozen=True)
class Split:
    block: Block
    yaml: str  # the YAML text between the delimiters ("" when none)
    body: str  # the Markdown after the block (the whole text when none)
    yaml_line: int  # file line of the first metadata line (0 when there is none)
    body_line: int  # file line where ``body`` starts
    # MULTIMARKDOWN only: MkDocs' reading (keys lowercased, values text) and each key's line
    fields: dict[str, str] | None = None
    field_lines: dict[str, int] | None = None

    @property
    def closing_line(self) -> int:
        """File line of the closing delimiter of a CLOSED or AT_END block."""
        return self.yaml_line + self.yaml.count("\n")


def normalize(text: str) -> str:
    """Drop a BOM and turn CRLF/CR into LF, as MkDocs' text-mode read does."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def looks_like_yaml(block: str) -> bool:
    """Whether the first line of ``block`` that is neither blank nor a comment reads as YAML.

    Tells a block meant as front matter (report its problems) from prose
    between two horizontal rules (MkDocs shows it as text; so does growth).
    """
    for line in block.split("\n"):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            return _YAML_LIKE.match(line) is not None
    return False


def split(text: str) -> Split:
    """Find the front matter of already :func:`normalize`-d text, where MkDocs finds it."""
    fenced = YAML_RE.match(text)
    if fenced is not None:
        end = fenced.end()
        return Split(Block.CLOSED, fenced.group(1), text[end:], 2, text.count("\n", 0, end) + 1)
    opened = _OPEN.match(text)
    if opened is not None:  # MkDocs' fallback never reads a `---` line as metadata
        return _unfinished(text, opened.end())
    if META_RE.match(text) is None:  # the first line is no `key:`: no MultiMarkdown head
        return Split(Block.NONE, "", text, 0, 1)
    body, fields = get_data(text)
    head = text[: len(text) - len(body)]
    lines: dict[str, int] = {}
    for number, line in enumerate(head.split("\n"), 1):
        found = META_RE.match(line)
        if found is not None:
            lines.setdefault(found.group("key").lower().strip(), number)
    return Split(Block.MULTIMARKDOWN, "", body, 1, head.count("\n") + 1, fields, lines)


def _unfinished(text: str, rest_at: int) -> Split:
    """A source opened by ``---`` that MkDocs takes no metadata from."""
    at_end = YAML_RE.match(text + "\n")  # closed by the last line, which has no newline
    if at_end is not None:
        return Split(Block.AT_END, at_end.group(1), "", 2, text.count("\n") + 2)
    rest = text[rest_at:]
    if looks_like_yaml(rest):
        return Split(Block.UNCLOSED, rest, "", 2, 1)
    return Split(Block.NONE, "", text, 0, 1)  # a horizontal rule, then prose
