"""A public site carries nothing private: canaries planted in private data never reach it.

Every private document (one of each type, a plain page, an invalid card and a
page whose front matter cannot be read) and every private field of a public
card holds a unique canary string: in its file name, id, title, tags, other
front-matter fields and body. The site is built for real (Material, search,
sitemap, feed) with ``audience: public``, and no byte of any file under
``site/`` (sitemap.xml.gz decompressed) may contain a canary; neither may the
output of ``mkdocs-growth generate --audience public``. The internal build of
the same store shows every canary, so the test can fail.
"""

from __future__ import annotations

import gzip
import logging
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import MILESTONES, built_once, card, front_matter, write_store
from mkdocs.commands.build import build
from mkdocs.config import load_config

CANARIES: list[str] = []


def canary(what: str) -> str:
    """A fresh canary: lowercase letters and digits, so it can be an id and a file name."""
    name = f"zqcanary{len(CANARIES):03d}{what}x"
    CANARIES.append(name)
    return name


PRIVATE_FIELDS = ["feedback", "rubric", "metrics", "artifacts", "concepts", "tags"]
TODAY = "2026-05-01"


def private_document(kind: str, **fields: Any) -> tuple[str, str]:
    """A private document of ``kind`` whose name, id, title, tags and body are canaries."""
    stem = canary(f"{kind}file")
    meta: dict[str, Any] = {
        "type": kind,
        "id": canary(f"{kind}id"),
        "title": f"Private {kind} {canary(f'{kind}title')}",
        "visibility": "private",
        "tags": [canary(f"{kind}tag")],
        **fields,
    }
    if kind != "playbook":
        meta.setdefault("date", "2026-04-10")
    body = f"# Heading {canary(f'{kind}heading')}\n\nBody text {canary(f'{kind}body')}.\n"
    return f"{kind}s/{stem}.md", front_matter(meta, body)


def canary_store() -> dict[str, str]:
    CANARIES.clear()
    files = dict(
        [
            private_document(
                "card",
                domain=canary("carddomain"),
                horizon="2026-Q2",
                goal=f"Goal {canary('cardgoal')}",
                scores={"impact": 5, "effort": 1, "reusability": 5, "learnings": 5},
                status="active",
                milestones=[
                    {
                        "title": f"M {canary('cardmilestone')}",
                        "done_when": "done",
                        "status": "active",
                    },
                    *MILESTONES[1:],
                ],
                concepts=[canary("cardconcept")],
                feedback=[{"date": "2026-04-20", "from": canary("cardfeedbackfrom")}],
            ),
            private_document("note", card=None, domain=canary("notedomain")),
            private_document("decision", status="accepted"),
            private_document("talk", audience=canary("talkaudience")),
            private_document("playbook"),
            private_document("retro", horizon="2026-Q2"),
        ]
    )
    private_card_id = next(c for c in CANARIES if c.endswith("cardidx"))
    private_note_id = next(c for c in CANARIES if c.endswith("noteidx"))
    # A private plain page (no type), an invalid private card (it has an error:
    # published as a plain page internally), and a page whose front matter
    # cannot be read (its visibility is unknown: a public build leaves it out).
    files[f"{canary('plainfile')}.md"] = front_matter(
        {"title": canary("plaintitle"), "visibility": "private"}, f"{canary('plainbody')}\n"
    )
    files[f"cards/{canary('invalidfile')}.md"] = front_matter(
        {"type": "card", "title": canary("invalidtitle"), "visibility": "private"},
        f"{canary('invalidbody')}\n",
    )
    files[f"{canary('brokenfile')}.md"] = (
        f"---\ntitle: {canary('brokentitle')}\nvisibility: private\n  bad: [\n---\n"
        f"{canary('brokenbody')}\n"
    )
    # The public card: every one of its private fields holds a canary.
    files["cards/public-card.md"] = card(
        title="Public card",
        horizon="2026-Q2",
        status="done",
        tags=[canary("publictag")],
        concepts=[canary("publicconcept")],
        metrics=[{"name": canary("publicmetric"), "unit": canary("publicunit"), "baseline": 1}],
        artifacts=[
            {"kind": "people", "title": canary("publicartifact"), "url": canary("publicurl")}
        ],
        rubric={
            "before": {"confidence": 1, "competence": 1, "impact": 1, "clarity": 1},
            "after": {"confidence": 5, "competence": 5, "impact": 5, "clarity": 5},
        },
        feedback=[
            {
                "date": "2026-04-28",
                "from": canary("feedbackfrom"),
                "went_well": canary("feedbackwell"),
                "didnt": canary("feedbackdidnt"),
                "try_next": canary("feedbacknext"),
            }
        ],
    )
    # A public note that references private documents in its front matter (a
    # warning; the references are dropped from the public site, ids included).
    files["notes/public-note.md"] = front_matter(
        {
            "type": "note",
            "title": "Public note",
            "date": "2026-04-25",
            "card": private_card_id,
            "related": [private_note_id],
        },
        "# Public note\n\nNothing private here.\n",
    )
    files["index.md"] = "# Home\n\nThe public store.\n"
    return files


