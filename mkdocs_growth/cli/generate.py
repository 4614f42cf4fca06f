"""``mkdocs-growth generate --out DIR``: the generated site as plain files.

For site generators that do not run MkDocs plugins (Zensical, plain MkDocs
without ``growth``): the same page models the plugin renders, as Markdown, under
``DIR`` at their docs-relative paths (``DIR/growth/index.md``,
``DIR/growth.json``, ...), plus one page per valid card with its header at
``DIR/<base>/cards/<id>.md`` (:func:`..site.urls.id_page`; a page's own
Markdown is never rewritten).
Links are relative ``.md`` links to the store's documents, so ``DIR`` is
meant to be laid over a copy of ``docs_dir`` (docs/publish.md shows how).

Writing them is :mod:`.outdir`'s job: only inside ``DIR``, never over a
file this command did not write, atomically, and so that a run killed at any
moment is recovered by the next one.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys

from ..core.options import Limits
from ..core.parse import parse_entry
from ..core.problems import shown_path
from ..core.store import Store
from ..practice.audience import SHOWN_WITHOUT_GROWTH, private_pages, published, shown_without_growth
from ..practice.store import open_store
from ..site.preflight import usable_site_url
from ..site.registry import GeneratedFile, SiteContext, markdown_files
from ..site.urls import page_url
from .common import EXIT_INTERRUPTED, EXIT_OK, UsageError, add_audience, settings_of
from .outdir import GenerateError, Interrupted, Plan, apply, check_folder, plan, system_refused
from .settings import Settings
from .site_tree import write_site
from .team_tree import team_tree
from .watch import watch

ENGINES = ("mkdocs", "zensical")  # what --engine names: who builds the written Markdown


def site_context(settings: Settings, store: Store, engine: str = "mkdocs") -> SiteContext:
    """What the plugin learns from MkDocs, computed from ``mkdocs.yml`` alone.

    ``engine``: ``zensical`` rewrites links in raw HTML as if they were Markdown
    links, so the pictures' links are written as paths between source files.
    """
    growth = settings.growth
    return SiteContext(
        today=growth.effective_today(),
        base=growth.base,
        config_file=os.path.basename(settings.config_file),
        site_url=usable_site_url(settings.site_url),  # never a placeholder in the feed
        site_name=settings.site_name,  # the feed's title, as the plugin has it
        use_directory_urls=settings.use_directory_urls,
        page_urls={e.path: page_url(e.path, settings.use_directory_urls) for e in store.entries},
        markdown_extensions=settings.markdown_extensions,
        html_links_from_source=engine == "zensical",
    )


def all_pages(settings: Settings, store: Store, engine: str = "mkdocs") -> list[GeneratedFile]:
    try:
        return markdown_files(store, site_context(settings, store, engine))
    except ValueError as exc:  # two families claim one path: fail loudly rather than overwrite
        raise GenerateError(str(exc)) from None


def generate(settings: Settings, out: str, engine: str = "mkdocs") -> tuple[Store, Plan]:
    """Load the store of ``settings`` and write its generated pages under ``out``.

    The pages are those of the audience's view of the store (practice.audience).
    """
    if not os.path.isdir(settings.docs_dir):
        raise GenerateError(f"{settings.docs_dir}: docs_dir is not a directory")
    root = check_folder(out, settings.docs_dir, settings.config_file)
    config_name = os.path.basename(settings.config_file)
    found = settings.pages()  # what `mkdocs build` reads and publishes: MkDocs decides
    store = open_store(
        settings.docs_dir,
        settings.growth,
        config_name,
        paths=found.pages,
        nav=settings.nav,
        framework=settings.framework,
    )
    view = published(store, config_name)
    private = private_pages(store).paths if view is not store else frozenset()
    pages = all_pages(settings, view, engine)
    files = [(page.path, page.text.encode("utf-8")) for page in pages]
    own = [*found.published, *(path for path, _ in files)]  # DIR lies over docs_dir
    ctx = site_context(settings, view, engine)
    files += team_tree(settings, ctx, own, with_sites=False).items()
    try:
        p = plan(root, files, private, audience=settings.growth.audience)
    except OSError as exc:  # a file in DIR that cannot be read, a folder that cannot be listed
        raise GenerateError(system_refused(exc, root, started=False)) from None
    if view is not store:
        _refuse_shown_private_fields(root, view, settings.growth.limits)
    apply(p)
    return store, p


def _refuse_shown_private_fields(root: str, view: Store, limits: Limits) -> None:
    """A public export refuses a copy whose pages carry private fields a plain build shows.

    The copy's own file is read (its author may have taken the field out of it).
    """
    private_fields = frozenset(view.config.private_fields)
    if not private_fields.intersection(SHOWN_WITHOUT_GROWTH):
        return
    found = []
    for entry in view.entries:
        copied = os.path.join(root, *entry.path.split("/"))
        if not os.path.isfile(copied):
            continue
        with open(copied, "rb") as handle:
            meta = parse_entry(entry.path, handle.read(), limits).meta or {}
        keys = shown_without_growth(meta, private_fields)
        if keys:
            found.append(f"{shown_path(copied)}: {', '.join(keys)}")
    if found:
        shown = "\n  ".join(found)
        raise GenerateError(
            f"{len(found)} page(s) in {root} carry private fields that a build without the"
            " growth plugin publishes (Material lists tags); nothing was written. Remove"
            f" those keys from the copies:\n  {shown}"
        )


def cmd_generate(args: argparse.Namespace) -> int:
    if not args.watch:
        return _generate_once(args)

    def watched() -> tuple[list[str], list[str]]:
        try:
            settings = settings_of(args)
        except UsageError:  # a config being edited: look at it until it loads again
            return [], [str(args.config_file or "mkdocs.yml")]
        framework = settings.growth.framework
        extra = [settings.framework_path(framework)] if framework else []
        team = settings.growth.team
        config_dir = os.path.dirname(os.path.abspath(settings.config_file))
        sites = [os.path.join(config_dir, m.site) for m in team.members] if team else []
        return [settings.docs_dir, *sites], [settings.config_file, *filter(None, extra)]

    print(f"watching the store; Ctrl-C to stop (writing {args.site or args.out})")
    watch(lambda: _generate_once(args), watched, errors=(UsageError, OSError))
    return EXIT_OK


def _generate_once(args: argparse.Namespace) -> int:
    settings = settings_of(args)
    try:
        if args.site:
            context_of = functools.partial(site_context, engine=args.engine)
            store, p = write_site(settings, args.site, context_of)
        else:
            store, p = generate(settings, args.out, args.engine)
    except GenerateError as exc:
        raise UsageError(str(exc)) from None
    except Interrupted as exc:
        print(f"mkdocs-growth: {exc}", file=sys.stderr)
        return EXIT_INTERRUPTED
    _say_what_changed(p, args.site or args.out)
    if store.errors:
        left = " of the indexes" if args.site else ""  # --site publishes them, marked
        print(
            f"({len(store.errors)} errors: invalid documents are left out{left};"
            " run 'mkdocs-growth validate')",
            file=sys.stderr,
        )
    return EXIT_OK


def _say_what_changed(p: Plan, out: str) -> None:
    """One line of counts on stdout; every file removed or kept against the usual rule on stderr."""
    pages = sum(rel.endswith(".md") for rel in p.writes)
    print(
        f"wrote {len(p.writes)} files ({pages} pages) under {out};"
        f" removed {len(p.removes)} stale"
        + (f", {len(p.leftovers)} left by an interrupted run" if p.leftovers else "")
    )
    for rel in p.taken_over:
        done = "replaced" if rel in p.writes else "removed"
        print(
            f"{done} {os.path.join(out, rel)}: generated for another audience and edited"
            " since; a public export keeps nothing of it",
            file=sys.stderr,
        )
    for rel in p.withdrawn:
        print(
            f"removed {os.path.join(out, rel)}: no longer in the public export (made"
            " private or deleted) and edited since",
            file=sys.stderr,
        )
    for rel in p.kept:
        print(f"kept {os.path.join(out, rel)}: no longer generated but edited", file=sys.stderr)


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    gen = sub.add_parser(
        "generate",
        parents=[common],
        help="write the generated pages as Markdown under DIR (for builds without the plugin)",
    )
    where = gen.add_mutually_exclusive_group(required=True)
    where.add_argument(
        "--out",
        metavar="DIR",
        help="output folder (not docs_dir); lay it over a copy of docs_dir to build",
    )
    where.add_argument(
        "--site",
        metavar="DIR",
        help="the whole docs tree for an engine without the plugin (Zensical):"
        " your pages with card headers above each card, and the generated pages;"
        " set that engine's docs_dir to DIR",
    )
    gen.add_argument(
        "--engine",
        choices=ENGINES,
        default="mkdocs",
        help="what builds the Markdown: mkdocs (also ProperDocs) without the plugin, or"
        " zensical (which reads links in raw HTML as paths to source files); default mkdocs",
    )
    gen.add_argument(
        "--watch",
        action="store_true",
        help="keep DIR current: generate again whenever the store or mkdocs.yml changes"
        " (for zensical serve); Ctrl-C to stop",
    )
    add_audience(
        gen,
        "export for this audience (default: the 'audience' option); public leaves"
        " private pages and private_fields out",
    )
    gen.set_defaults(func=cmd_generate)
