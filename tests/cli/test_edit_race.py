"""Card edits against a concurrent writer: no line lost, no edit lost.

A separate process appends a line to the card's body every 20-30 ms (an
editor saving, a script logging) while ``review`` and ``feedback`` run in a
loop through the CLI. Every line the writer wrote must be in the final file,
in order, and every edit that reported success must be there too; an edit
that met the writer is refused (exit 1) and leaves nothing of itself. The
figures of a longer run are in docs/performance.md (``EDIT_RACE_EDITS``
sets the number of edits).
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import card, write_store

from mkdocs_growth.core.safe_write import leases_available

CARD_FILE = "cards/trace.md"
WRITER = textwrap.dedent(
    """
    import os, random, sys, time
    path, stop = sys.argv[1], sys.argv[2]
    random.seed(7)
    n = 0
    while not os.path.exists(stop):
        n += 1
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(f"writer line {n}\\n")
        time.sleep(random.uniform(0.020, 0.030))
    print(n)
    """
)


def test_no_line_of_a_concurrent_writer_and_no_recorded_edit_is_lost(
    tmp_path: Path, run_cli
) -> None:
    edits = int(os.environ.get("EDIT_RACE_EDITS", "300"))
    config = write_store(
        tmp_path,
        {CARD_FILE: card(status="active")},
        {"today": "2026-05-20", "limits": {"max_list_items": max(500, edits)}},
    )
    target = config.parent / "docs" / CARD_FILE
    if not leases_available(str(target)):
        pytest.skip("no write leases here: the rename fallback keeps a window (threat-model.md)")
    stop = tmp_path / "stop"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(target), str(stop)], stdout=subprocess.PIPE, text=True
    )
    recorded: list[str] = []
    refused = 0
    try:
        for i in range(edits):
            day = (dt.date(2020, 1, 1) + dt.timedelta(days=i)).isoformat()
            if i % 3:
                result = run_cli("review", "trace", "--date", day, "-f", config)
                mark = f"- {day}"
            else:
                mark = f"went well {i}"
                result = run_cli(
                    "feedback", "trace", "--from", "Dana", "--went-well", mark,
                    "--didnt", "x", "--try-next", "y", "--date", day, "-f", config,
                )  # fmt: skip
            if result.code == 0:
                recorded.append(mark)
            else:
                assert result.code == 1, result.err
                assert "changed on disk" in result.err or "open in another" in result.err, (
                    result.err
                )
                refused += 1
    finally:
        stop.touch()
        out, _ = writer.communicate(timeout=30)
    written = int(out)
    final = target.read_text(encoding="utf-8")
    lines = [line for line in final.splitlines() if line.startswith("writer line ")]
    lost = written - len(lines)
    print(
        f"race: {edits} edits, {len(recorded)} recorded, {refused} refused,"
        f" {written} lines written, {lost} lost, leases: {leases_available(str(target))}"
    )
    assert lines == [f"writer line {n}" for n in range(1, written + 1)]
    head = final.split("\n---\n", 1)[0]
    assert [mark for mark in recorded if mark not in head] == []
    assert recorded and written > 50
