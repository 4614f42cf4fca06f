"""``mkdocs-growth report``: the review packet of a horizon or a date range on stdout.

Without ``--horizon`` or ``--from``/``--to`` it is the packet of the current
horizon (or, when none contains today, of the last one that started). The
Markdown is the page the site publishes at ``<base>/reports/<horizon>.md``;
the JSON is the same data for other tools.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys

from ..core.messages import did_you_mean
from ..core.options import GrowthConfig
from ..core.store import Store
from ..practice.audience import published
from ..practice.report import Period, build_report, horizon_period, report_data, started_horizons
from ..practice.schedule import current_horizon, horizons_in_use
from ..practice.store import open_store
from ..site.pages.reports import report_page
from ..site.to_markdown import render_plain
from .common import EXIT_OK, UsageError, add_audience, require_dir, settings_of
from .generate import site_context
from .output import dumps


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date like 2026-11-24: {text!r}") from None


def choose_period(args: argparse.Namespace, store: Store, config: GrowthConfig) -> Period:
    """The period the arguments name (UsageError when they name none)."""
    today = config.effective_today()
    if args.horizon is not None:
        if args.start or args.end:
            raise UsageError("give --horizon or --from/--to, not both")
        spec = config.horizon(args.horizon)
        if spec is None:
            known = [h.id for h in horizons_in_use(store, today)]
            raise UsageError(
                f"unknown horizon {args.horizon!r}{did_you_mean(args.horizon, known)};"
                f" horizons: {', '.join(known) or '(none)'}"
            )
        return horizon_period(spec)
    if args.start or args.end:
        if not (args.start and args.end):
            raise UsageError("--from and --to go together")
        if args.start > args.end:
            raise UsageError(f"--from {args.start} is after --to {args.end}")
        return Period(args.start, args.end)
    current = current_horizon(config, today)
    if current is not None:
        return horizon_period(current)
    started = started_horizons(store, today)
    if not started:
        raise UsageError("no horizon has started yet: give --from and --to")
    return horizon_period(started[-1])


def cmd_report(args: argparse.Namespace) -> int:
    settings = settings_of(args)
    require_dir(settings.docs_dir)
    config = settings.growth
    config_name = os.path.basename(settings.config_file)
    full = open_store(
        settings.docs_dir, config, config_name, nav=settings.nav, framework=settings.framework
    )
    store = published(full, config_name)  # audience public: what the public page shows
    period = choose_period(args, store, config)
    report = build_report(store, period, config.effective_today())
    if args.format == "json":
        data = report_data(report, store.path_of)
        print(dumps(data, indent=2, ensure_ascii=False, default=str))
    else:
        ctx = site_context(settings, store)
        sys.stdout.write(render_plain(report_page(report, store, ctx), ctx))
    if full.errors:
        print(f"({len(full.errors)} errors: run 'mkdocs-growth validate')", file=sys.stderr)
    return EXIT_OK


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    report = sub.add_parser(
        "report", parents=[common], help="the review packet of a horizon or date range"
    )
    report.add_argument("--horizon", metavar="ID", help="a horizon id (default: the current one)")
    report.add_argument("--from", dest="start", type=_date, metavar="DATE", help="first day")
    report.add_argument("--to", dest="end", type=_date, metavar="DATE", help="last day")
    report.add_argument("--format", choices=("md", "json"), default="md", help="default: md")
    add_audience(
        report,
        "the packet for this audience (default: the 'audience' option); public leaves out"
        " private documents and private_fields, as the public site does",
    )
    report.set_defaults(func=cmd_report)
