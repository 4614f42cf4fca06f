"""A build takes SIGTERM only while its temporary folder exists, and gives it back.

Growth exits orderly on SIGTERM during a build so its generated pages do not
stay in ``$TMPDIR`` (``plugin.backing``). A program that runs ``mkdocs build``
in-process (a server, a test runner) must find SIGTERM as it was afterwards.
"""

from __future__ import annotations

import json
import signal
from pathlib import Path

import pytest
from conftest import card, write_store
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_growth.plugin import backing


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


STOP = """\
import json, os, signal

def on_page_markdown(markdown, page, config, files):
    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        raise RuntimeError("a SIGTERM now would kill the process where it stands")
    made = [f.abs_src_path for f in files if f.generated_by]
    with open(os.path.join(os.path.dirname(config.config_file_path), "made.json"), "w") as out:
        json.dump(made, out)
    os.kill(os.getpid(), signal.SIGTERM)
"""


def test_sigterm_mid_build_exits_143_and_the_folder_goes_at_exit(tmp_path: Path) -> None:
    """As `kill` would stop `mkdocs build`: Python unwinds, and its exit removes the folder."""
    config = write_store(tmp_path, {"cards/a.md": card()})
    before = signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        build(load_config(config_file=str(config)))  # one build before: SIGTERM given back
        (tmp_path / "stop.py").write_text(STOP, encoding="utf-8")
        stopping = load_config(config_file=str(config), hooks=[str(tmp_path / "stop.py")])
        with pytest.raises(SystemExit) as stopped:
            build(stopping)
        assert stopped.value.code == 128 + signal.SIGTERM
        made = json.loads((tmp_path / "made.json").read_text(encoding="utf-8"))
        assert made and all(Path(path).is_file() for path in made)  # stopped mid-build
        backing.remove_all()  # what Python's exit runs (atexit)
        assert not any(Path(path).exists() for path in made)
        assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
    finally:
        signal.signal(signal.SIGTERM, before)
