"""``mkdocs-growth generate --out DIR``: the generated site as plain files.

For site generators that do not run MkDocs plugins (Zensical, plain MkDocs
without ``growth``): the same ``render_pages`` the plugin uses, written under
``DIR`` at their docs-relative paths (``DIR/growth/index.md``,
``DIR/growth.json``, ...), plus one page per valid card with its header at
``DIR/<base>/cards/<id>.md`` (a page's own Markdown is never rewritten).
Links are relative ``.md`` links to the store's documents, so ``DIR`` is
meant to be laid over a copy of ``docs_dir`` (docs/publish.md shows how).

Safety, because this is the one command that writes many files:

- ``DIR`` must not be ``docs_dir`` or inside it: the author's tree is never
  written to (and the plugin would find stale copies of its own pages there).
- Every target is checked to resolve inside ``DIR`` (symlinks included).
- A file that exists is only replaced (or, when no longer generated, removed)
  if this command wrote it and it has not changed since: the manifest
  ``DIR/.mkdocs-growth-generated.json`` keeps a SHA-256 of each file it wrote.
  Anything else is a conflict: nothing is written and each file is named.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import posixpath
import sys
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from ..core.model import Card
from ..core.store import Store
from ..practice.audience import private_pages, published
from ..practice.priority import priorities
from ..practice.store import open_store
from ..site.context import page_url
from ..site.pages.card_header import card_header
from ..site.preflight import usable_site_url
from ..site.registry import SiteContext, render_pages
from ..site.render import GeneratedPage, link_to, md_text
from .common import EXIT_OK, UsageError, add_audience, settings_of
from .settings import Settings

MANIFEST = ".mkdocs-growth-generated.json"


class GenerateError(Exception):
    """The output folder cannot be written safely; the message says which file and why."""


def card_pages(store: Store, ctx: SiteContext) -> list[GeneratedPage]:
    """``<base>/cards/<id>.md`` for each valid card, and ``<base>/cards/index.md`` listing them."""
    pages = []
    rows = []
    for card in sorted(store.cards, key=lambda c: (c.title.casefold(), c.id)):
        path = ctx.path(f"cards/{card.id}.md")
        source = link_to(path, store.path_of(card))
        body = card_header(_rebased(card, store.path_of(card), path), store, ctx, path)
        title = md_text(card.title)
        pages.append(
            GeneratedPage(path, f"# {title}\n\n[Read the card]({source})\n\n{body.rstrip()}\n")
        )
        prio = priorities(store)[card.id]
        rows.append(f"| [{title}]({card.id}.md) | {card.status} | {prio.score:g} {prio.band} |")
    index = [
        "# Card headers\n",
        "Each card's header (scores, milestones, rubric, metrics) as its own page,",
        "for sites built without the growth plugin.\n",
    ]
    if rows:
        index += ["| Card | Status | Priority |", "|---|---|---|", *rows]
    else:
        index.append("No valid cards.")
    pages.append(GeneratedPage(ctx.path("cards/index.md"), "\n".join(index) + "\n"))
    return pages


def _rebased(card: Card, card_path: str, page_path: str) -> Card:
    """The card with relative artifact URLs pointing from ``page_path`` instead of its own file."""
    artifacts = []
    for artifact in card.artifacts:
        url = urlsplit(artifact.url or "")
        if not artifact.url or url.scheme or url.netloc or url.path.startswith("/"):
            artifacts.append(artifact)
            continue
        # "#anchor" alone points into the card itself
        rel = url.path or posixpath.basename(card_path)
        target = posixpath.normpath(posixpath.join(posixpath.dirname(card_path), rel))
        moved = urlunsplit(("", "", link_to(page_path, target), url.query, url.fragment))
        artifacts.append(artifact.model_copy(update={"url": moved}))
    return card.model_copy(update={"artifacts": artifacts})


def site_context(settings: Settings, store: Store) -> SiteContext:
    """What the plugin learns from MkDocs, computed from ``mkdocs.yml`` alone."""
    growth = settings.growth
    return SiteContext(
        today=growth.effective_today(),
        base=growth.base,
        config_file=os.path.basename(settings.config_file),
        site_url=usable_site_url(settings.site_url),  # never a placeholder in the feed
        use_directory_urls=settings.use_directory_urls,
        page_urls={e.path: page_url(e.path, settings.use_directory_urls) for e in store.entries},
        markdown_extensions=settings.markdown_extensions,
    )


def all_pages(settings: Settings, store: Store) -> list[GeneratedPage]:
    ctx = site_context(settings, store)
    generated = render_pages(store, ctx)
    headers = card_pages(store, ctx)
    clash = {p.path for p in generated} & {p.path for p in headers}
    if clash:  # a view started using <base>/cards/: fail loudly rather than overwrite
        raise GenerateError(f"generated pages collide: {', '.join(sorted(clash))}")
    return generated + headers


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read_manifest(out: str) -> dict[str, str]:
    try:
        with open(os.path.join(out, MANIFEST), encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError):
        return {}  # no (usable) manifest: every existing file counts as someone else's
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, dict):
        return {}
    return {k: v for k, v in files.items() if isinstance(k, str) and isinstance(v, str)}


def _inside(root: str, rel: str) -> str:
    """Absolute target of ``rel`` under ``root``; refuses anything that resolves elsewhere."""
    if not rel or rel.startswith("/") or "\\" in rel or ".." in rel.split("/"):
        raise GenerateError(f"{rel!r}: not a safe relative path")
    target = os.path.realpath(os.path.join(root, *rel.split("/")))
    if os.path.commonpath([root, target]) != root or target == root:
        raise GenerateError(f"{rel}: resolves outside {root}")
    return target


def _unchanged(target: str, known: str | None) -> bool:
    """Whether ``target`` is a regular file whose content has the recorded digest."""
    if known is None or os.path.islink(target) or not os.path.isfile(target):
        return False
    with open(target, "rb") as handle:
        return _digest(handle.read()) == known


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


def plan(
    out: str, docs_dir: str, pages: list[GeneratedPage], private: frozenset[str] = frozenset()
) -> Plan:
    """What to write and remove; ``private``: pages of docs_dir a public export must not hold."""
    root = os.path.realpath(out)
    docs = os.path.realpath(docs_dir)
    if os.path.commonpath([root, docs]) == docs:
        raise GenerateError(
            f"{out}: is docs_dir or inside it; generate into another folder and lay it"
            " over a copy of docs_dir (see 'Publish' in the docs)"
        )
    if os.path.exists(root) and not os.path.isdir(root):
        raise GenerateError(f"{out}: exists and is not a folder")
    manifest = _read_manifest(root)
    copied = sorted(rel for rel in private if os.path.lexists(_inside(root, rel)))
    if copied:  # DIR is meant to be laid over a copy of docs_dir: that copy must leave them out
        shown = "\n  ".join(os.path.join(out, rel) for rel in copied)
        raise GenerateError(
            f"{len(copied)} private page(s) are in {out}, which a public export must not hold;"
            f" nothing was written. Delete them (or copy docs_dir without them):\n  {shown}"
        )
    writes: dict[str, tuple[str, bytes]] = {}
    conflicts = []
    for item in pages:
        target = _inside(root, item.path)
        data = item.markdown.encode("utf-8")
        taken = os.path.lexists(target) and not _unchanged(target, manifest.get(item.path))
        if taken or _blocked(root, target):
            conflicts.append(item.path)
        writes[item.path] = (target, data)
    if conflicts:
        shown = "\n  ".join(os.path.join(out, c) for c in conflicts)
        raise GenerateError(
            f"{len(conflicts)} file(s) exist that generate did not write (or that were edited"
            f" since); nothing was written. Move them away or pick another --out:\n  {shown}"
        )
    removes, kept = {}, []
    for rel, known in manifest.items():
        if rel in writes:
            continue
        try:
            target = _inside(root, rel)
        except GenerateError:
            continue  # a tampered manifest names nothing outside DIR
        if _unchanged(target, known):
            removes[rel] = target
        elif os.path.lexists(target):
            kept.append(rel)
    return Plan(root, writes, removes, kept)


def apply(p: Plan) -> None:
    for target in p.removes.values():
        os.remove(target)
    for target, data in p.writes.values():
        os.makedirs(os.path.dirname(target), exist_ok=True)
        tmp = f"{target}.tmp-growth"
        with open(tmp, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    manifest = {
        "generated_by": "mkdocs-growth generate",
        "files": {rel: _digest(data) for rel, (_, data) in sorted(p.writes.items())},
    }
    with open(os.path.join(p.root, MANIFEST), "w", encoding="utf-8") as handle:
        json.dump(manifest, handle, indent=1)
        handle.write("\n")


def generate(settings: Settings, out: str) -> tuple[Store, Plan]:
    """Load the store of ``settings`` and write its generated pages under ``out``.

    The pages are those of the audience's view of the store (practice.audience).
    """
    if not os.path.isdir(settings.docs_dir):
        raise GenerateError(f"{settings.docs_dir}: docs_dir is not a directory")
    config_name = os.path.basename(settings.config_file)
    store = open_store(
        settings.docs_dir,
        settings.growth,
        config_name,
        nav=settings.nav,
        framework=settings.framework,
    )
    view = published(store, config_name)
    private = private_pages(store).paths if view is not store else frozenset()
    p = plan(out, settings.docs_dir, all_pages(settings, view), private)
    apply(p)
    return store, p


def cmd_generate(args: argparse.Namespace) -> int:
    settings = settings_of(args)
    try:
        store, p = generate(settings, args.out)
    except GenerateError as exc:
        raise UsageError(str(exc)) from None
    pages = sum(rel.endswith(".md") for rel in p.writes)
    print(
        f"wrote {len(p.writes)} files ({pages} pages) under {args.out};"
        f" removed {len(p.removes)} stale"
    )
    for rel in p.kept:
        print(
            f"kept {os.path.join(args.out, rel)}: no longer generated but edited", file=sys.stderr
        )
    if store.errors:
        print(
            f"({len(store.errors)} errors: invalid documents are left out;"
            " run 'mkdocs-growth validate')",
            file=sys.stderr,
        )
    return EXIT_OK


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    gen = sub.add_parser(
        "generate",
        parents=[common],
        help="write the generated pages as Markdown under DIR (for builds without the plugin)",
    )
    gen.add_argument(
        "--out",
        required=True,
        metavar="DIR",
        help="output folder (not docs_dir); lay it over a copy of docs_dir to build",
    )
    add_audience(
        gen,
        "export for this audience (default: the 'audience' option); public leaves"
        " private pages and private_fields out",
    )
    gen.set_defaults(func=cmd_generate)
