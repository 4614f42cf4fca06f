"""The example team built end to end: members' public builds, then the team site."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from mkdocs_growth.team.read import forget_members
from tests.conftest import assert_links_resolve

from .conftest import MEMBER_CONFIGS, build, pagefind_pages, published_bytes, team_folder


def article(page: Path) -> str:
    html = page.read_text(encoding="utf-8")
    return html[html.index("<article") : html.index("</article>")]


def hrefs(html: str) -> list[str]:
    return re.findall(r'href="([^"#]+)', html)


def section(html: str, heading: str) -> str:
    """The HTML from the ``<h3>`` named ``heading`` to the next heading."""
    start = re.search(rf"<h3[^>]*>{re.escape(heading)}", html)
    assert start, heading
    end = re.search(r"<h[23]", html[start.end() :])
    return html[start.end() : start.end() + end.start() if end else None]


def test_who_knows_what_lists_the_people_with_evidence_mapped_by_aliases(team_site: Path) -> None:
    page = team_site / "team" / "knows" / "index.html"
    html = article(page)
    # Ana's `o11y` and Ben's `tracing` are the team's Observability; the lead's ids are the team's
    observability = section(html, "Observability")
    assert "Ana Lima" in observability and "Ben Okafor" in observability
    assert "Lee (team lead)" in observability
    messaging = section(html, "Distributed systems")
    assert "Ana Lima" in messaging and "Ben Okafor" not in messaging
    # Ana's active Kafka card is not evidence; her talk and note are, talks first
    assert messaging.index("Kafka lag in ten minutes") < messaging.index("rebalance storms")
    assert "Kafka consumer lag alerts" not in messaging
    assert_links_resolve(page, team_site, hrefs(html))
    assert "svg" in html and "growth-team-map" in html
    assert "Ben Okafor" in section(html, "Communication")  # Ben's own id: `speaking`
    # framework themes x people: only the lead publishes competencies
    themes = html[
        html.index("Framework themes") : html.index("<h2", html.index("Framework themes"))
    ]
    assert "Lee (team lead)" in themes and "Delivery" in themes
    assert "Ana Lima" not in themes and "Ben Okafor" not in themes


def test_every_team_page_links_resolve(team_site: Path) -> None:
    for page in (team_site / "team").rglob("index.html"):
        assert_links_resolve(page, team_site, hrefs(article(page)))


def test_people_pages_show_the_member_and_link_into_their_site(team_site: Path) -> None:
    html = article(team_site / "team" / "people" / "ana" / "index.html")
    assert "Make every on-call hour boring." in html
    assert ">North star</p>" in html  # the quote's title
    assert "Current horizon: 2026-Q4" in html
    assert "Kafka consumer lag alerts that mean something" in html
    assert "1/3 milestones done" in html
    assert 'href="../../../people/ana/"' in html


def test_members_sites_are_published_unchanged(team_site: Path, built_members: Path) -> None:
    for member in ("lead", "ana", "ben"):
        for source in (built_members / member).rglob("*"):
            if source.is_file():
                copy = team_site / "people" / member / source.relative_to(built_members / member)
                assert copy.read_bytes() == source.read_bytes(), copy


def test_notes_newest_first_with_feed(team_site: Path) -> None:
    html = article(team_site / "team" / "notes" / "index.html")
    assert html.index("rebalance storms") < html.index("the collector")  # 11-16 before 11-09
    feed = (team_site / "team" / "feed.xml").read_text(encoding="utf-8")
    assert (
        "https://example.github.io/platform-team/people/ana/notes/2026-11-16-rebalance-storms/"
        in feed
    )


def test_open_review_requests_list_the_card_and_date(team_site: Path) -> None:
    html = article(team_site / "team" / "reviews" / "index.html")
    assert "2026-11-20" in html and "Kafka consumer lag alerts" in html
    assert "Is the burn-rate threshold sane?" in html
    assert_links_resolve(team_site / "team" / "reviews" / "index.html", team_site, hrefs(html))


def test_search_index_holds_every_member_and_the_team_pages(team_site: Path) -> None:
    pages = pagefind_pages(team_site)
    assert "/team/knows/" in pages and "/team/" in pages
    assert "what we can find across them" in str(pages["/"]["content"])  # the team's pages in full
    for member in ("lead", "ana", "ben"):
        assert any(url.startswith(f"/people/{member}/") for url in pages), member
    found = [url for url, page in pages.items() if "zanzibarite" in str(page["content"])]
    assert found and all(url.startswith("/people/ana/notes/") for url in found)
    note = pages[found[0]]
    assert note["meta"] == {"title": "Rebalance storms"}
    sections = [
        a for url, p in pages.items() if url.startswith("/people/ana/") for a in p["anchors"]
    ]
    assert sections and all(a["element"] == "h2" and a["id"] for a in sections)  # found and linked
    # Material's browser code downloads its own index on every page: it keeps only its settings
    index = json.loads((team_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["docs"] == [] and index["config"]["lang"] == ["en"]


def test_team_pages_ask_pagefind_through_materials_search_box(team_site: Path) -> None:
    """Each team page names growth's worker as Material's search worker; members' pages keep theirs."""
    worker = team_site / "search" / "growth-team-search.js"
    assert worker.is_file() and "pagefind.js" in worker.read_text(encoding="utf-8")
    for page, expected in (
        ("team/index.html", "../search/"),
        ("team/people/ana/index.html", "../../../search/"),
    ):
        html = (team_site / page).read_text(encoding="utf-8")
        assert f'"search": "{expected}growth-team-search.js"' in html, page
    ana = (team_site / "people" / "ana" / "index.html").read_text(encoding="utf-8")
    assert (
        "growth-team-search.js" not in ana and "workers/search." in ana
    )  # as Ana's build wrote it
    parts = json.loads((team_site / "search" / "pagefind" / "parts.json").read_text("utf-8"))
    assert len(parts) >= 2 and all(
        (team_site / "search" / "pagefind" / p / "pagefind.js").is_file() for p in parts
    )


