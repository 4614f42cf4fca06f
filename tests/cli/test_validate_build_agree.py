"""`mkdocs-growth validate --strict` and `mkdocs build --strict` give the same verdict.

SPEC v2: "validate and mkdocs build give the same verdict on every store and
config". Each case is a real store and config; both commands run on it for
real (the CLI in-process, MkDocs' own build), and each case also states the
verdict it must get, so the two cannot agree by both being wrong.
"""

from __future__ import annotations

import json
import os
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from conftest import MILESTONES, card, front_matter, write_store
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from mkdocs_growth.cli.new import plan
from mkdocs_growth.cli.settings import load_settings
from mkdocs_growth.core.options import parse_options

TODAY = "2026-11-24"
SITE_URL = {"site_url": "https://me.github.io/growth/"}
Q4 = {"horizon": "2026-Q4"}
PAST = [{"id": "h1", "start": "2026-01-01", "end": "2026-03-31"}]
FUTURE = [{"id": "next", "start": "2027-01-01", "end": "2027-03-31"}]
ACTIVE = [{**m, "status": "active"} for m in MILESTONES]


def _template_card() -> str:
    """What `mkdocs-growth new card` writes, untouched."""
    config = parse_options({"today": TODAY})
    return plan("card", "Untouched", config, config.effective_today()).text


@dataclass(frozen=True)
class Case:
    passes: bool  # the verdict both must give
    files: dict[str, str] = field(default_factory=dict)
    options: dict[str, Any] = field(default_factory=dict)
    config: dict[str, Any] = field(default_factory=lambda: dict(SITE_URL))


CASES = {
    "valid store": Case(True, {"cards/a.md": card(**Q4)}),
    "no site_url (feed skipped, an info line)": Case(True, {"cards/a.md": card(**Q4)}, config={}),
    "placeholder site_url": Case(
        False, {"cards/a.md": card(**Q4)}, config={"site_url": "https://<you>.github.io/<repo>/"}
    ),
    "site_url with a path, no directory URLs": Case(
        True,
        {"cards/a.md": card(**Q4)},
        config={"site_url": "https://me.github.io/r/", "use_directory_urls": False},
    ),
    "empty store": Case(True, {"index.md": "# Me\n"}),
    "a broken document": Case(False, {"cards/a.md": card(goal=None, **Q4)}),
    "broken YAML": Case(False, {"notes/n.md": "---\ntype: note\ntitle: a: b\n---\n"}),
    "warnings only": Case(False, {"cards/a.md": card(milestones=MILESTONES[:1], **Q4)}),
    "untouched new card": Case(False, {"cards/untouched.md": _template_card()}),
    "over max_active (a warning on mkdocs.yml)": Case(
        False, {"cards/a.md": card(status="active", milestones=ACTIVE, **Q4)}, {"max_active": 2}
    ),
    "horizons not covering today, card in the next one": Case(
        True, {"cards/a.md": card(horizon="next")}, {"horizons": FUTURE}
    ),
    "horizons not covering today, active card in an ended one": Case(
        False,
        {"cards/a.md": card(horizon="h1", status="active")},
        {"horizons": PAST + FUTURE},
    ),
    "unknown domain under an allow-list": Case(
        False, {"cards/a.md": card(**Q4)}, {"domains": [{"id": "observabilty"}]}
    ),
    "a page where a generated one goes": Case(
        False, {"cards/a.md": card(**Q4), "growth/notes.md": "# My notes\n"}
    ),
    "a page where a generated one goes, in another case": Case(
        False, {"cards/a.md": card(**Q4), "Growth/Notes.md": "# My notes\n"}
    ),
    "same page under another base": Case(
        True, {"cards/a.md": card(**Q4), "growth/notes.md": "# My notes\n"}, {"base": "journal"}
    ),
    "plain pages only": Case(True, {"index.md": "# Me\n", "about.md": "# About\n"}),
    "a setting MkDocs does not know (a warning)": Case(
        False, {"cards/a.md": card(**Q4)}, config={**SITE_URL, "site_nmae": "typo"}
    ),
    "an absurd size limit (an option error, not an overflow)": Case(
        False, {"cards/a.md": card(**Q4)}, {"limits": {"max_file_bytes": 10**23}}
    ),
    "north_star as !!binary (bytes, not text)": Case(
        False, {"cards/a.md": card(**Q4)}, {"north_star": b"Be the one on call"}
    ),
    "a page without type but with front matter": Case(
        True, {"cards/a.md": card(**Q4), "page.md": front_matter({"title": "Plain"})}
    ),
}


