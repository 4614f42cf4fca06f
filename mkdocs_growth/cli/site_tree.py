"""``mkdocs-growth generate --site DIR``: the whole documentation tree for another engine.

Zensical (and plain MkDocs, ProperDocs without the plugin) run no MkDocs
plugins. ``--site`` writes what such an engine needs to publish what the
plugin would: every file of ``docs_dir`` that the audience may see, the
growth documents' pages as the plugin hands them to the theme (card header
above the card, safe titles, broken pages marked: :mod:`..site.engine_pages`),
and the generated pages and files. Point the engine's ``docs_dir`` at ``DIR``.

``DIR`` is this command's own folder: :mod:`.outdir` writes only inside it,
never over a file it did not write, and removes what it wrote earlier that is
gone now (a deleted card, a page made private).
"""

from __future__ import annotations

import os
from collections.abc import Callable

from ..core.frontmatter import normalize
from ..core.store import Store
from ..practice.audience import private_pages, published
from ..practice.store import open_store
from ..site.engine_pages import engine_page
from ..site.registry import SiteContext, markdown_files
from .outdir import (
    GenerateError,
    Plan,
    apply,
    check_folder,
    inside,
    plan,
    read_manifest,
    system_refused,
)
from .settings import Settings
from .team_tree import team_tree


def _read(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise GenerateError(f"{path}: cannot be read ({exc.strerror})") from None


ContextOf = Callable[[Settings, Store], SiteContext]


def _raw_text(path: str) -> str:
    """A file the engine could not read whole, as text (undecodable bytes as U+FFFD)."""
    try:
        return normalize(_read(path).decode("utf-8", errors="replace"))
    except GenerateError:
        return ""  # unreadable: the broken page names the problem


def tree(
    settings: Settings, store: Store, context_of: ContextOf, site_files: list[str]
) -> dict[str, bytes]:
    """Docs-relative path -> content of every file of the site tree (nothing written).

    ``context_of``: what ``generate`` knows of the site (``generate.site_context``);
    ``site_files``: the files of docs_dir ``mkdocs build`` publishes (MkDocs' discovery:
    every extension, linked folders followed, no excluded file, no draft).
    """
    config_name = os.path.basename(settings.config_file)
    view = published(store, config_name)
    hidden = private_pages(store).paths if view is not store else frozenset()
    ctx = context_of(settings, view)
    try:
        generated = markdown_files(view, ctx, header_pages=False)
    except ValueError as exc:
        raise GenerateError(str(exc)) from None
    files = {item.path: item.text.encode("utf-8") for item in generated}
    ours = frozenset(files)
    published_pages, full_pages = view.by_path, store.by_path
    shadowed = []
    for rel in site_files:
        if rel in hidden or (rel in full_pages and rel not in published_pages):
            continue  # private, or its visibility cannot be read: fail closed
        if rel in ours:
            shadowed.append(rel)
            continue
        path = os.path.join(settings.docs_dir, *rel.split("/"))
        entry = published_pages.get(rel)
        if entry is None:
            files[rel] = _read(path)
            continue
        raw = "" if entry.text or not entry.problems else _raw_text(path)
        changed = entry is not full_pages.get(rel)  # the public view's copy: fields taken out
        text = engine_page(entry, view, ctx, raw, rewrite=changed)
        files[rel] = text.encode("utf-8") if text is not None else _read(path)
    team = team_tree(settings, ctx, files, with_sites=True)
    shadowed += sorted(rel for rel in team if rel in files)
    files.update(team)
    if shadowed:
        shown = ", ".join(shadowed)
        raise GenerateError(
            f"{shown}: a file of docs_dir where growth writes a generated page; rename it"
            " (or set the growth option 'base' to another folder)"
        )
    return files


def write_site(settings: Settings, out: str, context_of: ContextOf) -> tuple[Store, Plan]:
    """Load the store of ``settings`` and bring ``out`` up to date with its whole site tree."""
    if not os.path.isdir(settings.docs_dir):
        raise GenerateError(f"{settings.docs_dir}: docs_dir is not a directory")
    root = check_folder(out, settings.docs_dir, settings.config_file)
    found = settings.pages()  # what `mkdocs build` reads and publishes: MkDocs decides
    store = open_store(
        settings.docs_dir,
        settings.growth,
        os.path.basename(settings.config_file),
        paths=found.pages,
        nav=settings.nav,
        framework=settings.framework,
    )
    files = tree(settings, store, context_of, found.published)
    audience = settings.growth.audience
    private = private_pages(store).paths if audience == "public" else frozenset()
    if private and os.path.isdir(root):
        # Pages an earlier run wrote here are withdrawn by a public run (edited or not,
        # as for --out); any other copy of a private page in DIR stops the run.
        manifest = read_manifest(root)
        private = frozenset(rel for rel in private if not manifest.lists(rel, inside(root, rel)))
    try:
        p = plan(root, files.items(), private, audience=audience)
    except OSError as exc:  # a file in DIR that cannot be read, a folder that cannot be listed
        raise GenerateError(system_refused(exc, root, started=False)) from None
    apply(p)
    return store, p
