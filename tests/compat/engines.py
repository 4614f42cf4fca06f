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
ENGINES = ["mkdocs", "properdocs", "zensical"]
HOW = {
    "mkdocs": "MkDocs + the growth plugin",
    "properdocs": "ProperDocs + the growth plugin",
    "zensical": "Zensical + `mkdocs-growth generate --site --engine zensical`",
}
# Differences that are the engine's own, not growth's; test_engines.py takes each out by name.
ENGINE_OWN = {
    "zensical": [
        "lists a page's front-matter tags at the end of its article (Material does only"
        " with its tags plugin)",
        "titles the home page 'Page - Site' where Material shows the site name alone",
        "keeps its search index in search.json",
        "sets its own default fonts (Inter, JetBrains Mono)",
    ],
}
ENGINES_START, ENGINES_END = "<!-- compat:engines:start -->", "<!-- compat:engines:end -->"
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


def engine_rows(outcomes: dict[str, dict[str, str]]) -> list[str]:
    """The compatibility table's engine rows: test_engines.py's results, per engine and check."""
    rows = ["| engine | version | result | differences of its own |", "|---|---|---|---|"]
    for name in ENGINES:
        found = outcomes.get(name, {})
        failed = sorted(t for t, o in found.items() if o != "passed")
        shown = ", ".join(t.removeprefix("test_engine_").replace("_", " ") for t in failed)
        result = "not run" if not found else f"fails: {shown}" if failed else "passes"
        own = "; ".join(ENGINE_OWN.get(name, [])) or "none"
        found_at = find_engine(name)
        shown_version = _number(version(found_at)) if found_at else "not installed"
        rows.append(f"| {HOW[name]} | {shown_version} | {result} | {own} |")
    return rows


def _number(said: str) -> str:
    """The version number in what ``--version`` printed (``properdocs, version 1.6.7 from``)."""
    return next((w for w in said.replace(",", " ").split() if w[:1].isdigit()), said)


def write_engine_rows(page: Path, outcomes: dict[str, dict[str, str]]) -> None:
    """The engine rows between their markers of ``page`` (the compatibility page)."""
    text = page.read_text(encoding="utf-8")
    head, found, rest = text.partition(ENGINES_START)
    if not found:
        return
    _, _, tail = rest.partition(ENGINES_END)
    block = "\n".join([ENGINES_START, *engine_rows(outcomes), ENGINES_END])
    page.write_text(head + block + tail, encoding="utf-8")
