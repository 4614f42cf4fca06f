"""`mkdocs serve` rebuilds re-parse only the files that changed (issue 7).

Counts real ``parse_entry`` calls during real builds: the engine's entry cache
is keyed by path + mtime + size (+ inode), so a rebuild after editing one card
parses exactly that card, and a rebuild with no edits parses nothing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import card, front_matter, write_store
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_growth.core import store as store_module

NOTE = {"type": "note", "title": "Weekly note", "date": "2026-04-03", "card": "alpha"}


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Paths handed to ``parse_entry``, in order (the real function still runs)."""
    calls: list[str] = []
    real = store_module.parse_entry

    def counting(path: str, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        calls.append(path)
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(store_module, "parse_entry", counting)
    return calls


def _rebuild(config_file: Path, site: Path) -> None:
    """What `mkdocs serve` does per change: load the config again, build."""
    config = load_config(config_file=str(config_file), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=False)
    build(config)


def test_only_the_edited_card_is_parsed_again(tmp_path: Path, parsed: list[str]) -> None:
    files = {
        "index.md": "# Home\n",
        "cards/alpha.md": card(title="Alpha"),
        "cards/beta.md": card(title="Beta"),
        "cards/gamma.md": card(title="Gamma"),
        "notes/week.md": front_matter(NOTE),
    }
    config_file = write_store(tmp_path, files, {"today": "2026-05-01"})
    site = tmp_path / "site"

    _rebuild(config_file, site)
    assert sorted(parsed) == sorted(files)

    parsed.clear()
    _rebuild(config_file, site)
    assert parsed == []  # nothing changed: every entry comes from the cache

    beta = tmp_path / "docs" / "cards" / "beta.md"
    beta.write_text(card(title="Beta", goal="A goal edited while serving."), encoding="utf-8")
    parsed.clear()
    _rebuild(config_file, site)
    assert parsed == ["cards/beta.md"]
    page = (site / "cards" / "beta" / "index.html").read_text(encoding="utf-8")
    assert "A goal edited while serving." in page  # the new text, not a stale entry

    # Same bytes, newer mtime (an editor's save without changes): parsed again, once.
    info = beta.stat()
    os.utime(beta, ns=(info.st_atime_ns, info.st_mtime_ns + 2_000_000_000))
    parsed.clear()
    _rebuild(config_file, site)
    assert parsed == ["cards/beta.md"]


def test_a_new_file_is_the_only_one_parsed(tmp_path: Path, parsed: list[str]) -> None:
    files = {"cards/alpha.md": card(title="Alpha"), "notes/week.md": front_matter(NOTE)}
    config_file = write_store(tmp_path, files, {"today": "2026-05-01"})
    site = tmp_path / "site"
    _rebuild(config_file, site)

    (tmp_path / "docs" / "cards" / "delta.md").write_text(card(title="Delta"), encoding="utf-8")
    parsed.clear()
    _rebuild(config_file, site)
    assert parsed == ["cards/delta.md"]
    assert (site / "cards" / "delta" / "index.html").is_file()


HOOK = """
import json, pathlib

def on_page_markdown(markdown, page, **kwargs):
    out = pathlib.Path(__file__).with_name("meta.jsonl")
    with out.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps({"path": page.file.src_uri, "meta": page.meta}, default=str) + "\\n")
"""


def test_front_matter_is_parsed_once_per_build(
    tmp_path: Path, parsed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """MkDocs does not parse a valid document's YAML again, yet every plugin sees its meta."""
    import json

    from mkdocs.utils import meta as mkdocs_meta

    mkdocs_parsed: list[dict[str, object]] = []
    real_get_data = mkdocs_meta.get_data

    def get_data(doc: str) -> tuple[str, dict[str, object]]:
        markdown, data = real_get_data(doc)
        mkdocs_parsed.append(data)
        return markdown, data

    monkeypatch.setattr(mkdocs_meta, "get_data", get_data)
    files = {
        "index.md": "---\nhide: [toc]\n---\n# Home\n",
        "cards/alpha.md": card(title="Alpha & <Omega>", other_plugin="kept", status="active"),
    }
    (tmp_path / "hooks.py").write_text(HOOK, encoding="utf-8")
    config_file = write_store(
        tmp_path, files, {"today": "2026-05-01"}, config={"hooks": ["hooks.py"]}
    )
    site = tmp_path / "site"
    _rebuild(config_file, site)

    assert sorted(parsed) == ["cards/alpha.md", "index.md"]  # ours: once each
    assert {"hide": ["toc"]} in mkdocs_parsed  # a page without `type` is MkDocs' business
    assert all("type" not in data for data in mkdocs_parsed)  # the card's YAML: not again
    seen = {
        row["path"]: row["meta"]
        for row in map(json.loads, (tmp_path / "meta.jsonl").read_text("utf-8").splitlines())
    }
    alpha = seen["cards/alpha.md"]
    assert alpha["other_plugin"] == "kept" and alpha["goal"].startswith("Find the slow span")
    assert alpha["title"] == "Alpha &amp; &lt;Omega&gt;"  # already made theme-safe
    assert "status" not in alpha
    assert seen["index.md"] == {"hide": ["toc"]}
    page = (site / "cards" / "alpha" / "index.html").read_text(encoding="utf-8")
    assert "Some text." in page and "done_when" not in page  # body kept, YAML not shown


def test_a_deleted_file_leaves_the_cache(tmp_path: Path, parsed: list[str]) -> None:
    """A long `mkdocs serve` session must not keep every file it ever saw in memory."""
    files = {"cards/alpha.md": card(title="Alpha"), "cards/beta.md": card(title="Beta")}
    config_file = write_store(tmp_path, files, {"today": "2026-05-01"})
    site = tmp_path / "site"
    _rebuild(config_file, site)
    beta = str(tmp_path / "docs" / "cards" / "beta.md")
    assert beta in store_module._CACHE

    os.remove(beta)
    parsed.clear()
    _rebuild(config_file, site)
    assert parsed == []
    assert beta not in store_module._CACHE
    assert str(tmp_path / "docs" / "cards" / "alpha.md") in store_module._CACHE
