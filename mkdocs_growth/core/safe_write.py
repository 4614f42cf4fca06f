"""Write a document back in place without losing anyone else's write.

An editor open on the same card, a script appending to it or a ``git
checkout`` may change the file between the moment an edit read it and the
moment it writes. Checking the bytes again and then renaming a new file over
the card narrows that window but does not close it: a program that opened
the old file just before the rename writes into a file nobody will see again.

So on Linux the edit takes a *write lease* on the card (``fcntl``
``F_SETLEASE``): the kernel grants it only while no other process has the
file open, and while it is held every other ``open`` of the file waits. Under
the lease the bytes are checked once more and the new ones written into the
same file (same inode: hard links, owner, group and mode stay), then the
lease is released and whoever waited opens the new content. Disk space is
reserved before the first byte changes, so a full disk refuses the write
with the file as it was. A file another program holds open is refused (its
next write could land anywhere); a file that changed is refused.

Where leases are not available (not Linux, a file system without them, a
file owned by someone else) the new content goes to a hidden temporary file
that is renamed over the card after the check; a write into the old file
caught after the rename is put back and the edit refused. That fallback
keeps a window (docs/threat-model.md says which) and refuses hard links,
which a rename would split.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
import tempfile
import threading
import time
from collections.abc import Iterator

try:
    import fcntl
except ImportError:  # pragma: no cover - not on Windows
    fcntl = None  # type: ignore[assignment]

# How long an edit waits for another program to close the card (a build reading it).
OPEN_ELSEWHERE_WAIT = 2.0
_NO_LEASE = (errno.EINVAL, errno.ENOSYS, errno.EACCES, errno.EPERM, errno.ENOTSUP, errno.ENOLCK)


class WriteRefused(Exception):
    """The file was not written; the message says why (CLI exit 1)."""


class ChangedOnDisk(WriteRefused):
    """The file's bytes differ from the ones the edit was made on."""


class OpenElsewhere(WriteRefused):
    """Another program holds the file open: its next write could be lost, so nothing is written."""


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


def replace_unchanged(
    path: str, expected: bytes, new: bytes, body_at: tuple[int, int] | None = None
) -> None:
    """Make the file at ``path`` hold ``new`` if it still holds ``expected``, else refuse.

    ``body_at`` (the byte offsets where the unchanged body starts in
    ``expected`` and in ``new``) allows one kind of change meanwhile: one
    that left everything before the body alone (lines added to the body by
    an editor). The file then gets ``new``'s head and the body as it is now.
    Raises ChangedOnDisk (someone else wrote), OpenElsewhere (someone holds it
    open) or WriteRefused (read-only, a link, no space...); in every case the
    file keeps the bytes it had.
    """
    changed = ChangedOnDisk(
        f"{path} changed on disk since it was read; nothing was written (run the command again)"
    )
    fd = _open_for_edit(path)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise WriteRefused(f"{path} is not a regular file")
        if not info.st_mode & 0o222:
            raise WriteRefused(
                f"{path} is read-only (mode {stat.S_IMODE(info.st_mode):o}); nothing was written"
                " (make it writable to edit it: chmod u+w)"
            )
        with _write_lease(fd, path) as leased:
            current = _read_all(fd)
            target = _merged(current, expected, new, body_at)
            if target is None:
                raise changed
            if leased:
                _write_in_place(fd, path, current, target)
            else:
                if info.st_nlink > 1:
                    raise WriteRefused(
                        f"{path} has {info.st_nlink} hard links and this system cannot lock it"
                        " for an edit in place; nothing was written (a new file would split the"
                        " links)"
                    )
                _replace_by_rename(fd, path, current, target, info, changed)
    except OSError as exc:
        raise WriteRefused(f"{path}: cannot write: {exc.strerror}") from None
    finally:
        os.close(fd)


def leases_available(path: str) -> bool:
    """Whether an edit of ``path`` would be made under a write lease (reported by tests)."""
    try:
        fd = _open_for_edit(path)
    except WriteRefused:
        return False
    try:
        with _write_lease(fd, path) as leased:
            return leased
    except WriteRefused:
        return False
    finally:
        os.close(fd)


def _open_for_edit(path: str) -> int:
    flags = os.O_RDWR | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_NONBLOCK", 0)  # a FIFO put in the card's place must not hang us
    try:
        return os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP or os.path.islink(path):
            raise WriteRefused(f"{path} is a symbolic link: edit the file it points to") from None
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            with contextlib.suppress(OSError):
                if not os.stat(path).st_mode & 0o222 or exc.errno == errno.EROFS:
                    raise WriteRefused(
                        f"{path} is read-only ({exc.strerror}); nothing was written"
                        " (make it writable to edit it: chmod u+w)"
                    ) from None
        raise WriteRefused(f"{path}: cannot write: {exc.strerror}") from None


@contextlib.contextmanager
def _write_lease(fd: int, path: str) -> Iterator[bool]:
    """Hold a write lease on ``fd`` (True), or say leases are not available here (False).

    Raises OpenElsewhere when another program keeps the file open past
    :data:`OPEN_ELSEWHERE_WAIT` seconds.
    """
    if fcntl is None or not hasattr(fcntl, "F_SETLEASE") or not _quiet_lease_breaks():
        yield False
        return
    previous = None
    if threading.current_thread() is threading.main_thread():
        # A lease break is announced with SIGIO, whose default action ends the process.
        previous = signal.signal(signal.SIGIO, signal.SIG_IGN)
    try:
        leased = _take_lease(fd, path)
        try:
            yield leased
        finally:
            if leased:
                fcntl.fcntl(fd, fcntl.F_SETLEASE, fcntl.F_UNLCK)
    finally:
        if previous is not None:
            signal.signal(signal.SIGIO, previous)


