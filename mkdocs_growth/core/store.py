"""A growth store: every entry of a docs folder, validated together.

``load_store`` reads and checks the documents (the playbook's store-wide
rules are added by :func:`mkdocs_growth.practice.store.open_store`, which the
CLI and the plugin call); the plugin hands in the Markdown paths
MkDocs already found (so ``exclude_docs`` and friends are respected) through
``paths``. Entries are cached by path, mtime and size so ``mkdocs serve``
re-parses only the files that changed.
"""

from __future__ import annotations

import contextlib
import gc
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar

from .checks import check_store
from .folder_meta import FolderMeta, find_meta_files, read_meta_files
from .framework import Framework, LoadedFramework
from .model import Card, Decision, Document, Note, Playbook, Retro, Talk
from .options import GrowthConfig, Limits
from .parse import Entry, oversize, parse_entry
from .problems import Problem, error, sort_key

D = TypeVar("D", bound=Document)

_CacheKey = tuple[int, int, int, Limits]
_CACHE: dict[str, tuple[_CacheKey, Entry]] = {}


@dataclass
class Store:
    """Entries plus every problem; valid documents are the ones without errors."""

    config: GrowthConfig
    entries: list[Entry]
    problems: list[Problem] = field(default_factory=list)
    # The progression framework documents' `competencies` refer to (None: none, or invalid).
    framework: Framework | None = None
    # Card fields this store's documents do not carry: a public view leaves the
    # `private_fields` out (mkdocs_growth.practice.audience). Pages computed from
    # such a field are left out too, rather than shown as "none recorded".
    withheld: frozenset[str] = frozenset()
    # Material's meta plugin files (folder defaults such as `visibility: private`).
    folder_meta: tuple[FolderMeta, ...] = ()
    # What the layers above compute from the store once per build (priorities, ranks).
    derived: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def invalid_paths(self) -> frozenset[str]:
        return frozenset(p.path for p in self.problems if p.is_error)

    @cached_property
    def valid(self) -> list[Entry]:
        """Growth documents that may be indexed (no error anywhere in their file)."""
        return [e for e in self.entries if e.doc is not None and e.path not in self.invalid_paths]

    @cached_property
    def by_id(self) -> dict[str, Entry]:
        return {e.doc.id: e for e in self.valid}  # type: ignore[union-attr]

    @cached_property
    def by_path(self) -> dict[str, Entry]:
        return {e.path: e for e in self.entries}

    def of_type(self, model: type[D]) -> list[D]:
        return [e.doc for e in self.valid if isinstance(e.doc, model)]

    def path_of(self, doc: Document) -> str:
        return self.by_id[doc.id].path

    @cached_property
    def cards(self) -> list[Card]:
        return self.of_type(Card)

    @cached_property
    def notes(self) -> list[Note]:
        return self.of_type(Note)

    @cached_property
    def decisions(self) -> list[Decision]:
        return self.of_type(Decision)

    @cached_property
    def talks(self) -> list[Talk]:
        return self.of_type(Talk)

    @cached_property
    def playbooks(self) -> list[Playbook]:
        return self.of_type(Playbook)

    @cached_property
    def retros(self) -> list[Retro]:
        return self.of_type(Retro)

    def carries(self, *fields: str) -> bool:
        """Whether the cards of this store carry all of these fields (none withheld)."""
        return not self.withheld.intersection(fields)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error and not p.is_note]

    @property
    def problem_notes(self) -> list[Problem]:
        """Problems that are notes: worth knowing, never failing (an unknown key in the framework file)."""
        return [p for p in self.problems if p.is_note]


def build_store(
    entries: Iterable[Entry], config: GrowthConfig, framework: LoadedFramework | None = None
) -> Store:
    """Entries and the framework checked together; ``framework`` as ``open_framework`` loaded it."""
    if config.framework is not None and framework is None:
        raise ValueError("the 'framework' option is set: load it with open_framework first")
    entries = sorted(entries, key=lambda e: e.path)
    valid_framework = framework.framework if framework is not None else None
    problems = [p for e in entries for p in e.problems]
    problems += framework.problems if framework is not None else ()
    problems += check_store(entries, config, valid_framework)
    problems.sort(key=sort_key)
    return Store(config, entries, problems, valid_framework)


