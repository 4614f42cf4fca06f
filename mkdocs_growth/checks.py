"""Rules that need the whole store or the configuration.

Per-file rules live in :mod:`parse`; these look across documents (ids,
references), at the allow-lists in the config, and at ``today``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from .config import GrowthConfig
from .model import Card
from .parse import Entry, did_you_mean
from .problems import Problem, error, warning


def check_store(entries: Iterable[Entry], config: GrowthConfig, config_path: str) -> list[Problem]:
    entries = list(entries)
    out: list[Problem] = []
    out += _duplicate_ids(entries)
    out += _references(entries)
    today = config.effective_today()
    for entry in entries:
        if entry.doc is not None:
            out += _allow_lists(entry, config, today)
    out += _guardrail(entries, config, config_path)
    return out


def _duplicate_ids(entries: list[Entry]) -> list[Problem]:
    by_id: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        if entry.doc is not None:
            by_id[entry.doc.id].append(entry)
    out = []
    for doc_id, group in by_id.items():
        if len(group) > 1:
            paths = [e.path for e in group]
            for entry in group:
                others = ", ".join(p for p in paths if p != entry.path)
                out.append(
                    error(
                        entry.path,
                        entry.line("id"),
                        f"duplicate id {doc_id!r}: also used by {others}",
                    )
                )
    return out


def _references(entries: list[Entry]) -> list[Problem]:
    kinds = {e.doc.id: e.doc.type for e in entries if e.doc is not None}
    out = []
    for entry in entries:
        doc = entry.doc
        if doc is None:
            continue
        positions: dict[str, int] = defaultdict(int)
        for field_name, ref in doc.references():
            index = positions[field_name]
            positions[field_name] += 1
            line = (
                entry.line(field_name, index) if field_name == "related" else entry.line(field_name)
            )
            if ref not in kinds:
                out.append(
                    error(
                        entry.path,
                        line,
                        f"{field_name}: no document has id {ref!r}{did_you_mean(ref, kinds)}",
                    )
                )
            elif field_name == "card" and kinds[ref] != "card":
                out.append(error(entry.path, line, f"card: {ref!r} is a {kinds[ref]}, not a card"))
    return out


def _allow_lists(entry: Entry, config: GrowthConfig, today: dt.date) -> list[Problem]:
    doc = entry.doc
    assert doc is not None
    out = []
    if doc.domain is not None and config.domains is not None:
        allowed = [d.id for d in config.domains]
        if doc.domain not in allowed:
            out.append(
                error(
                    entry.path,
                    entry.line("domain"),
                    f"unknown domain {doc.domain!r}{did_you_mean(doc.domain, allowed)};"
                    f" configured domains: {', '.join(allowed) or '(none)'}",
                )
            )
    if doc.horizon is not None:
        horizon = config.horizon(doc.horizon)
        if horizon is None:
            if config.horizons is not None:
                allowed = [h.id for h in config.horizons]
                out.append(
                    error(
                        entry.path,
                        entry.line("horizon"),
                        f"unknown horizon {doc.horizon!r}{did_you_mean(doc.horizon, allowed)};"
                        f" configured horizons: {', '.join(allowed) or '(none)'}",
                    )
                )
            else:  # no configured horizons, and the id is no calendar quarter
                out.append(
                    error(
                        entry.path,
                        entry.line("horizon"),
                        f"horizon {doc.horizon!r} is not a quarter like 2026-Q3"
                        " (or configure 'horizons' in mkdocs.yml)",
                    )
                )
        elif isinstance(doc, Card) and doc.status == "active" and horizon.end < today:
            out.append(
                warning(
                    entry.path,
                    entry.line("status"),
                    f"active card in horizon {horizon.id}, which ended on {horizon.end}:"
                    " archive it (status done/dropped) or move it to the current horizon",
                )
            )
    return out


def active_milestones(entries: Iterable[Entry]) -> int:
    return sum(
        1
        for e in entries
        if isinstance(e.doc, Card) and e.doc.status == "active"
        for m in e.doc.milestones
        if m.status == "active"
    )


def _guardrail(entries: list[Entry], config: GrowthConfig, config_path: str) -> list[Problem]:
    count = active_milestones(entries)
    if count > config.max_active:
        return [
            warning(
                config_path,
                0,
                f"{count} active milestones across active cards, over max_active"
                f" {config.max_active}: finish or pause some before starting more",
            )
        ]
    return []
