"""Publishing audiences: what a public site may show, decided once, here.

``audience: internal`` publishes the store as it is. ``audience: public``
publishes :func:`public_view` of it instead: a store computed once per build
that every page, card header, file and export is built from, so no renderer
has to remember the rule.

- Pages with ``visibility: private`` are not in it, whether the page says so
  or a folder's ``.meta.yml`` does (Material's meta plugin, merged as it
  merges them: :mod:`mkdocs_growth.core.folder_meta`), and neither are pages
  whose visibility cannot be read (broken front matter, unreadable or
  oversized files, an unreadable meta file over them): a public build fails
  closed. A key that misspells ``visibility`` (``Visibility``, ``visiblity``)
  counts as it, with a warning.
- No page carries the ``private_fields``, whatever its type (a talk, a page
  growth cannot type, a plain page), nor keys that misspell them
  (``Feedback``); ``Store.withheld`` names them, so what is computed from
  them (the mentor check-in, the rubric average, the review schedule) is left
  out rather than shown as "none recorded". The near-miss rule is the one of
  growth's did-you-mean warnings (:func:`mkdocs_growth.core.parse.misspelt_key`).
- References from public documents to private ones are dropped, and so are
  artifact links to private pages (the artifact stays, without its link).
- Problems: those of private pages are not in it; a message is kept only when
  it comes from the public file's own bytes and that file holds no private
  field, otherwise it says the details are withheld (store-wide messages may
  name other documents). The guardrail warning is computed again over the
  public cards.

:func:`audience_problems` are the warnings of a public build (links from
public pages to private ones, pages left out because their visibility cannot
be read). :func:`mkdocs_growth.practice.store.open_store` adds them, so
``mkdocs build`` and ``mkdocs-growth validate`` report the same.
"""

from __future__ import annotations

import dataclasses
import functools
import posixpath
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import unquote

from ..core.folder_meta import FolderMeta, covering
from ..core.links import link_targets
from ..core.messages import dotted
from ..core.model import MODELS, Card, known_keys
from ..core.parse import Entry, misspelt_key
from ..core.problems import Problem, quote, sort_key, warning
from ..core.store import Store, paused_gc
from .milestones import guardrail

Visibility = Literal["public", "private", "unknown"]

WITHHELD = (
    "details are not shown on a public site (they may name private documents or"
    " fields); run mkdocs-growth validate"
)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_PAGE_SUFFIXES = (".md", ".markdown", ".html", ".htm")
_REFERENCE_FIELDS = ("card", "superseded_by")
# A key some document type defines is never read as a misspelling of another.
_KNOWN_KEYS = frozenset().union(*(known_keys(kind) for kind in MODELS))


@dataclass(frozen=True)
class Said:
    """A ``visibility`` a page is given: by which file, under which key, which value."""

    path: str  # the page itself, or a folder's meta file
    key: str  # `visibility`, or a key that misspells it (`Visibility`, `visiblity`)
    value: object

    @property
    def misspelt(self) -> bool:
        return self.key != "visibility"


def said(entry: Entry, folders: Sequence[FolderMeta] = ()) -> list[Said] | None:
    """Every ``visibility`` the page is given, as Material's meta plugin merges them.

    The exact key comes from the page, else from the last folder meta file that
    sets it (the page's own front matter wins, as in Material); keys that
    misspell it count wherever they are. None: a meta file over the page
    cannot be read.
    """
    exact: Said | None = None
    out: list[Said] = []
    sources = [(m.path, m.data) for m in covering(entry.path, folders)] if folders else []
    sources.append((entry.path, entry.meta or {}))
    for source, meta in sources:
        if meta is None:
            return None
        for item in said_in(source, meta):
            if item.misspelt:
                out.append(item)
            else:
                exact = item
    return [exact, *out] if exact is not None else out


def said_in(source: str, meta: Mapping[Any, Any]) -> list[Said]:
    """The ``visibility`` and the keys that misspell it in one mapping of metadata."""
    return [Said(source, key, meta[key]) for key in _visibility_keys(tuple(meta))]


