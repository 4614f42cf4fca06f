"""MkDocs adapter: MkDocs events in, engine calls out.

Per build: ``on_files`` reads every documentation page through the engine
(cached by mtime/size, so ``mkdocs serve`` re-parses only what changed),
validates the store once, logs the problems and adds the generated pages
(as Markdown skeletons, see :mod:`.insertion`). Page events then make growth
documents safe for the theme, and put growth's HTML into the page right after
Markdown: the generated pages' blocks and the cards' headers. The logic lives
in the engine and the ``site`` package.
"""

from __future__ import annotations

import gc
import os
import posixpath
import re
import stat
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Literal

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
from ..core.options import GrowthConfig, Limits, OptionsError, parse_options
from ..core.parse import Entry, oversize, parse_entry
from ..core.problems import Problem, error, shown_path
from ..core.store import Store, forget_cached_entries, paused_gc
from ..discovery import documentation_pages
from ..practice.audience import published, said_in, withheld_keys
from ..practice.store import open_store
from ..site.files.stylesheet import NAME as STYLESHEET
from ..site.pages import card_header as header
from ..site.preflight import (
    case_shadowed_pages,
    shadowed_pages,
    site_url_note,
    site_url_problems,
    usable_site_url,
)
from ..site.registry import SiteContext, shows_own_store, site_files, site_pages
from ..site.theme_meta import literal_title, plain_page_safe, theme_safe
from ..site.to_html import render as render_html
from ..site.urls import page_url
from . import backing, coexist
from .config import GrowthPluginConfig
from .insertion import (
    Skeleton,
    fill_markers,
    skeleton,
    under_title,
    without_markers,
)
from .nav import out_of_nav
from .search import show_words_to_search
from .team import TEAM_FEED, TEAM_HOME, TeamPublisher

log = get_plugin_logger(__name__)

STRICT_SHOWN = 10  # problems quoted in the strict-mode failure message
_NO_FRONT_MATTER = "---\n{}\n---\n"  # an empty block: MkDocs reads no metadata, keeps the body
# A build froze the heap (gc.freeze): whatever garbage it froze with it still waits for a
# full collection, which the collector's own schedule never starts for unfrozen objects.
_froze_garbage = False


