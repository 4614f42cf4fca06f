"""``mkdocs-growth generate``: Markdown that builds a working site without the plugin.

The proof is a real build: the generated files laid over a copy of
``docs_dir``, built by plain MkDocs with no ``growth`` plugin and
``--strict`` (so any link that does not resolve fails the build).
"""

from __future__ import annotations

import html
import html.parser
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from compat.engines import engine
from conftest import card, front_matter, write_store
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.utils import yaml_load

from mkdocs_growth.cli.outdir import MANIFEST

ROOT = Path(__file__).resolve().parents[2]

OPTIONS = {
    "today": "2026-05-01",
    "domains": [{"id": "observability"}, {"id": "mentoring", "kind": "soft-skill"}],
}
NOTE = front_matter(
    {"type": "note", "title": "Week 18: sampling", "date": "2026-04-30", "card": "tracing"}
)


def store_files() -> dict[str, str]:
    return {
        "index.md": "# Home\n\nSee the [dashboard](growth/index.md).\n",
        "cards/tracing.md": card(
            status="active",
            concepts=["tail-based sampling"],
            rubric={"before": {"confidence": 2, "competence": 2, "impact": 1, "clarity": 3}},
            # relative to the card's file: the header page elsewhere must still reach it
            artifacts=[
                {"kind": "people", "title": "Week 18", "url": "../notes/week-18.md#top"},
                {"kind": "process", "title": "Plan", "url": "#body"},
            ],
        ),
        "cards/mentor.md": card(
            title="Mentor <b>on-call</b> [x](javascript:alert(1))",
            domain="mentoring",
            horizon="2026-Q2",
        ),
        "notes/week-18.md": NOTE,
    }


