"""Where a page's Markdown points: link targets with their lines, from the text alone.

No Markdown parser (the engine has none): inline links and images
``[text](target)``, reference definitions ``[id]: target``, autolinks
``<target>`` and HTML ``href``/``src`` attributes. Code spans and fences are
not skipped, so a path quoted in a code block counts as well: it names the
page just the same, which is what the audience check wants to know.
"""

from __future__ import annotations

import re

_INLINE = re.compile(r"\]\([ \t]*(?:<([^>\n]*)>|([^\s)]+))")
_REFERENCE = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*(?:<([^>\n]*)>|(\S+))", re.M)
_AUTOLINK = re.compile(r"<([^\s<>]+\.(?:md|markdown|html)(?:[#?][^\s<>]*)?)>")
_HTML = re.compile(r"""\b(?:href|src)[ \t]*=[ \t]*(?:"([^"\n]*)"|'([^'\n]*)'|([^\s"'>]+))""", re.I)


def link_targets(text: str) -> list[tuple[int, str]]:
    """``(line, target)`` for the link destinations in ``text`` (1-based lines), in order.

    The same target twice on one line is listed once.
    """
    found: list[tuple[int, str]] = []
    for pattern in (_INLINE, _REFERENCE, _AUTOLINK, _HTML):
        for match in pattern.finditer(text):
            target = next((g for g in match.groups() if g), "")
            if target:
                found.append((match.start(), target))
    found.sort()
    out: dict[tuple[int, str], None] = {}
    line, last = 1, 0
    for start, target in found:
        line += text.count("\n", last, start)
        last = start
        out[(line, target)] = None
    return list(out)
