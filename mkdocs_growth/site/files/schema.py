"""``growth.schema.json`` at the site root: the front-matter JSON Schema for editors."""

from __future__ import annotations

import json

from ...core.model import json_schema
from ...core.store import Store
from ..blocks import GeneratedFile
from ..context import SiteContext

PATH = "growth.schema.json"


def files(store: Store, ctx: SiteContext) -> list[GeneratedFile]:
    return [GeneratedFile(PATH, json.dumps(json_schema(), indent=2) + "\n")]
