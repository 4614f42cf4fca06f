"""``<base>/competencies.md``: the store as evidence for the progression framework.

Only with the ``framework`` option. The rows come from
:func:`mkdocs_growth.practice.evidence.evidence_report` (the same model
``mkdocs-growth evidence`` and ``growth.json`` use); this module only lays
them out.
"""

from __future__ import annotations

from ...core.store import Store
from ...practice.evidence import Cell, Evidence, EvidenceReport, evidence_report
from ..blocks import Block, Bullets, Code, Em, Heading, Inline, Link, Page, Para, Quote, Strong
from ..context import SiteContext
from ..formats import fmt_date, plural
from .common import page_link

PATH = "competencies.md"
INTRO = (
    ": for every theme, what each level asks and the documents that show it. Done cards"
    " and talks given come first; planned work is listed but is not evidence yet."
)


def pages(store: Store, ctx: SiteContext) -> list[Page]:
    if store.config.framework is None:
        return []
    page = Page(ctx.path(PATH), "Competencies")
    report = evidence_report(store)
    if report is None:  # the framework file has errors
        page.blocks.append(
            Para(
                [
                    "The progression framework ",
                    Code(store.config.framework),
                    " has errors, so no evidence is shown: see ",
                    page_link(ctx, "problems.md", "Problems"),
                    ".",
                ]
            )
        )
        return [page]
    fw = report.framework
    named: Inline = Em(fw.name) if fw.name else "the progression framework"
    page.blocks += [
        Para(["The store as evidence for ", named, " (", Code(fw.path), ")", INTRO]),
        Bullets([Strong(str(s)) if n == 0 else str(s) for n, s in enumerate(report.summaries)]),
    ]
    for row in report.themes:
        page.blocks.append(Heading(2, row.theme.name))
        if row.theme.summary:
            page.blocks.append(Para(row.theme.summary))
        for cell in row.cells:
            page.blocks += _cell(report, cell)
        if row.earlier:
            earlier = " · ".join(f"{c.level.name}: {_evidence_count(c)}" for c in row.earlier)
            page.blocks.append(Para(f"Earlier levels: {earlier}."))
    return [page]


def _cell(report: EvidenceReport, cell: Cell) -> list[Block]:
    role = ""
    if report.target and cell.level.id == report.target.id:
        role = " (target level)"
    elif report.current and cell.level.id == report.current.id:
        role = " (current level)"
    item = cell.found
    if item is None:
        gap = ": the framework has no competency for this theme at this level."
        return [Para([Strong(cell.level.name), role, gap])]
    line: list[Inline] = [Strong(cell.level.name), role]
    if item.competency.proficiency:
        line.append(f" · {item.competency.proficiency}")
    line += [" · ", Code(item.competency.id)]
    blocks: list[Block] = [Para(line), Quote([Para(item.competency.summary)])]
    if item.gap:
        blocks.append(Para([Strong("Gap:"), " no evidence yet."]))
    else:
        blocks.append(Bullets([_evidence(e, reasons=True) for e in item.evidence]))
    if item.planned:
        blocks += [Para("Planned:"), Bullets([_evidence(e) for e in item.planned])]
    return blocks


def _evidence(e: Evidence, reasons: bool = False) -> list[Inline]:
    state = f", {e.state}" if e.state != e.kind else ""
    when = fmt_date(e.date) or e.horizon or "undated"
    text = f" · {e.kind}{state} · {when}"
    if reasons and e.reasons:
        text += " · " + "; ".join(e.reasons)
    return [Link(e.doc.title, e.path), text]


def _evidence_count(cell: Cell) -> str:
    if cell.found is None or cell.found.gap:
        return "no evidence"
    return plural(len(cell.found.evidence), "document")
