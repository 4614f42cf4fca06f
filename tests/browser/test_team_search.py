"""The example team site in Chromium: search from the header finds one member's note.

The team site (examples/team) is built here from its three members' public
builds, served on 127.0.0.1, and searched for a word only Ana's note has
("zanzibarite", in its body, not its title): the result leads into
``people/ana/``. The time from typing the last letter to the first result is
printed (docs/performance.md quotes it).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.team.conftest import MEMBER_CONFIGS, build, team_folder

from .conftest import screenshot, served

pytestmark = pytest.mark.browser

WORD = "zanzibarite"  # only in the body of Ana's note on rebalance storms


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    members = tmp_path_factory.mktemp("members")
    for member, config in MEMBER_CONFIGS.items():
        build(config, members / member)
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