def visibility(entry: Entry, folders: Sequence[FolderMeta] = ()) -> Visibility:
    """``public``, ``private``, or ``unknown`` when the front matter could not be read.

    Any page may say ``visibility: private``, a growth document or not, in its
    front matter or through a folder's meta file (``folders``); any value other
    than ``public`` counts as private (the model reports it), and so does a
    key that misspells ``visibility`` with such a value: a public site fails
    closed.
    """
    if _unreadable(entry):
        return "unknown"
    if not folders:  # most stores: the page's own keys decide
        meta = entry.meta or {}
        keys = _visibility_keys(tuple(meta)) if meta else ()
        return "private" if any(meta[k] != "public" for k in keys) else "public"
    given = said(entry, folders)
    if given is None:
        return "unknown"
    return "private" if any(s.value != "public" for s in given) else "public"


def withheld_keys(meta: Mapping[Any, Any], private_fields: frozenset[str]) -> list[str]:
    """The keys of a page's front matter a public site leaves out.

    The ``private_fields``, on every page (any document type, a page growth
    cannot type, a plain page), and every key that misspells one of them
    (``Feedback``, ``rubrics``): growth cannot tell, so it fails closed.
    """
    if not private_fields:
        return []
    return list(_withheld_among(tuple(meta), private_fields))


# Front-matter keys a build without growth publishes from the page itself: Material
# lists `tags` (tag pages, tags.json, search). Other private fields stay in the file.
SHOWN_WITHOUT_GROWTH = frozenset({"tags"})


def shown_without_growth(meta: Mapping[Any, Any], private_fields: frozenset[str]) -> list[str]:
    """Private keys of a page that a build without the plugin would still publish.

    ``generate`` writes the public pages over a copy of docs_dir; the copy's own
    pages must not carry these (the plugin takes them out of the page's metadata).
    """
    return [key for key in withheld_keys(meta, private_fields) if key in SHOWN_WITHOUT_GROWTH]


