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
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Discriminator, Field, RootModel, Tag, model_validator


class Days(RootModel[list[dt.date]]):
    """Several days, in order: printed "11 and 12 September 2014"."""

    model_config = ConfigDict(frozen=True, strict=True)
    root: Annotated[list[dt.date], Field(min_length=2)]

    @model_validator(mode="after")
    def _in_order(self) -> Days:
        for earlier, later in itertools.pairwise(self.root):
            if later <= earlier:
                raise ValueError(
                    f"the days must be different and in order: {later.isoformat()} "
                    f"cannot follow {earlier.isoformat()}"
                )
        return self


class DateRange(BaseModel):
    """Consecutive days, ``from`` one ``to`` another: "8 to 10 June 2016", with an en dash."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)
    start: dt.date = Field(alias="from")
    end: dt.date = Field(alias="to")

    @model_validator(mode="after")
    def _after(self) -> DateRange:
        if self.end <= self.start:
            raise ValueError(
                f"to: {self.end.isoformat()} must come after from ({self.start.isoformat()})"
            )
        return self


_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
DATE_FORMS = (
    "write a day as YYYY-MM-DD (2016-07-18), several days as a list of days, "
    "consecutive days as 'from:' and 'to:' days, or a month as YYYY-MM (2014-09)"
)
"""How each form of an event date is written: the end of every message about one."""


class Month(RootModel[str]):
    """A month alone, written YYYY-MM: printed "September 2014"."""

    model_config = ConfigDict(frozen=True, strict=True)
    root: Annotated[str, Field(pattern=_MONTH.pattern)]

    @model_validator(mode="before")
    @classmethod
    def _month(cls, value: object) -> object:
        match = _MONTH.match(value) if isinstance(value, str) else None
        if match is None or not 1 <= int(match.group(2)) <= 12:
            shown = str(value)[:40]
            raise ValueError(f"'{shown}' is not a date: {DATE_FORMS}")
        return value

    @property
    def first(self) -> dt.date:
        year, month = self.root.split("-")
        return dt.date(int(year), int(month), 1)


def _date_form(value: object) -> str | None:
    # Which form a value is meant to be, so that only that form is tried and a problem
    # is reported once, in that form's words.
    if isinstance(value, dt.date | Month) or value is None:
        return "Month" if isinstance(value, Month) else "Day"
    if isinstance(value, list | Days):
        return "Days"
    if isinstance(value, dict | DateRange):
        return "DateRange"
    if isinstance(value, str):
        return "Month"  # a month, or a message saying how to write every form
    return None


EventDate = Annotated[
    Annotated[dt.date, Tag("Day")]
    | Annotated[Days, Tag("Days")]
    | Annotated[DateRange, Tag("DateRange")]
    | Annotated[Month, Tag("Month")],
    Discriminator(
        _date_form,
        custom_error_type="event_date",
        custom_error_message="not a date",
    ),
]
"""When an event took place: a day, several days, a range of days or a month."""

AnyDate = dt.date | Days | DateRange | Month
"""An ``EventDate`` value, whatever its form."""


def first_and_last_day(value: AnyDate) -> tuple[dt.date, dt.date]:
    """The first and last day an event date covers (a month: its first day, twice)."""
    if isinstance(value, Days):
        return value.root[0], value.root[-1]
    if isinstance(value, DateRange):
        return value.start, value.end
    if isinstance(value, Month):
        return value.first, value.first
    return value, value
