"""The seven changes of ``bench/seven_changes.py`` still apply to the code as it is now.

The script proves each wrong change is noticed by a test (it takes minutes,
so it is run by hand, docs/mutation.md); this only proves it would still test
something: each change's text occurs exactly once where it says, and the
tests it names exist.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

import seven_changes  # noqa: E402


@pytest.mark.parametrize("change", seven_changes.CHANGES, ids=lambda c: c.name.split(":")[0])
def test_each_wrong_change_still_applies_once(change: seven_changes.Change) -> None:
    original, changed = seven_changes.changed_text(change)
    assert changed != original
    for test in change.tests:
        assert (ROOT / test.split("::")[0]).exists(), test


def test_a_change_whose_text_moved_fails_loudly(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text("x = 1\nx = 1\n", encoding="utf-8")
    twice = seven_changes.Change("twice", "m.py", "x = 1", "x = 2", ())
    with pytest.raises(ValueError, match="occurs 2 times"):
        seven_changes.changed_text(twice, tmp_path)
