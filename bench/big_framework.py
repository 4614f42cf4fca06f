"""Benchmark: a store whose framework file is just under the 1 MiB limit, built with MkDocs.

The file has 500 levels and 500 themes (the list limit) with names of about
1,000 characters, and a handful of competencies: the shape that made the
competencies page grow with levels x themes instead of with the file. It
prints the build's wall time, its peak memory (the child's maximum RSS) and
the size of the largest generated page and of the search index.

    .venv/bin/python bench/big_framework.py [--work DIR]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

LIMIT = 1024 * 1024


def framework(levels: int = 500, themes: int = 500, competencies: int = 20) -> str:
    """A framework of ``levels`` x ``themes`` long names, under the 1 MiB limit."""
    name = "x" * 1000

    def build(width: int) -> str:
        data = {
            "levels": [{"id": f"l{n}", "name": f"Level {n} {name[:width]}"} for n in range(levels)],
            "themes": [{"id": f"t{n}", "name": f"Theme {n} {name[:width]}"} for n in range(themes)],
            "competencies": [
                {"id": f"c{n}", "level": f"l{n}", "theme": f"t{n}", "summary": f"Does {n}."}
                for n in range(competencies)
            ],
        }
        return yaml.safe_dump(data, sort_keys=False, width=10_000)

    width = 1000
    text = build(width)
    while len(text.encode()) > LIMIT - 1024:
        width -= 10
        text = build(width)
    return text


def write_store(root: Path) -> Path:
    docs = root / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    (docs / "note.md").write_text(
        "---\ntype: note\ntitle: A note\ndate: 2026-01-05\ncompetencies: [c1, l2/t2]\n---\n\nText.\n",
        encoding="utf-8",
    )
    (root / "framework.yml").write_text(framework(), encoding="utf-8")
    config = {
        "site_name": "Big framework",
        "plugins": ["search", {"growth": {"framework": "framework.yml", "today": "2026-02-01"}}],
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return root / "mkdocs.yml"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", help="folder for the store (default: a temporary one)")
    args = parser.parse_args()
    root = Path(args.work or tempfile.mkdtemp(prefix="big-framework-"))
    config = write_store(root)
    size = (root / "framework.yml").stat().st_size
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)],
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    wall = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    site = root / "site"
    pages = sorted(site.rglob("*.html"), key=lambda p: p.stat().st_size)
    index = site / "search" / "search_index.json"
    print(f"framework file: {size:,} bytes (500 levels x 500 themes, 20 competencies)")
    print(f"mkdocs build: exit {done.returncode}, {wall:.1f} s, peak RSS {peak:,.0f} MiB")
    if pages:
        big = pages[-1]
        print(f"largest page: {big.relative_to(site)} {big.stat().st_size / 1e6:.2f} MB")
    if index.exists():
        print(f"search index: {index.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
