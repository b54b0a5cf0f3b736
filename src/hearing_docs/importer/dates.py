"""Dates as typed back to dates: text and a language in, a date (or None) out.

Reads what correspondence prints ("22 July 2016", ``document.dates``) and
what typists write instead: "July 22, 2016", "22nd July 2016", "Monday, 22
July 2016", "22.07.2016", "2016-07-22". A date as the packaged set prints it
in the content's language (its catalogue's ``dates.day``) is read first; other
month names come from Babel in the content's language and in English.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import cache
from typing import Any

from babel.dates import get_month_names
from babel.lists import format_list

from hearing_docs.document import dates as printed_dates
from hearing_docs.errors import HearingDocsError
from hearing_docs.templateset import sets
from hearing_docs.templateset.catalogue import Catalogue

_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th|er|º)?\.?"
_YEAR = r"(?P<year>\d{4})"
_WEEKDAY = r"(?:[^\W\d]+,?\s+)?"


def _as_printed(text: str, language: str) -> dt.date | None:
    """The date, when ``text`` is one as the packaged set prints it in ``language``
    ("22 июля 2016 года", "2016年7月22日", "22 تموز/يوليه 2016")."""
    catalogue = _catalogue(language)
    return None if catalogue is None else printed_dates.parse_day(text, catalogue)


def printed(value: printed_dates.AnyDate, language: str) -> str:
    """``value`` as the packaged set prints it in ``language`` (in English when it has no
    text in that language)."""
    catalogue = _catalogue(language) or _catalogue("en")
    assert catalogue is not None  # the packaged set always has English
    return printed_dates.long_date(value, catalogue)


@cache
def _catalogue(language: str) -> Catalogue | None:
    try:
        return sets.resolve(sets.DEFAULT_SET, [sets.packaged_root()]).catalogue(language)
    except HearingDocsError:
        return None


@cache
def _months(language: str) -> dict[str, int]:
    names: dict[str, int] = {}
    for tag in {language.replace("-", "_"), "en"}:
        try:
            for width in ("wide", "abbreviated"):
                for context in ("format", "stand-alone"):
                    for number, name in get_month_names(width, context, locale=tag).items():
                        names[_fold(name)] = number
        except (ValueError, LookupError):
            continue
    names["sept"] = 9
    return names


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in text if not unicodedata.combining(c)).rstrip(".")


def parse(text: str, language: str = "en") -> dt.date | None:
    """The date that ``text`` (one line) writes, or None when it is not a date alone."""
    printed = _as_printed(text, language)
    if printed is not None:
        return printed
    text = " ".join(text.replace("\u00a0", " ").split()).strip(" .,")
    months = _months(language)
    month_word = r"(?P<month>[^\W\d_]+\.?)"
    patterns = (
        rf"^{_WEEKDAY}{_DAY}\s+(?:de\s+)?{month_word}\s+(?:de\s+)?,?\s*{_YEAR}$",
        rf"^{_WEEKDAY}{month_word}\s+{_DAY},?\s+{_YEAR}$",
        r"^(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})$",
        r"^(?P<day>\d{1,2})[./](?P<mnum>\d{1,2})[./](?P<year>\d{4})$",
    )
    for pattern in patterns:
        found = re.match(pattern, text, re.IGNORECASE)
        if not found:
            continue
        parts = found.groupdict()
        month = int(parts["mnum"]) if parts.get("mnum") else months.get(_fold(parts["month"]))
        if month is None:
            continue
        try:
            return dt.date(int(parts["year"]), month, int(parts["day"]))
        except ValueError:
            return None
    return None


_DASHES = "\u2013\u2014-"


@cache
def _and(language: str) -> str:
    """The word that joins the last two items of a list in ``language`` (" and ")."""
    try:
        joined = format_list(["\0", "\1"], locale=language.replace("-", "_"))
    except (ValueError, LookupError):
        joined = "\0 and \1"
    return joined.split("\0", 1)[1].split("\1", 1)[0]


def parse_event(text: str, language: str = "en") -> Any:
    """An event's date as the content writes it, from what ``document.dates`` prints:
    a day (a date), several days (a list of dates: "11 and 12 September 2014"),
    consecutive days (``{"from": ..., "to": ...}``: "8\u201310 June 2016") or a month
    ("September 2014": the text "2014-09"); None when ``text`` is none of these."""
    single = parse(text, language)
    if single is not None:
        return single
    text = " ".join(text.replace("\u00a0", " ").split()).strip(" .,")
    month_only = re.match(r"^(?P<month>[^\W\d_]+\.?)\s+(?P<year>\d{4})$", text)
    if month_only:
        month = _months(language).get(_fold(month_only["month"]))
        return f"{month_only['year']}-{month:02d}" if month else None
    ends = re.split(rf"\s*[{_DASHES}]\s*", text)
    if len(ends) == 2:
        days = _days_back(ends, language)
        return None if days is None else {"from": days[0], "to": days[1]}
    items = re.split(rf",\s*|\s+{re.escape(_and(language).strip())}\s+", text)
    if len(items) >= 2:
        return _days_back(items, language)
    return None


def _days_back(items: list[str], language: str) -> list[dt.date] | None:
    """Days written with only as much month and year as the next one does not share."""
    last = parse(items[-1], language)
    if last is None:
        return None
    found = [last]
    for item in reversed(items[:-1]):
        following = found[0]
        full = parse(item, language) or parse(f"{item} {following.year}", language)
        if full is None and item.isdigit():
            full = parse(f"{item} {following.month:02d} {following.year}".replace(" ", "."))
        if full is None:
            return None
        found.insert(0, full)
    return found
