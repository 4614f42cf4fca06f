"""``<base>/problems.md``: every error and warning, linked to the page of its file."""

from __future__ import annotations

from ...core.store import Store
from ..blocks import Inline, Link, Page, Para, Table, prose
from ..context import SiteContext
from ..formats import plural


def pages(store: Store, ctx: SiteContext) -> list[Page]:
    page = Page(ctx.path("problems.md"), "Problems")
    if not store.problems:
        page.blocks.append(Para("No problems: every document is valid."))
        return [page]
    errors, warnings, notes = len(store.errors), len(store.warnings), len(store.problem_notes)
    also = f" ({plural(notes, 'note')}: worth knowing, never failing)" if notes else ""
    summary = (
        f"{plural(errors, 'error')} and {plural(warnings, 'warning')}{also}. A document with an error"
        " is still published as a plain page but left out of the indexes and tables until it"
        " is fixed; `mkdocs-growth validate` prints the same list."
    )
    rows = []
    for p in store.problems:
        file: Inline = Link(p.path, p.path) if ctx.is_page(p.path) else p.path
        rows.append((p.severity.value, file, str(p.line or ""), p.message))
    page.blocks += [Para(prose(summary)), Table(("Severity", "File", "Line", "Message"), rows)]
    return [page]
