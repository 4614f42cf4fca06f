"""MkDocs adapter: MkDocs events in, engine calls out.

Per build: ``on_files`` reads every documentation page through the engine
(cached by mtime/size, so ``mkdocs serve`` re-parses only what changed),
validates the store once, logs the problems and adds the generated pages.
Page events then make growth documents safe for the theme and give cards
their header. All the logic lives in the engine, ``views`` and ``header``.
"""

from __future__ import annotations

import gc
import os
import posixpath
import re
import shutil
import stat
import tempfile
from typing import Any, Literal
from urllib.parse import unquote

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import YAML_RE as _MKDOCS_FRONT_MATTER

from ..core.framework import LoadedFramework, open_framework
from ..core.frontmatter import normalize
from ..core.messages import plural
from ..core.model import Card
from ..core.options import GrowthConfig, OptionsError, parse_options
from ..core.parse import Entry
from ..core.problems import Problem, shown_path
from ..core.store import Store, forget_cached_entries, paused_gc
from ..practice.audience import published
from ..practice.store import open_store
from ..site.listing_html import ListingHtml, fast_path_allowed
from ..site.listing_html import convert as convert_listing
from ..site.pages import card_header as header
from ..site.preflight import shadowed_pages, site_url_note, site_url_problems, usable_site_url
from ..site.registry import SiteContext, render_pages
from ..site.render import GeneratedPage, html_text, placeholder
from . import coexist
from .config import GrowthPluginConfig
from .nav import out_of_nav

log = get_plugin_logger(__name__)

STRICT_SHOWN = 10  # problems quoted in the strict-mode failure message
_NO_FRONT_MATTER = "---\n{}\n---\n"  # an empty block: MkDocs reads no metadata, keeps the body


