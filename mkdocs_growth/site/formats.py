"""How dates and numbers read on every generated page (the same in HTML and Markdown)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal


def fmt_date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def fmt_number(value: float | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    try:
        return f"{value:g}"
    except OverflowError:  # an int beyond a float's range (the model refuses them): still shown
        return f"{Decimal(value):.6g}"


def plural(count: int, word: str) -> str:
    """``1 card``, ``2 cards``."""
    return f"{count} {word}{'' if count == 1 else 's'}"
