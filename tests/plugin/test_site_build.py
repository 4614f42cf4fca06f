"""Real MkDocs builds of a small store: pages, links, search, escaping, strictness.

One site per (theme, use_directory_urls) is built once per module and shared
by the assertions, so the four builds dominate the time.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import posixpath
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from conftest import built_once, card, front_matter, write_store
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from mkdocs_growth.practice.store import open_store
from mkdocs_growth.site.registry import SiteContext, site_files, site_pages

TODAY = "2026-05-01"
OPTIONS: dict[str, Any] = {
    "today": TODAY,
    "north_star": "Be the engineer the team calls when production is on fire.",
    "domains": [
        {"id": "observability", "title": "Observability", "kind": "technical"},
        {"id": "communication", "title": "Communication", "kind": "soft-skill"},
        {"id": "databases", "kind": "technical"},  # configured but unused: still a page
    ],
    "horizons": [
        {"id": "2026-Q1", "start": "2026-01-01", "end": "2026-03-31"},
        {"id": "2026-Q2", "start": "2026-04-01", "end": "2026-06-30"},
        {"id": "2026-Q3", "start": "2026-07-01", "end": "2026-09-30"},
    ],
}
XSS_TITLE = "Trace <script>alert(1)</script> | explorer"
RUBRIC = {
    "before": {"confidence": 2, "competence": 2, "impact": 2, "clarity": 2},
    "after": {"confidence": 4, "competence": 3, "impact": 4, "clarity": 3},
}


def store_files() -> dict[str, str]:
    """Cards whose priorities exercise every tie-break, one of each other type, two broken."""
    return {
        "index.md": "# Home\n\nA plain page.\n",
        "assets/data.txt": "1,2,3\n",
        # 5,3,4,2 -> 3.8 (the playbook's example)
        "cards/trace.md": card(
            title=XSS_TITLE,
            status="active",
            metrics=[{"name": "p95 | lookup", "unit": "s", "baseline": 300, "target": 60}],
            artifacts=[
                {"kind": "technical", "title": "Demo repo", "url": "https://example.com"},
                {"kind": "process", "title": "The note", "url": "../notes/week-17.md#spans"},
                {"kind": "process", "title": "Raw data", "url": "../assets/data.txt"},
            ],
            feedback=[
                {
                    "date": "2026-04-20",
                    "from": "Mentor <img src=x onerror=alert(2)>",
                    "went_well": "clear demo & <b>short</b>",
                }
            ],
        ),
        # 4,1,4,2 -> (8+5+4+2)/5 = 3.8, impact 4 < 5: after trace
        "cards/alpha.md": card(
            title="Alpha", scores={"impact": 4, "effort": 1, "reusability": 4, "learnings": 2}
        ),
        # 3,3,3,3 -> 3.0; same as beta, same impact/effort: title order
        "cards/gamma.md": card(
            title="Gamma", scores={"impact": 3, "effort": 3, "reusability": 3, "learnings": 3}
        ),
        "cards/beta.md": card(
            title="Beta",
            domain="communication",
            horizon="2026-Q3",
            scores={"impact": 3, "effort": 3, "reusability": 3, "learnings": 3},
        ),
        # 3,2,3,3 -> (6+4+3+3)/5 = 3.2: between alpha and beta/gamma
        "cards/delta.md": card(
            title="Delta", scores={"impact": 3, "effort": 2, "reusability": 3, "learnings": 3}
        ),
        # done: not in the priority table
        "cards/archived.md": card(
            title="Archived", status="done", horizon="2026-Q1", rubric=RUBRIC
        ),
        "notes/week-17.md": front_matter(
            {"type": "note", "title": "Week 17: spans", "date": "2026-04-24", "card": "trace"},
            "Learned about tail sampling.\n",
        ),
        "notes/week-18.md": front_matter(
            {"type": "note", "title": "Week 18", "date": "2026-05-01", "domain": "observability"}
        ),
        "decisions/jaeger.md": front_matter(
            {"type": "decision", "title": "Use Jaeger", "date": "2026-04-10", "status": "accepted"}
        ),
        "talks/tracing-101.md": front_matter(
            {"type": "talk", "title": "Tracing 101", "date": "2026-04-28", "audience": "team"}
        ),
        "playbooks/incident.md": front_matter({"type": "playbook", "title": "Incident review"}),
        "retros/q1.md": front_matter(
            {"type": "retro", "title": "Q1 retro", "date": "2026-03-30", "horizon": "2026-Q1"}
        ),
        # invalid model: published as a plain page, listed on the problems page
        "cards/no-goal.md": card(title="No goal here", goal=None),
        # unreadable front matter: published with the raw block shown as code
        "cards/unclosed.md": "---\ntype: card\ntitle: Unclosed\n\nThe body survives.\n",
    }


PRIORITY_ORDER = ["trace", "alpha", "delta", "beta", "gamma"]
GENERATED = [
    "index.md",
    "priorities.md",
    "notes.md",
    "decisions.md",
    "talks.md",
    "playbooks.md",
    "retros.md",
    "problems.md",
    "domains/index.md",
    "domains/observability.md",
    "domains/communication.md",
    "domains/databases.md",
    "horizons/index.md",
    "horizons/2026-Q1.md",
    "horizons/2026-Q2.md",
    "horizons/2026-Q3.md",
]


def html_path(site: Path, md_path: str, directory_urls: bool) -> Path:
    stem = md_path[: -len(".md")]
    if stem.endswith("index"):
        return site / f"{stem}.html"
    return site / (f"{stem}/index.html" if directory_urls else f"{stem}.html")


def tree_hashes(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


class Site:
    def __init__(self, root: Path, directory_urls: bool, theme: str) -> None:
        self.root = root
        self.directory_urls = directory_urls
        self.theme = theme

    def page(self, md_path: str) -> str:
        return html_path(self.root, md_path, self.directory_urls).read_text(encoding="utf-8")

    def content(self, md_path: str) -> str:
        """The page body from its first heading on (skips nav and sidebars)."""
        html = self.page(md_path)
        return html[html.index("<h1") :]

    def json(self, name: str) -> Any:
        return json.loads((self.root / name).read_text(encoding="utf-8"))


@pytest.fixture(
    scope=built_once,
    params=[("material", True), ("material", False), ("mkdocs", True), ("mkdocs", False)],
    ids=lambda p: f"{p[0]}-{'dirurls' if p[1] else 'htmlurls'}",
)
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Site:
    theme, directory_urls = request.param
    tmp = tmp_path_factory.mktemp(f"{theme}-{directory_urls}")
    config_file = write_store(
        tmp,
        store_files(),
        OPTIONS,
        config={"theme": {"name": theme}, "use_directory_urls": directory_urls},
    )
    before = tree_hashes(tmp / "docs")
    build(load_config(config_file=str(config_file)))
    site = Site(tmp / "site", directory_urls, theme)
    site.docs_before, site.docs_after = before, tree_hashes(tmp / "docs")  # type: ignore[attr-defined]
    site.config_file = config_file  # type: ignore[attr-defined]
    return site


def test_every_generated_page_exists(site: Site) -> None:
    for name in GENERATED:
        assert html_path(site.root, f"growth/{name}", site.directory_urls).is_file(), name
    assert (site.root / "growth.json").is_file()


def test_every_registered_page_family_is_published(site: Site) -> None:
    """Whatever is in the views registry (including other families) reaches the site."""
    config_file = site.config_file  # type: ignore[attr-defined]
    from mkdocs_growth.cli.settings import load_settings

    settings = load_settings(str(config_file))
    store = open_store(settings.docs_dir, settings.growth, "mkdocs.yml")
    ctx = SiteContext(today=settings.growth.effective_today())
    for page in site_pages(store, ctx):
        assert html_path(site.root, page.path, site.directory_urls).is_file(), page.path
    for item in site_files(store, ctx):
        assert (site.root / item.path).is_file(), item.path


def test_no_per_document_generated_pages(site: Site) -> None:
    """Page count grows with domains and horizons, never with documents."""
    generated = [p for p in (site.root / "growth").rglob("*.html")]
    assert len(generated) < len(GENERATED) + 10


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and (name == "href" or (name == "src" and tag in ("img", "script"))):
                self.links.append(value)


def _resolve(site: Path, page: Path, link: str) -> Path | None:
    """The file a relative link points to, or None for external/anchor links."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    base = posixpath.dirname(page.relative_to(site).as_posix())
    target = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
    path = site / target
    return path / "index.html" if link.split("#")[0].endswith("/") or path.is_dir() else path


