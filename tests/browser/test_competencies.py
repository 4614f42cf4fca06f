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
