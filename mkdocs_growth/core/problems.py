"""Problems found in a store: one record per finding, with file and line."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    # Worth knowing, never a failure, not even under strict (a key a format may add).
    NOTE = "note"


@dataclass(frozen=True, order=True)
class Problem:
    """One finding, printable as ``path:line: severity: message``.

    ``line`` is 1-based and points at the offending key when it is known;
    0 means "the file as a whole".
    """

    path: str
    line: int
    severity: Severity
    message: str

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def is_note(self) -> bool:
        return self.severity is Severity.NOTE

    @property
    def fails_strict(self) -> bool:
        """Errors and warnings fail a strict build; notes never do."""
        return self.severity is not Severity.NOTE

    def __str__(self) -> str:
        path = shown_path(self.path)
        where = f"{path}:{self.line}" if self.line else path
        return f"{where}: {self.severity.value}: {self.message}"

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "severity": self.severity.value,
            "message": self.message,
        }


MAX_MESSAGE = 400


def shown_path(path: str) -> str:
    """A file name as one line of a terminal or log may show it.

    A file may be named with ESC (terminal escape sequences), a newline (a
    forged second line in a log), a bidi override or undecodable bytes: those
    characters, and then ``\\`` too, are written as Python escapes (``\\x1b``).
    Printable names are shown as they are.
    """
    if path.isprintable():
        return path
    return "".join(ch if ch.isprintable() and ch != "\\" else _escaped(ch) for ch in path)


def _escaped(ch: str) -> str:
    code = ord(ch)
    if ch == "\\":
        return "\\\\"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def quote(value: object, limit: int = 60) -> str:
    """``repr`` of a document value for a message, cut short: one value cannot flood a report."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _bounded(message: str) -> str:
    """Backstop for messages that quote document text whole: keep both ends."""
    if len(message) <= MAX_MESSAGE:
        return message
    half = MAX_MESSAGE // 2
    return f"{message[:half]} … {message[-half:]}"


def error(path: str, line: int, message: str) -> Problem:
    return Problem(path, line, Severity.ERROR, _bounded(message))


def warning(path: str, line: int, message: str) -> Problem:
    return Problem(path, line, Severity.WARNING, _bounded(message))


def note(path: str, line: int, message: str) -> Problem:
    return Problem(path, line, Severity.NOTE, _bounded(message))


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.NOTE: 2}


def sort_key(problem: Problem) -> tuple[str, int, int, str]:
    """Files in path order, then by line, errors before warnings before notes."""
    return (problem.path, problem.line, _RANK[problem.severity], problem.message)
