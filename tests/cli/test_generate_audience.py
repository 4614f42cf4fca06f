"""``generate --audience public`` never leaves a page generated for another audience.

An output folder is often reused: an internal export for a mentor, then a
public one for the published site, with a formatter (pre-commit) touching the
Markdown in between. The manifest records the audience of each run; a public
run takes over every file an earlier run for another audience wrote, edited
since or not, so nothing of the internal export survives it.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from conftest import card, front_matter, write_store
from test_generate_filesystem import Killed, killed_at, tree

from mkdocs_growth.cli.outdir import MANIFEST, TMP_SUFFIX

OPTIONS = {"today": "2026-05-01"}
SECRET = "Quietly interviewing elsewhere"


def store_files() -> dict[str, str]:
    return {
        "index.md": "# Home\n",
        "cards/open.md": card(title="Open card", status="active"),
        "cards/secret-plan.md": card(title=SECRET, status="active", visibility="private"),
        "notes/n.md": front_matter({"type": "note", "title": "A note", "date": "2026-04-30"}),
    }


def leaks(out: Path) -> list[str]:
    """Files under ``out`` that name the private card, by content or by file name."""
    return sorted(
        rel
        for rel, data in tree(out).items()
        if "secret-plan" in rel or SECRET.encode() in data or b"secret-plan" in data
    )


def format_markdown(out: Path) -> None:
    """What a formatter in pre-commit does: touch every Markdown file it finds."""
    for page in out.rglob("*.md"):
        page.write_bytes(page.read_bytes().rstrip(b"\n") + b"\n\n")


def test_a_public_run_removes_edited_pages_of_an_internal_export(tmp_path: Path, run_cli) -> None:
    config = write_store(tmp_path, store_files(), OPTIONS)
    out = tmp_path / "out"
    assert run_cli("generate", "-f", config, "--out", out).code == 0
    assert leaks(out)  # the internal export shows the private card: the premise
    format_markdown(out)

    result = run_cli("generate", "-f", config, "--out", out, "--audience", "public")
    assert result.code == 0, result.err
    assert leaks(out) == []
    said = result.err.splitlines()  # named, not silent; removed or replaced, each as it was
    since = "generated for another audience and edited since; a public export keeps nothing of it"
    assert f"removed {out / 'growth' / 'cards' / 'secret-plan.md'}: {since}" in said
    assert f"replaced {out / 'growth' / 'index.md'}: {since}" in said
    assert json.loads((out / MANIFEST).read_text())["audience"] == "public"


def test_a_public_run_into_a_fresh_folder_records_its_audience(tmp_path: Path, run_cli) -> None:
    config = write_store(tmp_path, store_files(), OPTIONS)
    out = tmp_path / "out"
    assert run_cli("generate", "-f", config, "--out", out, "--audience", "public").code == 0
    assert json.loads((out / MANIFEST).read_text())["audience"] == "public"
    assert leaks(out) == []


def test_public_runs_still_keep_edits_to_their_own_pages(tmp_path: Path, run_cli) -> None:
    """The takeover is for another audience's pages only; a public folder keeps its rules."""
    config = write_store(tmp_path, store_files(), OPTIONS)
    out = tmp_path / "out"
    assert run_cli("generate", "-f", config, "--out", out, "--audience", "public").code == 0
    edited = out / "growth" / "priorities.md"
    edited.write_text("hand-edited\n")
    result = run_cli("generate", "-f", config, "--out", out, "--audience", "public")
    assert result.code == 2 and "growth/priorities.md" in result.err
    assert edited.read_text() == "hand-edited\n"


def test_a_manifest_without_an_audience_counts_as_another_audience(tmp_path: Path, run_cli) -> None:
    """Folders written before the audience was recorded: fail closed."""
    config = write_store(tmp_path, store_files(), OPTIONS)
    out = tmp_path / "out"
    assert run_cli("generate", "-f", config, "--out", out).code == 0
    manifest = json.loads((out / MANIFEST).read_text())
    del manifest["audience"]
    (out / MANIFEST).write_text(json.dumps(manifest))
    format_markdown(out)
    result = run_cli("generate", "-f", config, "--out", out, "--audience", "public")
    assert result.code == 0, result.err
    assert leaks(out) == []


def test_a_public_run_killed_over_an_internal_export_leaves_nothing_after_the_next(
    tmp_path: Path, run_cli
) -> None:
    """Killed at any step of the public run, then edited, then rerun: still no leak."""
    config = write_store(tmp_path, store_files(), OPTIONS)
    public = ["--audience", "public"]
    clean = tmp_path / "clean"
    assert run_cli("generate", "-f", config, "--out", clean, *public).code == 0
    expected = tree(clean)
    counter = [0]
    count = tmp_path / "count"
    assert run_cli("generate", "-f", config, "--out", count).code == 0
    with killed_at(None, counter):
        assert run_cli("generate", "-f", config, "--out", count, *public).code == 0
    for step in range(counter[0]):
        out = tmp_path / f"killed-{step}"
        assert run_cli("generate", "-f", config, "--out", out).code == 0
        with contextlib.suppress(Killed), killed_at(step, [0]):
            run_cli("generate", "-f", config, "--out", out, *public)
        for left in out.rglob("*" + TMP_SUFFIX):
            left.unlink()  # what the next run would do; the formatter must not see them
        format_markdown(out)
        result = run_cli("generate", "-f", config, "--out", out, *public)
        assert result.code == 0, (step, result.err)
        assert leaks(out) == [], step
        assert tree(out).keys() == expected.keys(), step


def test_a_page_made_private_leaves_a_public_folder_even_when_edited(
    tmp_path: Path, run_cli
) -> None:
    """Public before, private now: its header page must go, formatter or not."""
    files = store_files()
    files["cards/secret-plan.md"] = card(title=SECRET, status="active")  # public at first
    config = write_store(tmp_path, files, OPTIONS)
    out = tmp_path / "out"
    public = ["--audience", "public"]
    assert run_cli("generate", "-f", config, "--out", out, *public).code == 0
    assert leaks(out)  # the premise: it was published
    (tmp_path / "docs" / "cards" / "secret-plan.md").write_text(
        store_files()["cards/secret-plan.md"]
    )
    header = out / "growth" / "cards" / "secret-plan.md"
    header.write_bytes(header.read_bytes() + b"\n")  # a formatter (pre-commit: this file only)
    result = run_cli("generate", "-f", config, "--out", out, *public)
    assert result.code == 0, result.err
    assert leaks(out) == []
    assert (
        f"removed {header}: no longer in the public export (made private or deleted) and"
        " edited since\n"
    ) in result.err
