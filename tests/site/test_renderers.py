"""The two renderers of page models: same blocks, HTML for the plugin, Markdown for generate.

Each block is rendered both ways and the Markdown is put through
Python-Markdown: the text must match the HTML renderer's, and document text
must never turn into markup on either side.
"""

from __future__ import annotations

import datetime as dt
import re
from html import unescape

import markdown
import pytest

from mkdocs_growth.site.blocks import (
    Bullets,
    Code,
    CodeBlock,
    Em,
    Facts,
    Group,
    Heading,
    Link,
    Markup,
    Notice,
    Page,
    Para,
    Quote,
    Rule,
    Strong,
    Table,
    Tasks,
    Url,
    prose,
)
from mkdocs_growth.site.context import SiteContext
from mkdocs_growth.site.escape import html_text
from mkdocs_growth.site.to_html import render as to_html
from mkdocs_growth.site.to_markdown import render as to_markdown
from mkdocs_growth.site.to_markdown import render_page

HERE = "growth/priorities.md"
HOSTILE = "- <b>x</b> | **y** [z](javascript:1) {: .c } `q` 1. & é 漢"
EXTENSIONS = ["tables", "fenced_code", "admonition", "pymdownx.tasklist", "attr_list", "md_in_html"]


def ctx(**kw: object) -> SiteContext:
    settings: dict[str, object] = {
        "today": dt.date(2026, 5, 1),
        "page_urls": {"cards/a.md": "cards/a/", HERE: "growth/priorities/"},
        "markdown_extensions": frozenset(EXTENSIONS),
    }
    return SiteContext(**{**settings, **kw})  # type: ignore[arg-type]


def text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


BLOCKS = [
    Heading(2, HOSTILE),
    Para([Strong("Goal:"), " ", HOSTILE, " ", Em(HOSTILE), " ", Code("id-1")]),
    Para(
        [Link(HOSTILE, "cards/a.md", fragment="top"), " · ", Url("site", "https://x.test/?a=1&b=2")]
    ),
    Table(("#", HOSTILE), [("1", HOSTILE), ("2", [Link("a", "cards/a.md"), " and ", Code("b")])]),
    Bullets(
        [HOSTILE, "- starts like a list", "1. starts like one too", [Strong("bold"), " first"]]
    ),
    Tasks([(True, [Strong("Read"), ": done when ", HOSTILE]), (False, "later")]),
    Notice("warning", HOSTILE, [Para(HOSTILE)]),
    Quote([Para(HOSTILE)]),
    CodeBlock("```\nkey: value\n```", "yaml"),
    Markup('<div class="chart"><svg role="img"><title>t</title></svg></div>'),
    Group("growth-card-header", [Para("inside"), Rule()]),
    Facts([(HOSTILE, HOSTILE), ("Domain", [Link(HOSTILE, "cards/a.md"), " (", Code("x"), ")"])]),
]


@pytest.mark.parametrize("block", BLOCKS, ids=lambda b: type(b).__name__)
def test_both_renderers_say_the_same(block: object) -> None:
    c = ctx()
    html = to_html([block], c, HERE)  # type: ignore[list-item]
    from_markdown = markdown.markdown(to_markdown([block], c, HERE), extensions=EXTENSIONS)  # type: ignore[list-item]
    assert text(html) == text(from_markdown)


@pytest.mark.parametrize("block", BLOCKS, ids=lambda b: type(b).__name__)
def test_document_text_never_becomes_markup(block: object) -> None:
    c = ctx()
    for html in (
        to_html([block], c, HERE),  # type: ignore[list-item]
        markdown.markdown(to_markdown([block], c, HERE), extensions=EXTENSIONS),  # type: ignore[list-item]
    ):
        assert "<b>" not in html and 'href="javascript' not in html and 'class="c"' not in html
        tags = set(re.findall(r"<(\w+)", html))
        assert tags <= {
            "h2",
            "p",
            "strong",
            "em",
            "code",
            "a",
            "table",
            "thead",
            "tbody",
            "tr",
            "th",
            "td",
            "ul",
            "ol",
            "li",
            "input",
            "div",
            "blockquote",
            "pre",
            "svg",
            "title",
            "hr",
            "span",
            "label",
            "dl",
            "dt",
            "dd",
        }


def test_links_follow_each_renderer_rule() -> None:
    block = Para([Link("card", "cards/a.md", fragment="top"), Link("here", "", fragment="x")])
    c = ctx()
    assert 'href="../../cards/a/#top"' in to_html([block], c, HERE)
    assert 'href="#x"' in to_html([block], c, HERE)
    assert "(../cards/a.md#top)" in to_markdown([block], c, HERE)
    assert "(#x)" in to_markdown([block], c, HERE)
    flat = ctx(use_directory_urls=False, page_urls={})
    assert 'href="../cards/a.html#top"' in to_html([block], flat, HERE)


def test_list_items_that_look_like_list_markers_stay_items() -> None:
    html = markdown.markdown(to_markdown([BLOCKS[4]], ctx(), HERE), extensions=EXTENSIONS)
    assert html.count("<li>") == 4 and "<ol>" not in html  # no nested list
    assert "<strong>bold</strong> first" in html  # strong text at an item's start intact


def test_html_stays_latin_1() -> None:
    """A character beyond Latin-1 would make Python store the whole page two bytes wide."""
    html = to_html(BLOCKS, ctx(), HERE)
    assert all(ord(ch) < 256 for ch in html)
    assert "&#28450;" in html and "é" in html  # 漢 as a reference, é as it is


def test_task_lists_follow_the_sites_settings() -> None:
    tasks = [BLOCKS[5]]
    plain = SiteContext(today=dt.date(2026, 5, 1))
    assert "&#9745;" in to_html(tasks, plain, HERE) and "checkbox" not in to_html(
        tasks, plain, HERE
    )
    assert "☑" in to_markdown(tasks, plain, HERE)
    custom = ctx(custom_checkboxes=True)
    assert 'class="task-list-control"' in to_html(tasks, custom, HERE)
    assert "- [x] " in to_markdown(tasks, ctx(), HERE)


def test_notices_follow_the_sites_settings() -> None:
    notice = [BLOCKS[6]]
    assert 'class="admonition warning"' in to_html(notice, ctx(), HERE)
    assert to_markdown(notice, ctx(), HERE).startswith("!!! warning ")
    plain = SiteContext(today=dt.date(2026, 5, 1))
    assert to_html(notice, plain, HERE).startswith("<blockquote>")
    assert to_markdown(notice, plain, HERE).startswith("> ")


def test_a_page_carries_its_title_escaped_in_front_matter() -> None:
    title = "</title><script>alert(2)</script> {{ 6*7 }}"
    source = render_page(Page(HERE, title, [Para("x")]), ctx())
    front, body = source.split("---\n", 2)[1:]
    shown = front.split(":", 1)[1].strip().strip("'\"")
    assert "<" not in shown and "{" not in shown
    assert unescape(shown) == title  # the browser shows it as typed
    assert body.lstrip().startswith("# ")
    assert html_text(title) != title  # (the title needed escaping at all)


def test_prose_reads_code_spans_only_in_our_own_text() -> None:
    assert prose("Run `mkdocs-growth new` now") == ["Run ", Code("mkdocs-growth new"), " now"]
