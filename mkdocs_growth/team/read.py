"""Read a whole team: every member in configuration order, each read or unavailable.

And the rules every front end applies to it alike (the plugin, ``generate``):
which members the team site's own files displace, and what to warn about.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..core.options import TeamSpec
from .members import read_member
from .model import PEOPLE, Member, Team, Unavailable

# folder -> the member read from it, kept across `mkdocs serve` rebuilds (and bench reruns):
# a member whose content hash did not change is not read again
_KNOWN: dict[str, Member] = {}


def read_team(spec: TeamSpec, config_dir: str, *, reuse: bool = True) -> Team:
    """The team, members read from their folders (relative to ``config_dir``, mkdocs.yml's)."""
    known = _KNOWN if reuse else None
    members = [read_member(m, config_dir, spec.max_json_bytes, known) for m in spec.members]
    return Team(spec, members)


def forget_members() -> None:
    """Drop every remembered member (tests; a process that reads many teams)."""
    _KNOWN.clear()


def withhold_taken(team: Team, taken: Iterable[str]) -> None:
    """Members whose ``people/<id>/`` the team site's own files already use become unavailable.

    The team site's pages win: a member's site is never published over them.
    """
    held = frozenset(taken)
    team.members = [
        Unavailable(
            m.spec,
            f"{PEOPLE}/{m.id}/ holds pages of the team site itself; the member's site is"
            " not published over them",
        )
        if m.id in held
        else m
        for m in team.members
    ]


def taken_ids(paths: Iterable[str]) -> set[str]:
    """The member ids whose folder ``people/<id>/`` holds one of ``paths`` (site-relative)."""
    return {p.split("/", 2)[1] for p in paths if p.startswith(f"{PEOPLE}/") and p.count("/") >= 2}


def member_problems(team: Team) -> list[str]:
    """One line per unavailable member and per member note: warnings (errors under strict)."""
    problems = [
        f"team member {gone.id}: site unavailable: {gone.reason}" for gone in team.unavailable
    ]
    for member in team.available:
        problems += [f"team member {member.id}: {note}" for note in member.notes]
    return problems
