"""Which files of a site are the pages growth reads: MkDocs decides, for both front ends.

The plugin asks this of the ``Files`` MkDocs hands it (after other plugins
added or removed theirs); the CLI of ``get_files`` over the loaded config. So
``exclude_docs``, ``draft_docs``, README beside index, symlinked folders and
every Markdown extension MkDocs builds are MkDocs' own rules in both, never a
copy of them.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NamedTuple

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel, get_files


def documentation_pages(files: Files, command: str = "build") -> list[File]:
    """Every documentation page the command publishes: drafts only under ``serve``."""
    inclusion = InclusionLevel.is_in_serve if command == "serve" else InclusionLevel.is_included
    return list(files.documentation_pages(inclusion=inclusion))


def source_pages(pages: list[File]) -> list[File]:
    """The pages that are files in docs_dir (not made by a plugin): the store's documents."""
    return [f for f in pages if f.generated_by is None and f.src_dir]


class Found(NamedTuple):
    """What MkDocs finds in docs_dir for ``mkdocs build``."""

    pages: list[str]  # the pages it reads (docs-relative paths): the store's documents
    files: list[str]  # every file it was handed, excluded ones too (what a plugin sees)
    published: list[str]  # the files `mkdocs build` publishes: no excluded file, no draft
    warnings: list[str]  # what it warned meanwhile (a README beside an index, ...)


def store_paths(config: MkDocsConfig) -> Found:
    """The pages and files ``mkdocs build`` finds in docs_dir, as MkDocs finds them."""
    with mkdocs_warnings() as heard:
        files = get_files(config)
    pages = [f.src_uri for f in source_pages(documentation_pages(files))]
    published = [f.src_uri for f in files if f.inclusion.is_included()]
    return Found(pages, list(files.src_uris), published, heard)


@contextmanager
def mkdocs_warnings() -> Iterator[list[str]]:
    """Collect what MkDocs logs as a warning meanwhile: a build under ``--strict`` fails on it."""
    heard: list[str] = []

    class _Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            heard.append(record.getMessage())

    handler = _Collect(logging.WARNING)
    logger = logging.getLogger("mkdocs")
    propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False  # heard, not printed: the CLI reports it as a problem
    try:
        yield heard
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
