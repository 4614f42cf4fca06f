"""A build stopped half-way (Ctrl-C, SIGTERM) leaves none of growth's generated pages behind.

Real processes, real signals: a hook holds the build in a page event, after
growth has written its generated pages to their temporary folder, and tells
the test it is there (issue 22, finding 17: 4 of 4 Ctrl-C left the folder).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import card, free_port, write_store

HOOK = """\
import os, pathlib, time

def on_page_markdown(markdown, page, **kwargs):
    pathlib.Path(os.environ["GROWTH_TEST_READY"]).write_text("ready")
    time.sleep(120)
"""


@pytest.mark.parametrize(
    ("command", "stop"),
    [("build", signal.SIGINT), ("build", signal.SIGTERM), ("serve", signal.SIGINT)],
    ids=["build-ctrl-c", "build-sigterm", "serve-first-build-ctrl-c"],
)
def test_a_stopped_build_leaves_no_generated_pages(
    tmp_path: Path, _own_tmpdir: Path, command: str, stop: signal.Signals
) -> None:
    (tmp_path / "hold.py").write_text(HOOK, encoding="utf-8")
    config_file = write_store(
        tmp_path,
        {"cards/a.md": card(horizon="2026-Q2")},
        {"today": "2026-05-01"},
        config={"hooks": ["hold.py"]},
    )
    ready = tmp_path / "ready"
    argv = [sys.executable, "-m", "mkdocs", command, "-f", str(config_file)]
    if command == "serve":
        argv += ["-a", f"127.0.0.1:{free_port()}"]
    env = {**os.environ, "GROWTH_TEST_READY": str(ready), "NO_MKDOCS_2_WARNING": "1"}
    process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while not ready.exists():
            assert process.poll() is None, process.stderr.read().decode()  # type: ignore[union-attr]
            assert time.monotonic() < deadline, "the build never reached a page"
            time.sleep(0.1)
        assert list(_own_tmpdir.glob("mkdocs-growth-*")), "the build has no folder to leave"
        process.send_signal(stop)
        process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode != 0
    assert not list(_own_tmpdir.glob("mkdocs-growth-*"))
