"""``mkdocs-growth schema``: a real JSON Schema that agrees with the models.

Checked with the ``jsonschema`` package (draft 2020-12, formats on). Front
matter is handed over the way an editor sees YAML: dates as their text.
A few rules live in Python and cannot be expressed in a schema; they are
listed in :data:`INEXPRESSIBLE` (and in docs/reference/schema.md).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from conftest import CARD, FIXTURES, store_of
from pydantic import ValidationError

from mkdocs_growth.cli.new import plan
from mkdocs_growth.core import safeyaml
from mkdocs_growth.core.frontmatter import split
from mkdocs_growth.core.model import MODELS, TYPES, json_schema
from mkdocs_growth.core.options import GrowthConfig
from mkdocs_growth.core.parse import Entry

ROOT = Path(__file__).resolve().parents[2]
VALIDATOR = jsonschema.Draft202012Validator(
    json_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)
STORES = [
    FIXTURES / "valid" / "mkdocs.yml",
    ROOT / "mkdocs.yml",  # the example site
    *sorted((FIXTURES / "broken").glob("*/mkdocs.yml")),
]
# Broken fixtures the schema cannot reject, and why.
INEXPRESSIBLE = {
    "Bad_File_Name.md": "the id defaults to the file name, which the schema never sees",
    "unsafe-url.md": "the URL scheme allow-list is a Python check",
}


def as_editor_sees(value: Any) -> Any:
    """YAML values as JSON: timestamps become the text they were written as."""
    if isinstance(value, dt.datetime):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): as_editor_sees(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_editor_sees(v) for v in value]
    return value


def growth_entries() -> list[tuple[str, Entry]]:
    out = []
    for config in STORES:
        for entry in store_of(config).entries:
            if entry.meta is not None and "type" in entry.meta:
                out.append((f"{config.parent.name}/{entry.path}", entry))
    return out


ENTRIES = growth_entries()
VALID = [(name, e) for name, e in ENTRIES if e.doc is not None]
BROKEN = [(name, e) for name, e in ENTRIES if e.doc is None]


def test_cli_prints_a_valid_draft_2020_12_schema(run_cli) -> None:
    result = run_cli("schema")
    assert result.code == 0
    schema = json.loads(result.out)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema == json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["discriminator"]["propertyName"] == "type"


def test_fixtures_cover_both_sides() -> None:
    assert len(VALID) >= 20 and len(BROKEN) >= 20


@pytest.mark.parametrize(("name", "entry"), VALID, ids=[n for n, _ in VALID])
def test_schema_accepts_every_valid_document(name: str, entry: Entry) -> None:
    errors = [e.message for e in VALIDATOR.iter_errors(as_editor_sees(entry.meta))]
    assert errors == []


@pytest.mark.parametrize(("name", "entry"), BROKEN, ids=[n for n, _ in BROKEN])
def test_schema_rejects_broken_documents_it_can_express(name: str, entry: Entry) -> None:
    accepted = VALIDATOR.is_valid(as_editor_sees(entry.meta))
    assert accepted is (entry.path in INEXPRESSIBLE), INEXPRESSIBLE.get(entry.path, "")


@pytest.mark.parametrize("kind", TYPES)
def test_schema_accepts_what_new_writes(kind: str) -> None:
    text = plan(kind, "A title: with 'quotes'", GrowthConfig(), dt.date(2026, 5, 20)).text
    found = split(text)
    meta = safeyaml.load(found.yaml, first_line=found.yaml_line).data
    assert VALIDATOR.is_valid(as_editor_sees(meta))


BAD_CARDS = {
    "boolean score": {"scores": {**CARD["scores"], "impact": True}},
    "float score": {"scores": {**CARD["scores"], "impact": 4.5}},
    "score above 5": {"scores": {**CARD["scores"], "effort": 6}},
    "missing done_when": {"milestones": [{"title": "x"}]},
    "typo inside scores": {"scores": {**CARD["scores"], "impcat": 3}},
    "unknown status": {"status": "finished"},
    "bad id": {"id": "Not_A_Slug"},
    "tags not a list": {"tags": "devops"},
    "empty title": {"title": ""},
    "impossible date": {"date": "2026-02-30"},
    "date with words": {"date": "next tuesday"},
    "metric value as text": {"metrics": [{"name": "p95", "target": "fast"}]},
    "rubric out of range": {
        "rubric": {"before": {"confidence": 0, "competence": 1, "impact": 1, "clarity": 1}}
    },
    "unknown artifact kind": {"artifacts": [{"kind": "video", "title": "x"}]},
    "missing goal": {"goal": None},
}


@pytest.mark.parametrize("change", BAD_CARDS.values(), ids=list(BAD_CARDS))
def test_schema_and_model_reject_the_same_card(change: dict[str, Any]) -> None:
    meta = {**CARD, "id": "c", **change}
    meta = {k: v for k, v in meta.items() if v is not None}
    assert not VALIDATOR.is_valid(meta)
    with pytest.raises(ValidationError):
        MODELS["card"].model_validate(meta)


def test_unknown_top_level_keys_stay_allowed() -> None:
    meta = {
        **CARD,
        "hide": ["toc"],
        "search": {"boost": 2},
        "date": dt.datetime(2026, 4, 2, 14, 30),
    }
    assert VALIDATOR.is_valid(as_editor_sees(meta))  # "2026-04-02 14:30:00"
    assert MODELS["card"].model_validate({**meta, "id": "c"}).date == dt.date(2026, 4, 2)