PRIVATE = [
    "FEEDBACKSECRETANA",  # a private field (feedback) of a public card
    "PRIVATENOTEANA",  # a private note's title
    "PRIVATEBODYANA",  # and its body
    "METRICSECRETBEN",  # a field Ben made private (metrics)
    "PRIVATECARDBEN",  # a private card
    "PRIVATEGOALBEN",
]


def test_nothing_private_reaches_the_team_site(tmp_path: Path, built_members: Path) -> None:
    """Unique strings in every private place of each member, and one member built internal."""
    internal = tmp_path / "internal-ben"
    build(MEMBER_CONFIGS["ben"], internal, audience="internal")
    assert "PRIVATECARDBEN" in (internal / "growth.json").read_text(encoding="utf-8")  # canary
    config = team_folder(
        tmp_path / "team",
        built_members,
        members=[
            {"id": "ana", "name": "Ana Lima", "site": "built/ana"},
            {"id": "ben", "name": "Ben Okafor", "site": str(internal)},
        ],
    )
    build(config, tmp_path / "team" / "site", audience=None)
    site = tmp_path / "team" / "site"
    for path in site.rglob("*"):
        if path.is_file():
            data = published_bytes(path)
            for word in PRIVATE:
                assert word.encode() not in data, (word, path)
    html = article(site / "team" / "people" / "ben" / "index.html")
    assert "Site unavailable" in html and "internal" in html
    assert not (site / "people" / "ben").exists()
    assert any("zanzibarite" in str(p["content"]) for p in pagefind_pages(site).values())  # read


