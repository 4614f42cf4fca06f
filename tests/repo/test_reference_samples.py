"""Samples in the reference are what the code prints: the example site's priority table."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CLI = ROOT / "docs" / "reference" / "cli.md"


def test_the_priorities_sample_is_what_the_command_prints_for_the_example_site(run_cli) -> None:
    text = CLI.read_text(encoding="utf-8")
    sample = re.search(r"^```text\n(#  id .*?)^```$", text, re.S | re.M)
    assert sample is not None
    printed = run_cli("priorities", "-f", ROOT / "mkdocs.yml")
    assert printed.code == 0
    assert sample.group(1) == printed.out
