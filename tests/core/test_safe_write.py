"""Reading a document for an edit and writing it back in place (``core.safe_write``).

The command-level behaviour (exit codes, the refusal a user sees) is in
``tests/cli/test_cli_edit.py``; these pin the messages and the file-system
guarantees themselves: the temporary file's place and name, the exact bytes,
and that a refused write leaves everything as it was.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from mkdocs_growth.core import safe_write
from mkdocs_growth.core.safe_write import (
    ChangedOnDisk,
    OpenElsewhere,
    WriteRefused,
    leases_available,
    read_bytes,
    replace_unchanged,
)

# Not UTF-8, CRLF and a lone CR: bytes a text-mode read would change or refuse.
RAW = b"---\r\ntitle: caf\xe9\r\n---\rbody\n"
CHANGED = "{path} changed on disk since it was read; nothing was written (run the command again)"


@pytest.fixture
def no_leases(monkeypatch: pytest.MonkeyPatch) -> None:
    """A system without write leases (macOS, a network file system): the rename fallback."""
    monkeypatch.setattr(safe_write, "_take_lease", lambda fd, path: False)


@pytest.fixture
def doc(tmp_path: Path) -> Path:
    path = tmp_path / "docs" / "card.md"
    path.parent.mkdir()
    path.write_bytes(RAW)
    return path


def test_read_bytes_returns_the_files_bytes_unchanged(doc: Path) -> None:
    assert read_bytes(str(doc), len(RAW)) == RAW


def test_read_bytes_refuses_a_file_over_the_limit_with_both_sizes(tmp_path: Path) -> None:
    path = tmp_path / "big.md"
    path.write_bytes(b"x" * 1001)
    assert read_bytes(str(path), 1001) == b"x" * 1001  # at the limit: read
    with pytest.raises(WriteRefused) as refused:
        read_bytes(str(path), 1000)
    assert str(refused.value) == f"{path} is 1,001 bytes, over the 1,000-byte limit"


def test_read_bytes_refuses_a_symlink_naming_it(doc: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.md"
    link.symlink_to(doc)
    with pytest.raises(WriteRefused) as refused:
        read_bytes(str(link), 10_000)
    assert str(refused.value) == f"{link} is a symbolic link: edit the file it points to"


def test_read_bytes_refuses_what_is_not_a_regular_file(tmp_path: Path) -> None:
    with pytest.raises(WriteRefused) as refused:
        read_bytes(str(tmp_path), 10_000)
    assert str(refused.value) == f"{tmp_path} is not a regular file"


def test_read_bytes_says_why_a_file_cannot_be_read(tmp_path: Path) -> None:
    missing = tmp_path / "gone.md"
    with pytest.raises(WriteRefused) as refused:
        read_bytes(str(missing), 10_000)
    assert str(refused.value) == f"{missing}: cannot read: No such file or directory"


def test_the_new_bytes_replace_the_old_and_the_mode_is_kept(doc: Path) -> None:
    os.chmod(doc, 0o640)
    replace_unchanged(str(doc), RAW, b"new\r\n")
    assert doc.read_bytes() == b"new\r\n"
    assert stat.S_IMODE(doc.stat().st_mode) == 0o640
    assert os.listdir(doc.parent) == ["card.md"]


def test_without_leases_the_temporary_file_is_a_hidden_sibling_of_the_document(
    doc: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_leases: None
) -> None:
    """Same folder (the rename stays on one file system), whatever ``TMPDIR`` says;
    a name starting with a dot (MkDocs and the engine skip it) and ending in ``.tmp``."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no-such-tmpdir"))
    seen: list[list[str]] = []
    real_fsync = os.fsync

    def fsync_and_look(fd: int) -> None:
        seen.append(sorted(os.listdir(doc.parent)))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync_and_look)
    replace_unchanged(str(doc), RAW, b"new")
    assert doc.read_bytes() == b"new"
    [[temporary, document]] = seen
    assert document == "card.md"
    assert re.fullmatch(r"\.card\.md\.[A-Za-z0-9_]+\.tmp", temporary), temporary
    assert os.listdir(doc.parent) == ["card.md"]


def assert_refused_as_changed(doc: Path, on_disk: bytes) -> None:
    """An edit made on ``RAW`` finds ``on_disk`` instead: refused, the file and folder untouched."""
    doc.write_bytes(on_disk)
    with pytest.raises(ChangedOnDisk) as refused:
        replace_unchanged(str(doc), RAW, b"new")
    assert str(refused.value) == CHANGED.format(path=doc)
    assert doc.read_bytes() == on_disk
    assert os.listdir(doc.parent) == ["card.md"]


