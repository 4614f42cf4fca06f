"""The ``growth:`` options, as one pydantic model shared by the plugin and the CLI."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    field_validator,
    model_validator,
)

SLUG = r"^[a-z0-9][a-z0-9-]*$"
HORIZON_ID = r"^[A-Za-z0-9][A-Za-z0-9-]*$"
QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
# Ids in a progression framework; no '/', so a reference can be `<level-id>/<theme-id>`.
FRAMEWORK_ID = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"


def calendar_date(value: object) -> object:
    """A YAML date or ISO text: pydantic would read a number as a Unix timestamp."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, (int, float)):
        raise ValueError("must be a date like 2026-04-01, not a number")
    return value


def _number(value: object) -> object:
    """Weights are numbers as written: no ``"2"`` strings, no booleans."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"must be a number (got {value!r:.40})")
    return value


def _framework_path(value: object) -> object:
    """A YAML file or a spreadsheet export (CSV), so its problems never share a name with a page."""
    if isinstance(value, str) and not value.lower().endswith((".yml", ".yaml", ".csv")):
        raise ValueError(f"must be the path of a .yml, .yaml or .csv file (got {value!r:.60})")
    return value


CalendarDate = Annotated[dt.date, BeforeValidator(calendar_date)]
# At most 1,000: far past any useful ratio, and far from where sums overflow to infinity.
Weight = Annotated[float, BeforeValidator(_number), Field(ge=0, le=1000, allow_inf_nan=False)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DomainSpec(_Strict):
    id: Annotated[str, Field(pattern=SLUG, max_length=100)]
    title: str | None = None
    kind: Literal["technical", "soft-skill"] = "technical"

    @property
    def label(self) -> str:
        return self.title or self.id.replace("-", " ").capitalize()


class HorizonSpec(_Strict):
    id: Annotated[str, Field(pattern=HORIZON_ID, max_length=100)]
    start: CalendarDate
    end: CalendarDate
    title: str | None = None

    @model_validator(mode="after")
    def _ordered(self) -> HorizonSpec:
        if self.end < self.start:
            raise ValueError(f"horizon {self.id}: end {self.end} is before start {self.start}")
        return self


class Weights(_Strict):
    impact: Weight = 2
    effort: Weight = 1
    reusability: Weight = 1
    learnings: Weight = 1

    @model_validator(mode="after")
    def _not_all_zero(self) -> Weights:
        if self.impact + self.effort + self.reusability + self.learnings <= 0:
            raise ValueError("at least one weight must be above 0")
        return self


class Limits(_Strict):
    """Bounds that keep one hostile or runaway document from blowing up a build."""

    # Upper bounds too: a limit past what a machine can hold is a typo, and a number
    # past a C index (1e23) would fail deep inside a read instead of here.
    max_file_bytes: Annotated[StrictInt, Field(ge=1024, le=1024**3)] = 1024 * 1024
    max_list_items: Annotated[StrictInt, Field(ge=1, le=10_000_000)] = 500
    max_string_length: Annotated[StrictInt, Field(ge=80, le=1024**3)] = 20_000


Audience = Literal["public", "internal"]

MEMBER_ID = r"^[a-z0-9][a-z0-9-]*$"


class TeamMemberSpec(_Strict):
    """One member of a team site: the folder of their site as they built it (``audience: public``)."""

    id: Annotated[str, Field(pattern=MEMBER_ID, max_length=64)]
    name: Annotated[str, Field(min_length=1, max_length=200)] | None = None
    site: Annotated[str, Field(min_length=1)]

    @property
    def label(self) -> str:
        return self.name or self.id


class TeamDomainSpec(_Strict):
    """A domain of the team's vocabulary; ``aliases`` are members' domain ids that mean it."""

    id: Annotated[str, Field(pattern=SLUG, max_length=100)]
    title: str | None = None
    aliases: list[Annotated[str, Field(pattern=SLUG, max_length=100)]] = []

    @property
    def label(self) -> str:
        return self.title or self.id.replace("-", " ").capitalize()


class TeamSpec(_Strict):
    """The ``team:`` option: a team site built from its members' published sites."""

    members: Annotated[list[TeamMemberSpec], Field(min_length=1)]
    domains: list[TeamDomainSpec] = []
    # growth.json is read whole: a bound keeps one runaway member from filling memory
    max_json_bytes: Annotated[StrictInt, Field(ge=1024)] = 64 * 1024 * 1024
    # The header search: a Pagefind index behind Material's search box (split in small files,
    # a query fetches what it needs), or every member's entries merged into the one index
    # MkDocs' search plugin wrote, which the browser loads whole (docs/team.md#search)
    search: Literal["pagefind", "merged"] = "pagefind"
    # Merged only: past this many members, members' pages are found by title and heading only
    # (docs/performance.md: 484 MB at 1,000 members in full)
    search_full_text_members: Annotated[StrictInt, Field(ge=0)] = 100

    @field_validator("members")
    @classmethod
    def _unique_members(cls, members: list[TeamMemberSpec]) -> list[TeamMemberSpec]:
        """Ids are folders (``people/<id>/``): two members with one id would overwrite each other."""
        seen: set[str] = set()
        for member in members:
            if member.id in seen:
                raise ValueError(f"member id {member.id!r} is listed twice")
            seen.add(member.id)
        return members

    @field_validator("domains")
    @classmethod
    def _one_meaning(cls, domains: list[TeamDomainSpec]) -> list[TeamDomainSpec]:
        """Each id or alias maps to one team domain."""
        owner: dict[str, str] = {}
        for domain in domains:
            for name in (domain.id, *domain.aliases):
                if name in owner and owner[name] != domain.id:
                    raise ValueError(
                        f"{name!r} names two team domains ({owner[name]} and {domain.id})"
                    )
                if name in owner and name == domain.id:
                    raise ValueError(f"domain id {name!r} is listed twice")
                owner[name] = domain.id
        return domains