def write_canary_site(tmp_path: Path, audience: str) -> Path:
    return write_store(
        tmp_path,
        canary_store(),
        {"today": TODAY, "audience": audience, "private_fields": PRIVATE_FIELDS},
        config={"theme": {"name": "material"}, "site_url": "https://example.com/store/"},
    )


def site_bytes(site: Path) -> dict[str, bytes]:
    """Every file of the built site, by relative path; gzip files decompressed."""
    out = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        out[path.relative_to(site).as_posix()] = data
    return out


def found_canaries(files: dict[str, bytes]) -> dict[str, list[str]]:
    """canary -> the files it is in."""
    found: dict[str, list[str]] = {}
    for name, data in files.items():
        for item in CANARIES:
            if item.encode() in data:
                found.setdefault(item, []).append(name)
    return found


@pytest.fixture(scope=built_once)
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, bytes]]:
    """Both audiences of the same store, built once for the module."""
    out = {}
    for audience in ("public", "internal"):
        root = tmp_path_factory.mktemp(audience)
        config = write_canary_site(root, audience)
        logging.getLogger("mkdocs").setLevel(logging.WARNING)
        build(load_config(config_file=str(config)))
        out[audience] = site_bytes(root / "site")
    return out


def test_public_site_carries_no_canary(built: dict[str, dict[str, bytes]]) -> None:
    files = built["public"]
    # The outputs the contract names are all there to be searched.
    for name in (
        "search/search_index.json",
        "growth.json",
        "growth/feed.xml",
        "sitemap.xml",
        "sitemap.xml.gz",
        "404.html",
        "growth/index.html",
        "cards/public-card/index.html",
    ):
        assert name in files, name
    assert found_canaries(files) == {}
    # The private fields' derived outputs are gone too, not shown as "none".
    card_page = files["cards/public-card/index.html"].decode()
    assert "growth-rubric" not in card_page
    dashboard = files["growth/index.html"].decode()
    assert "Rubric change" not in dashboard and "check-in" not in dashboard
    assert "growth/feedback/index.html" not in files


def test_internal_site_carries_every_canary(built: dict[str, dict[str, bytes]]) -> None:
    files = built["internal"]
    missing = set(CANARIES) - set(found_canaries(files))
    assert not missing
    assert "growth-rubric" in files["cards/public-card/index.html"].decode()
    assert "growth/feedback/index.html" in files


def test_generate_public_carries_no_canary(tmp_path: Path, run_cli) -> None:
    config = write_canary_site(tmp_path, "internal")  # the option says internal: --audience wins
    public, internal = tmp_path / "public", tmp_path / "internal"
    assert run_cli("generate", "-f", config, "--out", public, "--audience", "public").code == 0
    assert run_cli("generate", "-f", config, "--out", internal).code == 0
    assert found_canaries(site_bytes(public)) == {}
    # generate writes generated pages only (no document bodies): front-matter canaries show.
    shown = found_canaries(site_bytes(internal))
    for expected in ("cardtitlex", "feedbackfromx", "publicmetricx", "notetitlex", "cardidx"):
        assert any(c.endswith(expected) for c in shown), expected


