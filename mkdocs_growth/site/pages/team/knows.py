"""``team/knows/``: who knows what, by team domain, tag and concept, each claim with its evidence."""

from __future__ import annotations

from ....team.knows import Topic
from ....team.model import Member
from ...blocks import Block, Bullets, Heading, Inline, Markup, Page, Para, Table
from ...context import SiteContext
from ...svg.team_heatmap import team_map_svg
from .common import TeamView, evidence_item, path, person_link

SECTIONS = (("Domains", "domains"), ("Tags", "tags"), ("Concepts", "concepts"))


def pages(view: TeamView, ctx: SiteContext) -> list[Page]:
    page = Page(path("knows.md"), "Who knows what")
    blocks = page.blocks
    blocks.append(
        Para(
            "From what people published: done cards, talks given, playbooks, notes and"
            " decisions, each linked. People are listed by name; their evidence, done cards"
            " first, recent first."
        )
    )
    blocks.append(Markup(_picture(view)))
    blocks += _themes(view)
    for title, attr in SECTIONS:
        topics: list[Topic] = [t for t in getattr(view.knowledge, attr) if t.claims]
        blocks.append(Heading(2, title))
        if not topics:
            blocks.append(Para("Nothing here yet."))
        for topic in topics:
            label = (
                topic.label if topic.configured else f"{topic.label} (not in the team's domains)"
            )
            blocks.append(Heading(3, label))
            items: list[Inline] = []
            for claim in topic.claims:
                evidence: list[Inline] = []
                for n, doc in enumerate(claim.evidence):
                    evidence += ["; " if n else "", *evidence_item(claim.member, doc)]
                items.append([person_link(claim.member), ": ", *evidence])
            blocks.append(Bullets(items))
    return [page]


def _themes(view: TeamView) -> list[Block]:
    """Framework themes x people, only for the members who publish their competencies."""
    people = [m for m in view.team.by_name() if isinstance(m, Member) and m.themes is not None]
    if not people:
        return []
    themes = list(dict.fromkeys(name for m in people for name in m.themes or {}))
    rows: list[list[Inline]] = [
        [person_link(m), *[str((m.themes or {}).get(name, "")) for name in themes]] for m in people
    ]
    return [
        Heading(2, "Framework themes"),
        Para(
            "Documents each person published as evidence for a theme of their progression"
            " framework; only people who publish their competencies are listed."
        ),
        Table(["Person", *themes], rows),
    ]


def _picture(view: TeamView) -> str:
    domains = [t for t in view.knowledge.domains if t.claims]
    people = sorted(view.team.available, key=lambda m: (m.name.casefold(), m.id))
    index = {m.id: n for n, m in enumerate(people)}
    counts = [[0] * len(domains) for _ in people]
    for d, topic in enumerate(domains):
        for claim in topic.claims:
            counts[index[claim.member.id]][d] = len(claim.evidence)
    return team_map_svg([t.label for t in domains], [m.name for m in people], counts)
