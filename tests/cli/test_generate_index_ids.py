"""An id ``index`` (a card, a domain, a horizon) gets a page of its own in every front end.

Pages named after an id sit next to their folder's index page (``cards/<id>.md`` beside
``cards/index.md``), so the id ``index`` used to land on the index page itself: ``generate``
failed with "generated pages collide" and no hint, and a plugin build silently lost the
domains index to the domain's page. ``mkdocs-growth new card index`` is an ordinary thing
to type; validate, build and generate must all accept it and publish both pages.
"""

from __future__ import annotations

from pathlib import Path

from conftest import card, write_store
from mkdocs.commands.build import build
from mkdocs.config import load_config
from test_generate import build_without_plugin, local_links, resolves

OPTIONS = {
    "today": "2026-05-01",
    "horizons": [
        {"id": "2026-Q2", "start": "2026-04-01", "end": "2026-06-30"},
        {"id": "index", "start": "2026-01-01", "end": "2026-03-31"},
    ],
}
FILES = {
    "index.md": "# Home\n",
    "cards/index.md": card(title="The card called index", status="active"),
    "cards/other.md": card(title="Other card", domain="index", horizon="index"),
}
# Each folder's own index page (its title) and the page of the id ``index`` in it (its title).
PAIRS = {
    "cards": ("Card headers", "The card called index"),  # generate only
    "domains": ("Domains", "Index"),  # the label made from the id
    "horizons": ("Horizons", "index"),
}


def title_of(page: Path) -> str:
    text = page.read_text(encoding="utf-8")
    return text[text.index("<title>") + 7 : text.index("</title>")].split(" - ")[0]


def test_validate_accepts_index_ids(tmp_path: Path, run_cli) -> None:
    config = write_store(tmp_path, FILES, OPTIONS)
    result = run_cli("validate", "-f", config)
    assert result.code == 0, result.out


def test_a_build_publishes_both_the_index_and_the_page_of_id_index(tmp_path: Path) -> None:
    config = write_store(tmp_path, FILES, OPTIONS)
    build(load_config(config_file=str(config), strict=True))
    growth = tmp_path / "site" / "growth"
    for folder in ("domains", "horizons"):
        index_title, id_title = PAIRS[folder]
        assert title_of(growth / folder / "index.html") == index_title
        assert title_of(growth / folder / "index" / "index.html") == id_title


def test_generate_writes_both_and_they_build_without_the_plugin(tmp_path: Path, run_cli) -> None:
    config = write_store(tmp_path, FILES, OPTIONS)
    out = tmp_path / "out"
    result = run_cli("generate", "-f", config, "--out", out)
    assert result.code == 0, result.err
    site = build_without_plugin(tmp_path, tmp_path / "docs", out)
    growth = site / "growth"
    for folder, (index_title, id_title) in PAIRS.items():
        index, own = growth / folder / "index.html", growth / folder / "index" / "index.html"
        assert title_of(index) == index_title
        assert title_of(own) == id_title
        for page in (index, own):
            broken = [h for h in local_links(page) if not resolves(site, page, h)]
            assert broken == [], (page, broken)
    # the dashboard links to the report of horizon "index" and it exists
    dashboard = growth / "index.html"
    assert all(resolves(site, dashboard, h) for h in local_links(dashboard))


def test_the_page_of_domain_index_keeps_the_domains_index_in_the_nav(tmp_path: Path) -> None:
    """The navigation hides a folder's index only when every page in it is empty."""
    files = {
        "index.md": "# Home\n",
        "cards/a.md": card(title="A", domain="index"),
    }
    options = {**OPTIONS, "domains": [{"id": "index"}, {"id": "unused"}]}
    config = write_store(tmp_path, files, options)
    build(load_config(config_file=str(config), strict=True))
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="growth/domains/index/"' in home
    assert 'href="growth/domains/"' in home
    assert 'href="growth/domains/unused/"' not in home  # empty: out of the nav