# -- the leak test of issue 22: every kind of file MkDocs reads, every way to say private --

LEAK_PLUGINS: list[Any] = ["search", "tags", "meta"]  # Material's tags (tags.json) and meta
EXTENSIONS = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")  # every one MkDocs builds


def planted_page(what: str, **meta: Any) -> str:
    """A page whose title, tags and body are canaries, with ``meta`` in its front matter."""
    head = {"title": f"Title {canary(f'{what}title')}", **meta, "tags": [canary(f"{what}tag")]}
    return front_matter(head, f"# Heading {canary(f'{what}heading')}\n\n{canary(f'{what}body')}\n")


def leak_store(outside: Path) -> dict[str, str]:
    """The issue's store: private pages behind every door a public build must keep shut.

    ``outside`` is the folder the symbolic link ``docs/linked`` points at.
    """
    CANARIES.clear()
    files: dict[str, str] = {"index.md": "# Home\n\nThe public store.\n"}
    for suffix in EXTENSIONS:  # a private page in every extension MkDocs reads
        what = suffix.strip(".")
        files[f"ext/{canary(f'{what}file')}{suffix}"] = planted_page(what, visibility="private")
    # A folder made private by Material's meta plugin: no page in it says so itself.
    files["team/.meta.yml"] = "visibility: private\n"
    files[f"team/{canary('metafile')}.md"] = planted_page("meta")
    files[f"team/sub/{canary('metadeepfile')}.md"] = planted_page("metadeep", type="note")
    # Misspelt visibility on plain pages and on a growth document.
    for key in ("Visibility", "visiblity", "visibilty", "VISIBILITY"):
        what = key.lower() + ("caps" if key.isupper() else "")
        files[f"{canary(f'{what}file')}.md"] = planted_page(what, **{key: "private"})
    files[f"notes/{canary('misspeltnotefile')}.md"] = planted_page(
        "misspeltnote", type="note", date="2026-04-02", Visibility="private"
    )
    # Pages growth cannot type: their private fields (tags too) must not reach the site.
    files["cards/mistyped.md"] = front_matter(
        {
            "type": "Card",
            "title": "Mistyped card",
            "tags": [canary("mistypedtag")],
            "feedback": [{"date": "2026-04-20", "from": canary("mistypedfeedback")}],
            "Rubric": canary("mistypedrubric"),
        },
        "# Mistyped card\n",
    )
    files["cards/unknown-type.md"] = front_matter(
        {"type": "growthcard", "title": "Unknown type", "tags": [canary("unknowntypetag")]},
        "# Unknown type\n",
    )
    files[f"{canary('brokenfile')}.md"] = (
        f"---\ntitle: {canary('brokentitle')}\n  bad: [\n---\n{canary('brokenbody')}\n"
    )
    # Public documents with private fields on every type, and misspelt private fields.
    files["talks/public-talk.md"] = front_matter(
        {
            "type": "talk",
            "title": "Public talk",
            "date": "2026-04-03",
            "feedback": [{"date": "2026-04-20", "from": canary("talkfeedback")}],
            "rubric": {"note": canary("talkrubric")},
            "tags": [canary("talktag")],
        },
        "# Public talk\n",
    )
    files["cards/public-card.md"] = card(
        title="Public card",
        horizon="2026-Q2",
        tags=[canary("cardtag")],
        Feedback=[{"date": "2026-04-20", "from": canary("cardmisspeltfeedback")}],
        rubrics={"before": canary("cardmisspeltrubric")},
    )
    (outside / "linked").mkdir(parents=True, exist_ok=True)  # reached through a symbolic link
    (outside / "linked" / f"{canary('linkedfile')}.md").write_text(
        planted_page("linked", visibility="private"), encoding="utf-8"
    )
    return files