# Card fields `private_fields` may name: details a card still makes sense without.
# Fields that identify a card or drive the practice (title, goal, scores, status,
# milestones, domain, horizon, date) cannot be private: make the card private instead.
PRIVATE_FIELD_CHOICES: tuple[str, ...] = (
    "feedback",
    "rubric",
    "metrics",
    "artifacts",
    "concepts",
    "reviewed",
    "tags",
    "related",
    "competencies",
    "review_request",
)
CARD_FIELDS_KEPT: tuple[str, ...] = (
    "type",
    "id",
    "title",
    "visibility",
    "date",
    "domain",
    "horizon",
    "goal",
    "scores",
    "status",
    "milestones",
)


def _private_fields(value: object) -> object:
    """Each name must be a card field that can be left out (see PRIVATE_FIELD_CHOICES)."""
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError("must be a list of card field names, like [feedback, rubric]")
    from .messages import did_you_mean

    for name in value:
        if name in PRIVATE_FIELD_CHOICES:
            continue
        if name in CARD_FIELDS_KEPT:
            raise ValueError(
                f"{name!r} cannot be private: a card needs it (make the card private"
                " instead: visibility: private)"
            )
        raise ValueError(
            f"unknown card field {name!r}{did_you_mean(name, PRIVATE_FIELD_CHOICES)};"
            f" choose from {', '.join(PRIVATE_FIELD_CHOICES)}"
        )
    return list(dict.fromkeys(value))


PrivateFields = Annotated[tuple[str, ...], BeforeValidator(_private_fields)]


class GrowthConfig(_Strict):
    """Validated plugin options (see the configuration reference in the docs)."""

    north_star: str | None = None
    today: CalendarDate | None = None
    max_active: Annotated[StrictInt, Field(ge=0, le=1_000_000)] = 3
    domains: list[DomainSpec] | None = None
    horizons: list[HorizonSpec] | None = None
    weights: Weights = Weights()
    base: Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*$")] = "growth"
    strict: StrictBool = False
    limits: Limits = Limits()
    # A progression framework (path relative to mkdocs.yml) and the levels that matter now;
    # level ids are checked against the file by core.framework.open_framework.
    framework: Annotated[str, AfterValidator(_framework_path), Field(min_length=1)] | None = None
    level: Annotated[str, Field(pattern=FRAMEWORK_ID, max_length=100)] | None = None
    target_level: Annotated[str, Field(pattern=FRAMEWORK_ID, max_length=100)] | None = None
    audience: Audience = "internal"
    private_fields: PrivateFields = ("feedback", "rubric")
    team: TeamSpec | None = None  # a team site (docs/team.md)

    @field_validator("domains", "horizons")
    @classmethod
    def _unique_ids(cls, items: list[DomainSpec] | list[HorizonSpec] | None) -> object:
        """Ids name pages: ``2026-Q4`` and ``2026-q4`` are one file on macOS and Windows."""
        seen: dict[str, str] = {}
        for item in items or ():
            other = seen.get(item.id.casefold())
            if other == item.id:
                raise ValueError(f"id {item.id!r} is listed twice")
            if other is not None:
                raise ValueError(
                    f"ids {other!r} and {item.id!r} differ only by case; their pages would"
                    " be one file on case-insensitive file systems (macOS, Windows)"
                )
            seen[item.id.casefold()] = item.id
        return items

    def effective_today(self) -> dt.date:
        return self.today or dt.date.today()

    def domain(self, domain_id: str) -> DomainSpec:
        """The configured domain, or an implicit technical one when there is no allow-list."""
        for spec in self.domains or ():
            if spec.id == domain_id:
                return spec
        return DomainSpec(id=domain_id)

    def horizon(self, horizon_id: str) -> HorizonSpec | None:
        """Dates of a horizon: configured, or derived from a ``YYYY-Qn`` id."""
        if self.horizons is not None:
            return next((h for h in self.horizons if h.id == horizon_id), None)
        return quarter(horizon_id)


