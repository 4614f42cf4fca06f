"""Growth describes exactly the pages MkDocs publishes, whichever plugin added or removed them.

Real hooks (``hooks:`` in mkdocs.yml) change the file list in ``on_files``
at priorities before, between and after growth's own steps (100, -99,
-110): a card another plugin removes is listed nowhere, a card another
plugin adds (from a folder outside docs_dir, or only in memory) gets its
header and its rows (issue 23: mkdocs-exclude, mkdocs-multirepo-plugin).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import card, write_store
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

OPTIONS = {"domains": [{"id": "observability"}], "today": "2026-05-01"}
HEADER = 'class="growth-card-header"'

REMOVE = """\
from mkdocs.plugins import event_priority

@event_priority({priority})
def on_files(files, config):
    files.remove(files.get_file_from_path("cards/gone.md"))
    return files
"""

ADD = """\
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

@event_priority({priority})
def on_files(files, config):
    files.append(File("cards/added.md", {source!r}, config.site_dir, config.use_directory_urls))
    files.append(File.generated(config, "cards/memory.md", content={memory!r}))
    return files
"""


def _store(tmp_path: Path, hook: str) -> Path:
    (tmp_path / "hook.py").write_text(hook, encoding="utf-8")
    files = {
        "cards/kept.md": card(title="Kept card", horizon="2026-Q2"),
        "cards/gone.md": card(title="Removed card", horizon="2026-Q2"),
    }
    return write_store(tmp_path, files, OPTIONS, config={"hooks": ["hook.py"]})


def _article(path: Path) -> str:
    html = path.read_text(encoding="utf-8")
    found = re.search(r"<article.*?</article>", html, re.S)
    return found.group(0) if found else html


@pytest.mark.parametrize("priority", [200, 0, -50, -105])
def test_a_card_another_plugin_removes_is_listed_nowhere(tmp_path: Path, priority: int) -> None:
    config_file = _store(tmp_path, REMOVE.format(priority=priority))
    build(load_config(config_file=str(config_file), strict=True))
    site = tmp_path / "site"
    assert not (site / "cards" / "gone").exists()
    for page in ("priorities", "domains/observability", "horizons/2026-Q2", "."):
        article = _article(site / "growth" / page / "index.html")
        assert "Removed card" not in article and "cards/gone" not in article, page
    assert "Kept card" in _article(site / "growth" / "priorities" / "index.html")
    assert "gone" not in (site / "growth.json").read_text(encoding="utf-8")


@pytest.mark.parametrize("priority", [200, 0, -50, -105])
def test_a_card_another_plugin_adds_gets_its_header_and_rows(tmp_path: Path, priority: int) -> None:
    elsewhere = tmp_path / "other-repo"
    (elsewhere / "cards").mkdir(parents=True)
    (elsewhere / "cards" / "added.md").write_text(
        card(title="Added card", horizon="2026-Q2"), encoding="utf-8"
    )
    memory = card(title="Memory card", horizon="2026-Q2")
    config_file = _store(
        tmp_path, ADD.format(priority=priority, source=str(elsewhere), memory=memory)
    )
    build(load_config(config_file=str(config_file), strict=True))
    site = tmp_path / "site"
    for card_id, title in (("added", "Added card"), ("memory", "Memory card")):
        article = _article(site / "cards" / card_id / "index.html")
        assert HEADER in article and "Find the slow span" in article, card_id
        priorities = _article(site / "growth" / "priorities" / "index.html")
        assert title in priorities and f"cards/{card_id}/" in priorities, card_id


def _hook_adding_a_card_too_late(tmp_path: Path) -> str:
    """A hook that adds a card from another folder after growth's last look at the pages."""
    elsewhere = tmp_path / "other-repo"
    (elsewhere / "cards").mkdir(parents=True)
    (elsewhere / "cards" / "added.md").write_text(card(title="Added card"), encoding="utf-8")
    return ADD.format(priority=-200, source=str(elsewhere), memory=card(title="Memory card"))


def test_a_card_added_after_growth_read_the_pages_is_named(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    hook = _hook_adding_a_card_too_late(tmp_path)
    config_file = _store(tmp_path, hook)
    with pytest.raises(Abort):
        build(load_config(config_file=str(config_file), strict=True))
    assert "cards/added.md: another plugin changed this page after growth" in caplog.text


def test_a_card_removed_after_growth_read_the_pages_is_named(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Growth's pages were made with it: the warning says which page and what that means."""
    config_file = _store(tmp_path, REMOVE.format(priority=-200))
    build(load_config(config_file=str(config_file)))
    assert (
        "cards/gone.md: another plugin changed this page after growth read the pages"
        " (in on_files below priority -110, or later): growth's pages still list it and link to it"
    ) in caplog.text


def test_growths_strict_option_alone_fails_a_build_with_a_page_added_too_late(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """``strict: true`` under growth fails the build though ``mkdocs build`` is not strict."""
    hook = _hook_adding_a_card_too_late(tmp_path)
    (tmp_path / "hook.py").write_text(hook, encoding="utf-8")
    config_file = write_store(
        tmp_path,
        {"cards/kept.md": card()},
        {**OPTIONS, "strict": True},
        config={"hooks": ["hook.py"]},
    )
    with pytest.raises(Abort):
        build(load_config(config_file=str(config_file), strict=False))
    assert "cards/added.md: another plugin changed this page after growth" in caplog.text
