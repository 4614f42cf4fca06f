"""Whatever ``validate`` accepts, the site renders: every generated page and every card header.

A metric of ``10**309`` once passed validation and then stopped both the
build and ``generate`` with a traceback. These properties write stores of
documents with values at the edges (numbers beyond a float, subnormals,
``-0.0``, the ends of the calendar, control characters, hostile URLs and
tags), keep the documents the validator accepts, and render them through
the public paths only: ``generate`` (which calls ``render_pages`` and writes
a header page per card) and a real ``mkdocs build`` with the plugin. So the
test does not depend on how the page renderers are organised inside.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
import tempfile
from html import unescape
from pathlib import Path
from typing import Any

import yaml
from conftest import card, write_store
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_growth.cli.generate import generate
from mkdocs_growth.cli.settings import load_settings
from mkdocs_growth.practice.store import open_store

FLOAT_MAX = sys.float_info.max
EDGE_NUMBERS = [
    10**309,
    -(10**309),
    10**308,
    int(FLOAT_MAX),
    int(FLOAT_MAX) + 2**970,  # the first integer a float cannot hold
    FLOAT_MAX,
    -FLOAT_MAX,
    5e-324,
    -0.0,
    2**53 + 1,
    0.1,
    123456789012345678901234567890,
]
numbers = st.one_of(
    st.sampled_from(EDGE_NUMBERS),
    st.integers(-(2**1100), 2**1100),
    st.floats(),
)
SNIPPETS = ["<script>alert(1)</script>", "|", "`", "{{ x }}", "~~", "&amp;", "\\", "[a](b)"]
CONTROL = ["\x00", "\x01", "\x1b", "\x7f", "\x85", "\u2028", "\u202e", "\ufeff", "\t", " "]
text = st.lists(
    st.one_of(st.sampled_from(SNIPPETS + CONTROL), st.text(max_size=4)), min_size=1, max_size=4
).map("".join)
urls = st.sampled_from(
    [
        "https://example.com/a?b=c#d",
        "mailto:me@example.com",
        "notes/x.md",
        "#top",
        "?q=1",
        "../../../../etc/passwd",
        "/\\evil.com",
        "\\\\evil.com",
        "a b.md",
        "%2e%2e/x",
        "",
    ]
)
dates = st.one_of(st.sampled_from([dt.date.min, dt.date.max]), st.dates())
ids = st.sampled_from(["a", "b", "c", "card-1"])
milestone = st.fixed_dictionaries(
    {"title": text, "done_when": text},
    optional={
        "status": st.sampled_from(["planned", "active", "done", "dropped"]),
        "due": dates,
    },
)
metric = st.fixed_dictionaries(
    {"name": text},
    optional={"unit": text, "baseline": numbers, "target": numbers, "actual": numbers},
)
rubric_scores = st.fixed_dictionaries(
    {k: st.integers(1, 5) for k in ("confidence", "competence", "impact", "clarity")}
)
card_fields = st.fixed_dictionaries(
    {"type": st.just("card"), "id": ids},
    optional={
        "title": text,
        "tags": st.lists(text, max_size=3),
        "status": st.sampled_from(["planned", "active", "done", "dropped"]),
        "horizon": st.sampled_from(["2026-Q2", "0001-Q1", "9999-Q4", "Later"]),
        "date": dates,
        "milestones": st.lists(milestone, max_size=6),
        "concepts": st.lists(text, max_size=3),
        "metrics": st.lists(metric, min_size=1, max_size=3),
        "rubric": st.fixed_dictionaries(
            {}, optional={"before": rubric_scores, "after": rubric_scores}
        ),
        "artifacts": st.lists(
            st.fixed_dictionaries(
                {"kind": st.sampled_from(["technical", "process", "people"]), "title": text},
                optional={"url": urls},
            ),
            max_size=3,
        ),
        "feedback": st.lists(
            st.fixed_dictionaries(
                {"date": dates}, optional={"from": text, "went_well": text, "try_next": text}
            ),
            max_size=2,
        ),
        "reviewed": st.lists(dates, max_size=3),
        "related": st.lists(ids, max_size=2),
    },
)
other_fields = st.fixed_dictionaries(
    {
        "type": st.sampled_from(["note", "decision", "talk", "playbook", "retro"]),
        "id": st.sampled_from(["n1", "n2", "d1"]),
        "title": text,
        "date": dates,
    },
    optional={"tags": st.lists(text, max_size=3), "card": ids, "horizon": st.just("2026-Q2")},
)
documents = st.lists(st.one_of(card_fields, other_fields), min_size=1, max_size=6)
OPTIONS = {"today": "2026-05-01"}


def profile(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=bool(os.environ.get("CI")),
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# The numbers that stopped the site, and the largest ones a float holds.
EDGES = [
    {"type": "card", "id": "a", "metrics": [{"name": "m", "baseline": 10**309, "target": 1}]},
    {
        "type": "card",
        "id": "b",
        "metrics": [
            {"name": "m", "baseline": int(FLOAT_MAX), "target": FLOAT_MAX, "actual": -0.0},
            {"name": "n", "baseline": -FLOAT_MAX, "target": 5e-324, "actual": 2**53 + 1},
        ],
    },
]


def goal_marker(i: int) -> str:
    return f"goalmarker{i}x"


def store_files(docs: list[dict[str, Any]]) -> dict[str, str]:
    """Each document as a file; cards get a marker in their goal to find their header by."""
    files = {"index.md": "# Home\n"}
    for i, meta in enumerate(docs):
        if meta["type"] == "card":
            fields = {**meta, "goal": f"{goal_marker(i)} {meta.get('title', '')}"}
            files[f"cards/doc{i}.md"] = card(**fields)
        else:
            dumped = yaml.safe_dump(meta, sort_keys=False, allow_unicode=False)
            files[f"other/doc{i}.md"] = f"---\n{dumped}---\n\nBody {i}.\n"
    return files


def accepted_cards(config_file: Path) -> dict[str, tuple[str, str]]:
    """Card id -> (docs-relative path, goal marker), for the cards the validator accepts."""
    s = load_settings(str(config_file))
    store = open_store(s.docs_dir, s.growth, s.config_file)
    marker = re.compile(r"goalmarker\d+x")
    return {c.id: (store.path_of(c), marker.search(c.goal)[0]) for c in store.cards}  # type: ignore[index]


@profile(60)
@given(docs=documents)
@example(docs=EDGES)
def test_generate_renders_every_document_the_validator_accepts(docs: list[dict[str, Any]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        config = write_store(Path(tmp), store_files(docs), OPTIONS)
        expected = accepted_cards(config)
        out = Path(tmp) / "out"
        generate(load_settings(str(config)), str(out))  # raises on any page that cannot render
        if docs == EDGES:
            assert set(expected) == {"b"}  # 10**309 is an error, the float edges are fine
        assert (out / "growth" / "index.md").is_file()
        for card_id, (_, marker) in expected.items():
            page = (out / "growth" / "cards" / f"{card_id}.md").read_text(encoding="utf-8")
            assert marker in page, card_id


@profile(6)
@given(docs=documents)
@example(docs=EDGES)
def test_a_build_renders_every_document_the_validator_accepts(docs: list[dict[str, Any]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        config = write_store(
            root,
            store_files(docs),
            OPTIONS,
            config={"theme": "mkdocs", "site_url": "https://example.com/"},
        )
        expected = accepted_cards(config)
        build(load_config(config_file=str(config)))
        if docs == EDGES:
            assert set(expected) == {"b"}  # 10**309 is an error, the float edges are fine
        site = root / "site"
        assert (site / "growth" / "index.html").is_file()
        for card_id, (path, marker) in expected.items():
            page = site / path.removesuffix(".md") / "index.html"
            assert marker in unescape(_main(page.read_text(encoding="utf-8"))), card_id


def _main(page: str) -> str:
    """The page's main content (the mkdocs theme's ``role="main"``), not its navigation."""
    start = page.index('role="main"')
    return page[start : page.index("<footer", start)]
