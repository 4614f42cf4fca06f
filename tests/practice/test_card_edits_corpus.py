"""Every edit on every card of every corpus changes exactly the lines it must, and validates.

The corpora are the example store (``docs/``) and the test stores under
``tests/fixtures`` (valid, broken, hostile); each card there without errors
gets every edit that applies to it. An edit may only replace the line of
the value it sets (and add lines for what it adds); every other line stays
byte for byte, line ending included, and the result passes the same checks
as ``validate``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import assert_only_lines_of

from mkdocs_growth.cli.settings import load_settings
from mkdocs_growth.core.framework import LoadedFramework
from mkdocs_growth.core.model import Card
from mkdocs_growth.core.options import parse_options
from mkdocs_growth.core.store import Store
from mkdocs_growth.practice import card_edits as edits
from mkdocs_growth.practice.store import open_store

ROOT = Path(__file__).resolve().parents[2]
CORPORA = {
    "example": ROOT / "mkdocs.yml",
    "valid": ROOT / "tests/fixtures/valid/mkdocs.yml",
    "broken": ROOT / "tests/fixtures/broken/main/mkdocs.yml",
}
# The hostile corpus has no mkdocs.yml: tests/plugin/test_hostile_site.py passes these options.
HOSTILE = ROOT / "tests/fixtures/hostile/docs"
HOSTILE_OPTIONS = {"today": "2026-05-01", "domains": [{"id": "observability"}]}
DAY = dt.date(2027, 1, 15)  # after every recorded review and feedback in the corpora
Decide = Callable[[Card], edits.Change]


def _stores() -> dict[str, tuple[str, Store, LoadedFramework | None]]:
    out = {}
    for name, config in CORPORA.items():
        s = load_settings(str(config))
        store = open_store(s.docs_dir, s.growth, str(config), framework=s.framework)
        out[name] = (s.docs_dir, store, s.framework)
    hostile = parse_options(HOSTILE_OPTIONS)
    out["hostile"] = (str(HOSTILE), open_store(str(HOSTILE), hostile, "mkdocs.yml"), None)
    return out


STORES = _stores()


def _edits(card: Card) -> Iterator[tuple[str, Decide]]:
    yield "review", lambda c: edits.review(c, DAY)
    for i in range(len(card.milestones)):
        yield f"start-{i + 1}", lambda c, i=i: edits.start(c, i)
        yield f"done-{i + 1}", lambda c, i=i: edits.done(c, i)
    yield "done-card", lambda c: edits.done(c, None)
    yield (
        "feedback",
        lambda c: edits.feedback(c, DAY, "Ana: lead", "yes", "#2 was late", 'say "no" sooner'),
    )
    for when in ("before", "after"):
        yield (
            f"rate-{when}",
            lambda c, w=when: edits.rate(
                c, w, {"confidence": 1, "competence": 5, "impact": 4, "clarity": 3}
            ),
        )


def _cases() -> Iterator[object]:
    for corpus, (_, store, _framework) in STORES.items():
        bad = store.invalid_paths
        for entry in store.entries:
            if isinstance(entry.doc, Card) and entry.path not in bad:
                for edit_name, _ in _edits(entry.doc):
                    yield pytest.param(
                        corpus, entry.doc.id, edit_name, id=f"{corpus}:{entry.path}:{edit_name}"
                    )


CASES = list(_cases())


def test_every_corpus_has_cards_to_edit() -> None:
    corpora = {case.values[0] for case in CASES}  # type: ignore[attr-defined]
    assert corpora == {"example", "valid", "broken", "hostile"}
    assert len(CASES) > 100


@pytest.mark.parametrize(("corpus", "card_id", "edit_name"), CASES)
def test_edit_changes_only_its_lines_and_validates(
    corpus: str, card_id: str, edit_name: str
) -> None:
    docs_dir, store, framework = STORES[corpus]
    config_path = str(CORPORA.get(corpus, "mkdocs.yml"))
    decide = dict(_edits(store.by_id[card_id].doc))[edit_name]  # type: ignore[arg-type]
    result = edits.prepare(
        docs_dir, store.config, card_id, decide, config_path, store=store, framework=framework
    )
    # prepare raised EditRejected if the result would not validate; check it again directly
    assert not [p for p in result.warnings if p.is_error]
    if not result.change.ops:
        assert result.new == result.old
        return
    assert_only_lines_of(result.old, result.new, result.change.ops)
