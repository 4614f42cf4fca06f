"""Build the example site once, serve it on 127.0.0.1, drive Debian's Chromium.

No browser is downloaded: Playwright launches ``/usr/bin/chromium``
(``apt-get install chromium``; ``.ci/run`` installs it). Without it the
tests skip, unless ``GROWTH_REQUIRE_BROWSER`` is set (CI), where they fail.
Every request that leaves the local server is aborted: the tests never
touch the network, and a page that needs it shows up as broken.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("GROWTH_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
DOC_SCREENSHOTS = ROOT / "docs" / "assets" / "screenshots"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TIMEOUT_MS = 30_000  # generous: a loaded 2-core machine starts pages slowly


def _unavailable(reason: str) -> None:
    if os.environ.get("GROWTH_REQUIRE_BROWSER"):
        pytest.fail(f"browser tests are required here (GROWTH_REQUIRE_BROWSER): {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example site (repository mkdocs.yml) built once, strict, into a temp folder."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site_dir = tmp_path_factory.mktemp("example-site")
    cfg = load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
    build(cfg)
    return site_dir


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def served(folder: Path) -> Iterator[str]:
    """``http://127.0.0.1:<free port>/`` serving ``folder`` from a background thread."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2})
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    """The built example site, served."""
    with served(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not os.path.exists(CHROMIUM):
        _unavailable(f"{CHROMIUM} not found (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install -e '.[test]')")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=LAUNCH_ARGS, headless=True, timeout=60_000
        )
        try:
            yield chromium
        finally:
            chromium.close()


def _local_only(base_url: str) -> Any:
    def handle(route: Any) -> None:
        if route.request.url.startswith(base_url):
            route.continue_()
        else:
            route.abort()

    return handle


def open_page(browser: Any, base_url: str, **context_options: Any) -> Any:
    context = browser.new_context(**context_options)
    context.set_default_timeout(TIMEOUT_MS)
    context.route("**/*", _local_only(base_url))
    return context.new_page()


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[Any]:
    """A desktop-sized page (1280x800) in a fresh context."""
    tab = open_page(browser, base_url, viewport={"width": 1280, "height": 800})
    try:
        yield tab
    finally:
        tab.context.close()


@pytest.fixture
def phone(browser: Any, base_url: str) -> Iterator[Any]:
    """A 390-px-wide page, the width of a common phone."""
    tab = open_page(
        browser,
        base_url,
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
        device_scale_factor=1,
    )
    try:
        yield tab
    finally:
        tab.context.close()


def screenshot(target: Any, name: str, *, for_docs: bool = False, **options: Any) -> Path:
    """Save a page or element as ``test-artifacts/screenshots/NAME.png``.

    With ``for_docs`` and ``GROWTH_UPDATE_SCREENSHOTS=1`` it is also copied to
    ``docs/assets/screenshots/``, where the "Write your first card" page shows it.
    """
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    target.screenshot(path=str(path), **options)
    if for_docs and os.environ.get("GROWTH_UPDATE_SCREENSHOTS"):
        DOC_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, DOC_SCREENSHOTS / path.name)
    return path
