"""Growth finds front matter exactly where MkDocs does (``mkdocs.utils.meta``).

MkDocs reads a page's metadata with ``get_data``: a fenced YAML block whose
closing line ends with a newline, else a MultiMarkdown-style ``key: value``
head. Growth may report more (an unclosed block, a block MkDocs would show as
text), but whenever MkDocs takes metadata from a file, growth has read the
same keys, so no title, status or tags reach a page unread.
"""

from __future__ import annotations

import datetime as dt
import io
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from mkdocs_growth.core.frontmatter import Block, split
from mkdocs_growth.core.options import Limits
from mkdocs_growth.core.parse import Entry, parse_entry
from mkdocs_growth.site.context import SiteContext
from mkdocs_growth.site.pages.card_header import broken_page

LIMITS = Limits()
XSS = "<img src=x onerror=alert(1)>"
CTX = SiteContext(today=dt.date(2026, 5, 1))


def mkdocs_reads(raw: bytes) -> tuple[str, dict]:
    """Body and metadata as MkDocs gets them from a file (``File.content_string``, then ``get_data``).

    ``open(path, encoding="utf-8-sig")`` is a text wrapper with universal newlines.
    """
    text = io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8-sig", errors="strict").read()
    return get_data(text)


def growth_reads(raw: bytes, path: str = "notes/page.md") -> Entry:
    return parse_entry(path, raw, LIMITS)


def shown_meta(entry: Entry) -> dict:
    """The metadata growth takes from the file: none when it reports the block as broken."""
    return {} if entry.front_matter_broken or not entry.meta else entry.meta


def assert_agrees(raw: bytes) -> None:
    """Same metadata keys as MkDocs, or an error whose page hands MkDocs no metadata."""
    _, mkdocs_meta = mkdocs_reads(raw)
    entry = growth_reads(raw)
    if entry.front_matter_broken:
        assert any(p.is_error for p in entry.problems), entry.problems
        replacement = broken_page(entry, entry.problems, CTX, entry.text)
        assert get_data(replacement)[1] == {}, "the page shown instead must carry no metadata"
        return
    # Growth keeps a plain key as its text (`1:`, `yes:` are names); MkDocs' string keys are
    # the ones themes and plugins read, and both see the same number of keys.
    growth_meta = shown_meta(entry)
    assert len(growth_meta) == len(mkdocs_meta), (entry.meta, mkdocs_meta)
    assert {k for k in mkdocs_meta if isinstance(k, str)} <= set(growth_meta), (
        entry.meta,
        mkdocs_meta,
    )
    if isinstance(mkdocs_meta.get("title"), str):
        assert shown_meta(entry)["title"] == mkdocs_meta["title"]


# --- the four shapes the trial found ------------------------------------------

NOTE = "type: note\ntitle: '<img src=x onerror=alert(1)>'\ndate: 2026-04-01\n"


def test_block_opening_with_a_comment_is_front_matter() -> None:
    raw = f"---\n# reviewed weekly\n{NOTE}---\n\nBody\n".encode()
    assert mkdocs_reads(raw)[1]["title"] == XSS
    entry = growth_reads(raw)
    assert entry.doc is not None and entry.doc.title == XSS
    assert_agrees(raw)


def test_block_opening_with_a_complex_key_is_front_matter() -> None:
    raw = (
        b"---\n? title\n: '<img src=x onerror=alert(1)>'\ntype: note\ndate: 2026-04-01\n---\nBody\n"
    )
    assert mkdocs_reads(raw)[1]["title"] == XSS
    entry = growth_reads(raw)
    assert entry.doc is not None and entry.doc.title == XSS
    assert_agrees(raw)


def test_closing_delimiter_on_the_last_line_without_newline_is_reported_with_the_fix() -> None:
    raw = f"---\n{NOTE}---".encode()
    body, meta = mkdocs_reads(raw)
    assert meta == {} and "title:" in body  # MkDocs shows the block as text
    entry = growth_reads(raw)
    assert entry.doc is None and entry.kind is None  # never listed as a document
    assert entry.front_matter_broken
    [problem] = entry.problems
    assert problem.is_error and problem.line == 5
    assert "newline" in problem.message
    assert_agrees(raw)


def test_dots_closing_on_the_last_line_is_reported_too() -> None:
    entry = growth_reads(f"---\n{NOTE}...  ".encode())
    assert entry.front_matter_broken and "newline" in entry.problems[0].message


def test_prose_between_rules_at_the_end_stays_text() -> None:
    entry = growth_reads(b"---\nJust a line between two rules\n---")
    assert not entry.front_matter_broken and not entry.problems and entry.meta is None


def test_multimarkdown_head_is_front_matter() -> None:
    raw = b"Title: <img src=x onerror=alert(1)>\nSummary: a page\n    on two lines\n\nBody\n"
    body, meta = mkdocs_reads(raw)
    assert meta == {"title": XSS, "summary": "a page on two lines"} and body == "Body\n"
    entry = growth_reads(raw)
    assert entry.meta == meta and entry.body == "Body\n" and not entry.problems
    assert_agrees(raw)


def test_multimarkdown_growth_document_is_read_and_told_to_use_a_yaml_block() -> None:
    raw = b"Type: note\nTitle: Unfenced\nDate: 2026-04-01\n\nBody\n"
    entry = growth_reads(raw)
    assert entry.is_growth and entry.meta == {
        "type": "note",
        "title": "Unfenced",
        "date": "2026-04-01",
    }
    hint = [p for p in entry.problems if "---" in p.message]
    assert hint and hint[0].line == 1, entry.problems
    assert entry.line("date") == 3


