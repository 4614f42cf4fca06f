"""``mkdocs-growth schema``: the front-matter JSON Schema on stdout."""

from __future__ import annotations

import argparse
import json

from ..core.model import json_schema
from .common import EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    print(json.dumps(json_schema(), indent=2))
    return EXIT_OK


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    schema = sub.add_parser("schema", parents=[common], help="print the front-matter JSON Schema")
    schema.set_defaults(func=cmd_schema)
