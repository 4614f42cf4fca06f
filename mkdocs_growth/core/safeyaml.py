"""Safe YAML loading that keeps line numbers and refuses hostile input.

PyYAML's loaders either run arbitrary constructors (``!!python/...``), drop
line numbers, or happily build structures that explode later (alias bombs,
deep nesting that ends in ``RecursionError``). This module drives the C
parser (pure Python when libyaml is missing) event by event and builds plain
Python values itself, so it can:

* record the line of every key and list item (for ``file:line`` messages),
* accept only the standard tags (str, int, float, bool, null, timestamp, map, seq),
* bound nesting depth and the size of the value after alias expansion,
* reject duplicate keys, which YAML forbids and PyYAML silently overwrites.

Nothing here recurses, so no input can exhaust the Python stack.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml import events as ev

from .messages import yaml_syntax
from .problems import quote

try:  # libyaml is much faster; fall back silently where it is missing.
    from yaml.cyaml import CParser as _Parser
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)

        def dispose(self) -> None:
            pass


# Only events come from the parser; tags are resolved and scalars built here with
# one shared (stateless) resolver and constructor instead of a full loader per file.
_RESOLVER = yaml.resolver.Resolver()
_CONSTRUCTOR = yaml.constructor.SafeConstructor()

TAG_PREFIX = "tag:yaml.org,2002:"
_LIBYAML_DEPTH = "exceeded maximum nesting depth"
_STR, _MAP, _SEQ, _MERGE = (TAG_PREFIX + t for t in ("str", "map", "seq", "merge"))
_SCALAR_TAGS = {TAG_PREFIX + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_TIMESTAMP, _VALUE = TAG_PREFIX + "timestamp", TAG_PREFIX + "value"
_SURROGATE = re.compile("[\ud800-\udfff]")
_YAML_BREAK, _ODD_BREAK = re.compile("[\n\x85\u2028\u2029]"), re.compile("[\x85\u2028\u2029]")

Path = tuple[Any, ...]

DEFAULT_MAX_DEPTH = 32
DEFAULT_MAX_NODES = 100_000


class YamlError(Exception):
    """A YAML problem with the 1-based line it was found on."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass
class Loaded:
    """A parsed YAML value and the line of every key path in it."""

    data: Any
    lines: dict[Path, int] = field(default_factory=dict)

    def line_of(self, path: Path, default: int = 0) -> int:
        """Line of the longest known prefix of ``path`` (pydantic error locations)."""
        path = tuple(path)
        while path:
            line = self.lines.get(path)
            if line is not None:
                return line
            path = path[:-1]
        return default


@functools.lru_cache(maxsize=8192)
def _resolve_plain(value: str) -> tuple[str, Any]:
    """Tag and value of a plain scalar.

    Cached because stores repeat values (keys, statuses, scores, dates) and
    every value built here is immutable. A bad value raises ``_BadScalar``
    (not cached) for the caller to report with its line.
    """
    tag = _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))
    if tag in (_STR, _VALUE):  # a lone `=` is text, not PyYAML's unusable !!value
        return _STR, value
    if tag == _MERGE or tag not in _SCALAR_TAGS:
        return tag, None
    return tag, _construct(tag, value)


class _BadScalar(Exception):
    """A scalar its tag's constructor rejects; ``args[0]`` is the tag."""


def _construct(tag: str, value: str) -> Any:
    """A standard scalar; an impossible date (2026-02-30) stays text for the models to report."""
    node = yaml.ScalarNode(tag, value)
    try:
        return _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, node)
    except Exception:
        if tag == _TIMESTAMP:
            return value
        raise _BadScalar(tag) from None


def _bad_scalar(tag: str, value: str, line: int) -> YamlError:
    return YamlError(line, f"invalid {tag[len(TAG_PREFIX) :]} value {quote(value)}")


def _wants_key(frame: _Frame) -> bool:
    return type(frame.value) is dict and not frame.has_key


def _show_tag(tag: str) -> str:
    return "!!" + tag[len(TAG_PREFIX) :] if tag.startswith(TAG_PREFIX) else tag


@dataclass(slots=True)
class _Frame:
    value: dict[Any, Any] | list[Any]
    path: Path
    anchor: str | None
    start_nodes: int
    line: int
    key: Any = None
    has_key: bool = False
    key_is_merge: bool = False
    merges: list[dict[Any, Any]] | None = None


_NO_VALUE = object()


