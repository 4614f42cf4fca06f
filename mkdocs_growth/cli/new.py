"""``mkdocs-growth new TYPE TITLE``: start a document that already validates.

The file goes to ``<docs_dir>/<type>s/<slug>.md`` (a note to
``notes/<date>-<slug>.md``; ``docs_dir`` is created in a new store), whole
or not at all, and never over an existing file (see :func:`_create`). It has no errors; its placeholders
(:mod:`..core.placeholders`) are warnings until the author replaces them. Front matter is written by hand, not by a YAML dumper,
so it keeps comments that guide the author; the one user-supplied value, the
title, is written as a JSON string, which is also a valid YAML
double-quoted scalar. The body has no ``# Title`` heading: the theme shows
the front-matter title (escaped by the plugin), and a title in Markdown
would be rendered as Markdown.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import errno
import json
import os
import re
import secrets
import sys
import unicodedata
from collections.abc import Container
from dataclasses import dataclass

import yaml

from ..core import placeholders
from ..core.model import TYPES
from ..core.options import GrowthConfig
from ..core.store import load_store
from ..practice.schedule import horizon_for_new
from .common import EXIT_OK, EXIT_PROBLEMS, UsageError, page_paths, settings_of

DEFAULT_DOMAIN = "general"  # used for cards when no domains are configured
MAX_SLUG = 60

SECTIONS: dict[str, tuple[str, ...]] = {
    "card": ("Goal", "Key concepts", "Implementation plan", "Metrics", "Post-mortem notes"),
    "note": ("What I learned", "How I applied it", "Next"),
    "decision": ("Context", "Options considered", "Decision", "Consequences"),
    "talk": ("Abstract", "Outline", "Links and slides"),
    "playbook": ("When to use it", "Steps", "Checks", "Pitfalls"),
    "retro": ("What went well", "What didn't", "What to try next", "Rebalance the horizon"),
}


class ScaffoldError(Exception):
    """The document cannot be written; the message says why (CLI exit 1)."""


class BadRequest(ScaffoldError):
    """The type or title itself is unusable (CLI exit 2, a usage error)."""


@dataclass(frozen=True)
class Plan:
    kind: str
    title: str
    id: str
    rel_path: str  # docs-relative POSIX path
    text: str


def slugify(title: str) -> str:
    """ASCII slug for a file name and id: lowercase letters, digits and '-'."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:MAX_SLUG].rstrip("-")


def clean_title(title: str) -> str:
    """One line of printable text (control characters and newlines become spaces)."""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in title).split())


