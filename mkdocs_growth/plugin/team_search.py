"""The team site's header search, answered by a Pagefind index instead of one merged lunr index.

Material's search downloads its whole index and builds a lunr index from it
in every reader's browser; for a team of hundreds that never finishes
(docs/performance.md). Pagefind splits its index into small files and a
query fetches only the ones it needs. The index is made here from the same
search entries the members' own builds published (never from their Markdown),
and Material's search box asks it through a worker of ours that speaks
Material's worker protocol (Material's documented way to replace its search).
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import json
import os
import re
import shutil
import stat
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Any

from mkdocs.utils import get_relative_url

PAGEFIND = "search/pagefind"  # the index, beside the search plugin's own file
WORKER = "search/growth-team-search.js"  # Material's search worker, answered by Pagefind
PARTS = "parts.json"  # in PAGEFIND: the parts of the index, which the worker merges
SHARD_BYTES, SHARD_ENTRIES = 4_000_000, 10_000  # per part: Pagefind's memory (docs/performance.md)
_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


class SearchUnavailable(Exception):
    """Pagefind cannot index here (no binary for this platform, or it failed)."""


@dataclass(frozen=True)
class IndexStats:
    parts: int
    files: int
    bytes: int


def private_cache(*names: str) -> str | None:
    """A folder of growth's cache in the system's temporary folder, if only this user can write it.

    The temporary folder may be shared with other users: a cache another user
    could write would let them put their own script into the published site.
    None (no cache: everything is made again) when the folder is not this
    user's own, or is a link, or others may write it.
    """
    root = os.path.join(tempfile.gettempdir(), "mkdocs-growth-team-search")
    try:
        os.makedirs(root, mode=0o700, exist_ok=True)
        info = os.lstat(root)
    except OSError:
        return None
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o022:
        return None
    folder = os.path.join(root, *names)
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
    except OSError:
        return None
    return folder


def executable() -> str | None:
    """The Pagefind binary of the ``team`` extra (``pagefind[bin]``), if it is installed."""
    try:
        from pagefind.service import get_executable
    except ImportError:
        return None
    found = get_executable()
    return str(found) if found and os.path.isfile(found) else None


def page_documents(entries: Iterable[dict[str, Any]], language: str) -> Iterator[tuple[str, str]]:
    """One small HTML document per page, from its search entries: (url, html).

    A page's entry gives its title and opening text; each section's entry
    (``page/#anchor``) becomes a heading with that anchor, so Pagefind finds
    sections and links to them as Material's search does. The entries' text is
    already checked (only inert tags: :func:`.team.member_entries`).
    """
    pages: dict[str, list[str]] = {}
    for entry in entries:
        page, _, anchor = entry["location"].partition("#")
        parts = pages.setdefault(page, [])
        if anchor:
            parts.append(f'<h2 id="{html.escape(anchor)}">{entry["title"]}</h2>{entry["text"]}')
        else:
            parts.insert(0, f"<h1>{entry['title']}</h1>{entry['text']}")
    head = f'<html lang="{html.escape(language)}"><body>'
    for page, parts in pages.items():
        yield page, head + "".join(parts) + "</body></html>"


@dataclass(frozen=True)
class Source:
    """Pages that change together (the team's own, or one member's), indexed as a unit.

    ``key`` names what the pages are made from (a member's content hash), so a
    part of the index made from the same sources is taken from the cache.
    """

    key: str
    size: int  # bytes of search entries and
    entries: int  # their number: Pagefind's memory grows with both
    pages: Callable[[], Iterable[tuple[str, str]]]


def write_index(site_dir: str, own: Source, members: Iterable[Source], language: str) -> IndexStats:
    """The Pagefind index under :data:`PAGEFIND` in parts, and the worker beside it.

    Pagefind holds what it indexes in memory (about 30 times the text) and
    cannot add to an index, so the index is written in parts of at most
    :data:`SHARD_BYTES` or :data:`SHARD_ENTRIES`: the team's own pages, then members in their order.
    The browser merges the parts (Pagefind's ``mergeIndex``). A part made from
    unchanged members is taken from the cache, so a rebuild after one member
    changed indexes that member's part and the team's pages only.
    """
    binary = executable()
    if binary is None:
        raise SearchUnavailable(
            "Pagefind is not installed here (pip install 'mkdocs-growth[team]')"
        )
    with contextlib.ExitStack() as stack:
        cache = private_cache("pagefind") or stack.enter_context(
            tempfile.TemporaryDirectory(prefix="mkdocs-growth-parts-")
        )  # no cache of our own: parts made for this build only
        parts: list[str] = [_part([own], binary, cache, language)]
        batch: list[Source] = []
        for source in members:
            batch.append(source)
            if (
                sum(s.size for s in batch) >= SHARD_BYTES
                or sum(s.entries for s in batch) >= SHARD_ENTRIES
            ):
                parts.append(_part(batch, binary, cache, language))
                batch = []
        if batch:
            parts.append(_part(batch, binary, cache, language))
        target = os.path.join(site_dir, *PAGEFIND.split("/"))
        _publish_parts(cache, parts, target)
    worker = resources.files("mkdocs_growth.plugin").joinpath("team_search_worker.js")
    with open(os.path.join(site_dir, *WORKER.split("/")), "w", encoding="utf-8") as out:
        out.write(worker.read_text(encoding="utf-8"))
    files = size = 0
    for folder, _, names in os.walk(target):
        for name in names:
            files += 1
            size += os.path.getsize(os.path.join(folder, name))
    return IndexStats(len(parts), files, size)


def _part(sources: list[Source], binary: str, cache: str, language: str) -> str:
    """One part of the index, in the cache under its key (made now unless it is there)."""
    names = "\0".join(s.key for s in sources)
    key = hashlib.sha256(f"{language}\0{names}".encode("utf-8", "surrogateescape")).hexdigest()[:24]
    folder = os.path.join(cache, key)
    if os.path.isfile(os.path.join(folder, "pagefind.js")):
        os.utime(folder)  # in use: not evicted
        return key
    partial = f"{folder}.{os.getpid()}"
    shutil.rmtree(partial, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="mkdocs-growth-pagefind-") as scratch:
        for source in sources:
            for url, text in source.pages():
                name = url + "index.html" if url.endswith("/") or not url else url
                path = os.path.join(scratch, *name.split("/"))
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "w", encoding="utf-8") as out:
                    out.write(text)
        command = [binary, "--site", scratch, "--output-path", partial]
        command += ["--force-language", language, "--silent"]
        done = subprocess.run(
            command, capture_output=True, text=True, errors="replace", check=False
        )
    if done.returncode != 0 or not os.path.isfile(os.path.join(partial, "pagefind.js")):
        shutil.rmtree(partial, ignore_errors=True)
        raise SearchUnavailable(
            f"Pagefind failed ({done.returncode}): {done.stderr.strip()[-500:]}"
        )
    shutil.rmtree(folder, ignore_errors=True)
    os.replace(partial, folder)
    return key


def _publish_parts(cache: str, parts: list[str], target: str) -> None:
    """The parts under ``target`` (hard links where possible), their list, nothing else."""
    os.makedirs(target, exist_ok=True)
    for name in os.listdir(target):
        if name not in parts and name != PARTS:
            shutil.rmtree(os.path.join(target, name), ignore_errors=True)  # an earlier build's
    for key in parts:
        if not os.path.isdir(os.path.join(target, key)):
            shutil.copytree(
                os.path.join(cache, key), os.path.join(target, key), copy_function=link_or_copy
            )
    with open(os.path.join(target, PARTS), "w", encoding="utf-8") as out:
        json.dump(parts, out)
    for name in os.listdir(cache):  # parts no build used for a week
        path = os.path.join(cache, name)
        with contextlib.suppress(OSError):
            if time.time() - os.path.getmtime(path) > 7 * 86400:
                shutil.rmtree(path, ignore_errors=True)


def link_or_copy(source: str, dest: str) -> None:
    """``dest`` as a hard link to ``source`` where the file system allows it, a copy otherwise.

    Links themselves are never followed: a file of a member's site or of the
    cache is published as it is, never what a link in its place points to.
    """
    try:
        os.link(source, dest, follow_symlinks=False)
    except OSError:  # another file system, or links not allowed: a copy
        shutil.copy2(source, dest, follow_symlinks=False)


def point_search_at_worker(output: str, page_url: str) -> str | None:
    """The page with Material's search worker replaced by :data:`WORKER` (None: not Material).

    Material reads the worker's address from its ``__config`` JSON; only that
    value changes.
    """
    found = _CONFIG.search(output)
    if not found:
        return None
    try:
        config = json.loads(found[2])
    except ValueError:
        return None
    if not isinstance(config, dict) or not isinstance(config.get("search"), str):
        return None
    old = json.dumps(config["search"])
    if old not in found[2]:
        return None
    new = json.dumps(get_relative_url(WORKER, page_url))
    body = found[2].replace(old, new, 1)
    return output[: found.start(2)] + body + output[found.end(2) :]
