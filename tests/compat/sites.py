"""The small growth store and the site variants the compatibility suite builds.

Each variant is one real site: Material with search, growth, and one other
plugin listed before or after ``growth`` (or a theme setting). Everything a
plugin needs is made here, offline: a git repository for the git-based
plugins, a gen-files script, a blog post, a second language. Builds run
``mkdocs build --strict`` in a child process, as a user would.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

# The engine every variant is built with: mkdocs, or properdocs (`.ci/run` runs the suite
# once with each; ProperDocs is installed beside MkDocs from tests/compat/engines.txt).
ENGINE = os.environ.get("GROWTH_COMPAT_ENGINE", "mkdocs")
TODAY = "2026-05-01"
SITE_URL = "https://example.com/growth/"
XSS = "<img src=x onerror=alert(1)> probe"
MACRO = "Macro probe {{ 6*7 }}"
APOSTROPHE = "Don't guess: measure"
MILESTONES = [
    {"title": "Read the paper", "done_when": "a one-page summary is written"},
    {"title": "Build the demo", "done_when": "the demo runs in CI"},
    {"title": "Teach it back", "done_when": "a 15-minute talk is given"},
]
RUBRIC = {
    "before": {"confidence": 2, "competence": 2, "impact": 2, "clarity": 2},
    "after": {"confidence": 4, "competence": 3, "impact": 4, "clarity": 3},
}


def _card(title: str, goal: str, **fields: Any) -> dict[str, Any]:
    return {
        "type": "card",
        "title": title,
        "domain": "observability",
        "horizon": "2026-Q2",
        "goal": goal,
        "scores": {"impact": 4, "effort": 2, "reusability": 3, "learnings": 3},
        "milestones": MILESTONES,
        "rubric": RUBRIC,
        **fields,
    }


# Cards: id -> front matter. Every card is open (planned or active), so each one is a
# row of the priority table, and every one has a rubric chart in its header.
CARDS: dict[str, dict[str, Any]] = {
    "trace": _card(
        "Trace explorer",
        "Find the slow span of any request in under a minute.",
        status="active",
        tags=["tracing"],
        artifacts=[{"kind": "process", "title": "The note", "url": "../notes/week-17.md"}],
        metrics=[{"name": "p95 lookup", "unit": "s", "baseline": 300, "target": 60}],
    ),
    "apostrophe": _card(APOSTROPHE, "Profile before you optimise anything."),
    "macro": _card(MACRO, "Titles stay what the author typed."),
    "xss": _card(XSS, "Markup in a title is text.", domain="communication"),
}
ROOT = "@SITE_ROOT@"  # in mkdocs.yml: the folder the site is written to
OTHER_REPO_CARD = "other/docs/cards/imported.md"  # a second git repository, for multirepo
# A card mkdocs-exclude leaves out, and one a hook adds from outside docs_dir.
EXCLUDED_CARD = "cards/excluded.md"
EXCLUDED = _card("Excluded probe card", "Never listed anywhere.")
IMPORTED = _card("Imported probe card", "Listed like any other card.")
CARD_GOALS = {card_id: meta["goal"] for card_id, meta in CARDS.items()}
CARD_TITLES = {card_id: meta["title"] for card_id, meta in CARDS.items()}

OPTIONS = {
    "today": TODAY,
    "domains": [
        {"id": "observability", "title": "Observability", "kind": "technical"},
        {"id": "communication", "title": "Communication", "kind": "soft-skill"},
    ],
    "horizons": [{"id": "2026-Q2", "start": "2026-04-01", "end": "2026-06-30"}],
}

# Generated pages every variant must publish (docs-relative, under growth/).
GENERATED = [
    "index.md",
    "priorities.md",
    "reviews.md",
    "notes.md",
    "decisions.md",
    "talks.md",
    "feedback.md",
    "checklist.md",
    "problems.md",
    "domains/index.md",
    "domains/observability.md",
    "domains/communication.md",
    "horizons/index.md",
    "horizons/2026-Q2.md",
]


def _front_matter(meta: dict[str, Any], body: str) -> str:
    return "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True) + "---\n\n" + body


def store_files() -> dict[str, str]:
    files = {
        "index.md": "# Home\n\nA growth store.\n\n![Diagram](assets/diagram.svg)\n",
        "assets/diagram.svg": (
            '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
            '<rect width="10" height="10"/></svg>\n'
        ),
        "notes/week-17.md": _front_matter(
            {
                "type": "note",
                "title": "Week 17: spans",
                "date": dt.date(2026, 4, 24),
                "card": "trace",
            },
            "Learned about tail sampling.\n",
        ),
        "decisions/jaeger.md": _front_matter(
            {
                "type": "decision",
                "title": "Use Jaeger",
                "date": dt.date(2026, 4, 10),
                "status": "accepted",
            },
            "We chose Jaeger.\n",
        ),
        "talks/tracing-101.md": _front_matter(
            {"type": "talk", "title": "Tracing 101", "date": dt.date(2026, 4, 28)}, "Slides.\n"
        ),
    }
    for card_id, meta in CARDS.items():
        files[f"cards/{card_id}.md"] = _front_matter(meta, f"The author's own text of {card_id}.\n")
    return files


@dataclass(frozen=True)
class Variant:
    """One site: ``plugin`` (an entry in ``plugins:``) placed ``order`` growth, or a setting."""

    name: str  # the row of the table: a plugin entry point or a setting
    order: str  # "before" | "after" | "-" (a setting, not a plugin)
    distribution: str  # whose version the table shows
    entry: Any = None  # the plugins: entry (a name or {name: options})
    config: dict[str, Any] = field(default_factory=dict)  # other mkdocs.yml settings
    files: dict[str, str] = field(default_factory=dict)  # extra files under docs/
    project_files: dict[str, str] = field(default_factory=dict)  # next to mkdocs.yml
    languages: tuple[str, ...] = ()  # extra language folders (static-i18n)

    @property
    def id(self) -> str:
        return self.name if self.order == "-" else f"{self.name}-{self.order}"

    @property
    def directory_urls(self) -> bool:
        return self.config.get("use_directory_urls", True)


GEN_FILES_SCRIPT = """\
import mkdocs_gen_files