class GrowthPlugin(BasePlugin[GrowthPluginConfig]):
    """``plugins: [growth]``: validate the store and publish it as a site."""

    def __init__(self) -> None:
        self.growth = GrowthConfig()
        self.framework: LoadedFramework | None = None  # the `framework` file, read with the options
        self.config_dir = "."  # where mkdocs.yml is: the framework path is relative to it
        self.command = "build"
        self.store: Store | None = None
        self.ctx: SiteContext | None = None
        # page -> [(what search indexes, the real HTML)]: card headers and listing blocks,
        # swapped after the search plugin has indexed the page
        self.swaps: dict[str, list[tuple[str, str]]] = {}
        # generated page -> [(placeholder paragraph, listing block as HTML)]
        self.listings: dict[str, list[tuple[str, ListingHtml]]] = {}
        self.meta_from_entry: set[str] = set()  # pages whose front matter MkDocs did not re-parse
        self.dashboard_shown = False  # `mkdocs serve` logs the dashboard's address once
        # one temporary folder per running build, holding its generated pages and files
        self._backing: list[str] = []
        self.generated_files: list[File] = []  # this build's, in the order they were added
        self.set_aside: list[File] = []  # generated pages kept out of mkdocs-static-i18n's way

    # Defining on_startup makes MkDocs keep this instance across `mkdocs serve` rebuilds.
    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.command = command
        self.dashboard_shown = False  # once per `mkdocs serve`, not per rebuild

    def load_config(
        self, options: dict[str, Any], config_file_path: str | None = None
    ) -> tuple[list[tuple[str, Any]], list[tuple[str, Any]]]:
        """Check option shapes (MkDocs), then everything else (the engine); unknown keys fail."""
        errors, warnings = super().load_config(dict(options), config_file_path)
        self.config_dir = os.path.dirname(os.path.abspath(config_file_path or "mkdocs.yml"))
        self.framework = None
        try:
            self.growth = parse_options(dict(options))
            self.framework = open_framework(self.growth, self.config_dir)
        except OptionsError as exc:
            ours = [(key, msg) for key, msg in exc.errors]
            reported = {re.split(r"[. ]", key, maxsplit=1)[0] for key, _ in ours}
            errors = ours + [(k, m) for k, m in errors if k not in reported]
        # MkDocs only warns about unknown keys; parse_options has made them errors already.
        known = {name for name, _ in self.config_scheme}
        return errors, [(key, msg) for key, msg in warnings if key in known]

    def on_config(self, config: MkDocsConfig) -> None:
        self.store = None  # per-build state: nothing survives from the previous rebuild
        self.ctx = None
        self.swaps = {}
        self.listings = {}
        self.meta_from_entry = set()
        self.generated_files, self.set_aside = [], []

    @event_priority(100)  # before any other plugin reads the files: redirects records targets
    def _add_generated(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Read the store, validate it, add the generated pages and files."""
        self.generated_files = []
        inclusion = (
            InclusionLevel.is_in_serve if self.command == "serve" else InclusionLevel.is_included
        )
        pages = files.documentation_pages(inclusion=inclusion)
        sources = [f for f in pages if f.generated_by is None and f.src_dir]
        config_name = os.path.basename(config.config_file_path or "mkdocs.yml")
        paths = [f.src_uri for f in sources]  # every source page lives in docs_dir
        full = open_store(
            config.docs_dir,
            self.growth,
            config_name,
            paths=paths,
            nav=config.nav,
            framework=self.framework,
        )
        # Every output is built from what the audience may see (practice.audience):
        # for `audience: public`, private pages leave the build here (nav, search, sitemap).
        store = published(full, config_name)
        left_out = {f.src_uri for f in sources if f.src_uri not in store.by_path}
        if left_out:
            for file in [f for f in pages if f.src_uri in left_out]:
                files.remove(file)
            pages = [f for f in pages if f.src_uri not in left_out]
        ctx = SiteContext(
            today=self.growth.effective_today(),
            base=self.growth.base,
            config_file=config_name,
            site_url=usable_site_url(config.site_url),
            site_name=config.site_name,
            use_directory_urls=config.use_directory_urls,
            page_urls={f.src_uri: f.url for f in pages},
            markdown_extensions=frozenset(
                e for e in config.markdown_extensions if isinstance(e, str)
            ),
        )
        self.store, self.ctx = store, ctx
        note = site_url_note(config.site_url, ctx.path("feed.xml"))
        if note:
            log.info(note)
        with paused_gc():
            generated = render_pages(store, ctx)
        # An explicit `nav:` is the author's: generated pages stay out of it (and out of
        # MkDocs' "not included in nav" list) unless the author lists them.
        inclusion_level = InclusionLevel.NOT_IN_NAV if config.nav else InclusionLevel.UNDEFINED
        quiet = out_of_nav((item.path for item in generated), store, ctx)  # nothing to show yet
        fast = fast_path_allowed(config.markdown_extensions)
        generated_pages = {item.path for item in generated if item.path.endswith(".md")}
        authored = set(files.src_uris)
        self._backing.append(tempfile.mkdtemp(prefix="mkdocs-growth-"))  # never in docs_dir
        for item in generated:
            if item.path in authored:
                continue  # the author's file is kept: preflight.shadowed_pages says so
            content = item.markdown
            if fast and item.listings:
                content = self._without_listings(item, ctx, generated_pages)
            generated_file = self._generated_file(
                config,
                item.path,
                content,
                InclusionLevel.NOT_IN_NAV if item.path in quiet else inclusion_level,
            )
            files.append(generated_file)
            self.generated_files.append(generated_file)
        site_problems = site_url_problems(
            config.site_url, config_name, _config_text(config)
        ) + shadowed_pages((item.path for item in generated), authored.__contains__)
        self._report(full, site_problems, config, config_name)
        documents = sum(e.is_growth for e in full.entries)
        errors = len(full.errors) + sum(p.is_error for p in site_problems)
        warnings = len(full.problems) + len(site_problems) - errors
        private = f"; {len(left_out)} private pages left out" if left_out else ""
        log.info(
            f"{plural(documents, 'growth document')}, {plural(errors, 'error')},"
            f" {plural(warnings, 'warning')}; {len(generated)} pages and files generated"
            f"{private}"
        )
        if self.command == "serve" and not self.dashboard_shown:
            # `mkdocs serve` mounts the site at site_url's path: say where the dashboard is
            self.dashboard_shown = True
            log.info(
                f"the growth dashboard is at {_served_at(config, ctx.url_of(ctx.path('index.md')))}"
            )
        # The store is millions of long-lived objects with no cycles. Held out of the
        # cyclic collector until the build ends, it costs no collection passes while
        # MkDocs builds the pages (about 0.6 s less on 5,000 cards).
        gc.freeze()
        return files

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        """Edits to the framework file rebuild the site, as edits to pages do."""
        if self.growth.framework is not None:
            path = os.path.join(self.config_dir, self.growth.framework)
            docs = os.path.join(os.path.abspath(config.docs_dir), "")
            if not os.path.abspath(path).startswith(docs):  # docs_dir is watched already
                server.watch(path)
        return server

    @event_priority(-99)  # just before mkdocs-static-i18n's on_files (-100)
    def _step_aside_for_i18n(self, files: Files, *, config: MkDocsConfig) -> Files:
        """mkdocs-static-i18n drops (with a warning) every page whose source is not in docs_dir.

        Growth's pages leave the list while it rebuilds it and come back after it
        (:meth:`_return_generated`), in the language folder of the build.
        """
        self.set_aside = []
        if coexist.I18N in config.plugins:
            self.set_aside = [f for f in self.generated_files if f.is_documentation_page()]
            for file in self.set_aside:
                files.remove(file)
        return files

    @event_priority(-110)  # after every other plugin's on_files
    def _return_generated(self, files: Files, *, config: MkDocsConfig) -> Files:
        folder = coexist.i18n_language_folder(config)
        for file in self.set_aside:
            if folder:
                file.dest_uri = f"{folder}/{file.dest_uri}"
            files.append(file)
        self.set_aside = []
        return files

    on_files = CombinedEvent(_add_generated, _step_aside_for_i18n, _return_generated)

    def _generated_file(
        self, config: MkDocsConfig, path: str, content: str | bytes, inclusion: InclusionLevel
    ) -> File:
        """A generated page or file, backed by a real file in this build's temporary folder.

        Plugins that treat every page as a file on disk (mkdocs-static-i18n,
        mkdocs-rss-plugin) fail on MkDocs' in-memory pages, whose ``abs_src_path`` is None.
        """
        target = os.path.join(self._backing[-1], *path.split("/"))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as handle:
            handle.write(content.encode("utf-8") if isinstance(content, str) else content)
        return File.generated(config, path, abs_src_path=target, inclusion=inclusion)

    @event_priority(-110)  # after every plugin's post-build work, which may read the pages
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._end_of_build()

    def on_build_error(self, *, error: Exception) -> None:
        self._end_of_build()

    def _end_of_build(self) -> None:
        """Give the store back to the collector; let go of it unless `mkdocs serve` runs again.

        A one-shot build's process exits next, and every collection on the way
        out would walk the whole store again (about 0.3 s each on 5,000 cards).
        It has no reference cycles: dropping it frees it at once, for less.
        """
        gc.unfreeze()  # a `mkdocs serve` rebuild may free the old store's objects
        if self._backing:  # this build's folder (a plugin may nest a build: one per level)
            shutil.rmtree(self._backing.pop(), ignore_errors=True)
        if self.command != "serve":
            self.store, self.ctx, self.swaps, self.listings = None, None, {}, {}
            forget_cached_entries()

    def _without_listings(
        self, item: GeneratedPage, ctx: SiteContext, generated_pages: set[str]
    ) -> str:
        """The page's Markdown with each listing block it can render as HTML left out.

        The blocks come back in ``on_page_content``: about 3 s of Markdown saved on
        a 5,000-card store. A block outside :mod:`.listing_html`'s dialect stays in.
        """

        def href(target: str) -> str | None:
            if target.startswith(("https://", "http://", "mailto:")):
                return target  # an artifact URL (validated, md_url-quoted): Markdown keeps it as is
            path = posixpath.normpath(posixpath.join(posixpath.dirname(item.path), unquote(target)))
            if not (ctx.is_page(path) or path in generated_pages):
                return None  # let MkDocs resolve (and report) it
            return ctx.href(item.path, path)

        markdown, kept = item.skeleton, []
        for token, block in item.listings:
            converted = convert_listing(block, href)
            if converted is None:
                markdown = markdown.replace(placeholder(token), block, 1)
            else:
                kept.append((f"<p>{token}</p>", converted))
        if kept:
            self.listings[item.path] = kept
        return markdown

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        entry = self._entry(page.file)
        if entry is None or self.store is None or self.ctx is None:
            return None
        if entry.front_matter_broken:
            problems = [p for p in entry.problems if p.is_error] or entry.problems
            text = _raw_text(page.file, entry) or ""
            return header.broken_page(entry, problems, self.ctx, text)
        if entry.text:
            if self._parsed_once(entry):
                self.meta_from_entry.add(entry.path)  # on_page_markdown sets page.meta
                return _NO_FRONT_MATTER + entry.body
            return entry.text  # already read once: spare MkDocs a second read
        text = _raw_text(page.file, entry)  # empty or over the size limit: published as-is
        if text is None:  # unreadable, gone, or a FIFO (MkDocs' own read would raise or block)
            return header.broken_page(entry, entry.problems, self.ctx, "")
        return text

    @event_priority(100)  # page.meta is complete before any other plugin reads it
    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        entry = self._entry(page.file)
        if entry is not None and entry.is_growth:
            if entry.path in self.meta_from_entry or self.growth.audience == "public":
                # top level copied: the entry is cached. A public build's entries carry
                # no private field, so the page's metadata does not either.
                page.meta = dict(entry.meta or {})
            _theme_safe(page.meta)
        elif page.meta.get("title") is not None and page.file not in self.generated_files:
            # any other page: themes print a front-matter title as HTML (growth's own pages
            # set theirs as HTML text already)
            page.meta["title"] = html_text(page.meta["title"])
        return None

    def _parsed_once(self, entry: Entry) -> bool:
        """A valid document whose front matter MkDocs would find in the same place.

        Its source goes to MkDocs without the front matter (and page.meta comes
        from the entry), so the YAML is parsed once per build, not twice: MkDocs'
        own parse of a card's front matter costs about as much as ours.
        """
        if entry.doc is None or entry.meta is None or self.store is None:
            return False
        if entry.path in self.store.invalid_paths:
            return False
        found = _MKDOCS_FRONT_MATTER.match(entry.text)
        return found is not None and found.end() == len(entry.text) - len(entry.body)

    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Valid cards get their header above the author's text (after a leading ``<h1>``).

        Generated pages get their listing blocks back. Search indexes a plain
        paragraph with the same words in place of each header and listing (the
        search plugin costs per tag); ``on_page_context`` then swaps in the real HTML.
        """
        listings = self.listings.pop(page.file.src_uri, None)
        if listings and page.file.generated_by is not None:
            swaps = self.swaps.setdefault(page.file.src_uri, [])
            for n, (paragraph, block) in enumerate(listings):
                stand_in = f'<p data-growth-listing="{n}">{block.text}</p>'
                if paragraph in html:
                    html = html.replace(paragraph, stand_in, 1)
                    swaps.append((stand_in, block.html))
                else:  # another plugin rewrote the placeholder: say so rather than lose rows
                    log.warning(f"{page.file.src_uri}: a listing was lost (placeholder changed)")
            return html
        entry = self._entry(page.file)
        if entry is None or self.store is None or self.ctx is None:
            return None
        card = entry.doc
        if not isinstance(card, Card) or entry.path in self.store.invalid_paths:
            return None
        head = header.card_header_html(card, self.store, self.ctx, entry.path)
        stand_in = header.search_stand_in(card, self.store)
        self.swaps[entry.path] = [(stand_in, head)]
        return header.insert_header(html, stand_in)

    @event_priority(-100)  # after the search plugin has indexed the page
    def on_page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any] | None:
        """Swap each search stand-in for the real HTML (header tables and chart, listings)."""
        swaps = self.swaps.pop(page.file.src_uri, None)
        if swaps and page.content:
            content = page.content
            for stand_in, real in swaps:
                content = content.replace(stand_in, real, 1)
            page.content = content
        return None

    def _entry(self, file: File) -> Entry | None:
        if self.store is None or file.generated_by is not None:
            return None
        return self.store.by_path.get(file.src_uri)

    def _report(
        self, store: Store, site_problems: list[Problem], config: MkDocsConfig, config_name: str
    ) -> None:
        """Log every problem; in strict mode fail the build with a summary.

        MkDocs' own ``--strict`` counts logged warnings, but ``-q`` filters them
        out before they are counted, so the plugin enforces strictness itself.
        """
        framework = self.growth.framework
        problems = store.problems + site_problems
        for problem in problems:
            where = _located(problem, config_name, config, framework=framework)
            (log.error if problem.is_error else log.warning)(where)
        if not (self.growth.strict or config.strict) or not problems:
            return
        lines = [_located(p, config_name, config, True, framework) for p in problems]
        shown = [f"  {line}" for line in lines[:STRICT_SHOWN]]
        if len(lines) > STRICT_SHOWN:
            shown.append(f"  ... and {len(lines) - STRICT_SHOWN} more")
        errors = sum(p.is_error for p in problems)
        raise PluginError(
            f"growth store has {plural(errors, 'error')} and"
            f" {plural(len(problems) - errors, 'warning')} (strict mode fails on any):\n"
            + "\n".join(shown)
        )


