"""``<base>/competencies.md``: the store as evidence for the progression framework.

Only with the ``framework`` option. The rows come from
:func:`mkdocs_growth.practice.evidence.evidence_report` (the same model
``mkdocs-growth evidence`` and ``growth.json`` use); this module only lays
them out, and puts its summary lines on the dashboard (:func:`dashboard_slot`).
"""

from __future__ import annotations

from ...core.framework import Level
from ...core.store import Store
from ...practice.evidence import (
    Cell,
    CompetencyEvidence,
    Evidence,
    EvidenceReport,
    evidence_report,
)
from ..blocks import (
    Block,
    Bullets,
    Code,
    Em,
    Group,
    Heading,
    Inline,
    Link,
    Page,
    Para,
    Quote,
    Strong,
    Url,
    join,
)
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
        if not row.cells:
            page.blocks.append(Para("The framework asks nothing of this theme at these levels."))
        if row.earlier:
            earlier = " · ".join(f"{c.level.name}: {_evidence_count(c)}" for c in row.earlier)
            page.blocks.append(Para(f"Earlier levels: {earlier}."))
    return [page]


def dashboard_slot(store: Store, ctx: SiteContext) -> list[Block]:
    """Dashboard block: the summary line of each level shown, linked to the page."""
    if store.config.framework is None:
        return []
    link = page_link(ctx, PATH, "Evidence and gaps by theme")
    report = evidence_report(store)
    if report is None:
        line: list[Inline] = [link, ": the progression framework has errors."]
    else:
        line = [Strong(str(report.summaries[0])) if report.summaries else ""]
        line += [f" · {s}" for s in report.summaries[1:]]
        line += [" · ", link, "."]
    return [Heading(2, "Competencies"), Para(line)]


def role(report: EvidenceReport, level: Level) -> str:
    """`` (target level)``, `` (current level)`` or nothing: what follows a level's name."""
    if report.target and level.id == report.target.id:
        return " (target level)"
    if report.current and level.id == report.current.id:
        return " (current level)"
    return ""


def _cell(report: EvidenceReport, cell: Cell) -> list[Block]:
    """Each competency of one level in the theme, with its evidence or a gap."""
    return [_competency(report, cell.level, item) for item in cell.competencies]


def _competency(report: EvidenceReport, level: Level, item: CompetencyEvidence) -> Group:
    competency = item.competency
    line: list[Inline] = [Strong(level.name), role(report, level)]
    if competency.proficiency:
        line.append(f" · {competency.proficiency}")
    line += [" · ", Code(competency.id)]
    words: list[Block] = [Para(competency.summary)]
    if competency.examples:
        words.append(Bullets(list(competency.examples)))
    if competency.supporting_urls:
        links = [Url(u.label, u.url) for u in competency.supporting_urls]
        words.append(Para(["See also: ", *join(links)]))
    blocks: list[Block] = [Para(line), Quote(words)]
    if item.gap:
        blocks.append(Para([Strong("Gap:"), " no evidence yet."]))
    else:
        blocks.append(Bullets([evidence_line(e, reasons=True) for e in item.evidence]))
    if item.planned:
        blocks += [Para("Planned:"), Bullets([evidence_line(e) for e in item.planned])]
    return Group("growth-competency", blocks)


def evidence_line(e: Evidence, reasons: bool = False) -> list[Inline]:
    """``<title> · card, done · 2026-02-01`` (and what makes it evidence), the title linked."""
    state = f", {e.state}" if e.state != e.kind else ""
    when = fmt_date(e.date) or e.horizon or "undated"
    text = f" · {e.kind}{state} · {when}"
    if reasons and e.reasons:
        text += " · " + "; ".join(e.reasons)
    return [Link(e.doc.title, e.path), text]


def _evidence_count(cell: Cell) -> str:
    count = cell.evidence_count
    return plural(count, "document") if count else "no evidence"
