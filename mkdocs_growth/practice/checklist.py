"""The playbook's quick-start checklist, ticked from the store.

Each item says whether it holds today, what was found, and where to go to
fix it: a docs-relative ``.md`` path (a card, a generated page) or an
``#anchor`` of the "How to fix" section of the checklist page itself. The
anchors are the default ``toc`` slugs of the headings in
``templates/checklist.md.j2`` (kept in :data:`HOW_TO`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TypeVar

from pydantic import ValidationError

from ..core.model import Card, Note, Retro, Scores
from ..core.store import Store
from .milestones import active_milestone_count
from .schedule import check_in_of, current_horizon, shift

NOTE_DAYS = 7  # "a note in the last 7 days": today and the six days before
RETRO_DAYS = 90  # "archive every 90 days"
MILESTONES = (3, 5)

# item id -> heading of its "How to fix" section (its slug is the anchor).
HOW_TO: dict[str, str] = {
    "north-star": "North star",
    "horizon-card": "A card for this horizon",
    "scores": "Scores on every card",
    "guardrail": "Active milestones",
    "weekly-note": "Weekly note",
    "knowledge-share": "Knowledge share",
    "check-in": "Mentor check-in",
    "retro": "Retrospective",
}


def anchor(item_id: str) -> str:
    """The ``toc`` slug of the item's how-to heading."""
    return "#" + "-".join(HOW_TO[item_id].lower().split())


@dataclass(frozen=True)
class CheckItem:
    id: str
    label: str  # what the playbook asks for
    done: bool
    detail: str  # what the store shows (plain text: may contain document titles)
    link: str  # docs-relative .md path, or "#anchor" on the checklist page


def _title(card: Card) -> str:
    return f"'{card.title}'"


def _north_star(store: Store) -> CheckItem:
    star = (store.config.north_star or "").strip()
    return CheckItem(
        "north-star",
        "North star set",
        bool(star),
        star if star else "no north_star in mkdocs.yml",
        anchor("north-star"),
    )


_NO_HORIZON = "none of the configured horizons contains today: add one to `horizons`"


def _horizon_card(store: Store, today: dt.date) -> CheckItem:
    horizon = current_horizon(store.config, today)
    if horizon is None:
        label = "A card in the current horizon with 3-5 milestones, each with a definition of done"
        return CheckItem("horizon-card", label, False, _NO_HORIZON, anchor("horizon-card"))
    label = f"A card in the current horizon ({horizon.id}) with 3-5 milestones, each with a definition of done"
    cards = [c for c in store.cards if c.horizon == horizon.id and c.status != "dropped"]
    low, high = MILESTONES
    good = [
        c
        for c in cards
        if low <= len(c.milestones) <= high and all(m.done_when.strip() for m in c.milestones)
    ]
    if good:
        card = good[0]
        return CheckItem(
            "horizon-card",
            label,
            True,
            f"{_title(card)} has {len(card.milestones)} milestones",
            store.path_of(card),
        )
    if cards:
        card = cards[0]
        return CheckItem(
            "horizon-card",
            label,
            False,
            f"{_title(card)} has {len(card.milestones)} milestones",
            store.path_of(card),
        )
    return CheckItem(
        "horizon-card", label, False, f"no card in {horizon.id}", anchor("horizon-card")
    )


def _scores(store: Store, base: str) -> CheckItem:
    label = "Scores (impact, effort, reusability, learnings) on every card"
    cards = [e for e in store.entries if e.kind == "card"]
    if not cards:
        return CheckItem("scores", label, False, "no cards yet", anchor("horizon-card"))
    missing = []
    for entry in cards:
        try:
            Scores.model_validate((entry.meta or {}).get("scores"))
        except ValidationError:
            missing.append(entry)
    if not missing:
        return CheckItem(
            "scores", label, True, f"all {len(cards)} cards scored", f"{base}/priorities.md"
        )
    names = ", ".join(e.path for e in missing[:3]) + (" …" if len(missing) > 3 else "")
    return CheckItem(
        "scores",
        label,
        False,
        f"{len(missing)} of {len(cards)} cards without valid scores: {names}",
        missing[0].path,
    )


