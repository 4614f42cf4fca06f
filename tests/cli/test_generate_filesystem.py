"""``generate`` and the file system: nothing written outside ``--out``, any kill recovered.

The kill tests stop a run after every single file-system step (create,
write, rename, remove, mkdir): in-process by raising out of the step, and in
real subprocesses by SIGKILL at the same kind of step. The next ordinary
run must succeed with no cleanup by hand and leave exactly what a clean run
leaves.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import card, front_matter, write_store

from mkdocs_growth.cli import outdir
from mkdocs_growth.cli.outdir import MANIFEST, TMP_SUFFIX, GenerateError

OPTIONS = {"today": "2026-05-01"}


def store(n_cards: int = 3) -> dict[str, str]:
    files = {"index.md": "# Home\n"}
    for i in range(n_cards):
        files[f"cards/c{i}.md"] = card(title=f"Card {i}", status="active" if i == 0 else "planned")
    files["notes/n.md"] = front_matter({"type": "note", "title": "A note", "date": "2026-04-30"})
    return files


def tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


# --- --out itself -------------------------------------------------------------------------


def test_generate_refuses_a_filesystem_root_as_out(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    with pytest.raises(GenerateError, match="root of a file system"):
        outdir.check_folder("/", str(docs), str(tmp_path / "mkdocs.yml"))


@pytest.mark.parametrize(
    ("where", "why"),
    [
        ("home", "home folder"),
        ("home/..", "home folder"),
        (".", "contains docs_dir"),
        ("docs", "docs_dir"),
        ("docs/sub", "docs_dir"),
    ],
)
def test_generate_refuses_absurd_out_folders(
    tmp_path: Path, run_cli, monkeypatch: pytest.MonkeyPatch, where: str, why: str
) -> None:
    project = tmp_path / "home" / "project"
    project.mkdir(parents=True)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    config = write_store(project, store(1), OPTIONS)
    before = tree(tmp_path)
    out = {"home": tmp_path / "home", "home/..": tmp_path}.get(where, project / where)
    result = run_cli("generate", "-f", config, "--out", out)
    assert result.code == 2, result.out
    assert why in result.err
    assert tree(tmp_path) == before


def test_generate_refuses_a_folder_holding_the_config_file(tmp_path: Path, run_cli) -> None:
    config = write_store(tmp_path / "p", store(1), OPTIONS, config={"docs_dir": "../docs"})
    (tmp_path / "docs").mkdir()
    for name, text in store(1).items():
        (tmp_path / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / name).write_text(text)
    result = run_cli("generate", "-f", config, "--out", tmp_path / "p")
    assert result.code == 2 and "contains the config file mkdocs.yml" in result.err
    assert not (tmp_path / "p" / "growth").exists()


# --- symlinks at the paths generate opens -------------------------------------------------


@pytest.mark.parametrize("name", ["growth.json" + TMP_SUFFIX, "growth/index.md" + TMP_SUFFIX])
def test_generate_refuses_a_symlink_at_a_temporary_path(tmp_path: Path, run_cli, name: str) -> None:
    config = write_store(tmp_path, store(), OPTIONS)
    out, victim = tmp_path / "out", tmp_path / "victim.txt"
    victim.write_text("keep me\n")
    (out / name).parent.mkdir(parents=True, exist_ok=True)
    os.symlink(victim, out / name)
    result = run_cli("generate", "-f", config, "--out", out)
    assert result.code == 2 and name in result.err
    assert "Traceback" not in result.err
    assert victim.read_text() == "keep me\n"
    assert not (out / "growth.json").exists()  # nothing written at all


@pytest.mark.parametrize("name", [MANIFEST, MANIFEST + TMP_SUFFIX])
def test_generate_refuses_a_symlink_at_the_manifest_path(
    tmp_path: Path, run_cli, name: str
) -> None:
    config = write_store(tmp_path, store(), OPTIONS)
    out, victim = tmp_path / "out", tmp_path / "victim.txt"
    victim.write_text("keep me\n")
    out.mkdir()
    os.symlink(victim, out / name)
    result = run_cli("generate", "-f", config, "--out", out)
    assert result.code == 2 and name in result.err
    assert victim.read_text() == "keep me\n"
    assert not (out / "growth.json").exists()


def test_generate_ignores_a_manifest_naming_unsafe_paths(tmp_path: Path, run_cli) -> None:
    config = write_store(tmp_path, store(), OPTIONS)
    out = tmp_path / "out"
    out.mkdir()
    names = ["a\x00b", "/etc/passwd", "..", "a\\..\\b", "x\n.md", ""]
    (out / MANIFEST).write_text(json.dumps({"files": dict.fromkeys(names, "0" * 64)}))
    result = run_cli("generate", "-f", config, "--out", out)
    assert result.code == 0, result.err
    assert "stale" in result.out


# --- a run killed at any moment ------------------------------------------------------------


class Killed(BaseException):
    """Stands for SIGKILL: no ``except Exception`` (or ``OSError``) cleans up after it."""


@contextlib.contextmanager
def killed_at(step: int | None, counter: list[int]) -> Iterator[None]:
    """Count file-system changes; raise :class:`Killed` instead of change number ``step``.

    A write is cut in the middle: half of the bytes land, then the "kill".
    """
    real = {name: getattr(os, name) for name in ("open", "write", "replace", "remove", "mkdir")}

    def hit() -> bool:
        counter[0] += 1
        return counter[0] - 1 == step

    def fs_open(path, flags, *args, **kwargs):
        if flags & os.O_CREAT and hit():
            raise Killed
        return real["open"](path, flags, *args, **kwargs)

    def fs_write(fd, data):
        if hit():
            real["write"](fd, bytes(data[: len(data) // 2]))
            raise Killed
        return real["write"](fd, data)

    def simple(name):
        def step_(*args, **kwargs):
            if hit():
                raise Killed
            return real[name](*args, **kwargs)

        return step_

    patched = {"open": fs_open, "write": fs_write}
    patched |= {name: simple(name) for name in ("replace", "remove", "mkdir")}
    try:
        for name, fn in patched.items():
            setattr(os, name, fn)
        yield
    finally:
        for name, fn in real.items():
            setattr(os, name, fn)


OLD = {"a.md": b"old a\n", "same.md": b"same\n", "growth/stale.md": b"stale\n"}
NEW = {"a.md": b"new a\n", "same.md": b"same\n", "growth/deep/new.md": b"new\n" * 1000}


def run_plan(root: Path, files: dict[str, bytes]) -> outdir.Plan:
    p = outdir.plan(str(root), sorted(files.items()))
    outdir.apply(p)
    return p


def test_generate_recovers_after_a_kill_at_any_moment(tmp_path: Path) -> None:
    clean = tmp_path / "clean"
    run_plan(clean, NEW)
    expected = tree(clean)
    counter = [0]
    base = tmp_path / "base"
    run_plan(base, OLD)
    with killed_at(None, counter):
        run_plan(tmp_path / "count", NEW)
    steps = counter[0]
    assert steps > 10
    for step in range(steps + 1):
        for before in (None, OLD):  # a first run into a new folder, and a rerun over OLD
            out = tmp_path / f"{step}-{before is None}"
            if before:
                run_plan(out, before)
            with contextlib.suppress(Killed), killed_at(step, [0]):
                run_plan(out, NEW)
            p = run_plan(out, NEW)  # the next run: no conflict, no cleanup by hand
            assert tree(out) == expected, step
            assert not list(out.rglob("*" + TMP_SUFFIX)), step
            assert p.kept == []


def test_generate_cleans_leftover_temporary_files(tmp_path: Path, run_cli) -> None:
    config = write_store(tmp_path, store(), OPTIONS)
    out = tmp_path / "out"
    (out / "growth" / "gone").mkdir(parents=True)
    (out / "growth" / "gone" / ("x.md" + TMP_SUFFIX)).write_text("half a page")
    (out / (MANIFEST + TMP_SUFFIX)).write_text("{")
    result = run_cli("generate", "-f", config, "--out", out)
    assert result.code == 0, result.err
    assert "2 left by an interrupted run" in result.out
    assert not list(out.rglob("*" + TMP_SUFFIX))


KILLER = textwrap.dedent(
    """
    import os, signal, sys
    step = int(sys.argv[1])
    count = [0]
    real = {n: getattr(os, n) for n in ("open", "write", "replace", "remove", "mkdir")}

    def hit():
        count[0] += 1
        if count[0] - 1 == step:
            os.kill(os.getpid(), signal.SIGKILL)

    def fs_open(path, flags, *a, **k):
        if flags & os.O_CREAT:
            hit()
        return real["open"](path, flags, *a, **k)

    def fs_write(fd, data):
        if count[0] == step:  # the next step: half of this write lands first
            real["write"](fd, bytes(data[: len(data) // 2]))
        hit()
        return real["write"](fd, data)

    def simple(name):
        def f(*a, **k):
            hit()
            return real[name](*a, **k)
        return f

    from mkdocs_growth.cli import main
    os.open, os.write = fs_open, fs_write
    os.replace, os.remove, os.mkdir = simple("replace"), simple("remove"), simple("mkdir")
    sys.exit(main(sys.argv[2:]))
    """
)


def test_generate_recovers_after_a_real_kill(tmp_path: Path, run_cli) -> None:
    """SIGKILL of a real process at steps spread over the run, then an ordinary rerun."""
    old = write_store(tmp_path / "old", store(6), OPTIONS)
    new = write_store(tmp_path / "new", store(4), {**OPTIONS, "north_star": "Changed."})
    clean = tmp_path / "clean"
    assert run_cli("generate", "-f", new, "--out", clean).code == 0
    expected = tree(clean)
    counter = [0]
    assert run_cli("generate", "-f", old, "--out", tmp_path / "base").code == 0
    with killed_at(None, counter):
        assert run_cli("generate", "-f", new, "--out", tmp_path / "base").code == 0
    steps = counter[0]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    for step in sorted({0, 1, 2, steps // 3, steps // 2, steps - 3, steps - 2, steps - 1}):
        out = tmp_path / f"killed-{step}"
        assert run_cli("generate", "-f", old, "--out", out).code == 0
        args = ["generate", "-f", str(new), "--out", str(out)]
        done = subprocess.run(
            [sys.executable, "-c", KILLER, str(step), *args],
            env=env,
            capture_output=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == -signal.SIGKILL, (step, done.stderr)
        result = run_cli(*args)
        assert result.code == 0, (step, result.err)
        assert tree(out) == expected, step
        assert not list(out.rglob("*" + TMP_SUFFIX)), step
