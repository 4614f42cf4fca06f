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
import stat
from typing import Any, Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import YAML_RE as _MKDOCS_FRONT_MATTER

from ..core.frontmatter import normalize
from ..core.model import Card
from ..core.options import GrowthConfig, OptionsError, parse_options
from ..core.parse import Entry
from ..core.problems import Problem
from ..core.store import Store, forget_cached_entries, paused_gc
from ..practice.store import open_store
from ..site.context import SiteContext
from ..site.escape import html_text
from ..site.pages import card_header as header
from ..site.registry import site_files, site_pages
from ..site.to_html import render as render_html
from .config import GrowthPluginConfig
from .insertion import (
    SearchView,
    Skeleton,
    after_leading_h1,
    fill_markers,
    for_search,
    restore_regions,
    skeleton,
)

log = get_plugin_logger(__name__)

STRICT_SHOWN = 10  # problems quoted in the strict-mode failure message
_NO_FRONT_MATTER = "---\n{}\n---\n"  # an empty block: MkDocs reads no metadata, keeps the body


class GrowthPlugin(BasePlugin[GrowthPluginConfig]):
    """``plugins: [growth]``: validate the store and publish it as a site."""

    def __init__(self) -> None:
        self.growth = GrowthConfig()
        self.command = "build"
        self.store: Store | None = None
        self.ctx: SiteContext | None = None
        # generated page -> its skeleton: the blocks its markers stand for
        self.skeletons: dict[str, Skeleton] = {}
        # page -> its content as published, while search reads the lighter view
        self.search_views: dict[str, SearchView] = {}
        self.meta_from_entry: set[str] = set()  # pages whose front matter MkDocs did not re-parse
        self.released = False  # the store was let go of before the pages were written

    # Defining on_startup makes MkDocs keep this instance across `mkdocs serve` rebuilds.
    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.command = command

    def load_config(
        self, options: dict[str, Any], config_file_path: str | None = None
    ) -> tuple[list[tuple[str, Any]], list[tuple[str, Any]]]:
        """Check option shapes (MkDocs), then everything else (the engine); unknown keys fail."""
        errors, warnings = super().load_config(dict(options), config_file_path)
        try:
            self.growth = parse_options(dict(options))
        except OptionsError as exc:
            ours = [(key, msg) for key, msg in exc.errors]
            reported = {key.split(".", 1)[0] for key, _ in ours}
            errors = ours + [(k, m) for k, m in errors if k not in reported]
        # MkDocs only warns about unknown keys; parse_options has made them errors already.
        known = {name for name, _ in self.config_scheme}
        return errors, [(key, msg) for key, msg in warnings if key in known]

    def on_config(self, config: MkDocsConfig) -> None:
        self.store = None  # per-build state: nothing survives from the previous rebuild
        self.ctx = None
        self.skeletons = {}
        self.search_views = {}
        self.meta_from_entry = set()
        self.released = False

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        inclusion = (
            InclusionLevel.is_in_serve if self.command == "serve" else InclusionLevel.is_included
        )
        pages = files.documentation_pages(inclusion=inclusion)
        sources = [f for f in pages if f.generated_by is None and f.src_dir]
        config_name = os.path.basename(config.config_file_path or "mkdocs.yml")
        paths = [f.src_uri for f in sources]  # every source page lives in docs_dir
        store = open_store(config.docs_dir, self.growth, config_name, paths=paths)
        page_urls = {f.src_uri: f.url for f in pages}  # generated pages join below
        ctx = SiteContext(
            today=self.growth.effective_today(),
            base=self.growth.base,
            config_file=config_name,
            site_url=config.site_url or None,
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
        self.store, self.ctx = store, ctx
        site_warnings = []
        if not ctx.site_url:
            site_warnings.append(
                f"site_url is not set: {ctx.path('feed.xml')} (Atom) needs absolute links; skipped"
            )
        with paused_gc():
            generated = [(page.path, skeleton(page)) for page in site_pages(store, ctx)]
            generated += [(item.path, item.text) for item in site_files(store, ctx)]
        # An explicit `nav:` is the author's: generated pages stay out of it (and out of
        # MkDocs' "not included in nav" list) unless the author lists them.
        inclusion_level = InclusionLevel.NOT_IN_NAV if config.nav else InclusionLevel.UNDEFINED
        for path, content in generated:
            if path in files.src_uris:
                site_warnings.append(
                    f"{path} exists in docs_dir and is kept; the generated page is skipped"
                    " (set the growth option 'base' to another folder)"
                )
                continue
            if isinstance(content, Skeleton):
                self.skeletons[path] = content
                content = content.markdown
            file = File.generated(config, path, content=content, inclusion=inclusion_level)
            files.append(file)
            page_urls[path] = file.url
        self._report(store, site_warnings, config, config_name)
        documents = sum(e.is_growth for e in store.entries)
        log.info(
            f"{documents} growth documents, {len(store.errors)} errors,"
            f" {len(store.warnings)} warnings; {len(generated)} pages and files generated"
        )
        # The store is millions of long-lived objects with no cycles. Held out of the
        # cyclic collector until the build ends, it costs no collection passes while
        # MkDocs builds the pages (docs/performance.md has the measurement).
        gc.freeze()
        return files

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

    def on_post_build(self, *, config: MkDocsConfig) -> None:
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
        if self.command != "serve":
            self.store, self.ctx, self.skeletons, self.search_views = None, None, {}, {}
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
    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        entry = self._entry(page.file)
        if entry is not None and entry.is_growth:
            if entry.path in self.meta_from_entry:
                page.meta = dict(entry.meta or {})  # top level copied: the entry is cached
            _theme_safe(page.meta)
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

    @event_priority(100)  # right after Markdown: before any other plugin rewrites the HTML
    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Growth's HTML into the page: a generated page's blocks, a valid card's header.

        It is in ``page.content`` from here on, so every later plugin sees the
        page as it is published (search reads a lighter view of the same words,
        see :mod:`.insertion`).
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
            return html
        entry = self._entry(page.file)
        if entry is None:
            return None
        if self.command != "serve":  # MkDocs holds the page's Markdown now (memory: see docs)
            entry.release_text()
        card = entry.doc
        if not isinstance(card, Card) or entry.path in self.store.invalid_paths:
            return None
        head = render_html([header.card_header(card, self.store, self.ctx)], self.ctx, src)
        return after_leading_h1(html, head)

    @event_priority(50)  # just before the search plugins index the page (priority 0)
    def _show_search_words(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any
    ) -> None:
        """Search reads growth's HTML as plain paragraphs of the same words (tags cost it)."""
        view = for_search(page.content or "")
        if view is not None:
            self.search_views[page.file.src_uri] = view
            page.content = view.searched

    @event_priority(-100)  # after every other plugin's on_page_context: search has indexed
    def _put_back_published(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any
    ) -> None:
        """The page exactly as it was before search read it (or region by region, if changed)."""
        view = self.search_views.pop(page.file.src_uri, None)
        if view is None:
            return
        if page.content is view.searched or page.content == view.searched:
            page.content = view.published
            return
        page.content, lost = restore_regions(page.content or "", view)
        if lost:
            self._misplaced(page.file.src_uri, f"{lost} of its {len(view.regions)} blocks", config)

    on_page_context = CombinedEvent(_show_search_words, _put_back_published)

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
        if self.store is None or file.generated_by is not None:
            return None
        return self.store.by_path.get(file.src_uri)

    def _report(
        self, store: Store, site_warnings: list[str], config: MkDocsConfig, config_name: str
    ) -> None:
        """Log every problem; in strict mode fail the build with a summary.

        MkDocs' own ``--strict`` counts logged warnings, but ``-q`` filters them
        out before they are counted, so the plugin enforces strictness itself.
        """
        for problem in store.problems:
            (log.error if problem.is_error else log.warning)(_located(problem, config_name, config))
        for message in site_warnings:
            log.warning(message)
        if not (self.growth.strict or config.strict) or not (store.problems or site_warnings):
            return
        lines = [_located(p, config_name, config, True) for p in store.problems]
        lines += [f"warning: {message}" for message in site_warnings]
        shown = [f"  {line}" for line in lines[:STRICT_SHOWN]]
        if len(lines) > STRICT_SHOWN:
            shown.append(f"  ... and {len(lines) - STRICT_SHOWN} more")
        warnings = len(store.warnings) + len(site_warnings)
        raise PluginError(
            f"growth store has {len(store.errors)} errors and {warnings} warnings"
            " (strict mode fails on any):\n" + "\n".join(shown)
        )


def _located(
    problem: Problem, config_name: str, config: MkDocsConfig, severity: bool = False
) -> str:
    """``path:line: message`` with the path as the user would open it."""
    if problem.path == config_name:
        path = _shown_path(config.config_file_path or problem.path)
    else:
        path = _shown_path(os.path.join(config.docs_dir, problem.path))
    where = f"{path}:{problem.line}" if problem.line else path
    kind = f" {problem.severity.value}:" if severity else ""
    return f"{where}:{kind} {problem.message}"


def _shown_path(path: str) -> str:
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        return path
    return path if rel.startswith("..") else rel


def _theme_safe(meta: dict[str, Any]) -> None:
    """Themes print titles and tags raw and read `status`: hand them literal text, hide status."""
    title = meta.get("title")
    if title is not None:
        meta["title"] = html_text(title)
    tags = meta.get("tags")
    if isinstance(tags, list) and all(isinstance(tag, str) for tag in tags):
        meta["tags"] = [html_text(tag) for tag in tags]  # Material's tags plugin prints them raw
    elif tags is not None:
        del meta["tags"]  # reported by the engine; Material's tags plugin would abort the build
    meta.pop("status", None)


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
