"""The temporary folders that back a build's generated pages: gone however the build ends.

Growth's generated pages are real files (plugins such as mkdocs-static-i18n
and mkdocs-rss-plugin read every page from disk), written to a folder of
their own outside docs_dir. A build that ends normally or with an error
removes its folder. One stopped by Ctrl-C (``KeyboardInterrupt`` is not an
error to MkDocs: no ``on_build_error``) or by SIGTERM (which kills a Python
process without unwinding anything) would leave it behind in ``$TMPDIR``;
so the folders still alive are removed at exit, and while one exists a
SIGTERM to the main thread exits Python the orderly way.
"""

from __future__ import annotations

import atexit
import shutil
import signal
import sys
import tempfile
import threading
from types import FrameType

_live: list[str] = []  # folders created and not yet removed, oldest first
_sigterm_taken = False  # SIGTERM is ours to give back (it was the default before)


def new_folder() -> str:
    """A new empty folder for one build's generated pages, removed at exit at the latest."""
    folder = tempfile.mkdtemp(prefix="mkdocs-growth-")
    _live.append(folder)
    _take_sigterm()
    return folder


def remove(folder: str) -> None:
    """Remove a folder made by :func:`new_folder` (and forget it)."""
    shutil.rmtree(folder, ignore_errors=True)
    if folder in _live:
        _live.remove(folder)
    if not _live:
        _give_back_sigterm()


@atexit.register
def remove_all() -> None:
    """Every folder still there: the build that made it was stopped."""
    for folder in list(_live):
        remove(folder)


def _exit_on_sigterm(signum: int, frame: FrameType | None) -> None:
    sys.exit(128 + signum)  # unwinds: finally blocks and atexit run, as for Ctrl-C


def _take_sigterm() -> None:
    """While a folder exists, SIGTERM exits Python orderly (only where nobody else handles it)."""
    global _sigterm_taken
    if _sigterm_taken or threading.current_thread() is not threading.main_thread():
        return
    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _exit_on_sigterm)
        _sigterm_taken = True


def _give_back_sigterm() -> None:
    global _sigterm_taken
    if not _sigterm_taken or threading.current_thread() is not threading.main_thread():
        return
    if signal.getsignal(signal.SIGTERM) is _exit_on_sigterm:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _sigterm_taken = False