def _build_passes(config_file: Path, strict: bool) -> bool:
    try:
        build(load_config(config_file=str(config_file), strict=strict))
    except Abort:
        return False
    return True


@pytest.mark.parametrize("name", CASES)
def test_validate_strict_and_build_strict_agree(tmp_path: Path, run_cli, name: str) -> None:
    case = CASES[name]
    config_file = write_store(
        tmp_path, case.files, {"today": TODAY, **case.options}, config=case.config
    )
    result = run_cli("validate", "-f", config_file, "--strict")
    assert "Traceback" not in result.err
    validate_passes = result.code == 0
    build_passes = _build_passes(config_file, strict=True)
    assert (validate_passes, build_passes) == (case.passes, case.passes), result.out


@pytest.mark.parametrize("name", ["warnings only", "placeholder site_url", "valid store"])
def test_the_strict_option_makes_both_strict_without_the_flag(
    tmp_path: Path, run_cli, name: str
) -> None:
    case = CASES[name]
    options = {"today": TODAY, "strict": True, **case.options}
    config_file = write_store(tmp_path, case.files, options, config=case.config)
    validate_passes = run_cli("validate", "-f", config_file).code == 0
    assert (validate_passes, _build_passes(config_file, strict=False)) == (case.passes,) * 2


def test_the_matrix_is_wide_enough() -> None:
    assert len(CASES) >= 10
    assert {case.passes for case in CASES.values()} == {True, False}


# -- the page set: the four cases of issue 22 where the two used to disagree ---------------

BROKEN = card(goal=None, **Q4)  # an error in any page that is read


def _verdicts(run_cli, config_file: Path, strict: bool = True) -> tuple[bool, bool]:
    args = ["validate", "-f", config_file] + (["--strict"] if strict else [])
    result = run_cli(*args)
    assert "Traceback" not in result.err
    return result.code == 0, _build_passes(config_file, strict=strict)


@pytest.mark.parametrize("extension", [".mdown", ".mkdn", ".mkd", ".markdown"])
def test_a_broken_page_in_every_markdown_extension_fails_both(
    tmp_path: Path, run_cli, extension: str
) -> None:
    config_file = write_store(tmp_path, {f"cards/a{extension}": BROKEN}, {"today": TODAY})
    assert _verdicts(run_cli, config_file) == (False, False)


def test_a_broken_page_in_a_symlinked_folder_fails_both(tmp_path: Path, run_cli) -> None:
    config_file = write_store(tmp_path, {"index.md": "# Me\n"}, {"today": TODAY}, config=SITE_URL)
    outside = tmp_path / "shared-cards"
    outside.mkdir()
    (outside / "a.md").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "docs" / "cards").symlink_to(outside, target_is_directory=True)
    assert _verdicts(run_cli, config_file) == (False, False)


def test_a_readme_beside_an_index_is_left_out_by_both(tmp_path: Path, run_cli) -> None:
    """MkDocs drops README.md there, with a warning: strict fails on the warning, and a
    non-strict run passes whatever the README holds (nobody publishes it)."""
    files = {"notes/index.md": "# Notes\n", "notes/README.md": BROKEN}
    config_file = write_store(tmp_path, files, {"today": TODAY}, config=SITE_URL)
    assert _verdicts(run_cli, config_file, strict=False) == (True, True)
    assert _verdicts(run_cli, config_file, strict=True) == (False, False)
    result = run_cli("validate", "-f", config_file)
    assert "Excluding 'notes/README.md'" in result.out


