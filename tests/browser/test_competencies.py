"""The competencies page of the example site in a real Chromium: it renders, its links resolve.

A manager preparing a promotion case opens the page, reads the summary line,
sees the gaps, and follows every evidence link to the document behind it.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from .conftest import screenshot

pytestmark = pytest.mark.browser

PAGE = "growth/competencies/"


def test_competencies_page_renders_and_every_link_resolves(page: Any, base_url: str) -> None:
    response = page.goto(base_url + PAGE)
    assert response is not None and response.ok
    article = page.locator("article.md-content__inner")
    assert article.locator("h1").inner_text().strip().startswith("Competencies")
    text = " ".join(article.inner_text().split())
    assert re.search(r"target level \(Staff engineer\): \d of 9 themes have evidence", text)
    assert article.locator("h2").count() == 9  # one section per theme
    assert article.get_by_text("Gap:").count() >= 1  # the example store has real gaps
    assert article.get_by_text("Gap:").first.is_visible()
    screenshot(page, "competencies", for_docs=True)

    hrefs = article.locator("a[href]").evaluate_all(
        "links => links.map(a => a.href).filter(h => !h.includes('#'))"
    )
    assert len(hrefs) >= 10, hrefs
    for href in sorted(set(hrefs)):
        response = page.goto(href)
        assert response is not None and response.ok, href
        assert page.locator("article.md-content__inner h1").count() == 1, href

    page.goto(base_url + PAGE)
    link = page.locator("article.md-content__inner a", has_text="Run 15-minute design reviews")
    link.first.click()
    page.wait_for_url(re.compile(r"/cards/fifteen-minute-design-reviews/$"))


def test_the_competencies_page_prints_without_the_site_around_it(page: Any, base_url: str) -> None:
    """Printed (print media), the page is the case: no header, navigation or footer."""
    page.goto(base_url + PAGE)
    shown = "el => getComputedStyle(el).display !== 'none'"
    assert page.locator(".md-header").evaluate(shown)  # on screen, the site is there
    page.emulate_media(media="print")
    for part in (".md-header", ".md-sidebar--primary", ".md-footer"):
        assert not page.locator(part).first.evaluate(shown), part
    # growth/growth.css, its print rules: no competency split over two sheets, no heading left at a sheet's foot.
    competency = page.locator(".growth-competency").first
    assert competency.evaluate("el => getComputedStyle(el).breakInside") == "avoid"
    heading = page.locator("article.md-content__inner h2").first
    assert heading.evaluate("el => getComputedStyle(el).breakAfter") == "avoid"
    page.emulate_media(media="screen")
    assert competency.evaluate("el => getComputedStyle(el).breakInside") == "auto"
