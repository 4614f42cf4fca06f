"""Problems found in a store: one record per finding, with file and line."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


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

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.severity.value}: {self.message}"

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "severity": self.severity.value,
            "message": self.message,
        }


MAX_MESSAGE = 400


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


def sort_key(problem: Problem) -> tuple[str, int, int, str]:
    """Files in path order, then by line, errors before warnings."""
    return (problem.path, problem.line, problem.severity is Severity.WARNING, problem.message)
