"""``team/``: the team's home: people, latest notes and talks, who knows what, review requests."""

from __future__ import annotations

from ....team.model import Member
from ...blocks import Bullets, Heading, Inline, Link, Page, Para
from ...context import SiteContext
from .common import TeamView, dated_item, path, person_link, site_link
from .feeds import open_requests

LATEST = 10


def pages(view: TeamView, ctx: SiteContext) -> list[Page]:
    team = view.team
    page = Page(path("index.md"), "Team")
    blocks = page.blocks
    blocks.append(
        Para(
            f"{len(team.members)} people share what they learn here: their own growth"
            " sites, published unchanged, and what the team can find across them."
        )
    )
    blocks.append(Heading(2, "People"))
    people: list[Inline] = []
    for member in team.by_name():
        item: list[Inline] = [person_link(member)]
        if isinstance(member, Member):
            item += [" · ", site_link(member)]
        else:
            item.append(" · site unavailable")
        people.append(item)
    blocks.append(Bullets(people))
    for title, kind, name in (
        ("Latest notes", "note", "notes.md"),
        ("Latest talks", "talk", "talks.md"),
    ):
        blocks.append(Heading(2, title))
        docs = view.documents(kind)
        if docs:
            blocks.append(Bullets([dated_item(m, d) for m, d in docs[:LATEST]]))
            blocks.append(Para([Link(f"All {title.split()[1]}", path(name))]))
        else:
            blocks.append(Para("Nothing here yet."))
    blocks.append(Heading(2, "Who knows what"))
    domains = [t for t in view.knowledge.domains if t.claims]
    if domains:
        blocks.append(Bullets([[f"{topic.label}: ", *_names(topic.claims)] for topic in domains]))
    blocks.append(Para([Link("By domain, tag and concept, with the evidence", path("knows.md"))]))
    requests = open_requests(view)
    blocks.append(Heading(2, "Review requests"))
    if requests:
        blocks.append(
            Para([f"{len(requests)} open: ", Link("peer review requests", path("reviews.md"))])
        )
    else:
        blocks.append(Para("No open requests."))
    return [page]


def _names(claims: list) -> list[Inline]:
    out: list[Inline] = []
    for n, claim in enumerate(claims):
        if n:
            out.append(", ")
        out.append(person_link(claim.member))
    return out
