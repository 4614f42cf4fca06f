"""Run the compatibility suite and write its table into docs/reference/compatibility.md.

    python tests/compat/table.py      (after pip install -r tests/compat/constraints.txt)

The table is what this run found, never typed by hand: the suite's conftest
writes it when every variant has a result.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "docs" / "reference" / "compatibility.md"

if __name__ == "__main__":
    env = {**os.environ, "GROWTH_COMPAT_TABLE": str(PAGE), "GROWTH_REQUIRE_COMPAT": "1"}
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/compat"]
    sys.exit(subprocess.call(command, cwd=ROOT, env=env))
