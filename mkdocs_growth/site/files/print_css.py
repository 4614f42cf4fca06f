"""``<base>/print.css``: the competencies page printed as a promotion case.

Only with a progression framework. The plugin adds the file to MkDocs'
``extra_css``; with ``generate``, name it in ``extra_css`` yourself. Every
rule is for print and applies only to a page that holds growth's
competencies (``:has(.growth-competency)``), so the rest of the site prints
as the theme prints it; it knows Material's page parts and MkDocs' own
theme's. A file rather than a ``<style>`` in the page: the
generated pages stay free of style and script elements.
"""

from __future__ import annotations

from ...core.store import Store
from ..blocks import GeneratedFile
from ..context import SiteContext

PATH = "print.css"

CSS = """\
/* mkdocs-growth: the competencies page printed as a promotion case. */
@media print {
  body:has(.growth-competency) .md-header,
  body:has(.growth-competency) .md-tabs,
  body:has(.growth-competency) .md-sidebar,
  body:has(.growth-competency) .md-footer,
  body:has(.growth-competency) .md-top,
  body:has(.growth-competency) .md-source-file,
  body:has(.growth-competency) .md-content__button,
  body:has(.growth-competency) .headerlink,
  body:has(.growth-competency) .navbar,
  body:has(.growth-competency) .bs-sidebar,
  body:has(.growth-competency) footer {
    display: none !important;
  }
  body:has(.growth-competency) .md-main__inner,
  body:has(.growth-competency) .md-content,
  body:has(.growth-competency) .md-content__inner {
    margin: 0 !important;
    max-width: none !important;
  }
  body:has(.growth-competency) h2 {
    break-after: avoid;
    page-break-after: avoid;
  }
  .growth-competency {
    break-inside: avoid;
    page-break-inside: avoid;
  }
  .growth-competency a {
    color: inherit;
    text-decoration: none;
  }
}
"""


def files(store: Store, ctx: SiteContext) -> list[GeneratedFile]:
    if store.config.framework is None:
        return []
    return [GeneratedFile(ctx.path(PATH), CSS)]