# Documents of one type share their keys: each set of keys is looked at once per process.
@functools.lru_cache(maxsize=1024)
def _visibility_keys(keys: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(k for k in keys if k == "visibility" or _misspells_visibility(k))


@functools.lru_cache(maxsize=1024)
def _withheld_among(keys: tuple[Any, ...], private_fields: frozenset[str]) -> tuple[Any, ...]:
    return tuple(
        k
        for k in keys
        if k in private_fields or _misspells_private_field(k, private_fields) is not None
    )


def _unreadable(entry: Entry) -> bool:
    """Its front matter cannot be read (broken, not UTF-8, unreadable or oversized)."""
    return entry.meta is None and (
        entry.front_matter_broken or (not entry.text and bool(entry.problems))
    )


@functools.lru_cache(maxsize=4096)
def _misspells_visibility(key: object) -> bool:
    return misspelt_key(key, ("visibility",)) is not None and key not in _KNOWN_KEYS


@functools.lru_cache(maxsize=4096)
def _misspells_private_field(key: object, private_fields: frozenset[str]) -> str | None:
    if key in _KNOWN_KEYS:
        return None
    return misspelt_key(key, sorted(private_fields))


@dataclass(frozen=True)
class Private:
    """The pages a public site leaves out, by path, by id and by link target."""

    paths: frozenset[str]
    ids: dict[str, str]  # document id -> path
    targets: dict[str, str]  # link key (see _key) -> path
    names: frozenset[str]  # last part of each key: most links are ruled out by it alone

    @classmethod
    def of(cls, paths: list[str], ids: dict[str, str]) -> Private:
        targets = {_key(path): path for path in paths}
        return cls(frozenset(paths), ids, targets, frozenset(_last(k) for k in targets))


def private_pages(store: Store) -> Private:
    """Computed once per store."""
    found = store.derived.get("private_pages")
    if found is None:
        folders = store.folder_meta
        hidden = [e for e in store.entries if visibility(e, folders) != "public"]
        found = store.derived["private_pages"] = Private.of(
            [e.path for e in hidden], {e.doc_id: e.path for e in hidden if e.doc_id is not None}
        )
    return found


def audience_problems(store: Store, config_path: str, nav: object = None) -> list[Problem]:
    """The warnings of a public build; none for an internal one.

    ``nav`` is MkDocs' ``nav`` setting as written (a page it lists is linked
    from every page); warnings about it are reported against ``config_path``.
    """
    if store.config.audience != "public":
        return []
    private = private_pages(store)
    out: list[Problem] = []
    for target in nav_paths(nav) if private.paths else ():
        path = _resolve("", target, private)
        if path is not None:
            out.append(
                warning(
                    config_path,
                    0,
                    f"nav links to private document {path}: a public site leaves it out,"
                    " so the link would be broken (and name it on every page)",
                )
            )
    folders = store.folder_meta
    out += [meta.problem for meta in folders if meta.problem is not None]
    out += _folder_warnings(folders)
    withheld = frozenset(store.config.private_fields)
    for entry in store.entries:
        state = visibility(entry, folders)
        if state == "unknown":
            why = (
                "its front matter cannot be read"
                if _unreadable(entry)
                else "a folder metadata file over it cannot be read"
            )
            out.append(
                warning(
                    entry.path,
                    0,
                    f"left out of the public site: {why}, so its visibility is unknown",
                )
            )
            continue
        if state == "private":
            out += _own_visibility_warnings(entry, said(entry, folders) or [])
            continue
        out += _withheld_misspellings(entry, withheld)
        if private.paths:
            out += _links_to_private(entry, private)
    return out


def _own_visibility_warnings(entry: Entry, given: list[Said]) -> list[Problem]:
    """What the page itself says that a reader might not see as ``visibility: private``."""
    out = []
    for item in given:
        if item.path != entry.path:
            continue  # a folder's meta file: reported once, by _folder_warnings
        if item.misspelt and item.value != "public":
            out.append(
                warning(
                    entry.path,
                    entry.line(item.key),
                    f"{item.key}: {quote(item.value)} looks like a misspelt 'visibility':"
                    " left out of the public site (write 'visibility: private', or"
                    " remove the key to publish the page)",
                )
            )
        elif not item.misspelt and not entry.is_growth and item.value not in ("public", "private"):
            out.append(
                warning(
                    entry.path,
                    entry.line("visibility"),
                    f"visibility: {quote(item.value)} is not public or private;"
                    " left out of the public site",
                )
            )
    return out


def _folder_warnings(folders: Sequence[FolderMeta]) -> list[Problem]:
    """A folder's meta file that makes its pages private in a way a reader might not see."""
    out = []
    for meta in folders:
        for key, value in (meta.data or {}).items():
            if value == "public":
                continue
            if key == "visibility" and value != "private":
                why = f"visibility: {quote(value)} is not public or private"
            elif key != "visibility" and _misspells_visibility(key):
                why = f"{key}: {quote(value)} looks like a misspelt 'visibility'"
            else:
                continue
            out.append(
                warning(meta.path, 0, f"{why}: every page below it is left out of the public site")
            )
    return out


def _withheld_misspellings(entry: Entry, withheld: frozenset[str]) -> list[Problem]:
    """A key that misspells a private field is left out too: say so, it may be a typo."""
    out = []
    for key in withheld_keys(entry.meta or {}, withheld):
        name = _misspells_private_field(key, withheld)
        if key not in withheld and name is not None:
            out.append(
                warning(
                    entry.path,
                    entry.line(key),
                    f"{key!r} looks like the private field {name!r}: left out of the"
                    " public site (correct the key)",
                )
            )
    return out


def _links_to_private(entry: Entry, private: Private) -> list[Problem]:
    found: dict[tuple[int, str], str] = {}
    head = entry.text.count("\n", 0, entry.body_start)
    for line, target in link_targets(entry.body):
        path = _resolve(entry.path, target, private)
        if path is not None:
            found.setdefault(
                (head + line, path),
                f"links to private document {path}: a public site leaves it out,"
                " so the link would be broken",
            )
    for i, url in _artifact_urls(entry):
        path = _resolve(entry.path, url, private)
        if path is not None:
            found.setdefault(
                (entry.line("artifacts", i, "url"), path),
                f"{dotted(('artifacts', i, 'url'))} links to private document {path}: a public site leaves"
                " it out, and shows the artifact without its link",
            )
    for field_name, where, ref in entry.references():
        path = private.ids.get(ref)
        if path is not None:
            found.setdefault(
                (entry.line(*where), path),
                f"{field_name}: {quote(ref)} is the private document {path}: a public site"
                " leaves it out, and this link with it",
            )
    return [warning(entry.path, line, message) for (line, _), message in found.items()]


def nav_paths(nav: object) -> list[str]:
    """Every page path or URL an MkDocs ``nav`` setting lists, in order."""
    out: list[str] = []
    stack = [nav]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict):
            stack.extend(reversed(list(item.values())))
        elif isinstance(item, list):
            stack.extend(reversed(item))
    return out


