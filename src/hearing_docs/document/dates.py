"""Dates as correspondence writes them: a date (or an event's dates) and a language in, text out.

Shared by the HTML templates (the ``longdate`` and ``isodate`` filters), the
Word writer and the document facts, so every output prints the same words:

- a day: "22 July 2016" (day, month name, year, no comma);
- several days: "11 and 12 September 2014", "30 September and 1 October 2014";
- consecutive days: "8\u201310 June 2016", with an en dash and no spaces;
- a month: "September 2014".

Month names and the "and" of a list come from Babel in the document's
language ("22 juillet 2016", "11 et 12 septembre 2014"); the patterns below
are the UN's English forms.
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date
from babel.lists import format_list

from hearing_docs.content.dates import DateRange, Days, Month

EN_DASH = "\u2013"
AnyDate = dt.date | Days | DateRange | Month


def _locale(language: str) -> str:
    return language.replace("-", "_")


def long_date(value: AnyDate, language: str = "en") -> str:
    """An event's date, or a letter's, as correspondence writes it."""
    if isinstance(value, Days):
        return _days(value.root, language)
    if isinstance(value, DateRange):
        return _range(value.start, value.end, language)
    if isinstance(value, Month):
        return format_date(value.first, "LLLL y", locale=_locale(language))
    return format_date(value, "d MMMM y", locale=_locale(language))


def iso_date(value: AnyDate) -> str:
    """The date as HTML's ``<time datetime>`` holds it: a day, a month (YYYY-MM), or ""
    for several days, which it cannot hold."""
    if isinstance(value, Month):
        return value.root
    if isinstance(value, dt.date):
        return value.isoformat()
    return ""


def _shortest(day: dt.date, following: dt.date | None, language: str) -> str:
    """A day with only as much of month and year as the next day does not share."""
    locale = _locale(language)
    if following is None or following.year != day.year:
        return format_date(day, "d MMMM y", locale=locale)
    if following.month != day.month:
        return format_date(day, "d MMMM", locale=locale)
    return format_date(day, "d", locale=locale)


def _days(days: list[dt.date], language: str) -> str:
    """ "11 and 12 September 2014"; "11, 12 and 15 September 2014"."""
    following: list[dt.date | None] = [*days[1:], None]
    parts = [_shortest(day, after, language) for day, after in zip(days, following, strict=True)]
    # The last two joined by the language's "and"; the others by commas, as the UN writes
    # them ("11, 12 and 15"): CLDR's English list would add a comma before "and".
    return format_list([", ".join(parts[:-1]), parts[-1]], locale=_locale(language))


def _range(start: dt.date, end: dt.date, language: str) -> str:
    """ "8-10 June 2016", "30 June-2 July 2016", "30 December 2016-2 January 2017" (en dashes)."""
    return _shortest(start, end, language) + EN_DASH + long_date(end, language)
