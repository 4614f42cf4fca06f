"""A hostile store built end to end with ``mkdocs build`` (Material, search).

The documents (``tests/fixtures/hostile``) put markup, script URLs, Markdown
and attr_list injection, table breakers, path traversal, duplicate ids, YAML
bombs and Python tags into every front-matter field. The site is built once
per module; the tests then read the HTML the way a browser would.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml
from conftest import FIXTURES, built_once
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_growth.cli import main
from mkdocs_growth.cli.settings import load_settings
from mkdocs_growth.core.store import Store
from mkdocs_growth.practice.store import open_store

HOSTILE = FIXTURES / "hostile"
SITE_NAME = "Hostile store"  # config is the author's: only document data is hostile
OPTIONS = {
    "today": "2026-05-01",
    "domains": [{"id": "observability", "title": "Observability <b>bold</b>"}],
    "limits": {"max_file_bytes": 64 * 1024},
}
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
SCRIPT_URL = ("javascript:", "vbscript:", "data:")
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "srcset", "poster"}
FORBIDDEN_TAGS = {"script", "iframe", "object", "embed", "style", "img", "base", "form", "meta"}
# Written here rather than kept in git: odd bytes and names some checkouts cannot hold.
RUNTIME_FILES: dict[str, bytes] = {
    "cards/bom-crlf.md": (
        "\ufeff---\r\ntype: card\r\ntitle: 'BOM + CRLF <script>alert(1)</script>'\r\n"
        "domain: observability\r\nhorizon: 2026-Q2\r\ngoal: Windows editors are fine.\r\n"
        "scores: {impact: 2, effort: 2, reusability: 2, learnings: 2}\r\nmilestones:\r\n"
        "  - {title: one, done_when: done}\r\n  - {title: two, done_when: done}\r\n"
        "  - {title: three, done_when: done}\r\n---\r\n\r\nMARKER-bom-crlf\r\n"
    ).encode(),
    "notes/non-utf8.md": b"---\ntype: note\ntitle: caf\xe9\ndate: 2026-04-19\n---\n\nMARKER-non-utf8\n",
    'notes/"><img src=x onerror=alert(1)>.md': (
        b"---\ntype: note\nid: hostile-file-name\ntitle: A hostile file name\n"
        b"date: 2026-04-20\n---\n\nMARKER-hostile-file-name\n"
    ),
    "cards/<script>.md": b"---\ntype: playbook\ntitle: No id, and a stem that is none\n---\n\nMARKER-script-stem\n",
    "notes/pipe|tick`](javascript:x).md": (
        b"---\ntype: playbook\ntitle: Pipe, backtick and a link in the file name\n---\n\n"
        b"MARKER-pipe-name\n"
    ),
    "notes/new\nline.md": b"---\ntype: playbook\ntitle: A newline in the file name\n---\n\nMARKER-newline-name\n",
    "notes/odd #?% name.md": (
        b"---\ntype: note\nid: odd-name\ntitle: Odd file name\ndate: 2026-04-21\n---\n\nMARKER-odd-name\n"
    ),
    "limits/long-string.md": (
        b"---\ntype: playbook\ntitle: '" + b"x" * 25_000 + b"'\n---\n\nMARKER-long-string\n"
    ),
    "limits/long-list.md": (
        b"---\ntype: playbook\ntitle: many tags\ntags: ["
        + b", ".join([b"t"] * 600)
        + b"]\n---\n\nMARKER-long-list\n"
    ),
    "limits/oversize.md": b"MARKER-oversize\n\n" + (b"filler line of an oversize page\n" * 2200),
}


@dataclass
class Built:
    root: Path
    docs: Path
    site: Path
    sentinel: Path
    store: Store
    before: dict[str, str]
    after: dict[str, str]
    outside_before: set[str]
    outside_after: set[str]

    def pages(self) -> dict[str, str]:
        return {
            str(p.relative_to(self.site)): p.read_text("utf-8") for p in self.site.rglob("*.html")
        }


def _tree(root: Path, skip: Path | None = None) -> dict[str, str]:
    """Every file and folder under ``root`` (symlinks not followed) with a content hash."""
    out = {}
    for path in sorted(root.rglob("*")):
        if skip is not None and (path == skip or skip in path.parents):
            continue
        rel = str(path.relative_to(root))
        if path.is_symlink() or not path.is_file():
            out[rel] = "dir" if path.is_dir() else "other"
        else:
            out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def _escape_targets() -> set[str]:
    """Names a traversal could have created next to the usual targets."""
    names = set()
    for folder in ("/tmp", "/etc", os.getcwd()):
        with contextlib.suppress(OSError):
            names |= {f"{folder}/{n}" for n in os.listdir(folder) if "growth-escape" in n}
    return names


@pytest.fixture(scope=built_once)
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = tmp_path_factory.mktemp("hostile")
    sentinel = root / "sentinel"
    sentinel.mkdir()
    (sentinel / "keep.txt").write_text("untouched\n")
    docs = root / "docs"
    for source in (HOSTILE / "docs").rglob("*.md"):
        target = docs / source.relative_to(HOSTILE / "docs")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(source.read_bytes().replace(b"@SENTINEL@", str(sentinel).encode()))
    for name, content in RUNTIME_FILES.items():
        target = docs / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    config = {
        "site_name": SITE_NAME,
        "site_url": "https://example.com/hostile/",
        "docs_dir": "docs",
        "site_dir": "site",
        "theme": {"name": "material"},
        # Material's tags plugin reads `tags` from front matter too: growth tags are data.
        # Material's tags plugin reads `tags` from front matter too: growth tags are data.
        "plugins": ["search", "tags", {"growth": OPTIONS}],
        "markdown_extensions": ["admonition", "attr_list", "md_in_html", "tables", "toc"],
    }
    config_file = root / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    site = root / "site"
    before, outside_before = _tree(root), _escape_targets()
    build(load_config(config_file=str(config_file)))
    settings = load_settings(str(config_file))
    store = open_store(settings.docs_dir, settings.growth, settings.config_file)
    return Built(
        root,
        docs,
        site,
        sentinel,
        store,
        before,
        _tree(root, skip=site),
        outside_before,
        _escape_targets(),
    )


def test_the_fixture_is_as_hostile_as_advertised(built: Built) -> None:
    documents = [e for e in built.store.entries if e.path != "index.md"]
    assert len(documents) >= 33
    assert len(built.store.errors) >= 30
    assert built.store.valid, "some hostile documents are valid and must be indexed"


# --- nothing written outside site_dir, nothing executed -----------------------


def test_nothing_is_written_outside_site_dir(built: Built) -> None:
    new = set(built.after) - set(built.before)
    assert new == set(), f"written outside site_dir: {sorted(new)}"
    changed = {p for p in built.before if built.after.get(p) != built.before[p]}
    assert changed == set(), f"changed outside site_dir: {sorted(changed)}"
    assert built.outside_after == built.outside_before


def test_no_yaml_tag_ran_code(built: Built) -> None:
    assert sorted(p.name for p in built.sentinel.iterdir()) == ["keep.txt"]


def test_no_site_file_is_named_after_a_traversal(built: Built) -> None:
    for path in built.site.rglob("*"):
        assert "growth-escape" not in path.name
        assert path.resolve().is_relative_to(built.site.resolve())
    assert not (built.site / "etc").exists()


# --- nothing injected ----------------------------------------------------------


class _Page(HTMLParser):
    """Elements of one page, split into the main content (Material's article) and the rest.

    Only ``<article>`` tags move the content boundary, so stray end tags that a
    broken page might contain cannot end it early.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.articles = 0  # > 0 inside <article>
        self.content: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.everywhere: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.scripts: list[str] = []
        self.title = ""
        self.nav_links: list[str] = []
        self._current = ""
        self._svg = 0
        self._navs = 0
        self._link_text: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.everywhere.append((tag, attrs))
        if self.articles:
            self.content.append((tag, attrs))
        self.articles += tag == "article"
        self._navs += tag == "nav"
        self._svg += tag == "svg"
        if tag == "a" and self._navs:
            self._link_text = []
        self._current = tag

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.everywhere.append((tag, attrs))
        if self.articles:
            self.content.append((tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        self.articles -= tag == "article" and self.articles > 0
        self._navs -= tag == "nav" and self._navs > 0
        self._svg -= tag == "svg" and self._svg > 0
        if tag == "a" and self._link_text is not None:
            self.nav_links.append(" ".join("".join(self._link_text).split()))
            self._link_text = None
        self._current = ""

    def handle_data(self, data: str) -> None:
        if self._current == "script":
            self.scripts.append(data)
        elif self._current == "title" and not self._svg:  # the page's, not a chart's
            self.title += data
        if self._link_text is not None:
            self._link_text.append(data)


def parse_page(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


def _script_url(value: str | None) -> bool:
    cleaned = "".join(ch for ch in (value or "") if ch > " ").lower()
    return cleaned.startswith(SCRIPT_URL)


def test_main_content_holds_no_element_or_attribute_from_a_document(built: Built) -> None:
    pages = built.pages()
    assert len(pages) >= 40
    for name, html in pages.items():
        page = parse_page(html)
        for tag, attrs in page.content:
            assert tag not in FORBIDDEN_TAGS, (name, tag, attrs)
            for attr, value in attrs:
                assert not attr.startswith("on"), (name, tag, attr, value)
                if attr in URL_ATTRS or attr.startswith("xlink"):
                    assert not _script_url(value), (name, tag, attr, value)
                if attr == "style":
                    assert "expression" not in (value or "") and "url(" not in (value or "")


def test_whole_pages_have_only_the_themes_scripts(built: Built) -> None:
    for name, html in built.pages().items():
        page = parse_page(html)
        for tag, attrs in page.everywhere:
            for attr, value in attrs:
                assert not attr.startswith("on"), (name, tag, attr, value)
                if attr in URL_ATTRS:
                    assert not _script_url(value), (name, tag, attr, value)
            if tag == "script":
                src = dict(attrs).get("src")
                assert src is None or "assets/javascripts/" in src, (name, src)
        for script in page.scripts:
            assert "alert(" not in script, (name, script[:200])


def _valid_titles(built: Built) -> dict[str, str]:
    """Page path in the site -> the literal title of each valid growth document."""
    out = {}
    for entry in built.store.valid:
        assert entry.doc is not None
        stem = entry.path[: -len(".md")]
        out[f"{stem}/index.html"] = entry.doc.title
    return out


def test_titles_show_literally_in_title_and_nav(built: Built) -> None:
    titles = _valid_titles(built)
    hostile = {p: t for p, t in titles.items() if "<" in t or "`" in t or "|" in t}
    assert len(hostile) >= 6
    index = parse_page((built.site / "index.html").read_text("utf-8"))
    for path, title in titles.items():
        title = CONTROL.sub("", title)  # NUL, BEL, ESC are not shown
        shown = " ".join(title.split())
        page = parse_page((built.site / path).read_text("utf-8"))
        assert page.title == f"{title} - {SITE_NAME}", path
        assert shown in index.nav_links, (path, shown)


def test_search_index_titles_are_escaped_text(built: Built) -> None:
    index = json.loads((built.site / "search" / "search_index.json").read_text("utf-8"))
    for doc in index["docs"]:
        for field in ("title", "text"):
            assert "<script" not in doc[field].lower(), doc["location"]
            assert "<img" not in doc[field].lower(), doc["location"]


def test_material_status_and_icon_are_not_read_from_cards(built: Built) -> None:
    html = (built.site / "cards" / "xss-everywhere" / "index.html").read_text("utf-8")
    assert "md-status" not in html  # Material's page-status badge


# --- nothing lost --------------------------------------------------------------


def _markers(built: Built) -> dict[str, str]:
    out = {}
    for path in built.docs.rglob("*.md"):
        text = path.read_bytes().decode("utf-8", "replace")
        found = [w for w in text.split() if w.startswith("MARKER-")]
        assert len(found) == 1, path
        out[str(path.relative_to(built.docs))] = found[0]
    return out


def test_every_body_is_published(built: Built) -> None:
    markers = _markers(built)
    assert len(markers) == len(built.store.entries)
    published = "\n".join(built.pages().values())
    missing = {path: m for path, m in markers.items() if m not in published}
    assert missing == {}


def test_every_problem_is_on_the_problems_page(built: Built) -> None:
    html = (built.site / "growth" / "problems" / "index.html").read_text("utf-8")
    rows = _table_rows(html)
    assert len(rows) == len(built.store.problems)
    for problem, row in zip(built.store.problems, rows, strict=True):
        severity, path, line, message = row
        assert severity == problem.severity.value
        assert path == " ".join(problem.path.split())  # a newline in a file name shows as a space
        assert line == (str(problem.line) if problem.line else "")
        assert message == " ".join(problem.message.split()), problem


class _Rows(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag == "td":
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "td" and self._cell is not None:
            self.rows[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _table_rows(html: str) -> list[list[str]]:
    parser = _Rows()
    parser.feed(html)
    return [row for row in parser.rows if row]


# --- the findings themselves ---------------------------------------------------


def _problems_of(built: Built, path: str) -> list[str]:
    return [f"{p.line}: {p.message}" for p in built.store.problems if p.path == path]


@pytest.mark.parametrize(
    ("path", "needles"),
    [
        ("cards/traversal.md", ["3: id:", "5: domain:", "6: horizon:", "9: related #1"]),
        ("notes/traversal-note.md", ["5: card:", "6: domain:", "7: horizon:"]),
        ("playbooks/absolute-id.md", ["3: id:"]),
        ("notes/dup-a.md", ["duplicate id 'same-id': also used by notes/dup-b.md"]),
        ("notes/dup-b.md", ["duplicate id 'same-id': also used by notes/dup-a.md"]),
        ("yaml/billion-laughs.md", ["alias bomb"]),
        ("yaml/python-apply.md", ["3: YAML tag !!python/object/apply:os.system is not allowed"]),
        ("yaml/python-new.md", ["5: YAML tag !!python/object/new:subprocess.Popen"]),
        ("yaml/python-name.md", ["5: YAML tag !!python/name:os.system"]),
        ("yaml/self-alias.md", ["5: alias *loop refers to itself"]),
        ("yaml/deep-nesting.md", ["nesting deeper than 32"]),
        ("notes/lone-surrogate.md", ["3: "]),
        ("notes/non-utf8.md", ["3: file is not valid UTF-8"]),
        ("broken/unclosed.md", ["1: front matter opened with '---' is never closed"]),
        ("broken/list-front-matter.md", ["front matter must be a mapping"]),
        ("limits/long-string.md", ["25,000 characters", "limits.max_string_length"]),
        ("limits/long-list.md", ["600 items", "limits.max_list_items"]),
        ("limits/oversize.md", ["limits.max_file_bytes"]),
        ("cards/<script>.md", ["file name '<script>' is not a valid id"]),
    ],
)
def test_hostile_input_is_reported_at_its_line(built: Built, path: str, needles: list[str]) -> None:
    found = _problems_of(built, path)
    assert found, f"{path}: no problem reported"
    for needle in needles:
        assert any(needle in p for p in found), (needle, found)


def test_every_script_url_is_refused(built: Built) -> None:
    found = [p for p in _problems_of(built, "cards/bad-urls.md") if "artifacts #" in p]
    assert len(found) == 8, found


def test_valid_hostile_documents_are_indexed(built: Built) -> None:
    valid = {e.path for e in built.store.valid}
    expected = {
        "cards/xss-everywhere.md",
        "cards/bom-crlf.md",
        "notes/xss-note.md",
        "notes/template-syntax.md",
        "notes/unicode.md",
        'notes/"><img src=x onerror=alert(1)>.md',
        "notes/odd #?% name.md",
        "decisions/xss-decision.md",
        "talks/xss-talk.md",
        "playbooks/xss-playbook.md",
        "retros/xss-retro.md",
    }
    assert expected <= valid, expected - valid


def test_cli_reports_the_same_problems_without_a_traceback(
    built: Built, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["validate", "-f", str(built.root / "mkdocs.yml"), "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 1
    assert "Traceback" not in out + err
    reported = json.loads(out)
    assert len(reported) == len(built.store.problems)


def test_a_second_build_is_identical(built: Built, tmp_path: Path) -> None:
    """Hostile input does not make the output depend on anything but the input."""
    copy = tmp_path / "again"
    shutil.copytree(built.root, copy, ignore=shutil.ignore_patterns("site"))
    build(load_config(config_file=str(copy / "mkdocs.yml")))
    first = _tree(built.site)
    second = _tree(copy / "site")
    assert set(first) == set(second)
    differ = [p for p in first if first[p] != second[p] and not p.endswith((".gz", ".xml"))]
    assert differ == []


def test_generate_writes_only_into_its_out_folder(built: Built, tmp_path: Path) -> None:
    out = tmp_path / "out"
    before = _tree(built.root)
    code = main(["generate", "-f", str(built.root / "mkdocs.yml"), "--out", str(out)])
    assert code == 0
    assert _tree(built.root) == before
    written = [p for p in out.rglob("*") if p.is_file()]
    assert written, "generate wrote nothing"
    for path in written:
        assert path.resolve().is_relative_to(out.resolve())
        assert "growth-escape" not in str(path)
        if path.suffix == ".md":
            text = path.read_text("utf-8").lower()
            assert "<script" not in text and "<img" not in text, path


def test_exports_keep_hostile_data_exactly_and_parse(built: Built) -> None:
    """growth.json is data, not HTML: every valid document in it with its text unchanged."""
    exported = json.loads((built.site / "growth.json").read_text("utf-8"))
    by_path = {d["path"]: d for d in exported["documents"]}
    for entry in built.store.valid:
        assert entry.doc is not None
        assert by_path[entry.path]["title"] == entry.doc.title
    assert len(exported["problems"]) == len(built.store.problems)
    for name in ("sitemap.xml", "growth/feed.xml"):
        ElementTree.parse(built.site / name)  # hostile titles and file names stay well-formed


def test_no_control_character_reaches_a_page(built: Built) -> None:
    """NUL, BEL, ESC from front matter are not text: HTML has no place for them."""
    found = {
        name: sorted({f"U+{ord(c):04X}" for c in CONTROL.findall(html)})
        for name, html in built.pages().items()
        if CONTROL.search(html)
    }
    assert found == {}
