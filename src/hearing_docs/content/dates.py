"""When an event took place, as a content file writes it: the typed event date.

In: a summary's ``date`` as YAML gives it: a day (``2016-07-18``), a list of
days, a mapping ``from:`` / ``to:``, or a month written ``YYYY-MM``.
Out: one ``EventDate`` value of four forms (``dt.date``, ``Days``,
``DateRange``, ``Month``), validated (days in order, a range that moves
forward, a real month). How each form is printed is document/dates.py's work.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from typing import TYPE_CHECKING, Annotated

from hearing_docs.groups import Before, Check, Choose, Entries, Group, Key, Pattern, Tag


class Days(tuple[dt.date, ...]):
    """Several days, in order: printed "11 and 12 September 2014"."""

    __slots__ = ()


def _days(value: list[dt.date]) -> Days:
    for earlier, later in itertools.pairwise(value):
        if later <= earlier:
            raise ValueError(
                f"the days must be different and in order: {later.isoformat()} "
                f"cannot follow {earlier.isoformat()}"
            )
    return Days(value)


class DateRange(Group):
    """Consecutive days, ``from`` one ``to`` another: "8 to 10 June 2016", with an en dash."""

    start: Annotated[dt.date, Key("from")]
    end: Annotated[dt.date, Key("to")]

    def verify(self) -> None:
        if self.end <= self.start:
            raise ValueError(
                f"to: {self.end.isoformat()} must come after from ({self.start.isoformat()})"
            )


_MONTH = re.compile(r"^([0-9]{4})-([0-9]{2})$")  # ASCII digits, as ISO 8601 and HTML write them
DATE_FORMS = (
    "write a day as YYYY-MM-DD (2016-07-18), several days as a list of days, "
    "consecutive days as 'from:' and 'to:' days, or a month as YYYY-MM (2014-09)"
)
"""How each form of an event date is written: the end of every message about one."""


class Month(str):
    """A month alone, written YYYY-MM: printed "September 2014"."""

    __slots__ = ()

    @property
    def first(self) -> dt.date:
        year, month = self.split("-")
        return dt.date(int(year), int(month), 1)


def _month(value: object) -> object:
    match = _MONTH.fullmatch(value) if isinstance(value, str) else None
    if match is None or not 1 <= int(match.group(2)) <= 12:
        shown = str(value)[:40]
        raise ValueError(f"'{shown}' is not a date: {DATE_FORMS}")
    return value


def _date_form(value: object) -> str | None:
    # Which form a value is meant to be, so that only that form is tried and a problem
    # is reported once, in that form's words.
    if isinstance(value, dt.date | Month) or value is None:
        return "Month" if isinstance(value, Month) else "Day"
    if isinstance(value, list):
        return "Days"
    if isinstance(value, dict | DateRange):
        return "DateRange"
    if isinstance(value, str):
        return "Month"  # a month, or a message saying how to write every form
    return None


if TYPE_CHECKING:  # what the check makes of each form (a list of days becomes Days)
    EventDate = dt.date | Days | DateRange | Month
else:
    EventDate = Annotated[
        Annotated[dt.date, Tag("Day")]
        | Annotated[list[dt.date], Entries(least=2), Check(_days), Tag("Days")]
        | Annotated[DateRange, Tag("DateRange")]
        | Annotated[str, Before(_month), Pattern(_MONTH.pattern), Check(Month), Tag("Month")],
        Choose(_date_form, error="event_date", message="not a date"),
    ]
"""When an event took place: a day, several days, a range of days or a month."""

AnyDate = dt.date | Days | DateRange | Month
"""An ``EventDate`` value, whatever its form."""


def first_and_last_day(value: AnyDate) -> tuple[dt.date, dt.date]:
    """The first and last day an event date covers (a month: its first day, twice)."""
    if isinstance(value, Days):
        return value[0], value[-1]
    if isinstance(value, DateRange):
        return value.start, value.end
    if isinstance(value, Month):
        return value.first, value.first
    return value, value
