"""What every growth picture shares: escaping, colours, the ``<svg>`` frame and its figure.

A picture is one raw HTML block — ``<div class="growth-chart ...">`` holding
the ``<svg>``, a caption and a table with the same data — with no blank line
in it, so Markdown (``generate``) and the plugin pass it through unchanged.

* **Escaped everywhere.** Text from documents goes through :func:`esc`, which
  writes every character HTML, Markdown, ``attr_list`` or a template plugin
  (macros) could act on as a numeric character reference, and drops the
  characters XML forbids: the fragment is well-formed XML and inert.
* **Theme colours.** Text and grid use ``currentColor`` (the page's text
  colour); data marks use Material's link colour and today its accent colour,
  as CSS custom properties with ``currentColor`` as the fallback, so light and
  dark schemes (and themes other than Material) work. Shapes, not colours,
  tell statuses apart. Where a colour carries a value (the cadence's heat, the
  rubric's "before"), a class names it and growth.css gives it per colour
  scheme, so "more" reads the same in light and dark.
* **Readable on a phone.** One text size (:data:`FONT`), never smaller.
* **Phone-sized.** ``viewBox`` + ``width="100%"`` + ``max-width``: the picture
  shrinks to a 390 px screen and never overflows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# Colours from the theme, with fallbacks for themes without Material's variables.
MARK = "var(--md-typeset-a-color, currentColor)"
ACCENT = "var(--md-accent-fg-color, currentColor)"
# Text size in viewBox units: a picture is at most 360 units wide and shrinks to the
# article's width, about 358 px on a 390 px phone, so 13 units render at >= 12 px there.
FONT = 13
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

_SPECIAL = "\\`*_{}[]()<>#+!|~^=:&\"'$%@"
_ESCAPE = {ord(ch): f"&#{ord(ch)};" for ch in _SPECIAL}
_ESCAPE.update({i: None for i in range(32) if i not in (9, 10, 13)})
_ESCAPE[0x7F] = None
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")


def esc(value: object) -> str:
    """Text (or an attribute value) that displays literally in HTML, SVG and Markdown.

    Runs of white space become one space: a line break in a title must not end
    the raw HTML block in Markdown, and Markdown would expand a tab anyway.
    """
    text = value if isinstance(value, str) else str(value)
    return " ".join(_NOT_XML.sub("", text).translate(_ESCAPE).split())


def num(value: float) -> str:
    """A coordinate, short: ``12``, ``12.5``."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def shorten(text: str, limit: int) -> str:
    """At most ``limit`` characters, with an ellipsis when cut (one line)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def svg_open(
    css_class: str, ident: str, width: int, height: int, title: str, desc: str, *, links: bool
) -> str:
    """The ``<svg>`` start tag with its ``<title>`` and ``<desc>``.

    A picture whose marks are links is a ``group`` (its links stay reachable
    by keyboard and screen readers); any other is an ``img``.
    """
    role = "group" if links else "img"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{css_class}" role="{role}"'
        f' viewBox="0 0 {width} {height}" width="100%"'
        f' style="max-width:{width * 3 // 2}px;height:auto;display:block;overflow:visible"'
        f' aria-labelledby="{ident}-title {ident}-desc" font-family="sans-serif" font-size="{FONT}">'
        f'<title id="{ident}-title">{esc(title)}</title>'
        f'<desc id="{ident}-desc">{esc(desc)}</desc>'
    )


def text(x: float, y: float, content: str, *, anchor: str = "start", extra: str = "") -> str:
    """A text label in the page's text colour (``content`` is escaped here)."""
    where = f' text-anchor="{anchor}"' if anchor != "start" else ""
    return (
        f'<text x="{num(x)}" y="{num(y)}" fill="currentColor"{where}{extra}>{esc(content)}</text>'
    )


def table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """An HTML table; cells are HTML already (escape document text with :func:`esc`)."""
    th = "".join(f"<th>{esc(h)}</th>" for h in head)
    labels = [f' data-label="{esc(h)}"' for h in head]
    body = "".join(
        "<tr>" + "".join(f"<td{labels[n]}>{c}</td>" for n, c in enumerate(row)) + "</tr>"
        for row in rows
    )
    # growth.css stacks a growth-table's rows on a phone, each cell labelled by its column
    return (
        f'<div class="growth-table"><table><thead><tr>{th}</tr></thead>'
        f"<tbody>{body}</tbody></table></div>"
    )


def link(href: str, label: str) -> str:
    return f'<a href="{esc(href)}">{esc(label)}</a>'


def figure(css_class: str, svg: str, caption: str, data: str, *, folded: bool = True) -> str:
    """The raw HTML block: picture, caption (HTML), and its data as a table.

    ``folded`` puts the table in a ``<details>`` (long tables); it is still
    in the page for screen readers and search.
    """
    if data and folded:
        data = f"<details><summary>{esc('The data as a table')}</summary>{data}</details>"
    parts = [f'<div class="growth-chart {css_class}">', svg]
    parts += [f'<p class="growth-chart-caption">{caption}</p>', data, "</div>"]
    return "\n".join(p for p in parts if p)