def read_entry(docs_dir: str, rel_path: str, limits: Limits) -> Entry:
    """Read and parse one file, reusing the cached entry when it has not changed."""
    full = os.path.join(docs_dir, *rel_path.split("/"))
    try:
        info = os.stat(full)
    except OSError as exc:
        return Entry(rel_path, problems=[error(rel_path, 0, f"cannot read file: {exc.strerror}")])
    if not stat.S_ISREG(info.st_mode):
        return Entry(rel_path, problems=[error(rel_path, 0, "not a regular file")])
    key = (info.st_mtime_ns, info.st_size, info.st_ino, limits)
    cached = _CACHE.get(full)
    if cached is not None and cached[0] == key:
        return cached[1]
    if info.st_size > limits.max_file_bytes:
        entry = oversize(rel_path, info.st_size, limits)
    else:
        try:
            with open(full, "rb") as handle:
                raw = handle.read(limits.max_file_bytes + 1)
        except OSError as exc:
            return Entry(
                rel_path, problems=[error(rel_path, 0, f"cannot read file: {exc.strerror}")]
            )
        entry = parse_entry(rel_path, raw, limits)
    _CACHE[full] = (key, entry)
    return entry


def walk_markdown(docs_dir: str) -> Iterator[str]:
    """``.md`` and ``.markdown`` files under ``docs_dir``, for callers without a config.

    Not MkDocs' rule (no ``exclude_docs``, ``draft_docs``, other extensions or
    symlinked folders): both front ends pass the pages MkDocs finds instead
    (:mod:`mkdocs_growth.discovery`).
    """
    for root, dirs, files in os.walk(docs_dir, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        rel_root = os.path.relpath(root, docs_dir)
        for name in sorted(files):
            if name.endswith((".md", ".markdown")) and not name.startswith("."):
                rel = name if rel_root == "." else f"{rel_root}/{name}"
                yield rel.replace(os.sep, "/")


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Hold the cyclic garbage collector while a store is read.

    Parsing thousands of documents allocates millions of small objects and no
    reference cycles; each collection would walk all of them again. Reference
    counting still frees everything; the collector resumes afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_store(
    docs_dir: str,
    config: GrowthConfig,
    paths: Iterable[str] | None = None,
    framework: LoadedFramework | None = None,
    meta_files: Iterable[str] | None = None,
    elsewhere: Iterable[Entry] = (),
) -> Store:
    """Read (or reuse from the cache) and validate every Markdown file of a store.

    ``paths`` are docs-relative, the pages MkDocs found (the front ends always pass
    them); without them, :func:`walk_markdown`'s rough walk.
    ``framework`` is the configured progression framework, as the front end loaded
    it with :func:`~.framework.open_framework` (it knows where mkdocs.yml is).
    ``meta_files`` are the docs-relative folder metadata files (Material's meta
    plugin) in MkDocs' order; without them the folder is searched for ``.meta.yml``.
    ``elsewhere`` are pages already parsed whose source is not in docs_dir (another
    MkDocs plugin added them); they are checked with the rest.
    """
    rel_paths = walk_markdown(docs_dir) if paths is None else paths
    metas = read_meta_files(
        docs_dir, find_meta_files(docs_dir) if meta_files is None else meta_files, config.limits
    )
    with paused_gc():
        entries = [read_entry(docs_dir, rel, config.limits) for rel in rel_paths]
        _forget_others(docs_dir, entries)
        store = build_store([*entries, *elsewhere], config, framework)
    store.folder_meta = tuple(metas)
    return store


def forget_cached_entries() -> None:
    """Empty the entry cache (it only pays off when the same process builds again)."""
    _CACHE.clear()


def _forget_others(docs_dir: str, entries: list[Entry]) -> None:
    """Drop cached entries of files under ``docs_dir`` that this read did not see.

    Deleted and renamed files would otherwise stay in memory for as long as
    ``mkdocs serve`` runs.
    """
    prefix = os.path.join(docs_dir, "")
    seen = {os.path.join(docs_dir, *e.path.split("/")) for e in entries}
    for key in [k for k in _CACHE if k.startswith(prefix) and k not in seen]:
        del _CACHE[key]
