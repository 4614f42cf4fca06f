"""Front-matter edits keep every byte they do not mean to change.

Examples first (each style an edit must keep), then a property test:
Hypothesis writes valid cards in odd but legal formatting — flow and block
collections, quoted keys, extra spaces after ``:``, comments and blank
lines between keys, 2- or 4-space indentation, lists at the key's column or
indented, CRLF, a BOM — and every card edit must change only the lines of
what it sets, keep the rest byte for byte, and give a card that validates.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import re
from typing import Any

import pytest
from conftest import assert_only_lines_of, line_changes
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_growth.core.frontmatter_edit import Append, EditError, Set, apply_to_data, edit
from mkdocs_growth.core.model import Card
from mkdocs_growth.core.options import Limits
from mkdocs_growth.core.parse import parse_entry
from mkdocs_growth.practice import card_edits as edits

DAY = dt.date(2026, 11, 24)


def run(text: str | bytes, *ops: Set | Append) -> str:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    new = edit(raw, ops)
    assert_only_lines_of(raw, new, ops)
    return new.decode("utf-8")


# -- examples: the style around an edit is the style of the edit ------------------------


def test_scalar_keeps_its_comment_and_spacing() -> None:
    text = "---\ntype: card\nstatus:   planned   # planned | active\n---\nbody\n"
    assert run(text, Set(("status",), "active")) == (
        "---\ntype: card\nstatus:   active   # planned | active\n---\nbody\n"
    )


@pytest.mark.parametrize("quote", ["'", '"'])
def test_quoted_scalar_stays_quoted_the_same_way(quote: str) -> None:
    text = f"---\ntype: card\n{quote}status{quote}: {quote}planned{quote}\n---\n"
    assert f"{quote}status{quote}: {quote}active{quote}\n" in run(text, Set(("status",), "active"))


def test_missing_key_goes_after_the_last_one_at_its_indentation() -> None:
    text = (
        "---\ntype: card\nmilestones:\n    -   title: a\n        done_when: b\n"
        "        # trailing comment\n---\n"
    )
    out = run(text, Set(("milestones", 0, "status"), "active"))
    assert "        done_when: b\n        status: active\n        # trailing comment\n" in out


def test_flow_mapping_gets_the_key_inside_its_braces() -> None:
    text = "---\ntype: card\nmilestones:\n  - { title: a, done_when: b }\n---\n"
    out = run(text, Set(("milestones", 0, "status"), "done"))
    assert "  - { title: a, done_when: b, status: done }\n" in out


def test_append_to_flow_lists_empty_and_not() -> None:
    assert "reviewed: [2026-11-24]\n" in run("---\nreviewed: []\n---\n", Append(("reviewed",), DAY))
    assert "reviewed: [ 2026-01-02, 2026-11-24 ]\n" in run(
        "---\nreviewed: [ 2026-01-02 ]\n---\n", Append(("reviewed",), DAY)
    )


def test_append_to_block_list_at_the_key_column() -> None:
    text = "---\nreviewed:\n- 2026-01-02\nconcepts:\n- x\n---\n"
    assert "reviewed:\n- 2026-01-02\n- 2026-11-24\nconcepts:" in run(
        text, Append(("reviewed",), DAY)
    )


def test_new_list_follows_the_files_list_indentation() -> None:
    text = "---\ntype: card\nconcepts:\n    - x\n---\n"
    out = run(text, Append(("feedback",), {"date": DAY, "from": "Ana"}))
    assert out.endswith(
        "concepts:\n    - x\nfeedback:\n    - date: 2026-11-24\n      from: Ana\n---\n"
    )


def test_null_value_gets_a_block_below_its_key() -> None:
    out = run("---\nrubric: ~  # later\nx: 1\n---\n", Set(("rubric", "before"), {"impact": 2}))
    assert out == "---\nrubric:  # later\n  before:\n    impact: 2\nx: 1\n---\n"
    out = run("---\nreviewed:\nx: 1\n---\n", Append(("reviewed",), DAY))
    assert out == "---\nreviewed:\n  - 2026-11-24\nx: 1\n---\n"


def test_block_scalar_replaced_keeps_following_blank_lines() -> None:
    text = "---\nstatus: |\n  planned\n\nx: 1\n---\n"
    out = run(text, Set(("status",), "done"))
    assert out == "---\nstatus: done\n\nx: 1\n---\n"


def test_crlf_and_bom_are_kept_and_new_lines_use_crlf() -> None:
    raw = "\ufeff---\r\ntype: card\r\nstatus: planned\r\n---\r\n\r\nBody\r\n".encode()
    out = edit(raw, [Set(("status",), "active"), Append(("reviewed",), DAY)])
    assert (
        out
        == (
            "\ufeff---\r\ntype: card\r\nstatus: active\r\nreviewed:\r\n  - 2026-11-24\r\n"
            "---\r\n\r\nBody\r\n"
        ).encode()
    )


def test_text_that_yaml_would_read_otherwise_is_quoted() -> None:
    values = ["yes", "2026-11-24", "#1", "a: b", "3", "null", "- x", "'q'", "x #y", "é ✓", "a\nb"]
    for value in values:
        out = run("---\nfeedback: []\n---\n", Append(("feedback",), {"from": value}))
        assert out.count("\n") == 3  # one line: flow list, one entry
    out = run("---\nk: 1\n---\n", Set(("from",), "plain words"))
    assert "from: plain words\n" in out


def test_aliases_are_refused() -> None:
    text = "---\nbase: &b planned\nstatus: *b\n---\n"
    with pytest.raises(EditError, match="aliases"):
        edit(text.encode(), [Set(("status",), "active")])


@pytest.mark.parametrize(
    "text",
    [
        "no front matter\n",
        "---\ntype: card\n",
        "---\n- a list\n---\n",
        "---\nkey: [unclosed\n---\n",
    ],
)
def test_no_usable_front_matter_is_an_edit_error(text: str) -> None:
    with pytest.raises(EditError):
        edit(text.encode(), [Set(("status",), "active")])


def test_a_value_of_another_shape_is_an_edit_error() -> None:
    with pytest.raises(EditError, match="not a list"):
        edit(b"---\nreviewed: 2026-01-01\n---\n", [Append(("reviewed",), DAY)])
    with pytest.raises(EditError, match="single value"):
        edit(b"---\nrubric: good\n---\n", [Set(("rubric", "before"), {"impact": 1})])


def test_apply_to_data_does_not_touch_its_input() -> None:
    meta: dict[str, Any] = {"rubric": {"before": {"impact": 1}}, "reviewed": []}
    out = apply_to_data(
        meta, [Set(("rubric", "before"), {"clarity": 2}), Append(("reviewed",), DAY)]
    )
    assert out == {"rubric": {"before": {"impact": 1, "clarity": 2}}, "reviewed": [DAY]}
    assert meta == {"rubric": {"before": {"impact": 1}}, "reviewed": []}


def test_line_changes_sees_a_changed_line_ending() -> None:
    assert line_changes(b"a\r\nb\r\n", b"a\nb\r\n") == ({1}, [])


@pytest.mark.parametrize(
    ("text", "op", "expected"),
    [
        ("---\ntags:\n  -\n  - b\n---\n", Set(("tags", 0), ["x"]), "tags:\n  - [x]\n  - b\n"),
        (
            "---\ntags:\n  - ~\n  - b\n---\n",
            Set(("tags", 0), {"x": "y"}),
            "tags:\n  - {x: y}\n  - b\n",
        ),
        ("---\nk: {a: ~, b: 1}\n---\n", Set(("k", "a"), ["x", "y"]), "k: {a: [x, y], b: 1}\n"),
        ("---\nk: {a: , b: 1}\n---\n", Set(("k", "a"), ["x"]), "k: {a: [x], b: 1}\n"),
    ],
    ids=["empty-item", "null-item", "null-in-flow", "empty-in-flow"],
)
def test_a_null_list_item_or_flow_value_is_filled_in_place(
    text: str, op: Set, expected: str
) -> None:
    """No key to hang a block below: the list or mapping goes where the null was, in flow style."""
    assert run(text, op) == f"---\n{expected}---\n"


def test_a_null_value_gets_every_key_or_item_on_its_own_line() -> None:
    out = run("---\nk:\n  a:\n---\n", Set(("k", "a"), {"x": 1, "y": 2}))
    assert out == "---\nk:\n  a:\n    x: 1\n    y: 2\n---\n"
    out = run("---\nk:\n  a: ~\n---\n", Set(("k", "a"), ["x", "y"]))
    assert out == "---\nk:\n  a:\n    - x\n    - y\n---\n"


@pytest.mark.parametrize(
    ("op", "message"),
    [
        (Set(("m",), "x"), "m is a list; cannot replace it"),
        (Set(("k",), "x"), "k is a mapping; cannot replace it"),
        (Append(("k",), "x"), "k is a mapping, not a list"),
        (Append(("t",), "x"), "t is a single value, not a list"),
        (Set(("t",), ["x"]), "t is a single value, not a list"),
        (Set(("t",), {"x": 1}), "t is a single value, not a mapping"),
    ],
)
def test_a_value_of_another_shape_names_both_shapes(op: Set | Append, message: str) -> None:
    with pytest.raises(EditError) as caught:
        edit(b"---\nm:\n  - a\nk: {a: 1}\nt: x\n---\n", [op])
    assert str(caught.value) == message


def test_text_is_double_quoted_with_every_special_character_escaped() -> None:
    value = 'say "hi" \\ a\tb\nc\x01\x85\ufeff X'
    out = run("---\nk: 1\n---\n", Set(("k",), value))
    assert out == '---\nk: "say \\"hi\\" \\\\ a\\tb\\nc\\u0001\\u0085\\ufeff X"\n---\n'


def test_a_character_editors_hide_is_escaped_even_where_plain_would_read_back() -> None:
    assert run("---\nk: 1\n---\n", Set(("k",), "a\ufeffb")) == '---\nk: "a\\ufeffb"\n---\n'


@pytest.mark.parametrize("surrogate", ["\ud800", "\udfff"])
def test_a_lone_surrogate_cannot_be_written(surrogate: str) -> None:
    with pytest.raises(EditError) as caught:
        edit(b"---\nk: 1\n---\n", [Set(("k",), "a" + surrogate)])
    assert str(caught.value) == "the text holds a character that is not valid Unicode"


def test_new_values_are_plain_where_their_context_reads_them_back() -> None:
    """`a, b` is plain text in a block value but two items in a flow list: quoted only there."""
    out = run(
        "---\nk: 1\n---\n",
        Set(("n",), "a, b"),
        Set(("e",), {}),
        Set(("l",), []),
        Set(("m",), ["x", "y"]),
    )
    assert out == "---\nk: 1\nn: a, b\ne: {}\nl: []\nm:\n  - x\n  - y\n---\n"
    out = run(
        "---\nk:\n  - a\n---\n", Append(("k",), "a, b"), Append(("k",), ["x"]), Append(("k",), {})
    )
    assert out == "---\nk:\n  - a\n  - a, b\n  - [x]\n  - {}\n---\n"
    out = run("---\nk: []\n---\n", Append(("k",), {"a": "x", "b": ["y", "z"], "c": "p, q"}))
    assert out == '---\nk: [{a: x, b: [y, z], c: "p, q"}]\n---\n'


@pytest.mark.parametrize(
    "op", [Set(("k",), {"a": "x, y", "new": 2}), Set(("k", "a"), "x, y")], ids=["mapping", "key"]
)
def test_a_value_set_inside_a_flow_mapping_is_quoted_for_flow(op: Set) -> None:
    expected = '{a: "x, y", new: 2}' if isinstance(op.value, dict) else '{a: "x, y"}'
    assert run("---\nk: {a: 1}\n---\n", op) == f"---\nk: {expected}\n---\n"


@pytest.mark.parametrize(
    ("before", "after"),
    [("{}", "{a: 1}"), ("{c}", "{c, a: 1}"), ("{c: 2, d}", "{c: 2, d, a: 1}")],
    ids=["empty", "key-only", "key-only-last"],
)
def test_a_key_added_to_a_flow_mapping_goes_inside_its_braces(before: str, after: str) -> None:
    assert run(f"---\nk: {before}\n---\n", Set(("k", "a"), 1)) == f"---\nk: {after}\n---\n"


def test_a_new_key_is_written_plain_or_refused_by_name() -> None:
    assert run("---\nk: 1\n---\n", Set(("Next_step-2",), "x")) == "---\nk: 1\nNext_step-2: x\n---\n"
    with pytest.raises(EditError) as caught:
        edit(b"---\nk: 1\n---\n", [Set(("a b",), "x")])
    assert str(caught.value) == "cannot write the key 'a b'"


def test_a_mapping_set_on_a_mapping_replaces_and_adds_keys() -> None:
    out = run("---\nk:\n  a: 1\n---\n", Set(("k",), {"a": "changed", "new": 2}))
    assert out == "---\nk:\n  a: changed\n  new: 2\n---\n"
    out = run("---\nt: x\nrubric:\n  before: ~\n---\n", Set(("rubric",), {"before": {"impact": 2}}))
    assert out == "---\nt: x\nrubric:\n  before:\n    impact: 2\n---\n"


def test_an_appended_mapping_is_indented_like_the_lists_first_item() -> None:
    """The file's other list (4 spaces after the dash) does not decide this list's indentation."""
    text = "---\na:\n  - x: 1\nb:\n  -   y: 1\n---\n"
    out = run(text, Append(("a",), {"x": 3, "y": 4}))
    assert out == "---\na:\n  - x: 1\n  - x: 3\n    y: 4\nb:\n  -   y: 1\n---\n"


def test_an_empty_or_null_value_is_filled_on_its_own_line() -> None:
    assert run("---\nstatus:\nx: 1\n---\n", Set(("status",), "active")) == (
        "---\nstatus: active\nx: 1\n---\n"
    )
    out = run("---\nx: 1\nrubric:   ~\ny: 1\n---\n", Set(("rubric", "before"), {"impact": 2}))
    assert out == "---\nx: 1\nrubric:\n  before:\n    impact: 2\ny: 1\n---\n"
    out = run("---\nx: 1\nreviewed:   \ny: 1\n---\n", Append(("reviewed",), DAY))
    assert out == "---\nx: 1\nreviewed:   \n  - 2026-11-24\ny: 1\n---\n"


@pytest.mark.parametrize(
    ("op", "message"),
    [
        (Set(("k",), {"a": ["x"]}), "k.a is a single value, not a list"),
        (Set(("l", 0), {"a": 1}), "l #1 is a single value, not a mapping"),
        (Set(("milestones", 0, "title"), "a"), "no list item 0 to set"),
    ],
)
def test_a_nested_edit_that_cannot_be_made_names_its_path(op: Set, message: str) -> None:
    with pytest.raises(EditError) as caught:
        edit(b"---\nk:\n  a: x\nl:\n  - x\n---\n", [op])
    assert str(caught.value) == message


def test_apply_to_data_merges_nested_mappings_and_shares_nothing_with_the_operations() -> None:
    meta: dict[str, Any] = {"rubric": {"before": {"impact": 1}, "after": {"x": 1}}}
    value: dict[str, Any] = {"before": {"clarity": 2}, "after": 3, "notes": {"x": [1]}}
    out = apply_to_data(meta, [Set(("rubric",), value)])
    assert out == {
        "rubric": {"before": {"impact": 1, "clarity": 2}, "after": 3, "notes": {"x": [1]}}
    }
    out["rubric"]["notes"]["x"].append(2)
    assert value["notes"] == {"x": [1]}


# -- property: odd formatting, every edit ------------------------------------------------

WORDS = ["trace", "latency", "budget", "Raft", "on-call", "p99", "review", "x"]
PLAIN_SAFE = re.compile(r"[A-Za-z][A-Za-z0-9 -]*[A-Za-z0-9]")
STATUSES = ["planned", "active", "done", "dropped"]


def text_value(rnd: random.Random) -> str:
    words = [rnd.choice(WORDS) for _ in range(rnd.randint(1, 4))]
    tail = rnd.choice(["", "", ": with a colon", " #hash", ' and "quotes"', " it's"])
    return " ".join(words) + tail


@st.composite
def card_data(draw: st.DrawFn) -> dict[str, Any]:
    rnd = draw(st.randoms(use_true_random=False))
    data: dict[str, Any] = {
        "type": "card",
        "title": text_value(rnd),
        "domain": "observability",
        "horizon": "2026-Q2",
        "goal": text_value(rnd),
        "scores": {k: rnd.randint(1, 5) for k in ("impact", "effort", "reusability", "learnings")},
    }
    if rnd.random() < 0.6:
        data["status"] = rnd.choice(STATUSES[:2])
    milestones = []
    for _ in range(rnd.randint(3, 5)):
        item: dict[str, Any] = {"title": text_value(rnd), "done_when": text_value(rnd)}
        if rnd.random() < 0.5:
            item["status"] = rnd.choice(STATUSES)
        if rnd.random() < 0.3:
            item["due"] = dt.date(2026, rnd.randint(4, 6), rnd.randint(1, 28))
        milestones.append(item)
    data["milestones"] = milestones
    for key in ("reviewed", "rubric", "feedback", "concepts"):
        choice = rnd.random()
        if choice < 0.3:
            continue
        if choice < 0.4 and key in ("reviewed", "rubric", "feedback"):
            data[key] = None
        elif key == "reviewed":
            data[key] = [dt.date(2026, 4, d) for d in range(1, rnd.randint(1, 4))]
        elif key == "concepts":
            data[key] = [text_value(rnd) for _ in range(rnd.randint(1, 3))]
        elif key == "rubric":
            data[key] = {"before": {d: rnd.randint(1, 5) for d in edits.DIMENSIONS}}
        else:
            data[key] = [
                {"date": dt.date(2026, 4, 2), "from": text_value(rnd), "went_well": "ok"}
                for _ in range(rnd.randint(0, 2))
            ]
    keys = list(data)
    head, tail = keys[:2], keys[2:]
    rnd.shuffle(tail)
    return {k: data[k] for k in head + tail}


class Writer:
    """YAML in random but legal styles, driven by one seeded random source."""

    def __init__(self, rnd: random.Random) -> None:
        self.rnd = rnd
        self.map_step = rnd.choice([2, 4])
        self.seq_offset = rnd.choice([0, 2])
        self.item_step = rnd.choice([2, 4])
        self.flow_bias = rnd.random()

    def key(self, name: str) -> str:
        return self.rnd.choice([name, name, f"'{name}'", f'"{name}"'])

    def colon(self) -> str:
        return ":" + " " * self.rnd.choice([1, 1, 2, 3])

    def scalar(self, value: Any) -> str:
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, int):
            return str(value)
        if value is None:
            return self.rnd.choice(["~", "null", ""])
        if PLAIN_SAFE.fullmatch(value) and value not in ("yes", "no", "on", "off", "null"):
            return self.rnd.choice([value, f"'{value}'", json.dumps(value)])
        return self.rnd.choice([json.dumps(value), "'" + value.replace("'", "''") + "'"])

    def comment(self) -> str:
        return self.rnd.choice(["", "", "", "  # a comment", "   #x"])

    def flow(self, value: Any) -> str:
        pad = self.rnd.choice(["", " "])
        if isinstance(value, dict):
            inner = ", ".join(f"{self.key(k)}: {self.flow(v)}" for k, v in value.items())
            return "{" + pad + inner + pad + "}"
        if isinstance(value, list):
            return "[" + pad + ", ".join(self.flow(v) for v in value) + pad + "]"
        return self.scalar(value) if value is not None else "null"

    def pair(self, name: str, value: Any, column: int) -> list[str]:
        pad = " " * column
        head = pad + self.key(name)
        if isinstance(value, (dict, list)):
            if not value or self.rnd.random() < self.flow_bias * 0.6:
                return [head + self.colon() + self.flow(value) + self.comment()]
            lines = [head + ":" + self.comment()]
            if isinstance(value, dict):
                for k, v in value.items():
                    lines += self.pair(k, v, column + self.map_step)
            else:
                for item in value:
                    lines += self.item(item, column + self.seq_offset)
            return lines
        scalar = self.scalar(value)
        return [head + (self.colon() + scalar if scalar else ":") + self.comment()]

    def item(self, value: Any, dash: int) -> list[str]:
        if isinstance(value, dict) and value and self.rnd.random() >= self.flow_bias * 0.6:
            step = self.item_step
            lines: list[str] = []
            for k, v in value.items():
                lines += self.pair(k, v, dash + step)
            lines[0] = " " * dash + "-" + " " * (step - 1) + lines[0][dash + step :]
            return lines
        return [" " * dash + "- " + self.flow(value)]

    def document(self, data: dict[str, Any]) -> list[str]:
        lines: list[str] = []
        for name, value in data.items():
            if lines and self.rnd.random() < 0.2:
                lines.append(self.rnd.choice(["", "# between keys", "  # indented comment"]))
            lines += self.pair(name, value, 0)
        return lines


@settings(
    max_examples=int(150 * float(os.environ.get("GROWTH_PROPERTY_SCALE", "1"))),
    deadline=None,
    derandomize=bool(os.environ.get("CI")),
    suppress_health_check=[HealthCheck.too_slow],
)
@given(data=card_data(), rnd=st.randoms(use_true_random=False), which=st.integers(0, 10**6))
def test_every_edit_on_odd_formatting_changes_only_its_lines(
    data: dict[str, Any], rnd: random.Random, which: int
) -> None:
    newline = rnd.choice(["\n", "\r\n"])
    bom = rnd.choice(["", "\ufeff"])
    lines = ["---", *Writer(rnd).document(data), "---", "", "Body line one.", "", "Last line."]
    raw = (bom + newline.join(lines) + newline).encode("utf-8")
    entry = parse_entry("cards/odd.md", raw, Limits())
    if entry.doc is None:  # a `key:` null where the model wants a list is not a valid card
        assert any(data.get(k, 0) is None for k in ("reviewed", "feedback")), entry.problems
        return
    assert not [p for p in entry.problems if p.is_error], (raw, entry.problems)
    card = entry.doc
    assert isinstance(card, Card)
    milestone = which % len(card.milestones)
    options = [
        edits.review(card, DAY),
        edits.start(card, milestone),
        edits.done(card, milestone),
        edits.done(card, None),
        edits.feedback(card, DAY, "Ana: lead", "went #1", "yes", 'say "no"'),
        edits.rate(
            card, "before", {d: 1 + (which + i) % 5 for i, d in enumerate(edits.DIMENSIONS)}
        ),
        edits.rate(card, "after", {d: 1 + (which + i) % 5 for i, d in enumerate(edits.DIMENSIONS)}),
    ]
    change = options[which % len(options)]
    new = edit(raw, change.ops)
    assert_only_lines_of(raw, new, change.ops)
    after = parse_entry("cards/odd.md", new, Limits())
    assert not [p for p in after.problems if p.is_error], (new, after.problems)


def test_a_splice_that_changes_other_data_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """The safety net: whatever the splice does, data other than the operations' is kept."""
    from mkdocs_growth.core import frontmatter_edit

    def sloppy(self: Any, op: Any) -> list[tuple[int, int, str]]:
        return [(0, len(self.text), "status: active\n")]  # drops every other key

    monkeypatch.setattr(frontmatter_edit._Editor, "edits", sloppy)
    with pytest.raises(EditError, match="change more than it should"):
        edit(b"---\ntype: card\nstatus: planned\n---\nbody\n", [Set(("status",), "active")])