def test_internal_links_resolve(site: Site) -> None:
    broken = []
    pages = [p for p in site.root.rglob("*.html") if p.name != "404.html"]
    assert len(pages) > len(GENERATED)
    for page in pages:
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for link in parser.links:
            target = _resolve(site.root, page, link)
            if target is not None and not target.is_file():
                broken.append(f"{page.relative_to(site.root)} -> {link}")
    assert broken == []


def test_links_from_generated_pages_reach_documents(site: Site) -> None:
    html = site.page("growth/priorities.md")
    card_url = "../../cards/trace/" if site.directory_urls else "../cards/trace.html"
    assert f'href="{card_url}"' in html


def test_priority_table_follows_contract_order(site: Site) -> None:
    html = site.page("growth/priorities.md")
    ids = [
        i for i in (chunk.split("</code>")[0] for chunk in html.split("<code>")[1:]) if "<" not in i
    ]
    assert ids == PRIORITY_ORDER
    assert "3.80" in html and "archived" not in ids


def test_dashboard_shows_state(site: Site) -> None:
    html = site.page("growth/index.md")
    assert "Be the engineer the team calls" in html
    assert "2026-Q2" in html
    assert "max_active" in html or "/ 3" in html
    assert "Week 18" in html  # latest notes
    assert "2 errors" in html


