"""The loop's card edits: review, start, done, feedback, rate.

Each edit is decided here from the card as the engine reads it (which
milestone, what changes, what the playbook says about it) and expressed as
front-matter operations; :mod:`~mkdocs_growth.core.frontmatter_edit` makes
them on the file's text and keeps every other byte. :func:`prepare` then
checks the result with the same engine as ``validate`` and the build — the
file's own rules and the store-wide ones (ids, references, allow-lists,
the active-milestone guardrail) — and returns the new bytes without writing
them: the caller writes with :func:`~mkdocs_growth.core.safe_write.replace_unchanged`.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from ..core import frontmatter_edit as fm
from ..core.framework import LoadedFramework
from ..core.messages import did_you_mean, plural
from ..core.model import Card
from ..core.options import GrowthConfig
from ..core.parse import Entry, parse_entry
from ..core.problems import Problem, quote
from ..core.safe_write import WriteRefused, read_bytes
from ..core.store import Store, build_store
from .rubric import DIMENSIONS
from .store import open_store, with_playbook_rules

When = Literal["before", "after"]

MAX_LISTED = 10  # milestones named in a message: a card may have thousands


class EditRequestError(Exception):
    """The request names something that is not there or is incomplete (CLI exit 2)."""


class EditRejected(Exception):
    """The edit cannot be made, or its result would not validate: nothing is written (exit 1)."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


@dataclass(frozen=True)
class Change:
    """What one edit does to a card: front-matter operations and the same in words."""

    ops: tuple[fm.Op, ...] = ()
    summary: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  # advice for the user (the playbook's next step)
    warnings: tuple[str, ...] = ()  # what the edit leaves that the user probably did not mean


@dataclass(frozen=True)
class Result:
    """An edit checked by the engine and ready to write (``new`` is ``old`` when nothing changes)."""

    path: str  # docs-relative
    full_path: str
    old: bytes
    new: bytes
    change: Change
    warnings: list[Problem] = field(default_factory=list)  # new warnings the edit brings

    @property
    def body_at(self) -> tuple[int, int] | None:
        """Where the (unchanged) body starts in ``old`` and ``new``: a write that only
        changed the body meanwhile is kept under the edited front matter."""
        old_at, new_at = fm.body_offset(self.old), fm.body_offset(self.new)
        return None if old_at is None or new_at is None else (old_at, new_at)

    @property
    def changed(self) -> bool:
        return self.new != self.old


# -- the five edits ----------------------------------------------------------------------


def review(card: Card, day: dt.date) -> Change:
    """Record a review of the card's concepts (spaced repetition)."""
    if day in card.reviewed:
        return Change(summary=(f"already reviewed on {day}; nothing to record",))
    count = len(card.reviewed) + 1
    notes = () if card.concepts else ("the card has no concepts to review yet",)
    return Change((fm.Append(("reviewed",), day),), (f"review {count} recorded on {day}",), notes)


def start(card: Card, milestone: int) -> Change:
    """Milestone ``active``; the card too when it was ``planned``."""
    ops: list[fm.Op] = []
    summary: list[str] = []
    notes: list[str] = []
    item = card.milestones[milestone]
    label = _milestone_label(card, milestone)
    if item.status != "active":
        ops.append(fm.Set(("milestones", milestone, "status"), "active"))
        summary.append(f"{label}: {item.status} -> active")
    else:
        summary.append(f"{label} is already active")
    if card.status == "planned":
        ops.append(fm.Set(("status",), "active"))
        summary.append("card: planned -> active")
    elif card.status in ("done", "dropped"):
        notes.append(
            f"the card is {card.status}: its milestones count as active only on an active card"
        )
    return Change(tuple(ops), tuple(summary), tuple(notes))


