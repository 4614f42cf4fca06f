"""Which milestone an edit means: ``-m 2`` or ``-m "Build the demo"``, and what a wrong one says."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from conftest import CARD, card, store_of, write_framework_store, write_store

from mkdocs_growth.cli.settings import load_settings
from mkdocs_growth.core import frontmatter_edit as fm
from mkdocs_growth.core.model import Card
from mkdocs_growth.practice.card_edits import (
    Change,
    EditRejected,
    EditRequestError,
    When,
    done,
    feedback,
    find_card,
    milestone_index,
    prepare,
    rate,
    review,
    start,
)


def milestones(*titles: str) -> list[dict[str, str]]:
    return [{"title": t, "done_when": f"{t} is shown"} for t in titles]


def card_with(tmp_path: Path, *titles: str) -> Card:
    config = write_store(tmp_path, {"cards/c.md": card(milestones=milestones(*titles))})
    doc = store_of(config).by_id["c"].doc
    assert isinstance(doc, Card)
    return doc


@pytest.mark.parametrize(
    ("ref", "index"),
    [("1", 0), (" 3 ", 2), ("Demo", 1), ("demo", 2), ("PAPER", 0)],
)
def test_a_number_or_a_title_names_a_milestone_exact_case_first(
    tmp_path: Path, ref: str, index: int
) -> None:
    assert milestone_index(card_with(tmp_path, "Paper", "Demo", "demo"), ref) == index


@pytest.mark.parametrize(
    ("titles", "ref", "message"),
    [
        (
            ("Paper", "Demo", "Talk"),
            "4",
            "card 'c' has no milestone '4'; give a number from 1 to 3 or a title"
            " (1. Paper; 2. Demo; 3. Talk)",
        ),
        (
            ("Paper", "Demo", "Talk"),
            "Dmeo",
            "card 'c' has no milestone 'Dmeo' (did you mean 'Demo'?); give a number from 1 to 3"
            " or a title (1. Paper; 2. Demo; 3. Talk)",
        ),
        (
            ("Demo", "Paper", "Demo"),
            "Demo",
            "2 milestones of 'c' are titled 'Demo': give its number (1, 3)",
        ),
        (
            ("Paper", "Demo", "Talk"),
            "0",
            "card 'c' has no milestone '0'; give a number from 1 to 3 or a title"
            " (1. Paper; 2. Demo; 3. Talk)",
        ),
        ((), "1", "card 'c' has no milestones"),
    ],
)
def test_a_milestone_that_is_not_there_or_not_one_says_which_there_are(
    tmp_path: Path, titles: tuple[str, ...], ref: str, message: str
) -> None:
    with pytest.raises(EditRequestError) as raised:
        milestone_index(card_with(tmp_path, *titles), ref)
    assert str(raised.value) == message


# -- what each edit does and says --------------------------------------------------------

DAY = dt.date(2026, 5, 20)
BEFORE = {"confidence": 2, "competence": 2, "impact": 1, "clarity": 3}
AFTER = {"confidence": 4, "competence": 3, "impact": 3, "clarity": 3}
RATE_AGAIN = (
    "rate yourself again now that it is done: mkdocs-growth rate {} --after"
    " confidence=N competence=N impact=N clarity=N"
)
INACTIVE = "the card is {}: its milestones count as active only on an active card"


def statuses(*values: str) -> list[dict[str, str]]:
    return [
        {"title": t, "done_when": f"{t} is shown", "status": s}
        for t, s in zip(("Paper", "Demo", "Talk"), values, strict=True)
    ]


@pytest.fixture(scope="module")
def cards(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Card]:
    files = {
        # planned, no concepts, no rating, one feedback entry
        "cards/new.md": card(
            milestones=statuses("planned", "active", "done"),
            feedback=[{"date": "2026-04-01", "from": "Ann", "went_well": "w"}],
        ),
        # done, one review, rated before and after, one milestone still planned
        "cards/old.md": card(
            status="done",
            concepts=["sampling"],
            reviewed=["2026-05-01"],
            milestones=statuses("done", "done", "planned"),
            rubric={"before": BEFORE, "after": AFTER},
        ),
        # active, rated after: its last open milestone is the third
        "cards/busy.md": card(
            status="active",
            milestones=statuses("done", "dropped", "active"),
            rubric={"before": BEFORE, "after": AFTER},
        ),
        "cards/gone.md": card(status="dropped", rubric={"before": BEFORE}),
    }
    store = store_of(write_store(tmp_path_factory.mktemp("edits"), files))
    found = {e.doc_id: e.doc for e in store.entries}
    assert all(isinstance(doc, Card) for doc in found.values())
    return found  # type: ignore[return-value]


def milestone_status(index: int, status: str) -> fm.Set:
    return fm.Set(("milestones", index, "status"), status)


def test_review_counts_reviews_and_asks_for_concepts_to_review(cards: dict[str, Card]) -> None:
    assert review(cards["new"], DAY) == Change(
        (fm.Append(("reviewed",), DAY),),
        ("review 1 recorded on 2026-05-20",),
        ("the card has no concepts to review yet",),
    )
    assert review(cards["old"], DAY) == Change(
        (fm.Append(("reviewed",), DAY),), ("review 2 recorded on 2026-05-20",)
    )


@pytest.mark.parametrize(
    ("card_id", "index", "expected"),
    [
        (
            "new",
            0,
            Change(
                (milestone_status(0, "active"), fm.Set(("status",), "active")),
                ("milestone 1 'Paper': planned -> active", "card: planned -> active"),
            ),
        ),
        (
            "new",
            1,
            Change(
                (fm.Set(("status",), "active"),),
                ("milestone 2 'Demo' is already active", "card: planned -> active"),
            ),
        ),
        (
            "old",
            2,
            Change(
                (milestone_status(2, "active"),),
                ("milestone 3 'Talk': planned -> active",),
                (INACTIVE.format("done"),),
            ),
        ),
        ("gone", 0, Change((milestone_status(0, "active"),), ("milestone 1 'Read the paper': planned -> active",), (INACTIVE.format("dropped"),))),
        ("busy", 2, Change((), ("milestone 3 'Talk' is already active",))),
    ],
)  # fmt: skip
def test_start_activates_the_milestone_and_a_planned_card(
    cards: dict[str, Card], card_id: str, index: int, expected: Change
) -> None:
    assert start(cards[card_id], index) == expected


DONE_CARD = fm.Set(("status",), "done")
STILL_OPEN = (
    "the card is done but {n} still open: {left}; mark each done"
    " (mkdocs-growth done {id} -m N) or set its status to dropped"
)


@pytest.mark.parametrize(
    ("card_id", "index", "expected"),
    [
        ("old", None, Change(summary=("card is already done",))),
        # milestones left open: a warning names them (issue 22)
        ("new", None, Change((DONE_CARD,), ("card: planned -> done",), (RATE_AGAIN.format("new"),),
                             (STILL_OPEN.format(n="2 milestones are", id="new", left="1. Paper (planned); 2. Demo (active)"),))),
        ("gone", None, Change((DONE_CARD,), ("card: dropped -> done",), (RATE_AGAIN.format("gone"),),
                              (STILL_OPEN.format(n="3 milestones are", id="gone", left="1. Read the paper (planned);"
                                                 " 2. Build the demo (planned); 3. Teach it back (planned)"),))),
        ("busy", None, Change((DONE_CARD,), ("card: active -> done",), (),
                              (STILL_OPEN.format(n="1 milestone is", id="busy", left="3. Talk (active)"),))),
        ("new", 2, Change(summary=("milestone 3 'Talk' is already done",))),
        # another milestone is still open (active, then planned): no advice
        ("new", 0, Change((milestone_status(0, "done"),), ("milestone 1 'Paper': planned -> done",))),
        ("new", 1, Change((milestone_status(1, "done"),), ("milestone 2 'Demo': active -> done",))),
        # the last open one (the others done or dropped): mark the card done
        ("busy", 2, Change(
            (milestone_status(2, "done"),),
            ("milestone 3 'Talk': active -> done",),
            ("every milestone is done: mark the card done with mkdocs-growth done busy",),
        )),
        # the card is done already: no advice
        ("old", 2, Change((milestone_status(2, "done"),), ("milestone 3 'Talk': planned -> done",))),
    ],
)  # fmt: skip
def test_done_marks_a_milestone_or_the_card_and_says_what_is_next(
    cards: dict[str, Card], card_id: str, index: int | None, expected: Change
) -> None:
    assert done(cards[card_id], index) == expected


def test_feedback_appends_an_entry_and_counts_it(cards: dict[str, Card]) -> None:
    entry = {"date": DAY, "from": "Bo", "went_well": "a", "didnt": "b", "try_next": "c"}
    assert feedback(cards["new"], DAY, "Bo", "a", "b", "c") == Change(
        (fm.Append(("feedback",), entry),), ("feedback 2 from Bo on 2026-05-20",)
    )


@pytest.mark.parametrize(
    ("card_id", "when", "scores", "expected"),
    [
        ("new", "before", {"impact": 1, "clarity": 3, "confidence": 2, "competence": 2},
         Change((fm.Set(("rubric", "before"), BEFORE),),
                ("rubric.before: confidence 2, competence 2, impact 1, clarity 3",))),
        ("busy", "after", {"impact": 5, "confidence": 1, "clarity": 3},
         Change((fm.Set(("rubric", "after"), {"confidence": 1, "impact": 5}),),
                ("rubric.after: confidence 4 -> 1, impact 3 -> 5",))),
        ("busy", "after", {"impact": 3}, Change(summary=("rubric.after already holds these ratings",))),
    ],
)  # fmt: skip
def test_rate_sets_only_the_ratings_that_differ(
    cards: dict[str, Card], card_id: str, when: When, scores: dict[str, int], expected: Change
) -> None:
    assert rate(cards[card_id], when, scores) == expected


@pytest.mark.parametrize(
    ("card_id", "scores", "message"),
    [
        ("gone", {"impact": 3, "competence": 3},
         "card 'gone' has no after rating yet: give all four (confidence=N, competence=N,"
         " impact=N, clarity=N); missing confidence, clarity"),
        ("busy", {"impact": 3, "clarty": 3},
         "unknown rubric dimension 'clarty' (did you mean 'clarity'?);"
         " use confidence, competence, impact, clarity"),
    ],
)  # fmt: skip
def test_rate_names_the_dimensions_missing_or_unknown(
    cards: dict[str, Card], card_id: str, scores: dict[str, int], message: str
) -> None:
    with pytest.raises(EditRequestError) as raised:
        rate(cards[card_id], "after", scores)
    assert str(raised.value) == message


def test_an_id_two_files_share_names_both_and_edits_neither(tmp_path: Path) -> None:
    files = {"cards/trace.md": card(), "cards/old/trace.md": card(), "cards/other.md": card()}
    store = store_of(write_store(tmp_path, files))
    with pytest.raises(EditRejected) as raised:
        find_card(store, "trace")
    assert str(raised.value) == (
        "id 'trace' is used by 2 files: cards/old/trace.md, cards/trace.md;"
        " give each an id of its own first"
    )
    assert find_card(store, "other").path == "cards/other.md"


# -- prepare: the edit checked like a build ------------------------------------------------

ACTIVE = statuses("active", "planned", "planned")


def prepared(config: Path, card_id: str, decide: Any, **kwargs: Any) -> Any:
    settings = load_settings(str(config))
    return prepare(settings.docs_dir, settings.growth, card_id, decide, **kwargs)


def test_an_edit_warns_of_what_it_brings_naming_the_config_file(tmp_path: Path) -> None:
    files = {
        "cards/a.md": card(status="active", milestones=ACTIVE),
        "cards/b.md": card(status="planned"),
    }
    config = write_store(tmp_path, files, {"today": "2026-05-20", "max_active": 1})
    result = prepared(config, "b", lambda c: start(c, 0))
    assert [(p.path, p.message) for p in result.warnings] == [
        (
            "mkdocs.yml",
            "2 active milestones across active cards, over max_active 1: finish or pause some before starting more",
        ),
    ]


def test_an_edit_does_not_repeat_a_warning_that_was_there_before(tmp_path: Path) -> None:
    files = {
        "cards/a.md": card(status="active", milestones=ACTIVE),
        "cards/b.md": card(status="active", milestones=ACTIVE),
    }
    config = write_store(tmp_path, files, {"today": "2026-05-20", "max_active": 1})
    result = prepared(config, "b", lambda c: review(c, DAY), config_path="site/mkdocs.yml")
    assert result.changed and result.warnings == []


def test_a_card_naming_an_unknown_competency_is_not_edited(tmp_path: Path) -> None:
    files = {"cards/c.md": card(competencies=["staff/nonsense"])}
    config = write_framework_store(tmp_path, files)
    with pytest.raises(EditRejected) as raised:
        prepared(
            config, "c", lambda c: review(c, DAY), framework=load_settings(str(config)).framework
        )
    assert str(raised.value) == "cards/c.md has errors: fix them before editing it"


def test_a_card_with_warnings_is_edited_whatever_errors_other_files_have(tmp_path: Path) -> None:
    files = {
        "cards/my card.md": card(id="spaced", milestones=milestones("Paper", "Demo")),
        "notes/broken.md": "---\ntype: note\ndate: 2026-05-01\n---\n",  # no title: an error
    }
    config = write_store(tmp_path, files, {"today": "2026-05-20"})
    store = store_of(config)
    assert [p.path for p in store.problems if p.is_error] == ["notes/broken.md"]
    assert [p.path for p in store.warnings] == ["cards/my card.md"]  # two milestones
    result = prepared(config, "spaced", lambda c: review(c, DAY))
    assert result.full_path == str(tmp_path / "docs" / "cards" / "my card.md")
    assert result.changed and result.warnings == []


def test_an_edit_with_nothing_to_do_names_the_file_and_keeps_its_bytes(tmp_path: Path) -> None:
    files = {"cards/c.md": card(reviewed=["2026-05-20"])}
    config = write_store(tmp_path, files, {"today": "2026-05-20"})
    result = prepared(config, "c", lambda c: review(c, DAY))
    assert (result.path, result.full_path) == ("cards/c.md", str(tmp_path / "docs/cards/c.md"))
    assert not result.changed and result.new == result.old
    assert result.change.summary == ("already reviewed on 2026-05-20; nothing to record",)


def test_an_unknown_card_id_is_matched_against_card_ids_only(tmp_path: Path) -> None:
    note = "---\ntype: note\ntitle: Sampling\ndate: 2026-05-01\n---\n"
    store = store_of(write_store(tmp_path, {"cards/c.md": card(), "notes/sampling.md": note}))
    with pytest.raises(EditRequestError) as raised:
        find_card(store, "samplin")
    assert str(raised.value) == "no card has id 'samplin'"


def test_a_card_that_is_a_symbolic_link_is_not_edited(tmp_path: Path) -> None:
    config = write_store(tmp_path, {"cards/real.md": card()}, {"today": "2026-05-20"})
    link = tmp_path / "docs" / "cards" / "linked.md"
    link.symlink_to(tmp_path / "docs" / "cards" / "real.md")
    with pytest.raises(EditRejected) as raised:
        prepared(config, "linked", lambda c: review(c, DAY))
    assert str(raised.value) == f"{link} is a symbolic link: edit the file it points to"


@pytest.fixture(scope="module")
def card_of_thousands() -> Card:
    """10,000 milestones (the model itself: parsing a 1.5 MB card adds nothing here)."""
    steps = [{"title": f"Step {n} " + "x" * 100, "done_when": "y"} for n in range(1, 10_001)]
    return Card.model_validate({**CARD, "id": "c", "milestones": steps})


def test_done_on_a_card_of_many_open_milestones_names_ten_of_them(card_of_thousands: Card) -> None:
    """A 10,000-milestone card must not print a line of every title (issue 22)."""
    many = card_of_thousands
    [warning] = done(many, None).warnings
    assert "10,000 milestones are still open" in warning and "; and 9,990 more;" in warning
    assert "10. Step 10 " in warning and "11. Step" not in warning and len(warning) < 1_000


def test_an_unknown_milestone_on_a_card_of_thousands_lists_ten(card_of_thousands: Card) -> None:
    many = card_of_thousands
    with pytest.raises(EditRequestError) as refused:
        milestone_index(many, "Nope")
    message = str(refused.value)
    assert "give a number from 1 to 10000" in message and message.endswith("; and 9,990 more)")
    assert len(message) < 1_000, len(message)
