"""The competencies page in real MkDocs builds, and the framework file under `mkdocs serve`.

The store uses the 5-level, 8-theme test framework (level senior, target
staff). Assertions read the article, not the whole page: the navigation
links everywhere.
"""

from __future__ import annotations

import logging
import os
import re
import signal
import subprocess
import sys
import time
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from conftest import (
    MILESTONES,
    THEMES,
    assert_links_resolve,
    built_once,
    card,
    framework_yaml,
    free_port,
    front_matter,
    wait_for,
    write_framework_store,
)
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

DONE = [{**m, "status": "done"} for m in MILESTONES]
HOSTILE = "Talk <script>alert(1)</script> | [x](javascript:alert(2))"


def files() -> dict[str, str]:
    return {
        "index.md": "# Home\n",
        "cards/retries.md": card(
            title="Idempotent retries",
            date="2026-02-01",
            status="done",
            milestones=DONE,
            metrics=[{"name": "Double charges", "baseline": 4, "target": 0, "actual": 0}],
            rubric={"after": {"confidence": 4, "competence": 4, "impact": 4, "clarity": 4}},
            competencies=["staff/craft", "senior/craft"],
        ),
        "cards/budget.md": card(title="Latency budget", competencies=["staff-delivery"]),
        "talks/t.md": front_matter(
            {
                "type": "talk",
                "title": HOSTILE,
                "date": "2026-03-10",
                "competencies": ["staff/communication"],
            }
        ),
        "notes/n.md": front_matter(
            {
                "type": "note",
                "title": "Sampling",
                "date": "2026-04-20",
                "competencies": ["senior/decisions", "engineer/learning"],
            }
        ),
    }


def article(html: str) -> str:
    start = html.index("<article")
    return html[start : html.index("</article>", start)]


