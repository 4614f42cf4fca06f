"""What search plugins index of growth's pages: the same words, without the tags.

Search plugins parse ``page.content`` tag by tag, and growth's pieces are
dense with tags (a card header, its chart and tables cost the search plugin
several times what the card's own text costs, see docs/performance.md). So
the search index reads each of growth's ``<div>`` as one paragraph of its
words (:func:`.insertion.for_search`).

Every other plugin must see the page as published, in every event. So the
lighter view is handed to the search index alone: the index object of each
search plugin (MkDocs' ``search``, Material's ``material/search``: both
index a page with ``search_index.add_entry_from_context(page)`` in their
``on_page_context``) gets a wrapper that shows it the view of a page growth
filled, for the length of that one call, and puts back exactly the content
it found. A search plugin without that interface indexes the full HTML: the
same words, at a higher cost.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from .insertion import for_search

_WRAPPED = "_growth_search_view"  # marks a wrapper, so an index is wrapped once


def show_words_to_search(config: MkDocsConfig, filled: Collection[str]) -> None:
    """Wrap this build's search indexes: ``filled`` are the pages growth put HTML into."""
    for plugin in config.plugins.values():
        index = getattr(plugin, "search_index", None)
        add = getattr(index, "add_entry_from_context", None)
        if index is None or not callable(add) or getattr(add, _WRAPPED, False):
            continue
        index.add_entry_from_context = _reading_words(add, filled)


def _reading_words(add: Callable[[Any], Any], filled: Collection[str]) -> Callable[[Any], Any]:
    def add_entry_from_context(page: Any) -> Any:
        published = page.content
        file = getattr(page, "file", None)
        view = for_search(published or "") if getattr(file, "src_uri", None) in filled else None
        if view is None:
            return add(page)
        page.content = view
        try:
            return add(page)
        finally:
            page.content = published

    setattr(add_entry_from_context, _WRAPPED, True)
    return add_entry_from_context
