"""Change values in a document's front matter and keep every other byte.

An edit is a list of operations (:class:`Set`, :class:`Append`) on key
paths. Each is turned into text replacements at the exact spans of the YAML
nodes it touches, found with PyYAML's composer over libyaml (where PyYAML
has it): the parser MkDocs and the engine read front matter with, so the
editor and the validator agree on what every line means (a tab after
``key:`` included). Everything else — comments, key order, quoting,
indentation, blank lines, the BOM, CRLF line endings, the Markdown body —
is copied through untouched. New values are written in the style around
them (block or flow, the file's indentation, the quoting of the value they
replace).

Why not a round-trip dump (ruamel.yaml): re-emitting the block normalises
what it does not model (spacing after ``:`` and inside ``{ }``, indentation
of nested blocks, multi-line plain scalars, ``~``, trailing spaces), so an
edit would rewrite lines it did not mean to; and ruamel reads YAML 1.2, so it
would write ``yes`` or ``012`` plain where the engine (YAML 1.1) reads a
boolean or a number. docs/design.md has the details.

Every edit is checked before it is returned: the new block must load (with
:mod:`safeyaml`) to exactly the old data with the operations applied, else
:class:`EditError`. Nothing here touches the file system.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from . import safeyaml
from .frontmatter import Block, normalize, split
from .messages import dotted

Path = tuple[Any, ...]
Value = Any  # str | int | date, or a dict / list of them

_NULL = "tag:yaml.org,2002:null"
_STR = "tag:yaml.org,2002:str"
_LINE = re.compile(r"\r\n|\r|\n")
_PROPERTIES = re.compile(
    r"(?:[&!][^\s,\[\]{}]*(?:[ \t]+|(?=\n)|\Z))*"
)  # a node's anchor and tag, before it
_GAP = re.compile(r"(?:\s|#[^\n]*)*")  # spaces, line breaks and comments
_KEEP = re.compile(r"[|>](?:[1-9]?\+|\+[1-9])")  # a block scalar that keeps its final blank lines
# The parser MkDocs reads front matter with (libyaml when present): the same offsets, and the
# same verdict on what is YAML (a tab after ``key:``), as the engine and the build.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_ODD = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]")


class EditError(Exception):
    """The edit cannot be made as asked; the message says why (nothing is written)."""


@dataclass(frozen=True)
class Set:
    """Give the key at ``path`` a value; a mapping value sets its keys one by one."""

    path: Path
    value: Value


@dataclass(frozen=True)
class Append:
    """Add ``item`` at the end of the list at ``path`` (created when missing)."""

    path: Path
    item: Value


Op = Set | Append


def edit(raw: bytes, ops: Sequence[Op]) -> bytes:
    """The file ``raw`` with ``ops`` applied to its front matter; only the lines they need change."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise EditError("the file is not valid UTF-8") from None
    body, before = _front_matter(text)
    for op in ops:
        text = _apply_one(text, op)
    new_body, after = _front_matter(text)
    # A splice this module got wrong is refused, never written.
    if after != apply_to_data(before, ops) or new_body != body:
        raise EditError("the edit would change more than it should; nothing was written")
    return text.encode("utf-8")


def body_offset(raw: bytes) -> int | None:
    """Where the Markdown body starts in ``raw`` (after the closing ``---`` line), in bytes.

    None when there is no closed block or the body does not start on a line
    of its own. An edit keeps the body byte for byte, so a write that only
    changed the body meanwhile can be kept whole under the edited front matter.
    """
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    found = split(normalize(text))
    if found.block is not Block.CLOSED:
        return None
    breaks = list(_LINE.finditer(text))
    if len(breaks) < found.body_line - 1 or found.body_line < 2:
        return None
    at = breaks[found.body_line - 2].end()
    if normalize(text[at:]) != found.body:
        return None
    return len(text[:at].encode("utf-8"))


