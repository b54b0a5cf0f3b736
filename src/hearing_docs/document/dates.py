"""Dates as correspondence writes them: a date (or an event's dates) and a catalogue in, text out.

Shared by the HTML templates (the ``longdate`` and ``isodate`` filters), the
Word writer and the document facts, so every output prints the same words.
The words and their order come from the template set's catalogue of the
document's language (``text/<language>.yaml``, its ``months`` and ``dates``):

- a day: "22 July 2016", "22 juillet 2016", "22 de julio de 2016",
  "22 июля 2016 года", "2016年7月22日", "22 تموز/يوليه 2016";
- several days: "11 and 12 September 2014", "30 September and 1 October 2014",
  "2014年9月11日和12日";
- consecutive days: "8\u201310 June 2016", "30 June\u20132 July 2016";
- a month: "September 2014", "сентябрь 2014 года".
"""

from __future__ import annotations

import datetime as dt
import re

from hearing_docs.content.dates import DateRange, Days, Month
from hearing_docs.templateset.catalogue import Catalogue, fill, placeholders

AnyDate = dt.date | Days | DateRange | Month


def long_date(value: AnyDate, text: Catalogue) -> str:
    """An event's date, or a letter's, as correspondence in ``text``'s language writes it."""
    if isinstance(value, Days):
        return days(list(value), text)
    if isinstance(value, DateRange):
        return span(value.start, value.end, text)
    if isinstance(value, Month):
        return month(value.first.year, value.first.month, text)
    return day(value, text)


def iso_date(value: AnyDate) -> str:
    """The date as HTML's ``<time datetime>`` holds it: a day, a month (YYYY-MM), or ""
    for several days, which it cannot hold."""
    if isinstance(value, Month):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return ""


def _day_number(value: dt.date, text: Catalogue) -> str:
    if value.day == 1 and text.dates.first_day is not None:
        return text.dates.first_day
    return str(value.day)


def _values(value: dt.date, text: Catalogue) -> dict[str, object]:
    return {
        "day": _day_number(value, text),
        "month": text.months[value.month - 1],
        "month_number": value.month,
        "year": value.year,
    }


def day(value: dt.date, text: Catalogue) -> str:
    """One day: "22 July 2016"."""
    return fill(text.dates.day, **_values(value, text))


def _shortest(value: dt.date, other: dt.date | None, text: Catalogue) -> str:
    """A day of a list with only as much of month and year as ``other`` (the day that
    writes what they share) does not write."""
    if other is None or other.year != value.year:
        return day(value, text)
    if other.month != value.month:
        return fill(text.dates.day_and_month, **_values(value, text))
    return fill(text.dates.day_alone, day=_day_number(value, text))


def days(values: list[dt.date], text: Catalogue) -> str:
    """ "11 and 12 September 2014"; "11, 12 and 15 September 2014"."""
    if text.dates.shared_on == "last":
        others: list[dt.date | None] = [*values[1:], None]
    else:
        others = [None, *values[:-1]]
    parts = [_shortest(value, other, text) for value, other in zip(values, others, strict=True)]
    if len(parts) == 1:
        return parts[0]
    return text.dates.list_separator.join(parts[:-1]) + text.dates.list_and + parts[-1]


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
