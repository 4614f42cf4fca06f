"""``mkdocs-growth priorities``: the priority table in the terminal."""

from __future__ import annotations

import argparse
import sys

from ..core.messages import plural
from ..practice.priority import PriorityRow, priority_rows
from ..practice.store import open_store
from .common import EXIT_OK, require_dir, settings_of
from .output import clean


def cmd_priorities(args: argparse.Namespace) -> int:
    settings = settings_of(args)
    require_dir(settings.docs_dir)
    store = open_store(
        settings.docs_dir, settings.growth, settings.config_file, framework=settings.framework
    )
    print(render_terminal_table(priority_rows(store)))
    if store.errors:
        errors = plural(len(store.errors), "error")
        print(f"({errors}: run 'mkdocs-growth validate')", file=sys.stderr)
    return EXIT_OK


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    prio = sub.add_parser("priorities", parents=[common], help="print the priority table")
    prio.set_defaults(func=cmd_priorities)


def render_terminal_table(rows: list[PriorityRow]) -> str:
    header = (
        "#",
        "id",
        "title",
        "domain",
        "horizon",
        "status",
        "I",
        "E",
        "R",
        "L",
        "score",
        "band",
    )
    body = [
        (
            str(n),
            r.id,
            _clip(r.title, 40),
            r.domain,
            r.horizon,
            r.status,
            str(r.impact),
            str(r.effort),
            str(r.reusability),
            str(r.learnings),
            f"{r.score:.2f}",
            r.band,
        )
        for n, r in enumerate(rows, 1)
    ]
    if not body:
        return "No open cards (planned or active)."
    widths = [max(len(row[i]) for row in [header, *body]) for i in range(len(header))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in [header, *body]
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _clip(text: str, width: int) -> str:
    text = "".join(ch if ch.isprintable() else " " for ch in clean(text))
    return text if len(text) <= width else text[: width - 1] + "…"
