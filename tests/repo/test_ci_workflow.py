"""The CI workflow runs what ``./dev test`` runs, on every Python the package claims."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
CI = ROOT / ".github" / "workflows" / "ci.yml"


def ci_test_job() -> dict[str, Any]:
    workflow = yaml.safe_load(CI.read_text(encoding="utf-8"))
    return workflow["jobs"]["test"]


def commands(job: dict[str, Any]) -> list[str]:
    return [
        " ".join(shlex.split(step["run"]))
        for step in job["steps"]
        if "run" in step and "\n" not in step["run"].strip()
    ]


def test_the_matrix_is_every_python_the_package_supports() -> None:
    tomllib = pytest.importorskip("tomllib")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    claimed = sorted(
        c.rsplit(" :: ", 1)[1]
        for c in project["classifiers"]
        if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)
    )
    matrix = ci_test_job()["strategy"]["matrix"]["python-version"]
    assert sorted(matrix, key=lambda v: tuple(map(int, v.split(".")))) == matrix
    assert set(matrix) == set(claimed) == {"3.10", "3.11", "3.12", "3.13"}
    assert project["requires-python"] == f">={matrix[0]}"


def test_ci_runs_the_commands_of_dev_test() -> None:
    dev = (ROOT / "dev").read_text(encoding="utf-8")
    block = re.search(r"^\s*test\)\n(.*?);;", dev, re.S | re.M)
    assert block
    local = []
    for line in block.group(1).splitlines():
        words = shlex.split(line.strip())
        if words and words[0] != "setup":
            words = [w for w in words if w not in ("exec", "$@")]
            tool = Path(words[0]).name
            if tool == "$PY":  # "$PY" -m pytest -q
                words, tool = words[2:], words[2]
            local.append(" ".join([tool, *words[1:]]))
    ci = commands(ci_test_job())
    assert "python -m pip install -e .[test]" in ci
    assert [c for c in ci if c.split()[0] in ("ruff", "lint-imports", "pytest")] == local
