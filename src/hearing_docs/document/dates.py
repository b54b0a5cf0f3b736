"""Dates as correspondence writes them: a date (or a span, or a month) and a catalogue in, text out.

Shared by the HTML templates (the ``longdate`` filter), the Word writer and the
metadata, so all print the same words. The words and their order come from the
template set's catalogue of the document's language (``text/<language>.yaml``):
"22 July 2016", "22 juillet 2016", "22 de julio de 2016", "22 июля 2016 года",
"2016年7月22日", "22 تموز/يوليه 2016".
"""

from __future__ import annotations

import datetime as dt

from hearing_docs.templateset.catalogue import Catalogue, fill


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
