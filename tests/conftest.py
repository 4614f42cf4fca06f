"""Shared helpers: write a growth store to ``tmp_path`` and run the CLI in-process.

Every engineer's tests build stores the same way, so a change to the store
layout (``mkdocs.yml`` + ``docs/``) happens in one place.
"""

from __future__ import annotations

import difflib
import os
import posixpath
import socket
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import settings

from mkdocs_growth.cli import main
from mkdocs_growth.cli.settings import load_settings
from mkdocs_growth.core import safeyaml
from mkdocs_growth.core.framework import _CACHE as framework_cache
from mkdocs_growth.core.frontmatter import normalize, split
from mkdocs_growth.core.frontmatter_edit import Op, apply_to_data
from mkdocs_growth.core.store import Store, forget_cached_entries
from mkdocs_growth.practice.priority import _score
from mkdocs_growth.practice.store import open_store

FIXTURES = Path(__file__).parent / "fixtures"

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

if os.environ.get("MUTANT_UNDER_TEST"):
    # Under mutmut each mutant is judged on its own: no example database, or an example
    # that failed for one mutant is replayed against every later one (docs/mutation.md).
    settings.register_profile("mutmut", database=None)
    settings.load_profile("mutmut")


def built_once(fixture_name: str, config: pytest.Config) -> str:
    """The scope of a fixture that builds one site for a whole test module.

    Under mutmut a test is run for a mutant only if it reached the mutated
    function in the coverage run, and a module-wide build runs while the
    module's *first* test sets up: every page builder would be credited to
    that one test. Each test builds its own site there (docs/mutation.md).
    """
    return "function" if os.environ.get("MUTANT_UNDER_TEST") else "module"


# Three milestones: a card with fewer or more gets a warning.
MILESTONES = [
    {"title": "Read the paper", "done_when": "a one-page summary is written"},
    {"title": "Build the demo", "done_when": "the demo runs in CI"},
    {"title": "Teach it back", "done_when": "a 15-minute talk is given"},
]

CARD: dict[str, Any] = {
    "type": "card",
    "title": "Distributed trace explorer",
    "domain": "observability",
    "horizon": "2026-Q2",
    "goal": "Find the slow span of any request in under a minute.",
    "scores": {"impact": 5, "effort": 3, "reusability": 4, "learnings": 2},
    "milestones": MILESTONES,
}


def front_matter(meta: Mapping[str, Any], body: str = "# Body\n\nSome text.\n") -> str:
    """A Markdown source with ``meta`` as YAML front matter (keys in the given order)."""
    dumped = yaml.safe_dump(dict(meta), sort_keys=False, allow_unicode=True)
    return f"---\n{dumped}---\n\n{body}"


def doc(kind: str, title: str, date: str, *competencies: str, **fields: Any) -> str:
    """A dated document (note, talk, decision...): ``competencies`` as given, then ``fields``."""
    meta: dict[str, Any] = {"type": kind, "title": title, "date": date}
    if competencies:
        meta["competencies"] = list(competencies)
    return front_matter({**meta, **fields})


def card(**fields: Any) -> str:
    """A valid card (3 milestones, no warnings) with ``fields`` overriding the defaults.

    A field set to ``None`` is removed, so ``card(goal=None)`` lacks ``goal``.
    """
    meta = {**CARD, **fields}
    return front_matter({k: v for k, v in meta.items() if v is not None})


def write_store(
    tmp_path: Path,
    files: Mapping[str, str | bytes],
    growth_options: Mapping[str, Any] | None = None,
    *,
    config: Mapping[str, Any] | None = None,
) -> Path:
    """Write ``docs/<name>`` for each file and an ``mkdocs.yml``; return the config path.

    ``files`` maps POSIX paths under docs_dir to text (written as UTF-8 with
    ``\\n`` line endings kept as given) or bytes (written exactly).
    ``growth_options`` go under ``plugins: [search, growth: ...]``;
    ``config`` adds or overrides other top-level mkdocs.yml settings.
    """
    docs = tmp_path / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        target = docs / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_bytes(content.encode("utf-8"))
    settings: dict[str, Any] = {
        "site_name": "Growth test store",
        "docs_dir": "docs",
        "site_dir": str(tmp_path / "site"),
        "plugins": ["search", {"growth": dict(growth_options or {})}],
    }
    settings.update(config or {})
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    return config_file