def apply_to_data(meta: dict[str, Any], ops: Sequence[Op]) -> dict[str, Any]:
    """What the front matter should hold after ``ops`` (a deep copy; ``meta`` is not changed)."""
    out = copy.deepcopy(meta)
    for op in ops:
        path = op.path
        parent: Any = out
        for i, part in enumerate(path[:-1]):
            child = parent[part] if _has(parent, part) else None
            if child is None:
                child = parent[part] = {} if not isinstance(path[i + 1], int) else []
            parent = child
        last = path[-1]
        current = parent[last] if _has(parent, last) else None
        if isinstance(op, Append):
            if current is None:
                parent[last] = [copy.deepcopy(op.item)]
            else:
                current.append(copy.deepcopy(op.item))
        elif isinstance(op.value, dict) and isinstance(current, dict):
            _merge(current, op.value)
        else:
            parent[last] = copy.deepcopy(op.value)
    return out


def _has(container: Any, key: Any) -> bool:
    if isinstance(container, dict):
        return key in container
    return isinstance(key, int) and 0 <= key < len(container)


def _merge(target: dict[str, Any], values: dict[str, Any]) -> None:
    for key, value in values.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            _merge(target[key], value)
        else:
            target[key] = copy.deepcopy(value)


def _front_matter(text: str) -> tuple[str, dict[str, Any]]:
    """The body of ``text`` (normalised) and its front matter's data; EditError without one."""
    found = split(normalize(text))
    if found.block is not Block.CLOSED:
        raise EditError("the file has no closed front-matter block")
    try:
        data = safeyaml.load(found.yaml, first_line=found.yaml_line, lines=False).data
    except safeyaml.YamlError as exc:
        raise EditError(f"line {exc.line}: {exc.message}") from None
    if not isinstance(data, dict):
        raise EditError("the front matter is not a mapping of 'key: value'")
    return found.body, data


def _apply_one(text: str, op: Op) -> str:
    """One operation, spliced into the original text (BOM and line endings as they were)."""
    norm = normalize(text)
    yaml_text = split(norm).yaml
    yaml_start = norm.index("\n") + 1  # the block starts on the line after the opening `---`
    replacements = _Editor(yaml_text).edits(op)
    return _Source(text, norm).splice(
        [(start + yaml_start, end + yaml_start, new) for start, end, new in replacements]
    )


class _Source:
    """Maps offsets in the normalised text back to the original (BOM, CRLF, CR kept)."""

    def __init__(self, text: str, norm: str) -> None:
        self.text = text
        self.bom = 1 if text.startswith("\ufeff") else 0
        self.norm_starts = [0] + [m.end() for m in re.finditer("\n", norm)]
        self.starts = [0] + [m.end() for m in _LINE.finditer(text)]
        self.breaks = [m.group() for m in _LINE.finditer(text)]

    def _locate(self, offset: int) -> tuple[int, int]:
        """Line index and original offset of a normalised offset."""
        lo, hi = 0, len(self.norm_starts) - 1
        while lo < hi:  # the last line start <= offset
            mid = (lo + hi + 1) // 2
            if self.norm_starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        column = offset - self.norm_starts[lo]
        return lo, self.starts[lo] + column + (self.bom if lo == 0 else 0)

    def _newline(self, line: int) -> str:
        """The line ending used near ``line`` (the file's own, CRLF stays CRLF)."""
        for index in (line, line - 1):
            if 0 <= index < len(self.breaks):
                return self.breaks[index]
        return "\n"

    def splice(self, replacements: list[tuple[int, int, str]]) -> str:
        out = self.text
        # Right to left so earlier offsets stay valid; equal offsets keep their given order.
        ordered = sorted(enumerate(replacements), key=lambda r: (r[1][0], r[0]), reverse=True)
        for _, (start, end, new) in ordered:
            line, begin = self._locate(start)
            _, finish = self._locate(end)
            if "\n" in new:
                new = new.replace("\n", self._newline(line))
            out = out[:begin] + new + out[finish:]
        return out


