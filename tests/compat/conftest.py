"""Build every selected variant once, two or more at a time, and report the table.

Every test here is marked ``compat`` (``./dev test -m "not compat"`` skips
them). The plugins come from ``tests/compat/constraints.txt`` (``.ci/run``
installs them); a variant whose plugin is missing is skipped, or fails where
``GROWTH_REQUIRE_COMPAT`` is set (CI).

``GROWTH_COMPAT_TABLE=docs/reference/compatibility.md`` writes the table of
a complete run (plugin, version, order, result) between the markers of that
page; ``python tests/compat/table.py`` runs the suite that way.
"""

from __future__ import annotations

import os
import platform
import re
from collections import defaultdict
from concurrent.futures import Future, ThreadPoolExecutor
from importlib import metadata
from pathlib import Path

import pytest

from .engines import write_engine_rows
from .sites import ENGINE, Build, Variant, build_site, variants

VARIANTS = variants()
BY_ID = {v.id: v for v in VARIANTS}
# Known failures, each with the work that fixes it (strict: passing is news).
KNOWN: dict[str, dict[str, str]] = {}
START, END = "<!-- compat:table:start -->", "<!-- compat:table:end -->"

_selected = pytest.StashKey[list[str]]()


def installed(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


@pytest.hookimpl(trylast=True)  # after -k / -m deselection: build only what runs
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    selected: list[str] = []
    for item in items:
        variant = _variant_of(item)
        if variant is None:
            continue
        if variant.id not in selected:
            selected.append(variant.id)
        reason = KNOWN.get(variant.id, {}).get(item.originalname)  # type: ignore[attr-defined]
        if reason:
            item.add_marker(pytest.mark.xfail(strict=True, reason=reason))
    config.stash[_selected] = selected


def _variant_of(item: pytest.Item) -> Variant | None:
    callspec = getattr(item, "callspec", None)
    if callspec is None or "build" not in callspec.params:
        return None
    return BY_ID[callspec.params["build"]]


class Builder:
    """Starts every selected build at once on a small pool; each test waits for its own."""

    def __init__(self, ids: list[str], root: Path) -> None:
        workers = max(2, min(4, os.cpu_count() or 2))
        self.pool = ThreadPoolExecutor(max_workers=workers)
        self.futures: dict[str, Future[Build]] = {}
        for variant_id in ids:
            variant = BY_ID[variant_id]
            if installed(variant.distribution) is None:
                continue
            folder = root / re.sub(r"[^A-Za-z0-9.-]+", "_", variant_id)
            self.futures[variant_id] = self.pool.submit(build_site, folder, variant)

    def get(self, variant_id: str) -> Build:
        return self.futures[variant_id].result()


@pytest.fixture(scope="session")
def builder(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("compat")
    builder = Builder(request.config.stash.get(_selected, []), root)
    yield builder
    builder.pool.shutdown(wait=True, cancel_futures=True)


@pytest.fixture(params=[v.id for v in VARIANTS])
def build(request: pytest.FixtureRequest, builder: Builder) -> Build:
    variant = BY_ID[request.param]
    if installed(variant.distribution) is None:
        message = f"{variant.distribution} is not installed (tests/compat/constraints.txt)"
        if os.environ.get("GROWTH_REQUIRE_COMPAT"):
            pytest.fail(f"compatibility suite required here (GROWTH_REQUIRE_COMPAT): {message}")
        pytest.skip(message)
    return builder.get(variant.id)


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when == "call" or report.outcome != "passed":
        _outcomes[report.nodeid] = _outcome(report)


_outcomes: dict[str, str] = {}


def _outcome(report: pytest.TestReport) -> str:
    if hasattr(report, "wasxfail"):
        return "xfail" if report.skipped else "xpass"
    return report.outcome


def pytest_sessionfinish(session: pytest.Session) -> None:
    target = os.environ.get("GROWTH_COMPAT_TABLE")
    if not target:
        return
    _write_engines(session, Path(target))
    per_variant: dict[str, dict[str, str]] = defaultdict(dict)
    for item in session.items:
        variant = _variant_of(item)
        if variant is not None and item.nodeid in _outcomes:
            per_variant[variant.id][item.originalname] = _outcomes[item.nodeid]  # type: ignore[attr-defined]
    missing = [v.id for v in VARIANTS if v.id not in per_variant]
    if missing:
        print(f"\ncompatibility table not written: no results for {', '.join(missing)}")
        return
    write_table(Path(target), per_variant)
    print(f"\ncompatibility table written to {target}")


def _write_engines(session: pytest.Session, page: Path) -> None:
    """test_engines.py's results as the engine rows (when it ran)."""
    per_engine: dict[str, dict[str, str]] = defaultdict(dict)
    for item in session.items:
        callspec = getattr(item, "callspec", None)
        if callspec is not None and "built" in callspec.params and item.nodeid in _outcomes:
            name = item.originalname  # type: ignore[attr-defined]
            per_engine[callspec.params["built"]][name] = _outcomes[item.nodeid]
    if per_engine:
        write_engine_rows(page, per_engine)


def _result(outcomes: dict[str, str]) -> str:
    failed = sorted(name for name, outcome in outcomes.items() if outcome in ("failed", "xpass"))
    known = sorted(name for name, outcome in outcomes.items() if outcome == "xfail")
    skipped = [name for name, outcome in outcomes.items() if outcome == "skipped"]
    if failed:
        return "fails: " + ", ".join(_check(name) for name in failed)
    if known:
        return "fails, fix under way: " + ", ".join(map(_check, known))
    if skipped:
        return "not tested (plugin not installed)"
    return "passes"


def _check(test_name: str) -> str:
    return test_name.removeprefix("test_").replace("_", " ")


def write_table(page: Path, per_variant: dict[str, dict[str, str]]) -> None:
    if ENGINE != "mkdocs":  # the same sites on another engine: one summary beside the table
        _write_engine_summary(page, per_variant)
        return
    rows = [
        "| plugin | version | order | result |",
        "|---|---|---|---|",
    ]
    for variant in VARIANTS:
        version = installed(variant.distribution) or "not installed"
        order = {"before": "before growth", "after": "after growth", "-": "setting"}[variant.order]
        result = _result(per_variant[variant.id])
        rows.append(f"| `{variant.name}` | {variant.distribution} {version} | {order} | {result} |")
    every = set.intersection(*(set(outcomes) for outcomes in per_variant.values()))
    some = {name for outcomes in per_variant.values() for name in outcomes} - every
    stamp = (
        f"Produced by `python tests/compat/table.py` with Python {platform.python_version()},"
        f" MkDocs {installed('mkdocs')}, Material {installed('mkdocs-material')},"
        f" mkdocs-growth {installed('mkdocs-growth')}: {len(VARIANTS)} sites, each checked for "
        + ", ".join(_check(name) for name in sorted(every))
        + "; and where the plugin calls for it: "
        + ", ".join(_check(name) for name in sorted(some))
        + "."
    )
    text = page.read_text(encoding="utf-8")
    head, _, rest = text.partition(START)
    _, _, tail = rest.partition(END)
    block = "\n".join([START, stamp, "", *rows, END])
    page.write_text(head + block + tail, encoding="utf-8")


ENGINE_RUN_START, ENGINE_RUN_END = (
    "<!-- compat:properdocs:start -->",
    "<!-- compat:properdocs:end -->",
)


def _write_engine_summary(page: Path, per_variant: dict[str, dict[str, str]]) -> None:
    results = {v.id: _result(per_variant[v.id]) for v in VARIANTS}
    failing = [f"`{vid}` {result}" for vid, result in results.items() if result != "passes"]
    verdict = "every one passes." if not failing else "; ".join(failing) + "."
    line = (
        f"The same {len(VARIANTS)} sites built with {ENGINE} {installed(ENGINE)}"
        f" (`GROWTH_COMPAT_ENGINE={ENGINE}`, the suite's second run in"
        f" `python tests/compat/table.py` and in CI), with the same checks: {verdict}"
    )
    text = page.read_text(encoding="utf-8")
    head, found, rest = text.partition(ENGINE_RUN_START)
    if not found:
        return
    _, _, tail = rest.partition(ENGINE_RUN_END)
    page.write_text(
        head + "\n".join([ENGINE_RUN_START, line, ENGINE_RUN_END]) + tail, encoding="utf-8"
    )
