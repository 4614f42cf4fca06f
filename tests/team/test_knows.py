"""Who knows what: grouped by the team's words, people by name, evidence by its own weight."""

from __future__ import annotations

import datetime as dt

from mkdocs_growth.core.options import TeamDomainSpec, TeamMemberSpec, TeamSpec
from mkdocs_growth.team.knows import who_knows_what
from mkdocs_growth.team.model import Member, MemberDoc, Team

TODAY = dt.date(2026, 11, 24)


def member(mid: str, name: str, *docs: MemberDoc) -> Member:
    return Member(TeamMemberSpec(id=mid, name=name, site=mid), "/x", "", list(docs))


def doc(kind: str, title: str, day: str | None = None, **fields: object) -> MemberDoc:
    date = dt.date.fromisoformat(day) if day else None
    return MemberDoc(type=kind, id=title.lower(), title=title, url="x/", date=date, **fields)  # type: ignore[arg-type]


def team(*members: Member, domains: list[TeamDomainSpec] | None = None) -> Team:
    spec = TeamSpec(
        members=[m.spec for m in members],
        domains=domains or [TeamDomainSpec(id="observability", aliases=["o11y"])],
    )
    return Team(spec, list(members))


def test_people_are_listed_by_name_never_by_how_much_they_published() -> None:
    prolific = member(
        "zed", "Zed", *[doc("note", f"N{i}", "2026-11-01", domain="o11y") for i in range(9)]
    )
    quiet = member("amy", "Amy", doc("note", "One", "2026-10-01", domain="observability"))
    topic = who_knows_what(team(prolific, quiet), TODAY).domains[0]
    assert topic.label == "Observability"
    assert [c.member.id for c in topic.claims] == ["amy", "zed"]


def test_evidence_orders_done_cards_then_talks_playbooks_notes_decisions_recent_first() -> None:
    ana = member(
        "ana",
        "Ana",
        doc("decision", "D", "2026-11-20", domain="o11y"),
        doc("note", "Old note", "2026-01-01", domain="o11y"),
        doc("note", "New note", "2026-11-01", domain="o11y"),
        doc("playbook", "P", domain="o11y"),
        doc("talk", "T", "2026-06-01", domain="o11y"),
        doc("card", "Done", status="done", domain="o11y"),
        doc("card", "Active", status="active", domain="o11y"),  # not evidence yet
        doc("talk", "Announced", "2026-12-10", domain="o11y"),  # not given yet
    )
    claim = who_knows_what(team(ana), TODAY).domains[0].claims[0]
    assert [d.title for d in claim.evidence] == ["Done", "T", "P", "New note", "Old note", "D"]


def test_an_unmapped_domain_keeps_its_own_name() -> None:
    ben = member("ben", "Ben", doc("note", "N", "2026-11-01", domain="kafka-ops"))
    domains = who_knows_what(team(ben), TODAY).domains
    unmapped = [t for t in domains if t.key == "kafka-ops"]
    assert unmapped and not unmapped[0].configured and unmapped[0].claims


def test_tags_and_concepts_group_across_spelling_case() -> None:
    a = member("a", "A", doc("note", "N1", "2026-11-01", tags=("Kafka",)))
    b = member("b", "B", doc("note", "N2", "2026-11-02", tags=("kafka", "KAFKA")))
    tags = who_knows_what(team(a, b), TODAY).tags
    assert len(tags) == 1 and [len(c.evidence) for c in tags[0].claims] == [1, 1]
