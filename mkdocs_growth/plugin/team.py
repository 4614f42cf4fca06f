"""The team site in a build: read the members, add the team pages, publish the members' sites.

Called from a few lines in :mod:`.events`: :meth:`TeamPublisher.generated` in
``on_files`` (the team pages, as growth's other generated pages) and
:meth:`TeamPublisher.publish` in ``on_post_build``, after the search plugin
wrote its index: each member's site is copied unchanged under
``people/<id>/`` and its search index merged into the team's.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import stat
from collections.abc import Iterator
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files

from ..core.options import GrowthConfig
from ..site.context import SiteContext
from ..site.pages.team import TeamView, team_files, team_pages
from ..site.pages.team.common import TEAM, person_path
from ..site.pages.team.common import path as team_path
from ..team.members import SEARCH_INDEX
from ..team.model import PEOPLE, Member, Team
from ..team.read import member_problems, read_team, taken_ids, withhold_taken
from .insertion import Skeleton, skeleton
from .team_search import (
    SearchUnavailable,
    Source,
    executable,
    link_or_copy,
    page_documents,
    point_search_at_worker,
    private_cache,
)
from .team_search import write_index as write_pagefind_index

log = get_plugin_logger(__name__)

TEAM_HOME, TEAM_FEED = team_path("index.md"), team_path("feed.xml")


class TeamPublisher:
    """Per build: the team read in ``on_files``, published in ``on_post_build``."""

    def __init__(self) -> None:
        self.team: Team | None = None
        self.quiet: set[str] = set()  # pages kept out of the nav (people: the team home lists them)
        self.pagefind = False  # the header search asks a Pagefind index (team_search)

    def generated(
        self,
        growth: GrowthConfig,
        config_dir: str,
        config: MkDocsConfig,
        files: Files,
        ctx: SiteContext,
    ) -> list[tuple[str, Skeleton | str]]:
        """The team pages and files; warns (fails under strict) for every unavailable member."""
        self.team, self.quiet, self.pagefind = None, set(), False
        if growth.team is None:
            return []
        team = read_team(growth.team, config_dir)
        withhold_taken(team, taken_ids(f.dest_uri for f in files))
        problems = member_problems(team)
        for message in problems:
            log.warning(message)
        if problems and (growth.strict or config.strict):
            raise PluginError(
                f"team site: {len(problems)} problems with members (strict mode fails on any):\n  "
                + "\n  ".join(problems)
            )
        self.team = team
        self.pagefind = _pagefind_search(growth, config)
        view = TeamView(team, ctx.today)
        self.quiet = {person_path(m.id) for m in team.members}
        out: list[tuple[str, Skeleton | str]] = [
            (p.path, skeleton(p)) for p in team_pages(view, ctx)
        ]
        out += [(f.path, f.text) for f in team_files(view, ctx)]
        log.info(f"team site: {len(team.available)} of {len(team.members)} members published")
        return out

    def watch(self, server: Any, growth: GrowthConfig, config_dir: str) -> None:
        """``mkdocs serve`` rebuilds when a member's site changes (unchanged ones are not re-read)."""
        for member in growth.team.members if growth.team else ():
            folder = os.path.normpath(os.path.join(config_dir, member.site))
            if os.path.isdir(folder):
                server.watch(folder)

    def page_written(self, output: str, page_url: str) -> str:
        """A team site's page with Material's search box asking the Pagefind index."""
        if not self.pagefind:
            return output
        pointed = point_search_at_worker(output, page_url)
        if pointed is None:  # another theme took over this page: its search stays as it is
            log.warning(
                f"team site: {page_url or 'index'}: no Material search box to point at Pagefind"
            )
            return output
        return pointed

    def publish(self, config: MkDocsConfig) -> None:
        """Copy each member's site under ``people/<id>/`` and index or merge their search entries."""
        if self.team is None:
            return
        site_dir = os.path.abspath(config.site_dir)
        for member in self.team.available:
            copy_site(member, os.path.join(site_dir, PEOPLE, member.id))
        members = self.team.available
        full_text = len(members) <= self.team.spec.search_full_text_members
        if self.pagefind:
            index_search(site_dir, members, full_text)
        else:
            merge_search(site_dir, members, full_text)
        self.team = None


