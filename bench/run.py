"""Benchmark: the same synthetic store built with and without the growth plugin.

For each size N (cards; plus N/2 notes and N/10 decisions) the runner builds
the store alternately with ``mkdocs.plain.yml`` (Material + search) and
``mkdocs.growth.yml`` (the same + growth), each build in a fresh
``python -m mkdocs build`` process, and reports the median wall time, the
ratio growth/plain, the peak RSS of each child (``os.wait4``), seconds per
1,000 documents, and ``mkdocs-growth validate`` time. Alternating, and
swapping the order every repeat (plain first, then growth first, ...),
spreads the noise of a shared machine over both sides: with an even number
of repeats, a machine that slows down or speeds up steadily during the run
weighs on both sides equally.

    python bench/run.py                      # N = 100, 1000, 5000; 4 repeats
    python bench/run.py -n 1000 --repeat 5
    python bench/run.py --update-docs        # write the table into docs/performance.md
    python bench/run.py -n 5000 --repeat 0 --profile   # where the build time goes

Stores are generated once per size under ``--work`` (default: a folder in
the system temp dir) and reused while ``make_store.py`` is unchanged.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_store  # noqa: E402
import profile_summary  # noqa: E402

DOCS_PAGE = HERE.parent / "docs" / "performance.md"
RESULTS = ("<!-- bench:results:start -->", "<!-- bench:results:end -->")
PROFILE = ("<!-- bench:profile:start -->", "<!-- bench:profile:end -->")
BREAKDOWN = ("<!-- bench:breakdown:start -->", "<!-- bench:breakdown:end -->")
PICTURES = ("<!-- bench:pictures:start -->", "<!-- bench:pictures:end -->")
DEFAULT_WORK = Path(tempfile.gettempdir()) / "mkdocs-growth-bench"
TARGET_RATIO, GOAL_RATIO, TARGET_SCALING, TARGET_VALIDATE = 1.15, 1.05, 5.5, 3.0


class BenchError(Exception):
    """A build or validate run failed: the message holds its stderr."""


@dataclass(frozen=True)
class Sample:
    seconds: float  # wall time
    max_rss_kb: int
    cpu: float = 0.0  # user + system time of the child: steadier than wall on a busy box


@dataclass
class Result:
    n: int
    documents: int
    plain: list[Sample] = field(default_factory=list)
    growth: list[Sample] = field(default_factory=list)
    validate: list[Sample] = field(default_factory=list)
    load: tuple[float, float] = (0.0, 0.0)  # 1-minute load average before/after

    @staticmethod
    def median(samples: list[Sample]) -> float:
        return statistics.median(s.seconds for s in samples) if samples else float("nan")

    @staticmethod
    def median_cpu(samples: list[Sample]) -> float:
        return statistics.median(s.cpu for s in samples) if samples else float("nan")

    @staticmethod
    def peak_mb(samples: list[Sample]) -> float:
        return max((s.max_rss_kb for s in samples), default=0) / 1024

    @property
    def ratio(self) -> float:
        return self.median(self.growth) / self.median(self.plain)

    @property
    def cpu_ratio(self) -> float:
        return self.median_cpu(self.growth) / self.median_cpu(self.plain)

    @property
    def paired_ratio(self) -> float:
        """Geometric mean of growth/plain of each repeat.

        Each repeat's second build pays for a machine slowing down during the
        run; repeats alternate which side goes second, so over an even number
        of repeats that drift cancels.
        """
        pairs = [g.seconds / p.seconds for p, g in zip(self.plain, self.growth, strict=False)]
        return statistics.geometric_mean(pairs) if pairs else float("nan")


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["NO_MKDOCS_2_WARNING"] = "1"
    env.setdefault("PYTHONHASHSEED", "0")
    return env


def run_child(argv: Sequence[str], *, ok_codes: tuple[int, ...] = (0,)) -> Sample:
    """Run one process; wall time and its own peak RSS (``wait4`` reports exactly this child)."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=err, env=child_env())
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode not in ok_codes:
            err.seek(0)
            tail = err.read().decode("utf-8", "replace")[-3000:]
            raise BenchError(f"{' '.join(argv)} exited {proc.returncode}:\n{tail}")
    return Sample(seconds, usage.ru_maxrss, usage.ru_utime + usage.ru_stime)


