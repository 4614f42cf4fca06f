"""A progression framework: levels, themes and the competencies of each level and theme.

The file format is the job-family YAML the Financial Times publishes its
engineering progression in (``levels: [{id, name}]``, ``themes: [{id, name,
summary}]``, ``competencies: [{id, level, theme, summary, proficiency,
examples, supportingUrls}]``), so a team can start from a published
framework and adapt it. A level and theme (a *cell*) may hold several
competencies; ``<level>/<theme>`` names them all. A spreadsheet export
(``.csv``) is read by :mod:`.framework_csv` into the same :class:`Framework`.

The file is read like any other input: with :mod:`safeyaml` (standard tags
only, bounded size and depth, a line for every key), validated by pydantic
models, then checked as a whole (unique ids, known levels and themes).
Keys the product does not use are a *note* each (a published format may add
some), never an error. Every problem is a ``file:line``
:class:`~.problems.Problem` that quotes at most a key, bounded and escaped,
never a line of the file; a framework with errors is not used (documents
that reference it are not checked against a half-read file).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictStr, ValidationError

from . import safeyaml
from .framework_csv import read_sheet
from .frontmatter import normalize
from .messages import data_loc, describe, did_you_mean, dotted, plural
from .options import FRAMEWORK_ID, GrowthConfig, Limits, OptionsError
from .problems import Problem, error, note, quote, sort_key

_ID_RULE = "letters, digits, '.', '_' and '-', no '/'"

FrameworkId = Annotated[StrictStr, Field(pattern=FRAMEWORK_ID, max_length=100)]
Text = Annotated[StrictStr, Field(min_length=1)]


class _Closed(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Level(_Closed):
    """One step of the ladder; the file lists them from the first to the last."""

    id: FrameworkId
    name: Text


class Theme(_Closed):
    """A strand that runs through every level (communication, technical, ...)."""

    id: FrameworkId
    name: Text
    summary: Text | None = None


def _web_link(value: str) -> str:
    """Only http(s) links are published: a framework's URL is shown as a link on the page."""
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise ValueError("must be an http:// or https:// link")
    if any(ch.isspace() or not ch.isprintable() for ch in value):
        raise ValueError("must be a link without spaces or control characters")
    return value


class SupportingUrl(_Closed):
    """A page that explains a competency further (``supportingUrls`` in the published format)."""

    label: Text
    url: Annotated[Text, AfterValidator(_web_link)]


class Competency(_Closed):
    """One thing a level expects in a theme (a cell may hold several)."""

    id: FrameworkId
    level: FrameworkId
    theme: FrameworkId
    summary: Text
    proficiency: Text | None = None
    examples: list[Text] = []
    supporting_urls: list[SupportingUrl] = Field(default=[], alias="supportingUrls")

    @property
    def cell(self) -> str:
        """The ``<level>/<theme>`` form of a reference to this competency."""
        return f"{self.level}/{self.theme}"


class _FrameworkFile(_Closed):
    name: Text | None = None
    summary: Text | None = None
    google_sheet_id: StrictStr | None = Field(default=None, alias="googleSheetId")
    levels: Annotated[list[Level], Field(min_length=1)]
    themes: Annotated[list[Theme], Field(min_length=1)]
    competencies: list[Competency]


@dataclass(frozen=True)
class Framework:
    """A valid framework with the lookups references need."""

    path: str  # as configured (relative to mkdocs.yml): how problems and pages name it
    name: str | None
    summary: str | None
    levels: tuple[Level, ...]
    themes: tuple[Theme, ...]
    competencies: tuple[Competency, ...]

    @cached_property
    def _by_id(self) -> dict[str, Competency]:
        return {c.id: c for c in self.competencies}

    @cached_property
    def _by_cell(self) -> dict[str, tuple[Competency, ...]]:
        cells: dict[str, list[Competency]] = {}
        for c in self.competencies:
            cells.setdefault(c.cell, []).append(c)
        return {cell: tuple(items) for cell, items in cells.items()}

    @cached_property
    def _rank(self) -> dict[str, int]:
        return {level.id: n for n, level in enumerate(self.levels)}

    def resolve(self, ref: str) -> tuple[Competency, ...]:
        """The competencies a reference names: one for an id, every one of a ``<level>/<theme>``.

        Empty when the reference names nothing (an unknown id, an empty cell).
        """
        found = self._by_id.get(ref)
        return (found,) if found is not None else self._by_cell.get(ref, ())

    def competency(self, competency_id: str) -> Competency | None:
        return self._by_id.get(competency_id)

    def references(self) -> list[str]:
        """Every valid reference, for did-you-mean hints."""
        return [*self._by_cell, *self._by_id]

    def level(self, level_id: str) -> Level | None:
        rank = self._rank.get(level_id)
        return None if rank is None else self.levels[rank]

    def rank(self, level_id: str) -> int:
        """Position of a level in the file (0 = first); levels above have larger ranks."""
        return self._rank[level_id]

    def at(self, level_id: str, theme_id: str) -> tuple[Competency, ...]:
        """The competencies of one cell, in file order (none: the framework asks nothing)."""
        return self._by_cell.get(f"{level_id}/{theme_id}", ())


