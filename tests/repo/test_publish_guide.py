"""``docs/publish.md``'s commands run as written, on a copy of the example site.

Its ``bash`` blocks run in order in one folder holding the example site
(``mkdocs.yml``, ``framework.yml``, ``docs/``), with this environment's
``mkdocs`` and ``mkdocs-growth`` on ``PATH``; a block with ``title="path"``
is a file the guide asks you to create, written there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from test_guides import blocks_of

ROOT = Path(__file__).resolve().parents[2]
PUBLISH = ROOT / "docs" / "publish.md"


def test_every_command_of_the_publishing_guide_runs_as_written(tmp_path: Path) -> None:
    for name in ("mkdocs.yml", "framework.yml"):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    bin_dir = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", "")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    env.pop("GROWTH_AUDIENCE", None)
    ran = []
    for block in blocks_of(PUBLISH):
        if block.title is not None:
            target = tmp_path / block.title
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(block.text, encoding="utf-8")
        elif block.lang == "bash":
            done = subprocess.run(
                ["bash", "-euo", "pipefail", "-c", block.text],
                cwd=tmp_path,
                env=env,
                capture_output=True,
                text=True,
                timeout=600,
            )
            assert done.returncode == 0, f"{block.section}:\n{block.text}\n{done.stderr}"
            ran.append(block.section)
    assert len(ran) >= 3  # the build, the generate recipe, the build of its output
    dashboard = (tmp_path / "build" / "site" / "growth" / "index.html").read_text("utf-8")
    assert "Distributed trace explorer" in dashboard.split("<article", 1)[1]
    assert (tmp_path / "build" / "site" / "growth.json").is_file()
