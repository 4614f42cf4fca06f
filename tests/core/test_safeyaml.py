"""Safe YAML (tags, aliases, merges, duplicates, depth, bombs, line numbers) and the front-matter split."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from mkdocs_growth.core import safeyaml
from mkdocs_growth.core.frontmatter import Block, normalize, split
from mkdocs_growth.core.safeyaml import YamlError, load


def fails(text: str, **kwargs: int) -> YamlError:
    with pytest.raises(YamlError) as caught:
        load(text, **kwargs)
    return caught.value


# -- values -----------------------------------------------------------------------------


def test_standard_scalars_become_python_values() -> None:
    data = load(
        "s: text\ni: 42\nf: 2.5\nb: true\nn: null\nd: 2026-04-01\n"
        "t: 2026-04-01 10:30:00\nq: '42'\neq: =\nlit: |\n  two\n  lines\n"
    ).data
    assert data == {
        "s": "text",
        "i": 42,
        "f": 2.5,
        "b": True,
        "n": None,
        "d": dt.date(2026, 4, 1),
        "t": dt.datetime(2026, 4, 1, 10, 30),
        "q": "42",
        "eq": "=",
        "lit": "two\nlines\n",
    }


def test_an_impossible_date_stays_text_for_the_model_to_report() -> None:
    assert load("date: 2026-02-30").data == {"date": "2026-02-30"}


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("a: 1\nb: !!int abc\n", 4, "invalid int value 'abc'"),
        ("b: !!float 1.2.3\n", 3, "invalid float value '1.2.3'"),
    ],
)
def test_a_value_its_tag_cannot_read_is_an_error_quoting_it(
    text: str, line: int, message: str
) -> None:
    problem = fails(text, first_line=3)
    assert (problem.line, problem.message) == (line, message)


def test_anchored_keys_stay_names_and_anchored_values_keep_their_type() -> None:
    data = load("&k on: &v 3\nlist: [&i 4, *i]\nother: *v\n&n null: x\n").data
    assert data == {"on": 3, "list": [4, 4], "other": 3, "null": "x"}


def test_an_empty_document_is_none() -> None:
    assert load("").data is None
    assert load("# only a comment\n").data is None


@pytest.mark.parametrize(
    ("text", "value"),
    [("a: !!str 12", "12"), ("a: !!int '3'", 3), ("a: ! 12", "12"), ("a: !!map {b: 1}", {"b": 1})],
)
def test_standard_explicit_tags_are_allowed(text: str, value: object) -> None:
    assert load(text).data == {"a": value}


# -- tags -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("a: 1\nb: !!python/object:os.system {}", "!!python/object:os.system"),
        ("a: 1\nb: !!python/object/apply:os.system [ls]", "!!python/object/apply:os.system"),
        ("a: 1\nb: !!python/object/new:os.system [ls]", "!!python/object/new:os.system"),
        ("a: 1\nb: !!python/name:os.system", "!!python/name:os.system"),
        ("a: 1\nb: !!python/tuple [1, 2]", "!!python/tuple"),
        ("a: 1\nb: !!binary aGk=", "!!binary"),
        ("a: 1\nb: !!set {x}", "!!set"),
        ("a: 1\nb: !include other.yml", "!include"),
        ("a: 1\nb: !ENV [HOME]", "!ENV"),
        ("a: 1\nb: !<tag:example.com,2000:app/x> y", "tag:example.com,2000:app/x"),
    ],
)
def test_any_other_tag_is_refused_with_its_line(text: str, shown: str) -> None:
    problem = fails(text, first_line=10)
    assert problem.line == 11
    assert problem.message == f"YAML tag {shown} is not allowed (standard tags only)"


def test_a_refused_tag_constructs_nothing(tmp_path) -> None:
    target = tmp_path / "pwned"
    fails(f"x: !!python/object/apply:os.system ['touch {target}']")
    assert not target.exists()


# -- aliases and merges -----------------------------------------------------------------


def test_aliases_repeat_a_value() -> None:
    assert load("a: &x [1, 2]\nb: *x").data == {"a": [1, 2], "b": [1, 2]}


def test_an_alias_without_anchor_is_an_error() -> None:
    problem = fails("a: 1\nb: *nowhere")
    assert (problem.line, problem.message) == (2, "alias *nowhere has no anchor")


def test_a_self_referencing_alias_is_an_error_not_a_loop() -> None:
    problem = fails("a: &x\n  - 1\n  - *x\n")
    assert problem.line == 3
    assert "refers to itself" in problem.message


def test_merge_keys_fill_in_without_overriding() -> None:
    text = "base: &b {x: 1, y: 2}\nother: &o {z: 3}\nc:\n  <<: [*b, *o]\n  y: 9\n"
    assert load(text).data["c"] == {"x": 1, "y": 9, "z": 3}


def test_merging_a_scalar_is_an_error() -> None:
    problem = fails("a: &s text\nb:\n  <<: *s\n")
    assert problem.line == 3
    assert "'<<' merge needs a mapping" in problem.message


def test_an_alias_bomb_fails_fast_with_its_line() -> None:
    layers = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        layers.append(f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]")
    start = time.perf_counter()
    problem = fails("\n".join(layers), first_line=2)
    assert time.perf_counter() - start < 1.0
    assert problem.line == 7  # the layer where the expansion passes 100,000 values
    assert "alias bomb" in problem.message


def test_a_long_plain_list_is_not_called_an_alias_bomb() -> None:
    problem = fails("tags: [" + ", ".join(["x"] * 60) + "]\n", max_nodes=50)
    assert "more than 50 values" in problem.message
    assert "alias" not in problem.message


def test_the_value_budget_counts_alias_expansion() -> None:
    text = "a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9]\nb: [*a, *a, *a]\n"
    # root + 2 keys + a (list + 9 items) + b (list + 3 aliases x 10 values) = 44
    assert load(text, max_nodes=44).data["b"][2] == list(range(1, 10))
    assert "more than 43 values" in fails(text, max_nodes=43).message


# -- duplicates, keys, documents --------------------------------------------------------


def test_keys_are_names_even_when_yaml_would_read_another_type() -> None:
    text = "on: a\nyes: b\n1: c\ntrue: d\nnull: e\n2026-01-01: f\n&k 2.5: g\nx: {3: h}\n"
    loaded = load(text)
    assert list(loaded.data) == ["on", "yes", "1", "true", "null", "2026-01-01", "2.5", "x"]
    assert loaded.data["x"] == {"3": "h"}
    assert loaded.lines[("2026-01-01",)] == 6
    assert loaded.lines[("x", "3")] == 8


def test_the_same_name_twice_is_a_duplicate_however_it_is_quoted() -> None:
    assert fails("1: a\n'1': b\n").message == "duplicate key '1'"


def test_duplicate_keys_are_an_error_at_the_second_key() -> None:
    problem = fails("title: a\ntags: []\ntitle: b\n", first_line=2)
    assert (problem.line, problem.message) == (4, "duplicate key 'title'")


def test_nested_duplicate_keys_are_an_error_too() -> None:
    assert fails("scores:\n  impact: 1\n  impact: 2\n").line == 3


def test_a_collection_as_key_is_an_error() -> None:
    assert "must be a plain value" in fails("? [a, b]\n: c\n").message


def test_a_second_document_is_an_error() -> None:
    problem = fails("a: 1\n---\nb: 2\n")
    assert (problem.line, problem.message) == (2, "only one YAML document is allowed here")
    assert str(problem) == "only one YAML document is allowed here"


def test_a_lone_surrogate_is_an_error() -> None:
    """Not valid Unicode, so it could not be written back as UTF-8 HTML."""
    assert fails('a: 1\nb: "\\ud800"').line == 2


# -- depth ------------------------------------------------------------------------------


def nested_flow(depth: int) -> str:
    return "a: " + "[" * (depth - 1) + "]" * (depth - 1)


def test_thirty_two_levels_are_fine_thirty_three_are_not() -> None:
    assert load(nested_flow(32)).data is not None
    problem = fails(nested_flow(33), first_line=5)
    assert (problem.line, problem.message) == (5, "nesting deeper than 32 levels")


@pytest.mark.parametrize(
    "text",
    [
        "deep: " + "[" * 5000 + "]" * 5000,
        "deep: " + "{a: " * 5000 + "1" + "}" * 5000,
        "deep:\n" + "- " * 5000 + "x\n",
    ],
    ids=["flow-sequences", "flow-mappings", "block-sequences"],
)
def test_five_thousand_levels_fail_fast_without_recursion_error(text: str) -> None:
    start = time.perf_counter()
    problem = fails(text, first_line=3)
    assert time.perf_counter() - start < 1.0
    assert problem.message == "nesting deeper than 32 levels"
    assert problem.line in (3, 4)


def test_the_depth_limit_is_configurable() -> None:
    assert fails(nested_flow(5), max_depth=4).message == "nesting deeper than 4 levels"


# -- line numbers -----------------------------------------------------------------------


def test_every_key_and_item_has_its_line() -> None:
    text = (
        "title: x\n"  # 2
        "milestones:\n"  # 3
        "  - title: one\n"  # 4
        "    done_when: shipped\n"  # 5
        "  - title: two\n"  # 6
        "scores: {impact: 1,\n"  # 7
        "  effort: 2}\n"  # 8
        "tags: [a, b]\n"  # 9
    )
    loaded = load(text, first_line=2)
    assert loaded.lines[("title",)] == 2
    assert loaded.lines[("milestones", 0)] == 4
    assert loaded.lines[("milestones", 0, "done_when")] == 5
    assert loaded.lines[("milestones", 1)] == 6
    assert loaded.lines[("scores", "effort")] == 8
    assert loaded.lines[("tags", 1)] == 9


@pytest.mark.parametrize("odd_break", ["\x85", "\u2028", "\u2029"])
def test_lines_count_newlines_only_like_editors_and_mkdocs(odd_break: str) -> None:
    """YAML also breaks lines at NEL, LS and PS; file:line messages must not."""
    loaded = load(f"a: 1{odd_break}b: 2\nc: 3\n", first_line=2)
    assert loaded.lines[("c",)] == 3
    assert all(2 <= line <= 3 for line in loaded.lines.values())
    problem = fails(f"a: 1{odd_break}b: [x\n", first_line=2)
    assert problem.line == 2


def test_each_line_after_an_odd_break_keeps_its_file_line() -> None:
    loaded = load("a: 1\nb: 2\x85c: 3\nd: 4\ne: 5", first_line=2)
    assert loaded.lines == {("a",): 2, ("b",): 3, ("c",): 3, ("d",): 4, ("e",): 5}


def test_a_stray_carriage_return_among_odd_breaks_stays_on_its_file_line() -> None:
    """YAML breaks at CR too; front matter never holds one (normalised), but load must not fail."""
    loaded = load("a: 1\x85b: 2\rc: 3", first_line=2)
    assert (loaded.data, loaded.lines) == (
        {"a": 1, "b": 2, "c": 3},
        {("a",): 2, ("b",): 2, ("c",): 2},
    )


def test_line_of_falls_back_to_the_closest_known_parent() -> None:
    loaded = load("a: 1\nm:\n  - x: 1\n", first_line=2)
    assert loaded.line_of(("m", 0, "missing")) == 4
    assert loaded.line_of(("nothing",), default=7) == 7


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("a: 1\ntags: [one, two\n", 3, "the list [ ... ] is not closed with ']'"),
        (
            "a: [b,\n  c\n",
            2,
            "the list [ ... ] is not closed with ']' (or lacks a ',' between items)",
        ),
        ("a: 'open\n", 2, "a quoted value is never closed: add the closing quote"),
        ("a: b: c\n", 2, "the value of 'a' contains ': ': put the value in quotes"),
        ("a:\n  - b\n c: d\n", 4, "does not continue the mapping that begins on line 2"),
        ("a: 1\n\tb: 2\n", 3, "a tab indents this line: YAML indents with spaces only"),
    ],
)
def test_syntax_errors_point_at_a_line_of_the_block(text: str, line: int, message: str) -> None:
    problem = fails(text, first_line=2)
    assert problem.line == line
    assert problem.message.startswith("YAML syntax error: ")
    assert message in problem.message
    assert "while " not in problem.message, "the parser's jargon ('while scanning ...')"


QUOTE_ENDS = "a quoted value must end at its closing quote ('it''s' or \"it's\")"
INDENTED = (
    "this line is indented under a value, not under a key:"
    " line it up with the keys above, or quote the value if it goes on"
)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("a: 1\n\tb: 2\n", 3, "a tab indents this line: YAML indents with spaces only"),
        (
            "list:\n  - key: `x`\n",
            3,
            "a value cannot start with '`' (YAML reserves it): put the value in quotes, like \"`x`\"",
        ),
        (
            "a: @" + "x" * 50 + "\n",
            2,
            "a value cannot start with '@' (YAML reserves it): put the value in quotes,"
            ' like "@' + "x" * 39 + '"',
        ),
        (
            "list:\n  - a: b: c\n",
            3,
            "the value of 'a' contains ': ': put the value in quotes, like - a: \"b: c\"",
        ),
        ("a: b:\n", 2, "the value of 'a' contains ': ': put the value in quotes, like a: \"b:\""),
        (
            "a: @x:y\n",
            2,
            "a value cannot start with '@' (YAML reserves it): put the value in quotes, like \"@x:y\"",
        ),
        (
            "Xkey: b: c\n",
            2,
            "the value of 'Xkey' contains ': ': put the value in quotes, like Xkey: \"b: c\"",
        ),
        (
            "a: b: " + "c" * 50 + "\n",
            2,
            "the value of 'a' contains ': ': put the value in quotes,"
            ' like a: "b: ' + "c" * 37 + '"',
        ),
        ("a: b\n  c: d\n", 3, INDENTED),
        ("a: 'open\n", 2, "a quoted value is never closed: add the closing quote"),
        (
            'a: "x\n  \\q"\n',
            3,
            "found unknown escape character (in the part that begins on line 2)",
        ),
        ('a: "\\q"\n', 2, "found unknown escape character"),
        (
            "a: {b: 1\n",
            2,
            "the mapping { ... } is not closed with '}' (or lacks a ',' between its"
            " 'key: value' pairs)",
        ),
        ("a: 1\nb\n", 3, "this line is not a 'key: value' pair: add ': ' after the key"),
        ("a: 1\nb\nc\n", 4, "line 3 is not a 'key: value' pair: add ': ' after the key"),
        (
            "a:\n  - b\n c: d\n",
            4,
            "this line does not continue the mapping that begins on line 2: check its"
            " indentation (list items go under their key, indented by 2)",
        ),
        ("a: 'it's'\n", 2, f"this line does not continue the mapping: {QUOTE_ENDS}"),
        ('a: "it"s"\n', 2, f"this line does not continue the mapping: {QUOTE_ENDS}"),
        (
            "x: 1\na: 'it's'\n",
            3,
            f"this line does not continue the mapping that begins on line 2: {QUOTE_ENDS}",
        ),
        ("a: | x\n", 2, "'|' or '>' must end its line; the text goes on the indented lines below"),
        ("a: ? b\n", 2, "'?' starts a complex key in YAML: put the value in quotes"),
    ],
)
def test_syntax_errors_are_told_in_whole_sentences(text: str, line: int, message: str) -> None:
    problem = fails(text, first_line=2)
    assert (problem.line, problem.message) == (line, f"YAML syntax error: {message}")


def test_plain_values_are_resolved_once_per_distinct_text() -> None:
    safeyaml._resolve_plain.cache_clear()
    load("a: [3, 3, 3, 3, active, active]")
    info = safeyaml._resolve_plain.cache_info()
    assert (info.misses, info.hits) == (3, 4)  # a, 3, active


# -- front matter split -----------------------------------------------------------------


def test_normalize_drops_a_bom_and_turns_crlf_and_cr_into_lf() -> None:
    assert normalize("\ufeff---\r\na: 1\r---\n") == "---\na: 1\n---\n"


@pytest.mark.parametrize(
    ("text", "block", "body_line"),
    [
        ("---\ntype: note\n---\n# Body\n", Block.CLOSED, 4),
        ("---\ntype: note\n...\n# Body\n", Block.CLOSED, 4),
        ("---\n---\n# Body\n", Block.NONE, 1),  # MkDocs' block holds at least one line
        ("---\ntype: note\n# never closed\n", Block.UNCLOSED, 1),
        ("---\n- a list\n", Block.UNCLOSED, 1),
        ("---\nA rule, then prose.\n", Block.NONE, 1),
        # Where MkDocs sees a block; parse_entry reads this one as the text MkDocs shows
        ("---\nA rule, prose, another rule.\n---\n", Block.CLOSED, 4),
        ("---\ntype: note\n---", Block.AT_END, 4),
        ("Type: note\nTitle: T\n\n# Body\n", Block.MULTIMARKDOWN, 4),
        ("# Title\n---\ntype: note\n---\n", Block.NONE, 1),
        ("--- \ntype: note\n---  \n", Block.CLOSED, 4),
    ],
)
def test_split_finds_the_block_like_mkdocs(text: str, block: Block, body_line: int) -> None:
    found = split(text)
    assert found.block is block
    assert found.body_line == body_line
    if block is Block.NONE:
        assert found.body == text


def test_line_map_only_when_a_message_needs_it() -> None:
    """Valid documents skip the line map (memory, time); a problem still gets its line."""
    from conftest import card

    from mkdocs_growth.core.options import Limits
    from mkdocs_growth.core.parse import parse_entry

    valid = parse_entry("cards/a.md", card().encode(), Limits())
    assert valid.doc is not None and not valid.problems and valid.lines is None
    assert valid.line("scores", "effort") == valid.text.splitlines().index("  effort: 3") + 1
    bad = parse_entry("cards/b.md", card(scores={"impact": 9}).encode(), Limits())
    assert [p.line for p in bad.problems if "impact" in p.message] == [
        bad.text.splitlines().index("  impact: 9") + 1
    ]
