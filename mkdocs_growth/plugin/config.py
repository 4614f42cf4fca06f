"""The ``growth:`` options as an MkDocs config class.

MkDocs checks the shape of each option here (so ``mkdocs`` tooling sees the
option names and types); the full validation, shared with the CLI, is
:func:`mkdocs_growth.config.parse_options`, which the plugin runs on the raw
options in ``load_config``.
"""

from __future__ import annotations

import datetime as dt

from mkdocs.config import base
from mkdocs.config import config_options as c


class GrowthPluginConfig(base.Config):
    north_star = c.Optional(c.Type(str))
    today = c.Optional(c.Type((dt.date, str)))
    max_active = c.Type(int, default=3)
    domains = c.Optional(c.Type(list))
    horizons = c.Optional(c.Type(list))
    weights = c.Type(dict, default={})
    base = c.Type(str, default="growth")
    strict = c.Type(bool, default=False)
    limits = c.Type(dict, default={})
    framework = c.Optional(c.Type(str))
    level = c.Optional(c.Type(str))
    target_level = c.Optional(c.Type(str))
    audience = c.Type(str, default="internal")  # public | internal (checked by parse_options)
    private_fields = c.Type(list, default=["feedback", "rubric"])
    team = c.Optional(c.Type(dict))  # a team site (checked by parse_options)
