"""``review``, ``start``, ``done``, ``feedback``, ``rate`` from the terminal.

Exit codes: 0 written or nothing to do; 1 nothing written (the card has
errors, the result would not validate, the file changed meanwhile, it
cannot be written); 2 a usage error (unknown card or milestone, bad date or
rating). The file is replaced atomically and only when it still holds the
bytes the edit was made on.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import card, store_of, write_store

from mkdocs_growth.core import safe_write
from mkdocs_growth.core.model import Card
from mkdocs_growth.core.safe_write import ChangedOnDisk, WriteRefused, replace_unchanged
from mkdocs_growth.practice import card_edits

OPTIONS = {"today": "2026-05-20", "max_active": 1}
CARD_FILE = "cards/trace.md"


@pytest.fixture
def store(tmp_path: Path) -> Path:
    files = {
        CARD_FILE: card(status="planned"),
        "cards/other.md": card(title="Other", status="active"),
        "notes/n.md": "---\ntype: note\ntitle: A note\ndate: 2026-05-01\n---\n",
    }
    return write_store(tmp_path, files, OPTIONS)


def card_of(config: Path, card_id: str = "trace") -> Card:
    doc = store_of(config).by_id[card_id].doc
    assert isinstance(doc, Card)
    return doc


def text(config: Path, name: str = CARD_FILE) -> bytes:
    return (config.parent / "docs" / name).read_bytes()


def no_temp_files(config: Path) -> bool:
    return not [p for p in (config.parent / "docs").rglob(".*") if p.is_file()]


def test_review_appends_the_date_default_today(store: Path, run_cli) -> None:
    result = run_cli("review", "trace", "-f", store)
    assert result.code == 0, result.err
    assert result.out == f"{CARD_FILE}: review 1 recorded on 2026-05-20\n"
    result = run_cli("review", "trace", "--date", "2026-05-21", "-f", store)
    assert result.code == 0
    assert [str(d) for d in card_of(store).reviewed] == ["2026-05-20", "2026-05-21"]
    again = run_cli("review", "trace", "--date", "2026-05-21", "-f", store)
    assert again.code == 0 and "already reviewed" in again.out
    assert no_temp_files(store)


def test_start_by_number_and_title_activates_the_card_and_warns_over_max_active(
    store: Path, run_cli
) -> None:
    result = run_cli("start", "trace", "--milestone", "2", "-f", store)
    assert result.code == 0, result.err
    doc = card_of(store)
    assert doc.status == "active" and doc.milestones[1].status == "active"
    assert result.err == ""  # one active milestone: at max_active, not over
    result = run_cli("start", "trace", "-m", "teach IT back", "-f", store)
    assert result.code == 0
    assert card_of(store).milestones[2].status == "active"
    assert "2 active milestones across active cards, over max_active 1" in result.err


def test_done_milestone_then_card(store: Path, run_cli) -> None:
    assert run_cli("done", "trace", "-m", "1", "-f", store).code == 0
    assert card_of(store).milestones[0].status == "done"
    result = run_cli("done", "trace", "-f", store)
    assert result.code == 0
    assert card_of(store).status == "done"
    assert "rate trace --after" in result.err  # the playbook's next step, and the warning
    assert "done card has no rubric.after" in result.err


def test_feedback_and_rate_write_what_they_say(store: Path, run_cli) -> None:
    result = run_cli(
        "feedback", "trace", "--from", "Ana: lead", "--went-well", "yes", "--didnt", "#2",
        "--try-next", 'say "no"', "-f", store,
    )  # fmt: skip
    assert result.code == 0, result.err
    [entry] = card_of(store).feedback
    assert (entry.from_, entry.went_well, entry.didnt, entry.try_next) == (
        "Ana: lead", "yes", "#2", 'say "no"',
    )  # fmt: skip
    assert str(entry.date) == "2026-05-20"
    result = run_cli(
        "rate", "trace", "--before", "confidence=2", "competence=3", "impact=1", "clarity=4",
        "-f", store,
    )  # fmt: skip
    assert result.code == 0, result.err
    assert run_cli("rate", "trace", "--before", "impact=5", "-f", store).code == 0
    rubric = card_of(store).rubric
    assert rubric is not None and rubric.before is not None
    assert (rubric.before.impact, rubric.before.clarity) == (5, 4)
    assert json.loads(run_cli("validate", "-f", store, "--format", "json").out) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["review", "trac"], "no card has id 'trac' (did you mean 'trace'?)"),
        (["review", "n"], "'n' is a note (notes/n.md), not a card"),
        (["start", "trace", "-m", "7"], "has no milestone '7'"),
        (["start", "trace"], "--milestone"),
        (["done", "trace", "-m", "Nope"], "has no milestone 'Nope'"),
        (["review", "trace", "--date", "2026-02-30"], "not a date"),
        (["rate", "trace", "--after", "impact=9"], "N from 1 to 5"),
        (["rate", "trace", "impact=3"], "--before"),
        (["rate", "trace", "--after", "impact=3"], "no after rating yet: give all four"),
        (["rate", "trace", "--after", "confidance=3"], "did you mean 'confidence'"),
        (["feedback", "trace", "--from", " ", "--went-well", "a", "--didnt", "b", "--try-next", "c"],
         "empty"),
    ],
)  # fmt: skip
def test_usage_errors_exit_2_and_write_nothing(
    store: Path, run_cli, args: list[str], message: str
) -> None:
    before = text(store)
    result = run_cli(*args, "-f", store)
    assert result.code == 2, result
    assert message in result.err
    assert text(store) == before


def test_a_card_with_errors_is_not_edited(tmp_path: Path, run_cli) -> None:
    bad = card(scores={"impact": 9, "effort": 1, "reusability": 1, "learnings": 1})
    config = write_store(tmp_path, {CARD_FILE: bad}, OPTIONS)
    result = run_cli("review", "trace", "-f", config)
    assert result.code == 1
    assert "cards/trace.md has errors: fix them before editing it" in result.err
    assert "scores.impact" in result.err
    assert text(config) == bad.encode()


def test_a_result_that_would_not_validate_is_not_written(store: Path, run_cli) -> None:
    before = text(store)
    long = "x" * 20_001  # over limits.max_string_length
    result = run_cli(
        "feedback", "trace", "--from", "Ana", "--went-well", long, "--didnt", "b", "--try-next",
        "c", "-f", store,
    )  # fmt: skip
    assert result.code == 1
    assert "would not validate after this edit; nothing written" in result.err
    assert "over the 20,000 limit" in result.err
    assert text(store) == before and no_temp_files(store)


def test_aliases_are_refused_with_exit_1(tmp_path: Path, run_cli) -> None:
    source = card().replace("title: Build the demo", "title: &t Build the demo")
    source = source.replace("title: Teach it back", "title: *t")
    config = write_store(tmp_path, {CARD_FILE: source}, OPTIONS)
    result = run_cli("done", "trace", "-m", "1", "-f", config)
    assert result.code == 1 and "aliases" in result.err
    assert text(config) == source.encode()


def test_a_file_changed_meanwhile_is_not_overwritten(
    store: Path, run_cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    prepare = card_edits.prepare
    target = store.parent / "docs" / CARD_FILE
    saves: list[bytes] = []

    def prepare_then_someone_saves(*args, **kwargs):
        """Every time: the edit never finds the card as it read it."""
        result = prepare(*args, **kwargs)
        saves.append(card(title=f"Edited in another window, save {len(saves) + 1}").encode())
        target.write_bytes(saves[-1])
        return result

    monkeypatch.setattr(card_edits, "prepare", prepare_then_someone_saves)
    result = run_cli("review", "trace", "-f", store)
    assert result.code == 1
    assert "changed on disk since it was read; nothing was written" in result.err
    assert result.out == "" and len(saves) == 3  # made again twice on the new bytes, then refused
    assert target.read_bytes() == saves[-1] and no_temp_files(store)


def someone_writes_after_prepare(
    monkeypatch: pytest.MonkeyPatch, target: Path, change: Callable[[str], str]
) -> list[int]:
    """After the first ``prepare`` only, another program changes the card with ``change``."""
    prepare = card_edits.prepare
    calls: list[int] = []

    def prepare_then_someone_writes(*args, **kwargs):
        result = prepare(*args, **kwargs)
        calls.append(1)
        if len(calls) == 1:
            target.write_text(change(target.read_text(encoding="utf-8")), encoding="utf-8")
        return result

    monkeypatch.setattr(card_edits, "prepare", prepare_then_someone_writes)
    return calls


def test_lines_added_to_the_body_meanwhile_are_kept_under_the_edit(
    store: Path, run_cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only the body changed: nothing to decide again, both writes are in the card."""
    target = store.parent / "docs" / CARD_FILE
    calls = someone_writes_after_prepare(
        monkeypatch, target, lambda text: text + "A line from another window.\n"
    )
    result = run_cli("review", "trace", "-f", store)
    assert result.code == 0, result.err
    assert result.out == f"{CARD_FILE}: review 1 recorded on 2026-05-20\n" and len(calls) == 1
    assert target.read_text(encoding="utf-8").endswith("Some text.\nA line from another window.\n")
    assert [str(d) for d in card_of(store).reviewed] == ["2026-05-20"]


