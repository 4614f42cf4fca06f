"""``mkdocs-growth generate --site DIR``: the whole docs tree for an engine without plugins.

What the plugin shows, written as Markdown: each card's header above the
card's own text (not on a page of its own), front-matter titles that display
literally, broken pages marked as the plugin marks them, nothing private in a
public tree, every other file byte for byte. ``--watch`` keeps DIR current.
The proof that an engine builds it is a real build (plain MkDocs here, Zensical
in ``test_generate.py``, all three engines in ``tests/compat/test_engines.py``).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import card, front_matter, write_store
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_growth.cli.outdir import MANIFEST

OPTIONS = {
    "today": "2026-05-01",
    "domains": [{"id": "observability"}, {"id": "mentoring", "kind": "soft-skill"}],
}
XSS = "<img src=x onerror=alert(1)> probe"
PNG = bytes(range(256))  # any bytes: a picture is copied, never decoded


def store_files() -> dict[str, str | bytes]:
    return {
        "index.md": "# Home\n\nSee the [dashboard](growth/index.md).\n",
        "about.md": front_matter({"title": XSS}, "Plain page, front-matter title.\n"),
        "assets/picture.png": PNG,
        "cards/tracing.md": card(status="active"),
        "cards/headed.md": front_matter(
            {
                "type": "card",
                "title": "Headed card",
                "domain": "observability",
                "horizon": "2026-Q2",
                "goal": "Keep the heading first.",
                "scores": {"impact": 3, "effort": 3, "reusability": 3, "learnings": 3},
                "milestones": [
                    {"title": "One", "done_when": "one is done"},
                    {"title": "Two", "done_when": "two is done"},
                    {"title": "Three", "done_when": "three is done"},
                ],
            },
            "# My own heading\n\nThe author's text.\n",
        ),
        "cards/xss.md": card(title=XSS, domain="mentoring"),
        "cards/broken.md": "---\ntype: card\ntitle: [unclosed\n---\n\nBody of the broken card.\n",
        "notes/secret.md": front_matter(
            {"type": "note", "title": "Secret note", "date": "2026-04-30", "visibility": "private"}
        ),
    }


def generate_site(tmp_path: Path, run_cli, *extra: str, **options) -> Path:
    config = write_store(tmp_path, store_files(), {**OPTIONS, **options})
    out = tmp_path / "out"
    result = run_cli("generate", "-f", config, "--site", out, *extra)
    assert result.code == 0, result.err
    return out


def test_site_puts_the_card_header_above_the_cards_own_text(tmp_path: Path, run_cli) -> None:
    out = generate_site(tmp_path, run_cli)
    headed = (out / "cards" / "headed.md").read_text(encoding="utf-8")
    body = headed.split("---\n", 2)[2]
    assert body.startswith("\n# My own heading\n\n**Goal")
    assert body.index("Keep the heading first") < body.index("The author's text.")
    assert body.endswith("The author's text.\n")
    plain = (out / "cards" / "tracing.md").read_text(encoding="utf-8")
    assert plain.split("---\n", 2)[2].index("**Goal") < plain.index("# Body")
    assert not (out / "growth" / "cards").exists()  # no separate header pages


def test_site_hides_a_cards_status_from_the_theme(tmp_path: Path, run_cli) -> None:
    out = generate_site(tmp_path, run_cli)
    meta = (out / "cards" / "tracing.md").read_text(encoding="utf-8").split("---\n")[1]
    assert "status:" not in meta  # Material would show a page-status icon
    assert "active" in (out / "cards" / "tracing.md").read_text(encoding="utf-8")  # the header


def test_site_titles_display_literally(tmp_path: Path, run_cli) -> None:
    out = generate_site(tmp_path, run_cli)
    for name in ("about.md", "cards/xss.md"):
        meta = (out / name).read_text(encoding="utf-8").split("---\n")[1]
        assert "<img" not in meta and "&lt;img src=x onerror=alert(1)&gt; probe" in meta, name


def test_site_marks_a_broken_page_as_the_plugin_does(tmp_path: Path, run_cli) -> None:
    out = generate_site(tmp_path, run_cli)
    text = (out / "cards" / "broken.md").read_text(encoding="utf-8")
    assert text.startswith("> **Front-matter problems**")  # no admonition extension here
    assert "title: [unclosed" in text  # the raw block, shown as code
    assert text.endswith("Body of the broken card.\n")


def test_site_shows_a_file_over_the_size_limit_as_code(tmp_path: Path, run_cli) -> None:
    """Nothing lost, nothing acting: a page too big to check is shown whole, as text."""
    big = front_matter({"type": "note", "title": XSS, "date": "2026-04-30"}, "x" * 2_000_000)
    files = {**store_files(), "notes/big.md": big}
    config = write_store(tmp_path, files, OPTIONS)
    out = tmp_path / "out"
    assert run_cli("generate", "-f", config, "--site", out).code == 0
    text = (out / "notes" / "big.md").read_text(encoding="utf-8")
    assert "```yaml\n---\ntype: note" in text  # the front matter as code: no title to the theme
    assert text.endswith("x" * 2_000_000)


def test_site_copies_every_other_file_byte_for_byte(tmp_path: Path, run_cli) -> None:
    out = generate_site(tmp_path, run_cli)
    assert (out / "assets" / "picture.png").read_bytes() == PNG
    docs = tmp_path / "docs"
    assert (out / "index.md").read_bytes() == (docs / "index.md").read_bytes()
    assert (out / "growth" / "index.md").is_file() and (out / "growth.json").is_file()


def test_a_public_site_tree_holds_nothing_private(tmp_path: Path, run_cli) -> None:
    config = write_store(tmp_path, store_files(), OPTIONS)
    out = tmp_path / "out"
    assert run_cli("generate", "-f", config, "--site", out).code == 0
    assert (out / "notes" / "secret.md").is_file()  # internal: published
    rubric = {"before": {"confidence": 2, "competence": 2, "impact": 1, "clarity": 3}}
    (tmp_path / "docs" / "cards" / "tracing.md").write_text(card(rubric=rubric), encoding="utf-8")
    result = run_cli("generate", "-f", config, "--site", out, "--audience", "public")
    assert result.code == 0, result.err
    assert not (out / "notes" / "secret.md").exists()  # removed: this command wrote it
    every = "".join(p.read_text(encoding="utf-8") for p in out.rglob("*.md"))
    assert "Secret note" not in every
    assert "rubric" not in (out / "cards" / "tracing.md").read_text(encoding="utf-8")


def test_a_public_site_tree_withdraws_a_private_page_even_edited(tmp_path: Path, run_cli) -> None:
    """A private page an earlier run wrote leaves DIR in a public run, edited or not (--out too)."""
    config = write_store(tmp_path, store_files(), OPTIONS)
    out = tmp_path / "out"
    assert run_cli("generate", "-f", config, "--site", out).code == 0
    copy = out / "notes" / "secret.md"
    copy.write_text(copy.read_text(encoding="utf-8") + "Edited in DIR.\n", encoding="utf-8")
    result = run_cli("generate", "-f", config, "--site", out, "--audience", "public")
    assert result.code == 0, result.err
    assert not copy.exists() and "notes/secret.md" in result.err


def test_a_public_site_tree_refuses_a_private_page_it_did_not_write(
    tmp_path: Path, run_cli
) -> None:
    config = write_store(tmp_path, store_files(), OPTIONS)
    out = tmp_path / "out"
    (out / "notes").mkdir(parents=True)
    (out / "notes" / "secret.md").write_text("put here by hand\n", encoding="utf-8")
    result = run_cli("generate", "-f", config, "--site", out, "--audience", "public")
    assert result.code == 2 and "notes/secret.md" in result.err
    assert (out / "notes" / "secret.md").read_text(encoding="utf-8") == "put here by hand\n"


def test_a_public_site_tree_takes_private_fields_off_every_page(tmp_path: Path, run_cli) -> None:
    """A plain page's private field (tags, when private) is not in a public tree."""
    plain = front_matter({"tags": ["secret-tag"], "feedback": "private words"}, "Plain.\n")
    config = write_store(
        tmp_path,
        {**store_files(), "plain.md": plain},
        {**OPTIONS, "private_fields": ["tags", "feedback"]},
    )
    out = tmp_path / "out"
    result = run_cli("generate", "-f", config, "--site", out, "--audience", "public")
    assert result.code == 0, result.err
    text = (out / "plain.md").read_text(encoding="utf-8")
    assert "secret-tag" not in text and "private words" not in text and text.endswith("Plain.\n")