@pytest.mark.parametrize("setting", ["exclude_docs", "draft_docs"])
def test_pages_left_out_by_exclude_or_draft_docs_are_not_checked_by_either(
    tmp_path: Path, run_cli, setting: str
) -> None:
    """`mkdocs build` leaves drafts out (only `serve` shows them): the CLI matches build."""
    files = {"cards/a.md": card(**Q4), "wip/b.md": BROKEN}
    config = {**SITE_URL, setting: "wip/\n"}
    config_file = write_store(tmp_path, files, {"today": TODAY}, config=config)
    assert _verdicts(run_cli, config_file) == (True, True)


def test_a_file_that_is_not_a_page_is_said_skipped(tmp_path: Path, run_cli) -> None:
    files = {"cards/a.md": card(**Q4), "wip/b.md": BROKEN}
    config_file = write_store(tmp_path, files, {"today": TODAY}, config={"exclude_docs": "wip/"})
    result = run_cli("validate", "-f", config_file, tmp_path / "docs" / "wip" / "b.md")
    assert result.code == 0
    assert "skipped" in result.err and "wip/b.md" in result.err
    assert (
        "wip/b.md: not a page of the site (not Markdown, or left out by exclude_docs,"
        " draft_docs or an index.md)\n"
    ) in result.err


def test_a_single_file_is_validated_with_the_whole_store(tmp_path: Path, run_cli) -> None:
    files = {"cards/a.mdown": BROKEN, "cards/b.md": card(id="b", related=["nope"], **Q4)}
    config_file = write_store(tmp_path, files, {"today": TODAY})
    result = run_cli("validate", "-f", config_file, tmp_path / "docs" / "cards" / "a.mdown")
    assert result.code == 1 and "a.mdown" in result.out and "b.md" not in result.out


# -- page paths that differ only by case ---------------------------------------------------


@pytest.mark.parametrize(
    "paths",
    [("Notes/a.md", "notes/a.md"), ("A.md", "a.md"), ("cards/Trace.md", "cards/trace.mdown")],
)
def test_paths_that_differ_only_by_case_warn_in_both(
    tmp_path: Path, run_cli, paths: tuple[str, str]
) -> None:
    first, second = paths
    files = {first: "# One\n", second: "# Two\n", "index.md": "# Me\n"}
    config_file = write_store(tmp_path, files, {"today": TODAY}, config=SITE_URL)
    result = run_cli("validate", "-f", config_file)
    assert result.code == 0  # a warning
    [line] = [x for x in result.out.splitlines() if "case" in x]
    assert first in line and second in line
    assert _verdicts(run_cli, config_file) == (False, False)


# -- generated trees: the CLI and a real build see the same pages and give one verdict ---

EXTENSIONS = (".md", ".markdown", ".mdown", ".mkdn", ".mkd", ".txt")
FOLDERS = ("", "cards", "notes", "Notes", "wip", "drafts/deep")
STEMS = ("a", "b", "index", "README", "Trace", "trace")
PATTERNS = ("wip/", "*.mkd", "drafts/**", "cards/b.*", "README.*", "!wip/a.md")
# Records what MkDocs hands the plugins (before growth, which runs at 100, changes it).
RECORD_HOOK = """
import json
from mkdocs.plugins import event_priority

@event_priority(200)
def on_files(files, config):
    pages = [f.src_uri for f in files.documentation_pages() if f.inclusion.is_included()]
    with open(config.config_file_path + ".pages.json", "w") as out:
        json.dump(sorted(pages), out)
"""


def _page(rng: random.Random, n: int) -> tuple[str, bool]:
    """A page's text, and whether it is private; ids are unique, so errors are chosen."""
    kind = rng.choice(["card", "broken", "note", "private", "plain"])
    if kind == "card":
        return card(id=f"c{n}", title=f"Card {n}", **Q4), False
    if kind == "broken":
        return card(id=f"c{n}", title=f"Broken {n}", goal=None, **Q4), False
    if kind == "plain":
        return f"# Plain {n}\n", False
    meta = {"type": "note", "id": f"n{n}", "title": f"Note {n}", "date": "2026-11-02"}
    if kind == "private":
        meta.update(title=f"SECRET-{n}", visibility="private")
    return front_matter(meta), kind == "private"


