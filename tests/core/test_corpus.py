"""Golden corpus: every broken document is reported with the right line, severity and message.

Each folder ``tests/fixtures/broken/<store>/`` holds an ``mkdocs.yml``, a
``docs/`` folder and an ``expected.json`` mapping each file (relative to
docs_dir, or ``mkdocs.yml`` for store-wide findings) to the problems the
engine must report as ``[line, severity, message substring]``. Adding a case
means adding files; this module does not change.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, card, front_matter, store_of, write_store
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_growth.core import store as store_module
from mkdocs_growth.core.model import TYPES, Card
from mkdocs_growth.core.options import parse_options
from mkdocs_growth.core.parse import Entry, parse_entry
from mkdocs_growth.core.problems import Problem
from mkdocs_growth.core.store import Store, build_store, walk_markdown

BROKEN_STORES = sorted(p.parent for p in (FIXTURES / "broken").glob("*/expected.json"))
CONFIG_KEY = "mkdocs.yml"

Expected = tuple[int, str, str]


def expected_of(store_dir: Path) -> dict[str, list[Expected]]:
    raw = json.loads((store_dir / "expected.json").read_text(encoding="utf-8"))
    return {
        path: [(int(line), str(sev), str(text)) for line, sev, text in items]
        for path, items in raw.items()
        if not path.startswith("_")
    }


def problems_by_file(store: Store) -> dict[str, list[Problem]]:
    out: dict[str, list[Problem]] = {}
    for problem in store.problems:
        key = CONFIG_KEY if problem.path.endswith(CONFIG_KEY) else problem.path
        out.setdefault(key, []).append(problem)
    return out


def unmatched(expected: list[Expected], got: list[Problem]) -> tuple[list[Expected], list[Problem]]:
    """Pair each expectation with a distinct problem; return what is left on both sides."""
    left = list(got)
    missing = []
    for line, severity, text in expected:
        for problem in left:
            if (
                problem.line == line
                and problem.severity.value == severity
                and text in problem.message
            ):
                left.remove(problem)
                break
        else:
            missing.append((line, severity, text))
    return missing, left


def test_the_corpus_covers_at_least_twenty_broken_documents() -> None:
    assert BROKEN_STORES, "no tests/fixtures/broken/*/expected.json found"
    broken = [
        path
        for store_dir in BROKEN_STORES
        for path, items in expected_of(store_dir).items()
        if any(sev == "error" for _, sev, _ in items)
    ]
    assert len(broken) >= 20


@pytest.mark.parametrize("store_dir", BROKEN_STORES, ids=lambda p: p.name)
def test_every_file_is_declared_in_expected_json(store_dir: Path) -> None:
    declared = set(expected_of(store_dir)) - {CONFIG_KEY}
    on_disk = set(walk_markdown(str(store_dir / "docs")))
    assert on_disk - declared == set(), "add these files to expected.json"
    assert declared - on_disk == set(), "expected.json names files that do not exist"


@pytest.mark.parametrize("store_dir", BROKEN_STORES, ids=lambda p: p.name)
def test_every_problem_is_reported_with_line_severity_and_message(store_dir: Path) -> None:
    got = problems_by_file(store_of(store_dir / "mkdocs.yml"))
    report = []
    for path, expected in sorted(expected_of(store_dir).items()):
        missing, extra = unmatched(expected, got.pop(path, []))
        report += [f"{path}: missing {m}" for m in missing]
        report += [f"{path}: unexpected {p.line} {p.severity.value}: {p.message}" for p in extra]
    report += [f"{path}: undeclared file with {len(ps)} problems" for path, ps in got.items()]
    assert report == []


@pytest.mark.parametrize("store_dir", BROKEN_STORES, ids=lambda p: p.name)
def test_a_broken_document_keeps_its_markdown(store_dir: Path) -> None:
    """Nothing lost: unreadable front matter leaves the whole text as the body."""
    store = store_of(store_dir / "mkdocs.yml")
    for entry in store.entries:
        if entry.front_matter_broken and entry.text:
            assert entry.body == entry.text, entry.path
        elif entry.text:
            assert entry.text.endswith(entry.body), entry.path
    yaml_bomb = store.by_path["yaml-bomb.md"]
    assert "The body survives." in yaml_bomb.body


def test_invalid_documents_stay_out_of_the_valid_list() -> None:
    store = store_of(FIXTURES / "broken" / "main" / "mkdocs.yml")
    erroneous = {p.path for p in store.errors}
    valid = {e.path for e in store.valid}
    assert valid.isdisjoint(erroneous)
    assert {"ok-card.md", "ok-note.md", "warn-few-milestones.md"} <= valid


def test_the_whole_corpus_validates_well_under_two_seconds() -> None:
    config = FIXTURES / "broken" / "main" / "mkdocs.yml"
    store_module._CACHE.clear()  # measure real parsing, not the mtime cache
    start = time.perf_counter()
    store = store_of(config)
    elapsed = time.perf_counter() - start
    print(f"\ncorpus of {len(store.entries)} files validated in {elapsed * 1000:.0f} ms")
    assert store.errors
    assert elapsed < 2.0


def test_the_console_script_reports_the_corpus_without_a_traceback() -> None:
    """A real process: exit 1, JSON only on stdout, the same findings as the engine."""
    store_dir = FIXTURES / "broken" / "main"
    script = Path(sys.executable).with_name("mkdocs-growth")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "mkdocs_growth"]
    run = subprocess.run(
        [*command, "validate", "-f", "mkdocs.yml", "--format", "json"],
        cwd=store_dir,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
    )
    assert "Traceback" not in run.stderr
    assert run.returncode == 1, run.stderr
    reported = json.loads(run.stdout)
    engine = store_of(store_dir / "mkdocs.yml").problems
    assert len(reported) == len(engine)
    assert {(os.path.basename(p["path"]), p["line"], p["message"]) for p in reported} == {
        (os.path.basename(p.path), p.line, p.message) for p in engine
    }


# -- the valid corpus ---------------------------------------------------------------------

VALID = FIXTURES / "valid"


def test_the_valid_corpus_has_no_problem_and_every_type() -> None:
    store = store_of(VALID / "mkdocs.yml")
    assert [str(p) for p in store.problems] == []
    assert {e.doc.type for e in store.valid} == set(TYPES)  # type: ignore[union-attr]


def test_a_bom_and_crlf_card_is_read_like_any_other() -> None:
    raw = (VALID / "docs" / "cards" / "bom-crlf-card.md").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf---\r\n"), "git or an editor rewrote the fixture"
    assert raw.count(b"\r\n") == raw.count(b"\n")
    store = store_of(VALID / "mkdocs.yml")
    entry = store.by_path["cards/bom-crlf-card.md"]
    card = entry.doc
    assert isinstance(card, Card)
    assert card.title == "Trace explorer: saved with a BOM and CRLF"
    assert card.milestones[1].done_when == "the demo service exports spans in CI"
    assert "\r" not in entry.body and entry.body.startswith("\n# Trace explorer")
    assert entry.line("milestones", 1) == 13
    assert entry.line("concepts") == 19


# -- limits ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        ("[a, b, c, d, e]", []),
        ("[a, b, c, d, e, f]", ["tags: 6 items, over the 5 limit"]),
        ("\n  - a\n  - b\n  - c\n  - d\n  - e\n  - f", ["tags: 6 items, over the 5 limit"]),
        ("[a,b,c,d,e,f]", ["tags: 6 items, over the 5 limit"]),
    ],
)
def test_list_limits_hold_for_every_list_shape(
    tmp_path: Path, tags: str, expected: list[str]
) -> None:
    text = f"---\ntype: note\ntitle: t\ndate: 2026-04-01\ntags: {tags}\n---\n"
    config = write_store(tmp_path, {"n.md": text}, {"limits": {"max_list_items": 5}})
    found = [p.message for p in store_of(config).problems]
    assert len(found) == len(expected), found
    for message, want in zip(found, expected, strict=True):
        assert message.startswith(want)


@pytest.mark.parametrize("length", [80, 81])
def test_string_limits_hold(tmp_path: Path, length: int) -> None:
    long_title = "x" * length
    text = f"---\ntype: note\ntitle: {long_title}\ndate: 2026-04-01\n---\n"
    config = write_store(tmp_path, {"n.md": text}, {"limits": {"max_string_length": 80}})
    if length == 80:  # exactly the limit: allowed
        assert store_of(config).problems == []
        return
    (problem,) = store_of(config).problems
    assert (problem.line, problem.message) == (
        3,
        "title: text is 81 characters, over the 80 limit (limits.max_string_length)",
    )


# -- reference hints -------------------------------------------------------------------------


def test_reference_hints_suggest_close_ids_of_the_right_kind_only(tmp_path: Path) -> None:
    def note(**fields: str) -> str:
        return front_matter({"type": "note", "title": "n", "date": "2026-04-01", **fields})

    config = write_store(
        tmp_path,
        {
            "trace-explorer.md": card(),
            "trace-explorer-notes.md": note(),
            "missing-required.md": card(),
            "typo.md": note(card="trace-exploer"),
            "far.md": note(card="missing-card"),
            "self.md": note(id="self-note", related=["self-notes"]),
        },
    )
    messages = {p.path: p.message for p in store_of(config).problems}
    assert messages["typo.md"] == (
        "card: no document has id 'trace-exploer' (did you mean 'trace-explorer'?)"
    )
    assert messages["far.md"] == "card: no document has id 'missing-card'"
    assert messages["self.md"] == "related: no document has id 'self-notes'"


def test_ids_with_a_trailing_newline_are_not_ids(tmp_path: Path) -> None:
    """``^...$`` lets "x\\n" through ``re.match``: store checks on raw front matter must not."""
    text = (
        "---\ntype: card\ntitle: t\n"
        'horizon: "2026-Q1\\n"\ndomain: "observability\\n"\nrelated: ["a\\n"]\n---\n'
    )
    config = write_store(
        tmp_path, {"a.md": text, "b\n.md": card()}, {"domains": [{"id": "observability"}]}
    )
    problems = [(p.path, p.line, p.message) for p in store_of(config).problems]
    assert (
        "b\n.md",
        2,
        "file name 'b\\n' is not a valid id (lowercase letters, digits, '-'): add an 'id:' or rename the file",
    ) in problems
    about_a = sorted(m.split(":")[0] for path, _, m in problems if path == "a.md")
    assert about_a == [
        "card is missing required field 'goal'",
        "card is missing required field 'scores'",
        "domain",
        "horizon",
        "related #1",
    ]


# -- store checks on raw front matter never crash -------------------------------------------

_ODD = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 10),
    st.floats(allow_nan=True),
    st.dates(),
    st.sampled_from(
        ["", "x", "ok-card", "2026-Q1", "2026-Q1\n", "Bad Id", "observability", "a" * 120]
    ),
    st.lists(st.sampled_from(["ok-card", "nope", "x\n", ""]), max_size=3),
    st.dictionaries(st.sampled_from(["a", "id"]), st.integers(), max_size=2),
)
_FIELDS = [
    "type",
    "id",
    "title",
    "domain",
    "horizon",
    "status",
    "related",
    "card",
    "superseded_by",
    "goal",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    metas=st.lists(
        st.dictionaries(st.sampled_from(_FIELDS), _ODD, max_size=7).map(
            lambda m: {"type": "card", **m} if "type" not in m else m
        ),
        min_size=1,
        max_size=4,
    ),
    with_lists=st.booleans(),
)
def test_store_checks_take_any_raw_front_matter(
    metas: list[dict[str, Any]], with_lists: bool
) -> None:
    options: dict[str, Any] = {"today": dt.date(2026, 5, 1)}
    if with_lists:
        options["domains"] = [{"id": "observability"}]
        options["horizons"] = [
            {"id": "h1", "start": dt.date(2026, 1, 1), "end": dt.date(2026, 3, 31)}
        ]
    config = parse_options(options)
    entries = [
        Entry(f"d{i}.md", meta=meta, kind=meta["type"] if meta["type"] in TYPES else None)
        for i, meta in enumerate(metas)
    ]
    entries.append(parse_entry("ok-card.md", card().encode(), config.limits))
    store = build_store(entries, config)
    for problem in store.problems:
        assert problem.line >= 0 and problem.message
