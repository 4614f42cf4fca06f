"""What a user reads from the command line: usage errors, help texts and the notes on stderr.

Each test runs the command in-process (``run_cli``) and reads its output as a
person at a terminal would: the words, and which stream they arrive on.
"""

from __future__ import annotations

from pathlib import Path

import pytest
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
    # argparse's wording of the choices differs between Python versions; the words do not
    assert "--audience: invalid choice: " in result.err
    assert all(word in result.err for word in ("publc", "public", "internal"))
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


# Option strings as every supported Python prints them (3.13 writes "-f, --config-file FILE").
HELP = {
    (): [
        "usage: mkdocs-growth [-h] [--version] COMMAND ... Career growth as code: validate and"
        " render a growth store.",
        "COMMAND validate check every document; exit 1 on errors new start a document that"
        " validates: <docs_dir>/<type>s/<slug>.md (never overwrites) priorities print the"
        " priority table schema print the front-matter JSON Schema generate write the generated"
        " pages as Markdown under DIR (for builds without the plugin) evidence competencies of a"
        " level with their evidence and gaps review record a review of a card's concepts"
        " (spaced repetition) start make a milestone active (and its card, when planned) done"
        " mark a milestone, or the card, done feedback add a feedback entry to a card rate set"
        " the before or after self-rating (1-5 each) report the review packet of a horizon or"
        " date range team team sites: check the members' published sites options:",
    ],
    ("validate",): [
        "PATH a store folder (instead of docs_dir), or files to report on options:",
        "--config-file FILE the mkdocs.yml to read docs_dir and growth options from"
        " (default: mkdocs.yml here or in the nearest folder above) --format",
        "--format {text,json,github} --strict warnings fail too --audience {public,internal}"
        " check as a build for this audience would (default: the 'audience' option); public"
        " also warns about links to private pages",
    ],
    ("generate",): [
        "(--out DIR | --site DIR) [--engine {mkdocs,zensical}] [--watch]",
        "--out DIR output folder (not docs_dir); lay it over a copy of docs_dir to build"
        " --site DIR the whole docs tree for an engine without the plugin (Zensical): your"
        " pages with card headers above each card, and the generated pages; set that engine's"
        " docs_dir to DIR --engine {mkdocs,zensical} what builds the Markdown: mkdocs (also"
        " ProperDocs) without the plugin, or zensical (which reads links in raw HTML as paths"
        " to source files); default mkdocs --watch keep DIR current: generate again whenever"
        " the store or mkdocs.yml changes (for zensical serve); Ctrl-C to stop --audience"
        " {public,internal} export for this audience (default: the 'audience' option); public"
        " leaves private pages and private_fields out",
    ],
    ("report",): [
        "--horizon ID a horizon id (default: the current one) --from DATE first day --to DATE"
        " last day --format {md,json} default: md --audience {public,internal} the packet for"
        " this audience (default: the 'audience' option); public leaves out private documents"
        " and private_fields, as the public site does",
    ],
    ("new",): [
        "{card,note,decision,talk,playbook,retro} document type title the title (also gives"
        " the file name) options:",
    ],
    ("evidence",): [
        "--level ID one level of the framework instead --format {text,json,csv} csv: one row"
        " per competency and evidence document, for a promotion sheet",
    ],
    ("review",): [
        "id the card's id options:",
        "-n, --dry-run print the change as a diff, write nothing --date DATE the date"
        " (default: today, or the 'today' option)",
    ],
    ("done",): ["-m M 1-based number or title (default: the card)"],
    ("feedback",): [
        "--from NAME --went-well TEXT --didnt TEXT --try-next TEXT [--date DATE] id",
    ],
    ("rate",): [
        "(--before | --after) id NAME=N [NAME=N ...]",
        "NAME=N one or more of confidence, competence, impact, clarity; all four for a first"
        " rating options:",
        "--before the rating at the start --after the rating once done",
    ],
}


@pytest.mark.parametrize("command", list(HELP), ids=lambda c: " ".join(c) or "mkdocs-growth")
def test_help_names_every_command_and_option_with_what_it_does(
    run_cli, monkeypatch: pytest.MonkeyPatch, command: tuple[str, ...]
) -> None:
    monkeypatch.setenv("COLUMNS", "100")  # the words, whatever the terminal's width
    result = run_cli(*command, "--help")
    assert result.code == 0
    for words in HELP[command]:
        assert words in _words(result.out)
