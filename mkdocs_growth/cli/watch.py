"""``generate --watch``: run ``generate`` again whenever the store or its config changes.

For a live preview with an engine that runs no plugins: ``zensical serve``
watches the folder ``generate --site`` writes, and this keeps that folder
current. It polls (the modification time and size of every file, twice a
second): no dependency, and a store of thousands of files takes milliseconds
to look at. A run that fails (a conflict in the output folder, a config that
does not load) is reported and the watch goes on; Ctrl-C ends it.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable

INTERVAL = 0.5  # seconds between two looks at the files

Fingerprint = frozenset[tuple[str, int, int]]


def fingerprint(folders: Iterable[str], files: Iterable[str]) -> Fingerprint:
    """Every file under ``folders`` and each of ``files``: path, modification time, size."""
    seen: set[tuple[str, int, int]] = set()
    for path in files:
        _add(seen, path)
    for folder in folders:
        for root, dirs, names in os.walk(folder, followlinks=False):
            dirs.sort()
            for name in names:
                _add(seen, os.path.join(root, name))
    return frozenset(seen)


def _add(seen: set[tuple[str, int, int]], path: str) -> None:
    try:
        st = os.stat(path)
    except OSError:
        return  # gone between the listing and the look: the next look sees it
    seen.add((path, st.st_mtime_ns, st.st_size))


def watch(
    run: Callable[[], None],
    watched: Callable[[], tuple[list[str], list[str]]],
    *,
    errors: tuple[type[Exception], ...] = (),
    interval: float = INTERVAL,
    rounds: int | None = None,
) -> None:
    """Call ``run`` now and after every change of what ``watched()`` names (folders, files).

    ``watched`` is asked again after each run: a changed config may name
    another ``docs_dir``. ``errors``: what a run may raise and the watch reports
    and outlives. ``rounds`` bounds the looks (tests); None: until Ctrl-C.
    """
    last: Fingerprint | None = None
    done = 0
    while rounds is None or done < rounds:
        folders, files = watched()
        now = fingerprint(folders, files)
        if now != last:
            last = now  # taken before the run: an edit during it is seen next time
            try:
                run()
            except errors as exc:  # reported; the preview keeps going
                print(f"mkdocs-growth: error: {exc}", file=sys.stderr)
            sys.stdout.flush()
        done += 1
        time.sleep(interval)
