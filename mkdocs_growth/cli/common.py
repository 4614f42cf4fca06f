"""What every subcommand shares: exit codes, the usage error, reading mkdocs.yml."""

from __future__ import annotations

import argparse
import os

from .settings import Settings, SettingsError, load_settings

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad arguments or an unusable config: exit 2 with the message."""


def settings_of(args: argparse.Namespace) -> Settings:
    try:
        return load_settings(args.config_file)
    except SettingsError as exc:
        raise UsageError(str(exc)) from None


def require_dir(docs_dir: str) -> None:
    if not os.path.isdir(docs_dir):
        raise UsageError(f"{docs_dir}: docs_dir is not a directory")
