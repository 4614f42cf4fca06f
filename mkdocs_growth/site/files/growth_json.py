"""``growth.json``: the store as data for other tools (format documented in the docs).

One object: ``format`` (version of this layout), ``generated_with``, ``today``,
``site_url``, ``config`` (the effective options), ``counts``, ``problems``,
``competencies`` (with a framework: every level and theme with its evidence,
as ``mkdocs-growth evidence --format json`` prints it, plus each document's
``url``) and ``documents`` (every valid document in path order, front-matter
keys as written, plus ``path``, ``url`` and for cards ``priority``).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from typing import Any

from ... import __version__
from ...core.model import Card
from ...core.store import Store
from ...practice.evidence import evidence_report
from ...practice.priority import priorities
from ..blocks import GeneratedFile
from ..context import SiteContext

FORMAT = 1
PATH = "growth.json"


def _documents(store: Store, ctx: SiteContext) -> Iterator[dict[str, Any]]:
    """Every valid document as its JSON object, one at a time."""
    prios = priorities(store)
    withheld = set(store.withheld) or None  # fields a public view's documents do not carry
    for entry in store.valid:
        doc = entry.doc
        assert doc is not None
        item = doc.model_dump(mode="json", by_alias=True, fallback=str, exclude=withheld)
        item["path"] = entry.path
        item["url"] = ctx.url_of(entry.path)
        if isinstance(doc, Card):
            item["priority"] = prios[doc.id].as_dict()
        yield item


def to_json(store: Store, ctx: SiteContext) -> str:
    """One key per line and one document per line.

    ``json.dumps(indent=...)`` falls back to the pure-Python encoder, many times
    slower on a large store; compact pieces go through the C encoder and still
    diff line by line. Each document is encoded as soon as it is dumped, so the
    dumps of a whole store never sit in memory together.
    """
    dump = functools.partial(json.dumps, ensure_ascii=False, allow_nan=False)
    documents = [f"  {dump(item)}" for item in _documents(store, ctx)]
    head: dict[str, Any] = {
        "format": FORMAT,
        "generated_with": {"name": "mkdocs-growth", "version": __version__},
        "today": ctx.today.isoformat(),
        "site_url": ctx.site_url,
        "config": store.config.model_dump(mode="json"),
        "counts": {
            "documents": len(documents),
            "errors": len(store.errors),
            "warnings": len(store.warnings),
            "notes": len(store.problem_notes),
        },
        "problems": [p.as_dict() for p in store.problems],
    }
    if store.config.framework is not None:
        head["competencies"] = _competencies(store, ctx)
    lines = [f" {dump(key)}: {dump(value)}" for key, value in head.items()]
    listed = ",\n".join(documents)
    lines.append(f' "documents": [\n{listed}\n ]' if documents else ' "documents": []')
    return "{\n" + ",\n".join(lines) + "\n}\n"


def _competencies(store: Store, ctx: SiteContext) -> dict[str, Any] | None:
    """The whole framework (every level) with its evidence; None when the file has errors."""
    if store.framework is None:
        return None
    report = evidence_report(store, [level.id for level in store.framework.levels])
    assert report is not None
    data = report.as_dict()
    for theme in data["themes"]:
        for competency in theme["competencies"]:
            for item in competency["evidence"] + competency["planned"]:
                item["url"] = ctx.url_of(item["path"])
    return data


def files(store: Store, ctx: SiteContext) -> list[GeneratedFile]:
    return [GeneratedFile(PATH, to_json(store, ctx))]