def write_leak_site(root: Path, *, growth: bool = True) -> Path:
    files = leak_store(root / "outside")
    options = {"today": TODAY, "audience": "public", "private_fields": PRIVATE_FIELDS}
    config = write_store(
        root,
        files,
        options,
        config={"theme": {"name": "material"}, "site_url": "https://example.com/store/"},
    )
    (root / "docs" / "linked").symlink_to(root / "outside" / "linked", target_is_directory=True)
    set_plugins(config, LEAK_PLUGINS + ([{"growth": options}] if growth else []))
    return config


def set_plugins(config: Path, plugins: list[Any]) -> None:
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    settings["plugins"] = plugins
    config.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")


def build_site(config: Path) -> dict[str, bytes]:
    built = load_config(config_file=str(config))
    build(built)
    return site_bytes(Path(built.site_dir))


def test_public_build_leaks_nothing_from_behind_any_door(tmp_path: Path) -> None:
    files = build_site(write_leak_site(tmp_path))
    for name in ("search/search_index.json", "sitemap.xml", "tags.json", "growth.json"):
        assert name in files, name
    assert "growth/feed.xml" in files
    assert found_canaries(files) == {}
    assert "talks/public-talk/index.html" in files  # public pages are published
    assert "cards/mistyped/index.html" in files and "cards/public-card/index.html" in files


def test_internal_build_of_the_leak_store_shows_the_canaries(tmp_path: Path) -> None:
    """The canaries are where a leak would put them: the public test can fail."""
    config = write_leak_site(tmp_path)
    text = config.read_text(encoding="utf-8").replace("audience: public", "audience: internal")
    config.write_text(text, encoding="utf-8")
    shown = found_canaries(build_site(config))
    for expected in ("mdownbodyx", "mkdbodyx", "linkedbodyx", "metabodyx", "visiblitybodyx"):
        assert any(c.endswith(expected) for c in shown), expected
    assert any(c.endswith("mistypedtagx") for c in shown)  # Material's tag list


def test_generate_public_then_plain_build_leaks_nothing(tmp_path: Path, run_cli) -> None:
    """The documented path for other generators: copy docs_dir, generate over it, build."""
    config = write_leak_site(tmp_path)
    copy = tmp_path / "copy"
    shutil.copytree(tmp_path / "docs", copy, symlinks=True)  # like `cp -r`: links stay links
    first = run_cli("generate", "-f", config, "--out", copy, "--audience", "public")
    assert first.code == 2  # the copy holds private pages: named, nothing written
    named = re.findall(r"^  (\S+)( \(through a symbolic link)?", first.err, re.MULTILINE)
    assert any(linked for _, linked in named)  # the symlinked folder's page, said as such
    for path, linked in named:
        if linked:  # as the message says: a copy of the linked folder, then delete
            folder = Path(path).parent
            target = folder.resolve()
            folder.unlink()
            shutil.copytree(target, folder)
        Path(path).unlink()
    second = run_cli("generate", "-f", config, "--out", copy, "--audience", "public")
    assert second.code == 2  # pages whose private tags a plain build would list
    assert "cards/mistyped.md: tags" in second.err and "talks/public-talk.md: tags" in second.err
    for path in re.findall(r"^  (\S+): ", second.err, re.MULTILINE):
        text = Path(path).read_text(encoding="utf-8")
        Path(path).write_text(re.sub(r"^tags:\n(- .*\n)+", "", text, flags=re.M), "utf-8")
    assert run_cli("generate", "-f", config, "--out", copy, "--audience", "public").code == 0
    plain = tmp_path / "plain.yml"  # the same site without the growth plugin
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    settings.update(docs_dir="copy", site_dir=str(tmp_path / "plain-site"))
    settings["plugins"] = LEAK_PLUGINS
    plain.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    files = build_site(plain)
    assert "tags.json" in files and "growth.json" in files
    assert found_canaries(files) == {}  # every extension, the linked folder, .meta.yml