def build(config: Path, *, check_growth: bool = False, site: Path | None = None) -> Sample:
    """One ``mkdocs build -q`` into ``site``, or a fresh temporary dir removed afterwards."""
    target = site or Path(tempfile.mkdtemp(prefix="growth-bench-site-"))
    try:
        argv = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(target)]
        sample = run_child(argv)
        if check_growth and not (target / "growth" / "index.html").is_file():
            raise BenchError(f"{config}: the growth build wrote no growth/index.html")
        return sample
    finally:
        if site is None:
            shutil.rmtree(target, ignore_errors=True)


# A growth build whose four pictures draw nothing: the same child process, with the
# functions of site/pages/pictures.py replaced before MkDocs starts.
WITHOUT_PICTURES = (
    "import runpy, sys\n"
    "import mkdocs_growth.site.pages.pictures as p\n"
    "for name in ('matrix', 'timeline', 'learning_cadence', 'rubric_trend_chart'):\n"
    "    setattr(p, name, lambda *args, **kwargs: '')\n"
    "sys.argv = ['mkdocs', *sys.argv[1:]]\n"
    "runpy.run_module('mkdocs', run_name='__main__')\n"
)


def build_growth(config: Path, *, pictures: bool) -> Sample:
    """One growth build with or without the pictures (see ``--pictures``)."""
    if pictures:
        return build(config, check_growth=True)
    target = Path(tempfile.mkdtemp(prefix="growth-bench-site-"))
    try:
        argv = [sys.executable, "-c", WITHOUT_PICTURES, "build", "-q", "-f", str(config)]
        sample = run_child([*argv, "-d", str(target)])
        if "growth-matrix" in (target / "growth" / "priorities" / "index.html").read_text("utf-8"):
            raise BenchError("the pictures were not switched off")
        return sample
    finally:
        shutil.rmtree(target, ignore_errors=True)


def pictures_cost(work: Path, n: int, repeat: int, seed: int) -> str:
    """Growth builds with and without the pictures, alternating: what the pictures add."""
    root, _ = ensure_store(work, n, seed)
    config = root / "mkdocs.growth.yml"
    on: list[Sample] = []
    off: list[Sample] = []
    for r in range(repeat):
        for pictures in (True, False) if r % 2 == 0 else (False, True):
            (on if pictures else off).append(build_growth(config, pictures=pictures))
            last = (on if pictures else off)[-1]
            side = "on" if pictures else "off"
            log(f"N={n} #{r + 1} pictures {side:3} {last.seconds:7.2f}s wall {last.cpu:7.2f}s cpu")
    paired = statistics.geometric_mean(
        [a.seconds / b.seconds for a, b in zip(on, off, strict=False)]
    )
    with_, without = Result.median(on), Result.median(off)
    cpu = Result.median_cpu(on) / Result.median_cpu(off)
    return (
        "| cards | pictures on | pictures off | ratio | paired | CPU ratio |\n"
        "|---:|---:|---:|---:|---:|---:|\n"
        f"| {n:,} | {with_:.2f} s | {without:.2f} s | {with_ / without:.3f} | {paired:.3f}"
        f" | {cpu:.3f} |"
    )


def validate(config: Path) -> Sample:
    return run_child([sys.executable, "-m", "mkdocs_growth", "validate", "-f", str(config)])


def generator_digest() -> str:
    return hashlib.sha256((HERE / "make_store.py").read_bytes()).hexdigest()[:10]


def ensure_store(work: Path, n: int, seed: int) -> tuple[Path, make_store.Counts]:
    """The store for ``n``, generated unless an identical one (same generator) exists."""
    root = work / f"n{n}-seed{seed}-{generator_digest()}"
    done = root / ".complete"
    if not done.exists():
        shutil.rmtree(root, ignore_errors=True)
        started = time.perf_counter()
        make_store.make_store(root, n, seed)
        done.write_text("ok\n", encoding="utf-8")
        log(f"generated N={n} in {time.perf_counter() - started:.1f}s: {root}")
    return root, make_store.counts(n)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def measure(work: Path, n: int, repeat: int, seed: int, with_validate: bool) -> Result:
    root, counts = ensure_store(work, n, seed)
    plain, growth = root / "mkdocs.plain.yml", root / "mkdocs.growth.yml"
    result = Result(n, counts.documents + 1)  # + index.md
    before = os.getloadavg()[0]
    for r in range(repeat):
        order = ("plain", "growth") if r % 2 == 0 else ("growth", "plain")
        for side in order:
            if side == "plain":
                result.plain.append(build(plain))
            else:
                result.growth.append(build(growth, check_growth=True))
            last = (result.plain if side == "plain" else result.growth)[-1]
            log(
                f"N={n} #{r + 1} {side:6} {last.seconds:7.2f}s wall {last.cpu:7.2f}s cpu"
                f" {last.max_rss_kb / 1024:6.0f} MB"
            )
        if with_validate:
            result.validate.append(validate(growth))
            log(f"N={n} #{r + 1} validate {result.validate[-1].seconds:5.2f}s")
    result.load = (before, os.getloadavg()[0])
    return result