def test_domains_group_by_kind_and_horizons_archive(site: Site) -> None:
    domains = site.content("growth/domains/index.md")
    assert domains.index("Technical") < domains.index("Observability")
    assert domains.index("Soft skills") < domains.index("Communication")
    horizons = site.content("growth/horizons/index.md")
    assert horizons.index("Current") < horizons.index("2026-Q2") < horizons.index("Upcoming")
    assert horizons.index("Upcoming") < horizons.index("2026-Q3") < horizons.index("Archive")
    assert horizons.index("Archive") < horizons.index("2026-Q1")
    q1 = site.content("growth/horizons/2026-Q1.md")
    assert "Archived" in q1 and "Q1 retro" in q1


def test_feeds_newest_first(site: Site) -> None:
    notes = site.content("growth/notes.md")
    assert notes.index("Week 18") < notes.index("Week 17")
    for name, title in [
        ("decisions.md", "Use Jaeger"),
        ("talks.md", "Tracing 101"),
        ("playbooks.md", "Incident review"),
        ("retros.md", "Q1 retro"),
    ]:
        assert title in site.page(f"growth/{name}")


def test_card_header_above_untouched_body(site: Site) -> None:
    html = site.page("cards/trace.md")
    header = html.index("Find the slow span")  # the goal
    assert html.index("done when a one-page summary is written") > header
    assert (
        html.index('<td data-label="Metric">p95 | lookup</td>') > header
    )  # metric name, pipe kept in the cell
    assert html.index("Some text.") > html.index("Demo repo") > header
    assert "3.8" in html and "high" in html
    assert "clear demo &amp; &lt;b&gt;short&lt;/b&gt;" in html  # feedback, escaped
    assert "<img src=x" not in html and "Mentor &lt;img src=x" in html
    note = "../../notes/week-17/#spans" if site.directory_urls else "../notes/week-17.html#spans"
    data = "../../assets/data.txt" if site.directory_urls else "../assets/data.txt"
    assert f'href="{note}"' in html and f'href="{data}"' in html
    assert 'href="https://example.com"' in html
    archived = site.page("cards/archived.md")
    assert "<svg" in archived  # rubric chart slot


