"""Every command's output goes one way: cleaned of terminal controls, and a full or closed
stdout is exit 2 (an environment error), never a traceback or a verdict it did not reach.

One test per command class with hostile text where that command prints it, and one per
class with stdout on ``/dev/full`` (real processes: a full device needs a real descriptor).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import (
    LEVELS,
    THEMES,
    card,
    framework_yaml,
    front_matter,
    write_framework_store,
    write_store,
)

from mkdocs_growth.cli.main import run
from mkdocs_growth.cli.output import clean

# A clear-screen, an OSC 52 clipboard write, a C1 CSI colour, a full reset, a title write.
HOSTILE = "\x1b[2J\x1b]52;c;SGVsbG8=\x07\x9b31m\x1bc\x1b]0;pwned\x1b\\"
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
OPTIONS = {"today": "2026-05-01", "domains": [{"id": "observability"}]}


def hostile_store(tmp_path: Path) -> Path:
    """A store whose document and framework text carries ``HOSTILE`` into every command."""
    data = yaml.safe_load(framework_yaml())
    data["levels"] = [
        {"id": i, "name": f"{n} {HOSTILE}lvl" if i == "senior" else n} for i, n in LEVELS
    ]
    assert len(THEMES) == len(data["themes"])
    files = {
        "cards/ok.md": card(title=f"Card {HOSTILE}evil", status="active"),
        "cards/bad.md": card(title="Bad", domain=f"obs{HOSTILE}evil"),
        "notes/n.md": front_matter(
            {"type": "note", "title": f"Note {HOSTILE}evil", "date": "2026-04-30"}
        ),
    }
    return write_framework_store(
        tmp_path, files, OPTIONS, framework=yaml.safe_dump(data, allow_unicode=True)
    )


def assert_clean(text: str) -> None:
    """No control character reaches the terminal (a message may show one as ``\\x1b``)."""
    assert not CONTROL.search(text), repr(CONTROL.search(text))


def test_clean_strips_sequences_whole_and_keeps_text() -> None:
    assert clean(f"a{HOSTILE}b") == "ab"
    assert (
        clean("tab\tand\nnewline, é, 日本, 🙂, \u00a0") == "tab\tand\nnewline, é, 日本, 🙂, \u00a0"
    )
    assert clean("bell\x07 nul\x00 cr\r del\x7f c1\x85") == "bell nul cr del c1"
    assert clean("over\rwritten\r\nnext\r\n") == "overwritten\r\nnext\r\n"  # CRLF is a line end
    # an OSC left open ends at its line: the lines after it are not swallowed
    assert clean("x\x1b]52;c;SGVsbG8=\nnext line\n") == "x\nnext line\n"
    assert clean("\x9d8;;http://e.x\x9clink") == "link"  # C1 string opener and terminator
    assert clean("\x1b(0q\x1b(B") == "q"  # character-set switches


@pytest.mark.parametrize(
    ("command", "shows"),
    [
        (["validate"], "domain: 'obs"),  # a problem quoting a document's value
        (["priorities"], "Card evil"),
        (["evidence"], "Senior engineer lvl"),  # framework level names, in the summary too
        (["report"], "evil"),
        (["schema", "--bogus", f"x{HOSTILE}y"], "xy"),  # argparse's own messages
        (["review", f"no{HOSTILE}such"], "no card has id"),  # the card edits' messages
    ],
)
def test_every_command_prints_no_terminal_controls(
    tmp_path: Path, run_cli, command: list[str], shows: str
) -> None:
    config = hostile_store(tmp_path)
    result = run_cli(*command[:1], "-f", config, *command[1:])
    assert_clean(result.out + result.err)
    assert shows in result.out + result.err


def test_generate_prints_no_terminal_controls(tmp_path: Path, run_cli) -> None:
    config = hostile_store(tmp_path)
    out = tmp_path / f"out{HOSTILE}dir"
    result = run_cli("generate", "-f", config, "--out", out)
    assert result.code == 0, result.err
    assert_clean(result.out + result.err)
    assert "outdir" in result.out


def run_to(stdout: int, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs_growth", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )


COMMANDS = [
    ["validate"],  # 1 would read as "problems found"
    ["priorities"],
    ["evidence"],
    ["evidence", "--format", "json"],
    ["report"],
    ["schema"],
    ["generate", "--out", "out"],
    ["review", "ok", "--dry-run"],  # the card edits (a dry run: the diff, nothing written)
]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_a_full_stdout_is_exit_2_with_one_line(tmp_path: Path, command: list[str]) -> None:
    config = hostile_store(tmp_path)
    with open("/dev/full", "w") as full:
        done = run_to(full.fileno(), tmp_path, *command[:1], "-f", str(config), *command[1:])
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    assert "cannot write to stdout: No space left on device" in done.stderr
    assert_clean(done.stderr)


@pytest.mark.parametrize("command", [["validate"], ["schema"]], ids=" ".join)
def test_a_closed_pipe_is_exit_2_without_a_traceback(tmp_path: Path, command: list[str]) -> None:
    """``| head -c1`` that has already gone: the write fails with EPIPE, every time."""
    config = hostile_store(tmp_path)
    read, write = os.pipe()
    os.close(read)
    try:
        done = run_to(write, tmp_path, *command, "-f", str(config))
    finally:
        os.close(write)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    assert "cannot write to stdout" in done.stderr


def test_a_closed_stdout_is_exit_2(tmp_path: Path) -> None:
    """``>&-``: Python starts with no stdout at all; print would drop everything silently."""
    config = hostile_store(tmp_path)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs_growth", "validate", "-f", str(config)],
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        timeout=120,
        check=False,
        preexec_fn=lambda: os.close(1),
    )
    assert done.returncode == 2, done.stderr
    assert "cannot write to stdout" in done.stderr


@pytest.mark.parametrize("command", [["evidence"], ["report"]], ids=" ".join)
def test_json_output_keeps_hostile_text_exactly_as_escapes(
    tmp_path: Path, run_cli, command: list[str]
) -> None:
    """JSON is data: controls become ``\\u`` escapes there, so the reader gets them back."""
    config = hostile_store(tmp_path)
    result = run_cli(*command, "-f", config, "--format", "json")
    assert result.code == 0, result.err
    assert_clean(result.out)
    strings: list[str] = []
    json.loads(result.out, object_hook=lambda o: strings.extend(map(str, o.values())) or o)
    assert any(HOSTILE in text for text in strings)


class _Exited(Exception):
    """What the console script's ``os._exit`` raises in-process instead of ending pytest."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def _leave(code: int) -> None:
    raise _Exited(code)


def test_the_console_script_started_without_stdout_exits_2_in_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``>&-`` as :func:`run` sees it (``sys.stdout`` is None), in this process so that
    mutation testing sees it too: the final flush must not fail on the missing stream."""
    config = write_store(tmp_path, {"cards/a.md": card()}, OPTIONS)
    monkeypatch.setattr(sys, "argv", ["mkdocs-growth", "validate", "-f", str(config)])
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(os, "_exit", _leave)
    with pytest.raises(_Exited) as exited:
        run()
    assert exited.value.code == 2
    assert "cannot write to stdout: it is closed" in capsys.readouterr().err
