"""``mkdocs-growth new``: every type validates, nothing is overwritten, titles survive.

A new document has no errors; its placeholders are warnings until edited, so
``--strict`` never publishes an untouched template.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import card, store_of, write_store

from mkdocs_growth.cli.new import SECTIONS, slugify
from mkdocs_growth.core.model import TYPES, Card, Retro

TODAY = "2026-05-20"
DOMAINS = [{"id": "observability", "kind": "technical"}, {"id": "communication"}]
HORIZONS = [
    {"id": "h-spring", "start": "2026-03-01", "end": "2026-05-31"},
    {"id": "h-summer", "start": "2026-06-01", "end": "2026-08-31"},
]


def store_dir(tmp_path: Path, **options: object) -> Path:
    return write_store(tmp_path, {"index.md": "# Home\n"}, {"today": TODAY, **options})


LEFTOVER = ("still the template's", "still say TODO", "still says TODO")


def validate_clean(run_cli, config: Path) -> None:
    """No errors, and no warning but the template's placeholders (until they are edited)."""
    result = run_cli("validate", "-f", config, "--format", "json")
    assert result.code == 0, result.out
    for problem in json.loads(result.out):
        assert problem["severity"] == "warning", problem
        assert any(words in problem["message"] for words in LEFTOVER), problem


def line_of(text: str, start: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith(start))


def test_untouched_template_warns_at_each_placeholder_until_edited(
    tmp_path: Path, run_cli, monkeypatch
) -> None:
    config = store_dir(tmp_path)
    monkeypatch.chdir(tmp_path)  # paths in the output are relative to here
    assert run_cli("new", "card", "Trace explorer", "-f", config).code == 0
    target = tmp_path / "docs/cards/trace-explorer.md"
    text = target.read_text(encoding="utf-8")
    result = run_cli("validate", "-f", config, "--strict")
    assert result.code == 1  # only warnings, but --strict does not publish a template
    shown = "docs/cards/trace-explorer.md"
    assert result.out.splitlines() == [
        f"{shown}:{line_of(text, 'goal:')}: warning: goal is still the template's placeholder:"
        " write what will be true at the end of the horizon (measurable, time-bound)",
        f"{shown}:{line_of(text, '  - title: Milestone 1')}: warning: 3 milestones (#1, #2, #3)"
        " are still the template's: give each a real title and a done_when (its definition"
        " of done)",
        f"{shown}:{line_of(text, 'TODO')}: warning: 5 sections still say TODO (Goal, Key"
        " concepts, Implementation plan, Metrics, Post-mortem notes): write them or delete them",
        "1 growth document in 2 files: 0 errors, 3 warnings",
    ]
    edited = text.replace("goal: What will be true", "goal: Traces explain slow checkouts. Was")
    for n in (1, 2, 3):
        edited = edited.replace(f"title: Milestone {n}", f"title: Step {n}")
    edited = edited.replace("\nTODO\n", "\nWritten.\n", 4)
    target.write_text(edited, encoding="utf-8")
    result = run_cli("validate", "-f", config, "--strict")
    assert result.code == 1 and result.out.count("warning:") == 1
    assert "1 section still says TODO (Post-mortem notes)" in result.out
    target.write_text(edited.replace("\nTODO\n", "\nLater.\n"), encoding="utf-8")
    assert run_cli("validate", "-f", config, "--strict").code == 0


@pytest.mark.parametrize("kind", TYPES)
def test_new_document_of_every_type_validates(tmp_path: Path, run_cli, kind: str) -> None:
    config = store_dir(tmp_path)
    result = run_cli("new", kind, "Distributed trace explorer", "-f", config)
    assert result.code == 0, result.err
    stem = f"{TODAY}-distributed-trace-explorer" if kind == "note" else "distributed-trace-explorer"
    target = tmp_path / "docs" / f"{kind}s" / f"{stem}.md"
    assert target.is_file()
    assert result.out.strip().endswith(f"{kind}s/{stem}.md")
    text = target.read_text(encoding="utf-8")
    for heading in SECTIONS[kind]:
        assert f"\n## {heading}\n" in text
    validate_clean(run_cli, config)
    [doc] = [e.doc for e in store_of(config).valid]
    assert doc.type == kind and doc.title == "Distributed trace explorer"


def test_card_has_the_five_sections_and_three_milestones(tmp_path: Path, run_cli) -> None:
    config = store_dir(tmp_path)
    assert run_cli("new", "card", "Trace explorer", "-f", config).code == 0
    text = (tmp_path / "docs/cards/trace-explorer.md").read_text(encoding="utf-8")
    headings = [line[3:] for line in text.splitlines() if line.startswith("## ")]
    assert headings == [
        "Goal",
        "Key concepts",
        "Implementation plan",
        "Metrics",
        "Post-mortem notes",
    ]
    [doc] = store_of(config).cards
    assert isinstance(doc, Card)
    assert len(doc.milestones) == 3 and all(m.done_when for m in doc.milestones)
    assert doc.horizon == "2026-Q2" and doc.domain == "general"
    assert str(doc.date) == TODAY


