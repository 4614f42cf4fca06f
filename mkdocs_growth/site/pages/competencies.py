"""``<base>/competencies.md``: the store as evidence for the progression framework.

Only with the ``framework`` option. The rows come from
:func:`mkdocs_growth.practice.evidence.evidence_report` (the same model
``mkdocs-growth evidence`` and ``growth.json`` use); this module only lays
them out.
"""

from __future__ import annotations

from ...core.store import Store
from ...practice.evidence import evidence_report
from ..context import SiteContext
from ..render import GeneratedPage
from .common import page

PATH = "competencies.md"


def pages(store: Store, ctx: SiteContext) -> list[GeneratedPage]:
    if store.config.framework is None:
        return []
    return [
        page(
            "competencies.md.j2",
            ctx.path(PATH),
            store,
            ctx,
            report=evidence_report(store),  # None: the framework file has errors
            framework_path=store.config.framework,
        )
    ]
