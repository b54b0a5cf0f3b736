"""Dates as printed, against a table checked by hand, and dates refused with a readable message.

The table holds the UN's English forms (ST/DCS/4/Rev.1 and PGA letters): the
day before the month, no comma before the year, "and" between the last two
days of a list with no comma before it, and an en dash (U+2013) with no spaces
between the ends of a range, each end written with only as much of month and
year as the other does not share.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import hearing_docs
from hearing_docs.content.dates import DateRange, Days, Month, first_and_last_day
from hearing_docs.document.dates import iso_date, long_date
from hearing_docs.templateset import sets
from support import base_text

D = dt.date


ENGLISH = sets.resolve("un-pga", [sets.packaged_root()]).catalogue("en")


def english(value: object) -> str:
    """``value`` as an English document of the packaged set prints it."""
    return long_date(value, ENGLISH)  # type: ignore[arg-type]


def span(first: dt.date, last: dt.date) -> DateRange:
    return DateRange(start=first, end=last)


# (what the content file gives, what every output prints): written out by hand.
PRINTED = [
    (D(2016, 7, 22), "22 July 2016"),
    (D(2016, 7, 2), "2 July 2016"),
    (Days([D(2014, 9, 11), D(2014, 9, 12)]), "11 and 12 September 2014"),
    (Days([D(2014, 9, 11), D(2014, 9, 12), D(2014, 9, 15)]), "11, 12 and 15 September 2014"),
    (Days([D(2014, 9, 30), D(2014, 10, 1)]), "30 September and 1 October 2014"),
    (Days([D(2014, 12, 31), D(2015, 1, 2)]), "31 December 2014 and 2 January 2015"),
    (span(D(2016, 6, 8), D(2016, 6, 10)), "8\u201310 June 2016"),
    (span(D(2016, 6, 30), D(2016, 7, 2)), "30 June\u20132 July 2016"),
    (span(D(2016, 12, 30), D(2017, 1, 2)), "30 December 2016\u20132 January 2017"),
    (Month("2014-09"), "September 2014"),
]


@pytest.mark.parametrize(("value", "printed"), PRINTED, ids=[p for _, p in PRINTED])
def test_every_form_of_date_prints_as_the_un_writes_it(value, printed):
    assert english(value) == printed


def test_a_range_is_written_with_an_en_dash_and_no_spaces():
    printed = english(span(D(2016, 6, 8), D(2016, 6, 10)))
    assert "\u2013" in printed
    assert "-" not in printed and " \u2013" not in printed and "\u2013 " not in printed


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        (D(2016, 7, 22), "2016-07-22"),
        (Month("2014-09"), "2014-09"),
        (Days([D(2014, 9, 11), D(2014, 9, 12)]), ""),
        (span(D(2016, 6, 8), D(2016, 6, 10)), ""),
    ],
)
def test_html_time_element_holds_a_day_or_a_month_only(value, iso):
    assert iso_date(value) == iso


@pytest.mark.parametrize(
    ("value", "ends"),
    [
        (D(2016, 7, 22), (D(2016, 7, 22), D(2016, 7, 22))),
        (Days([D(2014, 9, 11), D(2014, 9, 15)]), (D(2014, 9, 11), D(2014, 9, 15))),
        (span(D(2016, 6, 30), D(2016, 7, 2)), (D(2016, 6, 30), D(2016, 7, 2))),
        (Month("2014-09"), (D(2014, 9, 1), D(2014, 9, 1))),
    ],
)
def test_first_and_last_day(value, ends):
    assert first_and_last_day(value) == ends


# A summary date written wrongly, in the ways a list or a group of dates goes wrong: the
# message says what was found in the file's own words, never Python's repr of a date.
BAD_DATES = {
    "one day in a list": (
        "  date:\n    - 2014-09-11\n",
        "summary.date: must have at least 2 entries",
    ),
    "the same day twice": (
        "  date:\n    - 2014-09-11\n    - 2014-09-11\n",
        "summary.date: the days must be different and in order: 2014-09-11 cannot follow "
        "2014-09-11",
    ),
    "days out of order": (
        "  date: [2014-09-12, 2014-09-11]\n",
        "summary.date: the days must be different and in order: 2014-09-11 cannot follow "
        "2014-09-12",
    ),
    "a time in a list": (
        "  date:\n    - 2014-09-11\n    - 2014-09-12 10:00:00\n",
        "summary.date[1]: '2014-09-12 10:00:00' is not a date: write it as YYYY-MM-DD",
    ),
    "a list inside a list": (
        "  date:\n    - [2014-09-11, 2014-09-12]\n    - 2014-09-13\n",
        "summary.date[0]: expected one day, got a list",
    ),
    "a range backwards": (
        "  date: {from: 2014-09-12, to: 2014-09-11}\n",
        "summary.date.to: 2014-09-11 must come after from (2014-09-12)",
    ),
    "a range of one day": (
        "  date: {from: 2014-09-12, to: 2014-09-12}\n",
        "summary.date.to: 2014-09-12 must come after from (2014-09-12)",
    ),
    "a range without its end": (
        "  date: {from: 2014-09-12}\n",
        "summary.date.to: required field is missing",
    ),
    "a range with a list": (
        "  date: {from: 2014-09-12, to: [2014-09-13, 2014-09-14]}\n",
        "summary.date.to: expected one day, got a list",
    ),
}


@pytest.mark.parametrize(("lines", "expected"), BAD_DATES.values(), ids=list(BAD_DATES))
def test_a_wrong_event_date_is_named_in_the_files_words(tmp_path: Path, lines, expected):
    content = tmp_path / "hearing.yaml"
    content.write_text(base_text(("  date: 2016-07-18\n", lines)), encoding="utf-8")
    problems = hearing_docs.check(content)
    messages = [f"{p.field}: {p.message}" for p in problems]
    assert any(message.startswith(expected) for message in messages), messages
    for message in messages:
        assert "datetime" not in message and "date(" not in message, message


def test_a_list_as_the_letters_date_names_the_one_day_a_letter_has(tmp_path: Path):
    content = tmp_path / "hearing.yaml"
    content.write_text(
        base_text(("  date: 2016-07-22\n", "  date: [2016-07-22, 2016-07-23]\n")),
        encoding="utf-8",
    )
    [problem] = hearing_docs.check(content)
    assert (problem.line, problem.column, problem.field) == (2, 9, "letter.date")
    assert problem.message == (
        "expected one day, got a list: write it as YYYY-MM-DD, e.g. 2016-07-22"
    )
