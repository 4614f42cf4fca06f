"""Write a synthetic growth store of any size, plus two configs to build it with.

``make_store(root, n)`` writes ``root/docs`` (an ``index.md``, ``n`` cards,
``n/2`` weekly notes and ``n/10`` decision logs with realistic bodies) and two
configs over the same ``docs`` folder:

* ``mkdocs.plain.yml``: Material + search, no growth plugin (the baseline);
* ``mkdocs.growth.yml``: the same plus ``growth`` with domains and horizons.

Both limit the nav to the index pages, so MkDocs' own nav cost (every page
renders the whole nav: quadratic in page count) does not drown the plugin's.
The output depends only on ``n`` and ``seed``: two runs give identical bytes,
and the store validates with no errors (the benchmark measures the happy path).

Run as a script to write one store: ``python bench/make_store.py DIR -n 1000``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TODAY = dt.date(2026, 5, 15)
NORTH_STAR = "Be the engineer the team trusts with its hardest production problems."

# (id, title, kind): four technical domains, two soft-skill ones.
DOMAINS = [
    ("distributed-systems", "Distributed systems", "technical"),
    ("observability", "Observability", "technical"),
    ("data-engineering", "Data engineering", "technical"),
    ("security", "Security", "technical"),
    ("communication", "Communication", "soft-skill"),
    ("mentoring", "Mentoring", "soft-skill"),
]
# Nine 90-day horizons: seven past ones (the archive), the current one and the next.
HORIZONS = [f"{y}-Q{q}" for y in (2024, 2025, 2026) for q in (1, 2, 3, 4)][2:11]
CURRENT = "2026-Q2"

TOPICS = {
    "distributed-systems": [
        "consensus",
        "leader election",
        "idempotent retries",
        "backpressure",
        "sharding",
        "vector clocks",
        "exactly-once delivery",
        "circuit breakers",
    ],
    "observability": [
        "trace sampling",
        "RED metrics",
        "SLO burn rate",
        "structured logging",
        "exemplars",
        "cardinality budgets",
        "alert fatigue",
        "span links",
    ],
    "data-engineering": [
        "change data capture",
        "late-arriving events",
        "partition pruning",
        "schema evolution",
        "watermarks",
        "compaction",
        "slowly changing dimensions",
        "backfills",
    ],
    "security": [
        "threat modelling",
        "least privilege",
        "secret rotation",
        "supply-chain attestation",
        "mTLS",
        "input validation",
        "audit trails",
        "SSRF",
    ],
    "communication": [
        "design docs",
        "incident write-ups",
        "executive summaries",
        "technical talks",
        "async updates",
        "saying no",
        "framing trade-offs",
        "status reports",
    ],
    "mentoring": [
        "pairing sessions",
        "code review tone",
        "onboarding plans",
        "growth conversations",
        "delegation",
        "feedback loops",
        "career ladders",
        "sponsorship",
    ],
}
VERBS = [
    "measure",
    "reduce",
    "document",
    "prototype",
    "benchmark",
    "explain",
    "automate",
    "review",
    "simplify",
    "harden",
]
OBJECTS = [
    "the checkout service",
    "the ingestion pipeline",
    "our on-call runbook",
    "the billing API",
    "the search cluster",
    "the mobile gateway",
    "the team's review process",
    "the nightly batch jobs",
]
PEOPLE = ["Ana", "Bruno", "Chen", "Dara", "Eli", "Fatima", "Goran", "Hana"]
_WORDS = (
    "latency budget queue replica throughput consumer producer partition index cache "
    "rollout canary incident error rate dashboard runbook migration contract schema "
    "test fixture deploy pipeline review design trade-off risk owner stakeholder "
    "baseline target experiment hypothesis result lesson follow-up sandbox production"
)
WORDS = _WORDS.split()
LANGS = ["python", "go", "sql", "yaml", "bash"]
CODE = {
    "python": "def retry(call, attempts=3):\n    for n in range(attempts):\n        try:\n            return call()\n        except TimeoutError:\n            sleep(2 ** n)\n    raise RuntimeError('gave up')",
    "go": 'func (s *Server) Health(w http.ResponseWriter, r *http.Request) {\n\tctx, cancel := context.WithTimeout(r.Context(), time.Second)\n\tdefer cancel()\n\tif err := s.db.PingContext(ctx); err != nil {\n\t\thttp.Error(w, "db down", 503)\n\t}\n}',
    "sql": "SELECT date_trunc('hour', ts) AS hour, count(*) AS errors\nFROM events\nWHERE level = 'error' AND ts > now() - interval '1 day'\nGROUP BY 1 ORDER BY 1;",
    "yaml": "slo:\n  objective: 99.9\n  window: 28d\n  alert:\n    burn_rate: 14.4\n    for: 5m",
    "bash": "kubectl rollout status deploy/api --timeout=120s \\\n  && curl -fsS https://api.internal/health",
}


@dataclass(frozen=True)
class Counts:
    cards: int
    notes: int
    decisions: int

    @property
    def documents(self) -> int:
        return self.cards + self.notes + self.decisions


def counts(n: int) -> Counts:
    return Counts(n, n // 2, n // 10)


class _Text:
    """Deterministic filler prose: sentences, paragraphs, lists, code, headings."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def sentence(self, topic: str) -> str:
        r = self.rng
        words = " ".join(r.choice(WORDS) for _ in range(r.randint(6, 14)))
        return f"{r.choice(VERBS).capitalize()} {r.choice(OBJECTS)} with {topic}, {words}."

    def paragraph(self, topic: str) -> str:
        return " ".join(self.sentence(topic) for _ in range(self.rng.randint(3, 6)))

    def bullets(self, topic: str, ordered: bool = False) -> str:
        items = self.rng.randint(3, 6)
        mark = (lambda i: f"{i}.") if ordered else (lambda i: "-")
        return "\n".join(f"{mark(i + 1)} {self.sentence(topic)}" for i in range(items))

    def code(self) -> str:
        lang = self.rng.choice(LANGS)
        return f"```{lang}\n{CODE[lang]}\n```"

    def body(self, title: str, topic: str, sections: list[str], link: str | None) -> str:
        parts = [f"# {title}", self.paragraph(topic)]
        for i, heading in enumerate(sections):
            parts.append(f"## {heading}")
            parts.append(self.paragraph(topic))
            if i % 2 == 0:
                parts.append(self.bullets(topic, ordered=i % 4 == 2))
            if i == 1:
                parts.append(self.code())
        if link:
            parts.append(f"See also [the related card]({link}) for context.")
        return "\n\n".join(parts) + "\n"


