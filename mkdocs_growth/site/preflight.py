"""What the site as a whole needs besides valid documents, checked once for both front ends.

``mkdocs build`` (the plugin) and ``mkdocs-growth validate`` call the same
functions here, so they report the same problems and give the same verdict
under ``--strict``: a placeholder ``site_url`` is an error, a file in
``docs_dir`` that takes the place of a generated page is a warning. A missing
``site_url`` is neither: the Atom feed is skipped with an info line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ..core.problems import Problem, error, shown_path, warning
from .files import growth_json, schema

_PLACEHOLDER = re.compile(r"<[^<>]*>")  # https://<you>.github.io/<repo>/, as guides write it
_SITE_URL_KEY = re.compile(r"^site_url[ \t]*:", re.MULTILINE)


def is_placeholder(site_url: str | None) -> bool:
    return bool(site_url) and _PLACEHOLDER.search(str(site_url)) is not None


def usable_site_url(site_url: str | None) -> str | None:
    """The ``site_url`` generated files may print (feed links): none while it is a placeholder."""
    if not site_url or is_placeholder(site_url):
        return None
    return str(site_url)


def site_url_problems(site_url: str | None, config_file: str, config_text: str) -> list[Problem]:
    """An error for a ``site_url`` copied with its placeholders, saying what to put there."""
    if not is_placeholder(site_url):
        return []
    found = _SITE_URL_KEY.search(config_text)
    line = config_text.count("\n", 0, found.start()) + 1 if found else 0
    holes = ", ".join(dict.fromkeys(_PLACEHOLDER.findall(str(site_url))))
    return [
        error(
            config_file,
            line,
            f"site_url {site_url!r} still has the placeholder {holes}: put the address the"
            " site will be published at (on GitHub Pages https://USER.github.io/REPOSITORY/),"
            " or remove site_url until you know it (the Atom feed is then skipped)",
        )
    ]


def site_url_note(site_url: str | None, feed_path: str) -> str | None:
    """The info line for a store without ``site_url`` (not a warning: --strict passes)."""
    if site_url:
        return None
    return f"site_url is not set: {feed_path} (Atom) needs absolute links, so it is skipped"


def shadowed_pages(generated: Iterable[str], exists: Callable[[str], bool]) -> list[Problem]:
    """A warning on each file of ``docs_dir`` at the path of a generated page or file.

    The author's file wins (nothing of theirs is replaced) and the generated
    one is left out, so the warning names the way out: another ``base``.
    """
    return [
        warning(
            path,
            0,
            "growth generates a page at this path; this file is kept and the generated one"
            " is skipped (set the growth option 'base' to another folder)",
        )
        for path in generated
        if exists(path)
    ]


def case_shadowed_pages(generated: Iterable[str], authored: Iterable[str]) -> list[Problem]:
    """A warning on each file of ``docs_dir`` whose path differs from a generated page's
    or file's only by case: on a case-insensitive file system they are one file."""
    folded: dict[str, list[str]] = {}
    for path in authored:
        folded.setdefault(path.casefold(), []).append(path)
    return [
        warning(
            path,
            0,
            f"{shown_path(path)} and growth's generated {shown_path(made)} differ only by"
            " case: on case-insensitive file systems (macOS, Windows) they are one file"
            " (rename it, or set the growth option 'base' to another folder)",
        )
        for made in generated
        for path in folded.get(made.casefold(), ())
        if path != made
    ]


def may_shadow(exists: Callable[[str], bool], base: str) -> bool:
    """Whether a docs file could take a generated page's place (if not, no need to render).

    Everything generated lives under ``base`` except two files at the site root.
    """
    return any(exists(path) for path in (base, growth_json.PATH, schema.PATH))