def _tree(tmp_path: Path, seed: int) -> tuple[Path, set[str]]:
    """A docs tree with every way MkDocs picks pages: extensions, README beside index,
    case-only pairs, a symlinked folder, exclude_docs/draft_docs patterns, private pages."""
    rng = random.Random(seed)
    files: dict[str, str] = {"index.md": "# Me\n"}
    secrets: set[str] = set()
    for n in range(rng.randint(3, 8)):
        folder = rng.choice(FOLDERS)
        name = rng.choice(STEMS) + rng.choice(EXTENSIONS)
        text, private = _page(rng, n)
        files[f"{folder}/{name}".lstrip("/")] = text
        if private:
            secrets.add(f"SECRET-{n}")
    config: dict[str, Any] = {**SITE_URL, "hooks": ["record.py"]}
    for setting in ("exclude_docs", "draft_docs"):
        if rng.random() < 0.5:
            config[setting] = "\n".join(rng.sample(PATTERNS, rng.randint(1, 2))) + "\n"
    options = {"today": TODAY, "audience": rng.choice(["internal", "public"])}
    config_file = write_store(tmp_path, files, options, config=config)
    (tmp_path / "record.py").write_text(RECORD_HOOK, encoding="utf-8")
    if rng.random() < 0.5:
        outside = tmp_path / "elsewhere"
        outside.mkdir()
        for n in range(20, 20 + rng.randint(1, 2)):
            text, private = _page(rng, n)
            (outside / f"{rng.choice(STEMS)}{rng.choice(EXTENSIONS)}").write_text(text)
            if private:
                secrets.add(f"SECRET-{n}")
        (tmp_path / "docs" / "linked").symlink_to(outside, target_is_directory=True)
    return config_file, secrets if options["audience"] == "public" else set()


@pytest.mark.parametrize("seed", range(20))
def test_generated_trees_give_one_page_set_and_one_verdict(
    tmp_path: Path, run_cli, seed: int
) -> None:
    config_file, secrets = _tree(tmp_path, seed)
    result = run_cli("validate", "-f", config_file, "--strict", "--format", "json")
    assert "Traceback" not in result.err
    build_passes = _build_passes(config_file, strict=True)
    built = json.loads(Path(f"{config_file}.pages.json").read_text(encoding="utf-8"))
    assert sorted(load_settings(str(config_file)).pages().pages) == built
    assert (result.code == 0) == build_passes, result.out
    if build_passes:  # a public site carries nothing private
        site = tmp_path / "site"
        leaked = [
            (p.name, s)
            for p in site.rglob("*")
            if p.is_file() and p.suffix in (".html", ".json", ".xml")
            for s in secrets
            if s in p.read_text(encoding="utf-8", errors="replace")
        ]
        assert leaked == []


# -- configs written for another machine or engine -----------------------------------------


def test_plugins_and_themes_not_installed_here_are_named_and_left_out(
    tmp_path: Path, run_cli
) -> None:
    """A Zensical user's config may name plugins and a theme MkDocs cannot load here:
    the commands still work, and say what they left out (mkdocs build needs them)."""
    config = {
        **SITE_URL,
        "theme": {"name": "not-a-theme-here", "features": ["navigation.tabs"]},
        "plugins": ["search", "no-such-plugin", {"/other-missing": {"x": 1}}, {"growth": {}}],
        "markdown_extensions": ["admonition", {"nopkg.fancy": {"a": 1}}, "nopkg.plain"],
    }
    config_file = write_store(tmp_path, {"cards/a.mdown": card(**Q4)}, config=config)
    result = run_cli("validate", "-f", config_file, "--strict")
    assert result.code == 0, result.out + result.err
    assert "1 growth document in 1 file" in result.out
    for name in (
        "plugin 'no-such-plugin'",
        "plugin 'other-missing'",
        "theme 'not-a-theme-here'",
        "Markdown extension 'nopkg.fancy'",
        "Markdown extension 'nopkg.plain'",
    ):
        assert f"names the {name}, not installed here; read without it" in result.err
    # generate writes for the site that has them: their names still count
    assert {"admonition", "nopkg.fancy", "nopkg.plain"} <= load_settings(
        str(config_file)
    ).markdown_extensions
    assert not _build_passes(config_file, strict=True)  # MkDocs cannot build it here


