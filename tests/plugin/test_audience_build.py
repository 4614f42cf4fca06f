"""``audience`` through real MkDocs builds: options, !ENV, links to private pages, strictness.

The canary test (test_audience_canary.py) proves nothing private reaches a
public site; these tests cover how a user sets the audience and what the
build says when a public page points at a private one.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import card, front_matter, write_store
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from mkdocs_growth.cli.settings import load_settings

MATERIAL = {"theme": {"name": "material"}}
SECRET = card(title="Mentoring Sam", visibility="private")
LINKING_NOTE = front_matter(
    {"type": "note", "title": "Week 17", "date": "2026-04-20"},
    "# Week 17\n\nSee [the card](../cards/secret.md#goal).\n\n"
    '<a href="../../cards/secret/">again</a>\n',
)


def _build(config_file: Path, caplog: pytest.LogCaptureFixture, **overrides: Any) -> str:
    """Build; return the growth plugin's log lines (warnings and errors)."""
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        build(load_config(config_file=str(config_file), **overrides))
    return "\n".join(r.getMessage() for r in caplog.records if "mkdocs_growth" in r.name)


def _article(page: Path) -> str:
    html = page.read_text(encoding="utf-8")
    return html[html.index("<article") : html.index("</article>")]


# --- options ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"audience": "everyone"}, "option 'audience': must be 'public' or 'internal'"),
        (
            {"private_fields": ["feedbak"]},
            "unknown card field 'feedbak' (did you mean 'feedback'?)",
        ),
        ({"private_fields": ["goal"]}, "'goal' cannot be private"),
        ({"private_fields": "feedback"}, "option 'private_fields'"),
    ],
)
def test_bad_audience_options_are_config_errors(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, options: dict[str, Any], expected: str
) -> None:
    config_file = write_store(tmp_path, {"cards/a.md": card()}, options)
    with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises(Abort):
        load_config(config_file=str(config_file))
    assert "Plugin 'growth'" in caplog.text and expected in caplog.text


def test_defaults_are_internal_with_feedback_and_rubric_private(tmp_path: Path) -> None:
    config = load_config(config_file=str(write_store(tmp_path, {"cards/a.md": card()})))
    growth = config.plugins["growth"].growth
    assert growth.audience == "internal"
    assert growth.private_fields == ("feedback", "rubric")


ENV_CONFIG = """\
site_name: Env store
docs_dir: docs
site_dir: site
plugins:
  - search
  - growth:
      today: 2026-05-01
      audience: !ENV [GROWTH_AUDIENCE, internal]
"""


@pytest.mark.parametrize(("env", "audience"), [(None, "internal"), ("public", "public")])
def test_audience_from_env_in_mkdocs_yml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, env: str | None, audience: str
) -> None:
    """`!ENV [GROWTH_AUDIENCE, internal]`: MkDocs and the CLI's settings reader agree."""
    write_store(tmp_path, {"cards/a.md": card(), "cards/secret.md": SECRET})
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(ENV_CONFIG, encoding="utf-8")
    if env is None:
        monkeypatch.delenv("GROWTH_AUDIENCE", raising=False)
    else:
        monkeypatch.setenv("GROWTH_AUDIENCE", env)
    assert load_settings(str(config_file)).growth.audience == audience
    build(load_config(config_file=str(config_file)))
    assert (tmp_path / "site" / "cards" / "a" / "index.html").is_file()
    published = (tmp_path / "site" / "cards" / "secret" / "index.html").is_file()
    assert published == (audience == "internal")


def test_bad_audience_from_env_is_a_config_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, run_cli
) -> None:
    write_store(tmp_path, {"cards/a.md": card()})
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(ENV_CONFIG, encoding="utf-8")
    monkeypatch.setenv("GROWTH_AUDIENCE", "publik")
    with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises(Abort):
        load_config(config_file=str(config_file))
    assert "option 'audience'" in caplog.text
    result = run_cli("validate", "-f", config_file)
    assert result.code == 2 and "option 'audience'" in result.err


# --- a public build leaves private pages out -------------------------------------------