def test_site_refuses_a_file_of_the_author_where_a_generated_page_goes(
    tmp_path: Path, run_cli
) -> None:
    config = write_store(tmp_path, {**store_files(), "growth/index.md": "# Mine\n"}, OPTIONS)
    out = tmp_path / "out"
    result = run_cli("generate", "-f", config, "--site", out)
    assert result.code == 2 and "growth/index.md" in result.err
    assert not out.exists()


def test_site_tree_builds_with_plain_mkdocs_strict(tmp_path: Path, run_cli) -> None:
    out = generate_site(tmp_path, run_cli)
    site = tmp_path / "built"
    config = load_config(
        config_file=None,
        site_name="Built from the tree",
        docs_dir=str(out),
        site_dir=str(site),
        plugins=["search"],
        markdown_extensions=[],
        strict=True,
    )
    build(config)
    page = (site / "cards" / "headed" / "index.html").read_text(encoding="utf-8")
    assert page.index("My own heading") < page.index("Keep the heading first")
    assert "<img src=x" not in (site / "about" / "index.html").read_text(encoding="utf-8")
    assert not (site / MANIFEST).exists()


def test_generated_feed_has_the_title_the_plugin_gives_it(tmp_path: Path, run_cli) -> None:
    """The Atom feed is titled with site_name, as in a build with the plugin."""
    config = write_store(tmp_path, store_files(), OPTIONS, config={"site_url": "https://e.com/"})
    out = tmp_path / "out"
    assert run_cli("generate", "-f", config, "--site", out).code == 0
    feed = (out / "growth" / "feed.xml").read_text(encoding="utf-8")
    assert "<title>Growth test store: notes, decisions and talks</title>" in feed