def test_a_file_that_grew_meanwhile_is_reported_as_changed(doc: Path) -> None:
    """However much it grew: not as a file over some size limit."""
    for grown in (RAW + b"!", RAW + b"!!", RAW * 100):
        assert_refused_as_changed(doc, grown)


def test_a_file_with_other_bytes_of_the_same_size_is_reported_as_changed(doc: Path) -> None:
    assert_refused_as_changed(doc, RAW.replace(b"body", b"BODY"))


def test_a_file_that_is_gone_cannot_be_written_and_says_why(tmp_path: Path) -> None:
    missing = tmp_path / "gone.md"
    with pytest.raises(WriteRefused) as refused:
        replace_unchanged(str(missing), RAW, b"new")
    assert str(refused.value) == f"{missing}: cannot write: No such file or directory"
    assert os.listdir(tmp_path) == []


def test_a_failed_write_says_why_and_leaves_the_file_and_no_temporary(
    doc: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(WriteRefused) as refused:
        replace_unchanged(str(doc), RAW, b"new")
    assert str(refused.value) == (
        f"{doc}: cannot write: No space left on device; the card is unchanged"
    )
    assert doc.read_bytes() == RAW
    assert os.listdir(doc.parent) == ["card.md"]


# -- concurrent writers, links, owners: issue 22 ------------------------------------------

needs_leases = pytest.mark.skipif(
    not hasattr(safe_write.fcntl, "F_SETLEASE"), reason="write leases are Linux only"
)


@needs_leases
def test_the_edit_is_made_under_a_lease_in_the_same_file(doc: Path) -> None:
    """Same inode: whoever waited on the lease opens the new bytes, not a file that is gone."""
    assert leases_available(str(doc))
    inode = doc.stat().st_ino
    replace_unchanged(str(doc), RAW, b"new")
    assert doc.read_bytes() == b"new" and doc.stat().st_ino == inode


@needs_leases
def test_a_file_another_program_holds_open_is_refused_and_kept(
    doc: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A writer with the file open across the edit could write after it: refuse, say so."""
    monkeypatch.setattr(safe_write, "OPEN_ELSEWHERE_WAIT", 0.05)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys; f = open(sys.argv[1], 'a'); sys.stdin.read()", doc],
        stdin=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 10
        while leases_available(str(doc)) and time.monotonic() < deadline:
            time.sleep(0.01)  # until the other process has it open
        with pytest.raises(OpenElsewhere) as refused:
            replace_unchanged(str(doc), RAW, b"new")
    finally:
        holder.communicate(b"")
    assert str(refused.value).startswith(f"{doc} is open in another program")
    assert doc.read_bytes() == RAW


def test_without_leases_a_write_into_the_old_file_during_the_rename_is_put_back(
    doc: Path, monkeypatch: pytest.MonkeyPatch, no_leases: None
) -> None:
    """The window the fallback cannot close before the rename is checked after it."""
    real_replace = os.replace

    def writer_appends_then_rename(src: str, dst: str) -> None:
        with open(doc, "ab") as handle:  # the old file, just before it is replaced
            handle.write(b"saved by an editor\n")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", writer_appends_then_rename)
    with pytest.raises(ChangedOnDisk):
        replace_unchanged(str(doc), RAW, b"new")
    assert doc.read_bytes() == RAW + b"saved by an editor\n"
    assert os.listdir(doc.parent) == ["card.md"]


def test_a_read_only_file_is_refused_saying_so_even_for_root(doc: Path) -> None:
    os.chmod(doc, 0o444)
    with pytest.raises(WriteRefused) as refused:
        replace_unchanged(str(doc), RAW, b"new")
    assert str(refused.value).startswith(f"{doc} is read-only")
    assert "chmod u+w" in str(refused.value)
    assert doc.read_bytes() == RAW and stat.S_IMODE(doc.stat().st_mode) == 0o444


@needs_leases
def test_a_hard_link_stays_one_file_with_the_new_bytes(doc: Path, tmp_path: Path) -> None:
    twin = tmp_path / "twin.md"
    os.link(doc, twin)
    replace_unchanged(str(doc), RAW, b"new")
    assert twin.read_bytes() == b"new" and doc.stat().st_nlink == 2
    assert os.path.samefile(doc, twin)


def test_without_leases_a_hard_link_is_refused_not_split(
    doc: Path, tmp_path: Path, no_leases: None
) -> None:
    os.link(doc, tmp_path / "twin.md")
    with pytest.raises(WriteRefused, match="has 2 hard links"):
        replace_unchanged(str(doc), RAW, b"new")
    assert doc.read_bytes() == RAW and doc.stat().st_nlink == 2


@pytest.mark.skipif(os.geteuid() != 0, reason="chown to another user needs root")
@pytest.mark.parametrize("leases", [True, False], ids=["lease", "rename"])
def test_owner_group_and_mode_are_kept_when_root_edits(
    doc: Path, monkeypatch: pytest.MonkeyPatch, leases: bool
) -> None:
    if not leases:
        monkeypatch.setattr(safe_write, "_take_lease", lambda fd, path: False)
    os.chown(doc, 4321, 4322)
    os.chmod(doc, 0o604)
    replace_unchanged(str(doc), RAW, b"new")
    info = doc.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (4321, 4322, 0o604)
    assert doc.read_bytes() == b"new"


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 16 KiB tmpfs (root only; skipped where mounting is not permitted)."""
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode:
        pytest.skip(f"cannot mount a small tmpfs: {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=True)


@pytest.mark.parametrize("leases", [True, False], ids=["lease", "rename"])
def test_a_full_disk_refuses_the_write_and_keeps_the_file(
    small_disk: Path, monkeypatch: pytest.MonkeyPatch, leases: bool
) -> None:
    if not leases:
        monkeypatch.setattr(safe_write, "_take_lease", lambda fd, path: False)
    doc = small_disk / "card.md"
    doc.write_bytes(RAW)
    filler = small_disk / "filler"
    with contextlib.suppress(OSError), open(filler, "wb") as handle:
        handle.write(b"x" * 64 * 1024)  # fills the disk
    with pytest.raises(WriteRefused, match="No space left on device"):
        replace_unchanged(str(doc), RAW, RAW + b"y" * 8192)
    assert doc.read_bytes() == RAW
    assert sorted(os.listdir(small_disk)) == ["card.md", "filler"]


# -- a write that only added to the body is kept under the edit ----------------------------

CARD = b"---\ntitle: a\n---\nbody\n"
EDITED = b"---\ntitle: a\nreviewed: [2026-01-01]\n---\nbody\n"
BODY_AT = (CARD.index(b"body"), EDITED.index(b"body"))


@pytest.mark.parametrize("leases", [True, False], ids=["lease", "rename"])
def test_lines_added_to_the_body_meanwhile_are_kept_under_the_edited_head(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, leases: bool
) -> None:
    if not leases:
        monkeypatch.setattr(safe_write, "_take_lease", lambda fd, path: False)
    doc = tmp_path / "card.md"
    doc.write_bytes(CARD + b"added by an editor\n")
    replace_unchanged(str(doc), CARD, EDITED, BODY_AT)
    assert doc.read_bytes() == EDITED + b"added by an editor\n"


@pytest.mark.parametrize(
    "on_disk",
    [
        CARD.replace(b"title: a", b"title: b") + b"more\n",  # the head changed too
        CARD[: CARD.index(b"body")] + b"new body\n",  # fine: only the body
    ],
    ids=["head-changed", "body-replaced"],
)
def test_only_a_change_confined_to_the_body_is_kept(tmp_path: Path, on_disk: bytes) -> None:
    doc = tmp_path / "card.md"
    doc.write_bytes(on_disk)
    if on_disk.startswith(CARD[: CARD.index(b"body")]):
        replace_unchanged(str(doc), CARD, EDITED, BODY_AT)
        assert doc.read_bytes() == EDITED[: EDITED.index(b"body")] + b"new body\n"
    else:
        with pytest.raises(ChangedOnDisk):
            replace_unchanged(str(doc), CARD, EDITED, BODY_AT)
        assert doc.read_bytes() == on_disk


def test_a_write_that_joins_the_closing_line_is_a_conflict(tmp_path: Path) -> None:
    """A card ending in ``---`` and a newline-less append would change what the head is."""
    card, edited = b"---\ntitle: a\n---", b"---\ntitle: a\nstatus: done\n---"
    doc = tmp_path / "card.md"
    doc.write_bytes(card + b"x")
    with pytest.raises(ChangedOnDisk):
        replace_unchanged(str(doc), card, edited, (len(card), len(edited)))
    assert doc.read_bytes() == card + b"x"


@pytest.mark.skipif(os.geteuid() != 0, reason="chown to another user needs root")
def test_without_leases_a_card_whose_owner_cannot_be_kept_is_refused(
    doc: Path, monkeypatch: pytest.MonkeyPatch, no_leases: None
) -> None:
    """A user editing a teammate's card: a new file would be theirs, not the teammate's."""
    os.chown(doc, 4321, 4322)

    def not_permitted(path: str, uid: int, gid: int) -> None:  # as for a user who is not root
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "chown", not_permitted)
    with pytest.raises(WriteRefused, match="a new file would change its owner"):
        replace_unchanged(str(doc), RAW, b"new")
    assert doc.read_bytes() == RAW and doc.stat().st_uid == 4321
    assert os.listdir(doc.parent) == ["card.md"]