def test_private_page_is_absent_from_nav_search_and_sitemap(tmp_path: Path) -> None:
    config_file = write_store(
        tmp_path,
        {"index.md": "# Home\n", "cards/a.md": card(), "cards/secret.md": SECRET},
        {"today": "2026-05-01", "audience": "public"},
        config={"theme": {"name": "material"}, "site_url": "https://example.com/"},
    )
    build(load_config(config_file=str(config_file)))
    site = tmp_path / "site"
    assert not (site / "cards" / "secret").exists()
    for name in ("index.html", "404.html", "sitemap.xml", "search/search_index.json"):
        text = (site / name).read_text(encoding="utf-8")
        assert "secret" not in text and "Mentoring Sam" not in text, name


def test_card_header_and_growth_json_leave_private_fields_out(tmp_path: Path) -> None:
    feedback = [{"date": "2026-04-20", "from": "Mentor Mo", "didnt": "rushed the demo"}]
    rubric = {"before": {"confidence": 2, "competence": 2, "impact": 2, "clarity": 2}}
    files = {"cards/a.md": card(title="Tracing", feedback=feedback, rubric=rubric)}
    for audience in ("public", "internal"):
        root = tmp_path / audience
        build(
            load_config(
                config_file=str(write_store(root, files, {"audience": audience}, config=MATERIAL)),
            )
        )
        header = _article(root / "site" / "cards" / "a" / "index.html")
        data = (root / "site" / "growth.json").read_text(encoding="utf-8")
        shown = audience == "internal"
        assert ("Mentor Mo" in header) is shown and ("rushed the demo" in data) is shown
        assert ("growth-rubric" in header) is shown and ('"rubric": {' in data) is shown
        assert ('"feedback": [' in data) is shown  # left out, not shown as []
        assert "Tracing" in header or "Tracing" in data


# --- links from public pages to private ones -------------------------------------------

SITE = {"site_url": "https://example.com/"}  # no feed warning: the link warnings are all
LINK_FILES = {
    "index.md": "# Home\n\nRead [the secret card](cards/secret.md).\n",
    "cards/secret.md": SECRET,
    "notes/week-17.md": LINKING_NOTE,
}


def _growth_lines(text: str) -> set[str]:
    """``path:line: message`` of each growth problem in a build log or validate output."""
    lines = set()
    for line in text.splitlines():
        match = re.search(r"docs/(\S+\.md:\d+:)(?: warning:)? (.*)$", line)
        if match and "private" in line:
            lines.add(f"{match[1]} {match[2]}")
    return lines


