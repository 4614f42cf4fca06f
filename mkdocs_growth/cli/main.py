"""``mkdocs-growth``: the parser and the entry point; each subcommand is a module of its own."""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from . import edit, evidence, generate, new, output, priorities, report, schema, team, validate
from .common import EXIT_INTERRUPTED, EXIT_USAGE, UsageError

SUBCOMMANDS = (validate, new, priorities, schema, generate, evidence, edit, report, team)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mkdocs-growth",
        description="Career growth as code: validate and render a growth store.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "-f",
        "--config-file",
        default=None,
        metavar="FILE",
        help="the mkdocs.yml to read docs_dir and growth options from"
        " (default: mkdocs.yml here or in the nearest folder above)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in SUBCOMMANDS:
        module.add_parser(sub, common)
    return parser


def _version() -> str:
    from .. import __version__

    return __version__


def main(argv: Sequence[str] | None = None) -> int:
    """Run one subcommand and return its exit code (argparse errors included: 2).

    Everything printed goes through :mod:`.output`: cleaned of terminal
    controls; a reader that cannot take it is exit 2, whatever the command found.
    """
    _tolerant_output()
    with output.cleaned_streams():
        try:
            code = _dispatch(argv)
            output.flush()
        except output.OutputError as exc:
            return output.failed(exc)
    return code


def _dispatch(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, bad arguments
        return 0 if exc.code is None else exc.code if isinstance(exc.code, int) else EXIT_USAGE
    try:
        return int(args.func(args))
    except UsageError as exc:
        print(f"mkdocs-growth: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED


def run() -> NoReturn:
    """The console script: :func:`main`, then exit without tearing the interpreter down.

    Freeing a large store object by object at exit is a noticeable part of a
    ``validate`` on thousands of documents; the operating system reclaims the
    memory at once. Output is flushed first; nothing else is pending at that point.
    """
    code = main()
    for stream in (sys.stdout, sys.stderr):
        # The reader may have gone (a closed pipe) or the stream been closed: main said so.
        with contextlib.suppress(OSError, ValueError, AttributeError):  # None: started closed
            stream.flush()
    os._exit(code if 0 <= code <= 255 else 1)


def _tolerant_output() -> None:
    """Paths and messages may hold any character: never fail on a narrow terminal encoding."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
