"""The guides execute: their commands, run as written, give the output they show.

``docs/getting-started.md`` and ``docs/first-card.md`` are read as a new user
reads them. Their fenced ``bash`` blocks are run in order, in an empty
folder, by bash (one shell's exported variables carried from block to block,
as in a terminal: the activated venv, ``NO_MKDOCS_2_WARNING``); a ``text``
block right after a ``bash`` block is the output that block must print (all
of it, or, with a ``...`` line, those lines in that order); a block with a
``title="path"`` is a file the guide asks you to create, written there.

Only what cannot run here is replaced, each in one place below:

- the install line (``pip install "mkdocs-growth[material] @ git+https://..."``)
  installs the wheel built from this checkout, once per session, with
  ``--no-index``: its dependencies come from this test environment through a
  ``.pth`` file (no network in tests), with the console scripts pip would
  have written for them (``mkdocs``), the package itself from the wheel;
- ``mkdocs serve`` gets a free port (``-a 127.0.0.1:PORT``), runs until the
  dashboard address it prints answers, and is stopped;
- ``2026-Q4`` in a card the guide shows filled in becomes the quarter of
  today, which is what ``new`` puts there ("the horizon that contains today").
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import signal
import subprocess
import sys
import sysconfig
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import free_port

ROOT = Path(__file__).resolve().parents[2]
GETTING_STARTED = ROOT / "docs" / "getting-started.md"
FIRST_CARD = ROOT / "docs" / "first-card.md"
CARD = "docs/cards/distributed-trace-explorer.md"
_FENCE = re.compile(r"^```([^\n`]*)\n(.*?)^```[ \t]*$", re.S | re.M)
_TITLE = re.compile(r'title="([^"]+)"')
_HEADING = re.compile(r"^#{2,3} (.+)$", re.M)


@dataclass(frozen=True)
class Block:
    lang: str
    title: str | None  # title="path": a file the guide asks you to create
    text: str
    section: str  # the heading the block is under


def blocks_of(page: Path) -> list[Block]:
    source = page.read_text(encoding="utf-8")
    headings = [(m.start(), m.group(1)) for m in _HEADING.finditer(source)]
    out = []
    for found in _FENCE.finditer(source):
        info = found.group(1).strip()
        title = _TITLE.search(info)
        section = next((h for at, h in reversed(headings) if at < found.start()), "")
        lang = info.split()[0] if info else ""
        out.append(Block(lang, title.group(1) if title else None, found.group(2), section))
    return out


# --- what this session installs from ---------------------------------------------------


@pytest.fixture(scope="session")
def wheel_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel of this checkout, built once (from a copy: the worktree stays untouched)."""
    pytest.importorskip("build", reason="the test extra installs 'build'")
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(ROOT / name, source / name)
    shutil.copytree(
        ROOT / "mkdocs_growth",
        source / "mkdocs_growth",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "-o", str(out), str(source)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert len(list(out.glob("mkdocs_growth-*.whl"))) == 1
    return out


@pytest.fixture(scope="session")
def deps_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This environment's installed packages, without mkdocs-growth itself (the wheel brings it)."""
    site = Path(sysconfig.get_path("purelib"))
    deps = tmp_path_factory.mktemp("deps")
    for entry in site.iterdir():
        name = entry.name.lower()
        if name.startswith(("mkdocs_growth", "__editable__", "_virtualenv")) or name.endswith(
            ".pth"
        ):
            continue
        (deps / entry.name).symlink_to(entry)
    (deps.parent / f"{deps.name}-scripts.py").write_text(_SCRIPTS, encoding="utf-8")
    return deps


# Run by the guide venv's python after the install: a console script for each entry point
# of the dependencies (pip writes them when it installs a package; these came via .pth).
_SCRIPTS = """
import importlib.metadata, os, sys
bindir = os.path.dirname(sys.executable)
for dist in importlib.metadata.distributions(path=[sys.argv[1]]):
    for ep in dist.entry_points.select(group="console_scripts"):
        target = os.path.join(bindir, ep.name)
        if os.path.exists(target):
            continue
        module, _, attr = ep.value.partition(":")
        with open(target, "w") as handle:
            handle.write(
                f"#!{sys.executable}\\nimport importlib, sys\\n"
                f"obj = importlib.import_module({module!r})\\n"
                f"for part in {attr.split('.')!r}:\\n    obj = getattr(obj, part)\\n"
                "sys.exit(obj())\\n"
            )
        os.chmod(target, 0o755)
"""


# --- running a guide -------------------------------------------------------------------


@dataclass
class Shell:
    """bash in ``folder``, its exported variables kept from one block to the next."""

    folder: Path
    wheels: Path
    deps: Path

    def __post_init__(self) -> None:
        self.state = self.folder.parent / f"{self.folder.name}.env"
        tools = self.folder.parent / f"{self.folder.name}.bin"
        tools.mkdir()
        # `python` as a new user has it: the interpreter, without this test venv's tools
        (tools / "python").symlink_to(os.path.realpath(sys.executable))
        keep = ("HOME", "LANG", "LC_ALL", "TMPDIR", "PIP_CONFIG_FILE", "PIP_CERT")
        env = {k: os.environ[k] for k in keep if k in os.environ}
        env["PATH"] = f"{tools}{os.pathsep}/usr/bin{os.pathsep}/bin"
        env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
        self.state.write_text(
            "".join(f"export {k}={_sh(v)}\n" for k, v in env.items()), encoding="utf-8"
        )

    def run(self, commands: str) -> tuple[int, str]:
        script = (
            f"source {_sh(str(self.state))}\ncd {_sh(str(self.folder))}\n"
            f"{{\n{self.literal(commands)}\n}}\nstatus=$?\n"
            f"declare -px > {_sh(str(self.state))}\nexit $status\n"
        )
        result = subprocess.run(
            ["bash", "-c", script],
            capture_output=True,
            text=True,
            timeout=600,
            env={"PATH": "/usr/bin:/bin"},
            check=False,
        )
        return result.returncode, result.stdout + result.stderr

    def literal(self, commands: str) -> str:
        """The commands as written, but for the install line (see the module docstring)."""
        out = []
        for line in commands.splitlines():
            if line.startswith("pip install ") and "mkdocs-growth[material]" in line:
                assert '"mkdocs-growth[material] @ git+https://github.com/' in line, line
                purelib = "$(python -c 'import sysconfig; print(sysconfig.get_path(\"purelib\"))')"
                scripts = self.deps.parent / f"{self.deps.name}-scripts.py"
                line = (
                    f"echo {_sh(str(self.deps))} > {purelib}/guide-deps.pth && pip install -q"
                    f' --no-index --find-links {_sh(str(self.wheels))} "mkdocs-growth[material]"'
                    f" && python {_sh(str(scripts))} {_sh(str(self.deps))}"
                )
            out.append(line)
        return "\n".join(out)

    def env(self) -> dict[str, str]:
        dump = subprocess.run(
            ["bash", "-c", f"source {_sh(str(self.state))} && env -0"],
            capture_output=True,
            check=True,
            env={"PATH": "/usr/bin:/bin"},
        ).stdout.decode()
        return dict(item.split("=", 1) for item in dump.split("\0") if "=" in item)


def _sh(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


def matches(expected: str, actual: str) -> bool:
    """All lines equal, or with a ``...`` line in ``expected``: its lines in that order."""
    want = [line.rstrip() for line in expected.strip("\n").splitlines()]
    got = [line.rstrip() for line in actual.strip("\n").splitlines()]
    if not any(line.strip() == "..." for line in want):
        return want == got
    rest = iter(got)
    return all(any(line == seen for seen in rest) for line in want if line.strip() != "...")


def undated(text: str) -> str:
    """Today's date and quarter (what `new` writes) as placeholders, to compare with a guide."""
    return re.sub(r"\d{4}-Q\d", "QUARTER", re.sub(r"\d{4}-\d{2}-\d{2}", "DATE", text))


def this_quarter() -> str:
    today = dt.date.today()
    return f"{today.year}-Q{(today.month - 1) // 3 + 1}"


def run_guide(
    shell: Shell, blocks: list[Block], before: dict[int, Callable[[], None]] | None = None
) -> Iterator[tuple[Block, int, str]]:
    """Run each bash block and write each file block; yield (block, exit code, output)."""
    before = before or {}
    for n, block in enumerate(blocks):
        if n in before:
            before[n]()
        if block.title is not None:
            target = shell.folder / block.title
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(block.text.replace("2026-Q4", this_quarter()), encoding="utf-8")
        elif block.lang == "bash" and block.text.strip() != "mkdocs serve":
            code, output = shell.run(block.text)
            yield block, code, output
        elif block.lang == "bash":
            yield block, 0, ""  # mkdocs serve: see serve_and_open()


def check_outputs(shell: Shell, blocks: list[Block], before=None) -> list[str]:
    """Run the guide; return what differs from it (empty when it runs as written)."""
    wrong = []
    shown = {id(blocks[n]): blocks[n + 1] for n in range(len(blocks) - 1)}
    for block, code, output in run_guide(shell, blocks, before):
        expected = shown.get(id(block))
        if block.text.strip() == "mkdocs serve":
            assert expected is not None and expected.lang == "text"
            wrong += serve_and_open(shell, expected.text)
            continue
        errors = expected is not None and expected.lang == "text" and " error: " in expected.text
        if code != (1 if errors else 0):
            wrong.append(f"[{block.section}] {block.text.strip()!r} exited {code}:\n{output}")
        if expected is not None and expected.lang == "text" and not matches(expected.text, output):
            wrong.append(
                f"[{block.section}] {block.text.strip()!r} printed:\n{output}\n"
                f"the guide shows:\n{expected.text}"
            )
    return wrong


def serve_and_open(shell: Shell, shown: str) -> list[str]:
    """`mkdocs serve` on a free port: the address it prints serves the dashboard."""
    port = free_port()
    env = shell.env()
    mkdocs = shutil.which("mkdocs", path=env["PATH"])
    assert mkdocs and mkdocs.startswith(str(shell.folder)), mkdocs  # the guide's venv
    server = subprocess.Popen(
        [mkdocs, "serve", "-a", f"127.0.0.1:{port}"],
        cwd=shell.folder,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    wrong: list[str] = []
    log: list[str] = []
    try:
        assert server.stderr is not None
        deadline = time.monotonic() + 180
        address = None
        while address is None and time.monotonic() < deadline:
            line = server.stderr.readline()
            if not line:
                break
            log.append(line)
            found = re.search(r"the growth dashboard is at (\S+)", line)
            address = found.group(1) if found else None
        want = shown.strip().replace("127.0.0.1:8000", f"127.0.0.1:{port}")
        if not any(want == line.rstrip() for line in log):
            return [f"mkdocs serve printed:\n{''.join(log)}\nthe guide shows:\n{shown}"]
        assert address is not None
        html = ""
        while time.monotonic() < deadline and "<article" not in html:
            try:
                with urllib.request.urlopen(address, timeout=10) as response:
                    html = response.read().decode("utf-8")
            except OSError:
                time.sleep(0.3)
        if "Be the engineer the team calls when production is on fire." not in html:
            wrong.append(f"{address} does not serve the dashboard: {html[:300]!r}")
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
            server.communicate()
    return wrong


@pytest.fixture
def shell(tmp_path: Path, wheel_dir: Path, deps_dir: Path) -> Shell:
    folder = tmp_path / "my-growth"
    folder.mkdir()
    return Shell(folder, wheel_dir, deps_dir)


# --- the guides ------------------------------------------------------------------------


def test_getting_started_runs_as_written(shell: Shell) -> None:
    blocks = blocks_of(GETTING_STARTED)
    assert [b.title for b in blocks if b.title] == ["mkdocs.yml", "docs/index.md", CARD]
    assert sum(b.lang == "bash" for b in blocks) >= 6
    wrong = check_outputs(shell, blocks)
    assert not wrong, "\n\n".join(wrong)
    # what ran was the wheel, in the guide's venv, not this checkout
    code, where = shell.run('python -c "import mkdocs_growth; print(mkdocs_growth.__file__)"')
    assert code == 0 and where.startswith(str(shell.folder / ".venv")), where
    assert (shell.folder / "site" / "growth" / "index.html").is_file()


def test_first_card_guide_runs_as_written(shell: Shell) -> None:
    """After Getting started's install and config, each step of the first-card guide."""
    setup = [b for b in blocks_of(GETTING_STARTED) if b.section.startswith(("1.", "2."))]
    filled = next(b for b in blocks_of(GETTING_STARTED) if b.title == CARD)
    blocks = blocks_of(FIRST_CARD)
    card = shell.folder / CARD

    def template_is_as_shown() -> None:
        shown = next(b for b in blocks if b.lang == "yaml" and "Milestone 1" in b.text)
        assert matches(undated(shown.text), undated(card.read_text(encoding="utf-8")))

    def make_the_mistakes() -> None:
        """Step 3's three mistakes, in the card of Getting started."""
        template_is_as_shown()
        text = filled.text.replace("2026-Q4", this_quarter())
        text = text.replace("domain: observability", "domain: observabilty")
        text = text.replace("impact: 5,", "impact: 7,")
        text = text.replace(
            "    done_when: a web page lists the slowest traces and draws one as a waterfall.\n", ""
        )
        card.write_text(text, encoding="utf-8")

    def fix_them() -> None:
        card.write_text(filled.text.replace("2026-Q4", this_quarter()), encoding="utf-8")

    validate = next(n for n, b in enumerate(blocks) if b.text.strip() == "mkdocs-growth validate")
    serve = next(n for n, b in enumerate(blocks) if b.text.strip() == "mkdocs serve")
    wrong = check_outputs(shell, setup)
    assert not wrong, "\n\n".join(wrong)
    wrong = check_outputs(shell, blocks, {validate: make_the_mistakes, serve: fix_them})
    assert not wrong, "\n\n".join(wrong)


def test_the_guides_show_the_install_from_the_repository_until_the_first_release() -> None:
    for page in (GETTING_STARTED, ROOT / "README.md"):
        text = page.read_text(encoding="utf-8")
        assert "git+https://github.com/" in text, page
        assert "not on the package index" in text or "not on PyPI" in text, page
        assert "NO_MKDOCS_2_WARNING=1" in text, page


def test_matches_needs_every_line_or_the_shown_ones_in_order() -> None:
    assert matches("a\nb\n", "a\nb")
    assert not matches("a\nb\n", "a\nb\nc")
    assert matches("a\n...\nc\n", "a\nb\nc\n")
    assert not matches("c\n...\na\n", "a\nb\nc\n")
