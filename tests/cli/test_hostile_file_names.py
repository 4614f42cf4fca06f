"""File names with ESC, newlines or undecodable bytes: shown escaped, one problem per line.

A file named ``\\x1b[2J.md`` would clear the terminal of whoever runs
``validate``; ``a\\nforged.md`` would print a second, forged problem line into a
CI log. ``validate`` text output and the build log show such names escaped
(``core.problems.shown_path``); JSON output keeps the exact name.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import pytest
from conftest import card, front_matter, write_store
from mkdocs.commands.build import build
from mkdocs.config import load_config

HOSTILE = ["\x1b[2Jclear.md", "a\nforged: error: x.md", "bell\x07.md"]


def bad_note(doc_id: str) -> str:
    """A note with one error, on line 5 (its date)."""
    return front_matter({"type": "note", "id": doc_id, "title": "N", "date": "2026-02-30"})


def hostile_store(tmp_path: Path) -> Path:
    files = {f"notes/{name}": bad_note(f"n{i}") for i, name in enumerate(HOSTILE)}
    files["cards/one.md"] = card(id="twin")
    files["cards/\x1btwo.md"] = card(id="twin")  # duplicate id: the message names the other file
    return write_store(tmp_path, files, {"today": "2026-05-01"})


def test_validate_text_output_escapes_control_characters_in_file_names(
    tmp_path: Path, run_cli
) -> None:
    result = run_cli("validate", "-f", hostile_store(tmp_path))
    assert result.code == 1
    assert not any(ch in result.out for ch in "\x1b\x07")
    lines = result.out.splitlines()
    assert len(lines) == 6  # 3 bad notes + 2 duplicate ids + the summary: no forged line
    shown = "\n".join(lines)
    assert "notes/\\x1b[2Jclear.md:5: error:" in shown
    assert "notes/a\\x0aforged: error: x.md:5: error:" in shown
    assert "also used by cards/\\x1btwo.md" in shown


def test_validate_json_output_keeps_the_exact_file_name(tmp_path: Path, run_cli) -> None:
    result = run_cli("validate", "-f", hostile_store(tmp_path), "--format", "json")
    paths = {os.path.basename(p["path"]) for p in json.loads(result.out)}
    assert "\x1b[2Jclear.md" in paths


@pytest.mark.skipif(os.name == "nt", reason="POSIX file names are bytes")
def test_validate_shows_undecodable_file_names_escaped(tmp_path: Path, run_cli) -> None:
    config = write_store(tmp_path, {"cards/ok.md": card()})
    (tmp_path / "docs" / os.fsdecode(b"notes-\xff.md")).write_text(bad_note("n"))
    result = run_cli("validate", "-f", config)
    assert result.code == 1
    assert "notes-\\udcff.md:5: error:" in result.out


def test_build_log_escapes_control_characters_in_file_names(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = hostile_store(tmp_path)
    with caplog.at_level(logging.WARNING):
        build(load_config(config_file=str(config)))
    ours = [r.getMessage() for r in caplog.records if "growth" in r.name]
    assert len(ours) >= 5
    for message in ours:
        assert "\n" not in message and "\x1b" not in message and "\x07" not in message, message
    assert any("\\x1b[2Jclear.md:5:" in m for m in ours)
    assert any("a\\x0aforged: error: x.md:5:" in m for m in ours)