def _take_lease(fd: int, path: str) -> bool:
    """True once the lease is held, False where leases do not work; waits for other openers."""
    deadline = time.monotonic() + OPEN_ELSEWHERE_WAIT
    delay = 0.002
    while True:
        try:
            fcntl.fcntl(fd, fcntl.F_SETLEASE, fcntl.F_WRLCK)
            return True
        except OSError as exc:
            if exc.errno in _NO_LEASE:
                return False
            if exc.errno != errno.EAGAIN:
                raise
        if time.monotonic() >= deadline:
            raise OpenElsewhere(
                f"{path} is open in another program (an editor, a script, a build);"
                " nothing was written, so nothing it writes can be lost: close it or"
                " run the command again"
            )
        time.sleep(delay)
        delay = min(delay * 2, 0.1)


def _quiet_lease_breaks() -> bool:
    """Whether a lease break's SIGIO would be harmless (ignored or handled), or can be made so."""
    if threading.current_thread() is threading.main_thread():
        return True
    return signal.getsignal(signal.SIGIO) not in (signal.SIG_DFL, None)


def _merged(
    current: bytes, expected: bytes, new: bytes, body_at: tuple[int, int] | None
) -> bytes | None:
    """What to write given what the file holds now; None when that is a conflict."""
    if current == expected:
        return new
    if body_at is None:
        return None
    old_at, new_at = body_at
    if not 0 < old_at <= len(expected) or expected[old_at - 1 : old_at] not in (b"\n", b"\r"):
        return None  # the body must start on a line of its own
    if current[:old_at] != expected[:old_at] or new[new_at:] != expected[old_at:]:
        return None  # the head changed too, or the edit was not one of the head only
    return new[:new_at] + current[old_at:]


def _read_all(fd: int) -> bytes:
    chunks = []
    offset = 0
    while chunk := os.pread(fd, 1 << 16, offset):
        chunks.append(chunk)
        offset += len(chunk)
    return b"".join(chunks)


def _write_all(fd: int, data: bytes) -> None:
    offset = 0
    while offset < len(data):
        offset += os.pwrite(fd, data[offset:], offset)


def _write_in_place(fd: int, path: str, old: bytes, new: bytes) -> None:
    """Overwrite the leased file; on any failure put ``old`` back before refusing."""
    if len(new) > len(old) and hasattr(os, "posix_fallocate"):
        try:
            os.posix_fallocate(fd, 0, len(new))  # a full disk fails here, nothing changed
        except OSError as exc:
            if exc.errno not in (errno.EINVAL, errno.EOPNOTSUPP):
                with contextlib.suppress(OSError):
                    os.ftruncate(fd, len(old))
                raise WriteRefused(
                    f"{path}: cannot write: {exc.strerror}; the card is unchanged"
                ) from None
    try:
        _write_all(fd, new)
        os.ftruncate(fd, len(new))
        os.fsync(fd)
    except OSError as exc:
        try:
            _write_all(fd, old)
            os.ftruncate(fd, len(old))
            with contextlib.suppress(OSError):
                os.fsync(fd)
        except OSError:
            raise WriteRefused(
                f"{path}: cannot write: {exc.strerror}; the card could not be restored either:"
                " take it back from version control (git checkout)"
            ) from None
        raise WriteRefused(f"{path}: cannot write: {exc.strerror}; the card is unchanged") from None


def _replace_by_rename(
    old_fd: int, path: str, expected: bytes, new: bytes, info: os.stat_result, changed: Exception
) -> None:
    """Without a lease: a temporary file renamed over the card, and a check of the old one after."""
    folder = os.path.dirname(os.path.abspath(path))
    fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(path)}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(new)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, stat.S_IMODE(info.st_mode))
        with contextlib.suppress(OSError):  # root can; a user only to a group of theirs
            os.chown(temp, info.st_uid, info.st_gid)
        made = os.stat(temp)
        if (made.st_uid, made.st_gid) != (info.st_uid, info.st_gid):
            raise WriteRefused(
                f"{path} belongs to user {info.st_uid}, group {info.st_gid}, and this system"
                " cannot lock it for an edit in place; nothing was written (a new file would"
                " change its owner)"
            )
        if _read_all(old_fd) != expected:
            raise changed
        os.replace(temp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
    late = _read_all(old_fd)
    if late != expected:
        # Someone wrote into the old file between the check and the rename: put it back.
        _put_back(path, late, new)
        raise changed


def _put_back(path: str, late: bytes, new: bytes) -> None:
    """Give ``path`` the old file's latest bytes, plus anything appended to ``new`` since."""
    with open(path, "rb") as handle:
        current = handle.read()
    extra = current[len(new) :] if current.startswith(new) else b""
    folder = os.path.dirname(os.path.abspath(path))
    fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(path)}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(late + extra)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, stat.S_IMODE(os.stat(path).st_mode))
        os.replace(temp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
