"""The example team (examples/team): each member built with audience public, then the team site.

Built once per session: the lead's store is the example site at the
repository root, Ana's and Ben's are in examples/team/members/.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from mkdocs_growth.team.read import forget_members

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "team"
MEMBER_CONFIGS = {
    "lead": ROOT / "mkdocs.yml",
    "ana": EXAMPLE / "members" / "ana" / "mkdocs.yml",
    "ben": EXAMPLE / "members" / "ben" / "mkdocs.yml",
}


def build(
    config_file: Path, site_dir: Path, *, audience: str | None = "public", strict: bool = False
) -> None:
    """``mkdocs build`` of ``config_file`` into ``site_dir`` (GROWTH_AUDIENCE set for its !ENV)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    old = os.environ.get("GROWTH_AUDIENCE")
    if audience:
        os.environ["GROWTH_AUDIENCE"] = audience
    try:
        config = load_config(config_file=str(config_file), site_dir=str(site_dir), strict=strict)
        mkdocs_build(config)
    finally:
        if old is None:
            os.environ.pop("GROWTH_AUDIENCE", None)
        else:
            os.environ["GROWTH_AUDIENCE"] = old


PAGEFIND_FILES = (".pf_fragment", ".pf_index", ".pf_meta", ".pf_filter")


def published_bytes(path: Path) -> bytes:
    """A published file's bytes as a reader's browser ends up with them (Pagefind's unzipped)."""
    data = path.read_bytes()
    return gzip.decompress(data) if path.name.endswith(PAGEFIND_FILES) else data


def pagefind_pages(site: Path) -> dict[str, dict[str, object]]:
    """Every page in the site's Pagefind index, by URL: its text, title and anchors."""
    pages = {}
    for fragment in (site / "search" / "pagefind").rglob("*.pf_fragment"):
        record = json.loads(published_bytes(fragment).removeprefix(b"pagefind_dcd"))
        pages[record["url"]] = record
    return pages


@pytest.fixture(scope="session")
def built_members(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``<tmp>/<id>/``: each member's public site."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    out = tmp_path_factory.mktemp("members")
    for member, config in MEMBER_CONFIGS.items():
        build(config, out / member)
    return out


def team_folder(tmp_path: Path, built_members: Path, **team_changes: object) -> Path:
    """A copy of examples/team in ``tmp_path`` with the members' built sites in ``built/``."""
    shutil.copytree(EXAMPLE / "docs", tmp_path / "docs")
    shutil.copytree(built_members, tmp_path / "built")
    config = yaml.load((EXAMPLE / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    team = config["plugins"][1]["growth"]["team"]
    team.update(team_changes)
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return tmp_path / "mkdocs.yml"


@pytest.fixture(scope="session")
def team_site(tmp_path_factory: pytest.TempPathFactory, built_members: Path) -> Path:
    """The example team site, built strict."""
    folder = tmp_path_factory.mktemp("team")
    config = team_folder(folder, built_members)
    forget_members()
    build(config, folder / "site", audience=None, strict=True)
    return folder / "site"


@pytest.fixture(autouse=True)
def _fresh_members() -> Iterator[None]:
    yield
    forget_members()
