"""The one way out of every command: stdout and stderr, cleaned, with failures that mean something.

Commands print document titles, framework names, file names and user
arguments, any of which may hold terminal controls: a clear-screen, a
title-bar write, an OSC 52 write to the clipboard. Instead of every command
remembering to clean what it prints, :func:`cleaned_streams` puts a
:class:`CleanWriter` in front of ``sys.stdout`` and ``sys.stderr`` for the
whole run, so ``print`` in any subcommand (and argparse's own messages)
goes through :func:`clean`.

A reader that cannot take the output — ``> /dev/full``, a closed pipe
(``| head -c1``), a closed descriptor (``>&-``) — is an error of the
environment, not of the store: :class:`OutputError`, which ``main`` turns
into exit 2 with one line on stderr, so exit 1 keeps meaning "problems found".
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from typing import Any

from .common import EXIT_ENVIRONMENT

# Whole sequences go, not just their ESC, or "[2J" would be left behind as text. String
# sequences (OSC, DCS, SOS, PM, APC) end at their terminator, or at the end of the line when
# it is missing, so a stray opener never swallows the lines after it.
_CONTROLS = re.compile(
    r"(?:\x1b[\]P^_X]|[\x90\x98\x9d-\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"  # strings
    r"|(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"  # CSI: cursor moves, clear screen, colours
    r"|\x1b[ -/]*[0-~]?"  # other escapes: ESC c (reset), ESC ( 0 (character sets)
    r"|\r(?!\n)"  # a carriage return that rewrites the line; CRLF (a CRLF card's diff) stays
    r"|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"  # any other C0 control but \t and \n, DEL, C1
)


_ANY_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # every sequence starts with one


def clean(text: str) -> str:
    """``text`` without terminal controls: of C0 and C1 only tab, newline and CRLF stay."""
    first = _ANY_CONTROL.search(text)  # none is the usual case, ten times faster to tell
    if first is None:
        return text
    return text[: first.start()] + _CONTROLS.sub("", text[first.start() :])


_RAW_IN_JSON = re.compile(r"[\x7f-\x9f]")  # json.dumps escapes C0 itself, not DEL or C1


def dumps(data: object, **options: Any) -> str:
    """JSON text with every control character as a ``\\u`` escape, so cleaning takes nothing.

    ``ensure_ascii=False`` keeps names readable (``"Équipe"``) but leaves DEL and
    C1 controls raw; escaped, a JSON reader still gets the exact text back.
    """
    text = json.dumps(data, **options)
    return _RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class OutputError(Exception):
    """stdout or stderr cannot be written: a full disk, a closed pipe or descriptor."""

    def __init__(self, name: str, reason: str, stream: object) -> None:
        super().__init__(f"cannot write to {name}: {reason}")
        self.name = name
        self.stream = stream


class CleanWriter(io.TextIOBase):
    """A text stream that cleans what it is given and writes it to ``stream``."""

    def __init__(self, stream: io.TextIOBase | None, name: str) -> None:
        super().__init__()
        self._stream = stream
        self._name = name

    @property
    def stream(self) -> io.TextIOBase | None:
        return self._stream

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self._stream, "encoding", None) or "utf-8"

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return bool(self._stream is not None and self._stream.isatty())

    def fileno(self) -> int:
        if self._stream is None:
            raise io.UnsupportedOperation(f"{self._name} is closed")
        return self._stream.fileno()

    def write(self, text: str) -> int:
        self._call("write", clean(text))
        return len(text)

    def writelines(self, lines: Iterable[str]) -> None:  # type: ignore[override]
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        self._call("flush")

    def _call(self, method: str, *args: str) -> None:
        if self._stream is None or getattr(self._stream, "closed", False):
            raise OutputError(self._name, "it is closed", self)
        try:
            getattr(self._stream, method)(*args)
        except (OSError, ValueError) as exc:  # ValueError: the stream was closed meanwhile
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise OutputError(self._name, reason, self) from None


@contextlib.contextmanager
def cleaned_streams() -> Iterator[None]:
    """``sys.stdout`` and ``sys.stderr`` cleaned for the ``with`` block, then as they were."""
    saved = sys.stdout, sys.stderr
    sys.stdout = CleanWriter(saved[0], "stdout")
    sys.stderr = CleanWriter(saved[1], "stderr")
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def flush() -> None:
    """Push out what is buffered, so a full stdout is found before the exit code is decided."""
    sys.stdout.flush()
    sys.stderr.flush()


def failed(exc: OutputError) -> int:
    """Say once on stderr (if it can take it) that output failed; exit 2.

    The failed stream's descriptor is pointed at the null device, so the
    interpreter's own flush at exit finds nowhere to fail and prints nothing.
    """
    writer = exc.stream
    target = writer.stream if isinstance(writer, CleanWriter) else None
    with contextlib.suppress(OSError, ValueError):
        if target is not None:
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, target.fileno())
            os.close(null)
    if exc.name != "stderr":
        with contextlib.suppress(OutputError, OSError, ValueError):
            print(f"mkdocs-growth: error: {exc}", file=sys.stderr)
            sys.stderr.flush()
    return EXIT_ENVIRONMENT
