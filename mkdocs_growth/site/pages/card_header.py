"""What growth adds to a document's own page: the card header, and the broken-page note.

The card header (goal, domain, horizon, status, priority, milestones, rubric
chart, metrics, artifacts, feedback) is one model: the plugin renders it to
HTML above the card's text, ``generate`` to Markdown on a page of its own
(:mod:`.cards`). The author's Markdown is never changed.
"""

from __future__ import annotations

from ...core.frontmatter import Block as FrontMatterBlock
from ...core.frontmatter import split
from ...core.model import Card, Feedback, Milestone
from ...core.parse import Entry
from ...core.problems import Problem
from ...core.store import Store
from ...practice.milestones import progress
from ...practice.priority import priorities
from ..blocks import (
    Block,
    Bullets,
    CodeBlock,
    Em,
    Facts,
    Group,
    Inline,
    Markup,
    Notice,
    Para,
    Rule,
    Strong,
    Table,
    Tasks,
)
from ..charts import rubric_svg
from ..context import SiteContext
from ..formats import fmt_date, fmt_number
from ..to_markdown import render as render_markdown
from .common import artifact_link, domain_link, horizon_link, page_link

HEADER_CLASS = "growth-card-header"
METRICS_HEAD = ("Metric", "Unit", "Baseline", "Target", "Actual")


def card_header(card: Card, store: Store, ctx: SiteContext) -> Group:
    """The header of ``card``: every value from the front matter, none of it as markup."""
    prio = priorities(store)[card.id]
    done = progress(card)
    s = card.scores
    path = store.path_of(card)
    facts: list[tuple[str, Inline]] = [
        ("Domain", domain_link(store, ctx, card.domain)),
        ("Horizon", horizon_link(ctx, card.horizon)),
        ("Status", card.status),
        (
            "Priority",
            [
                f"{fmt_number(prio.score)} {prio.band} (",
                page_link(ctx, "priorities.md", "table"),
                ")",
            ],
        ),
        (
            "Scores",
            f"impact {s.impact} · effort {s.effort} · reusability {s.reusability}"
            f" · learnings {s.learnings}",
        ),
    ]
    if card.concepts:
        facts.append(("Concepts", ", ".join(card.concepts)))
    if card.tags:
        facts.append(("Tags", ", ".join(card.tags)))
    blocks: list[Block] = [Para([Strong("Goal:"), " ", card.goal]), Facts(facts)]
    if card.milestones:
        blocks += [
            Para([Strong("Milestones"), f" ({done} done)"]),
            Tasks([(m.status == "done", _milestone(m)) for m in card.milestones]),
        ]
    chart = rubric_svg(card)
    if chart:
        blocks.append(Markup(chart))
    if card.metrics:
        rows = [
            (
                m.name,
                m.unit or "",
                fmt_number(m.baseline),
                fmt_number(m.target),
                fmt_number(m.actual),
            )
            for m in card.metrics
        ]
        blocks.append(Table(METRICS_HEAD, rows))
    if card.artifacts:
        items = [[f"{a.kind}: ", artifact_link(a, path)] for a in card.artifacts]
        blocks += [Para(Strong("Artifacts")), Bullets(items)]
    if card.feedback:
        blocks.append(Para(Strong("Feedback")))
        for entry in sorted(card.feedback, key=lambda f: f.date):
            blocks += _feedback(entry)
    blocks.append(Rule())
    return Group(HEADER_CLASS, blocks)


def _milestone(m: Milestone) -> list[Inline]:
    state = f" ({m.status})" if m.status in ("active", "dropped") else ""
    due = f" (due {fmt_date(m.due)})" if m.due else ""
    return [Strong(m.title), f": done when {m.done_when}{state}{due}"]


def _feedback(entry: Feedback) -> list[Block]:
    """One feedback entry: who and when, then what went well, what didn't, what to try next."""
    who = f", from {entry.from_}" if entry.from_ else ""
    said: list[tuple[str, Inline]] = [
        (label, text)
        for label, text in (
            ("Went well", entry.went_well),
            ("Didn't", entry.didnt),
            ("Try next", entry.try_next),
        )
        if text
    ]
    return [Para(Em(f"{fmt_date(entry.date)}{who}")), Facts(said) if said else Para("(no text)")]


def broken_page(entry: Entry, problems: list[Problem], ctx: SiteContext, text: str) -> str:
    """A page whose front matter cannot be read, as Markdown: a note, the raw block, the body.

    Nothing is injected (the block is shown as a code listing, not parsed) and
    nothing is lost (every character of the file is on the page). The body is
    the author's Markdown: MkDocs renders the whole page.
    """
    found = split(text)
    if found.block is FrontMatterBlock.NONE:
        raw, body = text, ""
    else:
        body = found.body
        raw = text[: len(text) - len(body)]
    listed = [
        f"{f'line {p.line}: ' if p.line else ''}{p.severity.value}: {p.message}" for p in problems
    ]
    note = Notice(
        "warning",
        "Front-matter problems",
        [
            Para(
                [
                    "This page has front-matter problems and is not part of the growth"
                    " indexes; see ",
                    page_link(ctx, "problems.md", "Problems"),
                    ".",
                ]
            ),
            Bullets(listed),
        ],
    )
    blocks: list[Block] = [note]
    if raw:
        blocks.append(CodeBlock(raw.rstrip("\n"), "yaml"))
    return f"{render_markdown(blocks, ctx, entry.path)}{body}"
