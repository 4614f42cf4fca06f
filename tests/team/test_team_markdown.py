"""The team pages are page models like any other: the Markdown renderer writes them too."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from mkdocs_growth.core.options import parse_options
from mkdocs_growth.site.context import SiteContext
from mkdocs_growth.site.pages.team import TeamView, team_pages
from mkdocs_growth.site.to_markdown import render_page
from mkdocs_growth.team.read import read_team

from .conftest import team_folder


def test_team_pages_render_as_markdown_with_member_text_escaped(
    tmp_path: Path, built_members: Path
) -> None:
    config = team_folder(tmp_path, built_members)
    data_path = tmp_path / "built" / "ana" / "growth.json"
    data = json.loads(data_path.read_text(encoding="utf-8"))
    data["documents"][0]["title"] = "<script>x</script> [link](javascript:alert(1))"
    data_path.write_text(json.dumps(data), encoding="utf-8")
    import yaml

    growth = yaml.safe_load(config.read_text(encoding="utf-8"))["plugins"][1]["growth"]
    team = read_team(parse_options(growth).team, str(tmp_path), reuse=False)  # type: ignore[arg-type]
    ctx = SiteContext(today=dt.date(2026, 11, 24))
    pages = {p.path: render_page(p, ctx) for p in team_pages(TeamView(team, ctx.today), ctx)}
    assert {"team/index.md", "team/knows.md", "team/people/ana.md", "team/reviews.md"} <= set(pages)
    text = "\n".join(pages.values())
    assert "<script>" not in text and "](javascript:" not in text
    assert "[Ana Lima](people/ana.md)" in pages["team/knows.md"]  # a person, linked as a page
