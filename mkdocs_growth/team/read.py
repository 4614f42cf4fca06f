"""Read a whole team: every member in configuration order, each read or unavailable."""

from __future__ import annotations

from ..core.options import TeamSpec
from .members import read_member
from .model import Member, Team

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
