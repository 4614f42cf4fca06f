"""Where a page's Markdown points: link targets with their lines, from the text alone.

No Markdown parser (the engine has none): inline links and images
``[text](target)``, reference definitions ``[id]: target``, autolinks
``<target>`` and HTML ``href``/``src`` attributes. Code spans and fences are
not skipped, so a path quoted in a code block counts as well: it names the
page just the same, which is what the audience check wants to know.
"""

from __future__ import annotations

import re

# Each pattern starts with a literal character, so the regex engine skips ahead
# quickly (a store's bodies run to tens of megabytes); what comes before the
# match is checked in Python.
_INLINE = re.compile(r"\]\([ \t]*(?:<([^>\n]*)>|([^\s)]+))")
_REFERENCE = re.compile(r"\]:[ \t]*(?:<([^>\n]*)>|(\S+))")  # after "[label" at a line start
_REFERENCE_HEAD = re.compile(r"[ ]{0,3}\[[^\]\n]+")
_AUTOLINK = re.compile(r"<([^\s<>]+\.(?:md|markdown|html)(?:[#?][^\s<>]*)?)>")
_ATTRIBUTE = re.compile(r"""=[ \t]*(?:"([^"\n]*)"|'([^'\n]*)'|([^\s"'>]+))""")  # after href/src
_ATTRIBUTE_NAME = re.compile(r"(?<![\w-])(?:href|src)[ \t]*\Z", re.I)


def link_targets(text: str) -> list[tuple[int, str]]:
    """``(line, target)`` for the link destinations in ``text`` (1-based lines), in order.

    The same target twice on one line is listed once.
    """
    found: list[tuple[int, str]] = []
    for match in _INLINE.finditer(text):
        found.append((match.start(), match[1] or match[2]))
    for match in _AUTOLINK.finditer(text):
        found.append((match.start(), match[1]))
    for match in _REFERENCE.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        if _REFERENCE_HEAD.fullmatch(text, line_start, match.start()):
            found.append((match.start(), match[1] or match[2] or ""))
    for match in _ATTRIBUTE.finditer(text):
        if _ATTRIBUTE_NAME.search(text, max(0, match.start() - 12), match.start()):
            found.append((match.start(), next((g for g in match.groups() if g), "")))
    found = [(start, target) for start, target in found if target]
    found.sort()
    out: dict[tuple[int, str], None] = {}
    line, last = 1, 0
    for start, target in found:
        line += text.count("\n", last, start)
        last = start
        out[(line, target)] = None
    return list(out)