def test_growth_options_are_checked_even_with_a_plugin_missing(tmp_path: Path, run_cli) -> None:
    config = {"plugins": ["no-such-plugin", {"growth": {"max_active": -1}}]}
    config_file = write_store(tmp_path, {"index.md": "# Me\n"}, config=config)
    result = run_cli("validate", "-f", config_file)
    assert result.code == 2 and "'max_active'" in result.err and "Traceback" not in result.err


def test_an_unknown_setting_is_a_warning_from_validate_as_from_mkdocs(
    tmp_path: Path, run_cli
) -> None:
    config_file = write_store(tmp_path, {"index.md": "# Me\n"}, config={"site_nmae": "typo"})
    result = run_cli("validate", "-f", config_file)
    assert result.code == 0
    assert "mkdocs.yml: warning: site_nmae: Unrecognised configuration name" in result.out


def test_an_installed_extension_with_bad_options_is_an_error(tmp_path: Path, run_cli) -> None:
    config = {"markdown_extensions": [{"toc": {"no_such_option": 1}}]}
    config_file = write_store(tmp_path, {"index.md": "# Me\n"}, config=config)
    result = run_cli("validate", "-f", config_file)
    assert result.code == 2 and "markdown_extensions" in result.err
    assert "Traceback" not in result.err


def test_a_python_tag_naming_a_missing_module_says_what_to_install(tmp_path: Path, run_cli) -> None:
    config_file = write_store(tmp_path, {"index.md": "# Me\n"})
    text = config_file.read_text(encoding="utf-8")
    config_file.write_text(text + "extra:\n  x: !!python/name:nopkg.thing\n", encoding="utf-8")
    result = run_cli("validate", "-f", config_file)
    assert result.code == 2 and "install the packages the site is built with" in result.err


def test_another_store_folder_is_read_with_the_configs_page_rules(tmp_path: Path, run_cli) -> None:
    config_file = write_store(tmp_path, {"index.md": "# Me\n"}, config={"exclude_docs": "wip/"})
    other = tmp_path / "other"
    (other / "wip").mkdir(parents=True)
    (other / "wip" / "b.md").write_text(BROKEN, encoding="utf-8")
    (other / "a.mkd").write_text(card(**Q4), encoding="utf-8")
    result = run_cli("validate", "-f", config_file, other)
    assert result.code == 0 and "1 growth document in 1 file" in result.out


def test_new_in_a_new_store_with_a_bad_option_leaves_no_docs_folder(
    tmp_path: Path, run_cli
) -> None:
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nplugins:\n  - growth:\n      max_active: -1\n", encoding="utf-8"
    )
    result = run_cli("new", "card", "X", "-f", tmp_path / "mkdocs.yml")
    assert result.code == 2 and "'max_active'" in result.err
    assert not (tmp_path / "docs").exists()


def test_a_hook_that_fails_to_load_is_a_usage_error_not_a_traceback(
    tmp_path: Path, run_cli
) -> None:
    config_file = write_store(tmp_path, {"index.md": "# Me\n"}, config={"hooks": ["bad.py"]})
    (tmp_path / "bad.py").write_text("raise RuntimeError('hook broke')\n", encoding="utf-8")
    result = run_cli("validate", "-f", config_file)
    assert result.code == 2 and "Traceback" not in result.err
    assert "MkDocs cannot load this config: RuntimeError: hook broke" in result.err


def test_a_page_in_another_case_than_a_generated_one_is_named(tmp_path: Path, run_cli) -> None:
    files = {"cards/a.md": card(**Q4), "Growth/Notes.md": "# My notes\n"}
    config_file = write_store(tmp_path, files, {"today": TODAY}, config=SITE_URL)
    result = run_cli("validate", "-f", config_file)
    assert result.code == 0
    [line] = [x for x in result.out.splitlines() if "differ only by case" in x]
    assert line.startswith(os.path.relpath(tmp_path / "docs" / "Growth" / "Notes.md"))
    assert "growth/notes.md" in line
