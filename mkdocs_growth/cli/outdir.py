"""Write generated files into ``--out DIR`` and nowhere else, so that any run can be repeated.

``generate`` is the one command that writes many files, often in CI and over
a folder the author also uses. What it guarantees (docs/threat-model.md says
the same for users):

- ``DIR`` (symlinks resolved) is not a file system root, the home folder or a
  folder above it, ``docs_dir``, a folder inside or above ``docs_dir``, or a
  folder holding the config file.
- Every path opened for writing — pages, their temporary files, the
  manifest — resolves inside ``DIR``; a symlink at a temporary or manifest
  path is refused, and files are never written through (only replaced).
- A file that exists is replaced or removed only if the manifest says this
  command wrote it and its content is unchanged since.
- Each file is written to ``<target>.tmp-growth`` in its own folder and
  renamed over the target, and the manifest names every file a run may leave
  behind *before* that run touches one. A run killed at any moment leaves
  only files the manifest accepts and temporary files, which the next run
  removes: it then succeeds with no cleanup by hand.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..core.problems import shown_path

MANIFEST = ".mkdocs-growth-generated.json"
TMP_SUFFIX = ".tmp-growth"
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
_CREATE |= getattr(os, "O_BINARY", 0)


class GenerateError(Exception):
    """The output folder cannot be written safely; the message says which file and why."""


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _within(path: str, folder: str) -> bool:
    """Whether ``path`` is ``folder`` or inside it (both absolute and resolved)."""
    return os.path.commonpath([path, folder]) == folder


def check_folder(out: str, docs_dir: str, config_file: str) -> str:
    """The resolved ``DIR``, or :class:`GenerateError` when it is no place to write into."""
    root = os.path.realpath(out)
    docs = os.path.realpath(docs_dir)
    config = os.path.realpath(config_file)
    home = os.path.expanduser("~")
    if _within(root, docs):
        raise GenerateError(
            f"{out}: is docs_dir or inside it; generate into another folder and lay it"
            " over a copy of docs_dir (see 'Publish' in the docs)"
        )
    refused = [
        (os.path.dirname(root) == root, "is the root of a file system"),
        (
            os.path.isabs(home) and _within(os.path.realpath(home), root),
            "is your home folder or a folder above it",
        ),
        (_within(docs, root), "contains docs_dir"),
        (_within(config, root), f"contains the config file {os.path.basename(config)}"),
    ]
    for hit, why in refused:
        if hit:
            raise GenerateError(f"{out}: {why}; generate into a folder of its own, such as build/")
    if os.path.lexists(root) and not os.path.isdir(root):
        raise GenerateError(f"{out}: exists and is not a folder")
    return root


def inside(root: str, rel: str) -> str:
    """Absolute target of ``rel`` under ``root``; refuses anything that resolves elsewhere."""
    parts = rel.split("/")
    if (
        not rel
        or rel.startswith("/")
        or "\\" in rel
        or ".." in parts
        or not rel.isprintable()  # NUL and newlines: no such file of ours
    ):
        raise GenerateError(f"{rel!r}: not a safe relative path")
    target = os.path.realpath(os.path.join(root, *parts))
    if not _within(target, root) or target == root:
        raise GenerateError(f"{rel}: resolves outside {root}")
    return target


def _regular(path: str) -> bool:
    return os.path.isfile(path) and not os.path.islink(path)


@dataclass(frozen=True)
class Manifest:
    """What earlier runs wrote: each path with every content a run may have left there."""

    files: Mapping[str, frozenset[str]]

    def accepts(self, rel: str, target: str) -> bool:
        """Whether ``target`` is a regular file holding content this command wrote for ``rel``."""
        known = self.files.get(rel)
        if not known or not _regular(target):
            return False
        with open(target, "rb") as handle:
            return digest(handle.read()) in known


def _manifest_path(root: str) -> str:
    path = os.path.join(root, MANIFEST)
    if os.path.lexists(path) and not _regular(path):
        raise GenerateError(f"{path}: the manifest is a symlink or not a file; remove it")
    return path


def read_manifest(root: str) -> Manifest:
    """The manifest in ``root``; an unusable one counts as none (every file is then foreign)."""
    path = _manifest_path(root)
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError, RecursionError):
        return Manifest({})
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, dict):
        return Manifest({})
    out: dict[str, frozenset[str]] = {}
    for rel, value in files.items():
        values = [value] if isinstance(value, str) else value
        if isinstance(rel, str) and isinstance(values, list):
            out[rel] = frozenset(v for v in values if isinstance(v, str))
    return Manifest(out)


def _leftovers(root: str) -> tuple[list[str], list[str]]:
    """Temporary files an interrupted run left under ``root``, and things in their way.

    Only ``generate`` names files ``*.tmp-growth``; a symlink or folder by
    that name is not ours and is reported, never followed or removed.
    """
    found, odd = [], []
    if not os.path.isdir(root):
        return found, odd
    for folder, dirs, files in os.walk(root, followlinks=False):
        for name in files + dirs:
            if name.endswith(TMP_SUFFIX):
                path = os.path.join(folder, name)
                (found if _regular(path) else odd).append(path)
    return found, odd


def _blocked(root: str, target: str) -> bool:
    """Whether a folder on the way to ``target`` exists as something other than a folder."""
    parent = os.path.dirname(target)
    while parent != root and len(parent) > len(root):
        if os.path.lexists(parent) and not os.path.isdir(parent):
            return True
        parent = os.path.dirname(parent)
    return False


@dataclass(frozen=True)
class Plan:
    """What one run writes and removes (every path checked before anything is touched)."""

    root: str
    writes: dict[str, tuple[str, bytes]]  # rel -> (absolute target, content)
    removes: dict[str, str]  # rel -> absolute target (stale files this command wrote)
    kept: list[str]  # stale files changed since: left alone
    leftovers: list[str]  # temporary files of an interrupted run
    manifest: Manifest


def plan(
    root: str, files: Iterable[tuple[str, bytes]], private: frozenset[str] = frozenset()
) -> Plan:
    """Check every path of a run under ``root`` (from :func:`check_folder`); write nothing.

    ``private``: pages of docs_dir that a public export must not find in ``DIR``
    (it is meant to be laid over a copy of docs_dir, which must leave them out).
    """
    copied = sorted(rel for rel in private if os.path.lexists(inside(root, rel)))
    if copied:
        shown = "\n  ".join(shown_path(os.path.join(root, rel)) for rel in copied)
        raise GenerateError(
            f"{len(copied)} private page(s) are in {root}, which a public export must not hold;"
            f" nothing was written. Delete them (or copy docs_dir without them):\n  {shown}"
        )
    manifest = read_manifest(root)
    leftovers, odd = _leftovers(root)  # the manifest's own temporary file included
    writes: dict[str, tuple[str, bytes]] = {}
    conflicts = [os.path.relpath(path, root) for path in odd]
    for rel, data in files:
        target = inside(root, rel)
        tmp = target + TMP_SUFFIX
        if os.path.lexists(tmp) and not _regular(tmp):
            conflicts.append(rel + TMP_SUFFIX)
        taken = os.path.lexists(target) and not manifest.accepts(rel, target)
        if taken or _blocked(root, target):
            conflicts.append(rel)
        writes[rel] = (target, data)
    if conflicts:
        shown = "\n  ".join(shown_path(os.path.join(root, c)) for c in sorted(set(conflicts)))
        raise GenerateError(
            f"{len(set(conflicts))} file(s) exist that generate did not write (or that were"
            " edited since); nothing was written. Move them away or pick another --out:"
            f"\n  {shown}"
        )
    removes, kept = {}, []
    for rel in manifest.files:
        if rel in writes:
            continue
        try:
            target = inside(root, rel)
        except GenerateError:
            continue  # a tampered manifest names nothing outside DIR
        if manifest.accepts(rel, target):
            removes[rel] = target
        elif os.path.lexists(target):
            kept.append(rel)
    return Plan(root, writes, removes, kept, leftovers, manifest)


def _write_file(root: str, target: str, data: bytes) -> None:
    """``data`` into ``target.tmp-growth`` (a new file, never a link), renamed over ``target``."""
    folder = os.path.dirname(target)
    os.makedirs(folder, exist_ok=True)
    if not _within(os.path.realpath(folder), root):  # swapped for a link since the plan
        raise GenerateError(f"{folder}: resolves outside {root}; nothing more written")
    tmp = target + TMP_SUFFIX
    try:
        fd = os.open(tmp, _CREATE, 0o666)
    except FileExistsError:
        raise GenerateError(f"{tmp}: appeared during the run; nothing more written") from None
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    except OSError:
        os.close(fd)
        os.remove(tmp)
        raise
    os.close(fd)
    os.replace(tmp, target)


def _holds(target: str, data: bytes) -> bool:
    """Whether ``target`` is a regular file with exactly ``data`` (the plan accepted it)."""
    if not _regular(target) or os.path.getsize(target) != len(data):
        return False
    with open(target, "rb") as handle:
        return handle.read() == data


def _write_manifest(root: str, files: Mapping[str, Iterable[str]]) -> None:
    entries: dict[str, str | list[str]] = {}
    for rel in sorted(files):
        known = sorted(set(files[rel]))
        entries[rel] = known[0] if len(known) == 1 else known
    manifest = {"generated_by": "mkdocs-growth generate", "files": entries}
    text = json.dumps(manifest, indent=1) + "\n"
    _write_file(root, _manifest_path(root), text.encode("utf-8"))


def apply(p: Plan) -> None:
    """Carry out a plan so that a kill between any two steps leaves a state the next run accepts.

    1. remove the temporary files of an interrupted run;
    2. manifest: every content each path may hold from now on (old or new);
    3. remove stale files, write each new file (temporary file, then rename);
    4. manifest: the new contents only.
    """
    os.makedirs(p.root, exist_ok=True)
    for path in p.leftovers:
        os.remove(path)
    new = {rel: digest(data) for rel, (_, data) in p.writes.items()}
    during: dict[str, set[str]] = {rel: set(p.manifest.files.get(rel, ())) for rel in p.removes}
    for rel, value in new.items():
        during[rel] = {value, *p.manifest.files.get(rel, ())}
    _write_manifest(p.root, during)
    for target in p.removes.values():
        if os.path.lexists(target):
            os.remove(target)
    for target, data in p.writes.values():
        if not _holds(target, data):  # unchanged files keep their mtime: watchers skip them
            _write_file(p.root, target, data)
    _write_manifest(p.root, {rel: [value] for rel, value in new.items()})