def table(results: list[Result]) -> str:
    head = (
        "| N cards | documents | plain s | growth s | ratio | paired ratio | CPU ratio"
        " | plain s/1k docs | growth s/1k docs | plain peak RSS MB | growth peak RSS MB"
        " | validate s | repeats | load before/after |"
    )
    rows = [head, "|" + "---|" * head.count(" | ") + "---|"]
    for r in results:
        plain, growth = Result.median(r.plain), Result.median(r.growth)
        per_k = 1000 / r.documents
        rows.append(
            f"| {r.n:,} | {r.documents:,} | {plain:.2f} | {growth:.2f} | {r.ratio:.3f}"
            f" | {r.paired_ratio:.3f} | {r.cpu_ratio:.3f} | {plain * per_k:.3f} | {growth * per_k:.3f}"
            f" | {Result.peak_mb(r.plain):.0f} | {Result.peak_mb(r.growth):.0f}"
            f" | {Result.median(r.validate):.2f} | {len(r.plain)}"
            f" | {r.load[0]:.2f} / {r.load[1]:.2f} |"
        )
    return "\n".join(rows)


def verdicts(results: list[Result]) -> list[str]:
    """The issue's targets, each with the measured number and PASS/FAIL."""
    by_n = {r.n: r for r in results}
    out = []

    def verdict(ok: bool) -> str:
        return "PASS" if ok else "FAIL"

    big = by_n.get(max(by_n)) if by_n else None
    if big is not None and big.plain and big.growth:
        goal = " (goal 1.05 met)" if big.ratio <= GOAL_RATIO else ""
        out.append(
            f"- Ratio growth/plain at N={big.n:,}: {big.ratio:.3f}"
            f" (paired {big.paired_ratio:.3f}, CPU time {big.cpu_ratio:.3f});"
            f" target <= {TARGET_RATIO}:"
            f" {verdict(big.ratio <= TARGET_RATIO)}{goal}"
        )
    if 1000 in by_n and 5000 in by_n:
        small, large = by_n[1000], by_n[5000]
        for side in ("plain", "growth"):
            a, b = getattr(small, side), getattr(large, side)
            if a and b:
                x = Result.median(b) / Result.median(a)
                note = f"target <= {TARGET_SCALING}x: {verdict(x <= TARGET_SCALING)}"
                out.append(f"- Build time N=1,000 -> 5,000 ({side}): {x:.2f}x; {note}")
    if big is not None and big.validate:
        v = Result.median(big.validate)
        out.append(
            f"- `mkdocs-growth validate` on {big.documents - 1:,} documents (N={big.n:,}):"
            f" {v:.2f} s; target < {TARGET_VALIDATE} s: {verdict(v < TARGET_VALIDATE)}"
        )
    return out


def machine() -> str:
    import markdown
    import mkdocs

    try:
        import material

        theme = f"Material {material.__version__}"
    except ImportError:  # pragma: no cover
        theme = "no Material"
    return (
        f"{platform.python_implementation()} {platform.python_version()},"
        f" MkDocs {mkdocs.__version__}, {theme}, Markdown {markdown.__version__},"
        f" {os.cpu_count()} CPUs, {platform.machine()}"
    )


def report(results: list[Result], started: str) -> str:
    uptime = subprocess.run(["uptime"], capture_output=True, text=True, check=False).stdout.strip()
    parts = [
        table(results),
        "",
        *verdicts(results),
        "",
        f"Run {started}; {machine()}. Load at the end: `{uptime}`.",
    ]
    return "\n".join(parts)


def replace_between(text: str, markers: tuple[str, str], content: str) -> str:
    """``text`` with everything between the two marker lines replaced by ``content``."""
    start, end = markers
    head, found, rest = text.partition(start)
    if not found or end not in rest:
        raise BenchError(f"markers {start} ... {end} not found")
    return f"{head}{start}\n{content.strip()}\n{end}{rest.split(end, 1)[1]}"


def update_docs(page: Path, markers: tuple[str, str], content: str) -> None:
    page.write_text(replace_between(page.read_text("utf-8"), markers, content), "utf-8")
    log(f"updated {page}")


