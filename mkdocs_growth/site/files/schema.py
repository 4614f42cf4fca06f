"""``growth.schema.json`` at the site root: the front-matter JSON Schema for editors."""

from __future__ import annotations

import json

from ...core.model import json_schema
from ...core.store import Store
from ..context import SiteContext
from ..render import GeneratedPage

PATH = "growth.schema.json"


def pages(store: Store, ctx: SiteContext) -> list[GeneratedPage]:
    return [GeneratedPage(PATH, json.dumps(json_schema(), indent=2) + "\n")]
