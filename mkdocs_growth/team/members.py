"""Read and check one member's published site: the folder their own build wrote.

Only what the member published is read: ``growth.json`` at the root of the
site (the documents, their URLs, a few options) and the list of its files.
Anything the team site cannot publish safely makes the member *unavailable*
with a reason, never a crash: no folder, a symbolic link or special file
anywhere in it, a missing, oversized, corrupt or unknown-format
``growth.json``, or a site built for ``audience: internal``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import posixpath
import stat
from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote

from ..core.options import TeamMemberSpec
from .model import Member, MemberDoc, Unavailable

GROWTH_JSON = "growth.json"
FORMAT = 1  # the growth.json layout this version reads (site/files/growth_json.py)
SEARCH_INDEX = "search/search_index.json"
MAX_TEXT = 2_000  # a title or note longer than this is cut: the team pages list, not quote
EVIDENCE_TYPES = ("card", "note", "decision", "talk", "playbook", "retro")


class Refused(Exception):
    """The member's site cannot be published; the message says why."""


def read_member(
    spec: TeamMemberSpec,
    config_dir: str,
    max_json_bytes: int,
    known: dict[str, Member] | None = None,
) -> Member | Unavailable:
    """The member's site, or why it is unavailable.

    ``known`` maps a member id and folder to the member read from it in an earlier build:
    when the content hash has not changed, that reading is reused.
    """
    folder = os.path.normpath(os.path.join(config_dir, spec.site))
    try:
        files, digest = _listing(folder, spec.site, max_json_bytes)
        key = f"{spec.id}\0{folder}"
        cached = (known or {}).get(key)
        if cached is not None and cached.digest == digest:
            cached.spec = spec  # the name may have changed in mkdocs.yml
            return cached
        data = _growth_json(folder)
        member = Member(spec=spec, folder=folder, digest=digest, files=tuple(files))
        _read_site(member, data, set(files))
    except Refused as exc:
        return Unavailable(spec, str(exc))
    if known is not None:
        known[f"{spec.id}\0{folder}"] = member
    return member


def _listing(folder: str, shown: str, max_json_bytes: int) -> tuple[list[str], str]:
    """Every file of the site (relative POSIX paths, sorted) and the site's content hash."""
    try:
        info = os.lstat(folder)
    except OSError:
        raise Refused(f"no site at {shown} (build the member's site there first)") from None
    if stat.S_ISLNK(info.st_mode):
        raise Refused("its site folder is a symbolic link (refused: it could lead anywhere)")
    if not stat.S_ISDIR(info.st_mode):
        raise Refused(f"{shown} is not a folder (expected the member's built site)")
    files: list[tuple[str, int, int]] = []
    for rel, entry in _walk(folder, ""):
        files.append((rel, entry.st_size, entry.st_mtime_ns))
    files.sort()
    names = [rel for rel, _, _ in files]
    sizes = dict((rel, size) for rel, size, _ in files)
    if GROWTH_JSON not in sizes:
        raise Refused(
            f"no {GROWTH_JSON} at the root of {shown} (is it a growth site, built with mkdocs-growth?)"
        )
    if sizes[GROWTH_JSON] > max_json_bytes:
        raise Refused(
            f"{GROWTH_JSON} is {sizes[GROWTH_JSON]:,} bytes, over the limit of"
            f" {max_json_bytes:,} (team option max_json_bytes)"
        )
    digest = hashlib.sha256()
    for rel, size, mtime in files:
        digest.update(f"{rel}\0{size}\0{mtime}\n".encode("utf-8", "surrogateescape"))
    with open(os.path.join(folder, GROWTH_JSON), "rb") as handle:
        digest.update(handle.read())
    return names, digest.hexdigest()