# A progression framework in the job-family layout: 5 levels x 8 themes, competency
# ids `<level>-<theme>`. `framework_yaml(skip=...)` leaves cells out.
LEVELS = [
    ("junior", "Junior engineer"),
    ("engineer", "Engineer"),
    ("senior", "Senior engineer"),
    ("staff", "Staff engineer"),
    ("principal", "Principal engineer"),
]
THEMES = [
    ("delivery", "Delivery"),
    ("craft", "Technical craft"),
    ("operations", "Running production"),
    ("decisions", "Decisions"),
    ("communication", "Communication"),
    ("collaboration", "Collaboration"),
    ("learning", "Learning"),
    ("mentoring", "Developing others"),
]
FRAMEWORK_OPTIONS = {"framework": "framework.yml", "level": "senior", "target_level": "staff"}


def framework_yaml(skip: tuple[tuple[str, str], ...] = ()) -> str:
    """The test framework as YAML text (one competency per level and theme, except ``skip``)."""
    data = {
        "name": "Test ladder",
        "summary": "Five levels, eight themes.",
        "levels": [{"id": i, "name": n} for i, n in LEVELS],
        "themes": [{"id": i, "name": n, "summary": f"About {n.lower()}."} for i, n in THEMES],
        "competencies": [
            {
                "id": f"{level}-{theme}",
                "level": level,
                "theme": theme,
                "summary": f"{level_name}: {theme_name.lower()} at this level.",
                "proficiency": "Practitioner",
            }
            for level, level_name in LEVELS
            for theme, theme_name in THEMES
            if (level, theme) not in skip
        ],
    }
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def write_framework_store(
    tmp_path: Path,
    files: Mapping[str, str | bytes],
    growth_options: Mapping[str, Any] | None = None,
    *,
    framework: str | None = None,
    config: Mapping[str, Any] | None = None,
) -> Path:
    """:func:`write_store` with ``framework.yml`` next to mkdocs.yml (default: the 5x8 one)."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "framework.yml").write_text(
        framework_yaml() if framework is None else framework, encoding="utf-8"
    )
    options = {**FRAMEWORK_OPTIONS, **(growth_options or {})}
    return write_store(tmp_path, files, options, config=config)


def store_of(config_file: Path | str) -> Store:
    """The engine's view of a store, read the way the CLI reads it."""
    settings = load_settings(str(config_file))
    return open_store(
        settings.docs_dir,
        settings.growth,
        settings.config_file,
        paths=settings.pages().pages,
        framework=settings.framework,
    )


@pytest.fixture(autouse=True)
def _cold_caches_under_mutmut() -> None:
    """Under mutmut, every test starts with the engine's caches empty.

    mutmut forks each mutant's run from a process that has already run the
    tests, and learns which tests cover a function by running them in one
    process: with warm caches, a test that reads a fixture another test read
    first never calls the parser, so a wrong parser passes it
    (docs/mutation.md). The normal test run keeps the caches, as MkDocs does.
    """
    if not os.environ.get("MUTANT_UNDER_TEST"):
        return
    forget_cached_entries()
    framework_cache.clear()
    _score.cache_clear()
    safeyaml._resolve_plain.cache_clear()


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]):
    """Run ``mkdocs-growth ARGS`` in-process: ``run_cli("validate", "-f", path)``."""

    def run(*args: str | os.PathLike[str]) -> CliResult:
        capsys.readouterr()
        try:
            code = main([os.fspath(a) for a in args])
        except SystemExit as exc:  # argparse usage errors
            code = exc.code if isinstance(exc.code, int) else 2
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


# -- card edits: what an edit may change ---------------------------------------------------


def _value_lines(text: str, path: tuple[Any, ...]) -> set[int]:
    """File lines (1-based) of the deepest existing part of ``path``: its key line and any
    continuation lines of its value (up to the next key or item of the block)."""
    found = split(normalize(text))
    lines = safeyaml.load(found.yaml, first_line=found.yaml_line).lines
    closing = found.body_line - 1
    for depth in range(len(path), 0, -1):
        if path[:depth] in lines:
            first = lines[path[:depth]]
            following = [n for n in lines.values() if n > first]
            return set(range(first, min(following, default=closing)))
    return set()


