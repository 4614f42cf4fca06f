"""growth.css: colours that keep their meaning and their contrast in both colour schemes."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape

import pytest

from mkdocs_growth.practice.pictures import Cadence
from mkdocs_growth.site.files.stylesheet import stylesheet
from mkdocs_growth.site.svg.cadence import cadence_svg

# Material's page backgrounds: white, and slate's (hsl 232 15% 14%, the indigo hue).
BACKGROUND = {"default": "#ffffff", "slate": "#1e2029"}


def luminance(colour: str) -> float:
    rgb = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def colours(scheme: str) -> dict[str, str]:
    """The chart colour properties in force in ``scheme`` (slate overrides the defaults)."""
    css = stylesheet()
    blocks = re.findall(r"([^{}]*)\{([^{}]*)\}", css)
    found: dict[str, str] = {}
    for selector, body in blocks:
        if "--growth-heat-1" not in body:
            continue
        if "slate" in selector and scheme != "slate":
            continue
        found.update(re.findall(r"(--growth-[a-z0-9-]+):\s*(#[0-9a-f]{6})", body))
    return found


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_heat_steps_stand_out_more_as_counts_grow(scheme: str) -> None:
    """'A stronger colour: more' holds in both schemes, each step at 3:1 or more (WCAG 1.4.11)."""
    found, page = colours(scheme), BACKGROUND[scheme]
    steps = [contrast(found[f"--growth-heat-{n}"], page) for n in (1, 2, 3)]
    assert steps == sorted(steps) and steps[0] >= 3, steps
    assert contrast(found["--growth-muted"], page) >= 3  # the rubric's "before" bars


def test_cadence_cells_are_coloured_by_step_and_the_caption_holds_in_dark() -> None:
    weeks = [dt.date(2026, 1, 5) + dt.timedelta(weeks=i) for i in range(52)]
    counts = {k: [0] * 52 for k in ("notes", "talks", "decisions", "reviews")}
    counts["notes"][-3:] = [1, 2, 5]
    html = unescape(cadence_svg(Cadence(weeks, counts)))
    assert [f"growth-heat-{n}" in html for n in (1, 2, 3)] == [True, True, True]
    assert "Darker" not in html and "stronger colour: more" in html
