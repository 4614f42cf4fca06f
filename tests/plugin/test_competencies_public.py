"""On a public site, private documents are not evidence (the contract's `audience: public`).

The competencies page and growth.json are computed from the store a build
publishes (its public view), which must keep the framework: a private talk
is not evidence, and its competency shows as a gap.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import MILESTONES, card, front_matter, write_framework_store
from mkdocs.commands.build import build
from mkdocs.config import load_config

SECRET_TITLE = "Secret talk to the board"
FILES = {
    "index.md": "# Home\n",
    "cards/public.md": card(
        title="Public card",
        status="done",
        milestones=[{**m, "status": "done"} for m in MILESTONES],
        rubric={"after": {"confidence": 4, "competence": 4, "impact": 4, "clarity": 4}},
        competencies=["staff/craft"],
    ),
    "talks/secret.md": front_matter(
        {
            "type": "talk",
            "title": SECRET_TITLE,
            "date": "2026-03-01",
            "visibility": "private",
            "competencies": ["staff/communication"],
        }
    ),
}


@pytest.mark.parametrize("audience", ["internal", "public"])
def test_private_documents_are_evidence_only_on_an_internal_site(
    tmp_path: Path, audience: str
) -> None:
    config = write_framework_store(
        tmp_path,
        FILES,
        {"today": "2026-05-20", "audience": audience},
        config={"theme": {"name": "material"}, "site_url": "https://example.com/"},
    )
    build(load_config(config_file=str(config)))
    html = (tmp_path / "site" / "growth" / "competencies" / "index.html").read_text("utf-8")
    article = html[html.index("<article") : html.index("</article>")]
    assert "Public card" in article
    assert "has errors" not in article  # the published store keeps its framework
    data = json.loads((tmp_path / "site" / "growth.json").read_text("utf-8"))
    summary = data["competencies"]["summary"][0]["text"]
    if audience == "public":
        assert SECRET_TITLE not in article and "secret" not in json.dumps(data["competencies"])
        assert summary == "target level (Staff engineer): 1 of 8 themes have evidence"
    else:
        assert SECRET_TITLE in article
        assert summary == "target level (Staff engineer): 2 of 8 themes have evidence"
