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
from typing import TYPE_CHECKING, Any

from ... import __version__
from ...core.model import Card
from ...core.store import Store
from ...practice.evidence import evidence_report
from ...practice.priority import priorities
from ..render import GeneratedPage

if TYPE_CHECKING:  # views imports this module: no import cycle at run time
    from ..context import SiteContext

FORMAT = 1
PATH = "growth.json"


def growth_data(store: Store, ctx: SiteContext) -> dict[str, Any]:
    documents = []
    withheld = set(store.withheld) or None  # fields a public view's cards do not carry
    for entry in store.valid:
        doc = entry.doc
        assert doc is not None
        exclude = withheld if isinstance(doc, Card) else None
        item = doc.model_dump(mode="json", by_alias=True, fallback=str, exclude=exclude)
        item["path"] = entry.path
        item["url"] = ctx.url_of(entry.path)
        if isinstance(doc, Card):
            item["priority"] = priorities(store)[doc.id].as_dict()
        documents.append(item)
    data = {
        "format": FORMAT,
        "generated_with": {"name": "mkdocs-growth", "version": __version__},
        "today": ctx.today.isoformat(),
        "site_url": ctx.site_url,
        "config": store.config.model_dump(mode="json"),
        "counts": {
            "documents": len(documents),
            "errors": len(store.errors),
            "warnings": len(store.warnings),
        },
        "problems": [p.as_dict() for p in store.problems],
    }
    if store.config.framework is not None:
        data["competencies"] = _competencies(store, ctx)
    data["documents"] = documents
    return data


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


def to_json(data: dict[str, Any]) -> str:
    """One key per line and one document per line.

    ``json.dumps(indent=...)`` falls back to the pure-Python encoder, which took
    over a second for the 8,000 documents of the benchmark store; compact
    pieces go through the C encoder and still diff line by line.
    """
    dump = functools.partial(json.dumps, ensure_ascii=False, allow_nan=False)
    lines = []
    for key, value in data.items():
        if key == "documents" and value:
            items = ",\n".join(f"  {dump(item)}" for item in value)
            lines.append(f" {dump(key)}: [\n{items}\n ]")
        else:
            lines.append(f" {dump(key)}: {dump(value)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


def pages(store: Store, ctx: SiteContext) -> list[GeneratedPage]:
    return [GeneratedPage(PATH, to_json(growth_data(store, ctx)))]