def load(
    text: str,
    *,
    first_line: int = 1,
    max_depth: int = DEFAULT_MAX_DEPTH,
    max_nodes: int = DEFAULT_MAX_NODES,
    lines: bool = True,
) -> Loaded:
    """Parse one YAML document; raise :class:`YamlError` with a line on any problem.

    ``first_line`` is the file line of the first line of ``text`` so that
    front matter reports lines of the Markdown file, not of the block.
    ``lines=False`` skips the line map (a few percent of the time, most of the
    memory): a valid document never needs it, and it can be made later.
    """
    loader = _Parser(text)
    offset = first_line
    ascii_only = text.isascii()  # then no surrogate and no NEL/LS/PS: skip both scans
    try:
        escapes = "\\" in text or (not ascii_only and _SURROGATE.search(text) is not None)
        loaded = _build(loader, offset, max_depth, max_nodes, escapes, lines)
    except YamlError as exc:
        raise _in_file_lines(exc, text, offset) from None
    except yaml.MarkedYAMLError as exc:
        raise _in_file_lines(_syntax_error(exc, text, offset, max_depth), text, offset) from None
    except yaml.YAMLError as exc:
        raise YamlError(offset, f"YAML error: {exc}") from None
    finally:
        loader.dispose()
    if not ascii_only and _ODD_BREAK.search(text) is not None:
        table = _file_lines(text)
        loaded.lines = {k: _remap(v, table, offset) for k, v in loaded.lines.items()}
    return loaded


def _file_lines(text: str) -> list[int]:
    """YAML line index -> file line index. YAML also breaks at NEL, LS and PS; files don't."""
    out, real = [0], 0
    for found in _YAML_BREAK.finditer(text):
        real += found.group() == "\n"
        out.append(real)
    return out


def _remap(line: int, table: list[int], offset: int) -> int:
    return offset + table[min(max(line - offset, 0), len(table) - 1)]


def _in_file_lines(exc: YamlError, text: str, offset: int) -> YamlError:
    if _ODD_BREAK.search(text) is not None:
        exc.line = _remap(exc.line, _file_lines(text), offset)
    return exc


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, offset: int, max_depth: int) -> YamlError:
    """Point at a line of the block: an error found at the end names where its context began."""
    last = len(_YAML_BREAK.findall(text.rstrip("\n\x85\u2028\u2029")))  # in YAML lines
    problem = exc.problem or exc.context or "invalid YAML"
    at = exc.problem_mark or exc.context_mark
    line = min(at.line, last) if at is not None else 0
    if problem == _LIBYAML_DEPTH:
        return YamlError(offset + line, f"nesting deeper than {max_depth} levels")
    context = exc.context_mark
    opened = None
    if exc.context and context is not None:
        if at is not None and at.line > last:  # ran off the end: the opener is the culprit
            line = context.line
        opened = offset + context.line if context.line != line else None
    yaml_lines = _YAML_BREAK.split(text)
    line_text = yaml_lines[line] if line < len(yaml_lines) else ""
    message = yaml_syntax(problem, exc.context, opened, line_text)
    return YamlError(offset + line, f"YAML syntax error: {message}")