def _artifact_urls(entry: Entry) -> list[tuple[int, str]]:
    """``(index, url)`` of a card's artifacts, from the front matter as written."""
    artifacts = (entry.meta or {}).get("artifacts") if entry.kind == "card" else None
    if not isinstance(artifacts, list):
        return []
    return [
        (i, a["url"])
        for i, a in enumerate(artifacts)
        if isinstance(a, dict) and isinstance(a.get("url"), str)
    ]


def _key(path: str) -> str:
    """A page path or URL path as one key: ``a/b.md``, ``a/b/``, ``a/b.html`` -> ``a/b``."""
    path = path.rstrip("/")
    for suffix in _PAGE_SUFFIXES:
        if path.endswith(suffix):
            path = path[: -len(suffix)]
            break
    folder, name = posixpath.split(path)
    if name in ("index", "README"):
        return folder
    return "" if path == "." else path


def _last(key: str) -> str:
    return key.rsplit("/", 1)[-1]


def _resolve(source: str, target: str, private: Private) -> str | None:
    """The private page ``target`` (written in the page at ``source``) points at, if any.

    Read both as MkDocs reads a Markdown link (relative to the source file's
    folder) and as a browser reads a URL on a page with directory URLs
    (relative to ``a/b/`` for ``a/b.md``).
    """
    target = target.strip()
    if not target or target.startswith(("#", "//")) or _SCHEME.match(target):
        return None
    path = unquote(target.split("#", 1)[0].split("?", 1)[0])
    if not path:
        return None
    name = _last(_key(path))
    if name not in private.names and name not in ("", ".", ".."):
        return None  # names no private page: most links end here
    if path.startswith("/"):
        bases, path = [""], path.lstrip("/")
    elif not source:  # a docs-relative path (the nav)
        bases = [""]
    else:
        stem = posixpath.splitext(source)[0]
        folder, name = posixpath.split(stem)
        bases = [posixpath.dirname(source), folder if name in ("index", "README") else stem]
    for base in bases:
        joined = posixpath.normpath(posixpath.join(base, path))
        if joined == ".." or joined.startswith("../"):
            continue
        hit = private.targets.get(_key(joined))
        if hit is not None:
            return hit
    return None


def published(store: Store, config_path: str) -> Store:
    """The store every output of a build is made from: the store, or its public view."""
    return public_view(store, config_path) if store.config.audience == "public" else store


