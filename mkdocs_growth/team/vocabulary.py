"""The team's words for what members call by their own: domains mapped by ``aliases``.

A member's domain id that the team vocabulary does not know keeps its own
name: it is shown as a domain of its own, never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.options import TeamSpec


@dataclass(frozen=True)
class TeamDomain:
    id: str
    label: str
    configured: bool  # in the team's `domains:` (else a member's own domain id)


class Vocabulary:
    def __init__(self, spec: TeamSpec) -> None:
        self.domains = {d.id: TeamDomain(d.id, d.label, True) for d in spec.domains}
        self._alias = {alias: d.id for d in spec.domains for alias in d.aliases}

    def domain(self, member_domain: str) -> TeamDomain:
        """The team domain a member's domain id means (itself when unmapped)."""
        team_id = self._alias.get(member_domain, member_domain)
        known = self.domains.get(team_id)
        if known is not None:
            return known
        return TeamDomain(team_id, team_id.replace("-", " ").capitalize(), False)
