"""Benchmark a synthetic team site: N members x about 50 documents each (not a timed test).

One member store is written with ``make_store`` (32 cards, 16 notes, 3
decisions) and built for real with ``audience: public``; the other members
are copies of that site with their ids, titles and domain ids rewritten in
``growth.json`` and one unique word in their search index's first title and
text (so 1,000 MkDocs builds are not needed: the team build only ever reads
built sites). Then:

* a full team build in a fresh process (wall time; peak RSS of the build and
  its child processes, Pagefind's among them, together);
* the search index's size (Material's ``search_index.json`` and Pagefind's parts);
* with ``--browser``, the first search result in Chromium
  (``bench/team_search_probe.py``);
* a rebuild after one member changed, as ``mkdocs serve --dirty`` does it:
  the same process builds over the site just built, one member's site
  changes, it builds again (members whose hash did not change are not read
  again, files already in place are not linked again).

    python bench/team.py /tmp/team-bench -n 1000 [--browser]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from make_store import make_store

ALIASES = {"observability": ["o11y", "tracing"], "distributed-systems": ["dist-sys"]}


def seed_site(root: Path) -> Path:
    """One real member site, built with audience public."""
    store = root / "seed"
    if (store / "site" / "growth.json").exists():
        return store / "site"
    make_store(store, 32)
    config = (store / "mkdocs.growth.yml").read_text(encoding="utf-8")
    config = config.replace("  - growth:\n", "  - growth:\n      audience: public\n", 1)
    (store / "mkdocs.growth.yml").write_text(config, encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(store / "mkdocs.growth.yml"),
         "-d", str(store / "site")],
        check=True,
    )  # fmt: skip
    return store / "site"


def synthesize(seed: Path, target: Path, n: int, version: int = 0) -> None:
    """Member ``n``'s site: the seed with rewritten titles and domain ids."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(seed, target)
    data = json.loads((seed / "growth.json").read_text(encoding="utf-8"))
    alias_sets = list(ALIASES.items())
    for doc in data["documents"]:
        doc["title"] = f"{doc['title']} (m{n:04d}{'' if not version else f' v{version}'})"
        domain = doc.get("domain")
        for team_id, aliases in alias_sets:
            if domain == team_id and n % 3:
                doc["domain"] = aliases[n % len(aliases)]  # members use their own words
    (target / "growth.json").write_text(json.dumps(data), encoding="utf-8")
    index_path = target / "search" / "search_index.json"
    index = json.loads(index_path.read_text(encoding="utf-8"))
    index["docs"][0]["text"] += f" memberword{n:04d}"
    index["docs"][0]["title"] += f" memberword{n:04d}"  # found in a large team too (by title)
    index_path.write_text(json.dumps(index), encoding="utf-8")


def write_team(root: Path, members: int) -> Path:
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "docs" / "index.md").write_text("# Team\n", encoding="utf-8")
    lines = [
        f"site_name: Team of {members}",
        "site_url: https://example.org/team/",
        "theme:",
        "  name: material",
        "plugins:",
        "  - search",
        "  - growth:",
        "      today: 2026-05-15",
        "      team:",
        "        domains:",
    ]
    for team_id, aliases in ALIASES.items():
        lines += [f"          - id: {team_id}", f"            aliases: [{', '.join(aliases)}]"]
    lines.append("        members:")
    for n in range(members):
        lines += [
            f"          - id: m{n:04d}",
            f"            name: Member {n:04d}",
            f"            site: members/m{n:04d}",
        ]
    config = root / "mkdocs.yml"
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return config


def tree_rss(pid: int) -> int:
    """Bytes resident in ``pid`` and all its descendants now (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(stat[1]), []).append(int(entry))
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        todo += children.get(current, [])
        with contextlib.suppress(OSError):
            total += int(Path(f"/proc/{current}/statm").read_text().split()[1]) * os.sysconf(
                "SC_PAGE_SIZE"
            )
    return total


REBUILD = """
import os, sys, time, json, shutil
sys.path.insert(0, {bench!r})
from team import synthesize
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
t = time.perf_counter(); build(load_config({config!r}), dirty=True); first = time.perf_counter() - t
synthesize(Path({seed!r}), Path({member!r}), 0, version=1)
t = time.perf_counter(); build(load_config({config!r}), dirty=True); second = time.perf_counter() - t
print(json.dumps({{"first": first, "second": second}}))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("-n", "--members", type=int, default=1000)
    parser.add_argument("--browser", action="store_true", help="time the first search result")
    args = parser.parse_args(argv)
    root: Path = args.root
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    seed = seed_site(root)
    files = sum(1 for p in seed.rglob("*") if p.is_file())
    size = sum(p.stat().st_size for p in seed.rglob("*") if p.is_file())
    documents = len(json.loads((seed / "growth.json").read_text(encoding="utf-8"))["documents"])
    print(f"seed member: {documents} documents, {files} files, {size / 1e6:.1f} MB")
    team = root / f"team-{args.members}"
    started = time.perf_counter()
    for n in range(args.members):
        if not (team / "members" / f"m{n:04d}" / "growth.json").exists():
            synthesize(seed, team / "members" / f"m{n:04d}", n)
    print(f"synthesized {args.members} members in {time.perf_counter() - started:.0f} s")
    config = write_team(team, args.members)
    shutil.rmtree(team / "site", ignore_errors=True)  # a fresh build: no cleaning in the figure
    started = time.perf_counter()
    build = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    peak = 0
    while build.poll() is None:  # the build and Pagefind's processes run at once: their sum
        peak = max(peak, tree_rss(build.pid))
        time.sleep(0.2)
    if build.returncode:
        print(build.stderr.read(), file=sys.stderr)
        return 1
    print(f"full team build: {time.perf_counter() - started:.0f} s wall, peak RSS of the build"
          f" and its child processes together {peak / 1e6:.0f} MB")  # fmt: skip
    site = team / "site"
    index = site / "search" / "search_index.json"
    print(f"search index: {index.stat().st_size / 1e6:.1f} MB, "
          f"{len(json.loads(index.read_text(encoding='utf-8'))['docs'])} entries")  # fmt: skip
    pagefind = site / "search" / "pagefind"
    if pagefind.is_dir():
        files = [p for p in pagefind.rglob("*") if p.is_file()]
        parts = json.loads((pagefind / "parts.json").read_text(encoding="utf-8"))
        print(f"Pagefind index: {len(parts)} parts, {len(files)} files,"
              f" {sum(p.stat().st_size for p in files) / 1e6:.1f} MB")  # fmt: skip
    if args.browser:  # a word in the last member's title, then (index loaded) the first's
        last, first = f"{args.members - 1:04d}", "0000"
        words = [f"memberword{last}", f"people/m{last}/", f"memberword{first}", "people/m0000/"]
        probe = Path(__file__).parent / "team_search_probe.py"
        subprocess.run([sys.executable, str(probe), str(site), *words], check=True)
    script = REBUILD.format(
        bench=str(Path(__file__).parent), config=str(config), seed=str(seed),
        member=str(team / "members" / "m0000"),
    )  # fmt: skip
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    times = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"in one process (as mkdocs serve --dirty): build {times['first']:.1f} s, rebuild"
          f" after one member changed {times['second']:.1f} s")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
