"""The growth pictures and the review packet in a real Chromium, light and dark.

Each picture of the example site must render with a real size in Material's
light (``default``) and dark (``slate``) schemes, with marks and text that
stand out from the background, and its marks must match the store's data:
one linked mark per open card on the matrix, one per milestone on the
timeline, the weekly counts on the cadence strips, the averages on the rubric
trend. The Q4 packet's metric rows must be the cards' metrics, and it must
print without the site's navigation. Screenshots (light and dark) go to
``test-artifacts/screenshots/`` and, with ``GROWTH_UPDATE_SCREENSHOTS=1``, to
the docs pages about them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

import pytest

from mkdocs_growth.cli.settings import load_settings
from mkdocs_growth.core.store import Store
from mkdocs_growth.practice.pictures import cadence, impact_effort, rubric_trend
from mkdocs_growth.practice.report import build_report, horizon_period
from mkdocs_growth.practice.schedule import horizons_in_use
from mkdocs_growth.practice.store import open_store

from .conftest import ROOT, open_page, screenshot

pytestmark = pytest.mark.browser

SCHEMES = {"light": "default", "dark": "slate"}
CHARTS = [  # page, chart class, screenshot name
    ("growth/priorities/", "growth-matrix", "matrix"),
    ("growth/", "growth-timeline", "timeline"),
    ("growth/", "growth-cadence", "cadence"),
    ("growth/", "growth-rubric-trend", "rubric-trend"),
    ("growth/horizons/2026-Q4/", "growth-timeline", "horizon-timeline"),
]

# WCAG relative luminance and contrast ratio, computed in the page from computed colours.
CONTRAST_JS = """
([selector, attr]) => {
  const rgb = s => (s.match(/[\\d.]+/g) || []).slice(0, 3).map(Number);
  const lum = c => {
    const [r, g, b] = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const el = document.querySelector(selector);
  const fg = rgb(getComputedStyle(el)[attr]);
  let node = el, bg = null;
  while (node && node.nodeType === 1) {
    const c = getComputedStyle(node).backgroundColor;
    if (c && !c.endsWith(", 0)") && c !== "transparent") { bg = rgb(c); break; }
    node = node.parentElement;
  }
  bg = bg || [255, 255, 255];
  const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}
"""


@cache
def example() -> Store:
    settings = load_settings(str(ROOT / "mkdocs.yml"))
    return open_store(
        settings.docs_dir, settings.growth, settings.config_file, framework=settings.framework
    )


@pytest.fixture(params=list(SCHEMES))
def scheme_page(request: pytest.FixtureRequest, browser: Any, base_url: str) -> Iterator[Any]:
    """A desktop page whose system colour scheme is light or dark."""
    tab = open_page(
        browser, base_url, viewport={"width": 1280, "height": 900}, color_scheme=request.param
    )
    tab.scheme = request.param
    try:
        yield tab
    finally:
        tab.context.close()


def open_chart(page: Any, base_url: str, path: str, css: str) -> Any:
    page.goto(base_url + path)
    scheme = page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
    assert scheme == SCHEMES[page.scheme]
    svg = page.locator(f"article svg.{css}")
    assert svg.count() == 1
    svg.scroll_into_view_if_needed()
    return svg


@pytest.mark.parametrize(("path", "css", "name"), CHARTS)
def test_chart_renders_readably_in_both_schemes(
    scheme_page: Any, base_url: str, path: str, css: str, name: str
) -> None:
    svg = open_chart(scheme_page, base_url, path, css)
    assert svg.is_visible()
    box = svg.bounding_box()
    assert box is not None and box["width"] >= 250 and box["height"] >= 80, box
    text = f"article svg.{css} text"
    assert scheme_page.evaluate(CONTRAST_JS, [text, "fill"]) >= 4.5
    mark = f"article svg.{css} circle, article svg.{css} a rect"
    if scheme_page.locator(mark).count():
        assert scheme_page.evaluate(CONTRAST_JS, [mark, "stroke"]) >= 3 or (
            scheme_page.evaluate(CONTRAST_JS, [mark, "fill"]) >= 3
        )
    figure = scheme_page.locator(f"article .{css}-figure")
    screenshot(figure, f"{name}-{scheme_page.scheme}", for_docs=name != "horizon-timeline")


def test_matrix_has_one_link_per_open_card(page: Any, base_url: str) -> None:
    page.goto(base_url + "growth/priorities/")
    marks = page.locator("article svg.growth-matrix a")
    expected = impact_effort(example())
    assert marks.count() == len(expected) > 0
    hrefs = marks.evaluate_all(
        "els => els.map(a => new URL(a.getAttribute('href'), location).href)"
    )
    cards = {base_url + example().path_of(m.card)[: -len(".md")] + "/" for m in expected}
    assert sorted(hrefs) == sorted(cards)
    # following a mark opens the card
    marks.first.click()
    page.wait_for_url(re.compile("/cards/"))
    assert page.locator("article .growth-card-header").is_visible()


def test_timeline_marks_match_the_milestones(page: Any, base_url: str) -> None:
    page.goto(base_url + "growth/")
    marks = page.locator("article svg.growth-timeline a")
    statuses = marks.evaluate_all("els => els.map(a => a.getAttribute('data-status'))")
    store = example()
    q4 = [c for c in store.cards if c.horizon == "2026-Q4" and c.status != "dropped"]
    expected = sorted(
        (m.due, "done" if m.status == "done" else m.status)
        for c in q4
        for m in c.milestones
        if m.due and m.status != "dropped"
    )
    assert len(statuses) == len(expected)
    assert sorted(s.split(",")[0] for s in statuses) == sorted(s for _, s in expected)
    rows = page.locator("article .growth-timeline-figure table tbody tr")
    assert rows.count() == len(expected)


def test_cadence_and_rubric_trend_match_the_store(page: Any, base_url: str) -> None:
    store = example()
    today = store.config.effective_today()
    page.goto(base_url + "growth/")
    data = cadence(store, today)
    titles = page.locator("article svg.growth-cadence rect title").all_text_contents()
    assert len(titles) == 4 * 52
    shown_notes = sum(int(t.split(": ")[1].split()[0]) for t in titles if "note" in t)
    assert shown_notes == data.total("notes") > 0
    trend = rubric_trend(store, horizons_in_use(store, today), today)
    rows = page.locator("article .growth-rubric-trend-figure table tbody tr")
    assert rows.count() == len(trend)
    for i, row in enumerate(trend):
        cells = rows.nth(i).locator("td").all_text_contents()
        assert cells[1] == str(row.cards)
    afters = page.locator("article svg.growth-rubric-trend circle title").all_text_contents()
    assert sum(1 for t in afters if " after: " in t) == sum(1 for r in trend if r.cards)


def test_q4_packet_metric_rows_are_the_cards_metrics(page: Any, base_url: str) -> None:
    store = example()
    report = build_report(
        store, horizon_period(store.config.horizon("2026-Q4")), store.config.effective_today()
    )
    page.goto(base_url + "growth/reports/2026-Q4/")
    # Material wraps tables in scroll containers: the first table after the heading
    table = page.locator("article h2:has-text('Metrics')").locator("xpath=following::table[1]")
    rows = table.locator("tbody tr")
    assert rows.count() == len(report.metrics) > 0
    for i, result in enumerate(report.metrics):
        cells = [" ".join(c.split()) for c in rows.nth(i).locator("td").all_text_contents()]
        metric = result.metric
        assert cells[0] == result.card.title and cells[1] == metric.name
        unit = f" {metric.unit}" if metric.unit else ""
        assert cells[2] == (f"{metric.baseline:g}{unit}" if metric.baseline is not None else "")
        assert cells[3] == (f"{metric.actual:g}{unit}" if metric.actual is not None else "")
    screenshot(page, "report-light", for_docs=True, full_page=False)


def test_q4_packet_prints_without_navigation(page: Any, base_url: str) -> None:
    page.goto(base_url + "growth/reports/2026-Q4/")
    page.emulate_media(media="print")
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert not page.locator(".md-header").is_visible()
    assert page.locator("article h1").is_visible()
    assert page.locator("article table").first.is_visible()


def test_report_and_dashboard_link_each_other(page: Any, base_url: str) -> None:
    page.goto(base_url + "growth/")
    page.locator("article").get_by_role("link", name="review packet").click()
    page.wait_for_url(re.compile("/growth/reports/2026-Q4/$"))
    page.locator("article").get_by_role("link", name="horizon page").click()
    page.wait_for_url(re.compile("/growth/horizons/2026-Q4/$"))
    assert page.locator("article").get_by_role("link", name="Review packet").count() == 1


def test_report_dark_screenshot(browser: Any, base_url: str) -> None:
    tab = open_page(browser, base_url, viewport={"width": 1280, "height": 900}, color_scheme="dark")
    try:
        tab.goto(base_url + "growth/reports/2026-Q4/")
        screenshot(tab, "report-dark", for_docs=True)
    finally:
        tab.context.close()


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_edited_card_shows_its_new_state(browser: Any, base_url: str, scheme: str) -> None:
    """The mentoring card of the example store, updated with the card-edit commands."""
    tab = open_page(browser, base_url, viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    try:
        tab.goto(base_url + "cards/mentor-a-junior-on-call/")
        header = tab.locator("article .growth-card-header")
        checked = header.locator("li.task-list-item input[checked]")
        assert checked.count() == 2  # milestones 1 and 2 done ("done ... -m 'Reverse shadowing'")
        chart = header.get_by_role("img", name=re.compile("Rubric before and after"))
        assert "Confidence: before 3, after 4" in (chart.locator("desc").text_content() or "")
        tab.add_style_tag(
            content=".md-header { visibility: hidden; }"
        )  # sticky: it would cover the crop
        screenshot(header, f"card-edits-{scheme}", for_docs=True)
    finally:
        tab.context.close()