def done(card: Card, milestone: int | None) -> Change:
    """A milestone ``done``; without one, the card."""
    if milestone is None:
        if card.status == "done":
            return Change(summary=("card is already done",))
        notes = []
        still_open = [
            f"{i}. {_short(m.title)} ({m.status})"
            for i, m in enumerate(card.milestones, 1)
            if m.status in ("planned", "active")
        ]
        if still_open:
            shown = "; ".join(still_open[:MAX_LISTED])
            more = len(still_open) - MAX_LISTED
            shown += f"; and {more:,} more" if more > 0 else ""
            warnings = (
                f"the card is done but {plural(len(still_open), 'milestone')}"
                f" {'is' if len(still_open) == 1 else 'are'} still open: {shown}; mark each done"
                f" (mkdocs-growth done {card.id} -m N) or set its status to dropped",
            )
        else:
            warnings = ()
        if card.rubric is None or card.rubric.after is None:
            notes.append(
                f"rate yourself again now that it is done: mkdocs-growth rate {card.id} --after"
                " confidence=N competence=N impact=N clarity=N"
            )
        return Change(
            (fm.Set(("status",), "done"),),
            (f"card: {card.status} -> done",),
            tuple(notes),
            warnings,
        )
    item = card.milestones[milestone]
    label = _milestone_label(card, milestone)
    if item.status == "done":
        return Change(summary=(f"{label} is already done",))
    open_left = [
        i
        for i, m in enumerate(card.milestones)
        if i != milestone and m.status in ("planned", "active")
    ]
    notes = ()
    if not open_left and card.status != "done":
        notes = (f"every milestone is done: mark the card done with mkdocs-growth done {card.id}",)
    return Change(
        (fm.Set(("milestones", milestone, "status"), "done"),),
        (f"{label}: {item.status} -> done",),
        notes,
    )


def feedback(
    card: Card, day: dt.date, giver: str, went_well: str, didnt: str, try_next: str
) -> Change:
    """Append a feedback entry (the playbook's went well / didn't / try next)."""
    entry = {
        "date": day,
        "from": giver,
        "went_well": went_well,
        "didnt": didnt,
        "try_next": try_next,
    }
    count = len(card.feedback) + 1
    return Change((fm.Append(("feedback",), entry),), (f"feedback {count} from {giver} on {day}",))


def rate(card: Card, when: When, scores: dict[str, int]) -> Change:
    """Set the ``before`` or ``after`` self-rating; only the numbers that differ change."""
    unknown = [name for name in scores if name not in DIMENSIONS]
    if unknown:
        raise EditRequestError(
            f"unknown rubric dimension {unknown[0]!r}{did_you_mean(unknown[0], DIMENSIONS)};"
            f" use {', '.join(DIMENSIONS)}"
        )
    current = getattr(card.rubric, when, None) if card.rubric is not None else None
    if current is None:
        missing = [d for d in DIMENSIONS if d not in scores]
        if missing:
            raise EditRequestError(
                f"card {card.id!r} has no {when} rating yet: give all four"
                f" ({', '.join(f'{d}=N' for d in DIMENSIONS)}); missing {', '.join(missing)}"
            )
    ordered = {d: scores[d] for d in DIMENSIONS if d in scores}
    if current is not None:
        ordered = {d: v for d, v in ordered.items() if getattr(current, d) != v}
    if not ordered:
        return Change(summary=(f"rubric.{when} already holds these ratings",))
    words = ", ".join(
        f"{d} {getattr(current, d)} -> {v}" if current is not None else f"{d} {v}"
        for d, v in ordered.items()
    )
    return Change((fm.Set(("rubric", when), ordered),), (f"rubric.{when}: {words}",))


def milestone_index(card: Card, ref: str) -> int:
    """A 1-based number or a title (exact, else ignoring case) -> the milestone's index."""
    milestones = card.milestones
    if not milestones:
        raise EditRequestError(f"card {card.id!r} has no milestones")
    text = ref.strip()
    if text.isdecimal() and text.isascii():
        number = int(text)
        if 1 <= number <= len(milestones):
            return number - 1
    matches = [i for i, m in enumerate(milestones) if m.title == text]
    if not matches:
        matches = [i for i, m in enumerate(milestones) if m.title.casefold() == text.casefold()]
    if len(matches) == 1:
        return matches[0]
    listing = "; ".join(f"{i}. {_short(m.title)}" for i, m in enumerate(milestones[:MAX_LISTED], 1))
    if len(milestones) > MAX_LISTED:
        listing += f"; and {len(milestones) - MAX_LISTED:,} more"
    if len(matches) > 1:
        raise EditRequestError(
            f"{len(matches)} milestones of {card.id!r} are titled {quote(text)}: give its number"
            f" ({', '.join(str(i + 1) for i in matches[:MAX_LISTED])}"
            f"{', ...' if len(matches) > MAX_LISTED else ''})"
        )
    hint = did_you_mean(text, [m.title for m in milestones])
    raise EditRequestError(
        f"card {card.id!r} has no milestone {quote(text)}{hint}; give a number from 1 to"
        f" {len(milestones)} or a title ({listing})"
    )


