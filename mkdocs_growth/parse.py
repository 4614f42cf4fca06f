"""One file -> one :class:`Entry`: split, safe YAML, limits, model validation.

Everything here depends only on the file's bytes and the limits, so entries
can be cached by path + mtime + size across ``mkdocs serve`` rebuilds. Rules
that look at other files or at the configured domains/horizons live in
:mod:`checks`.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from . import safeyaml
from .config import Limits
from .frontmatter import Block, normalize, split
from .model import ID_PATTERN, MODELS, TYPES, AnyDocument, known_keys
from .problems import Problem, error, warning

_ID = re.compile(ID_PATTERN)


@dataclass
class Entry:
    """A Markdown source and what we learned from it. Never loses the body."""

    path: str  # POSIX path relative to docs_dir
    text: str = ""  # normalized source (BOM/CRLF removed); "" when unreadable
    body: str = ""  # Markdown after the front matter
    meta: dict[str, Any] | None = None  # raw front matter when it parsed to a mapping
    lines: dict[tuple[Any, ...], int] = field(default_factory=dict)
    kind: str | None = None  # the `type`, when it names a known document type
    doc: AnyDocument | None = None  # the validated model (None when invalid)
    problems: list[Problem] = field(default_factory=list)
    front_matter_broken: bool = False  # the block exists but could not be read

    @property
    def is_growth(self) -> bool:
        """Declares a `type` (valid or not): it belongs on the Problems page if broken."""
        return self.kind is not None or (self.meta is not None and "type" in self.meta)

    def line(self, *path: Any) -> int:
        return safeyaml.Loaded(None, self.lines).line_of(path, default=2 if self.meta else 0)


def did_you_mean(value: str, choices: Any, cutoff: float = 0.6) -> str:
    match = difflib.get_close_matches(value, list(choices), n=1, cutoff=cutoff)
    return f" (did you mean {match[0]!r}?)" if match else ""


def decode(path: str, raw: bytes) -> tuple[str | None, Problem | None]:
    try:
        return normalize(raw.decode("utf-8")), None
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, error(path, line, f"file is not valid UTF-8 (byte {exc.start})")


def oversize(path: str, size: int, limits: Limits) -> Entry:
    """An entry for a file too large to read: MkDocs still publishes it as-is."""
    message = (
        f"file is {size:,} bytes, over the {limits.max_file_bytes:,}-byte limit"
        " (limits.max_file_bytes); published as-is, not read as a growth document"
    )
    return Entry(path, problems=[error(path, 0, message)])


def parse_entry(path: str, raw: bytes, limits: Limits) -> Entry:
    """Parse one file's bytes. Never raises for bad input."""
    if len(raw) > limits.max_file_bytes:
        return oversize(path, len(raw), limits)
    text, problem = decode(path, raw)
    if text is None:
        return Entry(path, problems=[problem] if problem else [], front_matter_broken=True)
    found = split(text)
    entry = Entry(path, text=text, body=found.body)
    if found.block is Block.NONE:
        return entry
    if found.block is Block.UNCLOSED:
        entry.front_matter_broken = True
        entry.body = text
        entry.problems.append(
            error(path, 1, "front matter opened with '---' is never closed (add a '---' line)")
        )
        return entry
    try:
        loaded = safeyaml.load(found.yaml, first_line=found.yaml_line)
    except safeyaml.YamlError as exc:
        entry.front_matter_broken = True
        entry.body = text
        entry.problems.append(error(path, exc.line, exc.message))
        return entry
    if loaded.data is None:
        entry.meta = {}
        return entry
    if not isinstance(loaded.data, dict):
        entry.front_matter_broken = True
        entry.body = text
        what = type(loaded.data).__name__
        what = {"list": "a list", "str": "text"}.get(what, f"a {what}")
        entry.problems.append(
            error(
                path, found.yaml_line, f"front matter must be a mapping of 'key: value', not {what}"
            )
        )
        return entry
    entry.meta = loaded.data
    entry.lines = loaded.lines
    _validate(entry, limits)
    return entry