def test_search_index_has_generated_pages_and_card_headers(site: Site) -> None:
    index = site.json("search/search_index.json")
    locations = {doc["location"] for doc in index["docs"]}
    priorities = "growth/priorities/" if site.directory_urls else "growth/priorities.html"
    assert priorities in locations
    assert any(loc.startswith("growth/domains/") for loc in locations)
    card_loc = "cards/trace/" if site.directory_urls else "cards/trace.html"
    card_text = " ".join(d["text"] for d in index["docs"] if d["location"].startswith(card_loc))
    assert "Find the slow span" in card_text and "Read the paper" in card_text


def test_docs_dir_unchanged(site: Site) -> None:
    assert site.docs_after == site.docs_before  # type: ignore[attr-defined]
    assert not (site.root.parent / "docs" / "growth").exists()


def test_invalid_documents_are_plain_pages_listed_on_problems(site: Site) -> None:
    no_goal = site.page("cards/no-goal.md")
    assert "Some text." in no_goal and "Find the slow span" not in no_goal
    unclosed = site.page("cards/unclosed.md")
    assert "The body survives." in unclosed
    assert "title: Unclosed" in unclosed  # the raw front matter, shown as code
    assert "front-matter problems" in unclosed
    to_problems = "../../growth/problems/" if site.directory_urls else "../growth/problems.html"
    assert f'see <a href="{to_problems}">Problems</a>.' in unclosed
    problems = site.page("growth/problems.md")
    assert "cards/no-goal.md" in problems and "goal" in problems
    assert "cards/unclosed.md" in problems and "never closed" in problems
    link = "../../cards/no-goal/" if site.directory_urls else "../cards/no-goal.html"
    assert f'href="{link}"' in problems
    ids = [d["id"] for d in site.json("growth.json")["documents"]]
    assert "no-goal" not in ids and "trace" in ids


def test_titles_display_literally(site: Site) -> None:
    html = site.page("cards/trace.md")
    assert "<title>Trace &lt;script&gt;alert(1)&lt;/script&gt; | explorer" in html
    home = (site.root / "index.html").read_text(encoding="utf-8")
    assert "Trace &lt;script&gt;alert(1)&lt;/script&gt; | explorer" in " ".join(home.split())
    for page in site.root.rglob("*.html"):
        assert "<script>alert(1)" not in page.read_text(encoding="utf-8"), page


def test_card_status_hidden_from_theme(site: Site) -> None:
    if site.theme == "material":
        assert "md-status" not in (site.root / "index.html").read_text(encoding="utf-8")


def test_growth_json(site: Site) -> None:
    data = site.json("growth.json")
    assert data["format"] == 1 and data["generated_with"]["name"] == "mkdocs-growth"
    assert data["config"]["today"] == TODAY
    docs = {d["id"]: d for d in data["documents"]}
    assert docs["trace"]["priority"] == {"score": 3.8, "band": "high"}
    assert docs["trace"]["title"] == XSS_TITLE
    assert docs["trace"]["path"] == "cards/trace.md"
    assert docs["trace"]["url"] == ("cards/trace/" if site.directory_urls else "cards/trace.html")
    assert docs["week-17"]["card"] == "trace" and "priority" not in docs["week-17"]
    assert html_path(site.root, docs["trace"]["path"], site.directory_urls).is_file()


