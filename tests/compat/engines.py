"""Where the other engines are: ProperDocs beside MkDocs, Zensical in a venv of its own.

``.ci/run`` installs both (tests/compat/engines.txt into the project's venv,
tests/compat/zensical.txt into ``.venv-zensical``). A test that needs one and
does not find it is skipped, or fails where ``GROWTH_REQUIRE_ENGINES`` is set
(CI). ``PROPERDOCS`` / ``ZENSICAL`` name an executable elsewhere.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PINS = {
    "properdocs": "tests/compat/engines.txt",
    "zensical": "tests/compat/zensical.txt",
    "mkdocs": "pyproject.toml",
    "mkdocs-growth": "pyproject.toml",
}


def find_engine(name: str) -> str | None:
    """The ``name`` executable: $NAME, the project's venv, ``.venv-<name>``, then PATH."""
    named = os.environ.get(name.upper())
    if named:
        return named
    for folder in (Path(sys.executable).parent, ROOT / f".venv-{name}" / "bin"):
        candidate = folder / name
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return shutil.which(name)


def engine(name: str) -> str:
    """The ``name`` executable, or skip (fail under ``GROWTH_REQUIRE_ENGINES``) without it."""
    found = find_engine(name)
    if found is None:
        message = f"{name} is not installed ({PINS.get(name, 'see .ci/run')}; .ci/run installs it)"
        if os.environ.get("GROWTH_REQUIRE_ENGINES"):
            pytest.fail(f"engines required here (GROWTH_REQUIRE_ENGINES): {message}")
        pytest.skip(message)
    return found


def version(executable: str) -> str:
    """What ``executable --version`` says, e.g. ``properdocs, version 1.6.7 from ...``."""
    done = subprocess.run(
        [executable, "--version"], capture_output=True, text=True, timeout=60, check=False
    )
    return (done.stdout or done.stderr).strip()


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """An engine's command in ``cwd``, as a user runs it (no colour, no MkDocs 2 notice)."""
    env = {
        **os.environ,
        "NO_COLOR": "1",
        "NO_MKDOCS_2_WARNING": "1",
        "DISABLE_MKDOCS_2_WARNING": "true",
    }
    return subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=600, check=False
    )
