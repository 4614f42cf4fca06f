"""The release path: one version, the package checked in CI, published from a tag.

``.ci/package`` (``./dev package``) itself builds and smoke-tests in a clean
venv, which needs the package index, so CI runs it (``.ci/run`` and the CI
workflow) rather than this suite; these tests hold the wiring in place, and
run the release workflow's tag check for real.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from test_workflows import WORKFLOWS, load, run_commands, steps_using

import mkdocs_growth

tomllib = pytest.importorskip("tomllib")

ROOT = Path(__file__).resolve().parents[2]
RELEASE = WORKFLOWS / "release.yml"


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_the_version_is_written_once() -> None:
    project = pyproject()
    assert "version" not in project["project"]
    assert project["project"]["dynamic"] == ["version"]
    # flit_core takes a dynamic version from the module's ``__version__``.
    assert project["build-system"]["build-backend"] == "flit_core.buildapi"
    assert re.fullmatch(r"\d+\.\d+\.\d+", mkdocs_growth.__version__)


def test_license_is_an_spdx_expression_with_its_file() -> None:
    """PEP 639: the license as an SPDX expression and its file (a TOML table is deprecated)."""
    project = pyproject()
    assert project["project"]["license"] == "MIT"
    assert project["project"]["license-files"] == ["LICENSE"]
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    requires = project["build-system"]["requires"]
    # flit_core reads `license` expressions and `license-files` from 3.12 on.
    assert any(re.fullmatch(r"flit_core>=3\.12,<\d+", r) for r in requires), requires


def test_release_runs_only_for_version_tags() -> None:
    on = load(RELEASE)["on"]
    assert on == {"push": {"tags": ["v*"]}}


def test_release_publishes_by_trusted_publishing_from_an_environment() -> None:
    workflow = load(RELEASE)
    assert workflow["permissions"] == {"contents": "read"}
    build, publish = workflow["jobs"]["build"], workflow["jobs"]["publish"]
    assert "permissions" not in build  # the build never holds the publishing token
    assert publish["permissions"] == {"id-token": "write"}
    assert publish["needs"] == "build"
    assert publish["environment"]["name"] == "pypi"
    [step] = steps_using(workflow, "pypa/gh-action-pypi-publish")
    assert "with" not in step or "password" not in step["with"]  # no stored token
    uploaded = steps_using(workflow, "actions/upload-artifact")[0]["with"]
    downloaded = steps_using(workflow, "actions/download-artifact")[0]["with"]
    assert uploaded["name"] == downloaded["name"] and uploaded["path"] == downloaded["path"]


def test_release_checks_the_tag_and_the_package_before_publishing() -> None:
    steps = load(RELEASE)["jobs"]["build"]["steps"]
    runs = [str(step.get("run", "")) for step in steps]
    check = next(i for i, run in enumerate(runs) if "__version__" in run)
    package = runs.index("./dev package")
    upload = next(i for i, s in enumerate(steps) if "upload-artifact" in str(s.get("uses")))
    assert check < package < upload


@pytest.mark.parametrize(
    ("tag", "code"), [(f"v{mkdocs_growth.__version__}", 0), ("v999.0.0", 1), ("0.1.0", 1)]
)
def test_the_tag_check_accepts_only_v_and_the_version(tag: str, code: int) -> None:
    step = next(
        s for s in load(RELEASE)["jobs"]["build"]["steps"] if "__version__" in str(s.get("run"))
    )
    assert step["env"] == {"TAG": "${{ github.ref_name }}"}
    python_dir = str(Path(sys.executable).parent)
    result = subprocess.run(
        ["bash", "-e", "-c", step["run"]],
        cwd=ROOT,
        env={"PATH": f"{python_dir}{os.pathsep}/usr/bin:/bin", "TAG": tag},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == code, result.stdout + result.stderr


def test_ci_and_ci_run_build_and_smoke_test_the_package() -> None:
    assert "./dev package" in run_commands(load(WORKFLOWS / "ci.yml"))
    ci_run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^\./dev package\b", ci_run, re.M)
    script = (ROOT / ".ci" / "package").read_text(encoding="utf-8")
    for needed in ("-m build", "twine check --strict", "-m venv", "--version", "validate --strict"):
        assert needed in script, needed
    assert 'mkdocs" build --strict' in script


def test_dev_serve_installs_only_what_serving_needs() -> None:
    """The first ./dev serve must not wait for playwright, hypothesis and ruff."""
    text = (ROOT / "dev").read_text(encoding="utf-8")
    setups = dict(re.findall(r"^  (\w+)\)\n    setup (\w+)$", text, re.M))
    assert setups["serve"] == setups["build"] == "material"
    assert setups["test"] == "test"
    extras = pyproject()["project"]["optional-dependencies"]
    assert not {"pytest", "playwright", "hypothesis", "ruff"} & {
        re.split(r"[<>=\[ ]", dep)[0] for dep in extras["material"]
    }