# -- valid cards the editor used to refuse (issue 22) ---------------------------------------


def test_a_tab_after_a_key_is_read_as_the_engine_reads_it() -> None:
    """libyaml (MkDocs' and the engine's parser) accepts it; the editor used to dump a scanner error."""
    text = "---\ntype: card\nstatus:\tplanned\nreviewed: []\n---\n"
    assert "status:\tactive\n" in run(text, Set(("status",), "active"))
    assert "reviewed: [2026-11-24]\n" in run(text, Append(("reviewed",), DAY))


@pytest.mark.parametrize("indicator", ["|+", ">+", "|2+", "|+2"])
def test_a_block_that_keeps_its_blank_lines_keeps_them_when_a_line_follows(
    indicator: str,
) -> None:
    indent = "  "  # two spaces: what an explicit indentation indicator of 2 also says
    text = (
        "---\ntype: card\nmilestones:\n  - title: A\n"
        f"    done_when: {indicator}\n    {indent}x\n\n  - title: B\n    done_when: y\n"
        f"notes: {indicator}\n{indent}keep\n\n---\nbody\n"
    )
    out = run(text, Set(("milestones", 0, "status"), "active"), Append(("reviewed",), DAY))
    assert f"    {indent}x\n\n    status: active\n  - title: B\n" in out
    assert out.endswith(
        f"notes: {indicator}\n{indent}keep\n\nreviewed:\n  - 2026-11-24\n---\nbody\n"
    )


