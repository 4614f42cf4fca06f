"""The growth pictures of a page, as raw HTML blocks linked from that page.

Each function draws one picture for the page at ``here`` from the
:mod:`~mkdocs_growth.practice.pictures` data; links inside the SVG are
final URLs (:meth:`SiteContext.href`), since no renderer rewrites raw HTML.
"""

from __future__ import annotations

from collections.abc import Callable

from ...core.model import Card
from ...core.options import HorizonSpec
from ...core.store import Store
from ...practice.pictures import cadence, impact_effort, milestone_timeline, rubric_trend
from ...practice.schedule import horizons_in_use
from ..context import SiteContext
from ..svg.cadence import cadence_svg
from ..svg.matrix import matrix_svg
from ..svg.rubric_trend import rubric_trend_svg
from ..svg.timeline import timeline_svg


def _href(store: Store, ctx: SiteContext, here: str) -> Callable[[Card], str]:
    def href(card: Card) -> str:
        return ctx.href(here, store.path_of(card))

    return href


def matrix(store: Store, ctx: SiteContext, here: str) -> str:
    return matrix_svg(impact_effort(store), _href(store, ctx, here))


def timeline(store: Store, ctx: SiteContext, here: str, horizon: HorizonSpec | None) -> str:
    """Milestones of the horizon's cards; without a horizon, of the active cards."""
    if horizon is None:
        cards = [c for c in store.cards if c.status == "active"]
    else:
        cards = [c for c in store.cards if c.horizon == horizon.id]
    data = milestone_timeline(cards, ctx.today, horizon)
    return timeline_svg(data, _href(store, ctx, here), "growth-timeline")


def learning_cadence(store: Store, ctx: SiteContext) -> str:
    return cadence_svg(cadence(store, ctx.today))


def rubric_trend_chart(store: Store, ctx: SiteContext) -> str:
    return rubric_trend_svg(rubric_trend(store, horizons_in_use(store, ctx.today), ctx.today))
