"""Growth documents as pydantic models: the single source of the front-matter contract.

Validation, the JSON Schema (``mkdocs-growth schema``) and the typed objects
the pages are rendered from all come from these classes. Top-level keys the
models do not know are kept (other plugins use front matter too); nested
structures are closed, so a typo inside ``scores`` is an error.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictFloat,
    StrictInt,
    StrictStr,
    WithJsonSchema,
)

from .options import HORIZON_ID, SLUG
from .options import calendar_date as _calendar_date

ID_PATTERN = SLUG
URL_SCHEMES = ("http", "https", "mailto")


def _finite(value: float) -> float:
    """A number every reader can hold: finite, and within a float's range (about ±1.8e308).

    YAML integers have no bound (``1`` followed by 309 zeros is valid YAML), but
    whatever shows, sorts or exports a metric works with floats.
    """
    try:
        as_float = float(value)
    except OverflowError:
        raise ValueError("is too large (numbers must lie within about ±1.8e308)") from None
    if not math.isfinite(as_float):
        raise ValueError("must be a finite number")
    return value


# Numeric references decode in an href even without ';', named ones (`&colon;`) with it.
_CHAR_REF = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*;)")


def _safe_url(value: str) -> str:
    text = value.strip()
    if _CHAR_REF.search(text):
        # Markdown keeps `&#58;` in a link and the browser decodes it: `javascript&#58;...`
        raise ValueError("URL contains an HTML character reference (write the character itself)")
    head = text.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    if ":" in head:
        scheme = head.split(":", 1)[0].lower()
        if scheme not in URL_SCHEMES:
            raise ValueError(
                f"URL scheme {scheme!r} is not allowed (use http, https, mailto or a relative path)"
            )
    elif text.startswith("//"):
        raise ValueError("protocol-relative URLs are not allowed (use https://...)")
    elif "\\" in text:
        # Browsers read a backslash as '/': `/\evil.com` is `//evil.com`, another site.
        raise ValueError("relative URL contains a backslash (write '/' between folders)")
    if any(ord(ch) < 32 or (ch.isspace() and ch != " ") for ch in text):
        raise ValueError("URL contains control characters")
    return text


def _visible(value: str) -> str:
    """Text that shows something once control characters and spaces are dropped.

    Titles and tags end up in navigation, ``<title>``, tag lists and feeds,
    which drop control characters: a tag of only ``\\x1b`` would be an empty
    ``<category term="" />``, a title of only spaces an empty link.
    """
    if not any(ch.isprintable() and not ch.isspace() for ch in value):
        raise ValueError("has no visible characters (only spaces or control characters)")
    return value


# Editors see YAML timestamps as text: `2026-04-02` or `2026-04-02 14:30:00` (its day counts).
_DATE_SCHEMA = {
    "type": "string",
    "anyOf": [
        {"format": "date"},
        {
            "pattern": r"^\d{4}-\d{2}-\d{2}(?:[Tt]|[ \t]+)\d{1,2}:\d{2}:\d{2}(?:\.\d*)?"
            r"(?:[ \t]*(?:Z|[-+]\d{1,2}(?::\d{2})?))?$"
        },
    ],
}
Date = Annotated[dt.date, BeforeValidator(_calendar_date), WithJsonSchema(_DATE_SCHEMA)]
Text = Annotated[StrictStr, Field(min_length=1)]
Label = Annotated[StrictStr, Field(min_length=1), AfterValidator(_visible)]
Id = Annotated[StrictStr, Field(pattern=ID_PATTERN, max_length=100)]
HorizonId = Annotated[StrictStr, Field(pattern=HORIZON_ID, max_length=100)]
Score = Annotated[StrictInt, Field(ge=1, le=5)]
Number = Annotated[StrictInt | StrictFloat, AfterValidator(_finite)]
Url = Annotated[StrictStr, AfterValidator(_safe_url)]
MilestoneStatus = Literal["planned", "active", "done", "dropped"]


class Closed(BaseModel):
    """Nested structures: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Scores(Closed):
    impact: Score
    effort: Score
    reusability: Score
    learnings: Score


class Milestone(Closed):
    title: Text
    done_when: Text = Field(description="The definition of done.")
    status: MilestoneStatus = "planned"
    due: Date | None = None


class Metric(Closed):
    name: Text
    unit: StrictStr | None = None
    baseline: Number | None = None
    target: Number | None = None
    actual: Number | None = None