def text_of(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


@pytest.fixture(scope=built_once, params=[True, False], ids=["dirurls", "htmlurls"])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Any:
    tmp = tmp_path_factory.mktemp("competencies")
    config = write_framework_store(
        tmp,
        files(),
        {"today": "2026-05-20"},
        config={
            "use_directory_urls": request.param,
            "theme": {"name": "material"},
            "site_url": "https://example.com/",
        },
    )
    build(load_config(config_file=str(config), strict=True))
    name = "growth/competencies/index.html" if request.param else "growth/competencies.html"
    page = tmp / "site" / name
    return page, tmp / "site"


def test_one_section_per_theme_with_the_summary_count(site: Any) -> None:
    page, _ = site
    html = article(page.read_text(encoding="utf-8"))
    assert re.findall(r"<h2[^>]*>([^<]+)<", html) == [name for _, name in THEMES]
    text = text_of(html)
    assert "target level (Staff engineer): 2 of 8 themes have evidence" in text
    assert "current level (Senior engineer): 2 of 8 themes have evidence" in text


def test_rows_show_competencies_evidence_and_gaps(site: Any) -> None:
    page, _ = site
    html = article(page.read_text(encoding="utf-8"))
    sections = {}
    for part in html.split("<h2")[1:]:
        name = re.match(r"[^>]*>([^<]+)<", part)
        assert name is not None
        sections[name.group(1)] = part
    craft = text_of(sections["Technical craft"])
    assert "Senior engineer (current level) · Practitioner · senior-craft" in craft
    assert "Staff engineer (target level) · Practitioner · staff-craft" in craft
    assert craft.count("Idempotent retries · card, done · 2026-02-01") == 2
    assert "milestone done: Read the paper" in craft and "metric Double charges: 4 → 0" in craft
    delivery = text_of(sections["Delivery"])
    assert delivery.count("Gap: no evidence yet.") == 2
    assert "Planned: Latency budget · card, planned" in delivery
    learning = text_of(sections["Learning"])
    assert "Earlier levels: Junior engineer: no evidence · Engineer: 1 document." in learning
    # 8 themes x 2 levels = 16 competencies; evidence in 5 of them (craft x2, communication,
    # decisions, and delivery only planned).
    assert text_of(html).count("Gap: no evidence yet.") == 16 - 4


def test_evidence_links_resolve_to_the_documents(site: Any) -> None:
    page, root = site
    html = article(page.read_text(encoding="utf-8"))
    hrefs = re.findall(r'<a href="([^"#]+)"', html)
    assert len(hrefs) == 5  # retries x2, talk, note, budget (planned)
    assert_links_resolve(page, root, hrefs)


def test_document_text_is_escaped(site: Any) -> None:
    page, _ = site
    html = article(page.read_text(encoding="utf-8"))
    assert "<script" not in html and 'href="javascript' not in html.lower()
    assert HOSTILE in text_of(html)  # shown literally


def test_the_page_is_in_the_search_index(site: Any) -> None:
    _, root = site
    index = (root / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "growth/competencies" in index
    assert "Gap: no evidence yet." in unescape(index)


def _build(config: Path) -> None:
    build(load_config(config_file=str(config)))


def test_reference_errors_are_logged_with_file_and_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    note = front_matter(
        {"type": "note", "title": "N", "date": "2026-05-01", "competencies": ["staff/craftt"]}
    )
    config = write_framework_store(tmp_path, {"n.md": note}, {"strict": True})
    with caplog.at_level(logging.ERROR), pytest.raises((PluginError, Abort)):
        _build(config)
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "n.md:6: competencies #1: framework.yml has no competency 'staff/craftt'" in logged
    assert "(did you mean 'staff/craft'?)" in logged


def test_framework_errors_are_logged_next_to_mkdocs_yml(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = framework_yaml().replace("theme: craft", "theme: crafts", 1)
    config = write_framework_store(
        tmp_path,
        {"index.md": "# Home\n"},
        framework=broken,
        config={"theme": {"name": "material"}},
    )
    monkeypatch.chdir(tmp_path)
    with caplog.at_level(logging.ERROR):
        _build(config)
    logged = [r.getMessage() for r in caplog.records]
    # Relative to where the user runs mkdocs (here: next to mkdocs.yml), not to docs_dir.
    assert any(
        m.endswith(
            "growth: framework.yml:47: competencies #2: unknown theme 'crafts'"
            " (did you mean 'craft'?); themes: delivery, craft, operations, decisions,"
            " communication, collaboration, learning, mentoring"
        )
        for m in logged
    ), logged
    page = (tmp_path / "site" / "growth" / "competencies" / "index.html").read_text("utf-8")
    assert "has errors, so no evidence is shown" in text_of(article(page))


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"target_level": "stuff"}, "framework.yml has no level 'stuff' (did you mean 'staff'?)"),
        ({"framework": "nowhere.yml"}, "cannot read nowhere.yml"),
    ],
)
def test_bad_framework_options_are_config_errors(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, options: dict[str, str], expected: str
) -> None:
    config = write_framework_store(tmp_path, {"index.md": "# Home\n"}, options)
    with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises(Abort):
        load_config(config_file=str(config))
    assert expected in caplog.text


def test_serve_rebuilds_when_the_framework_file_changes(tmp_path: Path) -> None:
    """The framework lives outside docs_dir (here in its own folder): serve watches it too."""
    (tmp_path / "ladder").mkdir()
    (tmp_path / "ladder" / "framework.yml").write_text(framework_yaml(), encoding="utf-8")
    config = write_framework_store(tmp_path, files(), {"framework": "ladder/framework.yml"})
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(config)]
    command += ["-a", f"127.0.0.1:{port}"]
    server = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    url = f"http://127.0.0.1:{port}/growth/competencies/"
    try:
        wait_for(url, "Developing others", time.monotonic() + 120)
        path = tmp_path / "ladder" / "framework.yml"
        path.write_text(
            path.read_text("utf-8").replace("Developing others", "Growing people"), "utf-8"
        )
        html = wait_for(url, "Growing people", time.monotonic() + 120)
        assert "Developing others" not in html
    finally:
        server.send_signal(signal.SIGINT)
        try:
            _, err = server.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
            _, err = server.communicate()
    assert "Traceback" not in err, err
    assert "ladder/framework.yml" in err  # "Watching paths for changes: ..."
