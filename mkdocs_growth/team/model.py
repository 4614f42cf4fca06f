"""What a team site knows about its members: plain data read from their ``growth.json``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..core.options import TeamMemberSpec, TeamSpec

PEOPLE = "people"  # members' sites are published under people/<id>/


@dataclass(frozen=True)
class MemberDoc:
    """One published document of a member, as much as the team pages show of it."""

    type: str
    id: str
    title: str
    url: str  # the page in the member's site, relative to its root, unquoted ("notes/x/")
    date: dt.date | None = None
    domain: str | None = None
    horizon: str | None = None
    status: str | None = None
    tags: tuple[str, ...] = ()
    concepts: tuple[str, ...] = ()
    card: str | None = None
    goal: str | None = None
    milestones: tuple[tuple[str, str], ...] = ()  # (title, status)
    review_date: dt.date | None = None  # an open review request (cards)
    review_note: str | None = None

    @property
    def sort_date(self) -> dt.date:
        return self.date or dt.date.min


class _Person:
    """What every member has, read or not: the id and the name the team config gives."""

    spec: TeamMemberSpec

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def name(self) -> str:
        return self.spec.label


@dataclass
class Member(_Person):
    """A member whose site was read: their documents and the few options the team shows."""

    spec: TeamMemberSpec
    folder: str  # absolute path of their built site
    digest: str  # content hash of growth.json and the site's files (skip unchanged members)
    documents: list[MemberDoc] = field(default_factory=list)
    north_star: str | None = None
    horizons: tuple[tuple[str, dt.date, dt.date], ...] = ()  # (id, start, end) as configured
    files: tuple[str, ...] = ()  # every file of the site, relative POSIX paths
    searchable: bool = False  # the site has a search/search_index.json to merge
    notes: list[str] = field(default_factory=list)  # what was skipped and why (warnings)
    # framework theme name -> documents published as evidence for it; None: no competencies
    themes: dict[str, int] | None = None

    @property
    def prefix(self) -> str:
        """Site-relative folder the member's site is published in."""
        return f"{PEOPLE}/{self.spec.id}/"


@dataclass(frozen=True)
class Unavailable(_Person):
    """A member whose site the team site cannot publish, and why (shown on their page)."""

    spec: TeamMemberSpec
    reason: str


@dataclass
class Team:
    """Every member in configuration order, read or unavailable."""

    spec: TeamSpec
    members: list[Member | Unavailable]

    @property
    def available(self) -> list[Member]:
        return [m for m in self.members if isinstance(m, Member)]

    @property
    def unavailable(self) -> list[Unavailable]:
        return [m for m in self.members if isinstance(m, Unavailable)]

    def by_name(self) -> list[Member | Unavailable]:
        """People in name order (then id): never ordered by what they produced."""
        return sorted(self.members, key=lambda m: (m.name.casefold(), m.id))