class GrowthPlugin(BasePlugin[GrowthPluginConfig]):
    """``plugins: [growth]``: validate the store and publish it as a site."""

    def __init__(self) -> None:
        self.growth = GrowthConfig()
        self.framework: LoadedFramework | None = None  # the `framework` file, read with the options
        self.config_dir = "."  # where mkdocs.yml is: the framework path is relative to it
        self.command = "build"
        self.store: Store | None = None
        self.ctx: SiteContext | None = None
        # generated page -> its skeleton: the blocks its markers stand for
        self.skeletons: dict[str, Skeleton] = {}
        self.page_urls: PageUrls | None = None  # where this build's pages are published
        self.filled: set[str] = set()  # pages growth put HTML into: search reads their words
        self.released = False  # the store was let go of before the pages were written
        self.meta_from_entry: set[str] = set()  # pages whose front matter MkDocs did not re-parse
        self.dashboard_shown = False  # `mkdocs serve` logs the dashboard's address once
        # one temporary folder per running build, holding its generated pages and files
        self._backing: list[str] = []
        self.generated_files: list[File] = []  # this build's, in the order they were added
        self.set_aside: list[File] = []  # generated pages kept out of mkdocs-static-i18n's way
        # the pages the store was read from: (src_uri, source file) of each
        self.read_from: frozenset[tuple[str, str | None]] = frozenset()
        self.full_store: Store | None = None  # private pages too, until its problems are shown
        self.left_out_files: list[File] = []  # private pages a public build leaves out
        self.site_problems: list[Problem] = []  # about the config and the generated pages
        self.generated_count = 0
        self.team = TeamPublisher()  # with the `team:` option: the team pages and members' sites

    # Defining on_startup makes MkDocs keep this instance across `mkdocs serve` rebuilds.
    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.command = command
        self.dashboard_shown = False  # once per `mkdocs serve`, not per rebuild

    def on_shutdown(self) -> None:
        """MkDocs keeps this instance for the process: a later build there is no `serve`."""
        self.command = "build"

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
        self.ctx, self.page_urls = None, None  # the last build's files, and through them its pages
        self.skeletons = {}
        self.filled = set()
        self.meta_from_entry = set()
        self.released = False
        self.generated_files, self.set_aside = [], []
        self.read_from, self.full_store, self.left_out_files = frozenset(), None, []
        _collect_frozen_garbage()
        sheet = f"{self.growth.base}/{STYLESHEET}"  # growth's own styles (site/files/stylesheet)
        if sheet not in config.extra_css:
            config.extra_css.append(sheet)

    @event_priority(100)  # before any other plugin reads the files: redirects records targets
    def _add_generated(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Read the store, validate it, add the generated pages and files.

        Other plugins may still add, remove or rename pages after this
        (:meth:`_settle` reads the store again when they did).
        """
        self._publish(files, config)
        return files

    def _publish(self, files: Files, config: MkDocsConfig, *, again: bool = False) -> None:
        """The store of the build's pages as they are now in ``files``, and its generated pages.

        ``again``: this build read the store once already, before other plugins changed
        the list; that reading's generated pages and their folder go.
        """
        for old in self.generated_files:  # a second reading: the first one's pages go
            if files.get_file_from_path(old.src_uri) is old:
                files.remove(old)
        self.generated_files, self.skeletons = [], {}
        pages = self._source_pages(files)
        if again:  # the private pages the first reading took out are still the store's
            listed = set(files.src_uris)
            pages += [f for f in self.left_out_files if f.src_uri not in listed]
        config_name = os.path.basename(config.config_file_path or "mkdocs.yml")
        in_docs, elsewhere = _split_by_origin(pages, config.docs_dir, self.growth.limits)
        meta_names = coexist.meta_file_names(config)
        full = open_store(
            config.docs_dir,
            self.growth,
            config_name,
            paths=in_docs,
            nav=config.nav,
            framework=self.framework,
            # every file MkDocs found, excluded ones too (a `.meta.yml` is), in its order
            meta_files=[f.src_uri for f in files if posixpath.basename(f.src_uri) in meta_names],
            elsewhere=elsewhere,
        )
        # Every output is built from what the audience may see (practice.audience):
        # for `audience: public`, private pages leave the build here (nav, search, sitemap).
        store = published(full, config_name)
        left_out = [f for f in pages if f.src_uri not in store.by_path]
        for file in left_out:
            if files.get_file_from_path(file.src_uri) is file:
                files.remove(file)
        self.read_from = _signature(f for f in pages if f.src_uri in store.by_path)
        every_page = {f.src_uri for f in documentation_pages(files, self.command)}
        page_urls = PageUrls(every_page, config.use_directory_urls)
        ctx = SiteContext(
            today=self.growth.effective_today(),
            base=self.growth.base,
            config_file=config_name,
            site_url=usable_site_url(config.site_url),
            site_name=config.site_name,
            use_directory_urls=config.use_directory_urls,
            page_urls=page_urls,
            markdown_extensions=frozenset(
                e for e in config.markdown_extensions if isinstance(e, str)
            ),
            custom_checkboxes=bool(
                ((config.mdx_configs or {}).get("pymdownx.tasklist") or {}).get("custom_checkbox")
            ),
        )
        self.store, self.ctx, self.page_urls = store, ctx, page_urls
        with paused_gc():
            generated: list[tuple[str, Skeleton | str]] = [
                (page.path, skeleton(page)) for page in site_pages(store, ctx)
            ]
            generated += [(item.path, item.text) for item in site_files(store, ctx)]
            generated += self.team.generated(self.growth, self.config_dir, config, files, ctx)
        # An explicit `nav:` is the author's: generated pages stay out of it (and out of
        # MkDocs' "not included in nav" list) unless the author lists them.
        inclusion_level = InclusionLevel.NOT_IN_NAV if config.nav else InclusionLevel.UNDEFINED
        quiet = out_of_nav((path for path, _ in generated), store, ctx)  # nothing to show yet
        quiet |= self.team.quiet
        authored = set(files.src_uris)
        if again and self._backing:
            backing.remove(self._backing.pop())  # the first reading's folder
        self._backing.append(backing.new_folder())  # never in docs_dir
        for path, content in generated:
            if path in authored:
                continue  # the author's file is kept: preflight.shadowed_pages says so
            if isinstance(content, Skeleton):
                self.skeletons[path] = content
                content = content.markdown
            generated_file = self._generated_file(
                config,
                path,
                content,
                InclusionLevel.NOT_IN_NAV if path in quiet else inclusion_level,
            )
            files.append(generated_file)
            self.generated_files.append(generated_file)
            page_urls.paths.add(path)
        self.full_store, self.left_out_files = full, left_out
        made = [path for path, _ in generated]
        self.site_problems = site_url_problems(config.site_url, config_name, _config_text(config))
        self.site_problems += shadowed_pages(made, authored.__contains__)
        self.site_problems += case_shadowed_pages(made, authored)
        self.generated_count = len(generated)

    def _source_pages(self, files: Files) -> list[File]:
        """The build's documentation pages other than growth's own, in the list's order."""
        ours = {id(f) for f in self.generated_files}
        pages = documentation_pages(files, self.command)  # the rule the CLI calls too
        return [f for f in pages if id(f) not in ours]

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        """Edits to the framework file rebuild the site, as edits to pages do."""
        if self.growth.framework is not None:
            path = os.path.join(self.config_dir, self.growth.framework)
            docs = os.path.join(os.path.abspath(config.docs_dir), "")
            if not os.path.abspath(path).startswith(docs):  # docs_dir is watched already
                server.watch(path)
        self.team.watch(server, self.growth, self.config_dir)  # members' sites rebuild it too
        return server

    @event_priority(-99)  # just before mkdocs-static-i18n's on_files (-100)
    def _step_aside_for_i18n(self, files: Files, *, config: MkDocsConfig) -> Files:
        """mkdocs-static-i18n drops (with a warning) every page whose source is not in docs_dir.

        Growth's pages leave the list while it rebuilds it and come back after it
        (:meth:`_settle`), in the language folder of the build.
        """
        self.set_aside = []
        if coexist.I18N in config.plugins:
            self.set_aside = [f for f in self.generated_files if f.is_documentation_page()]
            for file in self.set_aside:
                files.remove(file)
        return files

    @event_priority(-110)  # after every other plugin's on_files
    def _settle(self, files: Files, *, config: MkDocsConfig) -> Files:
        """The pages are final: growth describes exactly them, then reports the store.

        A plugin that added, removed or renamed a page since :meth:`_add_generated`
        (mkdocs-exclude, mkdocs-multirepo-plugin, a hook) makes growth read the
        store again from the final list and generate its pages anew.
        """
        returning, self.set_aside = self.set_aside, []
        if _signature(self._source_pages(files)) != self.read_from:
            log.info("other plugins changed the pages: growth reads them again")
            self._publish(files, config, again=True)
            if returning:  # mkdocs-static-i18n is done: the new pages go where the old ones were
                returning = [f for f in self.generated_files if f.is_documentation_page()]
                for file in returning:
                    files.remove(file)
        folder = coexist.i18n_language_folder(config)
        for file in returning:
            if folder:
                file.dest_uri = f"{folder}/{file.dest_uri}"
            files.append(file)
        self._announce(config)
        return files

    on_files = CombinedEvent(_add_generated, _step_aside_for_i18n, _settle)

    def _announce(self, config: MkDocsConfig) -> None:
        """The store's problems (failing a strict build), one summary line, the dashboard."""
        full, store, ctx = self.full_store, self.store, self.ctx
        if full is None or store is None or ctx is None:
            return
        config_name = os.path.basename(config.config_file_path or "mkdocs.yml")
        own = shows_own_store(store)  # a team site of no documents of its own: the team's pages
        home, what = (ctx.path("index.md"), "growth dashboard") if own else (TEAM_HOME, "team site")
        note = site_url_note(config.site_url, ctx.path("feed.xml") if own else TEAM_FEED)
        if note:
            log.info(note)
        site_problems = self.site_problems
        self._report(full, site_problems, config, config_name)
        documents = sum(e.is_growth for e in full.entries)
        errors = len(full.errors) + sum(p.is_error for p in site_problems)
        warnings = len(full.warnings) + len(site_problems) - sum(p.is_error for p in site_problems)
        left_out = len(self.left_out_files)
        private = f"; {left_out} private pages left out" if left_out else ""
        log.info(
            f"{plural(documents, 'growth document')}, {plural(errors, 'error')},"
            f" {plural(warnings, 'warning')}; {self.generated_count} pages and files generated"
            f"{private}"
        )
        self.full_store = None  # the published store is all the pages need
        if self.command == "serve" and not self.dashboard_shown:
            # `mkdocs serve` mounts the site at site_url's path: say where the dashboard is
            self.dashboard_shown = True
            log.info(f"the {what} is at {_served_at(config, ctx.url_of(home))}")
        _freeze()

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

    def on_nav(self, nav: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """Every plugin has placed its files: links may read MkDocs' own URLs from here on.

        The search plugins have made this build's index by now: it reads growth's words.
        """
        show_words_to_search(config, self.filled)
        if self.page_urls is not None:
            self.page_urls.files = files
            self._changed_too_late(files, config)
        return nav

    def _changed_too_late(self, files: Files, config: MkDocsConfig) -> None:
        """Pages added or removed after growth's last ``on_files`` step: named, never silent."""
        now = _signature(self._source_pages(files))
        added = sorted(path for path, _ in now - self.read_from)
        removed = sorted({path for path, _ in self.read_from} - {path for path, _ in now})
        for path in added:
            self._not_described(
                path, "it is published without growth (no card header, in no listing)", config
            )
        for path in removed:
            self._not_described(path, "growth's pages still list it and link to it", config)

    def _not_described(self, src_uri: str, consequence: str, config: MkDocsConfig) -> None:
        message = (
            f"{src_uri}: another plugin changed this page after growth read the pages"
            f" (in on_files below priority -110, or later): {consequence}"
        )
        if self.growth.strict or config.strict:
            raise PluginError(message)
        log.warning(message)

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """Every page holds growth's content now: a one-shot build lets go of the store here.

        MkDocs keeps every page's Markdown and HTML until it has written them
        all; the store (every document's text, front matter and model) need not
        stay beside them (docs/performance.md: memory).
        """
        if self.command != "serve":
            self.store, self.released = None, True
            forget_cached_entries()
        return env

    @event_priority(100)  # Material's page as it wrote it, before a minifier rewrites it
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return self.team.page_written(output, page.url)  # a team site's search asks Pagefind

    @event_priority(-110)  # after every plugin's post-build work, which may read the pages
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.team.publish(config)  # after search wrote its index: members' entries join it
        self._end_of_build()

    def on_build_error(self, *, error: Exception) -> None:
        self._end_of_build()

    def _end_of_build(self) -> None:
        """Give the store back to the collector; let go of it unless `mkdocs serve` runs again.

        A one-shot build's process exits next, and every collection on the way
        out would walk the whole store again. It has no reference cycles:
        dropping it frees it at once, for less (see docs/performance.md).
        """
        gc.unfreeze()  # a `mkdocs serve` rebuild may free the old store's objects
        if self._backing:  # this build's folder (a plugin may nest a build: one per level)
            backing.remove(self._backing.pop())
        if self.command != "serve":
            self.store, self.ctx, self.skeletons, self.filled = None, None, {}, set()
            forget_cached_entries()

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
    def _page_meta(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        entry = self._entry(page.file)
        if entry is not None and entry.is_growth:
            if entry.path in self.meta_from_entry or self.growth.audience == "public":
                # top level copied: the entry is cached. A public build's entries carry
                # no private field, so the page's metadata does not either.
                page.meta = dict(entry.meta or {})
            theme_safe(page.meta)
        elif page.file not in self.generated_files:
            # any other page: themes print a front-matter title as HTML (growth's own pages
            # set theirs as HTML text already)
            plain_page_safe(page.meta)
        return None

    @event_priority(0)  # after Material's meta plugin (50), before its tags plugin reads (-50)
    def _public_meta(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """A public page's metadata as other plugins merged it: no private field, not private.

        Folder defaults (Material's meta plugin) and other plugins add metadata
        after growth set it: their private fields leave it here, and a page that
        they make private, which growth could not leave out, fails the build.
        """
        if self.growth.audience != "public" or page.file in self.generated_files:
            return None
        for key in withheld_keys(page.meta, frozenset(self.growth.private_fields)):
            del page.meta[key]
        for item in said_in(page.file.src_uri, page.meta):
            if item.value != "public":
                raise PluginError(
                    f"{page.file.src_uri}: its metadata says {item.key}: {item.value!r} (set by"
                    " another plugin or a folder metadata file growth did not read), but the"
                    " page is in the public build: refusing to publish it"
                )
        return None

    on_page_markdown = CombinedEvent(_page_meta, _public_meta)

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
        return found is not None and found.end() == entry.body_start

    @event_priority(100)  # right after Markdown: before any other plugin rewrites the HTML
    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Growth's HTML into the page: a generated page's blocks, a valid card's header.

        It is in ``page.content`` from here on, so every later plugin sees the
        page as it is published (only the search index reads a lighter view of
        the same words, see :mod:`.search`).
        """
        if self.ctx is None or self.store is None:
            if self.released and page.file.src_uri in self.skeletons:
                self._misplaced(
                    page.file.src_uri, "its blocks (rendered after the build's pages)", config
                )
            return None
        src = page.file.src_uri
        found = self.skeletons.pop(src, None)
        if found is not None and page.file.generated_by is not None:
            ctx, runs = self.ctx, found.runs
            html, missing = fill_markers(html, len(runs), lambda n: render_html(runs[n], ctx, src))
            if missing:
                self._misplaced(src, f"{len(missing)} of its {len(runs)} blocks", config)
            # Plugins that render page.markdown themselves (the rss plugin's abstracts) must
            # not find growth's markers there: the skeleton keeps its title and headings.
            page.markdown = without_markers(page.markdown or "")
            self.filled.add(src)
            return html
        entry = self._entry(page.file)
        if entry is None:
            return None
        if self.command != "serve":  # MkDocs holds the page's Markdown now (memory: see docs)
            entry.release_text()
        doc = entry.doc
        if doc is None or entry.path in self.store.invalid_paths:
            return None
        head = ""
        if isinstance(doc, Card):
            head = render_html([header.card_header(doc, self.store, self.ctx)], self.ctx, src)
            self.filled.add(src)
        # Titles live in front matter: a page without an <h1> gets one with its title, so
        # every theme shows it (Material adds the same one itself) and print-site finds it.
        return under_title(html, head, literal_title(doc.title))

    def _misplaced(self, src_uri: str, what: str, config: MkDocsConfig) -> None:
        """Growth's content has no place in the page: a warning naming it, an error under strict."""
        message = (
            f"{src_uri}: growth could not place {what}: their markers are missing from the"
            " page's HTML (another plugin changed the page)"
        )
        if self.growth.strict or config.strict:
            raise PluginError(message)
        log.warning(message)

    def _entry(self, file: File) -> Entry | None:
        """The store's entry of a page: one of docs_dir, or one another plugin added."""
        if self.store is None:
            return None
        return self.store.by_path.get(file.src_uri)  # growth's own pages are never in it

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
            if problem.is_note:
                log.info(where)
            else:
                (log.error if problem.is_error else log.warning)(where)
        problems = [p for p in problems if p.fails_strict]  # notes never fail a build
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


class PageUrls(Mapping[str, str]):
    """Where each page of the build is published: MkDocs' ``File.url``, read when asked.

    Plugins after growth may still move pages in ``on_files``
    (mkdocs-static-i18n puts them in a language folder), and MkDocs computes
    ``File.url`` once per file: reading it before they are done would keep a
    wrong URL, for MkDocs too. So until ``on_nav`` hands over the build's
    final files, MkDocs' URL rule stands in (what ``growth.json`` and the feed
    use, built in ``on_files``); then each page's own ``File.url``.
    """

    def __init__(self, paths: set[str], use_directory_urls: bool) -> None:
        self.paths = paths  # docs-relative paths of the build's pages, generated ones too
        self.use_directory_urls = use_directory_urls
        self.files: Files | None = None

    def __getitem__(self, path: str) -> str:
        if path not in self.paths:
            raise KeyError(path)
        file = self.files.src_uris.get(path) if self.files is not None else None
        return file.url if file is not None else page_url(path, self.use_directory_urls)

    def __contains__(self, path: object) -> bool:
        return path in self.paths

    def __iter__(self) -> Iterator[str]:
        return iter(self.paths)

    def __len__(self) -> int:
        return len(self.paths)


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


def _signature(pages: Iterable[File]) -> frozenset[tuple[str, str | None]]:
    """What a reading of the store depends on: each page's path and the file it comes from."""
    return frozenset((f.src_uri, f.abs_src_path) for f in pages)


def _split_by_origin(
    pages: Iterable[File], docs_dir: str, limits: Limits
) -> tuple[list[str], list[Entry]]:
    """Paths of the pages read from docs_dir, and the others (another plugin's) parsed here."""
    in_docs: list[str] = []
    elsewhere: list[Entry] = []
    root = os.path.abspath(docs_dir)
    for file in pages:
        own = os.path.join(root, *file.src_uri.split("/"))
        if file.abs_src_path is not None and os.path.abspath(file.abs_src_path) == own:
            in_docs.append(file.src_uri)
        else:
            elsewhere.append(_entry_of(file, limits))
    return in_docs, elsewhere


def _entry_of(file: File, limits: Limits) -> Entry:
    """A page another plugin added (its source outside docs_dir, or only in memory), parsed."""
    path = file.src_uri
    try:
        raw = file.content_bytes
    except OSError as exc:
        where = f" {file.abs_src_path}" if file.abs_src_path else ""
        problem = error(path, 0, f"cannot read the file{where}: {exc.strerror}")
        return Entry(path, problems=[problem])
    if len(raw) > limits.max_file_bytes:
        return oversize(path, len(raw), limits)
    return parse_entry(path, raw, limits)


def _freeze() -> None:
    """Hold every object alive now out of the cyclic collector until the build ends.

    The store is millions of long-lived objects with no cycles: frozen, it costs
    no collection passes while MkDocs builds the pages (docs/performance.md).
    """
    global _froze_garbage
    _froze_garbage = True
    gc.freeze()


def _collect_frozen_garbage() -> None:
    """Free what the last build froze, before this one freezes again.

    ``gc.freeze`` also freezes the garbage of the build before it (its pages
    and nav are reference cycles). Unfrozen, those objects join the oldest
    generation without counting towards its next collection, so under
    ``mkdocs serve`` each rebuild kept the previous one for good (about 18 MB
    a rebuild on a 500-card store). One full collection here, at the start of
    a second build in the same process, frees them; a one-shot build never
    pays for it.
    """
    global _froze_garbage
    if _froze_garbage:
        _froze_garbage = False
        gc.collect()


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
