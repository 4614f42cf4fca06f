"""Which generated pages stay out of the navigation for now: those with nothing to show.

A new store would otherwise open with a dozen *Growth* entries, most of them
an empty list. Such a page is still built, at its usual address, so a link to
it never breaks (the dashboard and card headers link several of them); it
joins the navigation with its first content. The dashboard and the checklist
always show, and so does every page of an author's explicit ``nav:``.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable

from ..core.store import Store
from ..practice.schedule import reviews_of
from ..site.context import SiteContext

# folder -> the field naming its page; a horizon's review packet joins with its first document
_GROUPED = {"domains": "domain", "horizons": "horizon", "reports": "horizon"}


def out_of_nav(paths: Iterable[str], store: Store, ctx: SiteContext) -> set[str]:
    """The generated page paths (of ``paths``) that have no content yet."""
    plan = reviews_of(store, ctx.today)  # None when the audience may not see reviews
    has_content = {
        "priorities.md": any(card.is_open for card in store.cards),
        "reviews.md": plan is not None and bool(plan.overdue or plan.week or plan.later),
        "feedback.md": any(card.feedback for card in store.cards),
        "notes.md": bool(store.notes),
        "decisions.md": bool(store.decisions),
        "talks.md": bool(store.talks),
        "playbooks.md": bool(store.playbooks),
        "retros.md": bool(store.retros),
        "problems.md": bool(store.problems),
    }
    used = {
        group: {getattr(e.doc, field, None) for e in store.valid}
        for group, field in _GROUPED.items()
    }
    quiet = {ctx.path(name) for name, shown in has_content.items() if not shown}
    grouped: dict[str, list[str]] = {group: [] for group in _GROUPED}
    for path in paths:
        rel = path[len(ctx.base) + 1 :] if path.startswith(ctx.base + "/") else ""
        group, _, name = rel.partition("/")
        if group in grouped and name != "index.md":
            grouped[group].append(path)
            # the page of id "index" is index/index.md (site.urls.id_page)
            page_id = "index" if name == "index/index.md" else posixpath.splitext(name)[0]
            if page_id not in used[group]:
                quiet.add(path)
    for group, pages in grouped.items():
        if all(page in quiet for page in pages):
            quiet.add(ctx.path(f"{group}/index.md"))
    return quiet
