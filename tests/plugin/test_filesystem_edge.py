"""Odd entries in docs_dir and the size limits, through the CLI and a real build.

A FIFO named ``x.md``, a folder named ``y.md``, a symlink loop, a dangling
symlink, an unreadable file and a file deleted while MkDocs builds must each
give a ``file: message`` (or be ignored, like MkDocs ignores folders), never
a traceback or a hang. Opening a FIFO blocks until a writer appears, so every
test that has one runs under :func:`fifo_guard`, which unblocks a reader and
records that the FIFO was opened at all (the engine must never open it).
"""

from __future__ import annotations

import html
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from conftest import card, front_matter, write_store
from mkdocs.commands.build import build
from mkdocs.config import load_config

OK_CARD = card(title="A readable card")
NOTE = front_matter({"type": "note", "title": "Inside a folder named y.md", "date": "2026-04-01"})
OPTIONS = {"today": "2026-05-01"}


@contextmanager
def fifo_guard(fifo: Path) -> Iterator[list[str]]:
    """Yield a list that gets an entry if anything opened ``fifo`` for reading.

    A writer can only open a FIFO once a reader has it open, so polling with
    a non-blocking write-open detects a reader without ever blocking; opening
    and closing the write end then hands the reader EOF, so a regression
    fails the test instead of hanging it.
    """
    opened: list[str] = []
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            try:
                fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:  # ENXIO: no reader, the normal case
                time.sleep(0.02)
                continue
            opened.append(str(fifo))
            os.close(fd)

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    try:
        yield opened
    finally:
        done.set()
        thread.join()


def odd_store(tmp_path: Path) -> Path:
    """A store with every odd entry next to one good card; returns mkdocs.yml."""
    config = write_store(
        tmp_path,
        {"index.md": "# Home\n", "cards/ok.md": OK_CARD, "y.md/inner.md": NOTE},
        OPTIONS,
        config={"theme": {"name": "material"}},
    )
    docs = tmp_path / "docs"
    os.mkfifo(docs / "x.md")
    (docs / "a.md").symlink_to("b.md")
    (docs / "b.md").symlink_to("a.md")
    (docs / "c.md").symlink_to("nowhere.md")
    return config


EXPECTED = {
    "docs/x.md": "not a regular file",
    "docs/a.md": "cannot read file: Too many levels of symbolic links",
    "docs/b.md": "cannot read file: Too many levels of symbolic links",
    "docs/c.md": "cannot read file: No such file or directory",
}