def public_view(store: Store, config_path: str) -> Store:
    """The store as a public site may show it (see the module docstring); computed once.

    ``config_path`` names the config file as :func:`open_store` did (the guardrail).
    """
    found = store.derived.get("public_view")
    if found is not None:
        return found
    private = private_pages(store)
    withheld = frozenset(store.config.private_fields)
    entries, safe = [], set()
    with paused_gc():  # thousands of copies, no cycles: as when the store was read
        for entry in store.entries:
            if entry.path in private.paths:
                continue
            entries.append(_public_entry(entry, withheld, private))
            if not _holds_withheld(entry, withheld):
                safe.update(entry.problems)  # from the file's own bytes, all of them public
    recounted = set(guardrail(store, config_path))
    # A folder's meta file may name or quote a private folder: its problems stay in the log.
    hidden = private.paths | {meta.path for meta in store.folder_meta}
    problems = [
        p if p in safe else dataclasses.replace(p, message=WITHHELD)
        for p in store.problems
        if p.path not in hidden and p not in recounted
    ]
    framework = store.framework  # the same ladder; evidence is counted from public documents
    draft = Store(store.config, entries, problems, framework, withheld=withheld)
    problems += guardrail(draft, config_path)  # warnings only: validity is unchanged
    view = Store(
        store.config, entries, sorted(problems, key=sort_key), framework, withheld=withheld
    )
    store.derived["public_view"] = view
    return view


def _holds_withheld(entry: Entry, withheld: frozenset[str]) -> bool:
    return entry.meta is not None and bool(withheld_keys(entry.meta, withheld))


def _public_entry(entry: Entry, withheld: frozenset[str], private: Private) -> Entry:
    """The entry without its private fields, references and artifact links to private pages.

    Private fields (and keys that misspell them) leave every page, whatever its
    type. Cached entries are shared between builds: a changed entry is a copy.
    """
    meta = entry.meta
    if meta is None:
        return entry
    private_ids = private.ids
    drop = set(withheld_keys(meta, withheld))
    drop.update(f for f in _REFERENCE_FIELDS if _is_private_ref(meta.get(f), private_ids))
    related = meta.get("related")
    kept_related = None
    if (
        "related" not in drop
        and isinstance(related, list)
        and any(_is_private_ref(r, private_ids) for r in related)
    ):
        kept_related = [r for r in related if not _is_private_ref(r, private_ids)]
    unlinked = set()
    if "artifacts" not in drop:
        unlinked = {i for i, url in _artifact_urls(entry) if _resolve(entry.path, url, private)}
    if not drop and kept_related is None and not unlinked:
        return entry
    new_meta = {k: v for k, v in meta.items() if k not in drop}
    if kept_related is not None:
        new_meta["related"] = kept_related
    if unlinked:
        new_meta["artifacts"] = [
            {k: v for k, v in a.items() if k != "url"} if i in unlinked else a
            for i, a in enumerate(meta["artifacts"])
        ]
    doc = _public_doc(entry.doc, frozenset(drop), private_ids, unlinked)
    return dataclasses.replace(entry, meta=new_meta, doc=doc)


def _public_doc(
    doc: Any, dropped: frozenset[str], private_ids: dict[str, str], unlinked: set[int]
) -> Any:
    """The model without the ``dropped`` keys: a field is reset to its default, an extra key removed."""
    if doc is None:
        return None
    fields = type(doc).model_fields
    update: dict[str, Any] = {
        f: fields[f].get_default(call_default_factory=True) for f in dropped if f in fields
    }
    if isinstance(doc, Card) and unlinked and "artifacts" not in update:
        update["artifacts"] = [
            a.model_copy(update={"url": None}) if i in unlinked else a
            for i, a in enumerate(doc.artifacts)
        ]
    if "related" not in update and any(r in private_ids for r in doc.related):
        update["related"] = [r for r in doc.related if r not in private_ids]
    for name in _REFERENCE_FIELDS:
        if name in fields and _is_private_ref(getattr(doc, name), private_ids):
            update[name] = None
    copy = doc.model_copy(update=update)
    extra = doc.__pydantic_extra__ or {}
    if not dropped.isdisjoint(extra):  # `feedback:` on a talk is an extra key: it goes too
        copy.__pydantic_extra__ = {k: v for k, v in extra.items() if k not in dropped}
    return copy


def _is_private_ref(value: object, private_ids: dict[str, str]) -> bool:
    return isinstance(value, str) and value in private_ids
