"""A build takes SIGTERM only while its temporary folder exists, and gives it back.

Growth exits orderly on SIGTERM during a build so its generated pages do not
stay in ``$TMPDIR`` (``plugin.backing``). A program that runs ``mkdocs build``
in-process (a server, a test runner) must find SIGTERM as it was afterwards.
"""

from __future__ import annotations

import signal
from pathlib import Path

from conftest import card, write_store
from mkdocs.commands.build import build
from mkdocs.config import load_config


def test_sigterm_is_the_default_again_after_a_build(tmp_path: Path) -> None:
    config = write_store(tmp_path, {"cards/a.md": card()})
    before = signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a test runner may hold it
    try:
        build(load_config(config_file=str(config)))
        assert (tmp_path / "site" / "growth" / "index.html").is_file()
        assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
        build(load_config(config_file=str(config)))  # and a second build in the same process
        assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
    finally:
        signal.signal(signal.SIGTERM, before)