def _short(title: str, limit: int = 60) -> str:
    """A milestone title in a list of many: one long title cannot flood the terminal."""
    return title if len(title) <= limit else title[: limit - 1] + "…"


def _milestone_label(card: Card, index: int) -> str:
    return f"milestone {index + 1} {card.milestones[index].title!r}"


# -- finding, checking and preparing ----------------------------------------------------


def find_card(store: Store, card_id: str) -> Entry:
    """The entry of the card ``card_id`` (valid or not); EditRequestError when there is none."""
    found = [e for e in store.entries if e.doc_id == card_id]
    if len(found) > 1:
        raise EditRejected(
            f"id {card_id!r} is used by {len(found)} files: "
            + ", ".join(e.path for e in found)
            + "; give each an id of its own first"
        )
    if not found:
        unreadable = [
            e for e in store.entries if e.stem == card_id and e.meta is None and e.problems
        ]
        if unreadable:  # its id cannot be read, so it can be neither found nor ruled out
            broken = unreadable[0]
            raise EditRejected(
                f"{broken.path} has errors: fix them before editing it",
                [p for p in broken.problems if p.is_error],
            )
        cards = [e.doc_id for e in store.entries if e.doc_type == "card" and e.doc_id]
        raise EditRequestError(f"no card has id {card_id!r}{did_you_mean(card_id, cards)}")
    entry = found[0]
    if entry.doc_type != "card":
        raise EditRequestError(f"{card_id!r} is a {entry.doc_type} ({entry.path}), not a card")
    return entry


def prepare(
    docs_dir: str,
    config: GrowthConfig,
    card_id: str,
    decide: Callable[[Card], Change],
    config_path: str = "mkdocs.yml",
    store: Store | None = None,
    framework: LoadedFramework | None = None,
) -> Result:
    """Read the card, make the edit ``decide`` asks for, and check the result like a build would.

    ``framework`` is the configured progression framework as the front end
    loaded it (``competencies`` are checked against it, as in a build). Raises
    EditRequestError (unknown card, milestone...) or EditRejected (the card has
    errors, the edit cannot be made, or its result would not validate).
    """
    if store is None:
        store = open_store(docs_dir, config, config_path, framework=framework)
    entry = find_card(store, card_id)
    full_path = os.path.join(docs_dir, *entry.path.split("/"))
    try:
        old = read_bytes(full_path, config.limits.max_file_bytes)
    except WriteRefused as exc:
        raise EditRejected(str(exc)) from None
    before = parse_entry(entry.path, old, config.limits)
    existing = [p for p in store.problems if p.path == entry.path and p.is_error]
    existing += [p for p in before.problems if p.is_error and p not in existing]
    if existing or not isinstance(before.doc, Card):
        raise EditRejected(f"{entry.path} has errors: fix them before editing it", existing)
    change = decide(before.doc)
    if not change.ops:
        return Result(entry.path, full_path, old, old, change)
    try:
        new = fm.edit(old, change.ops)
    except fm.EditError as exc:
        raise EditRejected(f"{entry.path}: cannot edit: {exc}") from None
    after = parse_entry(entry.path, new, config.limits)
    entries = [after if e.path == entry.path else e for e in store.entries]
    checked = with_playbook_rules(build_store(entries, config, framework), config_path)
    errors = [p for p in checked.problems if p.path == entry.path and p.is_error]
    if errors:
        raise EditRejected(
            f"{entry.path} would not validate after this edit; nothing written", errors
        )
    concerned = (entry.path, config_path)
    seen = {(p.path, p.message) for p in store.problems if p.path in concerned}
    warnings = [
        p for p in checked.warnings if p.path in concerned and (p.path, p.message) not in seen
    ]
    return Result(entry.path, full_path, old, new, change, warnings)
