"""``review``, ``start``, ``done``, ``feedback``, ``rate``: edit one card from the terminal.

The decisions live in :mod:`mkdocs_growth.practice.card_edits`; this module
reads the arguments, prints what changed and writes the file. Exit codes:
0 written (or nothing to change), 1 nothing written because the card has
errors, the result would not validate, the file changed on disk meanwhile
or could not be written; 2 a usage error (unknown card or milestone, bad
date or rating).
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import sys
from collections.abc import Callable

from ..core.model import Card
from ..core.options import GrowthConfig
from ..core.safe_write import ChangedOnDisk, WriteRefused, replace_unchanged
from ..practice import card_edits as edits
from ..practice.rubric import DIMENSIONS
from ..practice.store import open_store
from .common import EXIT_OK, EXIT_PROBLEMS, UsageError, page_paths, require_dir, settings_of

Decide = Callable[[Card], edits.Change]


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date like 2026-11-24: {text!r}") from None


def _rating(text: str) -> tuple[str, int]:
    name, sep, value = text.partition("=")
    if not sep or not value.strip().isdigit() or not 1 <= int(value) <= 5:
        raise argparse.ArgumentTypeError(
            f"expected NAME=N with N from 1 to 5 (e.g. confidence=3), got {text!r}"
        )
    return name.strip(), int(value)


def _text(value: str) -> str:
    """A command-line text for the card: valid Unicode, not blank."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise argparse.ArgumentTypeError("the text is not valid UTF-8") from None
    if not value.strip():
        raise argparse.ArgumentTypeError("the text is empty")
    return value


ATTEMPTS = 3  # an edit that meets another writer is made again on the new bytes, this often


def run_edit(args: argparse.Namespace, make: Callable[[GrowthConfig], Decide]) -> int:
    """Prepare the edit ``make`` decides, write it unless ``--dry-run``, then say what it did.

    When the card changes on disk between the read and the write, the edit
    is decided again from the new bytes (as if the command were run again),
    at most :data:`ATTEMPTS` times; then it is refused.
    """
    settings = settings_of(args)
    require_dir(settings.docs_dir)
    config = settings.growth
    decide = make(config)
    for attempt in range(1, ATTEMPTS + 1):
        try:
            result = edits.prepare(
                settings.docs_dir,
                config,
                args.id,
                decide,
                settings.config_file,
                store=open_store(
                    settings.docs_dir,
                    config,
                    settings.config_file,
                    paths=page_paths(settings),
                    framework=settings.framework,
                ),
                framework=settings.framework,
            )
        except edits.EditRequestError as exc:
            raise UsageError(str(exc)) from None
        except edits.EditRejected as exc:
            print(f"mkdocs-growth: error: {exc}", file=sys.stderr)
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            return EXIT_PROBLEMS
        if not result.changed or args.dry_run:
            break
        try:
            replace_unchanged(result.full_path, result.old, result.new, result.body_at)
            break
        except ChangedOnDisk as exc:
            if attempt == ATTEMPTS:
                print(f"mkdocs-growth: error: {exc}", file=sys.stderr)
                return EXIT_PROBLEMS
        except WriteRefused as exc:
            print(f"mkdocs-growth: error: {exc}", file=sys.stderr)
            return EXIT_PROBLEMS
    # what changed is said once it is on disk, never before
    for line in result.change.summary:
        print(f"{result.path}: {line}")
    if result.changed and args.dry_run:
        sys.stdout.writelines(_diff(result))
        print("(dry run: nothing written)")
    for problem in result.warnings:
        print(problem, file=sys.stderr)
    for warning in result.change.warnings:
        print(f"{result.path}: warning: {warning}", file=sys.stderr)
    for note in result.change.notes:
        print(f"note: {note}", file=sys.stderr)
    return EXIT_OK


def _diff(result: edits.Result) -> list[str]:
    old = result.old.decode("utf-8", "replace").splitlines(keepends=True)
    new = result.new.decode("utf-8", "replace").splitlines(keepends=True)
    return [
        line if line.endswith(("\n", "\r")) else line + "\n"
        for line in difflib.unified_diff(old, new, f"a/{result.path}", f"b/{result.path}")
    ]


def _day(args: argparse.Namespace, config: GrowthConfig) -> dt.date:
    return args.date or config.effective_today()


def cmd_review(args: argparse.Namespace) -> int:
    return run_edit(args, lambda config: lambda card: edits.review(card, _day(args, config)))


def cmd_start(args: argparse.Namespace) -> int:
    return run_edit(
        args, lambda _: lambda card: edits.start(card, edits.milestone_index(card, args.milestone))
    )


def cmd_done(args: argparse.Namespace) -> int:
    def decide(card: Card) -> edits.Change:
        index = None if args.milestone is None else edits.milestone_index(card, args.milestone)
        return edits.done(card, index)

    return run_edit(args, lambda _: decide)


def cmd_feedback(args: argparse.Namespace) -> int:
    return run_edit(
        args,
        lambda config: (
            lambda card: edits.feedback(
                card, _day(args, config), args.giver, args.went_well, args.didnt, args.try_next
            )
        ),
    )


def cmd_rate(args: argparse.Namespace) -> int:
    scores: dict[str, int] = {}
    for name, value in args.ratings:
        if name in scores:
            raise UsageError(f"{name} is given twice")
        scores[name] = value
    when: edits.When = "before" if args.before else "after"
    return run_edit(args, lambda _: lambda card: edits.rate(card, when, scores))


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    edit = argparse.ArgumentParser(add_help=False)
    edit.add_argument("id", help="the card's id")
    edit.add_argument(
        "-n", "--dry-run", action="store_true", help="print the change as a diff, write nothing"
    )
    parents = [common, edit]
    date_help = "the date (default: today, or the 'today' option)"

    review = sub.add_parser(
        "review", parents=parents, help="record a review of a card's concepts (spaced repetition)"
    )
    review.add_argument("--date", type=_date, help=date_help)
    review.set_defaults(func=cmd_review)

    start = sub.add_parser(
        "start", parents=parents, help="make a milestone active (and its card, when planned)"
    )
    start.add_argument(
        "--milestone", "-m", required=True, metavar="M", help="1-based number or title"
    )
    start.set_defaults(func=cmd_start)

    done = sub.add_parser("done", parents=parents, help="mark a milestone, or the card, done")
    done.add_argument(
        "--milestone", "-m", metavar="M", help="1-based number or title (default: the card)"
    )
    done.set_defaults(func=cmd_done)

    feedback = sub.add_parser("feedback", parents=parents, help="add a feedback entry to a card")
    feedback.add_argument("--from", dest="giver", required=True, type=_text, metavar="NAME")
    feedback.add_argument("--went-well", required=True, type=_text, metavar="TEXT")
    feedback.add_argument("--didnt", required=True, type=_text, metavar="TEXT")
    feedback.add_argument("--try-next", required=True, type=_text, metavar="TEXT")
    feedback.add_argument("--date", type=_date, help=date_help)
    feedback.set_defaults(func=cmd_feedback)

    rate = sub.add_parser(
        "rate", parents=parents, help="set the before or after self-rating (1-5 each)"
    )
    when = rate.add_mutually_exclusive_group(required=True)
    when.add_argument("--before", action="store_true", help="the rating at the start")
    when.add_argument("--after", action="store_true", help="the rating once done")
    rate.add_argument(
        "ratings",
        nargs="+",
        type=_rating,
        metavar="NAME=N",
        help=f"one or more of {', '.join(DIMENSIONS)}; all four for a first rating",
    )
    rate.set_defaults(func=cmd_rate)
