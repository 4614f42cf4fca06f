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
  command wrote it and its content is unchanged since. Two exceptions, because
  the alternative leaks: a public run replaces or removes every file the
  manifest lists from a run for another audience (or of an unknown one), and
  removes every listed file it no longer generates (a page made private),
  edited since or not (a formatter in pre-commit touches pages), naming the
  edited ones.
- Each file is written to ``<target>.tmp-growth`` in its own folder and
  renamed over the target, and the manifest names every file a run may leave
  behind *before* that run touches one. A run killed at any moment leaves
  only files the manifest accepts and temporary files, which the next run
  removes: it then succeeds with no cleanup by hand.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..core.problems import shown_path

MANIFEST = ".mkdocs-growth-generated.json"
TMP_SUFFIX = ".tmp-growth"
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
_CREATE |= getattr(os, "O_BINARY", 0)


class GenerateError(Exception):
    """The output folder cannot be written safely; the message says which file and why."""


class Interrupted(KeyboardInterrupt):
    """Ctrl-C while a run was changing the output folder: the message says what state it is in."""


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


def _shown_private(root: str, rel: str) -> str:
    """A private page found in DIR; one reached through a link says so (deleting it there
    would delete the original)."""
    path = os.path.join(root, *rel.split("/"))
    if _within(os.path.realpath(path), root):
        return shown_path(path)
    return (
        f"{shown_path(path)} (through a symbolic link out of {shown_path(root)}: replace the"
        " link with a copy first, or deleting it deletes the original)"
    )


def _regular(path: str) -> bool:
    return os.path.isfile(path) and not os.path.islink(path)


PUBLIC = "public"


@dataclass(frozen=True)
class Manifest:
    """What earlier runs wrote: each path with every content a run may have left there.

    ``audience``: the audience every one of those files was generated for;
    ``None`` when unknown (an older manifest, or a run interrupted while it
    changed the folder's audience).
    """

    files: Mapping[str, frozenset[str]]
    audience: str | None = None

    def lists(self, rel: str, target: str) -> bool:
        """Whether ``target`` is a regular file at a path this command wrote, whatever it holds."""
        return rel in self.files and _regular(target)

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
    audience = data.get("audience")
    return Manifest(out, audience if isinstance(audience, str) else None)


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
    audience: str | None = None  # what this run generates for, recorded in the manifest
    taken_over: list[str] = field(default_factory=list)  # edited, but another audience's
    withdrawn: list[str] = field(default_factory=list)  # edited, but no longer public


def takes_over(audience: str | None, manifest: Manifest) -> bool:
    """A public run over files of another (or an unknown) audience: none of them may stay."""
    return audience == PUBLIC and manifest.audience != PUBLIC


def plan(
    root: str,
    files: Iterable[tuple[str, bytes]],
    private: frozenset[str] = frozenset(),
    audience: str | None = None,
) -> Plan:
    """Check every path of a run under ``root`` (from :func:`check_folder`); write nothing.

    ``private``: pages of docs_dir that a public export must not find in ``DIR``
    (it is meant to be laid over a copy of docs_dir, which must leave them out).
    ``audience``: what this run generates for; a public run over another
    audience's files takes them all over (the module docstring says why).
    """
    # A plain build of DIR follows symbolic links, as MkDocs does: a private page reached
    # through a linked folder is in DIR too. Looked up, never written: no `inside` here.
    copied = sorted(rel for rel in private if os.path.lexists(os.path.join(root, *rel.split("/"))))
    if copied:
        shown = "\n  ".join(_shown_private(root, rel) for rel in copied)
        raise GenerateError(
            f"{len(copied)} private page(s) are in {root}, which a public export must not hold;"
            f" nothing was written. Delete them (or copy docs_dir without them):\n  {shown}"
        )
    manifest = read_manifest(root)
    taken_over: list[str] = []  # edited since, but generated for another audience

    def ours(rel: str, target: str) -> bool:
        if manifest.accepts(rel, target):
            return True
        if takes_over(audience, manifest) and manifest.lists(rel, target):
            taken_over.append(rel)
            return True
        return False

    leftovers, odd = _leftovers(root)  # the manifest's own temporary file included
    writes: dict[str, tuple[str, bytes]] = {}
    conflicts = [os.path.relpath(path, root) for path in odd]
    for rel, data in files:
        target = inside(root, rel)
        tmp = target + TMP_SUFFIX
        if os.path.lexists(tmp) and not _regular(tmp):
            conflicts.append(rel + TMP_SUFFIX)
        taken = os.path.lexists(target) and not ours(rel, target)
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
    removes, kept, withdrawn = {}, [], []
    for rel in manifest.files:
        if rel in writes:
            continue
        try:
            target = inside(root, rel)
        except GenerateError:
            continue  # a tampered manifest names nothing outside DIR
        if ours(rel, target):
            removes[rel] = target
        elif audience == PUBLIC and manifest.lists(rel, target):
            removes[rel] = target  # no longer public (made private, deleted): edited or not
            withdrawn.append(rel)
        elif os.path.lexists(target):
            kept.append(rel)
    return Plan(
        root,
        writes,
        removes,
        kept,
        leftovers,
        manifest,
        audience,
        sorted(taken_over),
        sorted(withdrawn),
    )


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
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except OSError as exc:
        _discard(tmp)
        raise OSError(exc.errno, exc.strerror, target) from None  # name the file
    except KeyboardInterrupt:  # half a page is of no use to anyone (a kill leaves it)
        _discard(tmp)
        raise


