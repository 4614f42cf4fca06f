"""The example team site in Chromium: search from the header finds one member's note.

The team site (examples/team) is built here from its three members' public
builds, served on 127.0.0.1, and searched for a word only Ana's note has
("zanzibarite", in its body, not its title): the result leads into
``people/ana/``. The time from typing the last letter to the first result is
printed (docs/performance.md quotes it).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.team.conftest import MEMBER_CONFIGS, build, team_folder

from .conftest import screenshot, served

pytestmark = pytest.mark.browser

WORD = "zanzibarite"  # only in the body of Ana's note on rebalance storms
HOSTILE = "&lt;img src=x onerror=window.PWNED=1&gt; quokkaword"  # text that looks like a tag


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    members = tmp_path_factory.mktemp("members")
    for member, config in MEMBER_CONFIGS.items():
        build(config, members / member)
    index_path = members / "ana" / "search" / "search_index.json"  # markup as text, in a title
    index = json.loads(index_path.read_text(encoding="utf-8"))
    index["docs"].append(
        {"location": "notes/hostile/", "title": HOSTILE, "text": HOSTILE + " body"}
    )
    index_path.write_text(json.dumps(index), encoding="utf-8")
    folder = tmp_path_factory.mktemp("team")
    build(team_folder(folder, members), folder / "site", audience=None, strict=True)
    return folder / "site"


@pytest.fixture(scope="module")
def base_url(site: Path) -> Iterator[str]:
    with served(site) as url:
        yield url


def test_header_search_finds_a_members_note_and_follows_it(page: Any, base_url: str) -> None:
    page.goto(base_url + "team/")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(WORD[:-1], delay=30)
    started = time.perf_counter()
    box.press_sequentially(WORD[-1])
    results = page.locator(".md-search-result__item a.md-search-result__link")
    results.first.wait_for(state="visible")
    print(f"first team search result after {1000 * (time.perf_counter() - started):.0f} ms")
    hrefs = [str(results.nth(i).get_attribute("href")) for i in range(results.count())]
    assert hrefs and all("people/ana/notes/" in h for h in hrefs), hrefs
    screenshot(page, "team-search")
    results.first.click()
    page.wait_for_url("**/people/ana/notes/**")
    assert "Rebalance storms" in page.locator("article h1").first.inner_text()
    assert WORD in page.locator("article").inner_text()


def test_who_knows_what_links_resolve_in_the_browser(page: Any, base_url: str) -> None:
    page.goto(base_url + "team/knows/")
    link = page.locator("article a[href^='../../people/ben/']").first  # into Ben's site
    link.click()
    page.wait_for_load_state()
    assert page.locator("article h1").first.is_visible()
    assert "/people/ben/" in page.url


def test_results_show_markup_in_members_text_as_text(page: Any, base_url: str) -> None:
    page.goto(base_url + "team/")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("quokkaword", delay=30)
    result = page.locator(".md-search-result__item").first
    result.wait_for(state="visible")
    assert "<img src=x onerror=window.PWNED=1> quokkaword" in result.inner_text()
    assert result.locator("img").count() == 0 and page.evaluate("window.PWNED") is None
    assert result.locator("mark").count() >= 1  # Pagefind's marks around the word found


def test_header_search_finds_the_team_pages(page: Any, base_url: str) -> None:
    page.goto(base_url + "team/")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("who knows what", delay=30)
    results = page.locator(".md-search-result__item a.md-search-result__link")
    results.first.wait_for(state="visible")
    hrefs = [str(results.nth(i).get_attribute("href")) for i in range(results.count())]
    assert any("/team/knows/" in h for h in hrefs), hrefs
