"""Run the compatibility suite and write its table into docs/reference/compatibility.md.

    python tests/compat/table.py      (after .ci/run's installs: tests/compat/*.txt)

The table is what this run found, never typed by hand: the suite's conftest
writes it when every variant has a result. Two runs: every site with MkDocs
(and the engine rows, tests/compat/test_engines.py), then the plugin sites
again with ProperDocs (``GROWTH_COMPAT_ENGINE=properdocs``), summarised below
the table.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "docs" / "reference" / "compatibility.md"

if __name__ == "__main__":
    env = {
        **os.environ,
        "GROWTH_COMPAT_TABLE": str(PAGE),
        "GROWTH_REQUIRE_COMPAT": "1",
        "GROWTH_REQUIRE_ENGINES": "1",
    }
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    first = subprocess.call([*command, "tests/compat"], cwd=ROOT, env=env)
    env["GROWTH_COMPAT_ENGINE"] = "properdocs"
    second = subprocess.call([*command, "tests/compat/test_plugins.py"], cwd=ROOT, env=env)
    sys.exit(first or second)
