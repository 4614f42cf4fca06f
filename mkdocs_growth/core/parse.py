"""One file -> one :class:`Entry`: split, safe YAML, limits, model validation.

Everything here depends only on the file's bytes and the limits, so entries
can be cached by path + mtime + size across ``mkdocs serve`` rebuilds. Rules
that look at other files or at the configured domains/horizons live in
:mod:`checks`.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from . import safeyaml
from .frontmatter import Block, Split, looks_like_yaml, normalize, split
from .messages import closest, data_loc, describe, did_you_mean, dotted, plural
from .model import ID_PATTERN, MODELS, TYPES, AnyDocument, known_keys
from .options import Limits
from .placeholders import leftovers
from .problems import Problem, error, quote, warning

_ID = re.compile(ID_PATTERN)


@dataclass
class Entry:
    """A Markdown source and what we learned from it. Never loses the body."""

    path: str  # POSIX path relative to docs_dir
    text: str = ""  # normalized source (BOM/CRLF removed); "" when unreadable
    body_start: int = 0  # where the Markdown after the front matter starts in ``text``
    meta: dict[str, Any] | None = None  # raw front matter when it parsed to a mapping
    # key path -> line; None until a message needs one (see line())
    lines: dict[tuple[Any, ...], int] | None = field(default=None, repr=False)
    kind: str | None = None  # the `type`, when it names a known document type
    doc: AnyDocument | None = None  # the validated model (None when invalid)
    problems: list[Problem] = field(default_factory=list)
    front_matter_broken: bool = False  # the block exists but could not be read

    def release_text(self) -> None:
        """Let go of the source once its page holds it (a one-shot build reads it once).

        What was learned from it (meta, the model, the problems and their
        lines) stays; a later read of the page goes back to the file.
        """
        self.text, self.body_start = "", 0

    @property
    def body(self) -> str:
        """The Markdown after the front matter: cut from ``text`` when asked, not held twice."""
        return self.text[self.body_start :]

    @property
    def is_growth(self) -> bool:
        """Declares a `type` (valid or not): it belongs on the Problems page if broken."""
        return self.kind is not None or (self.meta is not None and "type" in self.meta)

    def line(self, *path: Any) -> int:
        """The line of a key path (or of its nearest known parent), for a message.

        The YAML is parsed without a line map, which most documents never need
        (no problem to report); the first call parses the block again with one.
        """
        if self.lines is None:
            self.lines = _line_map(self.text) if self.meta else {}
        return safeyaml.Loaded(None, self.lines).line_of(path, default=2 if self.meta else 0)

    @property
    def stem(self) -> str:
        return posixpath.splitext(posixpath.basename(self.path))[0]

    @property
    def doc_id(self) -> str | None:
        """The document's id, also for an invalid document when it is readable (store checks)."""
        if self.doc is not None:
            return self.doc.id
        if not self.is_growth or self.meta is None:
            return None
        raw = self.meta.get("id", self.stem)
        return raw if isinstance(raw, str) and _ID.fullmatch(raw) else None

    @property
    def doc_type(self) -> str | None:
        """The declared `type` as text, valid or not."""
        raw = self.meta.get("type") if self.meta is not None else None
        return raw if isinstance(raw, str) else None

    def text_field(self, name: str) -> str | None:
        """A text field of the model, or of the raw front matter when the model failed."""
        if self.doc is not None:
            value = getattr(self.doc, name, None)
        elif self.is_growth and self.meta is not None:
            value = self.meta.get(name)
        else:
            return None
        return value if isinstance(value, str) else None

    def references(self) -> list[tuple[str, tuple[Any, ...], str]]:
        """``(field, key path, id)`` for each id this document points at (raw when invalid)."""
        if self.doc is not None:
            related = list(self.doc.related)
            single = [(f, ref) for f, ref in self.doc.references() if f != "related"]
        elif self.is_growth and self.meta is not None:
            raw = self.meta.get("related")
            related = raw if isinstance(raw, list) else []
            fields = known_keys(self.kind) if self.kind else set()
            single = [
                (f, self.meta[f]) for f in _SINGLE_REFERENCES if f in fields and f in self.meta
            ]
        else:
            return []
        out: list[tuple[str, tuple[Any, ...], str]] = [
            ("related", ("related", i), ref)
            for i, ref in enumerate(related)
            if isinstance(ref, str) and _ID.fullmatch(ref)
        ]
        out += [(f, (f,), ref) for f, ref in single if isinstance(ref, str) and _ID.fullmatch(ref)]
        return out


__all__ = ["Entry", "did_you_mean", "misspelt_key", "oversize", "parse_entry"]
_KEY_TYPO_CUTOFF = 0.75
_SINGLE_REFERENCES = ("card", "superseded_by")


