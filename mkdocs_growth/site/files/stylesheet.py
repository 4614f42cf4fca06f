"""``<base>/growth.css``: growth's own small stylesheet, scoped to growth's blocks.

Material styles the tables, admonitions and grids; this adds only what it
lacks: stacked table rows on a phone, ids that never break mid-word, the
card header's grid, chart colours per colour scheme, and the print rules that make
the competencies page a clean promotion case. The plugin links it
(``extra_css``); ``generate`` writes it for a site to link the same way.
"""

from __future__ import annotations

from importlib.resources import files as package_files

from ...core.store import Store
from ..blocks import GeneratedFile
from ..context import SiteContext

NAME = "growth.css"


def stylesheet() -> str:
    """The stylesheet's text, shipped in the package."""
    return package_files(__package__).joinpath(NAME).read_text(encoding="utf-8")


def files(store: Store, ctx: SiteContext) -> list[GeneratedFile]:
    return [GeneratedFile(ctx.path(NAME), stylesheet())]