class RubricScores(Closed):
    confidence: Score
    competence: Score
    impact: Score
    clarity: Score


class Rubric(Closed):
    before: RubricScores | None = None
    after: RubricScores | None = None


class Artifact(Closed):
    kind: Literal["technical", "process", "people"]
    title: Text
    url: Url | None = None


class Feedback(Closed):
    date: Date
    from_: StrictStr | None = Field(default=None, alias="from")
    went_well: StrictStr | None = None
    didnt: StrictStr | None = None
    try_next: StrictStr | None = None


class ReviewRequest(Closed):
    """A card asking peers for a review (the playbook's 30-minute review); remove it once done."""

    date: Date = Field(description="When the review was asked for.")
    note: StrictStr | None = Field(default=None, description="What the reviewer should look at.")


class Document(BaseModel):
    """Fields every growth document shares."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    KIND: ClassVar[str] = ""

    type: StrictStr
    id: Id
    title: Label
    date: Date | None = None
    domain: Id | None = None
    horizon: HorizonId | None = None
    tags: list[Label] = []
    related: list[Id] = []
    # References into the progression framework: a competency id or `<level-id>/<theme-id>`
    # (checked against the framework with the store, see core.checks).
    competencies: list[Text] = []
    visibility: Literal["public", "private"] = Field(
        default="public", description="private: left out of a site built for a public audience."
    )

    @property
    def sort_date(self) -> dt.date:
        return self.date or dt.date.min

    def references(self) -> list[tuple[str, str]]:
        """``(field, id)`` pairs that must name existing documents."""
        return [("related", ref) for ref in self.related]


class Card(Document):
    KIND: ClassVar[str] = "card"
    type: Literal["card"]
    domain: Id
    horizon: HorizonId
    goal: Text
    scores: Scores
    status: Literal["planned", "active", "done", "dropped"] = "planned"
    milestones: list[Milestone] = []
    concepts: list[Text] = []
    metrics: list[Metric] = []
    rubric: Rubric | None = None
    artifacts: list[Artifact] = []
    feedback: list[Feedback] = []
    reviewed: list[Date] = []
    review_request: ReviewRequest | None = None

    @property
    def is_open(self) -> bool:
        return self.status in ("planned", "active")


class Note(Document):
    KIND: ClassVar[str] = "note"
    type: Literal["note"]
    date: Date
    concepts: list[Text] = []
    card: Id | None = None

    def references(self) -> list[tuple[str, str]]:
        return super().references() + ([("card", self.card)] if self.card else [])


class Decision(Document):
    KIND: ClassVar[str] = "decision"
    type: Literal["decision"]
    date: Date
    status: Literal["proposed", "accepted", "superseded", "rejected"] = "proposed"
    card: Id | None = None
    superseded_by: Id | None = None

    def references(self) -> list[tuple[str, str]]:
        refs = super().references()
        if self.card:
            refs.append(("card", self.card))
        if self.superseded_by:
            refs.append(("superseded_by", self.superseded_by))
        return refs


class Talk(Document):
    KIND: ClassVar[str] = "talk"
    type: Literal["talk"]
    date: Date
    card: Id | None = None
    audience: StrictStr | None = None

    def references(self) -> list[tuple[str, str]]:
        return super().references() + ([("card", self.card)] if self.card else [])


class Playbook(Document):
    KIND: ClassVar[str] = "playbook"
    type: Literal["playbook"]


class Retro(Document):
    KIND: ClassVar[str] = "retro"
    type: Literal["retro"]
    date: Date


AnyDocument = Card | Note | Decision | Talk | Playbook | Retro
MODELS: dict[str, type[Document]] = {
    m.KIND: m for m in (Card, Note, Decision, Talk, Playbook, Retro)
}
TYPES = tuple(MODELS)


def known_keys(kind: str) -> set[str]:
    model = MODELS[kind]
    keys = set(model.model_fields)
    keys |= {f.alias for f in model.model_fields.values() if f.alias}
    return keys


def json_schema() -> dict[str, Any]:
    """JSON Schema of the front matter of every document type (editors can use it)."""
    from pydantic import TypeAdapter

    adapter: TypeAdapter[Any] = TypeAdapter(Annotated[AnyDocument, Field(discriminator="type")])
    schema = adapter.json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "mkdocs-growth front matter"
    # `id` defaults to the file stem, so it is never required in a file.
    for definition in schema.get("$defs", {}).values():
        required = definition.get("required")
        if required and "id" in required and "type" in required:
            required.remove("id")
    return schema