def test_validate_reports_each_odd_entry_and_never_opens_the_fifo(
    tmp_path: Path, run_cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = odd_store(tmp_path)
    monkeypatch.chdir(tmp_path)
    with fifo_guard(tmp_path / "docs" / "x.md") as opened:
        result = run_cli("validate", "-f", config, "--format", "json")
    assert opened == [], "the FIFO was opened: a real reader would block forever"
    assert result.code == 1
    assert "Traceback" not in result.out + result.err
    found = {p["path"]: p["message"] for p in json.loads(result.out)}
    for path, message in EXPECTED.items():
        assert message in found.get(path, ""), (path, found)
    assert not any(p.startswith(("docs/y.md", "docs/cards")) for p in found), found


def test_validate_of_the_fifo_itself_finishes(tmp_path: Path, run_cli: Any) -> None:
    config = odd_store(tmp_path)
    fifo = tmp_path / "docs" / "x.md"
    with fifo_guard(fifo) as opened:
        result = run_cli("validate", "-f", config, str(fifo))
    assert opened == []
    assert result.code == 1
    assert "not a regular file" in result.out


def _build(config: Path) -> None:
    build(load_config(config_file=str(config)))


def _problem_rows(site: Path) -> str:
    """The Problems page as text (entities decoded)."""
    return html.unescape((site / "growth" / "problems" / "index.html").read_text("utf-8"))


def test_build_reports_each_odd_entry_and_never_opens_the_fifo(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = odd_store(tmp_path)
    with fifo_guard(tmp_path / "docs" / "x.md") as opened:
        _build(config)
    assert opened == [], "the FIFO was opened during the build"
    site = tmp_path / "site"
    problems = _problem_rows(site)
    for path, message in EXPECTED.items():
        assert message in problems, path
        assert f"{path}: {message}" in caplog.text.replace(str(tmp_path) + "/", "")
    # The readable pages are all there; the folder named y.md is a folder.
    assert (site / "cards" / "ok" / "index.html").exists()
    assert (site / "y.md" / "inner" / "index.html").exists()
    # Each unreadable page is a note pointing at Problems, not an empty page.
    for name in ("a", "b", "c", "x"):
        html = (site / name / "index.html").read_text("utf-8")
        assert "cannot read file" in html or "not a regular file" in html


# --- a file deleted while MkDocs builds (hooks: a real MkDocs mechanism) -------

HOOK = """
import os
from mkdocs.plugins import event_priority

@event_priority({priority})
def on_files(files, config):
    os.remove(os.path.join(config.docs_dir, "cards", "gone.md"))
    return files
"""


@pytest.mark.parametrize(
    ("priority", "published"),
    [(200, False), (-200, True)],  # growth reads the store at on_files priority 100
    ids=["before-growth-reads-it", "after-growth-read-it"],
)
def test_a_file_deleted_during_the_build(tmp_path: Path, priority: int, published: bool) -> None:
    """MkDocs listed the file, then it vanished: before or after the plugin read it."""
    config = write_store(
        tmp_path,
        {"index.md": "# Home\n", "cards/gone.md": card(title="Deleted mid-build")},
        OPTIONS,
        config={"hooks": ["delete_hook.py"]},
    )
    (tmp_path / "delete_hook.py").write_text(HOOK.format(priority=priority))
    _build(config)
    assert not (tmp_path / "docs" / "cards" / "gone.md").exists()
    page = (tmp_path / "site" / "cards" / "gone" / "index.html").read_text("utf-8")
    problems = _problem_rows(tmp_path / "site")
    if published:  # read once already: its content is used, nothing lost
        assert "Deleted mid-build" in page
        assert "cards/gone.md" not in problems
    else:
        assert "No such file or directory" in page
        assert "cards/gone.md" in problems


# --- unreadable files (EACCES) --------------------------------------------------

# Root reads a mode-000 file anyway (CAP_DAC_OVERRIDE); without those capabilities
# root is an ordinary owner and gets EACCES like any user would.
DROP_DAC = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"]


def _unprivileged(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    prefix = DROP_DAC if os.geteuid() == 0 else []
    return subprocess.run(
        [*prefix, *args], cwd=cwd, capture_output=True, text=True, timeout=120, check=False
    )


@pytest.fixture
def unreadable_store(tmp_path: Path) -> Iterator[Path]:
    """A store with a mode-000 card; skips where this process cannot be denied a read."""
    config = write_store(tmp_path, {"index.md": "# Home\n", "cards/ok.md": OK_CARD}, OPTIONS)
    secret = tmp_path / "docs" / "cards" / "secret.md"
    secret.write_text(card(title="Secret"))
    secret.chmod(0)
    try:
        probe = _unprivileged(["cat", str(secret)], tmp_path)
    except FileNotFoundError:
        pytest.skip("running as root and setpriv is missing: a mode-000 file stays readable")
    if probe.returncode == 0:
        pytest.skip("this user reads a mode-000 file anyway: cannot test EACCES here")
    yield config
    secret.chmod(0o600)


def test_validate_reports_an_unreadable_file(unreadable_store: Path) -> None:
    cli = [sys.executable, "-m", "mkdocs_growth", "validate", "-f", str(unreadable_store)]
    result = _unprivileged(cli, unreadable_store.parent)
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 1, result.stdout + result.stderr
    assert "docs/cards/secret.md: error: cannot read file: Permission denied" in result.stdout


def test_build_reports_an_unreadable_file(unreadable_store: Path) -> None:
    root = unreadable_store.parent
    result = _unprivileged([sys.executable, "-m", "mkdocs", "build", "-q"], root)
    assert "Traceback" not in result.stdout + result.stderr, result.stderr[-2000:]
    assert result.returncode == 0, result.stderr[-2000:]
    assert "cards/secret.md: cannot read file: Permission denied" in result.stderr
    assert "Permission denied" in _problem_rows(root / "site")
    assert (root / "site" / "cards" / "ok" / "index.html").exists()


# --- limits, end to end -----------------------------------------------------------

MiB = 1024 * 1024


def _padded_card(size: int) -> str:
    """A valid card of exactly ``size`` bytes (the body pads it)."""
    head = card(title="Big card")
    return head + "x" * (size - len(head.encode()) - 1) + "\n"


@pytest.mark.parametrize(
    ("size", "options", "over"),
    [
        (MiB, {}, False),  # the default limit is inclusive
        (MiB + 1, {}, True),
        (MiB + 1, {"limits": {"max_file_bytes": 2 * MiB}}, False),
    ],
    ids=["1MiB", "1MiB+1", "raised"],
)
def test_file_size_limit_in_validate(
    tmp_path: Path, run_cli: Any, size: int, options: dict[str, Any], over: bool
) -> None:
    config = write_store(tmp_path, {"cards/big.md": _padded_card(size)}, {**OPTIONS, **options})
    assert (tmp_path / "docs" / "cards" / "big.md").stat().st_size == size
    result = run_cli("validate", "-f", config)
    assert ("limits.max_file_bytes" in result.out) == over, result.out
    assert result.code == (1 if over else 0)


LIMIT_CASES = [
    (
        card(concepts=[f"c{i}" for i in range(501)]),
        {},
        "concepts: 501 items, over the 500 limit (limits.max_list_items)",
    ),
    (card(concepts=[f"c{i}" for i in range(501)]), {"limits": {"max_list_items": 600}}, None),
    (
        card(goal="g" * 20_001),
        {},
        "goal: text is 20,001 characters, over the 20,000 limit (limits.max_string_length)",
    ),
    (card(goal="g" * 20_001), {"limits": {"max_string_length": 30_000}}, None),
]


@pytest.mark.parametrize(("text", "options", "message"), LIMIT_CASES)
def test_list_and_string_limits_in_validate_and_build(
    tmp_path: Path, run_cli: Any, text: str, options: dict[str, Any], message: str | None
) -> None:
    config = write_store(tmp_path, {"cards/big.md": text}, {**OPTIONS, **options})
    result = run_cli("validate", "-f", config)
    _build(config)
    problems = _problem_rows(tmp_path / "site")
    if message is None:
        assert result.code == 0, result.out
        assert "cards/big.md" not in problems
    else:
        assert result.code == 1
        assert message in result.out
        assert message in problems


def test_an_oversize_page_is_published_as_is_by_the_build(tmp_path: Path) -> None:
    text = "# Oversize\n\nMARKER-oversize\n" + "line\n" * 400
    config = write_store(
        tmp_path, {"big.md": text}, {**OPTIONS, "limits": {"max_file_bytes": 1024}}
    )
    _build(config)
    assert "MARKER-oversize" in (tmp_path / "site" / "big" / "index.html").read_text("utf-8")
    assert "limits.max_file_bytes" in _problem_rows(tmp_path / "site")


@pytest.mark.parametrize(
    "limits",
    [{"max_file_bytes": 10}, {"max_list_items": 0}, {"max_string_length": "big"}, {"max_bytes": 1}],
)
def test_bad_limit_options_are_config_errors(
    tmp_path: Path, run_cli: Any, limits: dict[str, Any]
) -> None:
    config = write_store(tmp_path, {"index.md": "# Home\n"}, {**OPTIONS, "limits": limits})
    result = run_cli("validate", "-f", config)
    assert result.code == 2
    assert "limits" in result.err and "Traceback" not in result.err
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert built.returncode == 1
    assert "limits" in built.stderr and "Traceback" not in built.stderr, built.stderr


def test_the_limits_are_documented() -> None:
    reference = Path(__file__).resolve().parents[2] / "docs" / "reference" / "configuration.md"
    text = reference.read_text("utf-8")
    for option in ("max_file_bytes", "max_list_items", "max_string_length"):
        assert option in text, f"{option} is missing from {reference.name}"
    threat_model = (Path(__file__).resolve().parents[2] / "docs" / "threat-model.md").read_text(
        "utf-8"
    )
    assert "max_file_bytes" in threat_model


def test_serve_rebuilds_after_a_file_is_deleted(tmp_path: Path) -> None:
    """``mkdocs serve`` keeps the plugin (it has on_startup) and rebuilds on every change."""
    config = write_store(
        tmp_path,
        {
            "index.md": "# Home\n",
            "cards/gone.md": card(title="Soon gone"),
            "cards/stay.md": OK_CARD,
        },
        OPTIONS,
    )
    first = load_config(config_file=str(config))
    first.plugins.on_startup(command="serve", dirty=False)
    try:
        build(first)
        assert (tmp_path / "site" / "cards" / "gone" / "index.html").exists()
        assert "Soon gone" in _priorities(tmp_path / "site")
        (tmp_path / "docs" / "cards" / "gone.md").unlink()
        build(load_config(config_file=str(config)))  # what serve's builder does on a change
    finally:
        first.plugins.on_startup(command="build", dirty=False)  # the instance is shared
    site = tmp_path / "site"
    assert not (site / "cards" / "gone").exists()
    assert (site / "cards" / "stay" / "index.html").exists()
    assert "gone" not in _problem_rows(site)
    assert "Soon gone" not in _priorities(site)
    assert "A readable card" in _priorities(site)


def _priorities(site: Path) -> str:
    return (site / "growth" / "priorities" / "index.html").read_text("utf-8")