class _Editor:
    """Text replacements (offsets into the YAML block) for one operation."""

    def __init__(self, text: str) -> None:
        self.text = text
        try:
            aliased = any(isinstance(e, yaml.AliasEvent) for e in yaml.parse(text, Loader=_LOADER))
            root = yaml.compose(text, Loader=_LOADER)
        except yaml.YAMLError as exc:  # the engine read it, so this is the editor's limit
            problem = getattr(exc, "problem", None) or "YAML it cannot follow"
            raise EditError(f"the editor cannot read this front matter ({problem})") from None
        if aliased:
            raise EditError(
                "the front matter uses YAML aliases (*name), which an edit could"
                " change in more than one place: edit this file by hand"
            )
        if not isinstance(root, MappingNode):
            raise EditError("the front matter is not a mapping of 'key: value'")
        self.root = root
        self.map_step, self.seq_offset, self.item_step = self._style(root)

    # -- what the file looks like ------------------------------------------------------

    def _column(self, index: int) -> int:
        return index - (self.text.rfind("\n", 0, index) + 1)

    def _end_of_line(self, index: int) -> int:
        found = self.text.find("\n", index)
        return len(self.text) if found < 0 else found + 1

    def _style(self, root: MappingNode) -> tuple[int, int, int]:
        """Indentation steps the file already uses: nested mapping, list under a key, list item."""
        map_step = seq_offset = item_step = None
        stack: list[Node] = [root]
        while stack and None in (map_step, seq_offset, item_step):
            node = stack.pop()
            if isinstance(node, MappingNode) and not node.flow_style:
                for key, value in node.value:
                    if _block(value, MappingNode) and map_step is None:
                        step = self._column(value.value[0][0].start_mark.index)
                        map_step = step - self._column(key.start_mark.index)
                    elif _block(value, SequenceNode) and seq_offset is None:
                        dash = self._column(self._dash(value))
                        seq_offset = dash - self._column(key.start_mark.index)
                    stack.append(value)
            elif isinstance(node, SequenceNode) and not node.flow_style:
                for item in node.value:
                    if _block(item, MappingNode) and item_step is None:
                        item_step = self._column(item.value[0][0].start_mark.index) - (
                            self._column(self._dash(node))
                        )
                    stack.append(item)
        return (
            map_step if map_step and map_step > 0 else 2,
            seq_offset if seq_offset is not None and seq_offset >= 0 else 2,
            item_step if item_step and item_step >= 2 else 2,
        )

    def _dash(self, sequence: SequenceNode) -> int:
        """Where the first ``-`` of a block list is (its anchor or tag may come before it)."""
        return _GAP.match(self.text, self._start(sequence)).end()

    def _start(self, node: Node) -> int:
        """Where the node's value starts, after its anchor and tag (``&st``, ``!!str``)."""
        index = node.start_mark.index
        return index + len(_PROPERTIES.match(self.text, index, node.end_mark.index)[0])

    def _extent(self, node: Node) -> int:
        """Where the node's own text ends (trailing blank lines and comments excluded)."""
        if isinstance(node, ScalarNode):
            end = node.end_mark.index
            if node.style in ("|", ">"):
                if _KEEP.match(self.text, self._start(node)):
                    # `|+` keeps its blank lines: they are the value's, new lines go after them
                    return (
                        max(self._start(node), end - 1) if self.text[end - 1 : end] == "\n" else end
                    )
                while end > node.start_mark.index and self.text[end - 1] in " \t\n":
                    end -= 1
            return end
        if node.flow_style or not node.value:
            return node.end_mark.index
        if isinstance(node, MappingNode):
            key, value = node.value[-1]
            return max(self._extent(key), self._extent(value))
        return self._extent(node.value[-1])

    # -- operations --------------------------------------------------------------------

    def edits(self, op: Op) -> list[tuple[int, int, str]]:
        depth = len(op.path) - 1
        while depth > 0 and self._walk(op.path[:depth])[0] is None:
            depth -= 1
        if depth < len(op.path) - 1:  # a missing or empty parent: set the whole branch at once
            leaf = [op.item] if isinstance(op, Append) else op.value
            return self.edits(Set(op.path[: depth + 1], _nest(op.path[depth + 1 :], leaf)))
        parent, flow = self._walk(op.path[:-1])
        assert parent is not None
        key = op.path[-1]
        if isinstance(parent, SequenceNode):
            if not isinstance(key, int) or not 0 <= key < len(parent.value):
                raise EditError(f"{dotted(op.path)}: no such item")
            node = parent.value[key]
            if isinstance(op, Append):
                return self._append(node, op.item, flow, op.path)
            return self._replace(None, node, op.value, flow, op.path)
        found = _lookup(parent, key)
        if found is None:
            value = [op.item] if isinstance(op, Append) else op.value
            return self._insert(parent, key, value, flow)
        key_node, node = found
        if isinstance(op, Append) and not _is_null(node):
            return self._append(node, op.item, flow, op.path)
        value = [op.item] if isinstance(op, Append) else op.value
        return self._replace(key_node, node, value, flow, op.path)

    def _walk(self, path: Path) -> tuple[Node | None, bool]:
        """The collection at ``path`` and whether it sits in flow style; None when absent or null."""
        node: Node = self.root
        flow = bool(self.root.flow_style)
        for i, part in enumerate(path):
            if isinstance(node, MappingNode) and isinstance(part, str):
                found = _lookup(node, part)
                child = found[1] if found else None
            elif isinstance(node, SequenceNode) and isinstance(part, int):
                child = node.value[part] if 0 <= part < len(node.value) else None
            else:
                raise EditError(f"{dotted(path[: i + 1])}: not found")
            if child is None or _is_null(child):
                return None, flow
            if isinstance(child, ScalarNode):
                raise EditError(f"{dotted(path[: i + 1])} is a single value, not a list or mapping")
            flow = flow or bool(node.flow_style)
            node = child
        return node, flow or bool(node.flow_style)

    def _replace(
        self, key: Node | None, node: Node, value: Value, flow: bool, path: Path
    ) -> list[tuple[int, int, str]]:
        if isinstance(value, dict) and isinstance(node, MappingNode):
            out: list[tuple[int, int, str]] = []
            inner = flow or bool(node.flow_style)
            for name, item in value.items():
                found = _lookup(node, name)
                if found is None:
                    out += self._insert(node, name, item, inner)
                else:
                    out += self._replace(found[0], found[1], item, inner, (*path, name))
            return out
        if not isinstance(node, ScalarNode):
            raise EditError(f"{dotted(path)} is a {_kind(node)}; cannot replace it")
        if _is_null(node) and isinstance(value, (dict, list)):
            return self._fill_null(key, node, value, flow)
        if isinstance(value, (dict, list)):
            raise EditError(f"{dotted(path)} is a single value, not a {_kind_of(value)}")
        rendered = _scalar(value, flow, node.style)
        start = self._start(node)  # an anchor or tag before the value stays
        if start == node.end_mark.index:  # `key:` (or `key: &a`) with nothing after it
            return [(start, start, self._spaced(start, rendered))]
        return [(start, max(start, self._extent(node)), rendered)]

    def _spaced(self, at: int, text: str) -> str:
        """``text`` to insert at ``at``, after a space unless one is already there."""
        return text if at > 0 and self.text[at - 1] in " \t" else " " + text

    def _fill_null(
        self, key: Node | None, node: ScalarNode, value: Value, flow: bool
    ) -> list[tuple[int, int, str]]:
        """``key:`` / ``key: ~`` gets a list or mapping: in flow style in place, else below."""
        start, end = self._start(node), max(self._start(node), self._extent(node))
        if flow or key is None:
            return [
                (start, end, self._spaced(start, _flow(value)) if start == end else _flow(value))
            ]
        column = self._column(key.start_mark.index)
        if isinstance(value, dict):
            lines = "".join(self._pair(k, v, column + self.map_step) for k, v in value.items())
        else:
            lines = "".join(self._item(v, column + self.seq_offset) for v in value)
        gap = start
        while gap > 0 and self.text[gap - 1] in " \t":  # `key: ~` -> `key:`, no trailing space
            gap -= 1
        out = [] if start == end else [(gap, end, "")]
        return [*out, self._after_line(max(end, self._extent(key)), lines)]

    def _insert(
        self, mapping: MappingNode, key: str, value: Value, flow: bool
    ) -> list[tuple[int, int, str]]:
        if flow or mapping.flow_style:
            text = f"{_key(key)}: {_flow(value)}"
            if not mapping.value:  # inside the braces, after any anchor or tag before them
                return [(mapping.end_mark.index - 1, mapping.end_mark.index - 1, text)]
            at = self._extent(mapping.value[-1][1])
            at = max(at, self._extent(mapping.value[-1][0]))
            return [(at, at, ", " + text)]
        column = self._column(mapping.value[0][0].start_mark.index)
        return [self._after_line(self._extent(mapping), self._pair(key, value, column))]

    def _append(
        self, node: Node, item: Value, flow: bool, path: Path
    ) -> list[tuple[int, int, str]]:
        if not isinstance(node, SequenceNode):
            raise EditError(f"{dotted(path)} is a {_kind(node)}, not a list")
        if flow or node.flow_style:
            if not node.value:  # inside the brackets, after any anchor or tag before them
                return [(node.end_mark.index - 1, node.end_mark.index - 1, _flow(item))]
            at = self._extent(node.value[-1])
            return [(at, at, ", " + _flow(item))]
        dash = self._column(self._dash(node))
        step = self.item_step
        first = node.value[0]
        if _block(first, MappingNode):
            step = self._column(first.value[0][0].start_mark.index) - dash
        return [self._after_line(self._extent(node), self._item(item, dash, step))]

    def _after_line(self, index: int, lines: str) -> tuple[int, int, str]:
        """Insert whole lines after the line holding ``index``."""
        at = self._end_of_line(index)
        if at == len(self.text) and not self.text.endswith("\n"):
            lines = "\n" + lines
        return (at, at, lines)

    # -- writing new values in block style ---------------------------------------------

    def _pair(self, key: str, value: Value, column: int) -> str:
        pad = " " * column
        if isinstance(value, dict):
            inner = "".join(self._pair(k, v, column + self.map_step) for k, v in value.items())
            return f"{pad}{_key(key)}:\n{inner}" if value else f"{pad}{_key(key)}: {{}}\n"
        if isinstance(value, list):
            inner = "".join(self._item(v, column + self.seq_offset) for v in value)
            return f"{pad}{_key(key)}:\n{inner}" if value else f"{pad}{_key(key)}: []\n"
        return f"{pad}{_key(key)}: {_scalar(value, False)}\n"

    def _item(self, value: Value, dash: int, step: int | None = None) -> str:
        step = self.item_step if step is None else step
        pad = " " * dash
        if isinstance(value, dict) and value:
            lines = "".join(self._pair(k, v, dash + step) for k, v in value.items())
            return pad + "-" + " " * (step - 1) + lines[dash + step :]
        if isinstance(value, (dict, list)):
            return f"{pad}- {_flow(value)}\n"
        return f"{pad}- {_scalar(value, False)}\n"