def test_explicit_nav_is_left_alone(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    nav = [{"Home": "index.md"}, {"Growth": "growth/index.md"}]
    config_file = write_store(
        tmp_path,
        {"index.md": "# Home\n", "cards/trace.md": card()},
        {"today": TODAY},
        config={"nav": nav, "theme": {"name": "mkdocs"}},
    )
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        build(load_config(config_file=str(config_file)))
    site = tmp_path / "site"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="growth/"' in home  # the author's entry
    assert "growth/priorities/" not in home and "cards/trace/" not in home
    assert (site / "growth" / "priorities" / "index.html").is_file()  # still published
    assert "growth/priorities.md" not in caplog.text  # not reported as missing from nav


# --- strictness ------------------------------------------------------------


SITE_URL = {"site_url": "https://growth.example.com/"}  # no feed warning


def _problem_store(tmp_path: Path, **options: Any) -> Path:
    files = {"cards/ok.md": card(), "cards/bad.md": card(goal=None)}
    return write_store(tmp_path, files, {"today": TODAY, **options}, config=SITE_URL)


def test_config_strict_fails_with_summary(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    config = load_config(config_file=str(_problem_store(tmp_path)), strict=True)
    with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises(Abort):
        build(config)
    text = caplog.text
    assert "growth store has 1 error and 0 warnings" in text
    assert "cards/bad.md" in text and "goal" in text


@pytest.mark.parametrize(("bad", "more"), [(10, []), (12, ["  ... and 2 more"])])
def test_strict_failure_quotes_ten_problems_and_counts_the_rest(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, bad: int, more: list[str]
) -> None:
    files = {f"cards/bad-{n:02}.md": card(goal=None) for n in range(bad)}
    config_file = write_store(tmp_path, files, {"today": TODAY}, config=SITE_URL)
    with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises(Abort):
        build(load_config(config_file=str(config_file), strict=True))
    [failure] = [r.getMessage() for r in caplog.records if "growth store has" in r.getMessage()]
    head, *quoted = failure.splitlines()
    assert head.endswith(
        f"growth store has {bad} errors and 0 warnings (strict mode fails on any):"
    )
    assert quoted[10:] == more
    for n, line in enumerate(quoted[:10]):
        assert line.startswith("  ") and line.endswith(
            f"bad-{n:02}.md:2: error: card is missing required field 'goal'"
        ), line


def test_strict_option_fails_and_warnings_count(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config_file = write_store(
        tmp_path,
        {"cards/few.md": card(milestones=[])},
        {"today": TODAY, "strict": True},
        config=SITE_URL,
    )
    with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises(Abort):
        build(load_config(config_file=str(config_file)))
    assert "0 errors and 1 warning " in caplog.text and "milestones" in caplog.text


def test_non_strict_build_publishes_despite_problems(tmp_path: Path) -> None:
    config_file = _problem_store(tmp_path)
    build(load_config(config_file=str(config_file)))
    assert (tmp_path / "site" / "cards" / "bad" / "index.html").is_file()


def test_cli_quiet_strict_fails_without_traceback(tmp_path: Path) -> None:
    """`mkdocs build -q --strict` hides warnings from MkDocs' own counter; we still fail."""
    config_file = write_store(
        tmp_path, {"cards/few.md": card(milestones=[])}, {"today": TODAY}, config=SITE_URL
    )

    def quiet_strict_build(config: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "--strict", "-f", str(config)],
            capture_output=True,
            text=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            timeout=300,
            check=False,
        )

    result = quiet_strict_build(config_file)
    assert result.returncode != 0
    assert "growth store has 0 errors and 1 warning " in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    ok = write_store(tmp_path / "ok", {"cards/fine.md": card()}, {"today": TODAY}, config=SITE_URL)
    result = quiet_strict_build(ok)
    assert result.returncode == 0, result.stderr


def test_a_store_without_site_url_passes_strict(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """SPEC v2: without site_url the feed is skipped with an info line, not a warning."""
    config_file = write_store(tmp_path, {"cards/fine.md": card()}, {"today": TODAY})
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        build(load_config(config_file=str(config_file), strict=True))
    notes = [r for r in caplog.records if "site_url is not set" in r.getMessage()]
    assert [r.levelno for r in notes] == [logging.INFO]
    assert not (tmp_path / "site" / "growth" / "feed.xml").exists()


def test_strict_counts_site_problems(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A page in docs_dir where growth generates one is a warning: strict fails on it."""
    config_file = write_store(
        tmp_path,
        {"cards/fine.md": card(), "growth/priorities.md": "# Mine\n"},
        {"today": TODAY},
        config=SITE_URL,
    )
    with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises(Abort):
        build(load_config(config_file=str(config_file), strict=True))
    assert "0 errors and 1 warning " in caplog.text
    assert "growth/priorities.md: warning: growth generates a page at this path" in caplog.text