def test_pictures_link_source_files_for_zensical(tmp_path: Path, run_cli) -> None:
    """Zensical rewrites every relative href of a page, raw HTML too, as a source path."""
    out = generate_site(tmp_path, run_cli, "--engine", "zensical")
    matrix = (out / "growth" / "priorities.md").read_text(encoding="utf-8")
    assert 'href="../cards/tracing.md"' in matrix
    plain = generate_site(tmp_path / "plain", run_cli)
    assert 'href="../../cards/tracing/"' in (plain / "growth" / "priorities.md").read_text()


def test_a_second_run_rewrites_only_what_changed(tmp_path: Path, run_cli) -> None:
    """A preview server rebuilds what changed: untouched files keep their modification time."""
    out = generate_site(tmp_path, run_cli)
    edited, same = out / "cards" / "tracing.md", out / "cards" / "headed.md"
    old = {path: path.stat().st_mtime_ns for path in (edited, same)}
    time.sleep(0.05)
    card_file = tmp_path / "docs" / "cards" / "tracing.md"
    card_file.write_text(card(status="active", goal="Edited."), encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    assert run_cli("generate", "-f", config, "--site", out).code == 0
    assert same.stat().st_mtime_ns == old[same]
    assert edited.stat().st_mtime_ns != old[edited] and "Edited." in edited.read_text()


def test_watch_updates_the_tree_within_seconds_of_an_edit(tmp_path: Path) -> None:
    config = write_store(tmp_path, store_files(), OPTIONS)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "mkdocs_growth", "generate", "-f", str(config)]
    watcher = subprocess.Popen(
        [*command, "--site", str(out), "--watch"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        target = out / "cards" / "tracing.md"
        deadline = time.monotonic() + 30  # the first run: interpreter start and the store
        while not target.is_file() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert target.is_file(), "the first run wrote nothing"
        assert "Find the slow span" in target.read_text(encoding="utf-8")
        card_file = tmp_path / "docs" / "cards" / "tracing.md"
        card_file.write_text(card(status="active", goal="A goal edited live."), encoding="utf-8")
        edited = time.monotonic()
        while time.monotonic() - edited < 5:
            if "A goal edited live." in target.read_text(encoding="utf-8"):
                break
            time.sleep(0.1)
        assert "A goal edited live." in target.read_text(encoding="utf-8")
        dashboard = out / "growth" / "priorities.md"
        assert dashboard.is_file()
    finally:
        watcher.send_signal(signal.SIGINT)
        output, _ = watcher.communicate(timeout=10)
    assert watcher.returncode in (0, 130), output
    assert output.count("wrote ") >= 2, output


def test_site_tree_holds_exactly_the_files_mkdocs_build_publishes(tmp_path: Path, run_cli) -> None:
    """MkDocs decides which files are the site: extensions, excludes, drafts, linked folders."""
    files = {
        **store_files(),
        "wip/draft-card.md": card(title="Excluded work"),
        "drafts/idea.md": "# A draft\n",
        "notes/hidden.mdown": front_matter(
            {
                "type": "note",
                "title": "Private mdown",
                "date": "2026-04-02",
                "visibility": "private",
            }
        ),
    }
    config = write_store(
        tmp_path,
        files,
        {**OPTIONS, "audience": "public"},
        config={"exclude_docs": "wip/\n", "draft_docs": "drafts/\n"},
    )
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "linked-page.md").write_text("# Linked\n", encoding="utf-8")
    (tmp_path / "docs" / "linked").symlink_to(outside, target_is_directory=True)
    out = tmp_path / "out"
    result = run_cli("generate", "-f", config, "--site", out)
    assert result.code == 0, result.err
    assert not (out / "wip").exists()  # exclude_docs: not published by mkdocs build
    assert not (out / "drafts").exists()  # draft_docs: only `mkdocs serve` shows drafts
    assert not (out / "notes" / "hidden.mdown").exists()  # a private page in any extension
    assert (out / "linked" / "linked-page.md").read_text(encoding="utf-8") == "# Linked\n"
    assert not (out / "linked").is_symlink()  # its content, not a link out of DIR
