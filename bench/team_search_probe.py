"""Time to a team site's first search result in a real browser (Chromium, through Playwright).

Serves a built team site on 127.0.0.1, opens ``team/``, types a word into
Material's search box as a reader would (30 ms a key) and waits for a result
that leads to the expected page. Prints two times: from opening the page
(the search index not yet loaded) and, for a second word, from the last key
(index loaded). Not a timed test: ``bench/team.py --browser`` runs it.

    python bench/team_search_probe.py SITE WORD EXPECTED-URL-PART [WORD2 EXPECTED2]
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
import time

CHROMIUM = "/usr/bin/chromium"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def first_result(page: object, base: str, word: str, expected: str, *, reload: bool) -> float:
    """Seconds from opening the page (``reload``) or from the last key to the expected result."""
    started = time.perf_counter()
    if reload:
        page.goto(base + "team/")
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    box.press_sequentially(word[:-1], delay=30)
    if not reload:
        started = time.perf_counter()
    box.press_sequentially(word[-1])
    page.wait_for_selector(
        f".md-search-result__item a.md-search-result__link[href*='{expected}']", timeout=600_000
    )
    return time.perf_counter() - started


def main(argv: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    site, pairs = argv[0], list(zip(argv[1::2], argv[2::2], strict=True))
    handler = functools.partial(_Quiet, directory=site)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-background-networking"]
        )
        page = browser.new_page()
        for n, (word, expected) in enumerate(pairs):
            took = first_result(page, base, word, expected, reload=n == 0)
            since = "opening the page" if n == 0 else "the last key"
            print(f"first search result for {word!r}: {took * 1000:.0f} ms after {since}")
        browser.close()
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
