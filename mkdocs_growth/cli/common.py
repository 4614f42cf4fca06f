"""What every subcommand shares: exit codes, the usage error, reading mkdocs.yml."""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys

from .settings import Settings, SettingsError, find_config, load_settings

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
EXIT_ENVIRONMENT = 2  # stdout full or closed, --out unwritable: not "problems found" (1)
EXIT_INTERRUPTED = 130  # Ctrl-C, as a shell reports SIGINT


class UsageError(Exception):
    """Bad arguments or an unusable config: exit 2 with the message."""


def config_file_of(args: argparse.Namespace) -> str:
    """``-f FILE``, else mkdocs.yml here or in the nearest parent folder (named on stderr)."""
    if args.config_file is not None:
        return str(args.config_file)
    found = find_config(os.getcwd())
    if found is None:
        raise UsageError(
            "no mkdocs.yml in this folder or any folder above it; run from the store's"
            " folder or pass -f path/to/mkdocs.yml"
        )
    shown = os.path.relpath(found)
    if os.path.dirname(shown):  # not the one in this folder: say which one is used
        print(f"mkdocs-growth: using {shown}", file=sys.stderr)
    return shown


def settings_of(args: argparse.Namespace) -> Settings:
    """The settings of ``-f``, with ``--audience`` (where a subcommand has it) applied."""
    try:
        settings = load_settings(config_file_of(args))
    except SettingsError as exc:
        raise UsageError(str(exc)) from None
    audience = getattr(args, "audience", None)
    if audience is not None:
        growth = settings.growth.model_copy(update={"audience": audience})
        settings = dataclasses.replace(settings, growth=growth)
    return settings


def add_audience(parser: argparse.ArgumentParser, help_text: str) -> None:
    """``--audience public|internal``: overrides the growth option for one run."""
    parser.add_argument("--audience", choices=("public", "internal"), help=help_text)


def require_dir(docs_dir: str) -> None:
    if not os.path.isdir(docs_dir):
        raise UsageError(f"{docs_dir}: docs_dir is not a directory")
