"""`mkdocs serve`: an edited card's new priority shows up on the next rebuild.

The first test drives the same calls `mkdocs serve` makes (one plugin
instance, ``load_config`` + ``build`` per rebuild) in-process; the second
runs the real server on a loopback port for a bounded time.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import card, free_port, wait_for, write_store
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_growth.plugin import GrowthPlugin

OPTIONS = {"today": "2026-05-01"}
# impact 5, effort 3, reusability 4, learnings 2 -> 3.8; impact 1 -> (2+3+4+2)/5 = 2.2
BEFORE, AFTER = "impact: 5", "impact: 1"


def _store(tmp_path: Path) -> Path:
    files = {
        "cards/trace.md": card(),
        "cards/other.md": card(
            title="Other card", scores={"impact": 3, "effort": 3, "reusability": 3, "learnings": 3}
        ),
    }
    return write_store(tmp_path, files, OPTIONS, config={"site_url": "https://example.com/"})


def _edit_score(path: Path) -> None:
    """Same size, so only the mtime tells the cache; push it clearly forward."""
    text = path.read_text(encoding="utf-8")
    assert BEFORE in text
    stat = path.stat()
    path.write_text(text.replace(BEFORE, AFTER), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))


def test_rebuild_shows_the_new_priority(tmp_path: Path) -> None:
    config_file = _store(tmp_path)
    site = tmp_path / "served"
    serve_url = "http://127.0.0.1:8000/"

    def rebuild() -> GrowthPlugin:
        config = load_config(config_file=str(config_file), site_dir=str(site))
        config.site_url = serve_url
        config.plugins.on_startup(command="serve", dirty=False)
        build(config, serve_url=serve_url)
        return config.plugins["growth"]  # type: ignore[return-value]

    first = rebuild()
    assert first.store is not None
    other_entry = first.store.by_path["cards/other.md"]
    priorities = site / "growth" / "priorities" / "index.html"
    assert "3.80" in priorities.read_text(encoding="utf-8")

    _edit_score(tmp_path / "docs" / "cards" / "trace.md")
    second = rebuild()

    assert second is first  # MkDocs kept the instance (on_startup is defined)
    assert second.store is not None
    assert second.store.by_path["cards/other.md"] is other_entry  # unchanged: not re-parsed
    html = priorities.read_text(encoding="utf-8")
    assert "2.20" in html and "3.80" not in html
    card_page = (site / "cards" / "trace" / "index.html").read_text(encoding="utf-8")
    assert "<dt>Priority:</dt><dd>2.2 low" in card_page
    data = json.loads((site / "growth.json").read_text(encoding="utf-8"))
    trace = next(d for d in data["documents"] if d["id"] == "trace")
    assert trace["priority"] == {"score": 2.2, "band": "low"}


def test_real_serve_rebuilds_after_an_edit(tmp_path: Path) -> None:
    config_file = _store(tmp_path)
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(config_file)]
    command += ["-a", f"127.0.0.1:{port}"]
    server = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    url = f"http://127.0.0.1:{port}/growth/priorities/"
    try:
        wait_for(url, "3.80", time.monotonic() + 120)
        _edit_score(tmp_path / "docs" / "cards" / "trace.md")
        html = wait_for(url, "2.20", time.monotonic() + 120)
        assert "3.80" not in html
    finally:
        server.send_signal(signal.SIGINT)  # serve removes its temp site dir on Ctrl-C
        try:
            _, err = server.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
            _, err = server.communicate()
    assert "Traceback" not in err, err


@pytest.fixture(autouse=True)
def _no_leftover_serve_dirs(tmp_path: Path) -> None:
    """Each build's folder of generated pages, and MkDocs' own serve dir, are gone after Ctrl-C."""
    import tempfile

    tmp = Path(tempfile.gettempdir())
    patterns = ("mkdocs_*", "mkdocs-growth-*")
    before = {p.name for pattern in patterns for p in tmp.glob(pattern)}
    yield
    assert {p.name for pattern in patterns for p in tmp.glob(pattern)} <= before