@dataclass(frozen=True)
class LoadedFramework:
    """The configured framework file: the framework when it is valid, and every problem."""

    path: str
    framework: Framework | None
    problems: tuple[Problem, ...] = field(default=())


_CACHE: dict[str, tuple[tuple[int, int, int, Limits], LoadedFramework]] = {}


def open_framework(config: GrowthConfig, root: str) -> LoadedFramework | None:
    """Load the configured framework (``root``: the folder of mkdocs.yml) and check the options.

    A missing file, a file outside ``root`` (a symbolic link or ``..`` out of
    it: the file's words would be published, and its lines quoted in
    problems) and ``level``/``target_level`` ids the framework does not
    define are bad option values: :class:`OptionsError`, as for any option.
    Problems inside the file are the file's (``file:line``), reported with
    the store's.
    """
    if config.framework is None:
        return None
    full = os.path.join(root, config.framework)
    inside = os.path.realpath(root)
    if os.path.commonpath([inside, os.path.realpath(full)]) != inside:
        raise OptionsError(
            [
                (
                    "framework",
                    f"{config.framework} is outside the folder of the config file"
                    " (through '..', an absolute path or a symbolic link): put the"
                    " framework file in that folder or below it",
                )
            ]
        )
    try:
        info = os.stat(full)
    except OSError as exc:
        raise OptionsError(
            [("framework", f"cannot read {config.framework}: {exc.strerror}")]
        ) from None
    if not stat.S_ISREG(info.st_mode):
        raise OptionsError([("framework", f"{config.framework} is not a regular file")])
    key = (info.st_mtime_ns, info.st_size, info.st_ino, config.limits)
    cached = _CACHE.get(full)
    if cached is not None and cached[0] == key and cached[1].path == config.framework:
        loaded = cached[1]
    else:
        try:
            with open(full, "rb") as handle:
                raw = handle.read(config.limits.max_file_bytes + 1)
        except OSError as exc:
            raise OptionsError(
                [("framework", f"cannot read {config.framework}: {exc.strerror}")]
            ) from None
        if config.framework.lower().endswith(".csv"):
            loaded = load_csv_framework(config.framework, raw, config.limits)
        else:
            loaded = load_framework(config.framework, raw, config.limits)
        _CACHE[full] = (key, loaded)
    if loaded.framework is not None:
        errors = level_errors(config, loaded.framework)
        if errors:
            raise OptionsError(errors)
    return loaded


def level_errors(config: GrowthConfig, framework: Framework) -> list[tuple[str, str]]:
    """``level`` and ``target_level`` must be levels of the framework, the target not below."""
    known = [level.id for level in framework.levels]
    out = []
    for option in ("level", "target_level"):
        value = getattr(config, option)
        if value is not None and framework.level(value) is None:
            out.append(
                (
                    option,
                    f"{framework.path} has no level {value!r}{did_you_mean(value, known)};"
                    f" its levels: {_listed(known)}",
                )
            )
    level, target = config.level, config.target_level
    if not out and level and target and framework.rank(target) < framework.rank(level):
        out.append(
            (
                "target_level",
                f"{target!r} comes before level {level!r} in {framework.path}:"
                " the target is the level you are working towards",
            )
        )
    return out