def profile(work: Path, n: int, seed: int, top: int) -> str:
    """cProfile one plain and one growth build of N; summarise what the plugin adds."""
    root, _ = ensure_store(work, n, seed)
    out = Path(tempfile.mkdtemp(prefix="growth-bench-prof-"))
    try:
        profiles = {}
        for side in ("plain", "growth"):
            prof = out / f"{side}.prof"
            argv = [sys.executable, "-m", "cProfile", "-o", str(prof), "-m", "mkdocs", "build"]
            argv += ["-q", "-f", str(root / f"mkdocs.{side}.yml"), "-d", str(out / side)]
            log(f"profiling the {side} build of N={n} ...")
            run_child(argv)
            profiles[side] = prof
        return profile_summary.summarize(profiles["growth"], n, top, profiles["plain"])
    finally:
        shutil.rmtree(out, ignore_errors=True)


def breakdown_table(work: Path, n: int, seed: int) -> str:
    """One plain and one growth build of N split by part of the build (bench/breakdown.py)."""
    import breakdown

    root, _ = ensure_store(work, n, seed)
    log(f"breaking down one plain and one growth build of N={n} ...")
    plain = breakdown._child(root / "mkdocs.plain.yml")
    growth = breakdown._child(root / "mkdocs.growth.yml")
    head = f"One plain and one growth build of N={n:,}, CPU seconds by part of the build:"
    return head + "\n\n" + breakdown.table(plain, growth)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "-n",
        "--sizes",
        default="100,1000,5000",
        help="comma-separated numbers of cards (default 100,1000,5000)",
    )
    parser.add_argument(
        "--repeat", type=int, default=4, help="builds of each kind per size (even: see above)"
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--work",
        type=Path,
        default=DEFAULT_WORK,
        help="where generated stores are kept between runs",
    )
    parser.add_argument("--no-validate", action="store_true", help="skip mkdocs-growth validate")
    parser.add_argument("--no-warmup", action="store_true", help="skip the untimed first builds")
    parser.add_argument(
        "--profile",
        action="store_true",
        help="also cProfile a plain and a growth build of the largest size",
    )
    parser.add_argument("--top", type=int, default=15, help="functions in the profile summary")
    parser.add_argument(
        "--breakdown",
        action="store_true",
        help="also split one plain and one growth build of the largest size by part (CPU)",
    )
    parser.add_argument(
        "--pictures",
        action="store_true",
        help="also build the largest store with and without the growth pictures (--repeat each)",
    )
    parser.add_argument(
        "--update-docs",
        action="store_true",
        help=f"write the results (and profile) into {DOCS_PAGE.relative_to(HERE.parent)}",
    )
    args = parser.parse_args(argv)
    try:
        args.sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    except ValueError:
        parser.error("--sizes: give whole numbers, e.g. 100,1000,5000")
    if not args.sizes or min(args.sizes) < 1 or args.repeat < 0:
        parser.error("sizes must be >= 1 and --repeat >= 0")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    started = time.strftime("%Y-%m-%d %H:%M")
    log(f"{machine()}; load {os.getloadavg()[0]:.2f}")
    try:
        if args.repeat and not args.no_warmup:
            root, _ = ensure_store(args.work, args.sizes[0], args.seed)
            build(root / "mkdocs.plain.yml")
            build(root / "mkdocs.growth.yml", check_growth=True)
        results = [
            measure(args.work, n, args.repeat, args.seed, not args.no_validate)
            for n in args.sizes
            if args.repeat
        ]
        text = report(results, started) if results else ""
        prof = profile(args.work, max(args.sizes), args.seed, args.top) if args.profile else ""
        parts = breakdown_table(args.work, max(args.sizes), args.seed) if args.breakdown else ""
        pictures = (
            pictures_cost(args.work, max(args.sizes), max(args.repeat, 2), args.seed)
            if args.pictures
            else ""
        )
    except BenchError as exc:
        log(f"bench: {exc}")
        return 1
    if text:
        print(text)
    if prof:
        print("\n" + prof)
    if parts:
        print("\n" + parts)
    if pictures:
        print("\n" + pictures)
    if args.update_docs:
        try:
            if text:
                update_docs(DOCS_PAGE, RESULTS, text)
            if prof:
                update_docs(DOCS_PAGE, PROFILE, prof)
            if parts:
                update_docs(DOCS_PAGE, BREAKDOWN, parts)
            if pictures:
                update_docs(DOCS_PAGE, PICTURES, pictures)
        except (BenchError, OSError) as exc:
            log(f"bench: cannot update {DOCS_PAGE}: {exc}")
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
