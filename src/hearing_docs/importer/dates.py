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

from babel.dates import get_month_names

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


def printed(value: dt.date, language: str) -> str:
    """``value`` as the packaged set prints it in ``language`` (in English when it has no
    text in that language)."""
    catalogue = _catalogue(language) or _catalogue("en")
    assert catalogue is not None  # the packaged set always has English
    return printed_dates.day(value, catalogue)


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
