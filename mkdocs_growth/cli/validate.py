"""``mkdocs-growth validate``: every problem of the store, as text, JSON or GitHub annotations."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable

from ..core.messages import plural
from ..core.problems import Problem, shown_path, sort_key
from ..core.store import Store
from ..practice.audience import published
from ..practice.store import open_store
from ..site.preflight import may_shadow, shadowed_pages, site_url_problems
from ..site.registry import generated_paths
from .common import EXIT_OK, EXIT_PROBLEMS, UsageError, add_audience, require_dir, settings_of
from .generate import site_context
from .settings import Settings


def _display_path(problem: Problem, settings: Settings, docs_dir: str) -> str:
    if problem.path == settings.config_file:
        return problem.path
    framework = settings.framework_path(problem.path)
    if framework is not None:
        return os.path.relpath(framework)
    return os.path.relpath(os.path.join(docs_dir, problem.path))


def _format_text(problems: list[Problem], shown: Callable[[Problem], str], store: Store) -> str:
    out = [str(Problem(shown(p), p.line, p.severity, p.message)) for p in problems]
    errors = sum(p.is_error for p in problems)
    notes = sum(p.is_note for p in problems)
    documents = sum(1 for e in store.entries if e.is_growth)
    also = f", {plural(notes, 'note')}" if notes else ""
    out.append(
        f"{plural(documents, 'growth document')} in {plural(len(store.entries), 'file')}:"
        f" {plural(errors, 'error')}, {plural(len(problems) - errors - notes, 'warning')}{also}"
    )
    return "\n".join(out)


def site_problems(settings: Settings, store: Store, docs_dir: str) -> list[Problem]:
    """What ``mkdocs build`` reports about the site as a whole, so both give one verdict."""
    try:
        with open(settings.config_file, encoding="utf-8-sig") as handle:
            config_text = handle.read()
    except (OSError, UnicodeDecodeError):
        config_text = ""
    problems = site_url_problems(settings.site_url, settings.config_file, config_text)

    def exists(path: str) -> bool:
        return os.path.exists(os.path.join(docs_dir, *path.split("/")))

    if settings.plugin_enabled and may_shadow(exists, settings.growth.base):
        view = published(store, settings.config_file)  # what the build renders from
        generated = generated_paths(view, site_context(settings, view))
        problems += shadowed_pages(generated, exists)
    return problems


def _escape_github(text: str, *, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def _format_github(problems: list[Problem], shown: Callable[[Problem], str]) -> str:
    out = []
    for p in problems:
        props = f"file={_escape_github(shown(p), prop=True)}"
        if p.line:
            props += f",line={p.line}"
        kind = "notice" if p.is_note else p.severity.value  # GitHub's name for a note
        out.append(f"::{kind} {props}::{_escape_github(p.message)}")
    return "\n".join(out)


def _report_filter(paths: list[str], docs_dir: str) -> Callable[[str], bool] | None:
    """Which real paths to report on: ``None`` for all, else files and folders given."""
    if not paths:
        return None
    root = os.path.realpath(docs_dir)
    wanted = []
    for given in paths:
        real = os.path.realpath(given)
        if real != root and not real.startswith(root + os.sep):
            # pre-commit passes every staged .md file, README.md included: not an error
            print(
                f"mkdocs-growth: skipped {shown_path(given)}: not inside docs_dir", file=sys.stderr
            )
            continue
        wanted.append((real, os.path.isdir(real)))

    def keep(real: str) -> bool:
        return any(real == w or (is_dir and real.startswith(w + os.sep)) for w, is_dir in wanted)

    return keep


def cmd_validate(args: argparse.Namespace) -> int:
    settings = settings_of(args)
    docs_dir = settings.docs_dir
    for given in args.paths:
        if not os.path.exists(given):
            raise UsageError(f"{given}: no such file or directory")
    paths = list(args.paths)
    if len(paths) == 1 and os.path.isdir(paths[0]):
        docs_dir, paths = paths[0], []  # another store folder, with these options
    require_dir(docs_dir)
    keep = _report_filter(paths, docs_dir)
    store = open_store(
        docs_dir,
        settings.growth,
        settings.config_file,
        nav=settings.nav,
        framework=settings.framework,
    )
    problems = sorted(store.problems + site_problems(settings, store, docs_dir), key=sort_key)
    if keep is not None:
        problems = [
            p
            for p in problems
            if p.path != settings.config_file
            and settings.framework_path(p.path) is None
            and keep(os.path.realpath(os.path.join(docs_dir, p.path)))
        ]

    def shown(p: Problem) -> str:
        return _display_path(p, settings, docs_dir)

    if args.format == "json":
        payload = [{**p.as_dict(), "path": shown(p)} for p in problems]
        print(json.dumps(payload, indent=2))  # ASCII escapes: valid JSON on any terminal
    elif args.format == "github":
        text = _format_github(problems, shown)
        if text:
            print(text)
    else:
        print(_format_text(problems, shown, store))
    strict = args.strict or settings.growth.strict  # the `strict` option fails builds too
    failing = [p for p in problems if p.is_error or (strict and p.fails_strict)]
    return EXIT_PROBLEMS if failing else EXIT_OK


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    validate = sub.add_parser(
        "validate", parents=[common], help="check every document; exit 1 on errors"
    )
    validate.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="a store folder (instead of docs_dir), or files to report on",
    )
    validate.add_argument("--format", choices=("text", "json", "github"), default="text")
    validate.add_argument("--strict", action="store_true", help="warnings fail too")
    add_audience(
        validate,
        "check as a build for this audience would (default: the 'audience' option);"
        " public also warns about links to private pages",
    )
    validate.set_defaults(func=cmd_validate)