_PLAIN = re.compile(r"[A-Za-z][\w ,.()/'#:+-]*[\w.)]\Z")
_QUARTER = re.compile(r"\d{4}-Q[1-4]\Z")
_RESERVED = {"y", "n", "yes", "no", "true", "false", "on", "off", "null"}


def _scalar(value: Any) -> str:
    """Plain YAML where a person would write it plain, else JSON (valid YAML, exact)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if (
        isinstance(value, str)
        and (_PLAIN.match(value) or _QUARTER.match(value))
        and ": " not in value
        and " #" not in value
        and value.lower() not in _RESERVED
    ):
        return value
    return json.dumps(value, ensure_ascii=False)


def _yaml(data: dict[str, Any]) -> str:
    """Front matter as block YAML, the way people write it."""
    lines: list[str] = []
    scalar = _scalar

    def emit(value: Any, indent: str) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if isinstance(item, (dict, list)) and item:
                    lines.append(f"{indent}{key}:")
                    emit(item, indent + "  ")
                else:
                    lines.append(f"{indent}{key}: {scalar(item) if item != [] else '[]'}")
        else:
            for item in value:
                if isinstance(item, dict):
                    first = True
                    for key, sub in item.items():
                        lead = f"{indent}- " if first else f"{indent}  "
                        first = False
                        if isinstance(sub, (dict, list)):
                            lines.append(f"{lead}{key}:")
                            emit(sub, indent + "    ")
                        else:
                            lines.append(f"{lead}{key}: {scalar(sub)}")
                else:
                    lines.append(f"{indent}- {scalar(item)}")

    emit(data, "")
    return "\n".join(lines)


def _page(meta: dict[str, Any], body: str) -> str:
    return f"---\n{_yaml(meta)}\n---\n\n{body}"


def _horizon_dates(horizon: str) -> tuple[dt.date, dt.date]:
    year, q = int(horizon[:4]), int(horizon[-1])
    start = dt.date(year, 3 * q - 2, 1)
    end = dt.date(year + 1, 1, 1) if q == 4 else dt.date(year, 3 * q + 1, 1)
    return start, end - dt.timedelta(days=1)


def _rubric(rng: random.Random) -> dict[str, int]:
    return {k: rng.randint(1, 5) for k in ("confidence", "competence", "impact", "clarity")}


def _card(i: int, rng: random.Random, text: _Text) -> tuple[dict[str, Any], str]:
    domain = DOMAINS[i % len(DOMAINS)][0]
    horizon = HORIZONS[(i // len(DOMAINS)) % len(HORIZONS)]
    start, end = _horizon_dates(horizon)
    topic = rng.choice(TOPICS[domain])
    # Active only in the current horizon (older active cards would warn); ~1 in 12 there.
    if horizon == CURRENT:
        status = "active" if i % 12 == 0 else "planned"
    elif horizon > CURRENT:
        status = "planned"
    else:
        status = rng.choice(["done", "done", "done", "dropped"])
    title = f"{rng.choice(VERBS).capitalize()} {topic} in {rng.choice(OBJECTS)} ({i})"
    goal = text.sentence(topic)
    milestones = []
    for m in range(rng.randint(3, 5)):
        ms_status = {"done": "done", "dropped": "dropped"}.get(status, "planned")
        if status == "active":
            ms_status = "done" if m == 0 else ("active" if m == 1 else "planned")
        milestones.append(
            {
                "title": f"{rng.choice(VERBS).capitalize()} {topic} step {m + 1}",
                "done_when": text.sentence(topic),
                "status": ms_status,
                "due": min(end, start + dt.timedelta(days=20 * (m + 1))),
            }
        )
    feedback = [
        {
            "date": start + dt.timedelta(days=14 * (k + 1)),
            "from": rng.choice(PEOPLE),
            "went_well": text.sentence(topic),
            "didnt": text.sentence(topic),
            "try_next": text.sentence(topic),
        }
        for k in range(rng.randint(1, 3))
    ]
    meta: dict[str, Any] = {
        "type": "card",
        "id": f"card-{i:05d}",
        "title": title,
        "date": start,
        "domain": domain,
        "horizon": horizon,
        "status": status,
        "tags": [domain, topic.replace(" ", "-").lower()],
        "goal": f"By day 90, {goal[0].lower()}{goal[1:]}",
        "scores": {k: rng.randint(1, 5) for k in ("impact", "effort", "reusability", "learnings")},
        "milestones": milestones,
        "concepts": rng.sample(TOPICS[domain], 3),
        "metrics": [
            {"name": "p99 latency", "unit": "ms", "baseline": 420, "target": 300, "actual": 310},
            {"name": "incidents per month", "baseline": 6, "target": 3},
        ],
        "rubric": {"before": _rubric(rng), "after": _rubric(rng)},
        "artifacts": [
            {
                "kind": "technical",
                "title": "Demo repository",
                "url": f"https://git.example.com/me/{topic.replace(' ', '-').lower()}",
            },
            {"kind": "process", "title": "Decision log", "url": "../decisions/"},
            {"kind": "people", "title": "Teach-back talk"},
        ],
        "feedback": feedback,
        "reviewed": [start + dt.timedelta(days=d) for d in (1, 4, 11)[: rng.randint(0, 3)]],
    }
    if i > 0:
        meta["related"] = [f"card-{rng.randrange(i):05d}"]
    sections = ["Goal", "Key concepts", "Implementation plan", "Metrics", "Post-mortem notes"]
    link = f"card-{i - 1:05d}.md" if i > 0 else None
    return meta, text.body(title, topic, sections, link)


def _note(i: int, n_cards: int, rng: random.Random, text: _Text) -> tuple[dict[str, Any], str]:
    card = rng.randrange(n_cards)
    domain = DOMAINS[card % len(DOMAINS)][0]
    topic = rng.choice(TOPICS[domain])
    day = TODAY - dt.timedelta(days=7 * (i % 700) + i // 700)
    title = f"Tech note: {topic} ({day.isoformat()})"
    meta = {
        "type": "note",
        "id": f"note-{i:05d}",
        "title": title,
        "date": day,
        "domain": domain,
        "concepts": [topic],
        "card": f"card-{card:05d}",
        "tags": ["tech-note"],
    }
    body = text.body(title, topic, ["What I learned", "How to apply it", "Open questions"], None)
    return meta, body


def _decision(i: int, n_cards: int, rng: random.Random, text: _Text) -> tuple[dict[str, Any], str]:
    card = rng.randrange(n_cards)
    domain = DOMAINS[card % len(DOMAINS)][0]
    topic = rng.choice(TOPICS[domain])
    day = TODAY - dt.timedelta(days=3 * i + 1)
    title = f"ADR {i + 1}: adopt {topic} for {rng.choice(OBJECTS)}"
    meta = {
        "type": "decision",
        "id": f"decision-{i:05d}",
        "title": title,
        "date": day,
        "status": rng.choice(["proposed", "accepted", "accepted", "rejected"]),
        "card": f"card-{card:05d}",
        "domain": domain,
    }
    body = text.body(title, topic, ["Context", "Options", "Decision", "Consequences"], None)
    return meta, body


def _index(c: Counts) -> str:
    return (
        "# Growth benchmark store\n\n"
        f"A synthetic store: {c.cards} cards, {c.notes} notes and {c.decisions} decision logs.\n"
    )


def _common_config(n: int) -> list[str]:
    return [
        f"site_name: Growth benchmark (N={n})",
        "docs_dir: docs",
        "theme:",
        "  name: material",
        "  features: []",
        "validation:",
        "  nav:",
        "    omitted_files: ignore",
        "    not_found: ignore",
        "    absolute_links: ignore",
        "  links:",
        "    not_found: ignore",
        "    anchors: ignore",
        "    absolute_links: ignore",
        "    unrecognized_links: ignore",
    ]


def _growth_options(active: int) -> list[str]:
    out = [
        "  - growth:",
        f"      north_star: {json.dumps(NORTH_STAR)}",
        f"      today: {TODAY.isoformat()}",
        f"      max_active: {max(3, active)}",
        "      domains:",
    ]
    for did, title, kind in DOMAINS:
        out += [f"        - id: {did}", f"          title: {title}", f"          kind: {kind}"]
    out.append("      horizons:")
    for h in HORIZONS:
        start, end = _horizon_dates(h)
        out += [f"        - id: {h}", f"          start: {start}", f"          end: {end}"]
    return out


def write_configs(root: Path, n: int, active: int) -> tuple[Path, Path]:
    common = _common_config(n)
    plain = [*common, "plugins:", "  - search", "nav:", "  - index.md"]
    growth = [
        *common,
        "plugins:",
        "  - search",
        *_growth_options(active),
        "nav:",
        "  - index.md",
        "  - growth/index.md",
    ]
    plain_path, growth_path = root / "mkdocs.plain.yml", root / "mkdocs.growth.yml"
    plain_path.write_text("\n".join(plain) + "\n", encoding="utf-8")
    growth_path.write_text("\n".join(growth) + "\n", encoding="utf-8")
    return plain_path, growth_path


def make_store(root: Path, n: int, seed: int = 7) -> Counts:
    """Write the store for ``n`` cards under ``root``; returns the document counts."""
    if n < 1:
        raise ValueError("n must be at least 1")
    c = counts(n)
    rng = random.Random(f"{seed}:{n}")
    text = _Text(rng)
    docs = root / "docs"
    for sub in ("cards", "notes", "decisions"):
        (docs / sub).mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text(_index(c), encoding="utf-8")
    active = 0
    for i in range(c.cards):
        meta, body = _card(i, rng, text)
        active += sum(1 for m in meta["milestones"] if m["status"] == "active")
        (docs / "cards" / f"{meta['id']}.md").write_text(_page(meta, body), encoding="utf-8")
    for i in range(c.notes):
        meta, body = _note(i, c.cards, rng, text)
        (docs / "notes" / f"{meta['id']}.md").write_text(_page(meta, body), encoding="utf-8")
    for i in range(c.decisions):
        meta, body = _decision(i, c.cards, rng, text)
        (docs / "decisions" / f"{meta['id']}.md").write_text(_page(meta, body), encoding="utf-8")
    write_configs(root, n, active)
    return c


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("root", type=Path, help="folder to write docs/ and the configs into")
    parser.add_argument("-n", type=int, default=1000, help="number of cards (default 1000)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    c = make_store(args.root, args.n, args.seed)
    print(f"{args.root}: {c.cards} cards, {c.notes} notes, {c.decisions} decisions")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