def _block(node: Node, kind: type[Node]) -> bool:
    return isinstance(node, kind) and not node.flow_style and bool(node.value)


def _lookup(mapping: MappingNode, key: str) -> tuple[Node, Node] | None:
    for key_node, value_node in mapping.value:
        if isinstance(key_node, ScalarNode) and key_node.tag == _STR and key_node.value == key:
            return key_node, value_node
    return None


def _is_null(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.tag == _NULL


def _kind(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "mapping"
    if isinstance(node, SequenceNode):
        return "list"
    return "single value"


def _kind_of(value: Value) -> str:
    return "mapping" if isinstance(value, dict) else "list"


def _nest(path: Path, value: Value) -> Value:
    for part in reversed(path):
        if isinstance(part, int):
            raise EditError(f"no list item {part} to set")
        value = {part: value}
    return value


def _key(key: str) -> str:
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", key):
        raise EditError(f"cannot write the key {key!r}")
    return key


def _flow(value: Value) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key(k)}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return _scalar(value, True)


def _scalar(value: Value, flow: bool, style: str | None = None) -> str:
    """A scalar as YAML the engine reads back as ``value``; quoted like the one it replaces."""
    if isinstance(value, bool) or value is None:
        raise EditError(f"cannot write {value!r}")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.isoformat()
    if not isinstance(value, str):
        raise EditError(f"cannot write {value!r}")
    if style == "'" and "\n" not in value and not _ODD.search(value):
        return "'" + value.replace("'", "''") + "'"
    if style != '"' and _plain_reads_back(value, flow):
        return value
    return _double_quoted(value)


def _plain_reads_back(value: str, flow: bool) -> bool:
    if not value or value != value.strip() or "\n" in value or _ODD.search(value):
        return False
    contexts = [(f"k: {value}\n", {"k": value})]
    if flow:
        contexts += [
            (f"k: [{value}]\n", {"k": [value]}),
            (f"k: {{a: {value}}}\n", {"k": {"a": value}}),
        ]
    for text, expected in contexts:
        try:
            if safeyaml.load(text, lines=False).data != expected:
                return False
        except safeyaml.YamlError:
            return False
    return True


def _double_quoted(value: str) -> str:
    out = []
    for ch in value:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif _ODD.match(ch):
            if 0xD800 <= ord(ch) <= 0xDFFF:
                raise EditError("the text holds a character that is not valid Unicode")
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'