def test_an_edit_that_meets_a_front_matter_write_is_made_again_on_the_new_bytes(
    store: Path, run_cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As if the command were run again: the other write and the edit are both in the card."""
    target = store.parent / "docs" / CARD_FILE
    calls = someone_writes_after_prepare(
        monkeypatch, target, lambda text: text.replace("title: Distributed", "title: Saved")
    )
    result = run_cli("review", "trace", "-f", store)
    assert result.code == 0, result.err
    assert result.out == f"{CARD_FILE}: review 1 recorded on 2026-05-20\n" and len(calls) == 2
    assert card_of(store).title == "Saved trace explorer"
    assert [str(d) for d in card_of(store).reviewed] == ["2026-05-20"]


def test_dry_run_prints_a_diff_and_writes_nothing(store: Path, run_cli) -> None:
    before = text(store)
    result = run_cli("start", "trace", "-m", "1", "--dry-run", "-f", store)
    assert result.code == 0
    assert "-status: planned\n+status: active\n" in result.out
    assert "+  status: active\n" in result.out
    assert result.out.endswith("(dry run: nothing written)\n")
    assert text(store) == before


def test_crlf_bom_file_keeps_its_bytes(tmp_path: Path, run_cli) -> None:
    source = ("\ufeff" + card(status="active")).replace("\n", "\r\n").encode()
    config = write_store(tmp_path, {CARD_FILE: source}, OPTIONS)
    assert run_cli("done", "trace", "-m", "3", "-f", config).code == 0
    after = text(config)
    assert after.startswith(b"\xef\xbb\xbf---\r\n") and b"\n" not in after.replace(b"\r\n", b"")
    assert after.count(b"\r\n") == source.count(b"\r\n") + 1  # one line added: its status


def test_mode_is_kept_and_symlinks_are_refused(store: Path, tmp_path: Path) -> None:
    target = store.parent / "docs" / CARD_FILE
    os.chmod(target, 0o640)
    old = target.read_bytes()
    replace_unchanged(str(target), old, old + b"\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    with pytest.raises(ChangedOnDisk):
        replace_unchanged(str(target), old, b"x")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    with pytest.raises(WriteRefused, match="symbolic link"):
        replace_unchanged(str(link), target.read_bytes(), b"x")
    assert link.is_symlink()


# -- issue 22: what is said, when, and which cards can be edited -----------------------------


def test_nothing_is_said_recorded_when_the_write_fails(store: Path, run_cli) -> None:
    target = store.parent / "docs" / CARD_FILE
    before = target.read_bytes()
    os.chmod(target, 0o444)
    result = run_cli("review", "trace", "-f", store)
    assert result.code == 1
    assert result.out == ""  # not "review 1 recorded": nothing was
    assert f"{target} is read-only" in result.err and "chmod u+w" in result.err
    assert target.read_bytes() == before


def test_a_card_whose_front_matter_cannot_be_read_has_errors_not_no_such_id(
    tmp_path: Path, run_cli
) -> None:
    broken = card().replace("horizon: 2026-Q2\n", "horizon: [2026-Q2\n")
    config = write_store(tmp_path, {CARD_FILE: broken}, OPTIONS)
    result = run_cli("review", "trace", "-f", config)
    assert result.code == 1, result.err
    assert f"error: {CARD_FILE} has errors: fix them before editing it" in result.err
    assert f"{CARD_FILE}:" in result.err.splitlines()[1]  # the problem, with its line
    assert "no card has id" not in result.err
    assert text(config) == broken.encode()


def test_done_on_a_card_with_an_active_milestone_warns_naming_it(store: Path, run_cli) -> None:
    assert run_cli("start", "trace", "-m", "2", "-f", store).code == 0
    result = run_cli("done", "trace", "-f", store)
    assert result.code == 0, result.err
    assert card_of(store).status == "done"
    assert (
        f"{CARD_FILE}: warning: the card is done but 3 milestones are still open:"
        " 1. Read the paper (planned); 2. Build the demo (active); 3. Teach it back (planned);"
        " mark each done (mkdocs-growth done trace -m N) or set its status to dropped\n"
    ) in result.err


def test_a_card_with_a_tab_after_a_key_is_edited_like_any_other(tmp_path: Path, run_cli) -> None:
    """MkDocs and the engine read it (libyaml); the editor used to print a scanner dump."""
    source = card(status="active").replace("status: active", "status:\tactive")
    config = write_store(tmp_path, {CARD_FILE: source}, OPTIONS)
    assert run_cli("validate", "-f", config).code == 0
    result = run_cli("review", "trace", "-f", config)
    assert result.code == 0, result.err
    assert "status:\tactive\n" in text(config).decode() and card_of(config).reviewed


def test_an_edit_keeps_a_hard_linked_card_one_file(store: Path, tmp_path: Path, run_cli) -> None:
    target = store.parent / "docs" / CARD_FILE
    twin = tmp_path / "twin.md"
    os.link(target, twin)
    assert run_cli("review", "trace", "-f", store).code == 0
    assert os.path.samefile(target, twin) and b"reviewed:" in twin.read_bytes()


@pytest.mark.skipif(not hasattr(safe_write.fcntl, "F_SETLEASE"), reason="Linux write leases")
def test_a_card_another_program_holds_open_is_refused_with_exit_1(
    store: Path, run_cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its next write could land in a file nobody sees again: nothing is written, it says why."""
    monkeypatch.setattr(safe_write, "OPEN_ELSEWHERE_WAIT", 0.05)
    target = store.parent / "docs" / CARD_FILE
    before = target.read_bytes()
    script = "import sys; f = open(sys.argv[1], 'a'); print('open', flush=True); sys.stdin.read()"
    holder = subprocess.Popen(
        [sys.executable, "-c", script, target],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "open\n"
        result = run_cli("review", "trace", "-f", store)
    finally:
        holder.communicate("")
    assert result.code == 1 and result.out == ""
    assert f"{target} is open in another program" in result.err
    assert target.read_bytes() == before
