"""The same benchmark store built by each engine: time and peak memory, side by side.

    python bench/engines.py [-n 2000] [--repeat 1] [--work DIR]

Builds the synthetic store of ``make_store`` (``n`` cards, with ``growth``)
three ways, each in a child process whose wall time and peak RSS ``wait4``
reports (``run.run_child``):

* MkDocs + the growth plugin: ``python -m mkdocs build``;
* ProperDocs + the growth plugin: ``python -m properdocs build`` (same config);
* Zensical: ``mkdocs-growth generate --site --engine zensical`` then
  ``zensical build --clean`` on the tree (a config that INHERITs the store's),
  each step measured; the engine's total is their sum, its peak the larger.

Zensical is found as in the tests (``ZENSICAL``, ``.venv-zensical``, PATH).
Prints one Markdown table for docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "tests"))

import make_store  # noqa: E402
import run  # noqa: E402
from compat.engines import _number, find_engine, version  # noqa: E402


def _mb(sample: run.Sample) -> float:
    return sample.max_rss_kb / 1024


def plugin_build(module: str, config: Path, work: Path) -> run.Sample:
    site = work / f"site-{module}"
    shutil.rmtree(site, ignore_errors=True)
    sample = run.run_child(
        [sys.executable, "-m", module, "build", "-q", "-f", str(config), "-d", str(site)]
    )
    if not (site / "growth" / "index.html").is_file():
        raise run.BenchError(f"{module}: no growth/index.html")
    return sample


def zensical_build(zensical: str, config: Path, work: Path) -> tuple[run.Sample, run.Sample]:
    project = work / "zensical"
    shutil.rmtree(project, ignore_errors=True)
    project.mkdir()
    tree = project / "docs"
    growth = Path(sys.executable).parent / "mkdocs-growth"
    generate = run.run_child(
        [str(growth), "generate", "-f", str(config), "--site", str(tree), "--engine", "zensical"]
    )
    (project / "zensical.yml").write_text(
        f"INHERIT: {config}\ndocs_dir: docs\nsite_dir: site\n", encoding="utf-8"
    )
    cwd = os.getcwd()
    os.chdir(project)
    try:
        build = run.run_child([zensical, "build", "--clean", "-f", "zensical.yml"])
    finally:
        os.chdir(cwd)
    if not (project / "site" / "growth" / "index.html").is_file():
        raise run.BenchError("zensical: no growth/index.html")
    return generate, build


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("-n", type=int, default=2000, help="cards in the store (default 2000)")
    parser.add_argument("--work", type=Path, help="folder for the store and sites (default: temp)")
    args = parser.parse_args()
    zensical = find_engine("zensical")
    if zensical is None:
        sys.exit("zensical not found: set ZENSICAL or install it into .venv-zensical")
    work = args.work or Path(tempfile.mkdtemp(prefix="growth-engines-"))
    counts = make_store.make_store(work, args.n)
    config = work / "mkdocs.growth.yml"
    load_before = os.getloadavg()[0]
    mkdocs = plugin_build("mkdocs", config, work)
    properdocs = plugin_build("properdocs", config, work)
    generate, build = zensical_build(zensical, config, work)
    load_after = os.getloadavg()[0]
    pages = sum(1 for _ in (work / "zensical" / "docs").rglob("*.md"))
    rows = [
        "| engine | build s | peak RSS MB | CPU s |",
        "|---|---:|---:|---:|",
        f"| MkDocs 1.6.1 + growth | {mkdocs.seconds:.1f} | {_mb(mkdocs):.0f} | {mkdocs.cpu:.1f} |",
        f"| ProperDocs {_number(version(find_engine('properdocs') or 'properdocs'))} + growth"
        f" | {properdocs.seconds:.1f} | {_mb(properdocs):.0f} | {properdocs.cpu:.1f} |",
        f"| Zensical {version(zensical)}: `generate --site` | {generate.seconds:.1f}"
        f" | {_mb(generate):.0f} | {generate.cpu:.1f} |",
        f"| Zensical {version(zensical)}: `zensical build --clean` | {build.seconds:.1f}"
        f" | {_mb(build):.0f} | {build.cpu:.1f} |",
        f"| Zensical, both steps | {generate.seconds + build.seconds:.1f}"
        f" | {max(_mb(generate), _mb(build)):.0f}"
        f" | {generate.cpu + build.cpu:.1f} |",
    ]
    print("\n".join(rows))
    print(
        f"\n{args.n} cards, {counts.documents} documents, {pages} Markdown files in the tree;"
        f" load {load_before:.1f} before, {load_after:.1f} after; {run.machine()}"
    )


if __name__ == "__main__":
    main()