class Links(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(href)


def local_links(page: Path) -> list[str]:
    parser = Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return [h for h in parser.hrefs if "://" not in h and not h.startswith(("#", "mailto:"))]


def resolves(site: Path, page: Path, href: str) -> bool:
    target = (page.parent / href.split("#")[0]).resolve()
    if target.is_dir():
        target = target / "index.html"
    return target.is_file() and site.resolve() in target.parents


def build_without_plugin(
    tmp_path: Path, docs: Path, out: Path, extra: dict[str, Any] | None = None
) -> Path:
    """Copy ``docs``, lay ``out`` over it and build with plain MkDocs (strict)."""
    combined = tmp_path / "combined"
    shutil.copytree(docs, combined)
    shutil.copytree(out, combined, dirs_exist_ok=True)
    site = tmp_path / "plain-site"
    config = {
        "site_name": "Without the plugin",
        "docs_dir": str(combined),
        "site_dir": str(site),
        "plugins": ["search"],
        **(extra or {}),
    }
    config_file = tmp_path / "plain.yml"
    config_file.write_text(yaml.safe_dump(config), encoding="utf-8")
    cfg = load_config(config_file=str(config_file), strict=True)
    assert "growth" not in cfg.plugins
    build(cfg)
    return site


def test_generated_pages_build_into_a_working_site_without_the_plugin(
    tmp_path: Path, run_cli
) -> None:
    config = write_store(tmp_path, store_files(), OPTIONS)
    out = tmp_path / "out"
    result = run_cli("generate", "-f", config, "--out", out)
    assert result.code == 0, result.err
    assert "under" in result.out
    assert (out / "growth" / "index.md").is_file()
    assert (out / "growth" / "cards" / "tracing.md").is_file()
    assert (out / "growth.json").is_file()
    assert not (tmp_path / "docs" / "growth").exists()  # docs_dir untouched

    site = build_without_plugin(tmp_path, tmp_path / "docs", out)
    dashboard = site / "growth" / "index.html"
    header = site / "growth" / "cards" / "tracing" / "index.html"
    for page in (dashboard, header, site / "growth" / "priorities" / "index.html"):
        assert page.is_file(), page
        links = local_links(page)
        assert links, page
        broken = [h for h in links if not resolves(site, page, h)]
        assert broken == [], (page, broken)
    # The dashboard links to the card's own page; the header page links back to it too.
    assert any(h.rstrip("/").endswith("cards/tracing") for h in local_links(dashboard))
    header_html = header.read_text(encoding="utf-8")
    assert "Read the card" in header_html
    assert 'href="../../../cards/tracing/#body"' in header_html  # the card's own anchor
    assert "tail-based sampling" in header_html
    assert "<svg" in header_html  # the rubric chart travels with the header
    # Hostile text stays text on the header pages too.
    mentor = (site / "growth" / "cards" / "mentor" / "index.html").read_text(encoding="utf-8")
    h1 = mentor[mentor.index("<h1") : mentor.index("</h1>")]
    assert "<b>" not in h1
    assert "Mentor <b>on-call</b> [x](javascript:alert(1))" in html.unescape(h1)
    assert 'href="javascript:' not in mentor
    # The search index of the plain build holds the generated pages.
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any(d["location"].startswith("growth/cards/tracing/") for d in index["docs"])


def repo_mkdocs_yml() -> dict[str, Any]:
    """The example site's mkdocs.yml as MkDocs reads it (``!ENV`` resolved)."""
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as handle:
        return yaml_load(handle)


def test_example_site_builds_without_the_plugin(tmp_path: Path, run_cli) -> None:
    """The repository's own example site, with its theme and extensions, plugin removed."""
    repo_config = repo_mkdocs_yml()
    out = tmp_path / "out"
    assert run_cli("generate", "-f", ROOT / "mkdocs.yml", "--out", out).code == 0
    extra = {
        key: repo_config[key] for key in ("theme", "markdown_extensions") if key in repo_config
    }
    site = build_without_plugin(tmp_path, ROOT / "docs", out, extra)
    dashboard = site / "growth" / "index.html"
    assert dashboard.is_file()
    broken = [h for h in local_links(dashboard) if not resolves(site, dashboard, h)]
    assert broken == []
    headers = sorted((site / "growth" / "cards").glob("*/index.html"))
    assert len(headers) >= 3


def test_generate_is_repeatable_and_removes_only_its_own_stale_files(
    tmp_path: Path, run_cli
) -> None:
    config = write_store(tmp_path, store_files(), OPTIONS)
    out = tmp_path / "out"
    assert run_cli("generate", "-f", config, "--out", out).code == 0
    first = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert run_cli("generate", "-f", config, "--out", out).code == 0
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == first

    (tmp_path / "docs" / "cards" / "mentor.md").unlink()
    own = out / "growth" / "notes-by-me.md"
    own.write_text("mine\n")
    result = run_cli("generate", "-f", config, "--out", out)
    assert result.code == 0, result.err
    assert "removed 1 stale" in result.out
    assert not (out / "growth" / "cards" / "mentor.md").exists()
    assert own.read_text() == "mine\n"


def test_a_stale_page_edited_since_is_kept_and_named(tmp_path: Path, run_cli) -> None:
    config = write_store(tmp_path, store_files(), OPTIONS)
    out = tmp_path / "out"
    assert run_cli("generate", "-f", config, "--out", out).code == 0
    page = out / "growth" / "cards" / "mentor.md"
    page.write_text("my notes on the mentor card\n")
    (tmp_path / "docs" / "cards" / "mentor.md").unlink()
    result = run_cli("generate", "-f", config, "--out", out)
    assert result.code == 0, result.err
    assert page.read_text() == "my notes on the mentor card\n"
    assert "removed 0 stale" in result.out
    assert result.err == f"kept {page}: no longer generated but edited\n"


def test_never_overwrites_a_file_it_did_not_write(tmp_path: Path, run_cli) -> None:
    config = write_store(tmp_path, store_files(), OPTIONS)
    out = tmp_path / "out"
    (out / "growth").mkdir(parents=True)
    authors = out / "growth" / "index.md"
    authors.write_text("# My own dashboard\n")
    result = run_cli("generate", "-f", config, "--out", out)
    assert result.code == 2
    assert "growth/index.md" in result.err and "nothing was written" in result.err
    assert authors.read_text() == "# My own dashboard\n"
    assert sorted(p.name for p in out.rglob("*")) == ["growth", "index.md"]


def test_never_overwrites_a_generated_file_edited_since(tmp_path: Path, run_cli) -> None:
    config = write_store(tmp_path, store_files(), OPTIONS)
    out = tmp_path / "out"
    assert run_cli("generate", "-f", config, "--out", out).code == 0
    edited = out / "growth" / "priorities.md"
    edited.write_text("hand-edited\n")
    result = run_cli("generate", "-f", config, "--out", out)
    assert result.code == 2 and "growth/priorities.md" in result.err
    assert edited.read_text() == "hand-edited\n"


@pytest.mark.parametrize("where", ["docs", "docs/growth-out"])
def test_refuses_to_write_into_docs_dir(tmp_path: Path, run_cli, where: str) -> None:
    config = write_store(tmp_path, store_files(), OPTIONS)
    before = sorted(p for p in (tmp_path / "docs").rglob("*"))
    result = run_cli("generate", "-f", config, "--out", tmp_path / where)
    assert result.code == 2
    assert "docs_dir" in result.err
    assert sorted(p for p in (tmp_path / "docs").rglob("*")) == before


def test_never_writes_through_a_symlink_out_of_the_folder(tmp_path: Path, run_cli) -> None:
    config = write_store(tmp_path, store_files(), OPTIONS)
    out, outside = tmp_path / "out", tmp_path / "outside"
    out.mkdir()
    outside.mkdir()
    os.symlink(outside, out / "growth")
    result = run_cli("generate", "-f", config, "--out", out)
    assert result.code == 2 and "outside" in result.err
    assert list(outside.iterdir()) == []


def test_a_tampered_manifest_cannot_delete_files_elsewhere(tmp_path: Path, run_cli) -> None:
    config = write_store(tmp_path, store_files(), OPTIONS)
    out = tmp_path / "out"
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n")
    out.mkdir()
    digest = __import__("hashlib").sha256(b"keep me\n").hexdigest()
    (out / MANIFEST).write_text(json.dumps({"files": {"../victim.txt": digest}}))
    assert run_cli("generate", "-f", config, "--out", out).code == 0
    assert victim.read_text() == "keep me\n"


def test_a_file_in_the_way_of_a_folder_is_a_conflict(tmp_path: Path, run_cli) -> None:
    config = write_store(tmp_path, store_files(), OPTIONS)
    out = tmp_path / "out"
    (out / "growth").mkdir(parents=True)
    (out / "growth" / "cards").write_text("a file, not a folder\n")
    result = run_cli("generate", "-f", config, "--out", out)
    assert result.code == 2 and "growth/cards/" in result.err
    assert "Traceback" not in result.err


def test_zensical_builds_the_generated_pages(tmp_path: Path, run_cli) -> None:
    """Zensical ignores third-party plugins; with generated files it builds the whole site.

    Zensical is not a dependency (pre-1.0): ``.ci/run`` installs it into
    ``.venv-zensical`` (tests/compat/zensical.txt); skipped without it, except in
    CI (``GROWTH_REQUIRE_ENGINES``). ``generate --site`` is tested on it in
    tests/compat/test_engines.py.
    """
    zensical = engine("zensical")
    project = tmp_path / "project"
    shutil.copytree(ROOT / "docs", project / "docs")
    out = tmp_path / "out"
    result = run_cli("generate", "-f", ROOT / "mkdocs.yml", "--out", out, "--engine", "zensical")
    assert result.code == 0
    shutil.copytree(out, project / "docs", dirs_exist_ok=True)
    config = repo_mkdocs_yml()
    config["plugins"] = ["search"]
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    result = subprocess.run(
        [zensical, "build", "--strict"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NO_COLOR": "1"},
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    # priorities: not an index page, so a link written for the wrong engine goes astray
    for page in (site / "growth" / "index.html", site / "growth" / "priorities" / "index.html"):
        broken = [h for h in local_links(page) if not resolves(site, page, h)]
        assert broken == [], page
    header = site / "growth" / "cards" / "distributed-trace-explorer" / "index.html"
    assert "<svg" in header.read_text(encoding="utf-8")
    assert not (site / MANIFEST).exists()