def _pagefind_search(growth: GrowthConfig, config: MkDocsConfig) -> bool:
    """Whether this build's header search asks Pagefind; says why not where it was asked for."""
    assert growth.team is not None
    if growth.team.search != "pagefind" or not any(
        name.rsplit("/", 1)[-1] == "search" for name in config.plugins
    ):
        return False  # merged by choice, or no search box at all
    theme = config.theme.name
    why = (
        f"theme {theme!r} has its own search box (Pagefind answers Material's)"
        if theme != "material"
        else None
        if executable()
        else "Pagefind is not installed here (pip install 'mkdocs-growth[team]')"
    )
    if why is None:
        return True
    message = f"team site: search: pagefind is not used: {why}; members' entries are merged into the search index instead"
    if growth.strict or config.strict:
        raise PluginError(message)
    log.warning(message)
    return False


def index_search(site_dir: str, members: list[Member], full_text: bool) -> None:
    """The team's and every member's pages in Pagefind's index; Material's own index emptied.

    Material's browser code still downloads ``search_index.json`` on every page:
    with the pages in Pagefind, it keeps only its settings. Without
    ``full_text`` the pages are found by title and heading, as in a merged index.
    """
    index_path = os.path.join(site_dir, *SEARCH_INDEX.split("/"))
    try:
        with open(index_path, encoding="utf-8") as handle:
            index = json.load(handle)
        docs, lang = index["docs"], index["config"]["lang"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise PluginError(f"team site: the search plugin's index could not be read: {exc}") from exc
    language = lang[0] if isinstance(lang, list) and lang and isinstance(lang[0], str) else "en"
    own = [e for e in (_checked(doc) for doc in docs if isinstance(doc, dict)) if e]
    if not full_text:
        own = _pages_with_headings(own, under=f"{TEAM}/")
    text = json.dumps(own, ensure_ascii=False)
    pages = functools.partial(page_documents, own, language)
    team = Source(
        hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest(),
        len(text),
        len(own),
        pages,
    )
    try:
        stats = write_pagefind_index(
            site_dir, team, _sources(members, full_text, language), language
        )
    except SearchUnavailable as exc:
        raise PluginError(f"team site: the search index could not be written: {exc}") from exc
    index["docs"] = []
    with open(index_path, "w", encoding="utf-8") as out:
        json.dump(index, out, ensure_ascii=False, separators=(",", ":"))
    found_by = "" if full_text else ", found by title and heading: search_full_text_members"
    log.info(
        f"team site: search index of the team and {len(members)} members{found_by}"
        f" (Pagefind: {stats.parts} parts, {stats.files} files, {stats.bytes / 1e6:.1f} MB)"
    )


def _sources(members: list[Member], full_text: bool, language: str) -> Iterator[Source]:
    """Each searchable member's pages for the index, made from their cached entries."""
    for member in members:
        if not member.searchable:
            continue
        fragment = member_fragment(member, full_text)
        key = f"{member.id}\0{member.digest}\0{'full' if full_text else 'headings'}"
        entries = json.loads(f"[{fragment}]")
        yield Source(
            key, len(fragment), len(entries), functools.partial(page_documents, entries, language)
        )


def _checked(
    doc: dict[str, Any], prefix: str = "", full_text: bool = True
) -> dict[str, Any] | None:
    """A search entry (a member's, or the team site's own) with its text made inert.

    None for a location that would leave its folder. ``prefix`` puts a
    member's location under ``people/<id>/``; without ``full_text`` the text is
    left out (a page's headings stand for it: :func:`_pages_with_headings`).
    """
    location = doc.get("location")
    if not isinstance(location, str) or not _inside(location):
        return None
    entry = {
        "location": prefix + location,
        "title": _inert(doc.get("title")),
        "text": _inert(doc.get("text")) if full_text else "",
    }
    if isinstance(doc.get("tags"), list):
        entry["tags"] = [_inert(t) for t in doc["tags"]]
    return entry


def copy_site(member: Member, target: str) -> None:
    """The member's files (listed and checked when read: no links) published under ``target``.

    Each file is hard-linked where the file system allows it (a team of 1,000
    members is gigabytes of files: docs/performance.md) and copied otherwise.
    A file already in place (a ``--dirty`` or serve rebuild) is kept; nothing is
    written outside ``target``.
    """
    made: set[str] = set()
    for rel in member.files:
        source = os.path.join(member.folder, *rel.split("/"))
        dest = os.path.join(target, *rel.split("/"))
        try:
            info = os.lstat(source)
            if not stat.S_ISREG(info.st_mode):
                raise OSError("is no longer a regular file (changed after it was read)")
            if _same(dest, info):
                continue
            folder = os.path.dirname(dest)
            if folder not in made:
                os.makedirs(folder, exist_ok=True)
                made.add(folder)
            _publish(source, dest)
        except OSError as exc:
            log.warning(f"team member {member.id}: {rel} not published: {exc}")


def _same(dest: str, info: os.stat_result) -> bool:
    try:
        there = os.lstat(dest)
    except OSError:
        return False
    return there.st_size == info.st_size and there.st_mtime_ns == info.st_mtime_ns


def _publish(source: str, dest: str) -> None:
    if os.path.lexists(dest):
        os.unlink(dest)  # never write through whatever is there (a link of another build)
    link_or_copy(source, dest)


def merge_search(site_dir: str, members: list[Member], full_text: bool = True) -> None:
    """Members' search entries added to the team's index, locations under ``people/<id>/``.

    Written one member at a time: the merged index of a large team is far
    bigger than any member's, and never sits in memory whole. Without
    ``full_text`` (a team past ``search_full_text_members``) a member's page,
    and a team page, is one entry: its title, its headings as its text
    (:func:`member_entries`); the team site's other pages keep their text.
    """
    index_path = os.path.join(site_dir, *SEARCH_INDEX.split("/"))
    try:
        with open(index_path, encoding="utf-8") as handle:
            index = json.load(handle)
    except (OSError, ValueError):
        return  # no search plugin (or not one that writes this file): nothing to merge into
    docs = index.get("docs") if isinstance(index, dict) else None
    if not isinstance(docs, list):
        return
    index.pop("index", None)  # a prebuilt lunr index would not know the merged entries
    if not full_text:  # the team pages list every member's documents: their headings will do
        docs = _pages_with_headings(docs, under=f"{TEAM}/")
    dump = functools.partial(json.dumps, ensure_ascii=False, separators=(",", ":"))
    head = {key: value for key, value in index.items() if key != "docs"}
    partial = index_path + ".growth-team"
    with open(partial, "w", encoding="utf-8") as out:
        out.write(dump(head)[:-1] + ("," if head else "") + '"docs":[')
        out.write(",".join(dump(entry) for entry in docs))
        empty = not docs
        for member in members:  # one at a time
            fragment = member_fragment(member, full_text) if member.searchable else ""
            if fragment:
                out.write(("" if empty else ",") + fragment)
                empty = False
        out.write("]}")
        size = out.tell()
    os.replace(partial, index_path)
    found_by = "" if full_text else " (found by title and heading: search_full_text_members)"
    log.info(
        f"team site: search index with {len(members)} members' pages{found_by}: {size / 1e6:.1f} MB"
    )


def member_fragment(member: Member, full_text: bool = True) -> str:
    """The member's entries as JSON list items, from the cache while their site is unchanged.

    The cache (in the system's temporary folder) holds what the team site
    publishes anyway; a rebuild after one member changed re-reads only theirs.
    """
    folder = private_cache("entries")
    key = hashlib.sha256(f"{member.folder}\0{member.id}".encode("utf-8", "surrogateescape"))
    dump = functools.partial(json.dumps, ensure_ascii=False, separators=(",", ":"))
    if folder is None:  # no cache only this user can write (team_search.private_cache)
        return ",".join(dump(entry) for entry in member_entries(member, full_text))
    path = os.path.join(folder, key.hexdigest()[:32] + ".json")
    stamp = f"{member.digest} {'full' if full_text else 'headings'}"  # what the fragment holds
    try:
        with open(path, encoding="utf-8") as handle:
            if handle.readline().rstrip("\n") == stamp:
                return handle.read()
    except (OSError, UnicodeDecodeError):
        pass
    fragment = ",".join(dump(entry) for entry in member_entries(member, full_text))
    try:
        partial = f"{path}.{os.getpid()}"
        with open(partial, "w", encoding="utf-8") as handle:
            handle.write(f"{stamp}\n{fragment}")
        os.replace(partial, path)
    except OSError:
        pass  # no cache: the next build reads the member's index again
    return fragment


def member_entries(member: Member, full_text: bool = True) -> list[dict[str, Any]]:
    """The member's search entries, checked: text escaped, locations kept inside their folder.

    Without ``full_text``: one entry per page, its title, and the titles of its
    sections (its headings) as its text.
    """
    path = os.path.join(member.folder, *SEARCH_INDEX.split("/"))
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError) as exc:
        log.warning(f"team member {member.id}: search index not merged: {exc}")
        return []
    docs = data.get("docs") if isinstance(data, dict) else None
    out = []
    for doc in docs if isinstance(docs, list) else ():
        if not isinstance(doc, dict):
            continue
        entry = _checked(doc, member.prefix, full_text)
        if entry is not None:
            out.append(entry)
    return out if full_text else _pages_with_headings(out)


