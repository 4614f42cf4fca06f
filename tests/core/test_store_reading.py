"""Reading a docs folder (core.store): which files, what a bad file says, and the entry cache."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import card, front_matter

from mkdocs_growth.core import store as store_module
from mkdocs_growth.core.options import GrowthConfig, Limits
from mkdocs_growth.core.parse import parse_entry
from mkdocs_growth.core.store import build_store, load_store, read_entry, walk_markdown

NOTE = front_matter({"type": "note", "title": "Week 1", "date": "2026-04-20"})


def write(root: Path, files: dict[str, str]) -> str:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return str(root)


def test_walk_finds_markdown_as_mkdocs_does(tmp_path: Path) -> None:
    docs = write(
        tmp_path,
        {
            "b.md": "",
            "a.markdown": "",
            "notes/z.md": "",
            "notes/image.png": "",
            "notes/.hidden.md": "",
            ".private/secret.md": "",
            "README.txt": "",
        },
    )
    assert list(walk_markdown(docs)) == ["a.markdown", "b.md", "notes/z.md"]


def test_walk_does_not_follow_a_folder_symlink(tmp_path: Path) -> None:
    docs = write(tmp_path / "docs", {"a.md": ""})
    write(tmp_path / "elsewhere", {"outside.md": ""})
    os.symlink(tmp_path / "elsewhere", tmp_path / "docs" / "linked")
    assert list(walk_markdown(docs)) == ["a.md"]


def test_a_missing_file_and_a_folder_are_reported_not_raised(tmp_path: Path) -> None:
    (tmp_path / "dir.md").mkdir()
    missing = read_entry(str(tmp_path), "gone.md", Limits())
    folder = read_entry(str(tmp_path), "dir.md", Limits())
    assert (missing.path, folder.path) == ("gone.md", "dir.md")
    assert [(p.path, p.line, p.message) for p in missing.problems] == [
        ("gone.md", 0, "cannot read file: No such file or directory")
    ]
    assert [(p.path, p.line, p.message) for p in folder.problems] == [
        ("dir.md", 0, "not a regular file")
    ]


def test_a_file_over_the_limit_is_not_read(tmp_path: Path) -> None:
    docs = write(tmp_path, {"notes/big.md": NOTE + "x" * 2048})
    entry = read_entry(docs, "notes/big.md", Limits(max_file_bytes=1024))
    assert entry.path == "notes/big.md" and entry.text == "" and entry.doc is None
    assert entry.problems[0].message.startswith("file is 2,")


def test_a_file_at_the_limit_is_read_whole(tmp_path: Path) -> None:
    text = NOTE + "x" * (1024 - len(NOTE))
    docs = write(tmp_path, {"notes/a.md": text})
    entry = read_entry(docs, "notes/a.md", Limits(max_file_bytes=1024))
    assert entry.problems == [] and entry.text == text


def test_an_unchanged_file_is_parsed_once(tmp_path: Path) -> None:
    docs = write(tmp_path, {"notes/a.md": NOTE})
    first = read_entry(docs, "notes/a.md", Limits())
    assert read_entry(docs, "notes/a.md", Limits()) is first
    # Other limits, or a changed file, parse again.
    assert read_entry(docs, "notes/a.md", Limits(max_list_items=3)) is not first
    (tmp_path / "notes" / "a.md").write_text(NOTE + "More.\n", encoding="utf-8")
    again = read_entry(docs, "notes/a.md", Limits())
    assert again is not first and again.body.endswith("More.\n")


def test_a_deleted_file_leaves_the_cache(tmp_path: Path) -> None:
    docs = write(tmp_path / "docs", {"a.md": NOTE, "b.md": NOTE.replace("Week 1", "Week 2")})
    other = write(tmp_path / "docs2", {"c.md": NOTE})  # its path starts like docs' path
    config = GrowthConfig()
    load_store(other, config)
    load_store(docs, config)
    os.remove(tmp_path / "docs" / "b.md")
    store = load_store(docs, config)
    assert [e.path for e in store.entries] == ["a.md"]
    cached = set(store_module._CACHE)
    assert os.path.join(docs, "b.md") not in cached
    assert os.path.join(docs, "a.md") in cached
    assert os.path.join(other, "c.md") in cached  # another folder's files are not this read's


def test_store_problems_are_in_file_and_line_order() -> None:
    texts = {"b.md": card(goal=None), "a.md": card(title=None, goal=None)}
    entries = [parse_entry(path, text.encode(), Limits()) for path, text in texts.items()]
    store = build_store(entries, GrowthConfig())
    assert [e.path for e in store.entries] == ["a.md", "b.md"]
    where = [(p.path, p.line) for p in store.problems]
    assert where == sorted(where) and len(where) == 3


def test_a_configured_framework_must_be_loaded_first() -> None:
    config = GrowthConfig(framework="framework.yml")
    with pytest.raises(
        ValueError, match=r"^the 'framework' option is set: load it with open_framework first$"
    ):
        build_store([], config)
