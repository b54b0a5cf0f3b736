"""Catalogue: a template set's text in one language, from ``text/<language>.yaml``.

In: the folders of a template set (most specific first) and a language tag.
Out: a ``Catalogue``: the letterhead lines, the notations (enclosure, cc,
confidential, personal, page), the names of the kinds of document for
metadata, the month names and the date patterns of that language. Everything a
document prints that is not content and not layout lives here, so a new
language is a new YAML file, not Python.

A tag with a region (``es-MX``) uses ``text/es-MX.yaml`` when the set has it,
else ``text/es.yaml``. Files of the same name in several folders of the set
(a user's override, a set that ``extends:`` another) are laid over each other
key by key, the most specific winning. A set without the language, or whose
file lacks a key, is a ``TemplateError`` naming the set, the language and
the key.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from hearing_docs.content import yamlsource
from hearing_docs.content.validation import validate
from hearing_docs.errors import MISSING, Problem, TemplateError, shown_path
from hearing_docs.templateset.theme import PrintedText, merge

FOLDER = "text"
_PLACEHOLDER = re.compile(r"\{([a-z_]*)\}")


def placeholders(pattern: str) -> set[str]:
    """The names inside ``{}`` of a pattern."""
    return set(_PLACEHOLDER.findall(pattern))


def fill(pattern: str, **values: object) -> str:
    """``pattern`` with each ``{name}`` replaced by its value (checked when the set was read)."""
    return _PLACEHOLDER.sub(lambda match: str(values[match.group(1)]), pattern)


def _pattern(allowed: set[str], required: set[str]) -> AfterValidator:
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

    return AfterValidator(check)


_DAY = {"day", "month", "month_number", "year"}
_RANGE = {"first", "last", "month", "month_number", "year"}
_MONTHS = {"first", "first_month", "first_month_number", "last", "last_month"}
_MONTHS |= {"last_month_number", "year"}
_MONTH = {"month", "month_number", "year"}


class _Group(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Dates(_Group):
    """How the language writes a day, a span of days and a month."""

    day: Annotated[str, _pattern(_DAY, {"day", "year"})]
    """One day: "{day} {month} {year}"."""
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


class Notations(_Group):
    """The words of the parts of a letter outside its text."""

    enclosure: PrintedText
    enclosures: Annotated[PrintedText, _pattern({"count"}, {"count"})]
    cc: PrintedText
    confidential: PrintedText
    personal: PrintedText
    page: Annotated[PrintedText, _pattern({"number"}, {"number"})]


class Kinds(_Group):
    """What a document is, as its metadata and bookmarks name it."""

    hearing: PrintedText
    high_level_event: PrintedText
    informal_meeting: PrintedText
    interactive_dialogue: PrintedText


class Metadata(_Group):
    """The sentences of the document's properties (PDF and DOCX) and its bookmarks."""

    letter: Annotated[PrintedText, _pattern({"date"}, {"date"})]
    description: Annotated[PrintedText, _pattern({"letter", "kind", "date"}, {"letter", "date"})]
    """The subject: the letter's label, the kind of document and the summary's date."""
    keywords: list[Annotated[PrintedText, _pattern({"kind"}, set())]] = Field(min_length=1)


_Twelve = Annotated[list[PrintedText], Field(min_length=12, max_length=12)]


class Catalogue(_Group):
    """The text of a template set in one language."""

    language: str
    """The language of the file, as its name gives it (``fr``)."""
    file: str
    """The file as messages show it."""
    direction: Literal["ltr", "rtl"]
    """Which way the language is written: ``rtl`` mirrors the layout (Arabic)."""
    letterhead: list[PrintedText] = Field(min_length=1)
    months: _Twelve
    """Month names as a date with a day writes them (Russian: genitive, "июля")."""
    months_alone: _Twelve | None = None
    """Month names as a month alone writes them (Russian: "июль"); else ``months``."""
    dates: Dates
    nonbreaking_space_before: str = ""
    """Punctuation that takes a non-breaking space before it (French: ``;:!?»``)."""
    nonbreaking_space_after: str = ""
    """Punctuation that takes a non-breaking space after it (French: ``«``)."""
    notations: Notations
    kinds: Kinds
    metadata: Metadata

    def printed(self) -> Iterator[str]:
        """Every text of the catalogue that a document may print (for the glyph check)."""
        yield from self.letterhead
        yield from self.months
        yield from self.months_alone or ()
        for group in (self.dates, self.notations, self.kinds):
            for value in group.model_dump().values():
                if isinstance(value, str):
                    yield _PLACEHOLDER.sub("", value)
        yield _PLACEHOLDER.sub("", self.metadata.letter)
        yield _PLACEHOLDER.sub("", self.metadata.description)
        yield from (_PLACEHOLDER.sub("", keyword) for keyword in self.metadata.keywords)

    def month_alone(self, number: int) -> str:
        """The name of month ``number`` (1 to 12) with no day before it."""
        return (self.months_alone or self.months)[number - 1]


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
