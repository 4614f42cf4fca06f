"""What the team pages share: the team read once, links to people and to members' pages."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ....team.knows import KIND_LABEL, Knowledge, who_knows_what
from ....team.model import Member, MemberDoc, Team, Unavailable
from ...blocks import Inline, Link
from ...formats import fmt_date

TEAM = "team"


def path(name: str) -> str:
    """Docs-relative path of a team page: ``path("knows.md")``."""
    return f"{TEAM}/{name}"


def person_path(member_id: str) -> str:
    return path(f"people/{member_id}.md")


@dataclass
class TeamView:
    """The team and what is computed from it once per build (who knows what)."""

    team: Team
    today: dt.date
    knowledge: Knowledge = field(init=False)

    def __post_init__(self) -> None:
        self.knowledge = who_knows_what(self.team, self.today)

    def documents(self, *types: str) -> list[tuple[Member, MemberDoc]]:
        """Every member's documents of these types, newest first (then title, person)."""
        out = [(m, d) for m in self.team.available for d in m.documents if d.type in types]
        out.sort(key=lambda md: (md[1].title.casefold(), md[0].id))
        out.sort(key=lambda md: md[1].sort_date, reverse=True)
        return out


def person_link(member: Member | Unavailable) -> Link:
    return Link(member.name, person_path(member.id))


def doc_link(member: Member, doc: MemberDoc, text: str | None = None) -> Link:
    """A link to the document's page in the member's published site."""
    return Link(doc.title if text is None else text, member.prefix + doc.url)


def site_link(member: Member, text: str = "their site") -> Link:
    return Link(text, member.prefix)


def dated_item(member: Member, doc: MemberDoc, *, who: bool = True) -> list[Inline]:
    """``2026-11-02 · Title · Person`` (the person linked to their team page)."""
    item: list[Inline] = [f"{fmt_date(doc.date)} · "] if doc.date else []
    item.append(doc_link(member, doc))
    if who:
        item += [" · ", person_link(member)]
    return item


def evidence_item(member: Member, doc: MemberDoc) -> list[Inline]:
    """``done card: Title (2026-10-01)``."""
    item: list[Inline] = [f"{KIND_LABEL[doc.type]}: ", doc_link(member, doc)]
    if doc.date:
        item.append(f" ({fmt_date(doc.date)})")
    return item