def test_fills_first_configured_domain_and_current_horizon(tmp_path: Path, run_cli) -> None:
    config = store_dir(tmp_path, domains=DOMAINS, horizons=HORIZONS)
    for kind in TYPES:
        assert run_cli("new", kind, f"A {kind}", "-f", config).code == 0
    validate_clean(run_cli, config)
    store = store_of(config)
    [new_card] = store.cards
    assert (new_card.domain, new_card.horizon) == ("observability", "h-spring")
    assert [r.horizon for r in store.of_type(Retro)] == ["h-spring"]
    assert {d.domain for d in store.notes + store.decisions + store.talks} == {"observability"}


def test_new_decision_starts_proposed_and_names_the_other_statuses(tmp_path: Path, run_cli) -> None:
    config = store_dir(tmp_path)
    assert run_cli("new", "decision", "Adopt tracing", "-f", config).code == 0
    text = (tmp_path / "docs/decisions/adopt-tracing.md").read_text(encoding="utf-8")
    assert "status: proposed  # proposed | accepted | superseded | rejected" in text.splitlines()


def test_between_configured_horizons_uses_the_next_one(tmp_path: Path, run_cli) -> None:
    horizons = [{"id": "later", "start": "2026-07-01", "end": "2026-09-30"}]
    config = store_dir(tmp_path, horizons=horizons)
    assert run_cli("new", "card", "Gap", "-f", config).code == 0
    validate_clean(run_cli, config)
    assert store_of(config).cards[0].horizon == "later"


def test_refuses_to_overwrite(tmp_path: Path, run_cli) -> None:
    config = store_dir(tmp_path)
    assert run_cli("new", "note", "Weekly note", "-f", config).code == 0
    target = tmp_path / f"docs/notes/{TODAY}-weekly-note.md"
    target.write_text("my own words\n", encoding="utf-8")
    again = run_cli("new", "note", "Weekly note", "-f", config)
    assert again.code == 1
    assert "already exists" in again.err and "not overwriting" in again.err
    assert target.read_text(encoding="utf-8") == "my own words\n"


def test_same_title_in_another_type_gets_its_own_id(tmp_path: Path, run_cli) -> None:
    config = store_dir(tmp_path)
    for kind in TYPES:
        assert run_cli("new", kind, "Tracing", "-f", config).code == 0
    validate_clean(run_cli, config)
    ids = sorted(e.doc.id for e in store_of(config).valid if e.doc is not None)
    assert ids == sorted(["tracing", *(f"tracing-{k}" for k in TYPES if k != "card")])


def test_existing_id_elsewhere_is_not_reused(tmp_path: Path, run_cli) -> None:
    config = write_store(tmp_path, {"old/tracing.md": card()}, {"today": TODAY})
    assert run_cli("new", "card", "Tracing", "-f", config).code == 0
    validate_clean(run_cli, config)


def test_both_ids_of_a_title_taken_is_refused_with_both_named(tmp_path: Path, run_cli) -> None:
    files = {"old/tracing.md": card(), "old/tracing-card.md": card()}
    config = write_store(tmp_path, files, {"today": TODAY})
    result = run_cli("new", "card", "Tracing", "-f", config)
    assert result.code == 1
    assert result.err == (
        "mkdocs-growth: error: ids 'tracing' and 'tracing-card' are both taken:"
        " choose another title\n"
    )
    assert not (tmp_path / "docs" / "cards").exists()


@pytest.mark.parametrize(
    "title",
    [
        "Quotes \"double\" and 'single': colon # hash",
        "<script>alert(1)</script>",
        "yes",
        "null",
        "123",
        "- dash [list] {map} & *star* !tag %pct @at `tick`",
        "Ünïcödé — 日本語 ✓",
        "---",
    ],
)
def test_titles_round_trip_exactly(tmp_path: Path, run_cli, title: str) -> None:
    config = store_dir(tmp_path)
    result = run_cli("new", "note", "-f", config, "--", title)  # "--": titles may start with "-"
    assert result.code == 0, result.err
    validate_clean(run_cli, config)
    [note] = store_of(config).notes
    assert note.title == title


def test_control_characters_and_newlines_are_flattened(tmp_path: Path, run_cli) -> None:
    config = store_dir(tmp_path)
    assert run_cli("new", "talk", "Line one\nline\ttwo\x07", "-f", config).code == 0
    validate_clean(run_cli, config)
    assert store_of(config).talks[0].title == "Line one line two"


def test_title_without_ascii_gets_a_dated_slug(tmp_path: Path, run_cli) -> None:
    config = store_dir(tmp_path)
    assert run_cli("new", "note", "日本語", "-f", config).code == 0
    assert (tmp_path / f"docs/notes/note-{TODAY}.md").is_file()
    validate_clean(run_cli, config)