def _located(
    problem: Problem,
    config_name: str,
    config: MkDocsConfig,
    severity: bool = False,
    framework: str | None = None,
) -> str:
    """``path:line: message`` with the path as the user would open it.

    Documents are relative to docs_dir; the framework file (``framework``, a
    ``.yml`` so never a page's name) is relative to mkdocs.yml.
    """
    if problem.path == config_name:
        path = _shown_path(config.config_file_path or problem.path)
    elif problem.path == framework:
        config_dir = os.path.dirname(os.path.abspath(config.config_file_path or "mkdocs.yml"))
        path = _shown_path(os.path.join(config_dir, problem.path))
    else:
        path = _shown_path(os.path.join(config.docs_dir, problem.path))
    where = f"{path}:{problem.line}" if problem.line else path
    kind = f" {problem.severity.value}:" if severity else ""
    return f"{where}:{kind} {problem.message}"


def _config_text(config: MkDocsConfig) -> str:
    """mkdocs.yml as text, for the line of a key a problem is about ("" when unreadable)."""
    try:
        with open(config.config_file_path or "", encoding="utf-8-sig") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError):
        return ""


def _served_at(config: MkDocsConfig, url: str) -> str:
    """The absolute address of a site-relative URL under `mkdocs serve` (site_url is the server's)."""
    return (config.site_url or "/").rstrip("/") + "/" + ("" if url == "./" else url)


