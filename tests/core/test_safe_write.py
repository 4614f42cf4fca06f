"""Reading a document for an edit and writing it back in place (``core.safe_write``).

The command-level behaviour (exit codes, the refusal a user sees) is in
``tests/cli/test_cli_edit.py``; these pin the messages and the file-system
guarantees themselves: the temporary file's place and name, the exact bytes,
and that a refused write leaves everything as it was.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
from pathlib import Path

import pytest

from mkdocs_growth.core.safe_write import (
    ChangedOnDisk,
    WriteRefused,
    read_bytes,
    replace_unchanged,
)

# Not UTF-8, CRLF and a lone CR: bytes a text-mode read would change or refuse.
RAW = b"---\r\ntitle: caf\xe9\r\n---\rbody\n"
CHANGED = "{path} changed on disk since it was read; nothing was written (run the command again)"


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


def test_the_temporary_file_is_a_hidden_sibling_of_the_document(
    doc: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
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
    assert str(refused.value) == f"{doc}: cannot write: No space left on device"
    assert doc.read_bytes() == RAW
    assert os.listdir(doc.parent) == ["card.md"]