def _pages_with_headings(entries: list[dict[str, Any]], under: str = "") -> list[dict[str, Any]]:
    """Each page's entry (of those ``under`` a folder) with its sections' titles as its text.

    Entries of other pages, and a section of no page, stay as they are.
    """
    pages: dict[str, dict[str, Any]] = {}
    headings: dict[str, list[str]] = {}
    kept = []
    for entry in entries:
        page, section, _ = entry["location"].partition("#")
        if not page.startswith(under):
            kept.append(entry)
            continue
        if section and page in pages:
            headings[page].append(entry["title"])
            continue
        if not section:
            pages[page], headings[page] = entry, []
        kept.append(entry)
    for page, titles in headings.items():
        pages[page]["text"] = " · ".join(dict.fromkeys(t for t in titles if t))
    return kept


def _inside(location: str) -> bool:
    """A relative location that stays in the member's folder (browsers read ``\\`` as ``/``)."""
    path = location.split("#", 1)[0].replace("\\", "/")
    head = path.split("/", 1)[0]
    return not (
        ":" in head
        or path.startswith("/")
        or ".." in path.split("/")
        or any(ord(c) < 32 for c in location)
    )


# Tags Material's search keeps in an entry's text, written exactly so (no attributes): they are
# inert. Any other tag of a member's index is dropped and every other `<` or `>` escaped, so
# the result list (which Material fills as HTML) shows member text, never runs it.
_KEPT_TAGS = frozenset(
    f"<{end}{name}>"
    for name in ("p", "code", "em", "strong", "pre", "ul", "ol", "li", "br", "b", "i")
    for end in ("", "/")
)
_TAG = re.compile(r"(<[^<>]*>)")


def _inert(value: object) -> str:
    """A member's search text with only :data:`_KEPT_TAGS` left as markup."""
    if not isinstance(value, str):
        return ""
    if "<" not in value and ">" not in value:
        return value
    out = []
    for n, piece in enumerate(_TAG.split(value)):
        if n % 2:  # a tag
            if piece in _KEPT_TAGS:
                out.append(piece)
        else:
            out.append(piece.replace("<", "&lt;").replace(">", "&gt;"))
    return "".join(out)
