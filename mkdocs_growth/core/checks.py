"""Rules that need the whole store or the configuration.

Per-file rules live in :mod:`parse`; these look across documents (ids,
references), at the allow-lists in the config, and at ``today``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable

from .framework import Framework
from .messages import dotted
from .model import TYPES
from .options import HORIZON_ID, SLUG, GrowthConfig
from .parse import Entry, did_you_mean
from .problems import Problem, error, quote, shown_path, warning

_SLUG, _HORIZON = re.compile(SLUG), re.compile(HORIZON_ID)
_ID_HINT_CUTOFF = 0.75


def check_store(
    entries: Iterable[Entry], config: GrowthConfig, framework: Framework | None = None
) -> list[Problem]:
    """Store-wide rules; invalid documents take part with their raw front matter.

    A card that fails its model can still have an unknown domain or a
    dangling ``related`` id: all of it is reported in the same run.
    """
    entries = list(entries)
    growth = [e for e in entries if e.doc is not None or (e.is_growth and e.meta is not None)]
    with_id = [e for e in growth if e.doc_id is not None]
    # pages whose front matter cannot be read: their id may only be their file name
    unreadable = {e.stem: e for e in entries if e.front_matter_broken}
    out: list[Problem] = []
    out += _duplicate_ids(with_id)
    out += _references(growth, with_id, unreadable)
    today = config.effective_today()
    for entry in growth:
        out += _allow_lists(entry, config, today)
        out += _competencies(entry, config, framework)
    return out


def _id_line(entry: Entry) -> int:
    """The ``id:`` line, or ``type:`` when the id comes from the file name."""
    return entry.line("id") if entry.meta and "id" in entry.meta else entry.line("type")


def _duplicate_ids(entries: list[Entry]) -> list[Problem]:
    by_id: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        by_id[entry.doc_id].append(entry)  # type: ignore[index]
    out = []
    for doc_id, group in by_id.items():
        if len(group) > 1:
            paths = [e.path for e in group]
            for entry in group:
                others = ", ".join(shown_path(p) for p in paths if p != entry.path)
                out.append(
                    error(
                        entry.path,
                        _id_line(entry),
                        f"duplicate id {doc_id!r}: also used by {others}",
                    )
                )
    return out


def _references(
    entries: list[Entry], with_id: list[Entry], unreadable: dict[str, Entry]
) -> list[Problem]:
    """Dangling ids and card references to other types.

    A reference to a document that has errors of its own (its type, its front
    matter) says it follows from them: one problem, one cause named.
    """
    by_id = {e.doc_id: e for e in with_id}
    cards = [i for i, e in by_id.items() if e.doc_type == "card"]
    out = []
    for entry in entries:
        for field_name, where, ref in entry.references():
            target = by_id.get(ref)
            if target is None and ref in unreadable:
                message = _follows_from(field_name, ref, unreadable[ref])
            elif target is None:
                candidates = cards if field_name == "card" else by_id
                others = [c for c in candidates if c != entry.doc_id]
                hint = did_you_mean(ref, others, cutoff=_ID_HINT_CUTOFF)  # ids share words
                message = f"{field_name}: no document has id {quote(ref)}{hint}"
            elif field_name == "card" and target.doc_type not in TYPES:
                message = _follows_from(field_name, ref, target)  # `type: Card`
            elif field_name == "card" and target.doc_type != "card":
                message = f"card: {quote(ref)} is a {target.doc_type}, not a card"
            else:
                continue
            out.append(error(entry.path, entry.line(*where), message))  # line: only when reported
    return out


def _follows_from(field_name: str, ref: str, target: Entry) -> str:
    return (
        f"{field_name}: {quote(ref)} is {shown_path(target.path)}, which has errors of its"
        " own: this follows from them"
    )


def _allow_lists(entry: Entry, config: GrowthConfig, today: dt.date) -> list[Problem]:
    out = []
    domain = entry.text_field("domain")
    if domain is not None and _SLUG.fullmatch(domain) and config.domains is not None:
        allowed = [d.id for d in config.domains]
        if domain not in allowed:
            out.append(
                error(
                    entry.path,
                    entry.line("domain"),
                    f"unknown domain {quote(domain)}{did_you_mean(domain, allowed)};"
                    f" configured domains: {', '.join(allowed) or '(none)'}",
                )
            )
    horizon_id = entry.text_field("horizon")
    if horizon_id is None or not _HORIZON.fullmatch(horizon_id):
        return out  # absent, or not an id at all (the model reports that)
    horizon = config.horizon(horizon_id)
    if horizon is None:
        if config.horizons is not None:
            allowed = [h.id for h in config.horizons]
            out.append(
                error(
                    entry.path,
                    entry.line("horizon"),
                    f"unknown horizon {quote(horizon_id)}{did_you_mean(horizon_id, allowed)};"
                    f" configured horizons: {', '.join(allowed) or '(none)'}",
                )
            )
        else:  # no configured horizons, and the id is no calendar quarter
            out.append(
                error(
                    entry.path,
                    entry.line("horizon"),
                    f"horizon {quote(horizon_id)} is not a quarter like 2026-Q3"
                    " (or configure 'horizons' in mkdocs.yml)",
                )
            )
    elif (
        entry.doc_type == "card" and entry.text_field("status") == "active" and horizon.end < today
    ):
        out.append(
            warning(
                entry.path,
                entry.line("status"),
                f"active card in horizon {horizon.id}, which ended on {horizon.end}:"
                " archive it (status done/dropped) or move it to the current horizon",
            )
        )
    return out


def _competencies(entry: Entry, config: GrowthConfig, framework: Framework | None) -> list[Problem]:
    """``competencies:`` names competencies of the configured framework.

    Without the ``framework`` option the field is an error; with a framework
    that has errors of its own, references are not checked (its problems are
    reported on the framework file).
    """
    if entry.doc is not None:
        refs: object = entry.doc.competencies
        present = "competencies" in (entry.meta or {})
    elif entry.is_growth and entry.meta is not None and "competencies" in entry.meta:
        refs, present = entry.meta["competencies"], True
    else:
        return []
    if not present or refs == []:
        return []
    if config.framework is None:
        return [
            error(
                entry.path,
                entry.line("competencies"),
                "competencies: no progression framework is configured"
                " (set the growth option 'framework' in mkdocs.yml)",
            )
        ]
    if framework is None or not isinstance(refs, list):
        return []  # a broken framework file, or a wrong type (the model reports it)
    out = []
    seen: dict[str, str] = {}
    target = config.target_level
    for n, ref in enumerate(refs):
        if not isinstance(ref, str):
            continue
        named = framework.resolve(ref)
        if not named:
            hint = did_you_mean(ref, framework.references())
            out.append(
                error(
                    entry.path,
                    entry.line("competencies", n),
                    f"{dotted(('competencies', n))}: {framework.path} has no competency {quote(ref)}{hint}"
                    " (write a competency id or <level-id>/<theme-id>)",
                )
            )
        elif all(c.id in seen for c in named):
            first = seen[named[0].id]
            out.append(
                warning(
                    entry.path,
                    entry.line("competencies", n),
                    f"{dotted(('competencies', n))}: {quote(ref)} names {named[0].cell} again"
                    f" (already listed as {quote(first)})",
                )
            )
        else:
            for competency in named:
                seen.setdefault(competency.id, ref)
            level = named[0].level  # a reference names one cell: one level
            if target is not None and framework.rank(level) > framework.rank(target):
                out.append(
                    warning(
                        entry.path,
                        entry.line("competencies", n),
                        f"{dotted(('competencies', n))}: {quote(ref)} is at level {level!r},"
                        f" above your target level {target!r}: it will not show on the"
                        " competencies page (raise target_level, or reference the"
                        " competency of your target level)",
                    )
                )
    return out