def _leaf_paths(path: tuple[Any, ...], value: Any) -> Iterator[tuple[Any, ...]]:
    """A mapping value is set key by key: each key may change its own line."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaf_paths((*path, key), item)
    else:
        yield path


def line_changes(old: bytes, new: bytes) -> tuple[set[int], list[bytes]]:
    """Old lines (1-based) replaced or removed, and the lines added, comparing bytes."""
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    replaced: set[int] = set()
    added: list[bytes] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            replaced |= set(range(i1 + 1, i2 + 1))
            added += b[j1 + (i2 - i1) : j2] if tag == "replace" else b[j1:j2]
    return replaced, added


def assert_only_lines_of(old: bytes, new: bytes, ops: Sequence[Op]) -> None:
    """``new`` is ``old`` with ``ops`` applied, and only the lines they need changed.

    Old lines may change only where a value being set is written; every other
    line (body included) stays byte for byte, line ending too; added lines end
    like the file's lines; the BOM stays; the data is exactly the old data
    with the operations applied.
    """
    old_text, new_text = old.decode("utf-8"), new.decode("utf-8")
    allowed: set[int] = set()
    for op in ops:
        for path in _leaf_paths(op.path, getattr(op, "value", None)):
            allowed |= _value_lines(old_text, path)
    replaced, added = line_changes(old, new)
    assert replaced <= allowed, (replaced, allowed)
    newline = b"\r\n" if b"\r\n" in old else b"\n"
    assert all(line.endswith(newline) for line in added), added
    assert new.startswith(b"\xef\xbb\xbf") == old.startswith(b"\xef\xbb\xbf")
    before, after = split(normalize(old_text)), split(normalize(new_text))
    assert after.body == before.body
    old_meta = safeyaml.load(before.yaml).data
    assert safeyaml.load(after.yaml).data == apply_to_data(old_meta, ops)


def assert_links_resolve(page: Path, site: Path, hrefs: Sequence[str]) -> None:
    """Each relative ``href`` of ``page`` names a file of the built ``site`` (a folder: its index)."""
    for href in hrefs:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(str(page)), href))
        if target.endswith("/") or os.path.isdir(target):
            target = posixpath.join(target, "index.html")
        assert os.path.isfile(target), href
        assert Path(target).resolve().is_relative_to(site.resolve()), href


def free_port() -> int:
    """A loopback port nothing listens on now (for a real `mkdocs serve`)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(url: str, needle: str, deadline: float) -> str:
    """The body at ``url`` once it holds ``needle``; fails with the last body at ``deadline``."""
    last = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                last = response.read().decode("utf-8")
            if needle in last:
                return last
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    raise AssertionError(f"{needle!r} never appeared at {url}; last body: {last[:300]!r}")


# -- Markdown printed to be pasted elsewhere (`report`) ---------------------------------------


def pasted_html(markdown_text: str) -> str:
    """HTML of ``markdown_text`` as a CommonMark tool with tables (GitHub, GitLab) shows it."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table").render(markdown_text)


def pasted_text(markdown_text: str) -> str:
    """The text such a tool shows of ``markdown_text``, whitespace folded."""
    import html
    import re

    text = re.sub(r"<[^>]+>", " ", pasted_html(markdown_text))
    return " ".join(html.unescape(text).split())


@pytest.fixture(autouse=True)
def _own_tmpdir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test its own temporary folder, for itself and the processes it starts.

    Tests that check what a build leaves behind in ``$TMPDIR`` must never see
    the machine-wide ``/tmp``, where any other MkDocs process leaves its own.
    """
    folder = tmp_path_factory.mktemp("tmpdir")
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.fixture(autouse=True)
def _fresh_plugins() -> Iterator[None]:
    """Each test loads its own plugin instances.

    MkDocs keeps one instance of every plugin that has ``on_startup`` for the
    whole process (``mkdocs serve`` rebuilds reuse it), in a cache on the
    ``plugins`` option of its config class: a test that started it as ``serve``
    would otherwise leave the next test's build running as ``serve``.
    """
    from mkdocs.config.defaults import MkDocsConfig

    MkDocsConfig.plugins.plugin_cache.clear()
    yield
    MkDocsConfig.plugins.plugin_cache.clear()
