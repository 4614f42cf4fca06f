"""Smoke test of the benchmark code (``bench/``): a tiny store, one build each way.

The benchmark itself (``./dev bench``) is not part of the test run; this
only proves its parts work: the generator writes a deterministic store that
validates cleanly with every card field, both configs build, the runner
measures a child process, and the report lands between the docs markers.
No timing is asserted.
"""

from __future__ import annotations

import cProfile
import sys
from pathlib import Path

import pytest
from conftest import store_of
from mkdocs.config import load_config

from mkdocs_growth.core.model import Card, Decision, Note

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

import breakdown  # noqa: E402
import make_store  # noqa: E402
import profile_summary  # noqa: E402
import run  # noqa: E402

N = 20
CARD_FIELDS = {
    "milestones",
    "concepts",
    "metrics",
    "rubric",
    "artifacts",
    "feedback",
    "reviewed",
    "goal",
    "scores",
}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("bench-store")
    make_store.make_store(root, N)
    return root


def _files(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_the_store_is_deterministic(store: Path, tmp_path: Path) -> None:
    make_store.make_store(tmp_path, N)
    assert _files(tmp_path) == _files(store)


def test_the_store_validates_with_every_card_field(store: Path) -> None:
    engine = store_of(store / "mkdocs.growth.yml")
    assert engine.problems == []
    assert (len(engine.cards), len(engine.notes), len(engine.decisions)) == (N, N // 2, N // 10)
    assert isinstance(engine.cards[0], Card) and isinstance(engine.notes[0], Note)
    assert isinstance(engine.decisions[0], Decision)
    for entry in engine.valid:
        if entry.kind == "card":
            assert set(entry.meta or {}) >= CARD_FIELDS, entry.path
            assert 3 <= len(entry.meta["milestones"]) <= 5  # type: ignore[index]
    kinds = {d.kind for d in engine.config.domains or []}
    assert kinds == {"technical", "soft-skill"}
    assert len({c.horizon for c in engine.cards}) > 1


def test_the_configs_differ_only_by_the_plugin(store: Path) -> None:
    plain = load_config(config_file=str(store / "mkdocs.plain.yml"))
    growth = load_config(config_file=str(store / "mkdocs.growth.yml"))
    assert "growth" not in plain.plugins and "growth" in growth.plugins
    assert "material/search" in plain.plugins and "material/search" in growth.plugins
    assert plain.theme.name == growth.theme.name == "material"
    assert plain.docs_dir == growth.docs_dir
    assert [p for p in growth.nav if p != "growth/index.md"] == plain.nav == ["index.md"]


def test_the_runner_builds_both_ways(store: Path, tmp_path: Path) -> None:
    plain = run.build(store / "mkdocs.plain.yml", site=tmp_path / "plain")
    growth = run.build(store / "mkdocs.growth.yml", check_growth=True, site=tmp_path / "growth")
    for sample in (plain, growth):
        assert sample.seconds > 0 and sample.cpu > 0 and sample.max_rss_kb > 10_000
    assert (tmp_path / "plain" / "cards" / "card-00003" / "index.html").is_file()
    assert not (tmp_path / "plain" / "growth").exists()
    assert (tmp_path / "growth" / "growth" / "priorities" / "index.html").is_file()
    assert (tmp_path / "growth" / "growth.json").is_file()
    assert run.validate(store / "mkdocs.growth.yml").seconds > 0


def test_the_pictures_can_be_switched_off_for_a_build(store: Path) -> None:
    """``--pictures`` compares builds with and without them: the 'off' build must lack them."""
    config = store / "mkdocs.growth.yml"
    off = run.build_growth(config, pictures=False)  # raises if the matrix is still there
    assert off.seconds > 0 and off.cpu > 0


def test_a_failing_build_is_reported_with_its_stderr(tmp_path: Path) -> None:
    broken = tmp_path / "mkdocs.yml"
    (tmp_path / "docs").mkdir()
    broken.write_text("site_name: x\nplugins:\n  - no-such-plugin\n", encoding="utf-8")
    with pytest.raises(run.BenchError, match="no-such-plugin"):
        run.build(broken)


def _result(n: int, plain: float, growth: float, validate: float = 1.0) -> run.Result:
    def samples(seconds: float) -> list[run.Sample]:
        return [run.Sample(seconds * f, 100_000, seconds * f) for f in (1.0, 1.1, 0.9)]

    docs = make_store.counts(n).documents + 1
    return run.Result(n, docs, samples(plain), samples(growth), samples(validate), (0.5, 0.7))


def test_the_table_and_verdicts() -> None:
    results = [_result(1000, 10.0, 10.5), _result(5000, 50.0, 60.0, 2.0)]
    text = run.report(results, "now")
    assert "| 5,000 | 8,001 | 50.00 | 60.00 | 1.200 |" in text
    assert "Ratio growth/plain at N=5,000: 1.200" in text and "FAIL" in text
    assert "N=1,000 -> 5,000 (plain): 5.00x; target <= 5.5x: PASS" in text
    assert "validate` on 8,000 documents (N=5,000): 2.00 s; target < 3.0 s: PASS" in text


def test_results_go_between_the_markers(tmp_path: Path) -> None:
    page = tmp_path / "performance.md"
    start, end = run.RESULTS
    page.write_text(f"# Perf\n\n{start}\nold\n{end}\n\nAfter.\n", encoding="utf-8")
    run.update_docs(page, run.RESULTS, "| new |")
    assert page.read_text(encoding="utf-8") == f"# Perf\n\n{start}\n| new |\n{end}\n\nAfter.\n"
    with pytest.raises(run.BenchError):
        run.replace_between("no markers here", run.RESULTS, "x")


def test_the_performance_page_has_both_marker_pairs() -> None:
    text = run.DOCS_PAGE.read_text(encoding="utf-8")
    for start, end in (run.RESULTS, run.PROFILE, run.BREAKDOWN, run.PICTURES):
        assert text.index(start) < text.index(end)


def test_profile_summary_groups_own_time(tmp_path: Path) -> None:
    prof = tmp_path / "x.prof"
    cProfile.runctx("make_store.counts(5)", globals(), {}, str(prof))
    text = profile_summary.summarize(prof, 5, top=5)
    assert "| component | own time s | share |" in text
    compared = profile_summary.summarize(prof, 5, top=5, baseline=prof)
    assert "| component | plain s | growth s | added s |" in compared
    assert "| **all** |" in compared and "+0.00 |" in compared
    assert profile_summary.component("/x/site-packages/mkdocs/commands/build.py") == "MkDocs"
    assert profile_summary.component("/repo/mkdocs_growth/plugin.py") == "mkdocs-growth (ours)"


def test_breakdown_attributes_the_build(store: Path) -> None:
    growth = breakdown._child(store / "mkdocs.growth.yml")
    assert growth["growth on_files"] > 0 and growth["pages growth/"] > 0
    assert growth["total"] >= growth["pages cards/"] + growth["growth on_files"]
    assert "  of which growth on_page_content (cards/)" in growth
    text = breakdown.table({"total": 1.0, "pages cards/": 0.5}, growth)
    assert text.splitlines()[0] == "| part of the build | plain CPU s | growth CPU s | added s |"
    assert text.splitlines()[-1].startswith("| **total** | 1.00 |")
