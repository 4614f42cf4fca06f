"""Document text made inert for each output: Markdown, HTML, a Markdown link target.

Text from documents and from ``mkdocs.yml`` is never trusted. Each renderer
escapes every piece of text it writes with one of these, at one place
(:mod:`.to_html`, :mod:`.to_markdown`), so a title like ``<script>``,
``[x](javascript:...)`` or ``{: onclick=...}`` shows literally and a ``|``
cannot break a table.
"""

from __future__ import annotations

import re
from html import escape as _html_escape
from typing import Any
from urllib.parse import quote

# Characters with a meaning in Markdown, HTML, attr_list, tables or pymdownx
# (emoji, mark, caret, tilde, keys, critic, arithmatex).
_SPECIAL = set("\\`*_{}[]()<>#+!|~^=:&\"'$%@")
_TABLE = str.maketrans({ch: f"&#{ord(ch)};" for ch in _SPECIAL})
_SPACES = re.compile(r"\s+")  # runs of whitespace: one space (a piece keeps its edge spaces)
_CONTROL = {i: None for i in range(32) if i not in (9, 10, 13)} | {0x7F: None}


def md_text(value: Any) -> str:
    """Document text -> inline Markdown that displays literally (one line)."""
    if value is None:
        return ""
    text = str(value).translate(_CONTROL)
    if not text.isprintable():  # newlines would end a table row or list item
        text = _SPACES.sub(" ", text)
    return text.translate(_TABLE)


# Plain Markdown for pasting (`report`): only what CommonMark or a GFM table would act on,
# backslash-escaped; an `&` only where it could start a character reference.
_PLAIN = re.compile(r"[\\`*_\[\]<>|~]|&(?=[#A-Za-z0-9])")


def md_plain(value: Any) -> str:
    """Document text -> inline Markdown a person can paste and read: no character references."""
    if value is None:
        return ""
    text = str(value).translate(_CONTROL)
    if not text.isprintable():
        text = _SPACES.sub(" ", text)
    return _PLAIN.sub(lambda m: "\\" + m.group(0), text)


def html_text(value: Any) -> str:
    """Document text -> HTML text: escaped, control characters dropped.

    Characters beyond Latin-1 become character references: one of them in a
    page's HTML would make Python store the whole page with two or four bytes
    per character, and MkDocs keeps every page's HTML until the build ends.
    """
    if value is None:
        return ""
    text = value if type(value) is str else str(value)
    if not text.isprintable():  # most values are: they skip the translate
        text = text.translate(_CONTROL)
    text = _html_escape(text, quote=True)
    if not text.isascii():
        text = text.encode("latin-1", "xmlcharrefreplace").decode("latin-1")
    return text


def md_url(url: str) -> str:
    """A validated URL (http/https/mailto/relative) made safe inside ``[](...)``."""
    # `&` as `&amp;`: Markdown keeps references in a destination and the browser decodes them.
    return quote(url.strip(), safe=":/?#@!$&'*+,;=%-._~").replace("&", "&amp;")