def _build(
    loader: Any, offset: int, max_depth: int, max_nodes: int, escapes: bool, track: bool
) -> Loaded:
    """Events -> values. The common cases (a plain or quoted scalar into a mapping or list,
    no anchor) are inlined: this loop runs for every value of every document of a store.
    ``track``: record the line of every key and item (else ``lines`` stays empty)."""
    lines: dict[Path, int] = {}
    stack: list[_Frame] = []
    anchors: dict[str, tuple[Any, int]] = {}
    building: set[str] = set()
    nodes = 0
    root: Any = _NO_VALUE
    documents = 0
    get_event = loader.get_event
    scalar_event, alias_event = ev.ScalarEvent, ev.AliasEvent
    start_events = (ev.MappingStartEvent, ev.SequenceStartEvent)
    end_events = (ev.MappingEndEvent, ev.SequenceEndEvent)

    def attach(value: Any, line: int, is_merge_key: bool = False) -> None:
        nonlocal root
        if not stack:
            root = value
            return
        top = stack[-1]
        if isinstance(top.value, list):
            if track:
                lines[(*top.path, len(top.value))] = line
            top.value.append(value)
            return
        if not top.has_key:
            if isinstance(value, (dict, list)):
                raise YamlError(line, "a mapping key must be a plain value, not a list or mapping")
            if is_merge_key:
                top.key, top.has_key, top.key_is_merge = None, True, True
                return
            if not isinstance(value, str):  # an alias to a number or date used as a key
                value = str(value)
            if value in top.value:
                raise YamlError(line, f"duplicate key {value!r}")
            top.key, top.has_key, top.key_is_merge = value, True, False
            if track:
                lines[(*top.path, value)] = line
            return
        if top.key_is_merge:
            merged = value if isinstance(value, list) else [value]
            if not all(isinstance(item, dict) for item in merged):
                raise YamlError(line, "'<<' merge needs a mapping or a list of mappings")
            top.merges = (top.merges or []) + merged
        else:
            top.value[top.key] = value
        top.key, top.has_key, top.key_is_merge = None, False, False

    def child_path() -> Path:
        if not stack:
            return ()
        top = stack[-1]
        if isinstance(top.value, list):
            return (*top.path, len(top.value))
        if not top.has_key:
            return (*top.path, "?")
        return (*top.path, top.key)

    while True:
        event = get_event()
        if event is None:
            break
        kind = type(event)
        line = offset + event.start_mark.line if event.start_mark is not None else offset
        if kind is scalar_event:
            nodes += 1
            tag = event.tag
            raw = event.value
            is_merge = False
            if tag is None and event.implicit[0]:  # plain: resolved and built once per text
                try:
                    tag, value = _resolve_plain(raw)
                except _BadScalar as exc:
                    raise _bad_scalar(exc.args[0], raw, line) from None
                if tag is not _STR:
                    if tag == _MERGE:
                        is_merge = True
                    elif tag not in _SCALAR_TAGS:
                        raise YamlError(
                            line, f"YAML tag {_show_tag(tag)} is not allowed (standard tags only)"
                        )
            elif tag is None or tag == "!" or tag == _STR:  # quoted or block: text
                value = raw
            elif tag == _MERGE:
                is_merge = True
                value = None
            elif tag not in _SCALAR_TAGS:
                raise YamlError(
                    line, f"YAML tag {_show_tag(tag)} is not allowed (standard tags only)"
                )
            else:
                try:
                    value = _construct(tag, raw)
                except _BadScalar as exc:
                    raise _bad_scalar(exc.args[0], raw, line) from None
            if escapes and isinstance(value, str) and _SURROGATE.search(value):
                raise YamlError(line, "text contains a lone surrogate (not valid Unicode)")
            if event.anchor is not None:
                anchors[event.anchor] = (value, 1)
            elif stack and not is_merge:
                top = stack[-1]
                container = top.value
                if type(container) is list:
                    if track:
                        lines[(*top.path, len(container))] = line
                    container.append(value)
                    continue
                if not top.has_key:
                    key = raw  # keys are names: `on`, `1`, `2026-01-01` stay text
                    if key in container:
                        raise YamlError(line, f"duplicate key {key!r}")
                    top.key, top.has_key = key, True
                    if track:
                        lines[(*top.path, key)] = line
                    continue
                if not top.key_is_merge:
                    container[top.key] = value
                    top.key, top.has_key = None, False
                    continue
            attach(
                raw if stack and _wants_key(stack[-1]) and not is_merge else value, line, is_merge
            )
        elif kind in start_events:
            nodes += 1
            is_map = kind is ev.MappingStartEvent
            tag = event.tag
            if tag not in (None, "!", _MAP if is_map else _SEQ):
                raise YamlError(
                    line, f"YAML tag {_show_tag(tag)} is not allowed (standard tags only)"
                )
            if len(stack) >= max_depth:
                raise YamlError(line, f"nesting deeper than {max_depth} levels")
            path = child_path() if track else ()
            if event.anchor is not None:
                building.add(event.anchor)
            stack.append(_Frame({} if is_map else [], path, event.anchor, nodes, line))
        elif kind in end_events:
            frame = stack.pop()
            value = frame.value
            if frame.merges and isinstance(value, dict):
                for merged in frame.merges:
                    for key, item in merged.items():
                        value.setdefault(key, item)
            if frame.anchor is not None:
                building.discard(frame.anchor)
                anchors[frame.anchor] = (value, nodes - frame.start_nodes + 1)
            attach(value, frame.line)
        elif kind is alias_event:
            if event.anchor in building:
                raise YamlError(line, f"alias *{event.anchor} refers to itself")
            if event.anchor not in anchors:
                raise YamlError(line, f"alias *{event.anchor} has no anchor")
            value, size = anchors[event.anchor]
            nodes += size
            attach(value, line)
        elif kind is ev.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise YamlError(line, "only one YAML document is allowed here")
        if nodes > max_nodes:
            if anchors:  # aliases multiplied the values
                message = f"YAML expands to more than {max_nodes} values (alias bomb?)"
            else:
                message = f"YAML has more than {max_nodes} values"
            raise YamlError(line, f"{message}; refusing it")
    return Loaded(None if root is _NO_VALUE else root, lines)