def test_a_first_line_with_a_colon_is_metadata_to_mkdocs_and_growth() -> None:
    raw = b"Note: the first line of this page is metadata to MkDocs.\n\nBody\n"
    assert mkdocs_reads(raw)[1] == {"note": "the first line of this page is metadata to MkDocs."}
    assert growth_reads(raw).meta == {"note": "the first line of this page is metadata to MkDocs."}


def test_empty_and_comment_only_blocks_carry_no_metadata() -> None:
    for raw in (b"---\n\n---\nBody\n", b"---\n# only a comment\n---\nBody\n", b"---\n---\nBody\n"):
        assert mkdocs_reads(raw)[1] == {}
        entry = growth_reads(raw)
        assert entry.meta is None and not entry.problems, raw
        assert entry.body == entry.text  # the rules stay on the page, as MkDocs shows them


def test_unclosed_block_opening_with_a_comment_is_reported() -> None:
    entry = growth_reads(b"---\n# a comment first\ntype: note\ntitle: T\n\nBody\n")
    assert entry.front_matter_broken and "never closed" in entry.problems[0].message


def test_body_line_follows_the_closing_delimiter() -> None:
    found = split("---\ntitle: x\n---\n\n# Heading\n")
    assert found.block is Block.CLOSED and found.yaml == "title: x\n"
    assert found.body == "\n# Heading\n" and found.body_line == 4


# --- the property -------------------------------------------------------------

SCALE = float(os.environ.get("GROWTH_PROPERTY_SCALE", "1"))

KEYS = [
    "title",
    "type",
    "tags",
    "status",
    "date",
    "Title",
    "x-y",
    "a b",
    "1",
    "off",
    "null",
    "2026-01-01",
    "ö",
]
# (not "yes" or "on": to PyYAML they are True, one key with 1.)
VALUES = [
    "plain words",
    "'<img src=x onerror=alert(1)>'",
    '"Macro probe {{ 6*7 }}"',
    "2026-04-01",
    "42",
    "[a, b]",
    "{k: v}",
    "''",
    "",
    "note",
    "'# not a comment'",
    "value # trailing comment",
]
MM_KEYS = ["Title", "type", "Tags", "x_y", "a-1", "DATE", "  title", "   Summary"]
blank = st.just("")
comment = st.sampled_from(["# a comment", "  # indented comment", "#", "# title: hidden"])
prose = st.sampled_from(["Just some prose", "Hello, world", "- a list item", "key:value", "---x"])


@st.composite
def yaml_block_lines(draw: st.DrawFn) -> list[str]:
    keys = draw(st.lists(st.sampled_from(KEYS), unique=True, max_size=5))
    lines: list[str] = []
    for key in keys:
        lines += draw(st.lists(st.one_of(blank, comment), max_size=2))
        value = draw(st.sampled_from(VALUES))
        written = f"'{key}'" if " " in key or key == "ö" else key
        shape = draw(st.sampled_from(["plain", "complex", "list"]))
        if shape == "complex":
            lines += [f"? {written}", f": {value}"]
        elif shape == "list":
            lines += [f"{written}:", "  - one", "  - 'two'"]
        else:
            lines.append(f"{written}: {value}")
    if draw(st.booleans()):
        lines.insert(draw(st.integers(0, len(lines))), draw(prose))
    return lines


@st.composite
def fenced(draw: st.DrawFn) -> str:
    opener = "---" + draw(st.sampled_from(["", " ", "\t", "  "]))
    lines = draw(st.one_of(yaml_block_lines(), st.lists(st.one_of(blank, comment), max_size=3)))
    closer = draw(st.sampled_from(["---", "...", "--- ", "...\t", "----", None]))
    ending = draw(st.sampled_from(["\n", "", "\n\n", "\nBody text\n", "\n# Heading\n\n---\n"]))
    head = "\n".join([opener, *lines])
    if closer is None:
        return head + ending
    return f"{head}\n{closer}{ending}"


@st.composite
def multimarkdown(draw: st.DrawFn) -> str:
    lines = []
    for _ in range(draw(st.integers(1, 4))):
        key = draw(st.sampled_from(MM_KEYS))
        lines.append(f"{key}:{draw(st.sampled_from([' value', '', ' <b>x</b>', '  spaced ']))}")
        if draw(st.booleans()):
            lines.append(draw(st.sampled_from(["    more text", "\tmore", "        deep"])))
    after = draw(st.sampled_from(["\n\nBody\n", "\n# Heading\n", "\nplain line\n", "", "\n"]))
    return "\n".join(lines) + after


plain_page = st.sampled_from(["# Heading\n\nText\n", "\n---\ntitle: x\n---\n", "", "Text only"])


@st.composite
def source_bytes(draw: st.DrawFn) -> bytes:
    text = draw(st.one_of(fenced(), multimarkdown(), plain_page))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    text = text.replace("\n", newline)
    bom = "\ufeff" if draw(st.booleans()) else ""
    return (bom + text).encode("utf-8")


@settings(
    max_examples=max(1, int(400 * SCALE)),
    deadline=2000,
    derandomize=bool(os.environ.get("CI")),
    suppress_health_check=[HealthCheck.too_slow],
)
@given(source_bytes())
def test_growth_and_mkdocs_agree_on_metadata_keys(raw: bytes) -> None:
    assert_agrees(raw)
