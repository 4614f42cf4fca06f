"""Turn a cProfile dump of one ``mkdocs build`` into a short Markdown summary.

Own time (``tottime``) is summed per component (ours, MkDocs, Material,
Python-Markdown, ...) so the answer to "where does the time go" is one small
table. Given the profile of the plain build of the same store too, it shows
what the plugin *adds* per component and per function: most of the plugin's
cost is spent inside MkDocs and Markdown on the content it adds.

    python bench/profile_summary.py growth.prof [plain.prof] [TOP]
"""

from __future__ import annotations

import pstats
import sys
from collections import defaultdict
from pathlib import Path

# First matching path fragment wins; C built-ins have the filename "~".
COMPONENTS = [
    ("/mkdocs_growth/", "mkdocs-growth (ours)"),
    ("/material/", "Material theme/plugins"),
    ("/mkdocs/", "MkDocs"),
    ("/markdown/", "Python-Markdown"),
    ("/pymdownx/", "pymdown-extensions"),
    ("/jinja2/", "Jinja2"),
    ("/markupsafe/", "Jinja2"),
    ("/yaml/", "PyYAML"),
    ("/pydantic", "pydantic"),
    ("/xml/", "xml (Markdown tree)"),
    ("/html/", "html (search plugin parser)"),
    ("/json/", "json"),
    ("/re/", "re"),
    ("/babel/", "Babel"),
    ("/pygments/", "Pygments"),
    ("<frozen", "imports"),
]


def component(filename: str) -> str:
    if filename == "~":
        return "C built-ins (str, re, I/O, ...)"
    path = filename.replace("\\", "/")
    for fragment, name in COMPONENTS:
        if fragment in path:
            return name
    return "other Python"


def _label(func: tuple[str, int, str]) -> str:
    filename, line, name = func
    if filename == "~":
        return name
    path = filename.replace("\\", "/")
    for marker in ("/site-packages/", "/lib/python3", "/mkdocs_growth/"):
        if marker in path:
            path = path.split(marker, 1)[1]
            if marker == "/mkdocs_growth/":
                path = "mkdocs_growth/" + path
            break
    return f"{path}:{line}({name})"


def _own_times(prof: Path) -> dict[tuple[str, int, str], tuple[int, float, float]]:
    """function -> (calls, own time, cumulative time)."""
    raw = pstats.Stats(str(prof)).stats  # type: ignore[attr-defined]
    return {
        func: (calls, tottime, cumtime) for func, (_, calls, tottime, cumtime, _) in raw.items()
    }


def _by_component(times: dict[tuple[str, int, str], tuple[int, float, float]]) -> dict[str, float]:
    out: dict[str, float] = defaultdict(float)
    for func, (_, tottime, _) in times.items():
        out[component(func[0])] += tottime
    return out


def summarize(prof: Path, n: int, top: int = 15, baseline: Path | None = None) -> str:
    """Markdown summary of the growth build ``prof``; with ``baseline`` (the plain
    build of the same store) also what the plugin adds, per component and function."""
    times = _own_times(prof)
    base = _own_times(baseline) if baseline else {}
    total = sum(t for _, t, _ in times.values()) or 1.0
    comp, base_comp = _by_component(times), _by_component(base)
    base_total = sum(base_comp.values())
    head = f"Profile of one growth build, N={n:,} (cProfile: {total:.1f} s profiled"
    if baseline:
        head += f"; the plain build of the same store: {base_total:.1f} s"
    lines = [head + "; profiling roughly doubles the wall time).", ""]
    if baseline:
        lines += ["| component | plain s | growth s | added s |", "|---|---|---|---|"]
        order = sorted(comp, key=lambda c: -(comp[c] - base_comp.get(c, 0.0)))
        for name in order:
            added = comp[name] - base_comp.get(name, 0.0)
            if max(comp[name], abs(added)) / total >= 0.005:
                lines.append(
                    f"| {name} | {base_comp.get(name, 0.0):.2f} | {comp[name]:.2f} | {added:+.2f} |"
                )
        lines.append(f"| **all** | {base_total:.2f} | {total:.2f} | {total - base_total:+.2f} |")
        lines += ["", f"Top {top} functions by added own time (growth minus plain):", ""]
        lines += ["| function | calls plain / growth | added own s |", "|---|---|---|"]
        added_by = {
            func: (base.get(func, (0, 0.0, 0.0))[0], calls, tottime - base.get(func, (0, 0.0))[1])
            for func, (calls, tottime, _) in times.items()
        }
        for func, (calls0, calls1, added) in sorted(added_by.items(), key=lambda kv: -kv[1][2])[
            :top
        ]:
            lines.append(f"| `{_label(func)}` | {calls0:,} / {calls1:,} | {added:+.2f} |")
    else:
        lines += ["| component | own time s | share |", "|---|---|---|"]
        for name, seconds in sorted(comp.items(), key=lambda kv: -kv[1]):
            if seconds / total >= 0.005:
                lines.append(f"| {name} | {seconds:.2f} | {seconds / total:.1%} |")
        lines += ["", f"Top {top} functions by own time:", ""]
        lines += ["| function | calls | own s | cumulative s |", "|---|---|---|---|"]
        for func, (calls, tottime, cumtime) in sorted(times.items(), key=lambda kv: -kv[1][1])[
            :top
        ]:
            lines.append(f"| `{_label(func)}` | {calls:,} | {tottime:.2f} | {cumtime:.2f} |")
    ours = [(f, t) for f, t in times.items() if component(f[0]) == "mkdocs-growth (ours)"]
    ours.sort(key=lambda kv: -kv[1][2])
    lines += ["", f"Top {top} of ours by cumulative time (includes what they call):", ""]
    lines += ["| function | calls | own s | cumulative s |", "|---|---|---|---|"]
    for func, (calls, tottime, cumtime) in ours[:top]:
        lines.append(f"| `{_label(func)}` | {calls:,} | {tottime:.2f} | {cumtime:.2f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print("usage: profile_summary.py GROWTH.prof [PLAIN.prof] [TOP]", file=sys.stderr)
        return 2
    baseline = Path(args[1]) if len(args) > 1 and not args[1].isdigit() else None
    top = int(args[-1]) if args[-1].isdigit() else 15
    print(summarize(Path(args[0]), 0, top, baseline))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