def _shown_path(path: str) -> str:
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        rel = ".."
    return shown_path(path if rel.startswith("..") else rel)


def _theme_safe(meta: dict[str, Any]) -> None:
    """Themes print titles and tags raw and read `status`: hand them literal text, hide status."""
    if meta.get("title") is not None:
        meta["title"] = literal_title(meta["title"])
    tags = meta.get("tags")
    if isinstance(tags, list) and all(isinstance(tag, str) for tag in tags):
        meta["tags"] = [html_text(tag) for tag in tags]  # Material's tags plugin prints them raw
    elif tags is not None:
        del meta["tags"]  # reported by the engine; Material's tags plugin would abort the build
    meta.pop("status", None)


def literal_title(value: Any) -> str:
    """A document's title as HTML that displays it literally, in any theme or plugin.

    Escaped for themes (they print titles raw); braces as character references,
    so a template plugin (macros renders ``{{ ... }}`` in page titles) finds no
    expression in a document's data. The browser shows both as typed.
    """
    return html_text(value).replace("{", "&#123;").replace("}", "&#125;")


def _raw_text(file: File, entry: Entry) -> str | None:
    """The file as text; undecodable bytes shown as U+FFFD, never dropped. None: unreadable."""
    if entry.text:
        return entry.text
    path = file.abs_src_path or ""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None  # opening a FIFO blocks until a writer comes
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError:
        return None
    return normalize(raw.decode("utf-8", errors="replace"))
