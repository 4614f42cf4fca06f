"""Link targets found in a page's Markdown, with their lines (``core.links``).

The audience check looks up every target a public page names, so a target
missed here is a private page linked unnoticed, and a wrong line a warning
that points elsewhere. Each form is pinned with what must and must not count.
"""

from __future__ import annotations

import pytest

from mkdocs_growth.core.links import link_targets


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # inline links and images: up to whitespace or ')', or inside <...> (spaces allowed)
        ("[a](one.md)", ["one.md"]),
        ("[a]( \t<my page.md>)", ["my page.md"]),
        ("![i](\tpic.png 'title')", ["pic.png"]),
        ("[a](<>) [b]()", []),
        # reference definitions: at a line start, indented at most three spaces
        ("[id]: ref.md", ["ref.md"]),
        ("   [id]:\t<my ref.md>", ["my ref.md"]),
        ("    [id]: code.md", []),
        ("see [id]: inline.md", []),
        ("[id]: <>", []),
        # autolinks: only to pages, with an anchor or query
        (
            "<page.md> <a.markdown#part> <b.html?q=1> <c.png> <https://x.org>",
            ["page.md", "a.markdown#part", "b.html?q=1"],
        ),
        ("<https://x.org/a.md>", ["https://x.org/a.md"]),
        # HTML attributes: href and src, any case, any quoting, spaces around '='
        ("src='s.png'", ["s.png"]),
        ('<a HREF = "h.md">', ["h.md"]),
        ("<img Src=u.png>", ["u.png"]),
        ('<a href        ="far.md">', ["far.md"]),
        ('<a data-href="d.md" xsrc="x.png" href="">', []),
    ],
)
def test_each_form_of_link_counts_and_its_look_alikes_do_not(
    text: str, expected: list[str]
) -> None:
    assert [target for _, target in link_targets(text)] == expected


def test_targets_come_in_text_order_with_their_lines_once_per_line() -> None:
    text = (
        '<a href="first.md">[x](second.md)</a>\n'
        "\n"
        "\n"
        "[x](same.md) [y](same.md) <same.md>\n"
        "[z](same.md)\n"
        "[ref]: last.md\n"
    )
    assert link_targets(text) == [
        (1, "first.md"),
        (1, "second.md"),
        (4, "same.md"),
        (5, "same.md"),
        (6, "last.md"),
    ]


def test_a_reference_on_the_line_after_a_leading_newline_counts() -> None:
    assert link_targets("\n[ref]: a.md\n") == [(2, "a.md")]


def test_a_text_without_links_has_no_targets() -> None:
    assert link_targets("") == []
    assert link_targets("plain [text] and (parens) and a <b>tag</b>\n") == []
