"""Turn a cProfile dump of one ``mkdocs build`` into a short Markdown summary.

Own time (``tottime``) is summed per component (ours, MkDocs, Material,
Python-Markdown, ...) so the answer to "where does the time go" is one small
table, followed by the top functions overall and the top functions of ours
by cumulative time.

    python bench/profile_summary.py build.prof
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


def summarize(prof: Path, n: int, top: int = 15) -> str:
    stats = pstats.Stats(str(prof))
    raw = stats.stats  # type: ignore[attr-defined]
    total = sum(entry[2] for entry in raw.values()) or 1.0
    by_component: dict[str, float] = defaultdict(float)
    for func, (_, _, tottime, _, _) in raw.items():
        by_component[component(func[0])] += tottime
    lines = [
        f"Profile of one growth build, N={n:,} (cProfile; {total:.1f} s profiled,"
        " profiling roughly doubles the wall time).",
        "",
        "| component | own time s | share |",
        "|---|---|---|",
    ]
    for name, seconds in sorted(by_component.items(), key=lambda kv: -kv[1]):
        if seconds / total >= 0.005:
            lines.append(f"| {name} | {seconds:.2f} | {seconds / total:.1%} |")
    lines += ["", f"Top {top} functions by own time:", ""]
    lines += ["| function | calls | own s | cumulative s |", "|---|---|---|---|"]
    ordered = sorted(raw.items(), key=lambda kv: -kv[1][2])[:top]
    for func, (_, calls, tottime, cumtime, _) in ordered:
        lines.append(f"| `{_label(func)}` | {calls:,} | {tottime:.2f} | {cumtime:.2f} |")
    ours = [
        (func, entry) for func, entry in raw.items() if component(func[0]) == "mkdocs-growth (ours)"
    ]
    ours.sort(key=lambda kv: -kv[1][3])
    lines += ["", f"Top {top} of ours by cumulative time (includes what they call):", ""]
    lines += ["| function | calls | own s | cumulative s |", "|---|---|---|---|"]
    for func, (_, calls, tottime, cumtime, _) in ours[:top]:
        lines.append(f"| `{_label(func)}` | {calls:,} | {tottime:.2f} | {cumtime:.2f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print("usage: profile_summary.py FILE.prof [TOP]", file=sys.stderr)
        return 2
    top = int(args[1]) if len(args) > 1 else 15
    print(summarize(Path(args[0]), 0, top))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