def _walk(folder: str, prefix: str) -> Iterator[tuple[str, os.stat_result]]:
    """Regular files under ``folder``; a symbolic link or special file refuses the site."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        raise Refused(f"cannot read {prefix or 'its site folder'}: {exc.strerror}") from None
    for entry in entries:
        rel = f"{prefix}{entry.name}"
        if rel == ".git":  # a checkout of the member's site branch: history is not the site
            continue
        if "\\" in entry.name or entry.name in (".", ".."):
            raise Refused(f"{rel!r}: a file name the team site cannot publish")
        if entry.is_symlink():
            raise Refused(f"{rel} is a symbolic link (refused: a site may hold only its own files)")
        info = entry.stat(follow_symlinks=False)
        if stat.S_ISDIR(info.st_mode):
            yield from _walk(entry.path, f"{rel}/")
        elif stat.S_ISREG(info.st_mode):
            yield rel, info
        else:
            raise Refused(f"{rel} is not a regular file")


def _growth_json(folder: str) -> dict[str, Any]:
    path = os.path.join(folder, GROWTH_JSON)
    try:
        with open(path, "rb") as handle:
            data = json.loads(handle.read().decode("utf-8"))
    except UnicodeDecodeError:
        raise Refused(f"{GROWTH_JSON} is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise Refused(
            f"{GROWTH_JSON} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    except (OSError, RecursionError) as exc:
        raise Refused(f"{GROWTH_JSON} cannot be read: {exc}") from None
    if not isinstance(data, dict):
        raise Refused(f"{GROWTH_JSON} is not a JSON object")
    if data.get("format") != FORMAT:
        raise Refused(
            f"{GROWTH_JSON} has format {data.get('format')!r:.20}; this version of"
            f" mkdocs-growth reads format {FORMAT} (rebuild the member's site with it)"
        )
    config = data.get("config")
    audience = config.get("audience") if isinstance(config, dict) else None
    if audience != "public":
        raise Refused(
            f"its site was built for audience {audience!r:.30}; a team site publishes only"
            " sites built with audience: public (GROWTH_AUDIENCE=public mkdocs build)"
        )
    return data


def _read_site(member: Member, data: dict[str, Any], files: set[str]) -> None:
    config = data["config"]
    member.north_star = _text(config.get("north_star"))
    member.horizons = tuple(_horizons(config.get("horizons")))
    member.searchable = SEARCH_INDEX in files
    if not member.searchable:
        member.notes.append(
            f"no {SEARCH_INDEX} in the site (built without the search plugin?):"
            " its pages are not in the team's search"
        )
    member.themes = _themes(data.get("competencies"))
    documents = data.get("documents")
    if not isinstance(documents, list):
        raise Refused(f"{GROWTH_JSON} has no list of documents")
    skipped: list[str] = []
    for n, item in enumerate(documents, 1):
        try:
            member.documents.append(_document(item, files))
        except ValueError as exc:
            skipped.append(f"document #{n}: {exc}")
    if skipped:
        more = f" (and {len(skipped) - 1} more)" if len(skipped) > 1 else ""
        member.notes.append(f"{len(skipped)} documents left out: {skipped[0]}{more}")


def _document(item: object, files: set[str]) -> MemberDoc:
    """One document of growth.json, checked field by field (member text is data)."""
    if not isinstance(item, dict):
        raise ValueError("not an object")
    kind = item.get("type")
    if kind not in EVIDENCE_TYPES:
        raise ValueError(f"unknown type {kind!r:.30}")
    title = _text(item.get("title"))
    doc_id = item.get("id")
    if not title or not isinstance(doc_id, str) or not doc_id:
        raise ValueError("no id or title")
    url = _page_url(item.get("url"), files)
    milestones = []
    for milestone in item.get("milestones") or ():
        if isinstance(milestone, dict) and _text(milestone.get("title")):
            milestones.append((_text(milestone["title"]) or "", str(milestone.get("status"))))
    request = item.get("review_request")
    request = request if isinstance(request, dict) else {}
    return MemberDoc(
        type=kind,
        id=doc_id[:200],
        title=title,
        url=url,
        date=_date(item.get("date")),
        domain=_slug(item.get("domain")),
        horizon=_slug(item.get("horizon"), lower=False),
        status=_text(item.get("status")),
        tags=_texts(item.get("tags")),
        concepts=_texts(item.get("concepts")),
        card=_slug(item.get("card")),
        goal=_text(item.get("goal")),
        milestones=tuple(milestones),
        review_date=_date(request.get("date")),
        review_note=_text(request.get("note")),
    )


def _themes(value: object) -> dict[str, int] | None:
    """Evidence per framework theme, from the ``competencies`` a member chose to publish."""
    themes = value.get("themes") if isinstance(value, dict) else None
    if not isinstance(themes, list):
        return None
    out: dict[str, int] = {}
    for theme in themes:
        name = _text(theme.get("name") or theme.get("id")) if isinstance(theme, dict) else None
        if not name:
            continue
        paths = set()
        for competency in theme.get("competencies") or ():
            for item in (competency.get("evidence") or ()) if isinstance(competency, dict) else ():
                if isinstance(item, dict) and isinstance(item.get("path"), str):
                    paths.add(item["path"])
        out[name[:100]] = len(paths)
    return out


def _page_url(value: object, files: set[str]) -> str:
    """The document's page, relative to the member's site: it must stay inside and exist."""
    if not isinstance(value, str) or not value:
        raise ValueError("no url")
    url = unquote(value)
    head = url.split("/", 1)[0]
    if ":" in head or url.startswith("/") or "\\" in url or any(ord(c) < 32 for c in url):
        raise ValueError(f"url {value!r:.60} is not a path inside the site")
    if ".." in url.split("/") or "?" in url or "#" in url:
        raise ValueError(f"url {value!r:.60} is not a path inside the site")
    target = url + "index.html" if url.endswith("/") or url in ("", ".") else url
    if posixpath.normpath(target) not in files:
        raise ValueError(f"url {value!r:.60}: no such page in the site")
    return url


def _horizons(value: object) -> Iterator[tuple[str, dt.date, dt.date]]:
    for item in value if isinstance(value, list) else ():
        if not isinstance(item, dict):
            continue
        start, end, hid = _date(item.get("start")), _date(item.get("end")), item.get("id")
        if start and end and isinstance(hid, str):
            yield hid[:100], start, end


def _text(value: object) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    return value[:MAX_TEXT]


def _texts(value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(t for t in (_text(v) for v in value[:500]) if t)


def _slug(value: object, lower: bool = True) -> str | None:
    if not isinstance(value, str) or not value or len(value) > 100:
        return None
    allowed = "abcdefghijklmnopqrstuvwxyz0123456789-" + (
        "" if lower else "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    )
    return value if all(c in allowed for c in value) else None


def _date(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