@pytest.mark.parametrize("args", [("new", "card", "   "), ("new", "cards", "X"), ("new", "card")])
def test_usage_errors_exit_2(tmp_path: Path, run_cli, args: tuple[str, ...]) -> None:
    config = store_dir(tmp_path)
    assert run_cli(*args, "-f", config).code == 2
    assert not (tmp_path / "docs/cards").exists()


def test_new_notes_are_filed_by_date_with_a_short_id(tmp_path: Path, run_cli) -> None:
    """As the example store's notes: notes/2026-11-02-trace-context.md, id trace-context."""
    config = store_dir(tmp_path)
    result = run_cli("new", "note", "Trace context", "-f", config)
    assert result.out.strip().endswith(f"notes/{TODAY}-trace-context.md")
    [note] = store_of(config).notes
    assert (note.id, str(note.date)) == ("trace-context", TODAY)


def test_new_creates_docs_dir_in_a_new_store(tmp_path: Path, run_cli) -> None:
    """The getting-started order: mkdocs.yml first, then the first card; docs/ comes with it."""
    config = store_dir(tmp_path)
    (tmp_path / "docs/index.md").unlink()
    (tmp_path / "docs").rmdir()
    result = run_cli("new", "card", "X", "-f", config)
    assert result.code == 0, result.err
    assert (tmp_path / "docs/cards/x.md").is_file()
    validate_clean(run_cli, config)


def test_docs_dir_that_is_a_file_is_a_usage_error(tmp_path: Path, run_cli) -> None:
    config = store_dir(tmp_path)
    (tmp_path / "docs/index.md").unlink()
    (tmp_path / "docs").rmdir()
    (tmp_path / "docs").write_text("not a folder\n")
    result = run_cli("new", "card", "X", "-f", config)
    assert result.code == 2 and "isn't an existing directory" in result.err


def test_slugify() -> None:
    assert slugify("  Hello, World!  ") == "hello-world"
    assert slugify("Crème brûlée") == "creme-brulee"
    assert slugify("a" * 100) == "a" * 60
    assert slugify("日本") == ""


def test_type_folder_that_is_a_file_is_a_clear_error(tmp_path: Path, run_cli) -> None:
    config = write_store(tmp_path, {"index.md": "# Home\n", "cards": "not a folder\n"})
    result = run_cli("new", "card", "X", "-f", config)
    assert result.code == 1
    assert "cannot create the folder" in result.err and "Traceback" not in result.err


def test_type_folder_linking_outside_docs_is_refused(tmp_path: Path, run_cli) -> None:
    config = store_dir(tmp_path)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (tmp_path / "docs" / "notes").symlink_to(outside, target_is_directory=True)
    result = run_cli("new", "note", "X", "-f", config)
    assert result.code == 1 and "outside docs_dir" in result.err
    assert list(outside.iterdir()) == []


def test_title_over_the_string_limit_is_a_usage_error(tmp_path: Path, run_cli) -> None:
    config = store_dir(tmp_path)
    result = run_cli("new", "note", "x" * 20_001, "-f", config)
    assert result.code == 2 and "limits.max_string_length" in result.err


@pytest.fixture
def full_cards_folder(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """A store whose ``cards/`` is a full 16 KiB tmpfs (root only; skipped elsewhere)."""
    config = store_dir(tmp_path)
    cards = tmp_path / "docs" / "cards"
    cards.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", str(cards)], capture_output=True
    )
    if mounted.returncode:
        pytest.skip(f"cannot mount a small tmpfs: {mounted.stderr.decode().strip()}")
    filler = cards / ".filler"
    try:
        with contextlib.suppress(OSError), open(filler, "wb") as handle:
            handle.write(b"x" * 64 * 1024)
        yield config, filler
    finally:
        subprocess.run(["umount", str(cards)], check=True)


def test_new_on_a_full_disk_leaves_nothing_and_a_later_new_succeeds(
    full_cards_folder: tuple[Path, Path], run_cli
) -> None:
    """Issue 22: an empty card used to stay behind and block every later ``new`` of that title."""
    config, filler = full_cards_folder
    cards = filler.parent
    result = run_cli("new", "card", "Trace explorer", "-f", config)
    assert result.code == 1
    assert "No space left on device" in result.err and result.out == ""
    assert sorted(os.listdir(cards)) == [".filler"]
    filler.unlink()
    again = run_cli("new", "card", "Trace explorer", "-f", config)
    assert again.code == 0, again.err
    assert os.listdir(cards) == ["trace-explorer.md"]
    assert isinstance(store_of(config).by_id["trace-explorer"].doc, Card)
    assert stat.S_IMODE((cards / "trace-explorer.md").stat().st_mode) == 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