with mkdocs_gen_files.open("generated/hello.md", "w") as handle:
    handle.write("# Hello from gen-files\\n")
"""
I18N = {
    "i18n": {
        "docs_structure": "suffix",
        "languages": [
            {"locale": "en", "default": True, "name": "English", "build": True},
            {"locale": "fr", "name": "Français", "build": True},
        ],
    }
}

# name, distribution, plugins: entry, extra docs files, project files, other settings
PLUGINS: list[tuple[str, str, Any, dict[str, str], dict[str, str], dict[str, Any]]] = [
    ("material/tags", "mkdocs-material", "tags", {}, {}, {}),
    (
        "material/blog",
        "mkdocs-material",
        "blog",
        {
            "blog/index.md": "# Blog\n",
            "blog/posts/hello.md": "---\ndate: 2026-04-02\n---\n\n# Hello\n\nA post.\n",
        },
        {},
        {},
    ),
    (
        "material/meta",
        "mkdocs-material",
        "meta",
        {"notes/.meta.yml": "search:\n  boost: 2\n"},
        {},
        {},
    ),
    # The offline plugin sets use_directory_urls: false itself; said here for the checks.
    ("material/offline", "mkdocs-material", "offline", {}, {}, {"use_directory_urls": False}),
    # No network here: Material's bundle names mermaid on unpkg.com, which privacy would fetch.
    (
        "material/privacy",
        "mkdocs-material",
        {"privacy": {"assets_exclude": ["unpkg.com/*"]}},
        {},
        {},
        {},
    ),
    (
        "awesome-nav",
        "mkdocs-awesome-nav",
        "awesome-nav",
        {"cards/.nav.yml": "title: Cards\n"},
        {},
        {},
    ),
    (
        "awesome-pages",
        "mkdocs-awesome-pages-plugin",
        "awesome-pages",
        {"cards/.pages": "title: Cards\n"},
        {},
        {},
    ),
    (
        "literate-nav",
        "mkdocs-literate-nav",
        {"literate-nav": {"nav_file": "SUMMARY.md"}},
        {
            "SUMMARY.md": (
                "* [Home](index.md)\n* [Cards](cards/)\n* [Notes](notes/)\n"
                "* [Decisions](decisions/)\n* [Talks](talks/)\n* [Growth](growth/)\n"
            )
        },
        {},
        {},
    ),
    ("section-index", "mkdocs-section-index", "section-index", {}, {}, {}),
    (
        "git-revision-date-localized",
        "mkdocs-git-revision-date-localized-plugin",
        "git-revision-date-localized",
        {},
        {},
        {},
    ),
    ("macros", "mkdocs-macros-plugin", "macros", {}, {}, {}),
    ("i18n", "mkdocs-static-i18n", I18N, {"index.fr.md": "# Accueil\n\nUn magasin.\n"}, {}, {}),
    (
        "rss",
        "mkdocs-rss-plugin",
        {
            # every page (the default match_path), growth's generated pages too
            "rss": {"date_from_meta": {"as_creation": "date"}, "length": 100}
        },
        {},
        {},
        {},
    ),
    (
        "redirects",
        "mkdocs-redirects",
        {
            "redirects": {
                "redirect_maps": {
                    "old/priorities.md": "growth/priorities.md",
                    "old/dashboard.md": "growth/index.md",
                    "old/trace.md": "cards/trace.md",
                }
            }
        },
        {},
        {},
        {},
    ),
    ("minify", "mkdocs-minify-plugin", {"minify": {"minify_html": True}}, {}, {}, {}),
    ("glightbox", "mkdocs-glightbox", "glightbox", {}, {}, {}),
    (
        "gen-files",
        "mkdocs-gen-files",
        {"gen-files": {"scripts": ["gen_pages.py"]}},
        {},
        {"gen_pages.py": GEN_FILES_SCRIPT},
        {},
    ),
    # Generated pages have no git history: git-authors reads it for every page it does not
    # exclude (docs/reference/compatibility.md gives this line).
    (
        "git-authors",
        "mkdocs-git-authors-plugin",
        {"git-authors": {"exclude": ["growth/*"]}},
        {},
        {},
        {},
    ),
    ("print-site", "mkdocs-print-site-plugin", "print-site", {}, {}, {}),
    # Imports a card from another git repository (a local one: no network), cloned into
    # the build in on_config and added to the files in on_files.
    (
        "multirepo",
        "mkdocs-multirepo-plugin",
        {
            "multirepo": {
                "repos": [{"section": "imported", "import_url": f"file://{ROOT}/other?branch=main"}]
            }
        },
        {},
        {OTHER_REPO_CARD: _front_matter(IMPORTED, "Imported.\n")},
        {"repo_url": "https://example.com/store", "edit_uri": "edit/main/docs/"},
    ),
    (
        "exclude",
        "mkdocs-exclude",
        {"exclude": {"glob": [EXCLUDED_CARD]}},
        {EXCLUDED_CARD: _front_matter(EXCLUDED, "Left out by mkdocs-exclude.\n")},
        {},
        {},
    ),
]

# Hooks (`hooks:` in mkdocs.yml), as any plugin could: one adds a card from a folder
# outside docs_dir in on_files (mkdocs-multirepo-plugin does that), one edits every
# page's content in on_page_context and must find growth's HTML there.
HOOK = """\
from pathlib import Path