def quarter(horizon_id: str) -> HorizonSpec | None:
    match = QUARTER.fullmatch(horizon_id)
    if match is None:
        return None
    year, q = int(match[1]), int(match[2])
    if year < dt.MINYEAR:  # "0000-Q1" has no calendar dates: not a quarter
        return None
    start = dt.date(year, 3 * q - 2, 1)
    # Q4 ends on Dec 31 directly: "next Jan 1 minus a day" overflows in 9999.
    end = dt.date(year, 12, 31) if q == 4 else dt.date(year, 3 * q + 1, 1) - dt.timedelta(days=1)
    return HorizonSpec(id=horizon_id, start=start, end=end)


def quarter_of(day: dt.date) -> str:
    return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"  # year 999 is "0999", as ids are written


class OptionsError(ValueError):
    """Bad ``growth:`` options; ``errors`` holds ``(option, message)`` pairs."""

    def __init__(self, errors: list[tuple[str, str]]) -> None:
        super().__init__("; ".join(f"{key}: {msg}" for key, msg in errors))
        self.errors = errors


def parse_options(raw: dict[str, object] | None) -> GrowthConfig:
    """Validate raw ``growth:`` options (from mkdocs.yml) into a :class:`GrowthConfig`."""
    from pydantic import ValidationError

    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise OptionsError([("growth", "options must be a mapping")])
    from .messages import dotted

    try:
        config = GrowthConfig.model_validate(raw)
    except ValidationError as exc:
        errors = []
        for err in exc.errors(include_url=False):
            loc = tuple(err["loc"])
            key = dotted(loc) if loc else "growth"  # domains #2.id: list items counted from 1
            errors.append((key, _option_message(loc, err)))
        raise OptionsError(errors) from None
    needs_framework = [
        (option, "needs the 'framework' option (the file its level ids come from)")
        for option in ("level", "target_level")
        if getattr(config, option) is not None and config.framework is None
    ]
    if needs_framework:
        raise OptionsError(needs_framework)
    return config


_OPTION_TYPES = {
    "int_type": "must be a whole number",
    "int_parsing": "must be a whole number",
    "int_from_float": "must be a whole number",
    "bool_type": "must be true or false",
    "bool_parsing": "must be true or false",
    "missing": "is required",
}
_PATTERNS = {
    "base": "must be folder names (letters, digits, '-', '_') separated by '/', like growth",
    "domains": "must be a slug: lowercase letters, digits and '-'",
    "horizons": "must be letters, digits and '-' (it becomes a URL)",
    "team": "must be lowercase letters, digits and '-' (ids become folders and URLs)",
    "level": "must be a level id of the framework (letters, digits, '.', '_', '-')",
    "target_level": "must be a level id of the framework (letters, digits, '.', '_', '-')",
}


def _option_message(loc: tuple[object, ...], err: dict[str, object]) -> str:
    from .messages import did_you_mean, keys_at, reason

    etype = err["type"]
    if etype == "extra_forbidden":
        return "unknown option" + did_you_mean(str(loc[-1]), keys_at(GrowthConfig, loc[:-1]))
    if etype == "string_pattern_mismatch" and loc and loc[0] in _PATTERNS:
        return f"{_PATTERNS[str(loc[0])]} (got {err.get('input')!r:.60})"
    if etype == "literal_error":
        expected = dict(err.get("ctx") or {}).get("expected", "")
        return f"must be {expected} (got {err.get('input')!r:.60})"
    if etype in _OPTION_TYPES:
        got = "" if etype == "missing" else f" (got {err.get('input')!r:.60})"
        return _OPTION_TYPES[str(etype)] + got
    return reason(err)
