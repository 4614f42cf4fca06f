"""``mkdocs-growth evidence``: competencies of a level with their evidence and gaps."""

from __future__ import annotations

import argparse
import csv
import io
import os
import sys

from ..core.messages import did_you_mean
from ..practice.audience import published
from ..practice.evidence import CompetencyEvidence, Evidence, EvidenceReport, evidence_report
from ..practice.store import open_store
from ..site.urls import absolute, page_url
from .common import EXIT_OK, EXIT_PROBLEMS, UsageError, require_dir, settings_of
from .output import clean, dumps
from .settings import Settings


def cmd_evidence(args: argparse.Namespace) -> int:
    settings = settings_of(args)
    if settings.growth.framework is None:
        raise UsageError(
            f"{settings.config_file}: no progression framework: set the growth option"
            " 'framework' to a framework file (see the docs page on frameworks)"
        )
    require_dir(settings.docs_dir)
    full = open_store(
        settings.docs_dir,
        settings.growth,
        settings.config_file,
        nav=settings.nav,
        framework=settings.framework,
    )
    # What the configured audience may see, as on the site and in growth.json.
    store = published(full, settings.config_file)
    framework = store.framework
    if framework is None:  # the file has errors: they are the store's problems
        print(
            f"mkdocs-growth: {settings.growth.framework} has errors: run 'mkdocs-growth validate'",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    levels = None
    if args.level is not None:
        known = [level.id for level in framework.levels]
        if args.level not in known:
            raise UsageError(
                f"--level: {framework.path} has no level {args.level!r}"
                f"{did_you_mean(args.level, known)}; its levels: {', '.join(known)}"
            )
        levels = [args.level]
    report = evidence_report(store, levels)
    assert report is not None
    if args.format == "json":
        print(dumps(report.as_dict(), indent=2, ensure_ascii=False))
    elif args.format == "csv":
        sys.stdout.write(render_csv(report, settings))
    else:
        print(render_text(report, settings))
    if full.errors:
        print(f"({len(full.errors)} errors: run 'mkdocs-growth validate')", file=sys.stderr)
    return EXIT_OK


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    evidence = sub.add_parser(
        "evidence",
        parents=[common],
        help="competencies of a level with their evidence and gaps",
        description="For every theme of the progression framework, the competency at each"
        " level (default: from the 'level' option up to 'target_level') with the documents"
        " that are evidence for it, and the gaps.",
    )
    evidence.add_argument("--level", metavar="ID", help="one level of the framework instead")
    evidence.add_argument(
        "--format",
        choices=("text", "json", "csv"),
        default="text",
        help="csv: one row per competency and evidence document, for a promotion sheet",
    )
    evidence.set_defaults(func=cmd_evidence)


CSV_COLUMNS = ("level", "theme", "competency", "title", "type", "state", "date", "link")


def render_csv(report: EvidenceReport, settings: Settings) -> str:
    """One row per competency and evidence document; a competency without any is one gap row.

    Level, theme and competency are written as a promotion board reads them
    (names and the competency's words, not ids); ``state`` is the document's (done, given, ...),
    ``planned`` for work that is not evidence yet, ``gap`` on a row without a
    document; ``link`` is the page's address when the site has a ``site_url``,
    else the file's path. A cell that starts like a formula (``=``, ``+``,
    ``-``, ``@``) gets a leading ``'``, so a spreadsheet shows it as text.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for theme in report.themes:
        for cell in theme.cells:
            for item in cell.competencies:
                words = " ".join(item.competency.summary.split())
                head = (cell.level.name, theme.theme.name, words)
                rows = [(e, e.state) for e in item.evidence]
                rows += [(e, "planned") for e in item.planned]
                if not item.evidence:
                    writer.writerow(_cells((*head, "", "", "gap", "", "")))
                for e, state in rows:
                    date = e.date.isoformat() if e.date else ""
                    row = (*head, e.doc.title, e.kind, state, date, _link(e, settings))
                    writer.writerow(_cells(row))
    return buffer.getvalue()


def _cells(row: tuple[str, ...]) -> list[str]:
    return ["'" + c if c[:1] in ("=", "+", "-", "@", "\t", "\r") else c for c in row]


def _link(e: Evidence, settings: Settings) -> str:
    if settings.site_url:
        return absolute(settings.site_url, page_url(e.path, settings.use_directory_urls))
    return os.path.relpath(os.path.join(settings.docs_dir, e.path))


def render_text(report: EvidenceReport, settings: Settings) -> str:
    """The evidence as plain text: one block per theme, one line per document."""
    fw = report.framework
    out = [f"{_clean(fw.name or fw.path)} ({fw.path})"]
    out += [_clean(str(summary)) for summary in report.summaries]
    for theme in report.themes:
        out += ["", f"{_clean(theme.theme.name)} [{theme.theme.id}]"]
        for cell in theme.cells:
            for item in cell.competencies:
                out += _competency(item, settings)
        if not theme.cells:
            out.append("  no competency at these levels")
        if theme.earlier:
            counts = [
                f"{_clean(c.level.name)} {c.evidence_count}"
                for c in theme.earlier
                if c.evidence_count
            ]
            out.append(f"  earlier levels: {', '.join(counts) or 'no evidence'}")
    return "\n".join(out)


def _competency(item: CompetencyEvidence, settings: Settings) -> list[str]:
    c = item.competency
    proficiency = f" · {_clean(c.proficiency)}" if c.proficiency else ""
    out = [
        f"  {_clean(item.level.name)}{proficiency} [{c.id}]",
        f"    {_clean(c.summary)}",
    ]
    out += [f"    e.g. {_clean(example)}" for example in c.examples]
    out += [f"    see {_clean(u.label)}: {_clean(u.url)}" for u in c.supporting_urls]
    if item.gap:
        out.append("    GAP: no evidence yet")
    for e in item.evidence:
        out.append(_line("+", e, settings))
        out += [f"        {_clean(reason)}" for reason in e.reasons]
    for e in item.planned:
        out.append(_line("planned", e, settings))
    return out


def _line(mark: str, e: Evidence, settings: Settings) -> str:
    when = e.date.isoformat() if e.date else (e.horizon or "undated")
    kind = e.kind if e.state == e.kind else f"{e.kind} ({e.state})"
    path = os.path.relpath(os.path.join(settings.docs_dir, e.path))
    return f"    {mark} {when}  {kind}  {_clean(e.doc.title)}  {path}"


def _clean(text: str) -> str:
    """One line of printable text (document and framework text may hold anything).

    Terminal controls go whole (:func:`.output.clean`, as for every line printed);
    what is left that is not printable (newlines, bidi controls) becomes a space.
    """
    return " ".join("".join(ch if ch.isprintable() else " " for ch in clean(text)).split())
