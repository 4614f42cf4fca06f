"""The pages people look at, measured in Chromium at 1280 and 390 px, light and dark.

Layout facts rather than pixels: no table is wider than the article, the
columns a reader came for are inside the viewport without scrolling
sideways, and chart text renders at 12 px or more. Then axe-core (bundled
with ``axe-playwright-python``, no network) on every kind of generated page
and a card page, in both schemes: no serious or critical violation.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from .conftest import open_page

pytestmark = pytest.mark.browser

SCHEMES = {"light": "default", "dark": "slate"}
WIDTHS = {"laptop": (1280, 800), "phone": (390, 844)}
CARD = "cards/distributed-trace-explorer/"
# page -> the column headings a reader came for (each must be on screen, by row on a phone)
KEY_COLUMNS = {
    "growth/priorities/": ("Card", "Score", "Band"),
    "growth/": ("Milestones done", "Active milestones", "Score", "Band"),
    CARD: ("Target", "Actual"),
    "growth/reports/2026-Q4/": ("Went well", "Didn't", "Try next", "Evidence in this period"),
    "growth/competencies/": (),  # no table to read sideways either
}
# one page of every kind growth generates, and a card page
PAGE_KINDS = [
    "growth/",
    "growth/priorities/",
    "growth/notes/",
    "growth/domains/",
    "growth/domains/observability/",
    "growth/horizons/",
    "growth/horizons/2026-Q4/",
    "growth/reports/2026-Q4/",
    "growth/problems/",
    "growth/reviews/",
    "growth/feedback/",
    "growth/checklist/",
    "growth/competencies/",
    CARD,
]

LAYOUT_JS = """
() => {
  const article = document.querySelector("article.md-content__inner");
  const right = article.getBoundingClientRect().right;
  const wide = [...article.querySelectorAll("table")]
    .filter(t => t.offsetParent !== null)  // folded tables (in a closed <details>) aside
    .map(t => {
      // Material lets a wide table scroll inside its frame: that is overflow too
      const frame = t.closest(".md-typeset__scrollwrap") || t;
      return Math.max(
        t.getBoundingClientRect().right - right,
        t.scrollWidth - t.clientWidth,
        frame.scrollWidth - frame.clientWidth,
      );
    })
    .filter(over => over > 1);
  return {
    wide,
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  };
}
"""

# Every heading cell (th) or labelled cell (td[data-label]) naming `name`: whether one is
# shown and all are entirely inside the viewport horizontally (a phone hides the heading
# row, growth.css keeping it for screen readers, and labels each cell instead).
COLUMN_JS = """
(name) => {
  const cells = [...document.querySelectorAll("article th, article td[data-label]")].filter(
    c => (c.tagName === "TH" ? c.textContent.trim() : c.dataset.label) === name
      && c.getClientRects().length > 0 && getComputedStyle(c).display !== "none"
      && c.getBoundingClientRect().width > 2
      && (!c.closest("thead") || c.closest("thead").getBoundingClientRect().width > 2)
  );
  return cells.length > 0 && cells.every(c => {
    const box = c.getBoundingClientRect();
    return box.left >= 0 && box.right <= document.documentElement.clientWidth + 1;
  });
}
"""

# The smallest rendered size of any chart text: font size times the SVG's scale.
CHART_TEXT_JS = """
() => {
  let smallest = Infinity;
  for (const text of document.querySelectorAll("article svg text")) {
    const svg = text.closest("svg");
    if (!svg.viewBox.baseVal || !svg.viewBox.baseVal.width) continue;
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    smallest = Math.min(smallest, parseFloat(getComputedStyle(text).fontSize) * scale);
  }
  return smallest;
}
"""


@pytest.fixture(params=[(w, s) for w in WIDTHS for s in SCHEMES], ids=lambda p: f"{p[0]}-{p[1]}")
def view(request: pytest.FixtureRequest, browser: Any, base_url: str) -> Iterator[Any]:
    width, scheme = request.param
    w, h = WIDTHS[width]
    tab = open_page(browser, base_url, viewport={"width": w, "height": h}, color_scheme=scheme)
    tab.scheme = scheme
    try:
        yield tab
    finally:
        tab.context.close()


def visit(tab: Any, base_url: str, path: str) -> None:
    tab.goto(base_url + path)
    shown = tab.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
    assert shown == SCHEMES[tab.scheme]


@pytest.mark.parametrize("path", list(KEY_COLUMNS))
def test_tables_fit_and_show_their_key_columns(view: Any, base_url: str, path: str) -> None:
    visit(view, base_url, path)
    layout = view.evaluate(LAYOUT_JS)
    assert layout["wide"] == [], f"{path}: tables wider than the article by {layout['wide']} px"
    assert layout["scroll"] <= layout["client"], f"{path}: the page scrolls sideways"
    hidden = [name for name in KEY_COLUMNS[path] if not view.evaluate(COLUMN_JS, name)]
    assert hidden == [], f"{path}: {hidden} off screen at {view.viewport_size['width']} px"


@pytest.mark.parametrize("path", ["growth/", "growth/priorities/", CARD])
def test_chart_text_is_12_px_or_more(view: Any, base_url: str, path: str) -> None:
    visit(view, base_url, path)
    assert view.locator("article svg text").count() > 0
    assert view.evaluate(CHART_TEXT_JS) >= 12


def test_ids_break_only_between_words(page: Any, base_url: str) -> None:
    page.goto(base_url + "growth/priorities/")
    ids = page.locator("article .growth-table td code")
    assert ids.count() > 0
    styles = ids.evaluate_all(
        "els => els.map(e => [getComputedStyle(e).wordBreak, getComputedStyle(e).overflowWrap])"
    )
    assert set(map(tuple, styles)) == {("normal", "normal")}


def test_the_measurements_see_what_they_measure(browser: Any, base_url: str) -> None:
    """A 12-column table at 390 px fails the layout check; a 9-unit label the text check."""
    tab = open_page(browser, base_url, viewport={"width": 390, "height": 844})
    try:
        tab.goto(base_url + "growth/priorities/")
        tab.evaluate(
            """() => {
              const t = document.createElement("table");
              t.innerHTML = "<thead><tr>" + "<th>Heading</th>".repeat(12) + "</tr></thead>";
              document.querySelector("article").appendChild(t);
              const s = document.querySelector("article svg text");
              s.setAttribute("font-size", "9");
            }"""
        )
        assert tab.evaluate(LAYOUT_JS)["wide"]
        assert not tab.evaluate(COLUMN_JS, "Heading")
        assert tab.evaluate(CHART_TEXT_JS) < 12
    finally:
        tab.context.close()


@pytest.fixture(params=list(SCHEMES))
def scheme_tab(request: pytest.FixtureRequest, browser: Any, base_url: str) -> Iterator[Any]:
    tab = open_page(
        browser, base_url, viewport={"width": 1280, "height": 800}, color_scheme=request.param
    )
    tab.scheme = request.param
    try:
        yield tab
    finally:
        tab.context.close()


def serious(results: Any) -> list[str]:
    """axe's serious and critical violations, one line each with the nodes they hit."""
    return [
        f"{v['id']} ({v['impact']}): {v['help']}: "
        + "; ".join(str(n["target"]) for n in v["nodes"][:5])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_every_page_kind_passes_axe_in_both_schemes(scheme_tab: Any, base_url: str) -> None:
    axe_module = pytest.importorskip("axe_playwright_python.sync_playwright")
    axe = axe_module.Axe()
    found = {}
    for path in PAGE_KINDS:
        visit(scheme_tab, base_url, path)
        # what growth wrote: a generated page's article, a card page's header (the
        # author's own Markdown and code highlighting are the theme's to style)
        scope = ".growth-card-header" if path == CARD else "article"
        problems = serious(axe.run(scheme_tab, context=scope))
        if problems:
            found[path] = problems
    said = [f"{path}: {line}" for path, lines in found.items() for line in lines]
    assert said == [], "\n".join(said)
