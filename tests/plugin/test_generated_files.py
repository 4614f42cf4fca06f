"""Growth's generated pages are real files, in a folder that lives exactly as long as the build.

Plugins that treat every page as a file on disk (mkdocs-static-i18n,
mkdocs-rss-plugin) crashed on MkDocs' in-memory pages (``abs_src_path`` is
None). An MkDocs hook (``hooks:``, a real MkDocs mechanism) records what
other plugins see during the build.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import card, write_store
from mkdocs.commands.build import build
from mkdocs.config import load_config

HOOK = """
import json, os

RECORD = {record!r}


def on_files(files, config):
    seen = [
        (f.src_uri, f.abs_src_path, bool(f.abs_src_path) and os.path.isfile(f.abs_src_path))
        for f in files
        if f.generated_by
    ]
    with open(RECORD, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(seen) + "\\n")


def on_page_markdown(markdown, page, config, files):
    if {fail!r} and page.file.src_uri == "growth/priorities.md":
        raise RuntimeError("a plugin failed mid-build")
"""


def _site(tmp_path: Path, fail: bool = False) -> tuple[Path, Path]:
    record = tmp_path / "record.jsonl"
    hook = tmp_path / "hook.py"
    hook.write_text(HOOK.format(record=str(record), fail=fail), encoding="utf-8")
    config = write_store(
        tmp_path,
        {"index.md": "# Home\n", "cards/alpha.md": card(title="Alpha")},
        {"today": "2026-05-01"},
        config={"hooks": [str(hook)]},
    )
    return config, record


def _seen(record: Path) -> list[list[tuple[str, str, bool]]]:
    return [json.loads(line) for line in record.read_text(encoding="utf-8").splitlines()]


def test_generated_pages_are_real_files_outside_docs_dir(tmp_path: Path) -> None:
    config, record = _site(tmp_path)
    build(load_config(config_file=str(config)))
    [seen] = _seen(record)
    paths = {uri: path for uri, path, _ in seen}
    assert {"growth/index.md", "growth/priorities.md", "growth.json"} <= set(paths)
    assert all(exists for _, _, exists in seen)  # real files while the build runs
    docs = (tmp_path / "docs").resolve()
    for uri, path in paths.items():
        assert Path(path).as_posix().endswith(uri)  # same relative layout as in docs_dir
        assert docs not in Path(path).resolve().parents
    assert not (tmp_path / "docs" / "growth").exists()
    assert not any(Path(path).exists() for path in paths.values())  # gone after the build
    assert not Path(paths["growth.json"]).parents[0].exists()


def test_backing_folder_is_removed_when_the_build_fails(tmp_path: Path) -> None:
    config, record = _site(tmp_path, fail=True)
    with pytest.raises(RuntimeError, match="mid-build"):
        build(load_config(config_file=str(config)))
    [seen] = _seen(record)
    assert seen and not any(Path(path).exists() for _, path, _ in seen)


def test_each_serve_rebuild_has_its_own_folder_and_removes_it(tmp_path: Path) -> None:
    config, record = _site(tmp_path)
    for _ in range(2):
        loaded = load_config(config_file=str(config))
        loaded.plugins.on_startup(command="serve", dirty=False)
        build(loaded)
    first, second = _seen(record)
    folders = {Path(first[0][1]).parent, Path(second[0][1]).parent}
    assert len(folders) == 2
    assert not any(Path(path).exists() for _, path, _ in first + second)
