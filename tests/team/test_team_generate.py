"""``generate`` of a team site: built by an engine that runs no plugins (plain MkDocs here)."""

from __future__ import annotations

from pathlib import Path

import yaml
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from tests.conftest import assert_links_resolve

from .conftest import MEMBER_CONFIGS, build, team_folder
from .test_team_site import PRIVATE, article, hrefs


def plain_config(tmp_path: Path, docs: Path) -> Path:
    """The example team's mkdocs.yml without the growth plugin, its docs_dir the written tree."""
    config = yaml.safe_load((tmp_path / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = ["search"]
    config["docs_dir"] = str(docs)
    path = tmp_path / "plain.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def test_generate_site_builds_the_team_site_with_plain_mkdocs(
    tmp_path: Path, built_members: Path, run_cli
) -> None:
    config = team_folder(tmp_path, built_members)
    result = run_cli("generate", "-f", config, "--site", tmp_path / "tree")
    assert result.code == 0, result.err
    assert "search covers the team pages only" in result.err  # said, never silent
    site = tmp_path / "site"
    mkdocs_build(load_config(str(plain_config(tmp_path, tmp_path / "tree")), site_dir=str(site),
                             strict=True))  # fmt: skip
    knows = site / "team" / "knows" / "index.html"
    html = article(knows)
    assert "Ana Lima" in html and "Ben Okafor" in html
    for page in (site / "team").rglob("index.html"):
        assert_links_resolve(page, site, hrefs(article(page)))
    assert any("people/ana/" in href for href in hrefs(html))
    for rel in ("index.html", "growth.json", "notes/2026-11-16-rebalance-storms/index.html"):
        assert (site / "people" / "ana" / rel).read_bytes() == (
            built_members / "ana" / rel
        ).read_bytes(), rel
    assert not (site / "growth" / "index.html").exists()  # no personal pages of an empty store


def test_generate_out_writes_the_team_pages_without_members_sites(
    tmp_path: Path, built_members: Path, run_cli
) -> None:
    config = team_folder(tmp_path, built_members)
    result = run_cli("generate", "-f", config, "--out", tmp_path / "out")
    assert result.code == 0, result.err
    out = tmp_path / "out"
    assert "Ana Lima" in (out / "team" / "knows.md").read_text(encoding="utf-8")
    assert (out / "team" / "people" / "ben.md").is_file()
    assert not (out / "people").exists() and not (out / "growth" / "index.md").exists()


def test_generate_warns_about_a_member_it_cannot_publish_and_strict_writes_nothing(
    tmp_path: Path, built_members: Path, run_cli
) -> None:
    members = [
        {"id": "ana", "name": "Ana Lima", "site": "built/ana"},
        {"id": "gone", "name": "Gone", "site": "built/nowhere"},
    ]
    config = team_folder(tmp_path, built_members, members=members)
    result = run_cli("generate", "-f", config, "--site", tmp_path / "tree")
    assert result.code == 0, result.err
    assert "warning: team member gone: site unavailable: no site at built/nowhere" in result.err
    assert "Site unavailable" in (tmp_path / "tree" / "team" / "people" / "gone.md").read_text(
        encoding="utf-8"
    )
    assert (tmp_path / "tree" / "people" / "ana" / "index.html").is_file()
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    data["strict"] = True
    config.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    result = run_cli("generate", "-f", config, "--site", tmp_path / "strict-tree")
    assert result.code == 2 and "team member gone: site unavailable" in result.err
    assert not (tmp_path / "strict-tree").exists()


def test_generate_never_publishes_a_member_over_the_team_sites_own_files(
    tmp_path: Path, built_members: Path, run_cli
) -> None:
    config = team_folder(tmp_path, built_members)
    (tmp_path / "docs" / "people" / "ana").mkdir(parents=True)
    (tmp_path / "docs" / "people" / "ana" / "index.md").write_text("# Ours\n", encoding="utf-8")
    result = run_cli("generate", "-f", config, "--site", tmp_path / "tree")
    assert result.code == 0, result.err
    assert "team member ana: site unavailable: people/ana/ holds pages" in result.err
    assert (tmp_path / "tree" / "people" / "ana" / "index.md").read_text() == "# Ours\n"
    assert not (tmp_path / "tree" / "people" / "ana" / "growth.json").exists()
    assert (tmp_path / "tree" / "people" / "ben" / "growth.json").is_file()


def test_generate_site_publishes_nothing_private_of_a_member(
    tmp_path: Path, built_members: Path, run_cli
) -> None:
    internal = tmp_path / "internal-ben"
    build(MEMBER_CONFIGS["ben"], internal, audience="internal")
    members = [
        {"id": "ana", "name": "Ana Lima", "site": "built/ana"},
        {"id": "ben", "name": "Ben Okafor", "site": str(internal)},
    ]
    config = team_folder(tmp_path / "team", built_members, members=members)
    result = run_cli("generate", "-f", config, "--site", tmp_path / "tree")
    assert result.code == 0 and "team member ben: site unavailable" in result.err
    assert "built for audience 'internal'" in result.err
    for path in (tmp_path / "tree").rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for word in PRIVATE:
                assert word.encode() not in data, (word, path)
    assert not (tmp_path / "tree" / "people" / "ben").exists()


def test_generate_site_leaves_a_members_markdown_files_out_and_says_so(
    tmp_path: Path, built_members: Path, run_cli
) -> None:
    config = team_folder(tmp_path, built_members)
    (tmp_path / "built" / "ana" / "llms.md").write_text("# Not a page of ours\n", encoding="utf-8")
    result = run_cli("generate", "-f", config, "--site", tmp_path / "tree")
    assert result.code == 0, result.err
    assert "team member ana: 1 Markdown file(s) left out of people/ana/" in result.err
    assert not (tmp_path / "tree" / "people" / "ana" / "llms.md").exists()
    assert (tmp_path / "tree" / "people" / "ana" / "index.html").is_file()
