"""The placeholders ``mkdocs-growth new`` writes, and the warnings while they are left in.

A new document validates (no errors) so the store keeps building, but its
goal, milestones and ``TODO`` sections say nothing yet: until they are
edited, each kind of leftover is one warning at its line, so
``validate --strict`` and ``mkdocs build --strict`` do not publish an
untouched template as content. The template text is defined here once; the
``new`` command writes it and the check recognises it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .messages import plural
from .problems import Problem, warning

GOAL = "What will be true at the end of this horizon? (measurable, time-bound)"
TODO = "TODO"  # the body of every section of a new document


def milestone_title(n: int) -> str:
    return f"Milestone {n}"


def milestone_done_when(n: int) -> str:
    return f"The observable result that shows milestone {n} is done"


_MILESTONE_TITLE = re.compile(r"Milestone \d+")
_HEADING = re.compile(r"#{1,6}\s+(.*?)\s*#*\s*")


def leftovers(
    path: str, doc: Any, body: str, body_line: int, line: Callable[..., int]
) -> list[Problem]:
    """Warnings for template text still in a valid document.

    ``body_line`` is the file line the body starts on; ``line(*key_path)`` the
    line of a front-matter key.
    """
    out = []
    if getattr(doc, "goal", None) == GOAL:
        out.append(
            warning(
                path,
                line("goal"),
                "goal is still the template's placeholder: write what will be true at the"
                " end of the horizon (measurable, time-bound)",
            )
        )
    placeholders = [
        i
        for i, m in enumerate(getattr(doc, "milestones", ()))
        if _MILESTONE_TITLE.fullmatch(m.title) and m.done_when == milestone_done_when(i + 1)
    ]
    if placeholders:
        numbers = ", ".join(f"#{i + 1}" for i in placeholders)
        are = "is" if len(placeholders) == 1 else "are"
        out.append(
            warning(
                path,
                line("milestones", placeholders[0]),
                f"{plural(len(placeholders), 'milestone')} ({numbers}) {are} still the"
                " template's: give each a real title and a done_when (its definition of done)",
            )
        )
    if f"\n{TODO}\n" in f"\n{body}":
        sections, first = _todo_sections(body)
        if sections:
            out.append(
                warning(
                    path,
                    body_line + first,
                    f"{plural(len(sections), 'section')} still"
                    f" {'says' if len(sections) == 1 else 'say'} {TODO}"
                    f" ({', '.join(sections)}): write them or delete them",
                )
            )
    return out


def _todo_sections(body: str) -> tuple[list[str], int]:
    """Headings whose section holds a line that is exactly TODO, and the first such line."""
    sections: list[str] = []
    first = -1
    heading = ""
    for n, text in enumerate(body.split("\n")):
        found = _HEADING.fullmatch(text)
        if found:
            heading = found.group(1)
        elif text == TODO:
            if first < 0:
                first = n
            if heading and heading not in sections:
                sections.append(heading)
            elif not heading and "(top)" not in sections:
                sections.append("(top)")
    return sections, max(first, 0)
