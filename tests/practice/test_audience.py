"""The public view of a store (practice.audience): the one place the audience rule lives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import MILESTONES, card, doc, front_matter, store_of, write_store

from mkdocs_growth.core.links import link_targets
from mkdocs_growth.core.model import Card
from mkdocs_growth.core.options import CARD_FIELDS_KEPT, PRIVATE_FIELD_CHOICES, Limits
from mkdocs_growth.core.parse import parse_entry
from mkdocs_growth.core.problems import sort_key
from mkdocs_growth.practice.audience import (
    WITHHELD,
    Private,
    _resolve,
    audience_problems,
    nav_paths,
    published,
    visibility,
)
from mkdocs_growth.practice.schedule import check_in_of, reviews_of

FEEDBACK = [{"date": "2026-04-20", "from": "Mo", "didnt": "rushed"}]


def public_store(tmp_path: Path, files: dict[str, str], **options: Any):
    config = write_store(tmp_path, files, {"today": "2026-05-01", "audience": "public", **options})
    store = store_of(config)
    return store, published(store, "mkdocs.yml")


def entry_of(text: str):
    return parse_entry("cards/a.md", text.encode(), Limits())


def test_every_card_field_is_either_private_capable_or_kept() -> None:
    """A new card field must be sorted into one of the two lists (options.py)."""
    assert set(PRIVATE_FIELD_CHOICES) | set(CARD_FIELDS_KEPT) == set(Card.model_fields)
    assert not set(PRIVATE_FIELD_CHOICES) & set(CARD_FIELDS_KEPT)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# Plain page\n", "public"),
        ("", "public"),
        (card(), "public"),
        (card(visibility="public"), "public"),
        (card(visibility="private"), "private"),
        (card(visibility="Private"), "private"),  # an error, and private: fail closed
        (front_matter({"title": "Plain", "visibility": "private"}), "private"),
        ("---\ntitle: [unclosed\n---\nbody\n", "unknown"),
        ("---\ntype: card\nvisibility: private\n", "unknown"),  # never closed
    ],
)
def test_visibility(text: str, expected: str) -> None:
    assert visibility(entry_of(text)) == expected


def test_unreadable_bytes_have_unknown_visibility() -> None:
    entry = parse_entry("a.md", b"---\ntitle: \xff\n---\n", Limits())
    assert visibility(entry) == "unknown"


def test_link_targets_with_their_lines() -> None:
    text = (
        "[a](one.md) and ![img](pic.png)\n"
        "\n"
        "[ref]: <two.md#x>\n"
        'x <a href="three.md">y</a> <img src=four.png>\n'
        "<five.md>\n"
        '[b]( six.md "title")\n'
    )
    assert link_targets(text) == [
        (1, "one.md"),
        (1, "pic.png"),
        (3, "two.md#x"),
        (4, "three.md"),
        (4, "four.png"),
        (5, "five.md"),
        (6, "six.md"),
    ]


PRIVATE = Private.of(["cards/secret.md", "team/index.md"], {})


@pytest.mark.parametrize(
    ("source", "target", "hit"),
    [
        ("notes/n.md", "../cards/secret.md", "cards/secret.md"),
        ("notes/n.md", "../cards/secret.md#goal", "cards/secret.md"),
        ("notes/n.md", "../cards/secret.md?x=1", "cards/secret.md"),
        ("notes/n.md", "../cards/sec%72et.md", "cards/secret.md"),
        ("cards/a.md", "secret.md", "cards/secret.md"),
        ("cards/a.md", "../secret/", "cards/secret.md"),  # a directory URL from cards/a/
        ("notes/n.md", "../../cards/secret/", "cards/secret.md"),
        ("notes/n.md", "../cards/secret.html", "cards/secret.md"),
        ("index.md", "/cards/secret.md", "cards/secret.md"),
        ("index.md", "team/", "team/index.md"),
        ("index.md", "team/index.md", "team/index.md"),
        ("notes/n.md", "../cards/secret.png", None),
        ("notes/n.md", "https://example.com/cards/secret.md", None),
        ("notes/n.md", "//example.com/cards/secret.md", None),
        ("notes/n.md", "mailto:secret@example.com", None),
        ("notes/n.md", "#secret", None),
        ("notes/n.md", "../../../cards/secret.md", None),  # outside docs_dir
        ("cards/a.md", "open.md", None),
    ],
)
def test_links_that_reach_a_private_page(source: str, target: str, hit: str | None) -> None:
    assert _resolve(source, target, PRIVATE) == hit


def test_public_view_leaves_private_pages_and_fields_out(tmp_path: Path) -> None:
    rubric = {"before": {"confidence": 1, "competence": 1, "impact": 1, "clarity": 1}}
    store, view = public_store(
        tmp_path,
        {
            "cards/open.md": card(title="Open", feedback=FEEDBACK, rubric=rubric, related=["hid"]),
            "cards/hid.md": card(title="Hidden", visibility="private"),
            "notes/n.md": front_matter(
                {"type": "note", "title": "N", "date": "2026-04-01", "card": "hid"}
            ),
        },
    )
    assert view is not store and view is published(store, "mkdocs.yml")  # computed once
    assert sorted(view.by_id) == ["n", "open"]
    opened = view.by_id["open"]
    assert opened.doc.feedback == [] and opened.doc.rubric is None and opened.doc.related == []
    assert "feedback" not in opened.meta and "rubric" not in opened.meta
    assert opened.meta["related"] == []
    assert view.by_id["n"].doc.card is None and "card" not in view.by_id["n"].meta
    assert view.withheld == {"feedback", "rubric"}
    assert check_in_of(view, view.config.today) is None
    # The store itself (and the cached entries under it) are untouched.
    original = store.by_id["open"]
    assert original.doc.feedback and original.doc.rubric and original.meta["feedback"]
    assert store.by_id["n"].doc.card == "hid"
    assert check_in_of(store, store.config.today) is not None


def test_internal_audience_publishes_the_store_itself(tmp_path: Path) -> None:
    config = write_store(tmp_path, {"cards/a.md": card(visibility="private")})
    store = store_of(config)
    assert published(store, "mkdocs.yml") is store


def test_reviews_are_left_out_when_their_fields_are_private(tmp_path: Path) -> None:
    files = {"cards/a.md": card(concepts=["Spans"], status="active")}
    _, view = public_store(tmp_path / "a", files, private_fields=["reviewed"])
    assert reviews_of(view, view.config.today) is None
    _, view = public_store(tmp_path / "b", files)
    assert reviews_of(view, view.config.today) is not None


def test_guardrail_counts_public_cards_only(tmp_path: Path) -> None:
    busy = [{**m, "status": "active"} for m in MILESTONES]
    store, view = public_store(
        tmp_path,
        {
            "cards/open.md": card(
                title="Open", status="active", milestones=busy[:2] + MILESTONES[2:]
            ),
            "cards/hid.md": card(
                title="Hidden", status="active", milestones=busy, visibility="private"
            ),
        },
        max_active=3,
    )
    assert any("5 active milestones" in p.message for p in store.warnings)
    assert not [p for p in view.problems if p.path == "mkdocs.yml"]


def test_problem_messages_on_a_public_site(tmp_path: Path) -> None:
    store, view = public_store(
        tmp_path,
        {
            "cards/hid.md": card(title="Hidden", visibility="private", milestones=[]),
            "cards/plain.md": card(title="Plain", feedback=None, milestones=[]),
            "cards/fed.md": card(title="Fed", feedback=FEEDBACK, milestones=[]),
            "notes/n.md": front_matter(
                {"type": "note", "title": "N", "date": "2026-04-01", "card": "hid"}
            ),
        },
    )
    by_path = {p.path: p.message for p in view.problems}
    assert "cards/hid.md" not in by_path  # a private page's problems are left out
    assert (
        by_path["cards/plain.md"]
        == "card has no milestones; plan 3 to 5, each with a definition of done"
    )
    assert by_path["cards/fed.md"] == WITHHELD  # the file holds private fields
    assert by_path["notes/n.md"] == WITHHELD  # store-wide: names the private card
    assert len(view.errors) == len([p for p in store.errors if p.path != "cards/hid.md"])


def test_generate_refuses_an_out_dir_holding_private_pages(tmp_path: Path, run_cli) -> None:
    config = write_store(
        tmp_path, {"cards/a.md": card(), "cards/hid.md": card(title="Hid", visibility="private")}
    )
    out = tmp_path / "build"
    (out / "cards").mkdir(parents=True)
    (out / "cards" / "hid.md").write_text("a copy of docs_dir\n")
    result = run_cli("generate", "-f", config, "--out", out, "--audience", "public")
    assert result.code == 2
    assert "private page(s)" in result.err and "cards/hid.md" in result.err
    assert sorted(p.name for p in out.rglob("*")) == ["cards", "hid.md"]  # nothing written
    assert run_cli("generate", "-f", config, "--out", out).code == 0  # internal: fine


def test_artifact_links_to_private_pages_warn_and_lose_their_link(tmp_path: Path) -> None:
    artifacts = [
        {"kind": "process", "title": "The retro", "url": "../retros/r.md#what"},
        {"kind": "technical", "title": "Repo", "url": "https://example.com/r.md"},
    ]
    store, view = public_store(
        tmp_path,
        {
            "cards/a.md": card(artifacts=artifacts),
            "retros/r.md": front_matter(
                {"type": "retro", "title": "R", "date": "2026-04-01", "visibility": "private"}
            ),
        },
    )
    (warned,) = [p for p in store.warnings if "private" in p.message]
    assert warned.path == "cards/a.md" and "artifacts #1.url" in warned.message
    assert "retros/r.md" in warned.message and warned.line > 0
    shown = view.by_id["a"].doc.artifacts
    assert [(a.title, a.url) for a in shown] == [
        ("The retro", None),
        ("Repo", "https://example.com/r.md"),
    ]
    assert "url" not in view.by_id["a"].meta["artifacts"][0]
    assert view.by_id["a"].meta["artifacts"][1]["url"] == "https://example.com/r.md"
    assert store.by_id["a"].doc.artifacts[0].url == "../retros/r.md#what"  # cached: untouched


@pytest.mark.parametrize(
    ("source", "target", "hit"),
    [
        ("team/a.md", "../team/", "team/index.md"),
        ("team/a.md", "./", "team/index.md"),
        ("team/a.md", "..", "team/index.md"),  # from the directory URL team/a/
        ("team/a.md", "index.md", "team/index.md"),
        ("notes/n.md", "../", None),
    ],
)
def test_links_to_a_private_folder_index(source: str, target: str, hit: str | None) -> None:
    assert _resolve(source, target, PRIVATE) == hit


def test_every_public_build_warning_names_file_line_and_what_happens(tmp_path: Path) -> None:
    """The warnings of a public build, each to the word and the line."""
    files = {
        "cards/hid.md": card(title="Hid", visibility="private"),
        "about.md": front_matter({"title": "About", "visibility": "secret"}, "# About\n"),
        "broken.md": "---\ntitle: [unclosed\n---\nbody\n",
        "notes/n.md": front_matter(
            {"type": "note", "title": "N", "date": "2026-04-01", "card": "hid"},
            "# N\n\nSee [the card](../cards/hid.md) and\n[again](../cards/hid.md#x).\n",
        ),
    }
    config = write_store(tmp_path, files, {"today": "2026-05-01", "audience": "public"})
    store = store_of(config)
    nav = [{"Home": "notes/n.md"}, {"Hidden": "cards/hid.md"}]
    got = sorted((p.path, p.line, p.message) for p in audience_problems(store, "mkdocs.yml", nav))
    note = files["notes/n.md"].split("\n")
    assert got == [
        (
            "about.md",
            3,
            "visibility: 'secret' is not public or private; left out of the public site",
        ),
        (
            "broken.md",
            0,
            "left out of the public site: its front matter cannot be read,"
            " so its visibility is unknown",
        ),
        (
            "mkdocs.yml",
            0,
            "nav links to private document cards/hid.md: a public site leaves it out,"
            " so the link would be broken (and name it on every page)",
        ),
        (
            "notes/n.md",
            note.index("card: hid") + 1,
            "card: 'hid' is the private document cards/hid.md: a public site leaves it out,"
            " and this link with it",
        ),
        (
            "notes/n.md",
            note.index("See [the card](../cards/hid.md) and") + 1,
            "links to private document cards/hid.md: a public site leaves it out,"
            " so the link would be broken",
        ),
        (
            "notes/n.md",
            note.index("[again](../cards/hid.md#x).") + 1,
            "links to private document cards/hid.md: a public site leaves it out,"
            " so the link would be broken",
        ),
    ]


def test_nav_paths_lists_every_page_in_nav_order() -> None:
    nav = [
        "index.md",
        {"Cards": [{"Trace": "cards/trace.md"}, "cards/b.md", {"Deep": {"D": "d.md"}}]},
        {"Site": "https://example.com/"},
        42,
        None,
    ]
    assert nav_paths(nav) == [
        "index.md",
        "cards/trace.md",
        "cards/b.md",
        "d.md",
        "https://example.com/",
    ]
    assert nav_paths(None) == [] and nav_paths("one.md") == ["one.md"]


def test_an_internal_build_has_no_audience_warnings(tmp_path: Path) -> None:
    files = {
        "cards/hid.md": card(title="Hid", visibility="private"),
        "about.md": front_matter({"title": "About", "visibility": "secret"}, "# About\n"),
        "notes/n.md": front_matter(
            {"type": "note", "title": "N", "date": "2026-04-01", "card": "hid"},
            "# N\n\n[the card](../cards/hid.md)\n",
        ),
    }
    store = store_of(write_store(tmp_path, files, {"today": "2026-05-01"}))
    assert audience_problems(store, "mkdocs.yml", ["cards/hid.md"]) == []


def test_a_public_build_without_private_pages_warns_of_nothing(tmp_path: Path) -> None:
    files = {"notes/n.md": front_matter({"type": "note", "title": "N", "date": "2026-04-01"})}
    store, view = public_store(tmp_path, files)
    assert audience_problems(store, "mkdocs.yml", ["notes/n.md", "missing.md"]) == []
    assert view.by_id["n"] == store.by_id["n"]


def test_artifact_link_to_a_private_page_warning_word_for_word(tmp_path: Path) -> None:
    artifacts = [
        {"kind": "technical", "title": "Repo", "url": "https://example.com/"},
        {"kind": "process", "title": "The retro", "url": "../retros/r.md"},
    ]
    text = card(artifacts=artifacts)
    store, _ = public_store(
        tmp_path,
        {
            "cards/a.md": text,
            "retros/r.md": front_matter(
                {"type": "retro", "title": "R", "date": "2026-04-01", "visibility": "private"}
            ),
        },
    )
    got = [(p.path, p.line, p.message) for p in audience_problems(store, "mkdocs.yml")]
    assert got == [
        (
            "cards/a.md",
            text.split("\n").index("  url: ../retros/r.md") + 1,
            "artifacts #2.url links to private document retros/r.md: a public site leaves"
            " it out, and shows the artifact without its link",
        )
    ]


def test_two_links_to_one_private_page_on_one_line_warn_once(tmp_path: Path) -> None:
    files = {
        "cards/hid.md": card(title="Hid", visibility="private"),
        "notes/n.md": front_matter(
            {"type": "note", "title": "N", "date": "2026-04-01"},
            "[one](../cards/hid.md) [two](../cards/hid.md#x)\n",
        ),
    }
    store, _ = public_store(tmp_path, files)
    got = [(p.path, p.line) for p in audience_problems(store, "mkdocs.yml")]
    assert got == [("notes/n.md", 7)]


def test_superseded_by_a_private_decision_is_dropped_with_a_warning(tmp_path: Path) -> None:
    old = front_matter(
        {
            "type": "decision",
            "title": "Old",
            "date": "2026-04-01",
            "status": "superseded",
            "superseded_by": "new",
        }
    )
    new = front_matter(
        {"type": "decision", "title": "New", "date": "2026-04-02", "visibility": "private"}
    )
    store, view = public_store(tmp_path, {"decisions/old.md": old, "decisions/new.md": new})
    got = [(p.path, p.line, p.message) for p in audience_problems(store, "mkdocs.yml")]
    assert got == [
        (
            "decisions/old.md",
            6,
            "superseded_by: 'new' is the private document decisions/new.md: a public site"
            " leaves it out, and this link with it",
        )
    ]
    shown = view.by_id["old"]
    assert shown.doc.superseded_by is None and "superseded_by" not in shown.meta
    assert shown.meta["status"] == "superseded" and shown.doc.title == "Old"
    assert store.by_id["old"].doc.superseded_by == "new"


def test_related_ids_of_private_documents_are_dropped_from_any_document(tmp_path: Path) -> None:
    note = front_matter(
        {"type": "note", "title": "N", "date": "2026-04-01", "related": ["hid", "open", "hid"]}
    )
    store, view = public_store(
        tmp_path,
        {
            "cards/hid.md": card(title="Hid", visibility="private"),
            "cards/open.md": card(title="Open", related=["n"]),
            "notes/n.md": note,
        },
    )
    shown = view.by_id["n"]
    assert shown.doc.related == ["open"] and shown.meta["related"] == ["open"]
    assert store.by_id["n"].doc.related == ["hid", "open", "hid"]
    assert view.by_id["open"] is store.by_id["open"]  # nothing to leave out: the same entry


def test_private_fields_are_left_out_even_when_they_point_at_private_pages(
    tmp_path: Path,
) -> None:
    artifacts = [{"kind": "process", "title": "The retro", "url": "../retros/r.md"}]
    store, view = public_store(
        tmp_path,
        {
            "cards/a.md": card(artifacts=artifacts, related=["r", "b"], tags=["x"]),
            "cards/b.md": card(title="B"),
            "retros/r.md": front_matter(
                {"type": "retro", "title": "R", "date": "2026-04-01", "visibility": "private"}
            ),
        },
        private_fields=["artifacts", "related"],
    )
    shown = view.by_id["a"]
    assert shown.doc.artifacts == [] and shown.doc.related == []
    assert "artifacts" not in shown.meta and "related" not in shown.meta
    assert shown.doc.tags == ["x"] and shown.meta["tags"] == ["x"]
    assert shown.doc.feedback == store.by_id["a"].doc.feedback  # not withheld here


def test_a_link_to_the_private_home_page(tmp_path: Path) -> None:
    home = Private.of(["index.md", "team/README.md", "a/b.html"], {})
    assert _resolve("notes/n.md", "../", home) == "index.md"
    assert _resolve("notes/n.md", "/", home) == "index.md"
    assert _resolve("notes/n.md", " ../index.md ", home) == "index.md"
    assert _resolve("notes/n.md", "../team/", home) == "team/README.md"
    assert _resolve("notes/n.md", "../a/b/", home) == "a/b.html"
    assert _resolve("notes/n.md", "../a/b", home) == "a/b.html"
    assert _resolve("notes/n.md", "?page=2", home) is None
    assert _resolve("notes/n.md", "   ", home) is None
    assert _resolve("notes/n.md", "../a/b.md/", home) == "a/b.html"
    assert _resolve("", "team/README.md", home) == "team/README.md"


def test_a_page_whose_bytes_cannot_be_read_is_left_out(tmp_path: Path) -> None:
    store, view = public_store(
        tmp_path,
        {"notes/ok.md": front_matter({"type": "note", "title": "N", "date": "2026-04-01"})}
        | {"bad.md": "---\ntitle: [unclosed\n---\nbody\n"},
    )
    assert "bad.md" in {e.path for e in store.entries}
    assert [e.path for e in view.entries] == ["notes/ok.md"]
    assert not [p for p in view.problems if p.path == "bad.md"]


def test_private_fields_leave_every_document_type(tmp_path: Path) -> None:
    talk = doc("talk", "T", "2026-04-01", feedback=FEEDBACK, rubric={"before": {}}, tags=["x"])
    note = doc("note", "N", "2026-04-01", tags=["x"])
    plain = front_matter({"title": "Plain", "feedback": "kept to myself"})
    files = {"talks/t.md": talk, "notes/n.md": note, "plain.md": plain}
    store, view = public_store(tmp_path, files, private_fields=["feedback", "rubric", "tags"])
    talk_entry, note_entry = view.by_id["t"], view.by_id["n"]
    for key in ("feedback", "rubric", "tags"):
        assert key not in talk_entry.meta  # the page's metadata
    dumped = talk_entry.doc.model_dump()  # what growth.json is made from (it leaves out tags)
    assert "feedback" not in dumped and "rubric" not in dumped and dumped["tags"] == []
    assert "tags" not in note_entry.meta and note_entry.doc.tags == []
    assert "feedback" not in view.by_path["plain.md"].meta
    # the store as read still has them: the internal site and the log
    assert store.by_id["t"].meta["feedback"] == FEEDBACK and store.by_id["n"].doc.tags == ["x"]


@pytest.mark.parametrize("key", ["Visibility", "visiblity", "visibilty", "VISIBILITY"])
@pytest.mark.parametrize("kind", ["plain", "card", "mistyped"])
def test_a_misspelt_visibility_keeps_the_page_out(tmp_path: Path, key: str, kind: str) -> None:
    meta: dict[str, Any] = {"title": "Secret plans", key: "private"}
    text = {
        "plain": front_matter(meta),
        "card": card(**meta),
        "mistyped": front_matter({"type": "Card", **meta}),
    }[kind]
    store, view = public_store(tmp_path, {"page.md": text, "index.md": "# Home\n"})
    assert [e.path for e in view.entries] == ["index.md"]
    warned = [p for p in store.problems if "misspelt 'visibility'" in p.message]
    line = text.splitlines().index(f"{key}: private") + 1
    assert [(p.path, p.line, p.is_error) for p in warned] == [("page.md", line, False)]


def test_a_misspelt_visibility_that_says_public_publishes(tmp_path: Path) -> None:
    text = front_matter({"title": "Open", "visiblity": "public"})
    _, view = public_store(tmp_path, {"page.md": text})
    assert [e.path for e in view.entries] == ["page.md"]


@pytest.mark.parametrize(("key", "field"), [("Feedback", "feedback"), ("rubrics", "rubric")])
@pytest.mark.parametrize("kind", ["card", "talk", "mistyped"])
def test_a_misspelt_private_field_is_withheld_with_a_warning(
    tmp_path: Path, key: str, field: str, kind: str
) -> None:
    text = {
        "card": card(**{key: "a secret"}),
        "talk": doc("talk", "T", "2026-04-01", **{key: "a secret"}),
        "mistyped": front_matter({"type": "Card", "title": "C", key: "a secret"}),
    }[kind]
    store, view = public_store(tmp_path, {"page.md": text})
    entry = view.by_path["page.md"]
    assert key not in entry.meta
    assert entry.doc is None or "a secret" not in str(entry.doc.model_dump())
    warned = [p for p in store.problems if "looks like the private field" in p.message]
    line = text.splitlines().index(f"{key}: a secret") + 1
    assert [(p.path, p.line, field in p.message) for p in warned] == [("page.md", line, True)]
    # Internal builds publish the key as written (only the did-you-mean warning of
    # growth documents): the rule is a public build's.
    internal = store_of(write_store(tmp_path / "internal", {"page.md": text}))
    assert internal.by_path["page.md"].meta[key] == "a secret"


def test_a_page_growth_cannot_type_loses_its_private_fields(tmp_path: Path) -> None:
    text = front_matter({"type": "Card", "title": "Mentoring", "tags": ["hush"], "feedback": "x"})
    store, view = public_store(tmp_path, {"cards/m.md": text}, private_fields=["tags", "feedback"])
    entry = view.by_path["cards/m.md"]
    assert "tags" not in entry.meta and "feedback" not in entry.meta
    assert any(p.is_error and "unknown type 'Card'" in p.message for p in store.problems)


META = "visibility: private\n"


@pytest.mark.parametrize(
    ("meta_files", "public"),
    [
        ({"team/.meta.yml": META}, ["index.md", "notes/n.md"]),
        ({".meta.yml": META}, []),
        ({".meta.yml": META, "notes/.meta.yml": "visibility: public\n"}, ["notes/n.md"]),
        ({"team/.meta.yml": "Visibility: private\n"}, ["index.md", "notes/n.md"]),
        ({"team/.meta.yml": "title: [unclosed\n"}, ["index.md", "notes/n.md"]),
        ({"team/.meta.yml": "- a list\n"}, ["index.md", "notes/n.md"]),
        ({"team/.meta.yml": "tags: [t]\n"}, ["index.md", "notes/n.md", "team/a.md"]),
    ],
)
def test_folder_metadata_makes_pages_private(
    tmp_path: Path, meta_files: dict[str, str], public: list[str]
) -> None:
    files = {
        "index.md": "# Home\n",
        "notes/n.md": doc("note", "N", "2026-04-01"),
        "team/a.md": front_matter({"title": "A"}),
        **meta_files,
    }
    _, view = public_store(tmp_path, files)
    assert [e.path for e in view.entries] == public


def test_a_page_of_its_own_overrides_its_folder_as_in_material(tmp_path: Path) -> None:
    files = {
        "team/.meta.yml": META,
        "team/open.md": front_matter({"title": "Open", "visibility": "public"}),
        "team/shut.md": front_matter({"title": "Shut"}),
    }
    _, view = public_store(tmp_path, files)
    assert [e.path for e in view.entries] == ["team/open.md"]


def test_unreadable_folder_metadata_is_an_error_naming_it(tmp_path: Path) -> None:
    files = {"team/.meta.yml": "a: [\n", "team/a.md": "# A\n"}
    store, view = public_store(tmp_path, files)
    assert view.entries == []
    found = [(p.path, p.is_error) for p in store.problems]
    assert ("team/.meta.yml", True) in found and ("team/a.md", False) in found
    assert view.problems == []  # the public Problems page and growth.json: the log has them


def test_a_plain_page_marked_private_is_left_out_without_a_warning(tmp_path: Path) -> None:
    files = {
        "team.md": front_matter({"title": "Team", "visibility": "private"}, "# Team\n"),
        "cards/hid.md": card(title="Hid", visibility="private"),
    }
    store, view = public_store(tmp_path, files)
    assert audience_problems(store, "mkdocs.yml") == []
    assert [e.path for e in view.entries] == []
    nav = ["../cards/hid.md", "cards/hid.md"]
    got = [(p.path, p.line) for p in audience_problems(store, "mkdocs.yml", nav)]
    assert got == [("mkdocs.yml", 0)]  # a nav path is docs-relative: ../ leaves docs_dir


@pytest.mark.parametrize(
    ("source", "target", "private", "hit"),
    [
        ("notes/n.md", "../cards/secret.md?a=1?b", ["cards/secret.md"], "cards/secret.md"),
        ("notes/n.md", "../cards/secret.md#a#b", ["cards/secret.md"], "cards/secret.md"),
        ("team/index.md", "../secret/", ["team/secret.md"], None),  # team/index.md is team/
        ("team/README.md", "../secret/", ["team/secret.md"], None),
        ("team/other.md", "../secret/", ["team/secret.md"], "team/secret.md"),
        ("index.md", "//example.com/x.md", ["example.com/x.md"], None),
    ],
)
def test_how_a_link_is_read(source: str, target: str, private: list[str], hit: str | None) -> None:
    assert _resolve(source, target, Private.of(private, {})) == hit


def test_public_view_recounts_the_guardrail_against_the_config_file(tmp_path: Path) -> None:
    busy = [{**m, "status": "active"} for m in MILESTONES]
    files = {
        "cards/open.md": card(title="Open", status="active", milestones=busy),
        "cards/hid.md": card(title="Hid", status="active", milestones=busy, visibility="private"),
    }
    config = write_store(
        tmp_path, files, {"today": "2026-05-01", "audience": "public", "max_active": 2}
    )
    store = store_of(config)
    view = published(store, str(config))
    guard = [(p.path, p.message) for p in view.problems if p.path == str(config)]
    assert len(guard) == 1 and "3 active milestones" in guard[0][1]
    assert [p.message for p in store.problems if p.path == str(config)] != [guard[0][1]]
    assert view.framework is store.framework
    assert view.problems == sorted(view.problems, key=sort_key)
