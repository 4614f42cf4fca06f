"""``team/people/<id>/``: one person: north star, horizon, active cards, notes, talks, knowledge."""

from __future__ import annotations

import datetime as dt

from ....team.model import Member, MemberDoc, Unavailable
from ...blocks import Bullets, Heading, Inline, Notice, Page, Para
from ...context import SiteContext
from ...formats import fmt_date
from .common import TeamView, dated_item, doc_link, evidence_item, person_path, site_link

LATEST = 5


def pages(view: TeamView, ctx: SiteContext) -> list[Page]:
    return [_page(view, member, ctx) for member in view.team.members]


def _page(view: TeamView, member: Member | Unavailable, ctx: SiteContext) -> Page:
    page = Page(person_path(member.id), member.name)
    if isinstance(member, Unavailable):
        page.blocks.append(Notice("warning", "Site unavailable", [Para(member.reason)]))
        return page
    blocks = page.blocks
    blocks.append(Para(["Everything they published: ", site_link(member)]))
    if member.north_star:
        blocks.append(Notice("quote", "North star", [Para(member.north_star)]))
    horizon = current_horizon(member, ctx.today)
    blocks.append(Para(f"Current horizon: {horizon}"))
    active = [d for d in member.documents if d.type == "card" and d.status == "active"]
    blocks.append(Heading(2, "Active cards"))
    if active:
        blocks.append(Bullets([_card_item(member, card) for card in active]))
    else:
        blocks.append(Para("No active card."))
    requests = [
        d
        for d in member.documents
        if d.type == "card" and d.review_date and d.status not in ("done", "dropped")
    ]
    if requests:
        blocks.append(Heading(2, "Asks for a review"))
        blocks.append(Bullets([_request(member, d) for d in requests]))
    for title, kind in (("Latest notes", "note"), ("Latest talks", "talk")):
        docs = sorted(
            (d for d in member.documents if d.type == kind), key=lambda d: d.sort_date, reverse=True
        )
        blocks.append(Heading(2, title))
        if docs:
            blocks.append(Bullets([dated_item(member, d, who=False) for d in docs[:LATEST]]))
        else:
            blocks.append(Para("Nothing here yet."))
    blocks.append(Heading(2, "What they know"))
    known = view.knowledge.of(member.id)
    if known:
        items: list[Inline] = []
        for topic, claim in known:
            evidence: list[Inline] = []
            for n, doc in enumerate(claim.evidence):
                evidence += ["; " if n else "", *evidence_item(member, doc)]
            items.append([f"{topic.kind} {topic.label}: ", *evidence])
        blocks.append(Bullets(items))
    else:
        blocks.append(Para("No evidence published yet (done cards, talks, playbooks, notes)."))
    return page


def current_horizon(member: Member, today: dt.date) -> str:
    """The member's configured horizon containing today, else the calendar quarter."""
    for hid, start, end in member.horizons:
        if start <= today <= end:
            return hid
    return f"{today.year:04d}-Q{(today.month - 1) // 3 + 1}"


def _card_item(member: Member, card: MemberDoc) -> list[Inline]:
    done = sum(status == "done" for _, status in card.milestones)
    counted = sum(status != "dropped" for _, status in card.milestones)
    item: list[Inline] = [doc_link(member, card), f" · {done}/{counted} milestones done"]
    now = [title for title, status in card.milestones if status == "active"]
    if now:
        item.append(" · now: " + "; ".join(now))
    return item


def _request(member: Member, card: MemberDoc) -> list[Inline]:
    item: list[Inline] = [doc_link(member, card), f" · asked {fmt_date(card.review_date)}"]
    if card.review_note:
        item.append(f" · {card.review_note}")
    return item