def _holds(target: str, data: bytes) -> bool:
    """Whether ``target`` is a regular file with exactly ``data`` (the plan accepted it)."""
    if not _regular(target) or os.path.getsize(target) != len(data):
        return False
    with open(target, "rb") as handle:
        return handle.read() == data


def _discard(tmp: str) -> None:
    """Remove a temporary file of this run, if it is still there (the next run would)."""
    with contextlib.suppress(OSError):
        os.remove(tmp)


def _write_manifest(
    root: str, files: Mapping[str, Iterable[str]], audience: str | None, *, complete: bool
) -> None:
    """The manifest; ``complete`` is false while a run is under way (and after it failed)."""
    entries: dict[str, str | list[str]] = {}
    for rel in sorted(files):
        known = sorted(set(files[rel]))
        entries[rel] = known[0] if len(known) == 1 else known
    manifest = {
        "generated_by": "mkdocs-growth generate",
        "audience": audience,
        "complete": complete,
        "files": entries,
    }
    text = json.dumps(manifest, indent=1) + "\n"
    _write_file(root, _manifest_path(root), text.encode("utf-8"))


def apply(p: Plan) -> None:
    """Carry out a plan so that a kill between any two steps leaves a state the next run accepts.

    1. remove the temporary files of an interrupted run;
    2. manifest: every content each path may hold from now on (old or new), not
       complete, and of no known audience when the run changes it;
    3. remove stale files, write each new file (temporary file, then rename);
    4. manifest: the new contents only, complete, of this run's audience.

    The system refusing a write (a full disk, a read-only or virtual file
    system) is a :class:`GenerateError` that says whether anything changed.
    """
    started = False
    try:
        os.makedirs(p.root, exist_ok=True)
        for path in p.leftovers:
            os.remove(path)
        new = {rel: digest(data) for rel, (_, data) in p.writes.items()}
        during: dict[str, set[str]] = {rel: set(p.manifest.files.get(rel, ())) for rel in p.removes}
        for rel, value in new.items():
            during[rel] = {value, *p.manifest.files.get(rel, ())}
        mixed = p.audience if p.manifest.audience == p.audience else None
        _write_manifest(p.root, during, mixed, complete=False)
        started = True
        for target in p.removes.values():
            if os.path.lexists(target):
                os.remove(target)
        for target, data in p.writes.values():
            if not _holds(target, data):  # unchanged files keep their mtime: watchers skip them
                _write_file(p.root, target, data)
        final = {rel: [value] for rel, value in new.items()}
        _write_manifest(p.root, final, p.audience, complete=True)
    except OSError as exc:
        raise GenerateError(system_refused(exc, p.root, started=started)) from None
    except KeyboardInterrupt:
        if started:
            raise Interrupted(
                f"interrupted: {shown_path(p.root)} is incomplete (its manifest says so);"
                " run generate again, which finishes the job"
            ) from None
        raise


def system_refused(exc: OSError, root: str, *, started: bool) -> str:
    """What the system refused, where, and what state ``root`` is left in."""
    where = shown_path(str(exc.filename or root))
    said = f"{where}: {exc.strerror or exc}"
    if not started:
        return f"{said}; no generated file was changed"
    return (
        f"{said}; {shown_path(root)} is incomplete (its manifest says so): fix this and run"
        " generate again, which finishes the job"
    )