def decode(path: str, raw: bytes) -> tuple[str | None, Problem | None]:
    try:
        return normalize(raw.decode("utf-8")), None
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        byte = raw[exc.start]
        message = (
            f"file is not valid UTF-8: byte 0x{byte:02x} at offset {exc.start}; save it as UTF-8"
        )
        return None, error(path, line, message)


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
    entry = Entry(path, text=text, body_start=len(text) - len(found.body))
    if found.block is Block.NONE:
        return entry
    if found.block is Block.UNCLOSED:
        return _broken(
            entry, 1, "front matter opened with '---' is never closed (add a '---' line)"
        )
    if found.block is Block.MULTIMARKDOWN:
        return _multimarkdown(entry, found, limits)
    if found.block is Block.AT_END and looks_like_yaml(found.yaml):
        return _broken(entry, found.closing_line, _AT_END)
    try:
        loaded = safeyaml.load(found.yaml, first_line=found.yaml_line, lines=False)
    except safeyaml.YamlError as exc:
        if not looks_like_yaml(found.yaml):
            return _plain(entry)  # prose between two rules: MkDocs shows it as text, so do we
        return _broken(entry, exc.line, exc.message)
    if loaded.data is None or not (isinstance(loaded.data, dict) or looks_like_yaml(found.yaml)):
        return _plain(entry)  # empty, comments only or prose: MkDocs shows it as text
    if found.block is Block.AT_END:
        return _broken(entry, found.closing_line, _AT_END)
    if not isinstance(loaded.data, dict):
        what = {"list": "a list", "str": "text"}.get(type(loaded.data).__name__, "a value")
        message = f"front matter must be a mapping of 'key: value', not {what}"
        return _broken(entry, found.yaml_line, message)
    entry.meta = loaded.data
    _validate(entry, limits, _may_exceed(found.yaml, limits))
    return entry


_AT_END = (
    "front matter is closed on the last line of the file with no newline after it, so MkDocs"
    " shows it as text: add a newline at the end of the file"
)
_UNFENCED = (
    "front matter without '---' lines (MultiMarkdown style): MkDocs reads every value as text;"
    " put the block between two '---' lines to write it as YAML"
)


def _plain(entry: Entry) -> Entry:
    """A block MkDocs takes no metadata from: the whole text is the page."""
    entry.body_start = 0
    return entry


def _broken(entry: Entry, line: int, message: str) -> Entry:
    """Front matter growth cannot read as metadata: an error; the page keeps every character."""
    entry.front_matter_broken = True
    entry.body_start = 0
    entry.problems.append(error(entry.path, line, message))
    return entry


def _multimarkdown(entry: Entry, found: Split, limits: Limits) -> Entry:
    """An unfenced ``key: value`` head: the metadata MkDocs reads, validated like any other."""
    entry.meta = dict(found.fields or {})
    entry.lines = {(key,): line for key, line in (found.field_lines or {}).items()}
    _validate(entry, limits)
    if entry.is_growth:
        entry.problems.insert(0, warning(entry.path, 1, _UNFENCED))
    return entry


def _line_map(text: str) -> dict[tuple[Any, ...], int]:
    """The line of every key path of the front matter of ``text`` (parsed once before)."""
    found = split(text)
    try:
        return safeyaml.load(found.yaml, first_line=found.yaml_line).lines
    except safeyaml.YamlError:  # pragma: no cover - it parsed without the map
        return {}


def _may_exceed(yaml_text: str, limits: Limits) -> bool:
    """Whether any string or list of this front matter could be over the limits.

    No text value is longer than the YAML it comes from (escapes only shorten),
    and a list of N items needs N - 1 separators (commas or new lines), so most
    documents skip the walk over every value.
    """
    if len(yaml_text) > limits.max_string_length:
        return True
    return yaml_text.count(",") + yaml_text.count("\n") + 1 > limits.max_list_items