D = TypeVar("D", Note, Retro)


def _newest_within(docs: list[D], today: dt.date, days: int) -> D | None:
    """The newest document dated in the ``days`` days ending today (today counts)."""
    since = shift(today, -(days - 1))
    recent = [d for d in docs if since <= d.date <= today]
    return max(recent, key=lambda d: (d.date, d.id)) if recent else None


def _weekly_note(store: Store, today: dt.date) -> CheckItem:
    label = "A weekly tech note in the last 7 days"
    note = _newest_within(store.notes, today, NOTE_DAYS)
    if note is not None:
        return CheckItem(
            "weekly-note", label, True, f"'{note.title}' ({note.date})", store.path_of(note)
        )
    past = [n for n in store.notes if n.date <= today]
    detail = f"last note on {max(n.date for n in past)}" if past else "no notes yet"
    return CheckItem("weekly-note", label, False, detail, anchor("weekly-note"))


def _knowledge_share(store: Store, today: dt.date) -> CheckItem:
    horizon = current_horizon(store.config, today)
    if horizon is None:
        label = "A knowledge share (talk) this horizon"
        return CheckItem("knowledge-share", label, False, _NO_HORIZON, anchor("knowledge-share"))
    label = f"A knowledge share (talk) this horizon ({horizon.id})"
    talks = [
        t
        for t in store.talks
        if t.horizon == horizon.id or (t.horizon is None and horizon.start <= t.date <= horizon.end)
    ]
    if talks:
        talk = max(talks, key=lambda t: (t.date, t.id))
        return CheckItem(
            "knowledge-share", label, True, f"'{talk.title}' ({talk.date})", store.path_of(talk)
        )
    return CheckItem(
        "knowledge-share", label, False, f"no talk in {horizon.id}", anchor("knowledge-share")
    )


def _guardrail(store: Store, base: str) -> CheckItem:
    limit = store.config.max_active
    count = active_milestone_count(store.cards)
    return CheckItem(
        "guardrail",
        f"Active milestones within the limit (max_active {limit})",
        count <= limit,
        f"{count} active milestones across active cards",
        f"{base}/index.md",
    )


def _check_in(store: Store, today: dt.date, base: str) -> CheckItem | None:
    state = check_in_of(store, today)
    if state is None:  # the store withholds feedback (a public view): no item
        return None
    if state.last is None:
        detail = "no feedback recorded yet"
    elif state.last > today:
        detail = f"newest feedback dated {state.last}, after today"
    else:
        detail = f"last feedback on {state.last} ({state.age_days} days ago)"
    return CheckItem(
        "check-in",
        "A mentor check-in within the last 6 weeks",
        not state.due,
        detail,
        f"{base}/feedback.md" if state.last else anchor("check-in"),
    )


def _retro(store: Store, today: dt.date) -> CheckItem:
    label = "A retrospective in the last 90 days"
    retro = _newest_within(store.retros, today, RETRO_DAYS)
    if retro is not None:
        return CheckItem(
            "retro", label, True, f"'{retro.title}' ({retro.date})", store.path_of(retro)
        )
    return CheckItem("retro", label, False, "no retrospective in 90 days", anchor("retro"))


def checklist(store: Store, today: dt.date, base: str) -> list[CheckItem]:
    """Every item, in the playbook's order. ``base`` is the generated pages' folder.

    An item the store cannot answer (it withholds the fields) is left out.
    """
    items = [
        _north_star(store),
        _horizon_card(store, today),
        _scores(store, base),
        _guardrail(store, base),
        _weekly_note(store, today),
        _knowledge_share(store, today),
        _check_in(store, today, base),
        _retro(store, today),
    ]
    return [item for item in items if item is not None]
