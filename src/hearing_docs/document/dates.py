"""Dates as correspondence writes them: a date and a language in, text out.

Shared by the HTML templates (the ``longdate`` filter) and the Word writer, so
both print the same words: "22 July 2016" in English, "22 juillet 2016" in
French (Babel's month names, day first, no comma).
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date


def long_date(value: dt.date, language: str = "en") -> str:
    """A date as correspondence writes it: "22 July 2016" (day, month name, year)."""
    return format_date(value, "d MMMM y", locale=language.replace("-", "_"))
