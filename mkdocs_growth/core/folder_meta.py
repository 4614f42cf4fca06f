"""Folder defaults: Material's meta plugin files (``.meta.yml``), read as it reads them.

Material's ``meta`` plugin merges every meta file whose folder is a prefix of a
page's path into that page's metadata, in the order MkDocs lists the files,
the page's own front matter last. A ``visibility: private`` written there makes
the pages below private, so growth must know it before it decides what a
public site publishes. Only what growth needs is taken: the ``visibility``
they set (and the keys that misspell it, see practice.audience). Growth
honours it whether or not the meta plugin is enabled: the file says what the
author wants, and a public site fails closed.

The plugin hands in the meta files MkDocs found; without them the folder is
walked as MkDocs walks it (symbolic links to folders followed).
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from . import safeyaml
from .frontmatter import normalize
from .options import Limits
from .problems import Problem, error

META_FILE = ".meta.yml"  # the meta plugin's default `meta_file`


@dataclass(frozen=True)
class FolderMeta:
    """One meta file: its docs-relative path and its mapping (None: it cannot be read)."""

    path: str
    data: dict[str, Any] | None
    problem: Problem | None = None

    def applies_to(self, page: str) -> bool:
        """Material's rule, as written: the page's path starts with the file's folder."""
        return page.startswith(posixpath.dirname(self.path))


def find_meta_files(docs_dir: str, name: str = META_FILE) -> Iterator[str]:
    """Docs-relative paths of the meta files under ``docs_dir``, in MkDocs' order.

    MkDocs lists a folder's files before its subfolders, sorted, and follows
    symbolic links to folders; a link back up is visited once.
    """
    seen: set[str] = set()
    for root, dirs, files in os.walk(docs_dir, followlinks=True):
        real = os.path.realpath(root)
        if real in seen:
            dirs[:] = []
            continue
        seen.add(real)
        dirs.sort()
        rel_root = os.path.relpath(root, docs_dir)
        if name in files:
            rel = name if rel_root == "." else f"{rel_root}/{name}"
            yield rel.replace(os.sep, "/")


def read_meta_files(docs_dir: str, paths: Iterable[str], limits: Limits) -> list[FolderMeta]:
    """Each meta file read with growth's safe YAML loader; any it cannot read is an error."""
    out = []
    for rel in paths:
        full = os.path.join(docs_dir, *rel.split("/"))
        try:
            if os.path.getsize(full) > limits.max_file_bytes:
                raise _Unreadable(0, f"over the {limits.max_file_bytes:,}-byte limit")
            with open(full, "rb") as handle:
                text = normalize(handle.read(limits.max_file_bytes + 1).decode("utf-8"))
            data = safeyaml.load(text, lines=False).data if text.strip() else {}
            if data is None:
                data = {}
            if not isinstance(data, dict):
                raise _Unreadable(1, "must be a mapping of 'key: value'")
        except _Unreadable as exc:
            out.append(_unreadable(rel, exc.line, exc.reason))
        except safeyaml.YamlError as exc:
            out.append(_unreadable(rel, exc.line, exc.message))
        except UnicodeDecodeError:
            out.append(_unreadable(rel, 0, "not valid UTF-8"))
        except OSError as exc:
            out.append(_unreadable(rel, 0, f"cannot read file: {exc.strerror}"))
        else:
            out.append(FolderMeta(rel, data))
    return out


class _Unreadable(Exception):
    def __init__(self, line: int, reason: str) -> None:
        super().__init__(reason)
        self.line, self.reason = line, reason


def _unreadable(path: str, line: int, reason: str) -> FolderMeta:
    message = (
        f"folder metadata (Material's meta plugin) cannot be read: {reason};"
        " a public build leaves out every page below it, as their visibility is unknown"
    )
    return FolderMeta(path, None, error(path, line, message))


def covering(page: str, metas: Iterable[FolderMeta]) -> list[FolderMeta]:
    """The meta files that apply to ``page``, in the order they are merged (last wins)."""
    return [meta for meta in metas if meta.applies_to(page)]
