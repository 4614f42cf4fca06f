"""The seven wrong changes of issue #14, each applied to a copy of the project: a test must fail.

A trial once changed the code in seven small wrong ways and every test stayed
green (docs/mutation.md). This applies each change again, one at a time, to a
scratch copy of the project (the working tree is never touched, so stopping
this half-way loses nothing), runs the tests named for it and reports which
test failed. A change no test notices is a *survivor*: the exit status is 1.

    .venv/bin/python bench/seven_changes.py            # all of them, a few minutes
    .venv/bin/python bench/seven_changes.py dashboard  # those whose name contains a word
    .venv/bin/python bench/seven_changes.py --tests tests/site tests/plugin guardrail

Each change names the exact text it replaces, which must occur once in its
file: when the code moves, the change fails loudly instead of testing nothing
(tests/repo/test_seven_changes.py checks this on every test run).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COPIED = ("mkdocs_growth", "tests", "docs", "mkdocs.yml", "framework.yml", "pyproject.toml")
PAGES = "tests/plugin/test_generated_pages_content.py"


@dataclass(frozen=True)
class Change:
    name: str
    path: str  # relative to the project root
    old: str  # occurs exactly once in the file
    new: str
    tests: tuple[str, ...]  # pytest arguments that must fail on the changed code


CHANGES = (
    Change(
        "guardrail-warning: count > max_active -> >=",
        "mkdocs_growth/practice/milestones.py",
        "if count <= limit:",
        "if count < limit:",
        ("tests/practice/test_milestones.py",),
    ),
    Change(
        "guardrail-dashboard: count > max_active -> >=",
        "mkdocs_growth/site/pages/dashboard.py",
        "if count > config.max_active:",
        "if count >= config.max_active:",
        (PAGES,),
    ),
    Change(
        "guardrail-checklist: count <= max_active -> <",
        "mkdocs_growth/practice/checklist.py",
        "        count <= limit,",
        "        count < limit,",
        ("tests/practice/test_checklist.py",),
    ),
    Change(
        "milestones-warning: lower bound 3 -> 2",
        "mkdocs_growth/core/parse.py",
        "if count < 3 or count > 5:",
        "if count < 2 or count > 5:",
        ("tests/practice/test_milestones.py",),
    ),
    Change(
        "milestones-checklist: lower bound 3 -> 2",
        "mkdocs_growth/practice/checklist.py",
        "MILESTONES = (3, 5)",
        "MILESTONES = (2, 5)",
        ("tests/practice/test_checklist.py",),
    ),
    Change(
        "dashboard lists no notes",
        "mkdocs_growth/site/pages/dashboard.py",
        "notes = newest_first(store.notes)[:LATEST_NOTES]",
        "notes = newest_first(store.notes)[:0]",
        (PAGES,),
    ),
    Change(
        "list pages of decisions, talks, playbooks, retros list nothing",
        "mkdocs_growth/site/pages/lists.py",
        "docs = newest_first(getattr(store, attr))",
        'docs = newest_first(getattr(store, attr)) if attr == "notes" else []',
        (PAGES,),
    ),
    Change(
        "a user's own growth/index.md is replaced",
        "mkdocs_growth/plugin/events.py",
        "if path in authored:\n                continue",
        "if path in authored and False:\n                continue",
        (PAGES,),
    ),
    Change(
        "mkdocs build includes draft_docs pages in the generated pages",
        "mkdocs_growth/discovery.py",
        'InclusionLevel.is_in_serve if command == "serve" else InclusionLevel.is_included',
        "InclusionLevel.is_in_serve",
        (PAGES,),
    ),
    Change(
        "~ dropped from the escaped characters",
        "mkdocs_growth/site/escape.py",
        "<>#+!|~^=:&",  # in _SPECIAL, the characters md_text escapes
        "<>#+!|^=:&",
        (PAGES,),
    ),
)


def changed_text(change: Change, root: Path = ROOT) -> tuple[str, str]:
    """The file's text and the changed text; ValueError unless ``old`` occurs exactly once."""
    text = (root / change.path).read_text(encoding="utf-8")
    found = text.count(change.old)
    if found != 1:
        raise ValueError(f"{change.path}: {change.old!r} occurs {found} times, not once")
    return text, text.replace(change.old, change.new)


def failing_tests(output: str) -> list[str]:
    return re.findall(r"^(?:FAILED|ERROR) (\S+)", output, re.M)


def run(change: Change, copy: Path, tests: tuple[str, ...]) -> tuple[bool, str]:
    """Apply the change in ``copy``, run ``tests`` there, restore; (killed, what killed it)."""
    original, changed = changed_text(change, copy)
    target = copy / change.path
    target.write_text(changed, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(copy), "NO_MKDOCS_2_WARNING": "1"}
    try:
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *tests],
            cwd=copy,
            env=env,
            capture_output=True,
            text=True,
        )
    finally:
        target.write_text(original, encoding="utf-8")
    if done.returncode == 1:  # tests ran and one failed: 2-5 are pytest's own errors
        return True, ", ".join(failing_tests(done.stdout)) or "a test"
    if done.returncode == 0:
        return False, "every test passed"
    raise RuntimeError(f"pytest exited {done.returncode} on {change.name}:\n{done.stdout}")


def _check_imports_from(copy: Path) -> None:
    """The tests must import the copy, not the installed (editable) project."""
    env = {**os.environ, "PYTHONPATH": str(copy)}
    where = subprocess.run(
        [sys.executable, "-c", "import mkdocs_growth; print(mkdocs_growth.__file__)"],
        cwd=copy,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if not Path(where).resolve().is_relative_to(copy.resolve()):
        raise RuntimeError(f"the copy's tests would import {where}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("words", nargs="*", help="only changes whose name contains one of these")
    parser.add_argument("--tests", nargs="+", help="run these tests instead of each change's own")
    args = parser.parse_args(argv)
    chosen = [c for c in CHANGES if not args.words or any(w in c.name for w in args.words)]
    survivors = 0
    with tempfile.TemporaryDirectory(prefix="seven-changes-") as scratch:
        copy = Path(scratch)
        for name in COPIED:
            source = ROOT / name
            if source.is_dir():
                shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                shutil.copy2(source, copy / name)
        _check_imports_from(copy)
        for change in chosen:
            killed, by = run(change, copy, tuple(args.tests or change.tests))
            survivors += not killed
            print(f"{'killed' if killed else 'SURVIVED'}: {change.name}: {by}", flush=True)
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main())
