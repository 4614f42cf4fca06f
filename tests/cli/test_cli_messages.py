"""What a user reads from the command line: usage errors, help texts and the notes on stderr.

Each test runs the command in-process (``run_cli``) and reads its output as a
person at a terminal would: the words, and which stream they arrive on.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from conftest import card, framework_yaml, write_framework_store, write_store

from mkdocs_growth.cli.outdir import MANIFEST

OPTIONS = {"today": "2026-05-01"}
BAD_CARD = card(scores={"impact": 9, "effort": 3, "reusability": 4, "learnings": 2})


def _words(text: str) -> str:
    """Text with argparse's line wrapping undone (it wraps at the terminal's width)."""
    return " ".join(text.split())


def test_no_command_is_a_usage_error_naming_the_missing_command(run_cli) -> None:
    result = run_cli()
    assert result.code == 2
    assert "the following arguments are required: COMMAND" in result.err
    assert "Traceback" not in result.err


def test_an_audience_typo_is_refused_not_taken_as_internal(tmp_path: Path, run_cli) -> None:
    # "publc" read as "not public" would export the private documents.
    config = write_store(tmp_path, {"cards/a.md": card()}, OPTIONS)
    out = tmp_path / "out"
    result = run_cli("generate", "-f", config, "--out", out, "--audience", "publc")
    assert result.code == 2
    assert "--audience: invalid choice: 'publc'" in result.err
    assert "'public', 'internal'" in result.err
    assert not out.exists()


def test_evidence_help_says_which_levels_it_shows_by_default(run_cli) -> None:
    result = run_cli("evidence", "--help")
    assert result.code == 0
    assert (
        "the competency at each level (default: from the 'level' option up to"
        " 'target_level') with the documents that are evidence for it, and the gaps."
    ) in _words(result.out)


def test_evidence_lists_a_competencys_examples_and_links_under_its_heading(
    tmp_path: Path, run_cli
) -> None:
    framework = yaml.safe_load(framework_yaml())
    for competency in framework["competencies"]:
        if competency["id"] == "staff-craft":
            competency["examples"] = ["Designed the retry policy"]
            competency["supportingUrls"] = [
                {"label": "Retries guide", "url": "https://example.org/retries"}
            ]
    config = write_framework_store(
        tmp_path, {"cards/a.md": card()}, OPTIONS, framework=yaml.safe_dump(framework)
    )
    result = run_cli("evidence", "-f", config, "--level", "staff")
    assert result.code == 0, result.err
    craft = result.out.split("Technical craft [craft]\n")[1].split("\n\n")[0]
    assert craft.splitlines()[:5] == [
        "  Staff engineer · Practitioner [staff-craft]",
        "    Staff engineer: technical craft at this level.",
        "    e.g. Designed the retry policy",
        "    see Retries guide: https://example.org/retries",
        "    GAP: no evidence yet",
    ]


def test_evidence_counts_invalid_documents_on_stderr_not_in_the_listing(
    tmp_path: Path, run_cli
) -> None:
    config = write_framework_store(tmp_path, {"cards/bad.md": BAD_CARD}, OPTIONS)
    result = run_cli("evidence", "-f", config)
    assert result.code == 0, result.err
    assert result.err == "(1 errors: run 'mkdocs-growth validate')\n"
    assert "errors" not in result.out


def test_generate_says_what_it_wrote_and_that_invalid_documents_were_left_out(
    tmp_path: Path, run_cli
) -> None:
    config = write_store(tmp_path, {"cards/a.md": card(), "cards/bad.md": BAD_CARD}, OPTIONS)
    out = tmp_path / "out"
    result = run_cli("generate", "-f", config, "--out", out)
    assert result.code == 0, result.err
    written = [p for p in out.rglob("*") if p.is_file() and p.name != MANIFEST]
    pages = [p for p in written if p.suffix == ".md"]
    assert 0 < len(pages) < len(written)  # the count of pages is not the count of files
    assert result.out.startswith(
        f"wrote {len(written)} files ({len(pages)} pages) under {out}; removed 0 stale\n"
    )
    assert "(1 errors: invalid documents are left out; run 'mkdocs-growth validate')" in result.err


def test_new_with_a_blank_title_says_the_title_is_empty(tmp_path: Path, run_cli) -> None:
    config = write_store(tmp_path, {"cards/a.md": card()}, OPTIONS)
    result = run_cli("new", "card", "   ", "-f", config)
    assert result.code == 2
    assert result.err == "mkdocs-growth: error: the title is empty\n"
