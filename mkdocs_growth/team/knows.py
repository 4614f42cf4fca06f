"""Who knows what: per team domain, tag and concept, the people with evidence, and the evidence.

Evidence is what a member published: done cards, talks given, playbooks,
notes and decisions. A claim always links to the documents behind it. People
appear in name order; within a person, evidence in the order of its weight
(done cards first, then talks, playbooks, notes, decisions), recent first.
Nothing is ranked by how much anyone produced.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from .model import Member, MemberDoc, Team
from .vocabulary import Vocabulary

EVIDENCE_ORDER = {"card": 0, "talk": 1, "playbook": 2, "note": 3, "decision": 4}
KIND_LABEL = {
    "card": "done card",
    "talk": "talk",
    "playbook": "playbook",
    "note": "note",
    "decision": "decision",
}


def is_evidence(doc: MemberDoc, today: dt.date) -> bool:
    """Done cards count as evidence, open ones not yet; talks, playbooks, notes, decisions do,
    except those dated after ``today`` (a talk announced is not a talk given)."""
    if doc.type == "card":
        return doc.status == "done"
    return doc.type in EVIDENCE_ORDER and (doc.date is None or doc.date <= today)


def evidence_key(doc: MemberDoc) -> tuple[int, int, str]:
    return (EVIDENCE_ORDER[doc.type], -doc.sort_date.toordinal(), doc.title.casefold())


@dataclass
class Claim:
    """One person's evidence on one topic."""

    member: Member
    evidence: list[MemberDoc] = field(default_factory=list)


@dataclass
class Topic:
    """A team domain, a tag or a concept, with everyone who has evidence for it."""

    kind: str  # "domain" | "tag" | "concept"
    key: str  # domain id, or the casefolded tag/concept
    label: str
    configured: bool = True  # a domain of the team's vocabulary (else a member's own id)
    claims: list[Claim] = field(default_factory=list)


@dataclass
class Knowledge:
    domains: list[Topic]
    tags: list[Topic]
    concepts: list[Topic]
    _by_member: dict[str, list[tuple[Topic, Claim]]] | None = None

    def of(self, member_id: str) -> list[tuple[Topic, Claim]]:
        """What one person has evidence for: every topic with their claim, domains first."""
        if self._by_member is None:  # once for everyone: a person page each, not a scan each
            self._by_member = {}
            for topic in [*self.domains, *self.tags, *self.concepts]:
                for claim in topic.claims:
                    self._by_member.setdefault(claim.member.id, []).append((topic, claim))
        return self._by_member.get(member_id, [])


def who_knows_what(team: Team, today: dt.date) -> Knowledge:
    """Group every member's evidence by topic, once over all documents."""
    vocabulary = Vocabulary(team.spec)
    topics: dict[tuple[str, str], Topic] = {}
    for domain in vocabulary.domains.values():  # the team's domains show even when empty
        topics[("domain", domain.id)] = Topic("domain", domain.id, domain.label)
    people = sorted(team.available, key=lambda m: (m.name.casefold(), m.id))
    for member in people:
        for doc in member.documents:
            if not is_evidence(doc, today):
                continue
            for kind, key, label, configured in _topics_of(doc, vocabulary):
                topic = topics.get((kind, key))
                if topic is None:
                    topic = topics[(kind, key)] = Topic(kind, key, label, configured)
                if not topic.claims or topic.claims[-1].member is not member:
                    topic.claims.append(Claim(member))
                topic.claims[-1].evidence.append(doc)
    for topic in topics.values():
        for claim in topic.claims:
            claim.evidence.sort(key=evidence_key)
    by_kind: dict[str, list[Topic]] = {"domain": [], "tag": [], "concept": []}
    for topic in topics.values():
        by_kind[topic.kind].append(topic)
    for listed in by_kind.values():
        listed.sort(key=lambda t: (not t.configured, t.label.casefold(), t.key))
    return Knowledge(by_kind["domain"], by_kind["tag"], by_kind["concept"])


def _topics_of(doc: MemberDoc, vocabulary: Vocabulary) -> Iterable[tuple[str, str, str, bool]]:
    if doc.domain:
        domain = vocabulary.domain(doc.domain)
        yield "domain", domain.id, domain.label, domain.configured
    for kind, words in (("tag", doc.tags), ("concept", doc.concepts)):
        for key, word in {w.casefold(): w for w in reversed(words)}.items():
            yield kind, key, word, True