def test_a_refused_member_fails_a_strict_build_and_names_the_member(
    tmp_path: Path, built_members: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = team_folder(
        tmp_path,
        built_members,
        members=[
            {"id": "ana", "name": "Ana Lima", "site": "built/ana"},
            {"id": "gone", "name": "Gone", "site": "built/nowhere"},
        ],
    )
    build(config, tmp_path / "site", audience=None)  # not strict: published without them
    assert "team member gone: site unavailable: no site at built/nowhere" in caplog.text
    assert (tmp_path / "site" / "people" / "ana" / "index.html").is_file()
    assert "Site unavailable" in article(
        tmp_path / "site" / "team" / "people" / "gone" / "index.html"
    )
    caplog.clear()
    with pytest.raises(Abort):
        build(config, tmp_path / "site2", audience=None, strict=True)
    assert "(strict mode fails on any):\n  team member gone: site unavailable" in caplog.text


def test_member_text_is_escaped_everywhere(tmp_path: Path, built_members: Path) -> None:
    shutil_copy = team_folder(tmp_path, built_members)
    data_path = tmp_path / "built" / "ana" / "growth.json"
    data = json.loads(data_path.read_text(encoding="utf-8"))
    for doc in data["documents"]:
        doc["title"] = "<script>alert(1)</script>" + doc["title"]
        doc["tags"] = ["<img src=x onerror=alert(2)>"]
    data["config"]["north_star"] = "<b>bold</b>"
    data_path.write_text(json.dumps(data), encoding="utf-8")
    build(shutil_copy, tmp_path / "site", audience=None)
    for page in (tmp_path / "site" / "team").rglob("index.html"):
        html = article(page)
        assert "<script>alert" not in html and "<img src=x" not in html and "<b>bold" not in html
    assert "&lt;script&gt;alert(1)" in article(tmp_path / "site" / "team" / "notes" / "index.html")


def test_a_member_never_overwrites_the_team_sites_own_pages(
    tmp_path: Path, built_members: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = team_folder(tmp_path, built_members)
    (tmp_path / "docs" / "people").mkdir()
    (tmp_path / "docs" / "people" / "ana.md").write_text("# Ours\n", encoding="utf-8")
    (tmp_path / "docs" / "people" / "ana").mkdir()
    (tmp_path / "docs" / "people" / "ana" / "index.md").write_text(
        "# Team's own\n", encoding="utf-8"
    )
    build(config, tmp_path / "site", audience=None)
    assert (
        "team member ana: site unavailable: people/ana/ holds pages of the team site" in caplog.text
    )
    assert "Team" in (tmp_path / "site" / "people" / "ana" / "index.html").read_text(
        encoding="utf-8"
    )
    assert not (tmp_path / "site" / "people" / "ana" / "growth.json").exists()
    assert "Site unavailable" in article(
        tmp_path / "site" / "team" / "people" / "ana" / "index.html"
    )
    assert (tmp_path / "site" / "people" / "ben" / "growth.json").is_file()  # the others still


def test_a_team_site_without_documents_of_its_own_shows_no_personal_pages(
    team_site: Path,
) -> None:
    """The team pages are the site: no empty dashboard or *Growth* section of its own store."""
    assert (team_site / "team" / "index.html").is_file()
    for personal in ("growth/index.html", "growth/priorities/index.html", "growth.json"):
        assert not (team_site / personal).exists(), personal
    home = (team_site / "index.html").read_text(encoding="utf-8")
    assert 'href="team/"' in home
    assert 'href="growth/"' not in home and 'href="growth/checklist/"' not in home
    assert (team_site / "growth" / "growth.css").is_file()  # the team pages' own styles
    assert 'href="growth/growth.css"' in home


def test_a_team_site_with_documents_of_its_own_keeps_both(
    tmp_path: Path, built_members: Path
) -> None:
    config = team_folder(tmp_path, built_members)
    (tmp_path / "docs" / "notes").mkdir()
    (tmp_path / "docs" / "notes" / "retro-format.md").write_text(
        "---\ntype: note\nid: retro-format\ntitle: Our retro format\ndate: 2026-11-01\n---\n\nHow.\n",
        encoding="utf-8",
    )
    build(config, tmp_path / "site", audience=None, strict=True)
    site = tmp_path / "site"
    assert "Our retro format" in article(site / "growth" / "notes" / "index.html")
    assert (site / "growth" / "index.html").is_file() and (site / "team" / "index.html").is_file()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="growth/"' in home and 'href="team/"' in home


def test_past_search_full_text_members_members_pages_are_found_by_title_only(
    tmp_path: Path, built_members: Path
) -> None:
    """A large team's merged index keeps titles and headings; full text would be hundreds of MB."""
    full = team_folder(tmp_path / "full", built_members, search="merged")
    build(full, tmp_path / "full" / "site", audience=None)  # fills the cache with full text
    config = team_folder(
        tmp_path / "light", built_members, search="merged", search_full_text_members=2
    )
    build(config, tmp_path / "light" / "site", audience=None)
    index_path = tmp_path / "light" / "site" / "search" / "search_index.json"
    docs = json.loads(index_path.read_text(encoding="utf-8"))["docs"]
    members = {d["location"]: d for d in docs if d["location"].startswith("people/")}
    assert members and not any("#" in location for location in members)  # one entry a page
    assert not any("zanzibarite" in d["text"] for d in docs)  # only in the body of Ana's note
    titles = {d["title"] for loc, d in members.items() if loc.startswith("people/ana/notes/")}
    assert any("rebalance storms" in t.lower() for t in titles)
    team = [d for d in docs if d["location"].startswith("team/")]  # they list every member
    assert team and not any("#" in d["location"] for d in team)
    assert "Who knows what" in next(d for d in team if d["location"] == "team/")["text"]
    full_text = (tmp_path / "full" / "site" / "search" / "search_index.json").read_text("utf-8")
    assert "zanzibarite" in full_text
    sections = [d for d in json.loads(full_text)["docs"] if "#" in d["location"]]
    sections = [d for d in sections if d["location"].startswith("people/ana/")]
    assert sections
    for section in sections:  # a heading still finds its page
        assert section["title"] in members[section["location"].split("#")[0]]["text"]
    assert index_path.stat().st_size < len(full_text.encode()) / 2
    home = [d for d in json.loads(full_text)["docs"] if d["location"] == ""]
    assert home and home == [d for d in docs if d["location"] == ""]  # the site's own: in full


def test_serve_of_a_team_site_names_the_team_home_not_an_empty_dashboard(
    tmp_path: Path, built_members: Path, caplog: pytest.LogCaptureFixture
) -> None:
    import logging

    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    config_file = team_folder(tmp_path, built_members)
    config = load_config(config_file=str(config_file), site_dir=str(tmp_path / "served"))
    config.site_url = "http://127.0.0.1:8000/platform-team/"
    config.plugins.on_startup(command="serve", dirty=False)
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        mkdocs_build(config, serve_url=config.site_url)
    config.plugins.on_shutdown()
    said = [r.getMessage() for r in caplog.records if " is at http" in r.getMessage()]
    assert said == ["mkdocs_growth: the team site is at http://127.0.0.1:8000/platform-team/team/"]


def test_past_search_full_text_members_pagefind_finds_members_pages_by_title_and_heading(
    tmp_path: Path, built_members: Path
) -> None:
    """Pagefind's memory grows with the text it indexes: the same rule keeps a large team's build small."""
    config = team_folder(tmp_path, built_members, search_full_text_members=2)
    build(config, tmp_path / "site", audience=None)
    pages = pagefind_pages(tmp_path / "site")
    notes = {url: p for url, p in pages.items() if url.startswith("/people/ana/notes/")}
    assert notes and not any("zanzibarite" in str(p["content"]) for p in pages.values())
    assert {"title": "Rebalance storms"} in [p["meta"] for p in notes.values()]  # by its title
    assert "Who knows what" in str(pages["/team/"]["content"])  # the team home's headings


def test_a_theme_without_materials_search_box_gets_the_merged_index_and_is_told(
    tmp_path: Path, built_members: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = team_folder(tmp_path, built_members)
    text = config.read_text(encoding="utf-8").replace("name: material", "name: mkdocs")
    config.write_text(text, encoding="utf-8")
    build(config, tmp_path / "site", audience=None)
    assert (
        "team site: search: pagefind is not used: theme 'mkdocs' has its own search box"
        in caplog.text
    )
    index = json.loads((tmp_path / "site" / "search" / "search_index.json").read_text("utf-8"))
    assert any("zanzibarite" in d["text"] for d in index["docs"])  # merged: still found
    assert not (tmp_path / "site" / "search" / "pagefind").exists()
    with pytest.raises(Abort):
        build(config, tmp_path / "strict", audience=None, strict=True)


def test_without_pagefind_the_team_is_searched_through_the_merged_index_and_told_why(
    tmp_path: Path,
    built_members: Path,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "no-pagefind"))  # as if not installed
    config = team_folder(tmp_path, built_members)
    build(config, tmp_path / "site", audience=None)
    assert "Pagefind is not installed here (pip install 'mkdocs-growth[team]')" in caplog.text
    index = json.loads((tmp_path / "site" / "search" / "search_index.json").read_text("utf-8"))
    assert any("zanzibarite" in d["text"] for d in index["docs"])
    home = (tmp_path / "site" / "team" / "index.html").read_text(encoding="utf-8")
    assert "growth-team-search.js" not in home  # Material's own worker reads the merged index


@pytest.mark.parametrize(
    ("script", "said"),
    [
        (
            "echo 'Error: no space left on device' >&2\nexit 3",
            "(3): Error: no space left on device",
        ),
        ("exit 0", "(0): "),  # another program of that name: it wrote no index
    ],
    ids=["full-disk", "no-index"],
)
def test_a_failing_pagefind_fails_the_build_naming_it(
    tmp_path: Path,
    built_members: Path,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
    script: str,
    said: str,
) -> None:
    pagefind = tmp_path / "pagefind"
    pagefind.write_text(f"#!/bin/sh\n{script}\n", "utf-8")
    pagefind.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(pagefind))
    config = team_folder(tmp_path, built_members)
    with pytest.raises(Abort):
        build(config, tmp_path / "site", audience=None)
    assert (
        f"team site: the search index could not be written: Pagefind failed {said}" in caplog.text
    )
    assert "Traceback" not in caplog.text


def test_a_page_without_materials_search_box_is_named(
    tmp_path: Path, built_members: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A page whose own template has no Material config cannot ask Pagefind: it is named."""
    config = team_folder(tmp_path, built_members)
    text = config.read_text(encoding="utf-8")
    text = text.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n")
    config.write_text(text, encoding="utf-8")
    (tmp_path / "overrides").mkdir()
    bare = "<html><body>{{ page.content }}</body></html>"
    (tmp_path / "overrides" / "bare.html").write_text(bare, "utf-8")
    home = tmp_path / "docs" / "index.md"
    home.write_text("---\ntemplate: bare.html\n---\n\n" + home.read_text("utf-8"), "utf-8")
    build(config, tmp_path / "site", audience=None)
    assert "team site: index: no Material search box to point at Pagefind" in caplog.text
    assert "growth-team-search.js" in (tmp_path / "site" / "team" / "index.html").read_text("utf-8")


def test_pagefind_index_in_parts_finds_everyone_and_a_changed_member_remakes_only_their_part(
    tmp_path: Path, built_members: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mkdocs_growth.plugin import team_search

    monkeypatch.setattr(
        team_search, "SHARD_ENTRIES", 40
    )  # a part per member or two, not per 10,000
    config = team_folder(tmp_path, built_members)
    build(config, tmp_path / "site", audience=None)
    folder = tmp_path / "site" / "search" / "pagefind"
    parts = json.loads((folder / "parts.json").read_text(encoding="utf-8"))
    assert len(parts) >= 3 and sorted(p.name for p in folder.iterdir() if p.is_dir()) == sorted(
        parts
    )
    pages = pagefind_pages(tmp_path / "site")
    for member in ("lead", "ana", "ben"):
        assert any(url.startswith(f"/people/{member}/") for url in pages), member
    data_path = tmp_path / "built" / "ben" / "search" / "search_index.json"  # Ben publishes again
    index = json.loads(data_path.read_text(encoding="utf-8"))
    index["docs"][0]["text"] += " quillfeather"
    data_path.write_text(json.dumps(index), encoding="utf-8")
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    forget_members()  # a rebuild over the site just built, as `mkdocs serve --dirty` makes
    mkdocs_build(load_config(config_file=str(config), site_dir=str(tmp_path / "site")), dirty=True)
    again = json.loads((folder / "parts.json").read_text(encoding="utf-8"))
    assert again[1:-1] == parts[1:-1]  # the other members' parts: from the cache
    assert again[-1] != parts[-1] and not (folder / parts[-1]).exists()  # Ben's (last): new
    found = [
        u
        for u, p in pagefind_pages(tmp_path / "site").items()
        if "quillfeather" in str(p["content"])
    ]
    assert found and all(u.startswith("/people/ben/") for u in found)


def test_a_cache_folder_others_may_write_is_not_used(tmp_path: Path, built_members: Path) -> None:
    """In a shared temporary folder, a cache another user could write would publish their files."""
    import tempfile

    shared = Path(tempfile.gettempdir()) / "mkdocs-growth-team-search"
    shared.mkdir(exist_ok=True)
    shared.chmod(0o777)  # as if another user had made it first
    config = team_folder(tmp_path, built_members)
    build(config, tmp_path / "site", audience=None)
    assert list(shared.iterdir()) == []  # nothing read from it, nothing written to it
    pages = pagefind_pages(tmp_path / "site")
    assert any("zanzibarite" in str(p["content"]) for p in pages.values())  # search still made
    shared.chmod(0o700)
    build(config, tmp_path / "again", audience=None)
    assert sorted(p.name for p in shared.iterdir()) == ["entries", "pagefind"]
