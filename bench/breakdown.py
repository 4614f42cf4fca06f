"""Where the plugin's extra build time goes, by part of the build (CPU seconds).

Builds one store in-process with timers around MkDocs' per-page steps, the
search plugin's indexing and the growth plugin's events, then prints one
Markdown table for the plain and the growth build side by side:

    python bench/breakdown.py -n 5000            # the bench store of 5,000 cards
    python bench/breakdown.py --config path/to/mkdocs.yml

Each build runs in its own process (``--side`` is the internal switch), so
neither inherits the other's caches. CPU time, not wall time: the parts are
compared within one run, and CPU time is steadier on a shared machine. The
wrappers cost a little; compare the two columns, not these totals with the
benchmark's.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

PAGE_EVENTS = ("on_page_read_source", "on_page_markdown", "on_page_content", "on_page_context")
SITE_EVENTS = ("on_files", "on_nav", "on_env", "on_post_build")


def _section(src_uri: str) -> str:
    return src_uri.split("/", 1)[0] + "/" if "/" in src_uri else "other pages"


def measure(config_file: str) -> dict[str, float]:
    """Build ``config_file`` once in this process; CPU seconds per part of the build."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.plugins import CombinedEvent

    parts: dict[str, float] = defaultdict(float)

    def timed(fn: Callable[..., Any], key: Callable[..., str]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                parts[key(*args, **kwargs)] += time.process_time() - start

        if hasattr(fn, "mkdocs_priority"):
            wrapper.mkdocs_priority = fn.mkdocs_priority  # type: ignore[attr-defined]
        return wrapper

    def page_key(page: Any, *args: Any, **kwargs: Any) -> str:
        return f"pages {_section(page.file.src_uri)}"

    from mkdocs.utils import meta

    meta.get_data = timed(
        meta.get_data, lambda *a, **k: "  of which MkDocs reads front matter (all pages)"
    )
    mkdocs_build._populate_page = timed(mkdocs_build._populate_page, page_key)
    mkdocs_build._build_page = timed(mkdocs_build._build_page, page_key)
    try:
        from material.plugins.search.plugin import SearchPlugin

        SearchPlugin.on_page_context = timed(  # type: ignore[method-assign]
            SearchPlugin.on_page_context,
            lambda *a, **k: f"  of which search indexing ({_section(k['page'].file.src_uri)})",
        )
    except ImportError:  # pragma: no cover - Material is a test dependency
        pass
    try:
        from mkdocs_growth.plugin import GrowthPlugin

        for name in PAGE_EVENTS + SITE_EVENTS:
            if name not in vars(GrowthPlugin):
                continue
            if name in PAGE_EVENTS:

                def label(*a: Any, n: str = name, **k: Any) -> str:
                    return f"  of which growth {n} ({_section(k['page'].file.src_uri)})"
            else:

                def label(*a: Any, n: str = name, **k: Any) -> str:
                    return f"growth {n}"

            handler = vars(GrowthPlugin)[name]
            if isinstance(handler, CombinedEvent):  # several handlers at their own priorities
                methods = [timed(method, label) for method in handler.methods]
                setattr(GrowthPlugin, name, CombinedEvent(*methods))
            else:
                setattr(GrowthPlugin, name, timed(handler, label))
    except ImportError:  # pragma: no cover
        pass

    site = tempfile.mkdtemp(prefix="growth-breakdown-")
    config = load_config(config_file=config_file, site_dir=site)
    start = time.process_time()
    mkdocs_build.build(config)
    total = time.process_time() - start
    parts["total"] = total
    pages = sum(v for k, v in parts.items() if k.startswith("pages "))
    events = sum(v for k, v in parts.items() if k.startswith("growth "))
    parts["rest of the build"] = total - pages - events
    import shutil

    shutil.rmtree(site, ignore_errors=True)
    return dict(parts)


def _child(config_file: Path) -> dict[str, float]:
    argv = [sys.executable, __file__, "--side", str(config_file)]
    out = subprocess.run(argv, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _order(key: str) -> tuple[int, str, str]:
    """Pages (each followed by what happened inside them), then site-wide parts, then total."""
    if key == "total":
        return (3, "", key)
    if key.startswith("growth ") or key == "rest of the build":
        return (2, "", key)
    if key.startswith("pages "):
        return (1, key[len("pages ") :], "")
    return (1, key[key.rindex("(") + 1 : -1], key)


def table(plain: dict[str, float], growth: dict[str, float]) -> str:
    keys = sorted(set(plain) | set(growth), key=_order)
    rows = ["| part of the build | plain CPU s | growth CPU s | added s |", "|---|---|---|---|"]
    for key in keys:
        a, b = plain.get(key, 0.0), growth.get(key, 0.0)
        if max(a, b) < 0.005:
            continue
        name = f"**{key}**" if key == "total" else key
        rows.append(f"| {name} | {a:.2f} | {b:.2f} | {b - a:+.2f} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("-n", type=int, default=1000, help="bench store size (cards)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--config", type=Path, help="a growth mkdocs.yml instead of a bench store")
    parser.add_argument("--side", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.side:
        print(json.dumps(measure(args.side)))
        return 0
    if args.config:
        print(table({}, _child(args.config)))
        return 0
    import run

    root, _ = run.ensure_store(run.DEFAULT_WORK, args.n, args.seed)
    plain = _child(root / "mkdocs.plain.yml")
    growth = _child(root / "mkdocs.growth.yml")
    print(f"N={args.n:,} cards, one build each (CPU seconds):\n")
    print(table(plain, growth))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
