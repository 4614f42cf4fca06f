"""pydantic validation errors -> messages a store author can act on.

pydantic speaks of "a valid dictionary or instance of Milestone" and puts
union branches (``baseline.int``, ``baseline.float``) into error locations.
Authors edit YAML, so messages here name the key as written, counting list
items from 1 as people do (``milestones #2.due`` is the second milestone's
``due``), the value found, and what would be accepted. YAML syntax errors are
told in the same terms (:func:`yaml_syntax`), not in the parser's.
"""

from __future__ import annotations

import difflib
import types
from collections.abc import Iterable
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from .problems import quote

Loc = tuple[Any, ...]

_SCORE_FIELDS = ("scores", "rubric")
_PLAIN = {
    "string_type": "must be text",
    "list_type": "must be a list, like [a, b]",
    "dict_type": "must be a mapping of 'key: value'",
    "model_type": "must be a mapping of 'key: value'",
    "model_attributes_type": "must be a mapping of 'key: value'",
    "int_type": "must be a number",
    "int_parsing": "must be a number",
    "float_type": "must be a number",
    "float_parsing": "must be a number",
    "finite_number": "must be a finite number",
    "bool_type": "must be true or false",
    "string_too_short": "must not be empty",
}
_DATE_ERRORS = (
    "date_type",
    "date_parsing",
    "date_from_datetime_parsing",
    "date_from_datetime_inexact",
)


