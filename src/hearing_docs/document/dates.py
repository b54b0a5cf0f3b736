"""Dates as correspondence writes them: a date (or a span, or a month) and a catalogue in, text out.

Shared by the HTML templates (the ``longdate`` filter), the Word writer and the
metadata, so all print the same words. The words and their order come from the
template set's catalogue of the document's language (``text/<language>.yaml``):
"22 July 2016", "22 juillet 2016", "22 de julio de 2016", "22 июля 2016 года",
"2016年7月22日", "22 تموز/يوليه 2016".
"""

from __future__ import annotations

import datetime as dt
import re

from hearing_docs.templateset.catalogue import Catalogue, fill, placeholders


def _day_number(value: dt.date, text: Catalogue) -> str:
    if value.day == 1 and text.dates.first_day is not None:
        return text.dates.first_day
    return str(value.day)


def day(value: dt.date, text: Catalogue) -> str:
    """One day: "22 July 2016"."""
    return fill(
        text.dates.day,
        day=_day_number(value, text),
        month=text.months[value.month - 1],
        month_number=value.month,
        year=value.year,
    )


def span(first: dt.date, last: dt.date, text: Catalogue) -> str:
    """Days from ``first`` to ``last``: "8–10 June 2016", "30 June–2 July 2016"."""
    if last < first:
        first, last = last, first
    if first == last:
        return day(first, text)
    if first.year != last.year:
        return fill(text.dates.range, start=day(first, text), end=day(last, text))
    if first.month != last.month:
        return fill(
            text.dates.range_in_year,
            first=_day_number(first, text),
            first_month=text.months[first.month - 1],
            first_month_number=first.month,
            last=_day_number(last, text),
            last_month=text.months[last.month - 1],
            last_month_number=last.month,
            year=first.year,
        )
    return fill(
        text.dates.range_in_month,
        first=_day_number(first, text),
        last=_day_number(last, text),
        month=text.months[first.month - 1],
        month_number=first.month,
        year=first.year,
    )


def month(year: int, number: int, text: Catalogue) -> str:
    """A month alone: "July 2016"."""
    return fill(text.dates.month, month=text.month_alone(number), month_number=number, year=year)


def parse_day(text: str, catalogue: Catalogue) -> dt.date | None:
    """The day that ``text`` writes in the catalogue's ``dates.day`` form, or None: the
    inverse of ``day`` ("22 juillet 2016", "2016年7月22日" back to a date)."""
    found = _day_pattern(catalogue).fullmatch(" ".join(text.split()))
    if found is None:
        return None
    parts = found.groupdict()
    number = parts.get("day")
    day_number = 1 if number == catalogue.dates.first_day else int(number or 0)
    month = parts.get("month_number") or catalogue.months.index(parts["month"]) + 1
    try:
        return dt.date(int(parts["year"]), int(month), day_number)
    except (ValueError, TypeError):
        return None


def _day_pattern(catalogue: Catalogue) -> re.Pattern[str]:
    days = r"\d{1,2}"
    if catalogue.dates.first_day is not None:
        days = f"{re.escape(catalogue.dates.first_day)}|{days}"
    groups = {
        "day": f"(?P<day>{days})",
        "month": "(?P<month>" + "|".join(map(re.escape, catalogue.months)) + ")",
        "month_number": r"(?P<month_number>\d{1,2})",
        "year": r"(?P<year>\d{4})",
    }
    pattern = " ".join(catalogue.dates.day.split())
    parts = re.split(r"(\{[a-z_]*\})", pattern)
    used = placeholders(pattern)
    assert used <= set(groups)  # the catalogue checked its patterns when it was read
    return re.compile(
        "".join(groups[p[1:-1]] if p.startswith("{") else re.escape(p) for p in parts if p)
    )
