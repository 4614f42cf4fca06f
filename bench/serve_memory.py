"""Benchmark: memory of a long `mkdocs serve`, rebuild after rebuild.

Each configuration (``mkdocs.growth.yml``, and with ``--plain`` the same site
without growth) runs in a fresh child process that rebuilds the benchmark
store the way `mkdocs serve` does: one set of plugin instances, then
``load_config`` + ``build`` per rebuild, with one line appended to one card
before each rebuild (so the entry cache re-reads one file, as after a save).
The child reports its resident memory (``VmRSS``) after every rebuild; the
table gives it after the first, the 10th, ... and the last, and the last
against the first (issue 22's goal: within 10 % after 50 rebuilds).

    python bench/serve_memory.py -n 1000 --rebuilds 50
    python bench/serve_memory.py -n 1000 --rebuilds 50 --plain --update-docs
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import run  # the benchmark runner: stores, child environment, docs markers

MARKERS = ("<!-- bench:serve-memory:start -->", "<!-- bench:serve-memory:end -->")

CHILD = """\
import gc, json, logging, sys, tempfile, time
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

config_file, card, rebuilds = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
logging.disable(logging.WARNING)
site = tempfile.mkdtemp(prefix="growth-bench-serve-")
original = card.read_bytes()


def rss_mb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


try:
    for n in range(1, rebuilds + 1):
        config = load_config(config_file=config_file, site_dir=site)
        if n == 1:  # `mkdocs serve` starts the plugins once
            config.plugins.on_startup(command="serve", dirty=False)
        start = time.perf_counter()
        build(config, serve_url="http://127.0.0.1:8000/")
        seconds = time.perf_counter() - start
        print(json.dumps({"rebuild": n, "rss": rss_mb(), "seconds": seconds}), flush=True)
        with card.open("a", encoding="utf-8") as handle:
            handle.write(f"\\nEdited before rebuild {n + 1}.\\n")
finally:
    card.write_bytes(original)
"""


def serve_rebuilds(config: Path, card: Path, rebuilds: int) -> list[dict[str, float]]:
    """The child's samples, each logged as it comes (a long run shows its progress)."""
    argv = [sys.executable, "-c", CHILD, str(config), str(card), str(rebuilds)]
    samples = []
    with subprocess.Popen(
        argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=run.child_env()
    ) as child:
        assert child.stdout is not None and child.stderr is not None
        for line in child.stdout:
            if line.startswith("{"):
                samples.append(json.loads(line))
                run.log(f"{config.name}: {line.strip()}")
        err = child.stderr.read()
    if child.returncode != 0:
        raise run.BenchError(f"{config} exited {child.returncode}:\n{err[-3000:]}")
    return samples


def table(n: int, results: dict[str, list[dict[str, float]]]) -> str:
    rebuilds = len(next(iter(results.values())))
    shown = sorted({1, *range(10, rebuilds + 1, 10), rebuilds})
    head = "| site | " + " | ".join(f"after {k}" for k in shown) + " | last / first |"
    rows = [head, "|---|" + "---|" * (len(shown) + 1)]
    for name, samples in results.items():
        rss = [samples[k - 1]["rss"] for k in shown]
        cells = " | ".join(f"{value:.0f} MB" for value in rss)
        rows.append(f"| {name} | {cells} | {rss[-1] / rss[0]:.3f} |")
    seconds = {
        name: (samples[0]["seconds"], samples[-1]["seconds"]) for name, samples in results.items()
    }
    timing = "; ".join(f"{name}: {a:.1f} s then {b:.1f} s" for name, (a, b) in seconds.items())
    return (
        f"{rebuilds} rebuilds of the N={n:,} benchmark store in one process, as `mkdocs serve`"
        f" makes them (resident memory after each; first and last rebuild took {timing}),"
        f" {time.strftime('%Y-%m-%d')}, {run.machine()}:\n\n" + "\n".join(rows)
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("-n", type=int, default=1000, help="cards in the store (default 1000)")
    parser.add_argument("--rebuilds", type=int, default=50)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--work", type=Path, default=run.DEFAULT_WORK)
    parser.add_argument("--plain", action="store_true", help="also the same site without growth")
    parser.add_argument("--update-docs", action="store_true", help="write into performance.md")
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    root, _ = run.ensure_store(args.work, args.n, args.seed)
    card = sorted((root / "docs" / "cards").glob("*.md"))[0]
    configs = {"growth": root / "mkdocs.growth.yml"}
    if args.plain:
        configs["plain (no growth)"] = root / "mkdocs.plain.yml"
    try:
        results = {name: serve_rebuilds(cfg, card, args.rebuilds) for name, cfg in configs.items()}
    except run.BenchError as exc:
        run.log(f"bench: {exc}")
        return 1
    text = table(args.n, results)
    print(text)
    if args.update_docs:
        run.update_docs(run.DOCS_PAGE, MARKERS, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
