"""Catalogue: a template set's text in one language, from ``text/<language>.yaml``.

In: the folders of a template set (most specific first), its name and a
language tag.
Out: a ``Catalogue``: the direction of the writing, the letterhead lines, the
month names and date patterns, the names of the kinds of event, the words of
metadata and bookmarks, and the notations of a letter (personal,
confidential, enclosure, copies, page). Everything a document prints that is
not content and not layout lives here, so a new language is a new YAML file,
not Python, and the PDF, the HTML and the DOCX print the same words.

A tag with a region (``es-MX``) uses ``text/es-MX.yaml`` when the set has it,
else ``text/es.yaml``. Files of the same name in several folders of the set
(a user's override, a set that ``extends:`` another) are laid over each other
key by key, the most specific winning. A set without the language, or whose
file lacks a key, is a ``TemplateError`` naming the set, the language and
the key: a document is never printed in another language's words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Literal, get_args

from hearing_docs.content import yamlsource
from hearing_docs.content.model import Kind
from hearing_docs.content.validation import validate
from hearing_docs.errors import MISSING, Problem, TemplateError, shown_path
from hearing_docs.groups import Check, Entries, Group
from hearing_docs.templateset.theme import PrintedText, merge

FOLDER = "text"
_PLACEHOLDER = re.compile(r"\{([a-z_]*)\}")


def placeholders(pattern: str) -> set[str]:
    """The names inside ``{}`` of a pattern."""
    return set(_PLACEHOLDER.findall(pattern))


def fill(pattern: str, **values: object) -> str:
    """``pattern`` with each ``{name}`` replaced by its value (checked when the set was read)."""
    return _PLACEHOLDER.sub(lambda match: str(values[match.group(1)]), pattern)


def _pattern(allowed: set[str], required: set[str]) -> Check:
    """A validator: the pattern names only ``allowed`` placeholders, and all of ``required``."""

    def check(value: str) -> str:
        names = placeholders(value)
        unknown = sorted(names - allowed)
        if unknown:
            known = ", ".join("{" + name + "}" for name in sorted(allowed))
            raise ValueError(f"unknown placeholder {{{unknown[0]}}}; this pattern knows {known}")
        lacking = sorted(required - names)
        if lacking:
            raise ValueError(f"the pattern must print {{{lacking[0]}}}")
        return value

    return Check(check)


_DAY = {"day", "month", "month_number", "year"}
_RANGE = {"first", "last", "month", "month_number", "year"}
_MONTHS = {"first", "first_month", "first_month_number", "last", "last_month"}
_MONTHS |= {"last_month_number", "year"}
_MONTH = {"month", "month_number", "year"}


class Dates(Group):
    """How the language writes a day, several days, a span of days and a month."""

    day: Annotated[str, _pattern(_DAY, {"day", "year"})]
    """One day: "{day} {month} {year}"."""
    day_and_month: Annotated[str, _pattern(_DAY - {"year"}, {"day"})]
    """A day of a list that shares its year with the day that writes it: "{day} {month}"."""
    day_alone: Annotated[str, _pattern({"day"}, {"day"})]
    """A day of a list that shares month and year with the day that writes them: "{day}"."""
    shared_on: Literal["last", "first"] = "last"
    """Which day of a list writes what the days share: the last ("11 and 12 September
    2014") or the first ("2014年9月11日和12日")."""
    list_separator: str
    """Between the days of a list but the last two: ", " ("11, 12 and 15 September")."""
    list_and: str
    """Between the last two days of a list: " and "."""
    range_in_month: Annotated[str, _pattern(_RANGE, {"first", "last", "year"})]
    """Days in one month: "{first}–{last} {month} {year}"."""
    range_in_year: Annotated[str, _pattern(_MONTHS, {"first", "last", "year"})]
    """Days across months of one year: "{first} {first_month}–{last} {last_month} {year}"."""
    range: Annotated[str, _pattern({"start", "end"}, {"start", "end"})]
    """Days across years, each written as ``day``: "{start}–{end}"."""
    month: Annotated[str, _pattern(_MONTH, {"year"})]
    """A month alone: "{month} {year}"."""
    first_day: str | None = None
    """How the first day of a month is written, where it is not "1" (French "1er")."""


_Twelve = Annotated[list[PrintedText], Entries(least=12, most=12)]


class Catalogue(Group):
    """The text of a template set in one language; patterns' ``{names}`` are filled in."""

    language: str
    """The language of the file, as its name gives it (``fr``)."""
    file: str
    """The file as messages show it."""
    direction: Literal["ltr", "rtl"]
    """Which way the language is written: ``rtl`` mirrors the layout (Arabic)."""
    letterhead: Annotated[list[PrintedText], Entries(least=1)]
    months: _Twelve
    """Month names as a date with a day writes them (Russian: genitive, "июля")."""
    months_alone: _Twelve | None = None
    """Month names as a month alone writes them (Russian: "июль"); else ``months``."""
    dates: Dates
    nonbreaking_space_before: str = ""
    """Punctuation that takes a non-breaking space before it (French: ``;:!?»``)."""
    nonbreaking_space_after: str = ""
    """Punctuation that takes a non-breaking space after it (French: ``«``)."""
    kinds: dict[Kind, PrintedText]
    """The name of each kind of event, as metadata and bookmarks print it."""
    letter_title: Annotated[PrintedText, _pattern({"date"}, {"date"})]
    """The letter's bookmark, and the title of a letter sent alone."""
    subject_letter_and_summary: Annotated[
        PrintedText, _pattern({"letter_date", "kind", "date"}, {"letter_date", "date"})
    ]
    subject_letter: Annotated[PrintedText, _pattern({"date"}, {"date"})]
    subject_summary: Annotated[PrintedText, _pattern({"kind", "date"}, {"date"})]
    keyword_letter: Annotated[PrintedText, _pattern({"kind"}, set())]
    keyword_summary: Annotated[PrintedText, _pattern({"kind"}, set())]
    personal: PrintedText
    confidential: PrintedText
    enclosure: PrintedText
    enclosures: Annotated[PrintedText, _pattern({"count"}, {"count"})]
    copies: PrintedText
    page: Annotated[PrintedText, _pattern({"number"}, {"number"})]
    """The label of a page ("Page 2"), for readers that name pages."""

    def verify(self) -> None:
        missing = [kind for kind in get_args(Kind) if kind not in self.kinds]
        if missing:
            raise ValueError(f"kinds: no name for '{missing[0]}'")

    def enclosure_line(self, count: int) -> str:
        """ "Enclosure" for one, "Enclosures (2)" for more."""
        return self.enclosure if count == 1 else fill(self.enclosures, count=count)

    def month_alone(self, number: int) -> str:
        """The name of month ``number`` (1 to 12) with no day before it."""
        return (self.months_alone or self.months)[number - 1]

    def printed(self) -> Iterator[str]:
        """Every text of the catalogue that a document may print (for the glyph check)."""
        yield from self.letterhead
        yield from self.months
        yield from self.months_alone or ()
        yield from self.kinds.values()
        for group in (self.dates, self):
            for name, value in group.values():
                if isinstance(value, str) and name not in ("language", "file", "direction"):
                    yield _PLACEHOLDER.sub("", value)


def file_name(language: str) -> str:
    return f"{FOLDER}/{language}.yaml"


def candidates(language: str) -> list[str]:
    """The languages whose file serves ``language``: itself, then its primary subtag."""
    primary = language.split("-")[0]
    return [language] if primary == language else [language, primary]


def load(folders: tuple[Path, ...], set_name: str, language: str) -> Catalogue:
    """The catalogue of ``language`` in the set whose folders are ``folders``."""
    for tag in candidates(language):
        files = [f / file_name(tag) for f in folders if (f / file_name(tag)).is_file()]
        if files:
            return _read(files, set_name, tag)
    message = (
        f"the template set '{set_name}' has no text in language '{language}': "
        f"add {file_name(candidates(language)[-1])} to it"
    )
    raise TemplateError(Problem(shown_path(folders[0]), message, field="language"))


def _read(files: list[Path], set_name: str, language: str) -> Catalogue:
    sources = []
    for path in files:
        try:
            sources.append(yamlsource.load(path, shown_path(path)))
        except yamlsource.YamlProblems as error:
            raise TemplateError(error.problems) from None
    merged: dict = {}
    for source in reversed(sources):
        if not isinstance(source.data, dict):
            break  # validate() below names the file that is not a group of fields
        merged = merge(merged, source.data)
    own = sources[0]
    shown = shown_path(own.path)
    # Positions are the most specific file's: the one a problem is reported in.
    combined = yamlsource.Source(
        own.path,
        {**merged, "language": language, "file": shown},
        own.text,
        own.positions,
        own.key_positions,
        # A single value's problem (a key YAML cannot hold, a tag) in any of the files.
        [problem for source in sources for problem in source.problems],
    )
    try:
        return validate(combined, Catalogue, shown, TemplateError)
    except TemplateError as error:
        raise TemplateError([_named(p, set_name, language) for p in error.problems]) from None


def _named(problem: Problem, set_name: str, language: str) -> Problem:
    """A missing key's problem, saying which set and language lack it."""
    if problem.message != MISSING:
        return problem
    message = f"the template set '{set_name}' lacks '{problem.field}' in language '{language}'"
    return Problem(problem.file, message, problem.line, problem.column, problem.field)