def _yaml_str(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _yaml_id(slug: str) -> str:
    """A slug as YAML text: plain unless YAML would read it as something else (yes, 123)."""
    return slug if isinstance(yaml.safe_load(slug), str) else _yaml_str(slug)


def _front_matter(kind: str, title: str, config: GrowthConfig, today: dt.date) -> list[str]:
    domain = config.domains[0].id if config.domains else None
    horizon = horizon_for_new(config, today).id
    lines = [f"type: {kind}", f"title: {_yaml_str(title)}"]
    if kind != "playbook":
        lines.append(f"date: {today.isoformat()}")
    if kind == "card":
        lines += [
            f"domain: {domain or DEFAULT_DOMAIN}",
            f"horizon: {horizon}",
            "status: planned  # planned | active | done | dropped",
            f"goal: {placeholders.GOAL}",
            "scores:  # 1-5 each; priority weighs impact twice, effort counts inverted",
            "  impact: 3",
            "  effort: 3",
            "  reusability: 3",
            "  learnings: 3",
            "milestones:  # 3-5, each with a definition of done",
        ]
        for n in range(1, 4):
            lines += [
                f"  - title: {placeholders.milestone_title(n)}",
                f"    done_when: {placeholders.milestone_done_when(n)}",
                "    status: planned",
            ]
        lines += [
            "concepts: []  # up to 5 core concepts to review on a spaced schedule",
            "reviewed: []  # add the date each time you review the concepts",
            "# rubric:  # rate yourself 1-5 before you start, and again when done",
            "#   before: {confidence: 2, competence: 2, impact: 2, clarity: 2}",
            "# metrics:",
            "#   - {name: p95 latency, unit: ms, baseline: 420, target: 300}",
        ]
    elif domain and kind in ("note", "decision", "talk", "playbook"):
        lines.append(f"domain: {domain}")
    if kind == "decision":
        lines.append("status: proposed  # proposed | accepted | superseded | rejected")
    elif kind == "talk":
        lines.append("audience: team")
    elif kind == "retro":
        lines.append(f"horizon: {horizon}")
    return lines


def plan(
    kind: str, title: str, config: GrowthConfig, today: dt.date, taken: Container[str] = ()
) -> Plan:
    """What ``new`` would write (pure: no file system access).

    ``taken`` holds the ids already in the store: when the slug is one of
    them (a card and a note on the same subject), the document gets an
    explicit ``id: <slug>-<type>`` so ids stay unique.
    """
    if kind not in TYPES:
        raise BadRequest(f"unknown type {kind!r}; use one of {', '.join(TYPES)}")
    title = clean_title(title)
    if not title:
        raise BadRequest("the title is empty")
    if len(title) > config.limits.max_string_length:
        raise BadRequest(
            f"the title is {len(title):,} characters, over the"
            f" {config.limits.max_string_length:,} limit (limits.max_string_length)"
        )
    slug = slugify(title)
    # weekly notes are filed by date (notes/2026-11-30-trace-context.md), as in the example store
    stem = f"{today.isoformat()}-{slug}" if kind == "note" and slug else slug
    slug = slug or f"{kind}-{today.isoformat()}"
    stem = stem or slug
    front = _front_matter(kind, title, config, today)
    doc_id = slug
    if slug in taken:
        doc_id = f"{slug}-{kind}"
        if doc_id in taken:
            raise ScaffoldError(f"ids {slug!r} and {doc_id!r} are both taken: choose another title")
    if doc_id != stem:
        front.insert(1, f"id: {_yaml_id(doc_id)}")
    body = []
    for heading in SECTIONS[kind]:
        body += [f"## {heading}", "", placeholders.TODO, ""]
    text = "\n".join(["---", *front, "---", "", *body]).rstrip("\n") + "\n"
    return Plan(kind, title, doc_id, f"{kind}s/{stem}.md", text)


def write(docs_dir: str, planned: Plan) -> str:
    """Create the file (and its folder); never overwrite."""
    target = os.path.join(docs_dir, *planned.rel_path.split("/"))
    root = os.path.realpath(docs_dir)
    folder = os.path.dirname(target)
    if not os.path.realpath(folder).startswith(root + os.sep):
        raise ScaffoldError(f"{folder}: resolves outside docs_dir {docs_dir}")
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as exc:
        raise ScaffoldError(f"{folder}: cannot create the folder: {exc.strerror}") from None
    try:
        _create(target, planned.text.encode("utf-8"))
    except FileExistsError:
        raise ScaffoldError(f"{target} already exists; not overwriting it") from None
    except OSError as exc:
        raise ScaffoldError(
            f"{target}: cannot write: {exc.strerror}; nothing was created"
        ) from None
    return target


def _create(target: str, data: bytes) -> None:
    """Create ``target`` whole or not at all, never replacing a file.

    The bytes go to a hidden temporary file first (a full disk fails there),
    which is then hard-linked to the target name: the link fails if the
    name exists, and a reader never sees a half-written document. Where the
    file system has no hard links, the file is created in place and removed
    again if writing it fails.
    """
    folder, name = os.path.split(target)
    temp = os.path.join(folder, f".{name}.{secrets.token_hex(4)}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        _write_new(temp, flags, data)  # mode 0o666 less the umask, like any new file
        try:
            os.link(temp, target)
            return
        except FileExistsError:
            raise
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK):
                raise
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
    try:
        _write_new(target, flags, data)
    except FileExistsError:
        raise
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(target)
        raise


def _write_new(path: str, flags: int, data: bytes) -> None:
    fd = os.open(path, flags, 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(path)
        raise


def cmd_new(args: argparse.Namespace) -> int:
    settings = settings_of(args, create_docs_dir=True)  # a new store: docs/ comes with it
    config = settings.growth
    today = config.effective_today()
    try:
        plan(args.type, args.title, config, today)  # bad type or title: before reading the store
    except BadRequest as exc:
        raise UsageError(str(exc)) from None
    if os.path.exists(settings.docs_dir) and not os.path.isdir(settings.docs_dir):
        raise UsageError(f"{settings.docs_dir}: docs_dir is not a directory")
    # no docs_dir yet (a new store): write() creates it with the document's folder
    store = load_store(
        settings.docs_dir, config, paths=page_paths(settings), framework=settings.framework
    )
    taken = {e.doc.id for e in store.entries if e.doc is not None}
    try:
        path = write(settings.docs_dir, plan(args.type, args.title, config, today, taken))
    except ScaffoldError as exc:
        print(f"mkdocs-growth: error: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(os.path.relpath(path))
    return EXIT_OK


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    new = sub.add_parser(
        "new",
        parents=[common],
        help="start a document that validates: <docs_dir>/<type>s/<slug>.md (never overwrites)",
    )
    new.add_argument("type", choices=TYPES, help="document type")
    new.add_argument("title", help="the title (also gives the file name)")
    new.set_defaults(func=cmd_new)