from mkdocs.structure.files import File


def on_files(files, config):
    other = str(Path(config.config_file_path).parent / "other-repo")
    files.append(File("cards/imported.md", other, config.site_dir, config.use_directory_urls))
    return files


def on_page_context(context, page, config, nav):
    if "growth-card-header" in page.content and "<svg" in page.content:
        page.content += '<p class="hook-saw-growth">hook saw the card header</p>'
    return context
"""


def variants() -> list[Variant]:
    out = []
    for name, dist, entry, files, project_files, config in PLUGINS:
        languages = ("fr",) if name == "i18n" else ()
        # print-site's own rule: it must be the last plugin (it warns otherwise)
        for order in ("after",) if name == "print-site" else ("before", "after"):
            out.append(Variant(name, order, dist, entry, config, files, project_files, languages))
    out.append(
        Variant(
            "navigation.instant",
            "-",
            "mkdocs-material",
            config={"theme": {"features": ["navigation.instant"]}},
        )
    )
    out.append(
        Variant("use_directory_urls: false", "-", "mkdocs", config={"use_directory_urls": False})
    )
    for theme in ("mkdocs", "readthedocs"):
        out.append(Variant(f"theme: {theme}", "-", "mkdocs", config={"theme": {"name": theme}}))
    out.append(
        Variant(
            "hooks: add a card, edit page.content",
            "-",
            "mkdocs",
            config={"hooks": ["hook.py"]},
            project_files={
                "hook.py": HOOK,
                "other-repo/cards/imported.md": _front_matter(IMPORTED, "Imported.\n"),
            },
        )
    )
    return out


def entry_name(entry: Any) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))


def mkdocs_yml(variant: Variant) -> dict[str, Any]:
    growth = {"growth": dict(OPTIONS)}
    plugins: list[Any] = ["search", growth]
    if variant.entry is not None:
        index = 1 if variant.order == "before" else 2
        plugins.insert(index, variant.entry)
    theme = {"name": "material", "font": False, **variant.config.get("theme", {})}
    return {
        "site_name": "Compatibility store",
        "site_url": SITE_URL,
        "docs_dir": "docs",
        "theme": theme,
        "plugins": plugins,
        **{k: v for k, v in variant.config.items() if k != "theme"},
    }


def write_site(root: Path, variant: Variant) -> Path:
    """The store, the variant's files and mkdocs.yml under ``root``, committed to a new git repo."""
    docs = root / "docs"
    for name, text in {**store_files(), **variant.files}.items():
        target = docs / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    for name, text in variant.project_files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    if OTHER_REPO_CARD in variant.project_files:
        _git_commit(root / OTHER_REPO_CARD.split("/")[0])
    config = root / "mkdocs.yml"
    text = yaml.safe_dump(mkdocs_yml(variant), sort_keys=False)
    config.write_text(text.replace(ROOT, str(root)), encoding="utf-8")
    _git_commit(root)
    return config


def _git_commit(root: Path) -> None:
    """A repository with one commit, for the plugins that read dates from git."""
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Compat",
        "GIT_AUTHOR_EMAIL": "compat@example.com",
        "GIT_COMMITTER_NAME": "Compat",
        "GIT_COMMITTER_EMAIL": "compat@example.com",
        "GIT_AUTHOR_DATE": "2026-04-30T12:00:00Z",
        "GIT_COMMITTER_DATE": "2026-04-30T12:00:00Z",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "store"]):
        subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


@dataclass
class Build:
    variant: Variant
    root: Path
    returncode: int
    output: str

    @property
    def site(self) -> Path:
        return self.root / "site"


def build_site(root: Path, variant: Variant) -> Build:
    """``mkdocs build --strict`` (or ``properdocs``: ``ENGINE``) of the variant's site in a child process."""
    write_site(root, variant)
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "DISABLE_MKDOCS_2_WARNING": "true",
        "GIT_CONFIG_GLOBAL": os.devnull,
    }
    done = subprocess.run(
        [sys.executable, "-m", ENGINE, "build", "--strict"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    return Build(variant, root, done.returncode, done.stdout + done.stderr)
