"""``generate`` of a team site: the team pages as Markdown, members' sites as static files.

For an engine that runs no plugins (Zensical, plain MkDocs): the same page
models the plugin renders, written under ``team/``, and (``--site``) every
file of each member's published site under ``people/<id>/``, which such an
engine copies unchanged. The members are read and refused by the rules the
plugin applies (:mod:`..team.read`): a warning naming each member that
cannot be published, and under ``strict`` nothing is written.

Members' files are read as listed and checked when the member was read (no
links, regular files only); :mod:`.outdir` then writes them only inside DIR.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable

from ..site.context import SiteContext
from ..site.pages.team import TeamView, team_files, team_pages
from ..site.to_markdown import render_page
from ..team.model import Member
from ..team.read import member_problems, read_team, taken_ids, withhold_taken
from .outdir import GenerateError
from .settings import Settings

_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)


def team_tree(
    settings: Settings, ctx: SiteContext, own_paths: Iterable[str], *, with_sites: bool
) -> dict[str, bytes]:
    """Docs-relative path -> content of the team pages (and, ``with_sites``, members' files).

    ``own_paths``: the team site's own files (docs_dir and growth's pages); a member whose
    ``people/<id>/`` they use is not published over them. Empty without ``team:``.
    """
    spec = settings.growth.team
    if spec is None:
        return {}
    config_dir = os.path.dirname(os.path.abspath(settings.config_file))
    team = read_team(spec, config_dir, reuse=False)
    withhold_taken(team, taken_ids(own_paths))
    problems = member_problems(team)
    strict = settings.growth.strict or bool(settings.mkdocs and settings.mkdocs.strict)
    if problems and strict:
        raise GenerateError(
            f"team site: {len(problems)} problems with members (strict mode fails on any);"
            " nothing was written:\n  " + "\n  ".join(problems)
        )
    for message in problems:
        print(f"mkdocs-growth: warning: {message}", file=sys.stderr)
    view = TeamView(team, ctx.today)
    files = {page.path: render_page(page, ctx).encode("utf-8") for page in team_pages(view, ctx)}
    files.update((item.path, item.text.encode("utf-8")) for item in team_files(view, ctx))
    if with_sites:
        for member in team.available:
            files.update(member_site(member))
        print(
            "mkdocs-growth: note: the team's search covers the team pages only: merging the"
            " members' search indexes needs the growth plugin (docs/team.md)",
            file=sys.stderr,
        )
    return files


def member_site(member: Member) -> dict[str, bytes]:
    """Every file of the member's site under ``people/<id>/``, as bytes.

    A ``.md`` file would become a page of the team build, not a file published
    unchanged: it is left out, with a warning naming the member.
    """
    out: dict[str, bytes] = {}
    markdown = []
    for rel in member.files:
        if rel.lower().endswith((".md", ".markdown")):
            markdown.append(rel)
            continue
        out[member.prefix + rel] = _read_regular(member, rel)
    if markdown:
        print(
            f"mkdocs-growth: warning: team member {member.id}: {len(markdown)} Markdown"
            f" file(s) left out of people/{member.id}/ (an engine would build them as pages),"
            f" e.g. {markdown[0]}",
            file=sys.stderr,
        )
    return out


def _read_regular(member: Member, rel: str) -> bytes:
    """A file of the member's site; one that became a link or special file since is refused."""
    path = os.path.join(member.folder, *rel.split("/"))
    try:
        fd = os.open(path, os.O_RDONLY | _O_NOFOLLOW)
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise OSError("not a regular file (changed after it was read)")
            with os.fdopen(fd, "rb", closefd=False) as handle:
                return handle.read()
        finally:
            os.close(fd)
    except OSError as exc:
        raise GenerateError(
            f"team member {member.id}: {rel} cannot be published: {exc}; nothing was written"
        ) from None
