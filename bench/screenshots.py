"""Screenshots of the pages people look at, from the example site, into docs/assets.

Builds the example site (repository ``mkdocs.yml``, strict) into a temporary
folder, serves it on 127.0.0.1 and photographs the dashboard, the priorities,
a card, a review packet and the competencies page at 1280 and 390 px, in
Material's light (``default``) and dark (``slate``) schemes, with Debian's
Chromium (no browser download, no network: every other request is aborted).

    ./dev screenshots                  # or: .venv/bin/python bench/screenshots.py
    python bench/screenshots.py --out /tmp/shots --chromium /usr/bin/chromium

Each picture is the first screen a reader sees (the viewport, not the whole
page; at 1280 px only the article's column), so the files stay small:
``page-<name>-<width>-<scheme>.png``.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "assets" / "screenshots"
PAGES = {
    "dashboard": "growth/",
    "priorities": "growth/priorities/",
    "card": "cards/distributed-trace-explorer/",
    "review-packet": "growth/reports/2026-Q4/",
    "competencies": "growth/competencies/",
}
WIDTHS = {1280: 800, 390: 844}  # width -> height of the first screen
SCHEMES = {"light": "default", "dark": "slate"}


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def build_example(site_dir: Path) -> None:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    build(load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(site_dir), strict=True))


def _column(tab: Any, width: int, height: int) -> dict[str, float]:
    """The first screen; on a wide one only the article's column (the navigation is
    Material's, and leaving it out halves the file)."""
    box = tab.locator("article.md-content__inner").bounding_box()
    if width < 1000 or box is None:
        return {"x": 0, "y": 0, "width": width, "height": height}
    return {"x": max(0, box["x"] - 24), "y": 0, "width": box["width"] + 48, "height": height}


def photograph(site_dir: Path, out: Path, chromium: str) -> list[Path]:
    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=site_dir))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    out.mkdir(parents=True, exist_ok=True)
    written = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium, args=["--no-sandbox", "--disable-gpu"]
            )
            for width, height in WIDTHS.items():
                for scheme, material in SCHEMES.items():
                    context = browser.new_context(
                        viewport={"width": width, "height": height}, color_scheme=scheme
                    )
                    context.route(
                        "**/*",
                        lambda route: (
                            route.continue_()
                            if route.request.url.startswith(base)
                            else route.abort()
                        ),
                    )
                    tab = context.new_page()
                    for name, path in PAGES.items():
                        tab.goto(base + path)
                        shown = tab.evaluate("document.body.dataset.mdColorScheme")
                        if shown != material:
                            raise SystemExit(f"{path}: scheme {shown}, expected {material}")
                        target = out / f"page-{name}-{width}-{scheme}.png"
                        tab.screenshot(path=str(target), clip=_column(tab, width, height))
                        written.append(target)
                    context.close()
            browser.close()
    finally:
        server.shutdown()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT, help="where the PNGs go")
    parser.add_argument(
        "--chromium", default=os.environ.get("GROWTH_CHROMIUM", "/usr/bin/chromium")
    )
    args = parser.parse_args(argv)
    if not os.path.exists(args.chromium):
        print(f"{args.chromium} not found (apt-get install chromium)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="growth-shots-") as tmp:
        site_dir = Path(tmp) / "site"
        build_example(site_dir)
        for path in photograph(site_dir, args.out, args.chromium):
            print(
                f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}"
                f" ({path.stat().st_size // 1024} KB)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