def _validate(entry: Entry, limits: Limits) -> None:
    meta = entry.meta or {}
    path = entry.path
    if "type" not in meta:
        return
    kind = meta["type"]
    if not isinstance(kind, str) or kind not in MODELS:
        shown = kind if isinstance(kind, str) else repr(kind)
        hint = did_you_mean(kind, TYPES) if isinstance(kind, str) else ""
        entry.problems.append(
            error(
                path,
                entry.line("type"),
                f"unknown type {shown!r}{hint}; use one of {', '.join(TYPES)}",
            )
        )
        return
    entry.kind = kind
    known = known_keys(kind)
    for key in meta:
        if isinstance(key, str) and key not in known:
            hint = did_you_mean(key, known, cutoff=0.75)
            if hint:
                entry.problems.append(warning(path, entry.line(key), f"unknown key {key!r}{hint}"))
    if not _within_limits(entry, limits):
        return
    data = meta
    if "id" not in meta:
        stem = posixpath.splitext(posixpath.basename(path))[0]
        if not _ID.match(stem):
            entry.problems.append(
                error(
                    path,
                    entry.line("type"),
                    f"file name {stem!r} is not a valid id (lowercase letters, digits, '-'):"
                    " add an 'id:' or rename the file",
                )
            )
            return
        data = {**meta, "id": stem}
    try:
        entry.doc = MODELS[kind].model_validate(data)  # type: ignore[assignment]
    except ValidationError as exc:
        seen: set[tuple[Any, ...]] = set()
        for err in exc.errors(include_url=False):
            loc = tuple(err["loc"])
            if loc in seen:
                continue
            seen.add(loc)
            entry.problems.append(error(path, entry.line(*loc), _message(kind, loc, err)))
        return
    entry.problems.extend(_card_warnings(entry) if kind == "card" else [])


def _dotted(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _message(kind: str, loc: tuple[Any, ...], err: Any) -> str:
    where = _dotted(loc)
    etype = err["type"]
    if etype == "missing":
        field_name = loc[-1]
        extra = " (the definition of done)" if field_name == "done_when" else ""
        parent = _dotted(loc[:-1])
        return f"{kind} is missing required field {field_name!r}{extra}" + (
            f" in {parent}" if parent else ""
        )
    if etype == "extra_forbidden":
        return f"unknown key {where!r}"
    if etype == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        return f"{where}: {err['input']!r} is not allowed; expected {expected}"
    if etype == "string_pattern_mismatch" and loc and loc[-1] in ("id", "domain", "horizon"):
        return f"{where}: {err['input']!r} is not a valid id (lowercase letters, digits and '-')"
    msg = err["msg"]
    if etype in ("int_type", "int_from_float") and isinstance(err.get("input"), bool):
        msg = "must be a whole number from 1 to 5, not a boolean"
    elif loc and loc[0] in ("scores", "rubric") and etype.startswith(("int", "greater", "less")):
        msg = f"must be a whole number from 1 to 5 (got {err.get('input')!r})"
    return f"{where}: {msg}"


def _within_limits(entry: Entry, limits: Limits) -> bool:
    """Reject huge strings and lists before they reach models and pages."""
    ok = True
    stack: list[tuple[tuple[Any, ...], Any]] = [((), entry.meta)]
    while stack:
        loc, value = stack.pop()
        if isinstance(value, str):
            if len(value) > limits.max_string_length:
                entry.problems.append(
                    error(
                        entry.path,
                        entry.line(*loc),
                        f"{_dotted(loc)}: text is {len(value):,} characters, over the"
                        f" {limits.max_string_length:,} limit (limits.max_string_length)",
                    )
                )
                ok = False
        elif isinstance(value, list):
            if len(value) > limits.max_list_items:
                entry.problems.append(
                    error(
                        entry.path,
                        entry.line(*loc),
                        f"{_dotted(loc)}: {len(value):,} items, over the"
                        f" {limits.max_list_items:,} limit (limits.max_list_items)",
                    )
                )
                ok = False
            else:
                stack.extend(((*loc, i), item) for i, item in enumerate(value))
        elif isinstance(value, dict):
            stack.extend(((*loc, k), item) for k, item in value.items())
    return ok


def _card_warnings(entry: Entry) -> list[Problem]:
    card = entry.doc
    path = entry.path
    out: list[Problem] = []
    count = len(card.milestones)  # type: ignore[union-attr]
    if count < 3 or count > 5:
        line = entry.line("milestones") if count else entry.line("type")
        out.append(
            warning(path, line, f"card has {count} milestones; the playbook suggests 3 to 5")
        )
    if card.status == "done" and (card.rubric is None or card.rubric.after is None):  # type: ignore[union-attr]
        out.append(
            warning(
                path, entry.line("status"), "done card has no rubric.after: rate yourself after"
            )
        )
    for i, metric in enumerate(card.metrics):  # type: ignore[union-attr]
        if metric.target is None:
            out.append(
                warning(path, entry.line("metrics", i), f"metric {metric.name!r} has no target")
            )
    return out
