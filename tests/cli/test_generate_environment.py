"""``generate --out`` where the system will not let it write: a clear message and exit 2.

Under a regular file, in ``/sys`` or ``/proc``, on a disk that fills up half-way: never a
traceback, and never a folder that looks finished when it is not (the manifest says
``"complete": false`` until a run has written everything, and the next run finishes it).
"""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import card, front_matter, write_store
from test_generate_filesystem import tree

from mkdocs_growth.cli.outdir import MANIFEST, TMP_SUFFIX

OPTIONS = {"today": "2026-05-01"}


def store(tmp_path: Path, n_cards: int = 12) -> Path:
    files = {"index.md": "# Home\n"}
    for i in range(n_cards):
        files[f"cards/c{i:02}.md"] = card(title=f"Card {i}", goal="Grow. " * 2000)
    files["notes/n.md"] = front_matter({"type": "note", "title": "A note", "date": "2026-04-30"})
    return write_store(tmp_path, files, OPTIONS)


def assert_clear(result, *needles: str) -> None:
    assert result.code == 2, result.err
    assert "Traceback" not in result.err
    assert result.err.startswith("mkdocs-growth: error: "), result.err
    for needle in needles:
        assert needle in result.err, result.err


def test_out_under_a_regular_file(tmp_path: Path, run_cli) -> None:
    config = store(tmp_path, 1)
    (tmp_path / "afile").write_text("not a folder\n")
    result = run_cli("generate", "-f", config, "--out", tmp_path / "afile" / "out")
    assert_clear(result, "afile", "Not a directory")
    assert (tmp_path / "afile").read_text() == "not a folder\n"


@pytest.mark.parametrize("out", ["/sys/growth-out", "/proc/growth-out", "/proc/self/growth"])
def test_out_in_a_system_folder(tmp_path: Path, run_cli, out: str) -> None:
    if not os.path.isdir(os.path.dirname(out)):
        pytest.skip(f"no {os.path.dirname(out)} here")
    config = store(tmp_path, 1)
    result = run_cli("generate", "-f", config, "--out", out)
    assert_clear(result, out.split("/")[1], "no generated file was changed")
    assert not os.path.lexists(out)


def generate_limited(config: Path, out: Path, max_bytes: int) -> subprocess.CompletedProcess[str]:
    """``generate`` in a process that may not write a file beyond ``max_bytes`` (EFBIG)."""

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write fails instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (max_bytes, max_bytes))

    return subprocess.run(
        [sys.executable, "-m", "mkdocs_growth", "generate", "-f", str(config), "--out", str(out)],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        preexec_fn=limit,
        timeout=120,
        check=False,
    )


def test_a_file_size_limit_half_way_is_exit_2_and_the_next_run_finishes(
    tmp_path: Path, run_cli
) -> None:
    config = store(tmp_path)
    clean = tmp_path / "clean"
    assert run_cli("generate", "-f", config, "--out", clean).code == 0
    files = tree(clean)
    limit = 2 * len(files[MANIFEST])  # the manifest fits, so the run starts
    too_big = sorted(rel for rel, data in files.items() if len(data) > limit)
    assert 0 < len(too_big) < len(files), (limit, too_big)
    out = tmp_path / "out"
    done = generate_limited(config, out, limit)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert "File too large" in done.stderr and "incomplete" in done.stderr
    assert any(rel in done.stderr for rel in too_big)  # names the file it could not write
    assert json.loads((out / MANIFEST).read_text())["complete"] is False
    assert not list(out.rglob("*" + TMP_SUFFIX))

    result = run_cli("generate", "-f", config, "--out", out)
    assert result.code == 0, result.err
    assert tree(out) == tree(clean)
    assert json.loads((out / MANIFEST).read_text())["complete"] is True


@pytest.fixture
def tiny_disk(tmp_path: Path):
    """A 16 KiB tmpfs (root only): a real full disk."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", str(disk)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        yield disk
    finally:
        subprocess.run(["umount", str(disk)], check=False)


def test_a_full_disk_is_exit_2_and_says_the_folder_is_incomplete(
    tmp_path: Path, run_cli, tiny_disk: Path
) -> None:
    config = store(tmp_path)
    result = run_cli("generate", "-f", config, "--out", tiny_disk / "out")
    assert_clear(result, "No space left on device")
    manifest = tiny_disk / "out" / MANIFEST
    # Either the manifest could not even be written (then nothing generated is there), or
    # it says the folder is not complete.
    generated = [p for p in (tiny_disk / "out").rglob("*.md")]
    if manifest.exists():
        assert json.loads(manifest.read_text())["complete"] is False
        assert "incomplete" in result.err
    else:
        assert generated == []
    assert not list(tiny_disk.rglob("*" + TMP_SUFFIX))


def test_ctrl_c_half_way_says_the_folder_is_incomplete(
    tmp_path: Path, run_cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = store(tmp_path, 3)
    clean = tmp_path / "clean"
    assert run_cli("generate", "-f", config, "--out", clean).code == 0
    real_replace, calls = os.replace, [0]

    def ctrl_c_at_the_third_page(src, dst):
        calls[0] += 1
        if calls[0] == 4:  # the manifest, then two pages
            raise KeyboardInterrupt
        return real_replace(src, dst)

    out = tmp_path / "out"
    monkeypatch.setattr(os, "replace", ctrl_c_at_the_third_page)
    result = run_cli("generate", "-f", config, "--out", out)
    monkeypatch.undo()
    assert result.code == 130
    assert "interrupted" in result.err and "incomplete" in result.err
    assert json.loads((out / MANIFEST).read_text())["complete"] is False
    assert not list(out.rglob("*" + TMP_SUFFIX))  # the page being written is not left half
    assert run_cli("generate", "-f", config, "--out", out).code == 0
    assert tree(out) == tree(clean)
