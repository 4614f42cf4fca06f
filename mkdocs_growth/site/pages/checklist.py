"""``<base>/checklist.md``: the playbook's quick-start checklist, ticked from the store."""

from __future__ import annotations

from ...core.store import Store
from ...practice.checklist import HOW_TO, CheckItem, checklist
from ..blocks import Block, Heading, Link, Page, Para, Strong, Table, prose
from ..context import SiteContext
from ..formats import fmt_date

# item id -> how to fix it (growth's own prose: `code` spans allowed)
FIXES: dict[str, str] = {
    "north-star": (
        "Add one sentence for the next one to three years under the plugin's options in"
        " `{config_file}`: `north_star: ...` below `- growth:`. The dashboard shows it."
    ),
    "horizon-card": (
        'Run `mkdocs-growth new card "Title"`: it writes a card in the current horizon'
        " with three milestones, each with a `done_when` (its definition of done). Keep"
        " three to five milestones, each one observable when done."
    ),
    "scores": (
        "Every card needs `scores:` with `impact`, `effort`, `reusability` and"
        " `learnings`, each a whole number from 1 to 5. The problems page lists the cards"
        " that lack them."
    ),
    "guardrail": (
        "Set finished milestones to `status: done` and pause others (`planned`) until"
        " at most `max_active` are active across active cards."
    ),
    "weekly-note": (
        'Run `mkdocs-growth new note "What I learned"` and write a short explanation of'
        " one concept or recent learning."
    ),
    "knowledge-share": (
        'Give a short talk or teach-back and record it with `mkdocs-growth new talk "Title"`'
        " (dated within the current horizon, or with its `horizon:` set)."
    ),
    "check-in": (
        "Meet your mentor every 4 to 6 weeks and add what you heard to the card under"
        " `feedback:` (`date`, `from`, `went_well`, `didnt`, `try_next`)."
    ),
    "retro": (
        'Every 90 days, run `mkdocs-growth new retro "Title"`, reassess goals and'
        " horizons, and archive cards that are done or dropped."
    ),
}


def pages(store: Store, ctx: SiteContext) -> list[Page]:
    items = checklist(store, ctx.today, ctx.base)
    done = sum(i.done for i in items)
    rows = [("✓ yes" if i.done else "✗ no", i.label, i.detail, _fix_link(i)) for i in items]
    blocks: list[Block] = [
        Para(
            [
                f"The playbook's quick-start checklist, ticked from the store on {fmt_date(ctx.today)}: ",
                Strong(f"{done} of {len(items)}"),
                " done.",
            ]
        ),
        Table(("Done", "Item", "Found", "Fix"), rows),
        Heading(2, "How to fix"),
    ]
    for item_id, heading in HOW_TO.items():
        blocks += [
            Heading(3, heading),
            Para(prose(FIXES[item_id].format(config_file=ctx.config_file))),
        ]
    return [Page(ctx.path("checklist.md"), "Checklist", blocks)]


def _fix_link(item: CheckItem) -> Link:
    text = "see" if item.done else "fix"
    if item.link.startswith("#"):
        return Link(text, "", fragment=item.link[1:])
    return Link(text, item.link)
