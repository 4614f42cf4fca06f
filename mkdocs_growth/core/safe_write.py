"""Write a document back in place: atomically, and only if nobody changed it meanwhile.

An editor open on the same card, a ``git checkout`` or a second terminal may
change the file between the moment an edit read it and the moment it
writes. The new content goes to a temporary file in the same folder (so the
final rename stays on one file system and is atomic); just before the
rename the file is read again and the write is refused when its bytes are no
longer the ones the edit started from. A reader of the folder (``mkdocs
serve``) sees the old file or the new one, never half of it; the temporary
name starts with a dot, which MkDocs and the engine skip.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile


class WriteRefused(Exception):
    """The file was not written; the message says why (CLI exit 1)."""


class ChangedOnDisk(WriteRefused):
    """The file's bytes differ from the ones the edit was made on."""


def read_bytes(path: str, limit: int) -> bytes:
    """The file's bytes, for an edit: a regular file (not a symlink) of at most ``limit`` bytes."""
    if os.path.islink(path):
        raise WriteRefused(f"{path} is a symbolic link: edit the file it points to")
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise WriteRefused(f"{path} is not a regular file")
        if info.st_size > limit:
            raise WriteRefused(f"{path} is {info.st_size:,} bytes, over the {limit:,}-byte limit")
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise WriteRefused(f"{path}: cannot read: {exc.strerror}") from None


def replace_unchanged(path: str, expected: bytes, new: bytes) -> None:
    """Replace the file at ``path`` with ``new`` unless it no longer holds ``expected``."""
    if os.path.islink(path):
        raise WriteRefused(f"{path} is a symbolic link: edit the file it points to")
    folder = os.path.dirname(os.path.abspath(path))
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
        fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(path)}.", suffix=".tmp")
    except OSError as exc:
        raise WriteRefused(f"{path}: cannot write: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(new)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
        # Another size is a change too, however large (not a file over a size limit).
        if os.path.getsize(path) != len(expected) or read_bytes(path, len(expected)) != expected:
            raise ChangedOnDisk(
                f"{path} changed on disk since it was read; nothing was written (run the command again)"
            )
        os.replace(temp, path)
    except OSError as exc:
        raise WriteRefused(f"{path}: cannot write: {exc.strerror}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
