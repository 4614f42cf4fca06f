"""``mkdocs-growth team check``: the team options and every member's site, without building.

Exit 0 when every member can be published, 1 when one cannot (with
``--strict``, also when documents of a member were left out), 2 for a usage
error or a config without ``team:``.
"""

from __future__ import annotations

import argparse
import json
import os

from ..team.model import Member
from ..team.read import read_team
from .common import EXIT_OK, EXIT_PROBLEMS, UsageError, settings_of


def cmd_team_check(args: argparse.Namespace) -> int:
    settings = settings_of(args)
    spec = settings.growth.team
    if spec is None:
        raise UsageError(f"{settings.config_file}: the growth options have no team: block")
    config_dir = os.path.dirname(os.path.abspath(settings.config_file))
    team = read_team(spec, config_dir, reuse=False)
    rows = []
    for member in team.members:
        if isinstance(member, Member):
            state = "ok"
            detail = f"{len(member.documents)} documents"
            notes = member.notes
        else:
            state, detail, notes = "unavailable", member.reason, []
        rows.append({"id": member.id, "site": member.spec.site, "state": state,
                     "detail": detail, "notes": notes})  # fmt: skip
    if args.format == "json":
        print(json.dumps({"members": rows}, ensure_ascii=False, indent=1))
    else:
        for row in rows:
            print(f"{row['id']}: {row['state']}: {row['detail']}")
            for note in row["notes"]:
                print(f"{row['id']}: warning: {note}")
        ok = sum(row["state"] == "ok" for row in rows)
        print(f"{ok} of {len(rows)} members can be published")
    failed = any(row["state"] != "ok" for row in rows)
    noted = any(row["notes"] for row in rows)
    return EXIT_PROBLEMS if failed or (args.strict and noted) else EXIT_OK


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    team = sub.add_parser("team", help="team sites: check the members' published sites")
    actions = team.add_subparsers(dest="team_command", metavar="ACTION", required=True)
    check = actions.add_parser(
        "check",
        parents=[common],
        help="check the team options and every member's site without building",
    )
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--strict", action="store_true", help="warnings fail too")
    check.set_defaults(func=cmd_team_check)
