"""``<base>/checklist.md``: the playbook's quick-start checklist, ticked from the store."""

from __future__ import annotations

from ...core.store import Store
from ...practice.checklist import HOW_TO, checklist
from ..context import SiteContext
from ..render import GeneratedPage
from .common import Links, page


def pages(store: Store, ctx: SiteContext) -> list[GeneratedPage]:
    path = ctx.path("checklist.md")
    items = checklist(store, ctx.today, ctx.base)
    links = Links(store, ctx, path)
    targets = {i.id: i.link if i.link.startswith("#") else links.to(i.link) for i in items}
    return [
        page(
            "checklist.md.j2",
            path,
            store,
            ctx,
            items=items,
            targets=targets,
            how_to=HOW_TO,
            done=sum(i.done for i in items),
            config_file=ctx.config_file,
        )
    ]