def test_public_page_linking_a_private_one_warns_naming_both(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config_file = write_store(tmp_path, LINK_FILES, {"audience": "public"}, config=SITE)
    log = _build(config_file, caplog)
    assert "docs/index.md:3: links to private document cards/secret.md" in log
    assert "docs/notes/week-17.md:9: links to private document cards/secret.md" in log
    assert "docs/notes/week-17.md:11: links to private document cards/secret.md" in log
    assert "the link would be broken" in log
    internal = write_store(tmp_path / "internal", LINK_FILES, {"audience": "internal"}, config=SITE)
    assert "private" not in _build(internal, caplog)


def test_link_to_private_page_fails_strict_builds(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config_file = write_store(
        tmp_path, LINK_FILES, {"audience": "public", "strict": True}, config=SITE
    )
    with pytest.raises(Abort):
        _build(config_file, caplog)
    assert "links to private document cards/secret.md" in caplog.text
    plain = write_store(tmp_path / "plain", LINK_FILES, {"audience": "public"}, config=SITE)
    with pytest.raises(Abort):
        _build(plain, caplog, strict=True)  # mkdocs build --strict
    assert "growth store has 0 errors and 3 warnings" in caplog.text


def test_validate_agrees_with_the_build_about_private_links(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, run_cli
) -> None:
    config_file = write_store(tmp_path, LINK_FILES, {"audience": "public"}, config=SITE)
    log = _build(config_file, caplog)
    result = run_cli("validate", "-f", config_file)
    assert result.code == 0  # warnings
    assert _growth_lines(result.out) == _growth_lines(log) != set()
    assert run_cli("validate", "-f", config_file, "--strict").code == 1
    internal = run_cli("validate", "-f", config_file, "--audience", "internal", "--strict")
    assert internal.code == 0 and "private" not in internal.out
    # --audience public on an internal config: the same warnings as a public build
    inner = write_store(tmp_path / "inner", LINK_FILES, config=SITE)
    forced = run_cli("validate", "-f", inner, "--audience", "public")
    assert _growth_lines(forced.out) == _growth_lines(log)


def test_public_problems_page_hides_private_pages_and_their_names(tmp_path: Path) -> None:
    files = {
        "cards/secret.md": card(title="Secret", visibility="private", milestones=[]),
        "cards/open.md": card(title="Open", milestones=[]),
        "notes/n.md": front_matter(
            {"type": "note", "title": "N", "date": "2026-04-01", "card": "secret"}
        ),
    }
    config_file = write_store(tmp_path, files, {"audience": "public"}, config=MATERIAL)
    build(load_config(config_file=str(config_file)))
    problems = _article(tmp_path / "site" / "growth" / "problems" / "index.html")
    assert "secret" not in problems
    assert "cards/open.md" in problems and "no milestones" in problems  # its own bytes: shown
    assert "notes/n.md" in problems and "details are not shown on a public site" in problems


def test_nav_listing_a_private_page_warns_in_build_and_validate(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, run_cli
) -> None:
    nav = {"nav": [{"Home": "index.md"}, {"Cards": [{"Secret": "cards/secret.md"}]}]}
    files = {"index.md": "# Home\n", "cards/secret.md": SECRET}
    config_file = write_store(tmp_path, files, {"audience": "public"}, config={**SITE, **nav})
    log = _build(config_file, caplog)
    expected = "nav links to private document cards/secret.md"
    assert f"mkdocs.yml: {expected}" in log
    result = run_cli("validate", "-f", config_file, "--strict")
    assert result.code == 1 and f"mkdocs.yml: warning: {expected}" in result.out
    with pytest.raises(Abort):
        _build(config_file, caplog, strict=True)


def test_a_public_build_leaves_the_cached_entries_whole(tmp_path: Path) -> None:
    """Entries are cached across builds (mkdocs serve): the public view copies, never edits."""
    feedback = [{"date": "2026-04-20", "from": "Mentor Mo"}]
    files = {"cards/a.md": card(feedback=feedback), "cards/secret.md": SECRET}
    config_file = write_store(tmp_path, files, config=MATERIAL)
    text = config_file.read_text(encoding="utf-8")
    for audience in ("public", "internal"):
        config_file.write_text(text.replace("growth: {}", f"growth: {{audience: {audience}}}"))
        build(load_config(config_file=str(config_file)))
        header = _article(tmp_path / "site" / "cards" / "a" / "index.html")
        assert ("Mentor Mo" in header) is (audience == "internal")
        secret = tmp_path / "site" / "cards" / "secret" / "index.html"
        assert secret.is_file() is (audience == "internal")


# --- failing closed (issue 22) ------------------------------------------------------------

FAIL_CLOSED_FILES = {
    "index.md": "# Home\n",
    "team/.meta.yml": "visibility: private\n",
    "team/plans.md": "# Team plans\n",
    "week.md": front_matter({"title": "Week", "visiblity": "private"}, "# Week\n"),
    "cards/typo.md": front_matter({"type": "Card", "title": "Typo", "tags": ["hushed"]}),
    "cards/open.md": card(title="Open", Feedback="between us"),
}


def _pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("index.html")}


@pytest.mark.parametrize(
    "plugins",
    [
        ["search", "tags", "meta"],  # Material's meta plugin merges the folder's file
        ["search", "tags"],  # without it the file still says what the author wants
    ],
)
def test_a_folder_made_private_by_its_meta_file_is_left_out(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, plugins: list[str]
) -> None:
    options = {"audience": "public", "private_fields": ["feedback", "tags"]}
    config_file = write_store(tmp_path, FAIL_CLOSED_FILES, options, config=MATERIAL)
    _set_plugins(config_file, [*plugins, {"growth": options}])
    log = _build(config_file, caplog)
    pages = _pages(tmp_path / "site")
    assert "index.html" in pages and "cards/typo/index.html" in pages
    assert "team/plans/index.html" not in pages and "week/index.html" not in pages
    assert "docs/week.md:3: visiblity: 'private' looks like a misspelt 'visibility'" in log
    assert "docs/cards/open.md:" in log and "'Feedback' looks like the private field" in log
    site = "".join(p.read_text(errors="replace") for p in (tmp_path / "site").rglob("*.*"))
    assert "hushed" not in site and "between us" not in site and "Team plans" not in site


def test_the_meta_plugins_own_file_name_is_honoured(tmp_path: Path) -> None:
    files = {
        "index.md": "# Home\n",
        "team/folder.yml": "visibility: private\n",
        "team/a.md": "# A\n",
    }
    config_file = write_store(tmp_path, files, {"audience": "public"}, config=MATERIAL)
    plugins = ["search", {"meta": {"meta_file": "folder.yml"}}, {"growth": {"audience": "public"}}]
    _set_plugins(config_file, plugins)
    build(load_config(config_file=str(config_file)))
    pages = _pages(tmp_path / "site")
    assert "index.html" in pages and "team/a/index.html" not in pages


def test_fail_closed_warnings_fail_strict_builds_and_validate_agrees(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, run_cli
) -> None:
    options = {"audience": "public", "private_fields": ["feedback", "tags"]}
    config_file = write_store(tmp_path, FAIL_CLOSED_FILES, options, config=MATERIAL)
    log = _build(config_file, caplog)
    result = run_cli("validate", "-f", config_file)
    assert _growth_lines(result.out) == _growth_lines(log) != set()
    assert "misspelt 'visibility'" in result.out and "unknown type 'Card'" in result.out
    assert run_cli("validate", "-f", config_file, "--strict").code == 1
    with pytest.raises(Abort):
        _build(config_file, caplog, strict=True)


HOOK = """
from mkdocs.plugins import event_priority

@event_priority(10)  # after growth set the metadata, before growth checks it again
def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri == "late.md":
        page.meta["visibility"] = "private"
"""


def test_a_page_another_plugin_makes_private_fails_the_build(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    files = {"index.md": "# Home\n", "late.md": "# Late\n"}
    config_file = write_store(tmp_path, files, {"audience": "public"}, config=MATERIAL)
    (tmp_path / "hook.py").write_text(HOOK, encoding="utf-8")
    text = config_file.read_text(encoding="utf-8") + "hooks: [hook.py]\n"
    config_file.write_text(text, encoding="utf-8")
    with pytest.raises(Abort) as raised:  # not published, whatever the log level
        _build(config_file, caplog)
    assert "late.md: its metadata says visibility: 'private'" in str(raised.value) + caplog.text
    internal = text.replace("audience: public", "audience: internal")
    config_file.write_text(internal, encoding="utf-8")
    _build(config_file, caplog)  # an internal site publishes it


def _set_plugins(config_file: Path, plugins: list[Any]) -> None:
    settings = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    settings["plugins"] = plugins
    config_file.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")


def test_growth_and_materials_meta_plugin_agree_on_which_pages_a_meta_file_covers(
    tmp_path: Path,
) -> None:
    """Material applies `team/.meta.yml` to every path that starts with `team`, as written."""
    files = {"index.md": "# Home\n", "team/.meta.yml": "visibility: private\n"}
    files |= {"team/a.md": "# A\n", "teamwork/b.md": "# B\n", "other/c.md": "# C\n"}
    config_file = write_store(tmp_path, files, {"audience": "public"}, config=MATERIAL)
    _set_plugins(config_file, ["search", "meta", {"growth": {"audience": "public"}}])
    build(load_config(config_file=str(config_file)))  # growth's last check would stop it
    pages = _pages(tmp_path / "site")
    assert "other/c/index.html" in pages
    assert "team/a/index.html" not in pages and "teamwork/b/index.html" not in pages