def _validate(entry: Entry, limits: Limits, may_exceed: bool = True) -> None:
    meta = entry.meta or {}
    path = entry.path
    if "type" not in meta:
        entry.problems.extend(_key_typos(entry, {"type"}))
        return
    kind = meta["type"]
    if kind is None or kind == "":
        entry.problems.append(
            error(path, entry.line("type"), f"type is empty; use one of {', '.join(TYPES)}")
        )
        return
    if not isinstance(kind, str) or kind not in MODELS:
        hint = did_you_mean(kind, TYPES) if isinstance(kind, str) else ""
        entry.problems.append(
            error(
                path,
                entry.line("type"),
                f"unknown type {quote(kind)}{hint}; use one of {', '.join(TYPES)}",
            )
        )
        return
    entry.kind = kind
    typos = _typos(entry, known_keys(kind))  # reported once, after what they may explain
    if may_exceed and not _within_limits(entry, limits):
        entry.problems.extend(_typo_warnings(entry, typos))
        return
    data = meta
    if "id" not in meta:
        stem = entry.stem
        if not _ID.fullmatch(stem):
            entry.problems.append(
                error(
                    path,
                    entry.line("type"),
                    f"file name {stem!r} is not a valid id (lowercase letters, digits, '-'):"
                    " add an 'id:' or rename the file",
                )
            )
            entry.problems.extend(_typo_warnings(entry, typos))
            return
        data = {**meta, "id": stem}
    model = MODELS[kind]
    try:
        entry.doc = model.model_validate(data)  # type: ignore[assignment]
    except ValidationError as exc:
        seen: set[tuple[Any, ...]] = set()
        for err in exc.errors(include_url=False):
            loc = data_loc(data, tuple(err["loc"]), missing=err["type"] == "missing")
            if loc in seen:  # one message per key (a union reports each branch)
                continue
            seen.add(loc)
            line, message = entry.line(*loc), describe(model, kind, loc, err)
            if err["type"] == "missing" and len(loc) == 1:
                line, message = _missing_top_level(entry, loc[0], message)
                typos = {k: v for k, v in typos.items() if v != loc[0]}  # said in the error
            entry.problems.append(error(path, line, message))
        entry.problems.extend(_typo_warnings(entry, typos))
        return
    if kind == "card":  # a warning about a field a typo explains is the typo's warning
        meant = set(typos.values())
        entry.problems.extend(p for f, p in _card_warnings(entry) if f not in meant)
    entry.problems.extend(_typo_warnings(entry, typos))
    body_line = entry.text.count("\n", 0, entry.body_start) + 1
    entry.problems.extend(leftovers(path, entry.doc, entry.body, body_line, entry.line))


_dotted = dotted


def _missing_top_level(entry: Entry, name: Any, message: str) -> tuple[int, str]:
    """A missing top-level field points at a near-miss key if any (``score``), else at ``type:``."""
    meta = entry.meta or {}
    for key in meta:
        if (
            isinstance(key, str)
            and key not in known_keys(entry.kind or "")
            and did_you_mean(key, [name], cutoff=_KEY_TYPO_CUTOFF)
        ):
            return entry.line(key), f"{message} (is {key!r} a typo?)"
    return entry.line("type"), message


def misspelt_key(key: object, names: Iterable[str]) -> str | None:
    """The name a front-matter ``key`` misspells (``Visibility``, ``visiblity``), or None.

    A key that is one of ``names`` exactly is not a misspelling. The rule of
    the "unknown key" warnings, and of what a public build withholds.
    """
    if not isinstance(key, str):
        return None
    names = list(names)
    if key in names:
        return None
    return closest(key, names, cutoff=_KEY_TYPO_CUTOFF)


def _typos(entry: Entry, known: set[str]) -> dict[str, str]:
    """Unknown top-level keys are allowed (other plugins), but near-misses are typos.

    Each typo maps to the known key it is near (``milestone`` -> ``milestones``).
    """
    out = {}
    for key in entry.meta or {}:
        name = misspelt_key(key, known)
        if name is not None:
            out[key] = name
    return out


def _typo_warnings(entry: Entry, typos: dict[str, str]) -> list[Problem]:
    return [
        warning(entry.path, entry.line(key), f"unknown key {key!r} (did you mean {meant!r}?)")
        for key, meant in typos.items()
    ]


def _key_typos(entry: Entry, known: set[str]) -> list[Problem]:
    return _typo_warnings(entry, _typos(entry, known))


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


def _card_warnings(entry: Entry) -> list[tuple[str, Problem]]:
    """The card's warnings, each with the field it is about."""
    card = entry.doc
    path = entry.path
    out: list[tuple[str, Problem]] = []
    count = len(card.milestones)  # type: ignore[union-attr]
    if count < 3 or count > 5:
        line = (
            entry.line("milestones") if "milestones" in (entry.meta or {}) else entry.line("type")
        )
        how_many = "no milestones" if count == 0 else plural(count, "milestone")
        message = f"card has {how_many}; plan 3 to 5, each with a definition of done"
        out.append(("milestones", warning(path, line, message)))
    if card.status == "done" and (card.rubric is None or card.rubric.after is None):  # type: ignore[union-attr]
        message = (
            "done card has no rubric.after: rate confidence, competence, impact"
            " and clarity again now that it is done"
        )
        out.append(("rubric", warning(path, entry.line("status"), message)))
    for i, metric in enumerate(card.metrics):  # type: ignore[union-attr]
        if metric.target is None:
            message = f"metric {metric.name!r} has no target"
            out.append(("metrics", warning(path, entry.line("metrics", i), message)))
    return out
