"""The console script exits without interpreter teardown (issue 7) and loses no output.

``run()`` flushes and calls ``os._exit`` so that a large store is not freed
object by object; these run the real entry points in a subprocess.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import card, write_store

BAD = card(scores={"impact": 9, "effort": 3, "reusability": 4, "learnings": 2})


def _validate(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    argv = [sys.executable, "-m", "mkdocs_growth", "validate", "-f", str(config), *args]
    return subprocess.run(argv, capture_output=True, text=True, timeout=120, check=False)


def test_exit_code_and_every_line_arrive(tmp_path: Path) -> None:
    files = {f"cards/bad-{i:03d}.md": BAD for i in range(300)}
    files["cards/good.md"] = card()
    config = write_store(tmp_path, files, {"today": "2026-05-01"})
    result = _validate(config)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 301 and lines[-1].startswith(
        "301 growth documents in 301 files: 300 errors"
    )
    assert all("scores.impact" in line for line in lines[:-1])
    assert result.stderr == ""


def test_large_json_output_is_complete(tmp_path: Path) -> None:
    files = {f"cards/bad-{i:03d}.md": BAD for i in range(600)}
    config = write_store(tmp_path, files, {"today": "2026-05-01"})
    result = _validate(config, "--format", "json")
    assert result.returncode == 1
    assert len(result.stdout) > 65_536  # well over a pipe buffer
    problems = json.loads(result.stdout)
    assert [p["severity"] for p in problems] == ["error"] * 600


def test_clean_store_and_usage_errors_keep_their_codes(tmp_path: Path) -> None:
    config = write_store(tmp_path, {"cards/good.md": card()}, {"today": "2026-05-01"})
    assert _validate(config).returncode == 0
    missing = _validate(tmp_path / "nope.yml")
    assert missing.returncode == 2 and "nope.yml" in missing.stderr


def test_a_reader_that_goes_away_gets_no_traceback(tmp_path: Path) -> None:
    files = {f"cards/bad-{i:03d}.md": BAD for i in range(300)}
    config = write_store(tmp_path, files, {"today": "2026-05-01"})
    argv = [sys.executable, "-m", "mkdocs_growth", "validate", "-f", str(config)]
    with subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.readline()
        proc.stdout.close()  # like `| head -1`
        err = proc.stderr.read().decode()
        code = proc.wait(timeout=120)
    assert "Traceback" not in err and "Exception ignored" not in err
    assert code in (1, 2)  # 1: all of it fitted in the pipe; 2: the reader had gone