def _text_of(path: str, raw: bytes, limits: Limits, how_to_save: str) -> str | Problem:
    """The file as text, or what stops it being read: over the size limit, not UTF-8."""
    if len(raw) > limits.max_file_bytes:
        limit = f"{limits.max_file_bytes:,}"
        return error(path, 0, f"file is over the {limit}-byte limit (limits.max_file_bytes)")
    try:
        return normalize(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return error(path, line, f"file is not valid UTF-8; {how_to_save}")


def load_framework(path: str, raw: bytes, limits: Limits) -> LoadedFramework:
    """Parse and check a framework file's bytes. Never raises for bad input."""

    def failed(*problems: Problem) -> LoadedFramework:
        return LoadedFramework(path, None, tuple(sorted(problems, key=sort_key)))

    text = _text_of(path, raw, limits, "save it as UTF-8")
    if isinstance(text, Problem):
        return failed(text)
    try:
        loaded = safeyaml.load(text)
    except safeyaml.YamlError as exc:
        return failed(error(path, exc.line, exc.message))
    if not isinstance(loaded.data, dict):
        return failed(
            error(path, 1, "a framework is a mapping with levels, themes and competencies")
        )
    problems = _too_large(path, loaded, limits)
    if problems:
        return failed(*problems)
    known, notes = _known_keys_only(path, loaded)
    try:
        parsed = _FrameworkFile.model_validate(known)
    except ValidationError as exc:
        return failed(*_model_problems(path, loaded, exc), *notes)
    problems = _consistency(path, loaded, parsed)
    if problems:  # every rule across entries is an error: a valid file has no errors
        return failed(*problems, *notes)
    framework = Framework(
        path=path,
        name=parsed.name,
        summary=parsed.summary,
        levels=tuple(parsed.levels),
        themes=tuple(parsed.themes),
        competencies=tuple(parsed.competencies),
    )
    return LoadedFramework(path, framework, tuple(sorted(notes, key=sort_key)))


def load_csv_framework(path: str, raw: bytes, limits: Limits) -> LoadedFramework:
    """A spreadsheet export (:mod:`.framework_csv`), checked by the same models. Never raises."""
    text = _text_of(path, raw, limits, "export the sheet as CSV UTF-8")
    if isinstance(text, Problem):
        return LoadedFramework(path, None, (text,))
    sheet = read_sheet(path, text, limits)
    problems = tuple(sorted(sheet.problems, key=sort_key))
    if sheet.data is None:
        return LoadedFramework(path, None, problems)
    try:
        parsed = _FrameworkFile.model_validate(sheet.data)
    except ValidationError as exc:  # read_sheet checks what the models do; kept as a backstop
        first = exc.errors(include_url=False)[0]
        what = f"{dotted(tuple(first['loc']))}: {first['msg']}"
        return LoadedFramework(path, None, (*problems, error(path, 1, what)))
    framework = Framework(
        path=path,
        name=None,
        summary=None,
        levels=tuple(parsed.levels),
        themes=tuple(parsed.themes),
        competencies=tuple(parsed.competencies),
    )
    return LoadedFramework(path, framework, problems)


# The keys growth reads, by place in the file; any other key is a note (see _known_keys_only).
_KNOWN_KEYS: dict[str, frozenset[str]] = {
    "": frozenset({"name", "summary", "googleSheetId", "levels", "themes", "competencies"}),
    "levels": frozenset({"id", "name"}),
    "themes": frozenset({"id", "name", "summary"}),
    "competencies": frozenset(
        {"id", "level", "theme", "summary", "proficiency", "examples", "supportingUrls"}
    ),
    "supportingUrls": frozenset({"label", "url"}),
}
MAX_KEY_NOTES = 20  # distinct unknown keys noted one by one; the rest in one line


def _known_keys_only(path: str, loaded: safeyaml.Loaded) -> tuple[dict[str, Any], list[Problem]]:
    """The file's data without the keys growth does not read, and one note per such key.

    A key is noted once per place (the top, a level, a theme, a competency, a
    supporting link), with how many entries carry it and the line of the
    first; at most :data:`MAX_KEY_NOTES` notes, so a file of made-up keys
    cannot flood a report. Only the key is quoted, cut short and escaped.
    """
    seen: dict[tuple[str, str], list[tuple[Any, ...]]] = {}

    def known(value: Any, place: str, loc: tuple[Any, ...]) -> Any:
        if not isinstance(value, dict):
            return value
        keep = {}
        for key, item in value.items():
            if key in _KNOWN_KEYS[place]:
                keep[key] = item
            else:
                hint = did_you_mean(key, _KNOWN_KEYS[place]) if isinstance(key, str) else ""
                seen.setdefault((place, quote(key, 40) + hint), []).append((*loc, key))
        return keep

    def each(value: Any, place: str, loc: tuple[Any, ...]) -> Any:
        if not isinstance(value, list):
            return value
        return [known(item, place, (*loc, n)) for n, item in enumerate(value)]

    top = known(loaded.data, "", ())
    for name in ("levels", "themes", "competencies"):
        if name in top:
            top[name] = each(top[name], name, (name,))
    for n, competency in enumerate(top.get("competencies") or ()):
        if isinstance(competency, dict) and "supportingUrls" in competency:
            loc = ("competencies", n, "supportingUrls")
            competency["supportingUrls"] = each(competency["supportingUrls"], "supportingUrls", loc)
    notes = []
    for (_place, key), locs in list(seen.items())[:MAX_KEY_NOTES]:
        where = dotted(locs[0][:-1]) or "the framework"
        more = (
            f" (and {plural(len(locs) - 1, 'more entry', 'more entries')})" if len(locs) > 1 else ""
        )
        notes.append(
            note(
                path,
                loaded.line_of(locs[0]),
                f"{where}: key {key} is not one growth reads; ignored{more}",
            )
        )
    if len(seen) > MAX_KEY_NOTES:
        rest = len(seen) - MAX_KEY_NOTES
        first = list(seen.values())[MAX_KEY_NOTES][0]
        notes.append(
            note(
                path,
                loaded.line_of(first),
                f"{plural(rest, 'more key')} growth does not read; ignored",
            )
        )
    return top, notes


def _too_large(path: str, loaded: safeyaml.Loaded, limits: Limits) -> list[Problem]:
    """The same text and list bounds as a document's front matter."""
    out = []
    stack: list[tuple[tuple[Any, ...], Any]] = [((), loaded.data)]
    while stack:
        loc, value = stack.pop()
        if isinstance(value, str) and len(value) > limits.max_string_length:
            out.append(
                error(
                    path,
                    loaded.line_of(loc),
                    f"{dotted(loc)}: text is {len(value):,} characters, over the"
                    f" {limits.max_string_length:,} limit (limits.max_string_length)",
                )
            )
        elif isinstance(value, list):
            if len(value) > limits.max_list_items:
                out.append(
                    error(
                        path,
                        loaded.line_of(loc),
                        f"{dotted(loc)}: {len(value):,} items, over the"
                        f" {limits.max_list_items:,} limit (limits.max_list_items)",
                    )
                )
            else:
                stack.extend(((*loc, i), item) for i, item in enumerate(value))
        elif isinstance(value, dict):
            stack.extend(((*loc, k), item) for k, item in value.items())
    return out


def _model_problems(path: str, loaded: safeyaml.Loaded, exc: ValidationError) -> list[Problem]:
    """One problem per pydantic error (the models have no unions, so no two share a place)."""
    out = []
    for err in exc.errors(include_url=False):
        loc = data_loc(loaded.data, tuple(err["loc"]), missing=err["type"] == "missing")
        if err["type"] == "string_pattern_mismatch":
            message = f"{dotted(loc)}: {quote(err.get('input'))} is not a valid id ({_ID_RULE})"
        elif err["type"] == "missing":
            where = dotted(loc[:-1]) or "the framework"
            message = f"{where}: missing required field {loc[-1]!r}"
        else:
            message = describe(_FrameworkFile, "framework", loc, err)
        # A missing key has no line: line_of gives its mapping's (the file's first line at the top).
        line = loaded.line_of(loc, default=1)
        out.append(error(path, line, message))
    return out


def _consistency(path: str, loaded: safeyaml.Loaded, parsed: _FrameworkFile) -> list[Problem]:
    """Rules across entries: unique ids, known levels and themes (a cell may hold several)."""
    out = []
    for name, items in (
        ("levels", parsed.levels),
        ("themes", parsed.themes),
        ("competencies", parsed.competencies),
    ):
        out += _duplicates(path, loaded, name, [item.id for item in items])
    levels = list(dict.fromkeys(level.id for level in parsed.levels))
    themes = list(dict.fromkeys(theme.id for theme in parsed.themes))
    for n, competency in enumerate(parsed.competencies):
        for key, allowed in (("level", levels), ("theme", themes)):
            value = getattr(competency, key)
            if value not in allowed:
                out.append(
                    error(
                        path,
                        loaded.line_of(("competencies", n, key)),
                        f"{dotted(('competencies', n))}: unknown {key} {quote(value)}"
                        f"{did_you_mean(value, allowed)}; {key}s: {_listed(allowed)}",
                    )
                )
    return out


def _listed(ids: list[str], most: int = 12) -> str:
    """Ids for a message, the first ``most`` of them: a long ladder cannot flood a report."""
    shown = ", ".join(ids[:most])
    return shown if len(ids) <= most else f"{shown}, ... ({len(ids):,} in all)"


def _duplicates(path: str, loaded: safeyaml.Loaded, name: str, ids: Iterable[str]) -> list[Problem]:
    first: dict[str, int] = {}
    out = []
    for n, item_id in enumerate(ids):
        if item_id in first:
            out.append(
                error(
                    path,
                    loaded.line_of((name, n, "id")),
                    f"{dotted((name, n))}: duplicate id {item_id!r}"
                    f" (also on line {loaded.line_of((name, first[item_id], 'id'))})",
                )
            )
        else:
            first[item_id] = n
    return out
