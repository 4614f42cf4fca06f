"""A random sample of each package's mutants, and its score (docs/mutation.md).

Running every mutant of the engine and the rules takes most of a day on the
project's 2-core machine; a uniform random sample from each module gives each
package's score with a known margin in half an hour. The sample is fixed by
the seed, so a later run checks the same mutants.

``site``, ``plugin`` and ``cli`` are scored on a uniform sample of the whole
package instead (``WHOLE``): their tests build real MkDocs sites, seconds per
test, so 60 mutants per module would take a day; the package score keeps its
margin, and each module's share of the sample shows where the survivors are.

    python bench/mutation_sample.py todo > names.txt   # sampled mutants not yet killed
    ./dev mutate $(cat names.txt)                      # run just those
    python bench/mutation_sample.py score              # the table for docs/mutation.md

Both read mutmut's results in ``mutants/`` (made by any ``./dev mutate`` run).
"""

from __future__ import annotations

import collections
import json
import math
import random
import sys
from pathlib import Path

SEED = 20261201
PACKAGES = ("core", "practice", "site", "plugin", "cli")
CAP = {"core": 100, "practice": 120}  # mutants sampled per module at most
WHOLE = {"site": 50, "plugin": 50, "cli": 50}  # mutants sampled per package
KILLED = (1, 3)  # mutmut's exit codes for a mutant a test failed on
TIMEOUT = (-24, 24, 36, 152, 255)
NO_TESTS = (5, 33)


def verdicts(root: Path) -> dict[str, dict[str, int | None]]:
    """mutmut's exit code per mutant, per module (``core.parse``), in a fixed order."""
    out = {}
    for package in PACKAGES:
        base = root / "mutants" / "mkdocs_growth" / package
        for meta in sorted(base.rglob("*.py.meta")):
            codes = json.loads(meta.read_text(encoding="utf-8")).get("exit_code_by_key", {})
            if codes:
                module = meta.relative_to(base).as_posix().removesuffix(".py.meta")
                out[f"{package}.{module.replace('/', '.')}"] = codes
    return out


def sample(results: dict[str, dict[str, int | None]]) -> dict[str, list[str]]:
    """Per module: a uniform random sample of its mutants (all of a module of 60 or fewer)."""
    rng = random.Random(SEED)
    out = {}
    for package, size in WHOLE.items():
        names = sorted(
            name
            for module, codes in results.items()
            if _package(module) == package
            for name in codes
        )
        drawn = set(random.Random(f"{SEED}-{package}").sample(names, min(size, len(names))))
        for module, codes in results.items():
            if _package(module) == package:
                out[module] = sorted(name for name in codes if name in drawn)
    for module, codes in results.items():
        if _package(module) in WHOLE:
            continue
        names = sorted(codes)
        drawn = rng.sample(
            names, len(names) if len(names) <= 60 else max(60, round(0.4 * len(names)))
        )
        out[module] = drawn[: CAP[module.split(".")[0]]]
    return out


def _package(module: str) -> str:
    return module.split(".")[0]


def kind(code: int | None) -> str:
    if code in KILLED:
        return "killed"
    if code is None:
        return "not run"
    if code in TIMEOUT:
        return "timeout"
    return "no test" if code in NO_TESTS else "survived"


def score(results: dict[str, dict[str, int | None]], drawn: dict[str, list[str]]) -> None:
    print(
        "| Package | Module | Mutants | Sampled | Killed | Survived | Timeout | No test | Score |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    packages: dict[str, list[float]] = collections.defaultdict(lambda: [0, 0, 0, 0.0, 0.0])
    for module, names in drawn.items():
        total = len(results[module])
        counts = collections.Counter(kind(results[module][name]) for name in names)
        ran = len(names) - counts["not run"]
        package, name = module.split(".", 1)
        if not ran:
            if package in WHOLE:  # none drawn here: its mutants still make the package
                packages[package][0] += total
            continue
        p = counts["killed"] / ran
        every = " (all)" if ran == total else ""
        print(
            f"| {package} | `{name}` | {total} | {ran}{every} | {counts['killed']} | "
            f"{counts['survived']} | {counts['timeout']} | {counts['no test']} | {100 * p:.0f}% |"
        )
        acc = packages[package]
        acc[0] += total
        acc[1] += ran
        acc[2] += counts["killed"]
        acc[3] += total * p
        # variance of the stratum's share, with the finite-population correction
        if ran < total and package not in WHOLE:
            acc[4] += total**2 * p * (1 - p) / max(ran - 1, 1) * (total - ran) / (total - 1)
    for package, acc in packages.items():
        if package in WHOLE and acc[1]:
            # one simple random sample of the package: its share killed, and that share's variance
            total, ran, killed = acc[0], acc[1], acc[2]
            p = killed / ran
            acc[3] = total * p
            acc[4] = total**2 * p * (1 - p) / max(ran - 1, 1) * (total - ran) / (total - 1)
    for package, (total, ran, killed, weighted, variance) in packages.items():
        margin = 100 * 1.96 * math.sqrt(variance) / total
        print(
            f"| **{package}** | **all** | **{total}** | **{ran}** | **{killed}** | | | | "
            f"**{100 * weighted / total:.1f}% ± {margin:.1f}** |"
        )


def main() -> None:
    root = Path(__file__).resolve().parents[1]
    results = verdicts(root)
    drawn = sample(results)
    if sys.argv[1:] == ["todo"]:
        for module, names in drawn.items():
            for name in names:
                if results[module][name] not in KILLED:
                    print(name)
    elif sys.argv[1:] == ["score"]:
        score(results, drawn)
    else:
        sys.exit("usage: mutation_sample.py todo | score")


if __name__ == "__main__":
    main()
