"""The example site as a reader meets it, in a real Chromium.

A mentor opens the dashboard and clicks through to a domain and a card; a
peer searches for a concept and lands on the card and a weekly note; someone
on a phone reads the dashboard and the priority table without scrolling
sideways. Screenshots land in ``test-artifacts/screenshots/``.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from mkdocs_growth.site.charts import UNIT

from .conftest import screenshot

pytestmark = pytest.mark.browser

CARD = "cards/distributed-trace-explorer/"
CARD_TITLE = "Distributed trace explorer"
CONCEPT = "traceparent"  # a key concept of the trace-explorer card ("W3C traceparent")
NOTE = "notes/2026-11-02-trace-context/"  # the weekly note about trace context


def content(page: Any) -> Any:
    """The article (not the navigation, which links everywhere)."""
    return page.locator("article.md-content__inner")


def test_dashboard_leads_to_a_domain_and_a_card(page: Any, base_url: str) -> None:
    page.goto(base_url + "growth/")
    article = content(page)
    assert "Growth dashboard" in article.locator("h1").inner_text()
    assert article.get_by_text("North star").count() >= 1
    screenshot(page, "dashboard", for_docs=True)

    article.locator("a[href$='domains/observability/']").first.click()
    page.wait_for_url(re.compile(r"/growth/domains/observability/$"))
    assert "Observability" in content(page).locator("h1").inner_text()

    content(page).get_by_role("link", name=CARD_TITLE).first.click()
    page.wait_for_url(re.compile(re.escape(CARD) + "$"))
    article = content(page)
    assert CARD_TITLE in article.locator("h1").inner_text()
    # The card header: goal, scores and priority, generated from the front matter.
    assert article.get_by_text("Goal:").first.is_visible()
    card_header = article.locator(".growth-card-header")
    assert card_header.is_visible()
    assert "Priority: 3.8 high" in " ".join(card_header.inner_text().split())


def search(page: Any, query: str) -> list[str]:
    """Type ``query`` into Material's search and return the result links (absolute URLs)."""
    box = page.locator("input.md-search__input")
    box.click()  # on a desktop-wide page the box sits in the header
    box.press_sequentially(query, delay=30)
    results = page.locator(".md-search-result__item a.md-search-result__link")
    # The worker loads the index, then fills the list; the meta line reports it.
    page.wait_for_function(
        "() => /\\d+ matching/.test(document.querySelector('.md-search-result__meta')?.textContent)"
    )
    results.first.wait_for(state="visible")
    return [str(results.nth(i).get_attribute("href")) for i in range(results.count())]


def test_search_for_a_concept_finds_the_card_and_a_note(page: Any, base_url: str) -> None:
    page.goto(base_url)
    hrefs = search(page, CONCEPT)
    assert any(CARD in h for h in hrefs), hrefs
    assert any(NOTE in h for h in hrefs), hrefs
    screenshot(page, "search", for_docs=True)

    page.locator(f".md-search-result__item a[href*='{CARD}']").first.click()
    page.wait_for_url(re.compile(re.escape(CARD)))
    assert CARD_TITLE in content(page).locator("h1").inner_text()

    page.goto(base_url)
    search(page, CONCEPT)
    page.locator(f".md-search-result__item a[href*='{NOTE}']").first.click()
    page.wait_for_url(re.compile(re.escape(NOTE)))
    assert CONCEPT in content(page).inner_text()


def test_card_rubric_chart_is_visible(page: Any, base_url: str) -> None:
    page.goto(base_url + CARD)
    screenshot(page, "card", for_docs=True)
    # Found the way assistive technology finds it: an image named after the card.
    chart = content(page).get_by_role("img", name=re.compile(f"Rubric.*{CARD_TITLE}"))
    chart.scroll_into_view_if_needed()
    assert chart.is_visible()
    box = chart.bounding_box()
    assert box is not None and box["width"] >= 150 and box["height"] >= 60, box
    assert chart.evaluate("e => e.tagName.toLowerCase()") == "svg"
    # Each series (before, after) is one path with its legend swatch: the bars are drawn.
    widths = [
        chart.locator(f"path.growth-rubric-{side}").bounding_box() for side in ("before", "after")
    ]
    assert all(widths) and max(w["width"] for w in widths) >= UNIT  # type: ignore[index]
    screenshot(chart, "rubric-chart", for_docs=True)


@pytest.mark.parametrize(
    ("path", "name"), [("growth/", "dashboard"), ("growth/priorities/", "priorities")]
)
def test_no_horizontal_scroll_at_390_px(phone: Any, base_url: str, path: str, name: str) -> None:
    phone.goto(base_url + path)
    assert content(phone).locator("table").count() >= 1
    widths = phone.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[1] == 390
    assert widths[0] <= widths[1], f"{path}: page is {widths[0]} px wide at 390 px"
    screenshot(phone, f"mobile-{name}", for_docs=name == "priorities", full_page=True)
    # The measurement does see overflow on this page (the check is not vacuous).
    wider = phone.evaluate(
        """() => {
            const probe = document.createElement("div");
            probe.style.width = "600px";
            probe.style.height = "1px";
            document.querySelector("article").appendChild(probe);
            return document.documentElement.scrollWidth;
        }"""
    )
    assert wider > widths[1]