def closest(value: str, choices: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The choice ``value`` most likely misspells, in any letter case, or None.

    The one near-miss rule: did-you-mean hints use it, and so does a public
    build, which treats a near-miss of ``visibility`` or of a private field
    as the key it resembles (practice.audience).
    """
    by_folded: dict[str, str] = {}
    for choice in choices:
        by_folded.setdefault(choice.casefold(), choice)
    match = difflib.get_close_matches(value.casefold(), list(by_folded), n=1, cutoff=cutoff)
    return by_folded[match[0]] if match else None


def did_you_mean(value: str, choices: Iterable[str], cutoff: float = 0.6) -> str:
    """`` (did you mean 'x'?)`` for the closest choice, or ``""``."""
    match = closest(value, choices, cutoff)
    return f" (did you mean {match!r}?)" if match is not None else ""


def plural(count: int, noun: str, many: str | None = None) -> str:
    """``1 error``, ``2 errors``; ``many`` for irregular plurals."""
    return f"{count:,} {noun if count == 1 else many or noun + 's'}"


def dotted(loc: Loc) -> str:
    """``("milestones", 1, "due")`` -> ``milestones #2.due``: list items counted from 1."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f" #{part + 1}"
        else:
            out += f".{part}" if out else str(part)
    return out


def data_loc(data: Any, loc: Loc, *, missing: bool = False) -> Loc:
    """The part of an error location that exists in the YAML (drops union branch names).

    For a ``missing`` error the last part is the absent key and is kept.
    """
    node, out = data, []
    parts = loc[:-1] if missing else loc
    for part in parts:
        if (isinstance(node, dict) and part in node) or (
            isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        ):
            node = node[part]
        else:
            break
        out.append(part)
    if missing and len(out) == len(parts):
        out.append(loc[-1])
    return tuple(out)


def _unwrap(tp: Any) -> Any:
    """``Annotated[X, ...]`` and ``X | None`` -> ``X``."""
    while True:
        origin = get_origin(tp)
        if origin is Annotated:
            tp = get_args(tp)[0]
        elif origin in (Union, types.UnionType):
            args = [a for a in get_args(tp) if a is not type(None)]
            if len(args) != 1:
                return tp
            tp = args[0]
        else:
            return tp


def keys_at(model: type[BaseModel], loc: Loc) -> list[str]:
    """The keys the model accepts in the mapping at ``loc`` ([] when not a closed model)."""
    tp: Any = model
    for part in loc:
        tp = _unwrap(tp)
        if isinstance(part, int):
            if get_origin(tp) is not list:
                return []
            tp = get_args(tp)[0]
            continue
        if not (isinstance(tp, type) and issubclass(tp, BaseModel)):
            return []
        fields = {f.alias or name: f for name, f in tp.model_fields.items()}
        if part not in fields:
            return []
        tp = fields[part].annotation
    tp = _unwrap(tp)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return [f.alias or name for name, f in tp.model_fields.items()]
    return []


def describe(model: type[BaseModel], kind: str, loc: Loc, err: Any) -> str:
    """One pydantic error as ``where: what is wrong`` (``loc`` already trimmed by data_loc)."""
    where = dotted(loc)
    etype = err["type"]
    value = err.get("input")
    if etype == "missing":
        field_name = loc[-1]
        extra = " (the definition of done)" if field_name == "done_when" else ""
        parent = dotted(loc[:-1])
        return f"{kind} is missing required field {field_name!r}{extra}" + (
            f" in {parent}" if parent else ""
        )
    if etype == "extra_forbidden":
        hint = did_you_mean(str(loc[-1]), keys_at(model, loc[:-1]))
        return f"unknown key {where!r}{hint}"
    if etype == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        choices = [c.strip(" '") for c in expected.replace(" or ", ", ").split(",")]
        hint = did_you_mean(value, choices) if isinstance(value, str) else ""
        return f"{where}: {quote(value)} is not allowed{hint}; expected {expected}"
    if etype == "string_pattern_mismatch" and loc:  # every pattern of the model is an id's
        rule = (
            "letters, digits and '-'"
            if loc[-1] == "horizon"
            else "lowercase letters, digits and '-'"
        )
        return f"{where}: {quote(value)} is not a valid id ({rule})"
    if loc and loc[0] in _SCORE_FIELDS and etype.startswith(("int", "greater", "less", "float")):
        if isinstance(value, bool):
            return f"{where}: must be a whole number from 1 to 5, not a boolean"
        return f"{where}: must be a whole number from 1 to 5 (got {quote(value)})"
    return f"{where}: {reason(err)}"


def reason(err: Any) -> str:
    """What is wrong with a value, without saying where (types, dates, validators)."""
    etype = err["type"]
    value = err.get("input")
    if etype in _DATE_ERRORS:
        if isinstance(value, str):
            why = err.get("ctx", {}).get("error")
            why = f" ({why})" if why else ""
            return f"{quote(value)} is not a valid date{why}; write it like 2026-04-01"
        return f"must be a date like 2026-04-01 (got {quote(value)})"
    if etype == "value_error":
        return str(err.get("ctx", {}).get("error", err["msg"]))
    if etype in _PLAIN:
        shown = not isinstance(value, (dict, list)) and etype != "string_too_short"
        return _PLAIN[etype] + (f" (got {quote(value)})" if shown else "")
    return str(err["msg"])


def yaml_syntax(problem: str, context: str | None, opened: int | None, line_text: str) -> str:
    """A YAML parser error (libyaml's ``problem`` and ``context``) in an author's terms.

    ``opened`` is the file line where the construct the parser was reading
    began (a list, a quoted value), ``line_text`` the line the error is on.
    Anything not recognised keeps the parser's words, without its jargon.
    """
    since = f" on line {opened}" if opened else ""
    stripped = line_text.strip()
    if "tab character" in problem:
        return "a tab indents this line: YAML indents with spaces only"
    if problem.startswith("found character that cannot start any token") and stripped:
        value = stripped.split(":", 1)[-1].strip() or stripped
        return (
            f"a value cannot start with {value[0]!r} (YAML reserves it):"
            f' put the value in quotes, like "{value[:40]}"'
        )
    if problem.startswith("mapping values are not allowed"):
        key, _, value = stripped.partition(": ")
        if ": " in value or value.endswith(":"):
            return (
                f"the value of {key.lstrip('- ')!r} contains ': ': put the value in quotes,"
                f' like {key}: "{value[:40]}"'
            )
        return (
            "this line is indented under a value, not under a key:"
            " line it up with the keys above, or quote the value if it goes on"
        )
    if "end of stream" in problem and context and "quoted scalar" in context:
        return f"a quoted value{since} is never closed: add the closing quote"
    if context and "flow sequence" in context:
        return f"the list [ ... ]{since} is not closed with ']' (or lacks a ',' between items)"
    if context and "flow mapping" in context:
        return (
            f"the mapping {{ ... }}{since} is not closed with '}}' (or lacks a ','"
            " between its 'key: value' pairs)"
        )
    if context and "simple key" in context:
        return (
            f"{f'line {opened}' if opened else 'this line'} is not a 'key: value' pair:"
            " add ': ' after the key"
        )
    if problem.startswith("did not find expected key") and context and "block mapping" in context:
        quoted = "'" in stripped or '"' in stripped
        mapping = f"the mapping that begins{since}" if opened else "the mapping"
        return f"this line does not continue {mapping}: " + (
            "a quoted value must end at its closing quote ('it''s' or \"it's\")"
            if quoted
            else "check its indentation (list items go under their key, indented by 2)"
        )
    if context and "block scalar" in context:
        return "'|' or '>' must end its line; the text goes on the indented lines below"
    if problem.startswith("mapping keys are not allowed"):
        return "'?' starts a complex key in YAML: put the value in quotes"
    return problem + (f" (in the part that begins{since})" if opened else "")
