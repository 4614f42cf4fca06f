"""A progression framework: levels, themes and one competency per level and theme.

The file format is the job-family YAML the Financial Times publishes its
engineering progression in (``levels: [{id, name}]``, ``themes: [{id, name,
summary}]``, ``competencies: [{id, level, theme, summary, proficiency}]``),
so a team can start from a published framework and adapt it.

The file is read like any other input: with :mod:`safeyaml` (standard tags
only, bounded size and depth, a line for every key), validated by closed
pydantic models, then checked as a whole (unique ids, known levels and
themes, one competency per level and theme). Every problem is a
``file:line`` :class:`~.problems.Problem`; a framework with errors is not
used (documents that reference it are not checked against a half-read file).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StrictStr, ValidationError

from . import safeyaml
from .frontmatter import normalize
from .messages import data_loc, describe, did_you_mean, dotted
from .options import FRAMEWORK_ID, GrowthConfig, Limits, OptionsError
from .problems import Problem, error, quote, sort_key

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


class SupportingUrl(_Closed):
    label: Text
    url: Text


class Competency(_Closed):
    """What a level expects in a theme."""

    id: FrameworkId
    level: FrameworkId
    theme: FrameworkId
    summary: Text
    proficiency: Text | None = None
    # Older published frameworks carry these; accepted, not shown.
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
    def _by_ref(self) -> dict[str, Competency]:
        refs = {c.cell: c for c in self.competencies}
        refs.update((c.id, c) for c in self.competencies)
        return refs

    @cached_property
    def _rank(self) -> dict[str, int]:
        return {level.id: n for n, level in enumerate(self.levels)}

    def resolve(self, ref: str) -> Competency | None:
        """The competency a reference (an id or ``<level>/<theme>``) names."""
        return self._by_ref.get(ref)

    def references(self) -> list[str]:
        """Every valid reference, for did-you-mean hints."""
        return list(self._by_ref)

    def level(self, level_id: str) -> Level | None:
        rank = self._rank.get(level_id)
        return None if rank is None else self.levels[rank]

    def rank(self, level_id: str) -> int:
        """Position of a level in the file (0 = first); levels above have larger ranks."""
        return self._rank[level_id]

    def at(self, level_id: str, theme_id: str) -> Competency | None:
        return self._by_ref.get(f"{level_id}/{theme_id}")


@dataclass(frozen=True)
class LoadedFramework:
    """The configured framework file: the framework when it is valid, and every problem."""

    path: str
    framework: Framework | None
    problems: tuple[Problem, ...] = field(default=())


_CACHE: dict[str, tuple[tuple[int, int, int, Limits], LoadedFramework]] = {}


def open_framework(config: GrowthConfig, root: str) -> LoadedFramework | None:
    """Load the configured framework (``root``: the folder of mkdocs.yml) and check the options.

    A missing file and ``level``/``target_level`` ids the framework does not
    define are bad option values: :class:`OptionsError`, as for any option.
    Problems inside the file are the file's (``file:line``), reported with
    the store's.
    """
    if config.framework is None:
        return None
    full = os.path.join(root, config.framework)
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
                    f" its levels: {', '.join(known)}",
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


def load_framework(path: str, raw: bytes, limits: Limits) -> LoadedFramework:
    """Parse and check a framework file's bytes. Never raises for bad input."""

    def failed(*problems: Problem) -> LoadedFramework:
        return LoadedFramework(path, None, tuple(sorted(problems, key=sort_key)))

    if len(raw) > limits.max_file_bytes:
        return failed(
            error(
                path,
                0,
                f"file is over the {limits.max_file_bytes:,}-byte limit (limits.max_file_bytes)",
            )
        )
    try:
        text = normalize(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return failed(error(path, line, "file is not valid UTF-8; save it as UTF-8"))
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
    try:
        parsed = _FrameworkFile.model_validate(loaded.data)
    except ValidationError as exc:
        return failed(*_model_problems(path, loaded, exc))
    problems = _consistency(path, loaded, parsed)
    if problems:  # every rule across entries is an error: a valid file has no problems
        return failed(*problems)
    framework = Framework(
        path=path,
        name=parsed.name,
        summary=parsed.summary,
        levels=tuple(parsed.levels),
        themes=tuple(parsed.themes),
        competencies=tuple(parsed.competencies),
    )
    return LoadedFramework(path, framework)


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
    """Rules across entries: unique ids, known levels and themes, one competency per cell."""
    out = []
    for name, items in (
        ("levels", parsed.levels),
        ("themes", parsed.themes),
        ("competencies", parsed.competencies),
    ):
        out += _duplicates(path, loaded, name, [item.id for item in items])
    levels = list(dict.fromkeys(level.id for level in parsed.levels))
    themes = list(dict.fromkeys(theme.id for theme in parsed.themes))
    cells: dict[tuple[str, str], int] = {}
    for n, competency in enumerate(parsed.competencies):
        known = True
        for key, allowed in (("level", levels), ("theme", themes)):
            value = getattr(competency, key)
            if value not in allowed:
                known = False
                out.append(
                    error(
                        path,
                        loaded.line_of(("competencies", n, key)),
                        f"{dotted(('competencies', n))}: unknown {key} {value!r}"
                        f"{did_you_mean(value, allowed)}; {key}s: {', '.join(allowed)}",
                    )
                )
        if not known:
            continue
        cell = (competency.level, competency.theme)
        if cell in cells:
            first = cells[cell]
            out.append(
                error(
                    path,
                    loaded.line_of(("competencies", n, "id")),
                    f"{dotted(('competencies', n))}: a second competency for level {competency.level!r}"
                    f" and theme {competency.theme!r} (the first, {parsed.competencies[first].id!r},"
                    f" is on line {loaded.line_of(('competencies', first, 'id'))})",
                )
            )
        else:
            cells[cell] = n
    return out


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
