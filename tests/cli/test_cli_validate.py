"""``mkdocs-growth validate``: formats, exit codes 0/1/2, --strict, paths, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, card, front_matter, write_store

from mkdocs_growth.cli import main

NOTE = front_matter({"type": "note", "title": "A note", "date": "2026-04-01"})
BROKEN_NOTE = "---\ntype: note\ntitle: Broken\ndate: 2026-02-30\n---\n"  # error on line 4
FEW_MILESTONES = card(milestones=[{"title": "only", "done_when": "done"}])  # one warning


@pytest.fixture
def clean(tmp_path: Path) -> Path:
    return write_store(tmp_path / "clean", {"cards/a.md": card(), "notes/n.md": NOTE})


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    return write_store(
        tmp_path / "broken",
        {"cards/a.md": card(), "notes/bad.md": BROKEN_NOTE, "cards/few.md": FEW_MILESTONES},
    )


@pytest.fixture
def warned(tmp_path: Path) -> Path:
    return write_store(tmp_path / "warned", {"cards/few.md": FEW_MILESTONES})


def test_a_clean_store_exits_0_with_a_summary(run_cli, clean: Path) -> None:
    result = run_cli("validate", "-f", clean)
    assert result.code == 0
    assert result.out.strip().splitlines() == [
        "2 growth documents in 2 files: 0 errors, 0 warnings"
    ]
    assert result.err == ""


def test_errors_exit_1_as_path_line_severity_message(run_cli, broken: Path) -> None:
    result = run_cli("validate", "-f", broken)
    assert result.code == 1
    lines = result.out.strip().splitlines()
    bad = os.path.relpath(broken.parent / "docs" / "notes" / "bad.md")
    few = os.path.relpath(broken.parent / "docs" / "cards" / "few.md")
    assert f"{bad}:4: error: date: '2026-02-30' is not a valid date" in "\n".join(lines)
    assert any(
        line.startswith(f"{few}:") and ": warning: card has 1 milestone" in line for line in lines
    )
    assert lines[-1] == "3 growth documents in 3 files: 1 error, 1 warning"


def test_warnings_alone_exit_0_but_1_with_strict(run_cli, warned: Path) -> None:
    assert run_cli("validate", "-f", warned).code == 0
    assert run_cli("validate", "-f", warned, "--strict").code == 1


def test_the_strict_option_in_mkdocs_yml_applies_too(run_cli, tmp_path: Path) -> None:
    config = write_store(tmp_path, {"cards/few.md": FEW_MILESTONES}, {"strict": True})
    assert run_cli("validate", "-f", config).code == 1


def test_json_prints_only_json(run_cli, broken: Path) -> None:
    result = run_cli("validate", "-f", broken, "--format", "json")
    assert result.code == 1
    problems = json.loads(result.out)
    assert {tuple(sorted(p)) for p in problems} == {("line", "message", "path", "severity")}
    by_file = {(os.path.basename(p["path"]), p["line"], p["severity"]) for p in problems}
    assert ("bad.md", 4, "error") in by_file
    assert ("few.md", 12, "warning") in by_file  # the `milestones:` line


def test_json_for_a_clean_store_is_an_empty_list(run_cli, clean: Path) -> None:
    result = run_cli("validate", "-f", clean, "--format", "json")
    assert (result.code, json.loads(result.out)) == (0, [])


def test_github_format_prints_workflow_annotations(run_cli, broken: Path) -> None:
    result = run_cli("validate", "-f", broken, "--format", "github")
    assert result.code == 1
    annotations = [line for line in result.out.splitlines() if line.startswith("::")]
    bad = os.path.relpath(broken.parent / "docs" / "notes" / "bad.md")
    assert f"::error file={bad},line=4::date: '2026-02-30' is not a valid date" in "\n".join(
        annotations
    )
    assert any(line.startswith("::warning file=") for line in annotations)
    assert len(annotations) == 2


def test_github_annotations_escape_special_characters(run_cli, tmp_path: Path) -> None:
    text = "---\ntype: decision\nid: x\ndate: 2026-04-01\ntitle: x\nstatus: '100%'\n---\n"
    config = write_store(tmp_path, {"a,b:c\nd.md": text})
    result = run_cli("validate", "-f", config, "--format", "github")
    (line,) = [line for line in result.out.splitlines() if line.startswith("::")]
    assert "a%2Cb%3Ac%0Ad.md,line=6::" in line
    assert line.endswith(
        "::status: '100%25' is not allowed; expected 'proposed', 'accepted',"
        " 'superseded' or 'rejected'"
    )


def test_store_wide_warnings_name_the_config_file(run_cli, tmp_path: Path) -> None:
    active = [{"title": f"m{i}", "done_when": "done", "status": "active"} for i in range(3)]
    config = write_store(
        tmp_path,
        {"a.md": card(status="active", milestones=active)},
        {"max_active": 1, "today": "2026-05-01"},
    )
    result = run_cli("validate", "-f", config, "--format", "json")
    (problem,) = json.loads(result.out)
    assert problem["path"] == str(config)
    assert problem["line"] == 0 and "over max_active 1" in problem["message"]


def test_a_store_folder_can_be_given_as_path(run_cli, broken: Path, clean: Path) -> None:
    # the options come from -f, the documents from PATH
    result = run_cli("validate", "-f", broken, clean.parent / "docs")
    assert result.code == 0


def test_files_given_as_paths_limit_the_report(run_cli, broken: Path) -> None:
    docs = broken.parent / "docs"
    result = run_cli("validate", "-f", broken, docs / "cards" / "few.md", "--format", "json")
    assert result.code == 0  # the broken note is not reported
    assert [os.path.basename(p["path"]) for p in json.loads(result.out)] == ["few.md"]
    result = run_cli("validate", "-f", broken, docs / "notes", "--format", "json")
    assert result.code == 1
    assert [os.path.basename(p["path"]) for p in json.loads(result.out)] == ["bad.md"]


def test_a_folder_beside_other_paths_limits_the_report_to_its_files(run_cli, broken: Path) -> None:
    """``validate docs/notes docs/cards/a.md`` (pre-commit, a shell glob): a folder among paths."""
    docs = broken.parent / "docs"
    paths = (docs / "notes", docs / "cards" / "a.md")
    result = run_cli("validate", "-f", broken, *paths, "--format", "json")
    assert result.code == 1
    assert [os.path.basename(p["path"]) for p in json.loads(result.out)] == ["bad.md"]


def test_a_file_outside_docs_dir_is_skipped_with_a_note(
    run_cli, broken: Path, tmp_path: Path
) -> None:
    """pre-commit passes every staged Markdown file, README.md included."""
    outside = tmp_path / "README.md"
    outside.write_text("---\ntype: card\n")
    result = run_cli("validate", "-f", broken, outside)
    assert result.code == 0
    assert f"mkdocs-growth: skipped {outside}: not inside docs_dir\n" in result.err
    assert result.out.strip().endswith("0 errors, 0 warnings")


def test_a_missing_path_is_a_usage_error(run_cli, clean: Path) -> None:
    result = run_cli("validate", "-f", clean, clean.parent / "nope")
    assert result.code == 2
    assert result.err.startswith("mkdocs-growth: error: ")
    assert "no such file or directory" in result.err
    assert result.out == ""


@pytest.mark.parametrize("command", ["validate", "priorities"])
def test_a_missing_docs_dir_is_a_usage_error(run_cli, tmp_path: Path, command: str) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: x\ndocs_dir: nowhere\n")
    result = run_cli(command, "-f", tmp_path / "mkdocs.yml")
    assert result.code == 2
    assert "docs_dir: The path" in result.err and "isn't an existing directory" in result.err
    assert result.out == ""


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "cannot read config file"),
        (b"site_name: [oops\n", "error parsing the configuration file"),
        (b"site_name: caf\xe9\n", "invalid continuation byte"),
        (
            b"site_name: x\nplugins:\n  - growth:\n      max_activ: 2\n",
            "'max_activ': unknown option",
        ),
        (b"site_name: x\nplugins:\n  - growth:\n      weights: {impact: -1}\n", "'weights.impact'"),
        (b"site_name: x\nplugins:\n  - growth:\n      today: 2026-02-30\n", "yml:4: '2026-02-30'"),
        (
            b"site_name: x\nplugins:\n  - growth:\n      limits: {max_file_bytes: 1e23}\n",
            "'limits.max_file_bytes'",
        ),
        (
            b"site_name: x\nplugins:\n  - growth:\n"
            b"      limits: {max_file_bytes: 100000000000000000000000}\n",
            "'limits.max_file_bytes'",
        ),
        (b"site_name: x\nplugins:\n  - growth:\n      north_star: !!binary aGk=\n", "'north_star'"),
        (
            b"site_name: x\nplugins:\n  - growth:\n      weights: {impact: 1e300}\n",
            "'weights.impact'",
        ),
    ],
    ids=[
        "missing",
        "bad-yaml",
        "not-utf8",
        "unknown-option",
        "bad-value",
        "impossible-date",
        "absurd-limit-text",
        "absurd-limit",
        "binary-north-star",
        "absurd-weight",
    ],
)
def test_unusable_config_exits_2(
    run_cli, tmp_path: Path, content: bytes | None, message: str
) -> None:
    (tmp_path / "docs").mkdir()
    config = tmp_path / "mkdocs.yml"
    if content is not None:
        config.write_bytes(content)
    for fmt in ("text", "json", "github"):
        result = run_cli("validate", "-f", config, "--format", fmt)
        assert result.code == 2
        assert message in result.err
        assert result.out == ""
        assert "Traceback" not in result.err


def test_a_config_folder_instead_of_a_file_exits_2(run_cli, tmp_path: Path) -> None:
    result = run_cli("validate", "-f", tmp_path)
    assert result.code == 2 and "cannot read config file" in result.err


def test_bad_arguments_exit_2(run_cli, clean: Path) -> None:
    result = run_cli("validate", "-f", clean, "--format", "xml")
    assert result.code == 2
    assert "invalid choice" in result.err


def test_main_returns_the_exit_code_instead_of_raising(clean: Path, capsys) -> None:
    assert main(["validate", "-f", str(clean), "--bogus"]) == 2
    assert main(["--version"]) == 0
    capsys.readouterr()


def test_the_default_config_is_mkdocs_yml_in_the_current_folder(
    run_cli, clean: Path, monkeypatch
) -> None:
    monkeypatch.chdir(clean.parent)
    result = run_cli("validate")
    assert result.code == 0
    assert "2 growth documents" in result.out
    assert result.err == ""  # the usual place: nothing to say


@pytest.mark.parametrize("command", ["validate", "priorities", "new"])
def test_every_command_finds_mkdocs_yml_in_a_parent_folder_and_says_which(
    run_cli, tmp_path: Path, monkeypatch, command: str
) -> None:
    """Run from inside docs/ (where an editor's terminal often is), not only next to mkdocs.yml."""
    config = write_store(tmp_path, {"cards/a.md": card()})
    (tmp_path / "docs" / "cards").mkdir(exist_ok=True)
    monkeypatch.chdir(tmp_path / "docs" / "cards")
    args = ["note", "Found it"] if command == "new" else []
    result = run_cli(command, *args)
    assert result.code == 0, result.err
    assert (
        result.err.splitlines()[0]
        == f"mkdocs-growth: using {os.path.join('..', '..', config.name)}"
    )
    if command == "validate":
        assert result.out.splitlines()[-1].startswith("1 growth document in 1 file:")
    if command == "new":
        assert result.out.startswith(os.path.join("..", "notes", ""))  # relative to here


def test_no_mkdocs_yml_anywhere_above_is_a_usage_error(
    run_cli, tmp_path: Path, monkeypatch
) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    monkeypatch.chdir(folder)
    if any((p / "mkdocs.yml").exists() for p in folder.parents):
        pytest.skip("a mkdocs.yml above the temporary folder")
    result = run_cli("validate")
    assert result.code == 2
    assert result.err == (
        "mkdocs-growth: error: no mkdocs.yml in this folder or any folder above it; run from"
        " the store's folder or pass -f path/to/mkdocs.yml\n"
    )


def test_unreadable_entries_are_reported_not_raised(run_cli, tmp_path: Path) -> None:
    config = write_store(tmp_path, {"a.md": card()})
    docs = tmp_path / "docs"
    (docs / "dangling.md").symlink_to(docs / "missing-target.md")
    os.mkfifo(docs / "pipe.md")  # reading it would block forever
    result = run_cli("validate", "-f", config, "--format", "json")
    assert result.code == 1
    found = {os.path.basename(p["path"]): p["message"] for p in json.loads(result.out)}
    assert "cannot read file" in found["dangling.md"]
    assert found["pipe.md"] == "not a regular file"


def test_non_ascii_output_survives_an_ascii_terminal(tmp_path: Path) -> None:
    config = write_store(tmp_path, {"a.md": card(domain="café")})
    for fmt in ("text", "json", "github"):
        run = run_console_script("validate", "-f", str(config), "--format", fmt, encoding="ascii")
        assert "Traceback" not in run.stderr
        assert run.returncode == 1, run.stderr
        assert "caf" in run.stdout
    run = run_console_script("validate", "-f", str(config), "--format", "json", encoding="ascii")
    assert "café" in json.loads(run.stdout)[0]["message"]


def run_console_script(*args: str, encoding: str = "utf-8") -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).with_name("mkdocs-growth")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "mkdocs_growth"]
    return subprocess.run(
        [*command, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=60,
        env={**os.environ, "PYTHONIOENCODING": encoding, "NO_MKDOCS_2_WARNING": "1"},
    )


def test_the_console_script_exit_codes(tmp_path: Path, clean: Path) -> None:
    """The installed entry point, in a real process: 0, 1 and 2, never a traceback."""
    ok = run_console_script("validate", "-f", str(clean))
    corpus = run_console_script("validate", "-f", str(FIXTURES / "broken" / "main" / "mkdocs.yml"))
    usage = run_console_script("validate", "-f", str(tmp_path / "missing.yml"))
    assert (ok.returncode, corpus.returncode, usage.returncode) == (0, 1, 2)
    for run in (ok, corpus, usage):
        assert "Traceback" not in run.stderr
    assert "errors" in corpus.stdout.splitlines()[-1]
    assert usage.stderr.startswith("mkdocs-growth: error: ")


def test_a_closed_pipe_is_not_a_traceback(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("mkdocs-growth")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "mkdocs_growth"]
    # more output than a pipe buffers (64 KiB), so writing must hit the closed pipe
    config = str(write_store(tmp_path, {f"n{i:04}.md": BROKEN_NOTE for i in range(1200)}))
    proc = subprocess.Popen(
        [*command, "validate", "-f", config],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()  # like `| head -1`
    stderr = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert "Traceback" not in stderr
    assert "BrokenPipeError" not in stderr