@pytest.mark.parametrize("prefix", ["&r ", "!!seq ", "&r !!seq "])
def test_an_anchored_or_tagged_empty_list_gets_the_item_inside_its_brackets(prefix: str) -> None:
    text = f"---\ntype: card\nreviewed: {prefix}[]\n---\n"
    assert f"reviewed: {prefix}[2026-11-24]\n" in run(text, Append(("reviewed",), DAY))


@pytest.mark.parametrize("prefix", ["&r ", "!!map "])
def test_an_anchored_or_tagged_empty_mapping_gets_the_key_inside_its_braces(prefix: str) -> None:
    text = f"---\ntype: card\nrubric: {prefix}{{}}\n---\n"
    out = run(text, Set(("rubric", "after"), {"clarity": 3}))
    assert f"rubric: {prefix}{{after: {{clarity: 3}}}}\n" in out


@pytest.mark.parametrize("prefix", ["&st ", "!!str ", "&st !!str "])
def test_an_unused_anchor_or_a_tag_on_a_replaced_value_stays(prefix: str) -> None:
    text = f"---\ntype: card\nstatus: {prefix}planned  # note\n---\n"
    assert f"status: {prefix}active  # note\n" in run(text, Set(("status",), "active"))


def test_front_matter_the_editor_cannot_follow_gets_a_short_message_not_a_scanner_dump(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import yaml

    from mkdocs_growth.core import frontmatter_edit

    monkeypatch.setattr(frontmatter_edit, "_LOADER", yaml.SafeLoader)  # the pure-Python one
    with pytest.raises(EditError) as refused:
        edit(b"---\ntype: card\nstatus:\tplanned\n---\n", [Set(("status",), "active")])
    assert str(refused.value) == (
        "the editor cannot read this front matter (found character '\\t' that cannot start any token)"
    )


def test_an_anchor_on_an_empty_value_stays_when_it_is_filled() -> None:
    assert "status: &st active\n" in run("---\nstatus: &st\n---\n", Set(("status",), "active"))
    out = run("---\ntype: card\nreviewed: &r\n---\n", Append(("reviewed",), DAY))
    assert "reviewed: &r\n  - 2026-11-24\n" in out


@pytest.mark.parametrize(
    ("raw", "body"),
    [
        (b"---\na: 1\n---\nbody\n", b"body\n"),
        ("\ufeff---\r\na: 1\r\n---\r\n\r\nbody".encode(), b"\r\nbody"),
        (b"---\na: 1\n---\n", b""),
        (b"---\na: 1\n...\nx", b"x"),
        (b"---\na: 1\n---", None),  # closed by the last line without a newline: text to MkDocs
        (b"no front matter\n", None),
        (b"---\na: \xff\n---\n", None),
    ],
)
def test_body_offset_is_where_the_body_starts_in_the_files_bytes(
    raw: bytes, body: bytes | None
) -> None:
    from mkdocs_growth.core.frontmatter_edit import body_offset

    at = body_offset(raw)
    assert (None if at is None else raw[at:]) == body


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("reviewed: &r\n  - 2025-01-01\n", "reviewed: &r\n  - 2025-01-01\n  - 2026-11-24\n"),
        ("reviewed: !!seq\n- 2025-01-01\n", "reviewed: !!seq\n- 2025-01-01\n- 2026-11-24\n"),
        (
            "reviewed: &my-r  # a-b\n    - 2025-01-01\n",
            "reviewed: &my-r  # a-b\n    - 2025-01-01\n    - 2026-11-24\n",
        ),
    ],
    ids=["anchored", "tagged", "dashes-in-anchor-and-comment"],
)
def test_an_anchored_or_tagged_block_list_gets_the_item_at_its_dash(
    before: str, after: str
) -> None:
    assert run(f"---\n{before}---\n", Append(("reviewed",), DAY)) == f"---\n{after}---\n"
