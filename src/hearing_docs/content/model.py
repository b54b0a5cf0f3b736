"""The typed model of a hearing: what every renderer reads.

In: plain data from a content file (``validation.py`` maps its problems back
to lines).
Out: a ``Hearing``: a validated, immutable tree of letter and summary.

Every text field is text that a PDF, a DOCX and XML can hold, and its type
says how it is printed, once for every renderer: ``PlainText`` as written,
``RichText`` with the inline markup of ``markup.py`` (its values are
``markup.Marked``, which Jinja prints as HTML and the Word writer as runs),
``NotedText`` as rich text that may also call footnotes (``^[...]``: the
paragraphs and list items of the summary; the letter's, of the same type,
refuse them, and so does every other field),
``AltText`` not drawn at all (read by screen readers). Fields that the
layout prints in bold (title, venue, headings) carry ``BOLD`` as well.
``text_fields`` walks a hearing and gives every text field with its kind, so
that the glyph check and the tests follow the types instead of a list of
fields. Unknown keys are errors, not ignored, so that a misspelt field never
vanishes silently.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import types
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from pathlib import PurePosixPath
from typing import Annotated, Any, Literal, Union, get_args, get_origin, get_type_hints

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    WithJsonSchema,
    model_validator,
)

from hearing_docs.content import markup

# The event date has its own module; its names stay importable from here as well.
from hearing_docs.content.dates import DATE_FORMS as DATE_FORMS
from hearing_docs.content.dates import DateRange as DateRange
from hearing_docs.content.dates import Days as Days
from hearing_docs.content.dates import EventDate as EventDate
from hearing_docs.content.dates import Month as Month
from hearing_docs.content.dates import first_and_last_day as first_and_last_day
from hearing_docs.content.markup import Marked
from hearing_docs.content.yamlsource import FieldPath

# Characters that XML 1.0 (and so DOCX, and tagged PDF text) cannot hold:
# C0 controls other than tab, line feed and carriage return; lone surrogates;
# and the non-characters U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# One paragraph (or line) of text at most: the longest of the seed is 1,419 characters.
# A longer one is a paste gone wrong, and WeasyPrint needs about 0.3 s a page for it.
MAX_TEXT = 20_000
# Signatories side by side: more would leave each name a column too narrow to read.
MAX_SIGNATORIES = 4
MAX_NAME = 255  # the signatory's name is the Word file's author, which Word caps
# Line ends other than the line feed: a line break in every output, as "\n" is
# (a paste from a word processor brings U+2028; fonts have no glyph for them).
_LINE_BREAKS = str.maketrans({"\r": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n"})
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
# The white space HTML folds into one space. A no-break space is not in it: it is text.
_BLANKS = re.compile(r"[ \t\r\n]+")


def xml_text(value: str) -> str:
    """``value`` unchanged, or a ``ValueError`` naming a character XML cannot hold."""
    bad = _NOT_XML.search(value)
    if bad:
        code = f"U+{ord(bad.group()):04X}"
        raise ValueError(f"contains {code}, a control character that a document cannot hold")
    return value


def _checked(value: str) -> str:
    if len(value) > MAX_TEXT:
        raise ValueError(
            f"is {len(value):,} characters long; the limit is {MAX_TEXT:,} characters "
            "(about five pages) for one paragraph: split it into paragraphs"
        )
    value = xml_text(value).translate(_LINE_BREAKS).strip()
    if not value:
        raise ValueError("is empty")
    return value


def _one_paragraph(value: str) -> str:
    # A newline in a paragraph (a YAML block scalar) is a space, in every output alike.
    return _BLANKS.sub(" ", _checked(value))


def _lines(value: str) -> str:
    # Each newline ends a printed line; blank lines and spaces around lines are dropped.
    lines = (_BLANKS.sub(" ", line).strip() for line in _checked(value).splitlines())
    return "\n".join(line for line in lines if line)


def _relative_path(value: str) -> str:
    path = PurePosixPath(value.replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts or ":" in value.split("/")[0]:
        raise ValueError("must be a path relative to the content file, inside its folder")
    return value


def _language(value: str) -> str:
    if not _LANGUAGE_TAG.match(value):
        raise ValueError(f"'{value}' is not a language tag such as en, fr or es-MX")
    from babel import Locale, UnknownLocaleError

    try:  # dates are written in the language: Babel must know it
        Locale.parse(value.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        raise ValueError(
            f"'{value}' is not a language Babel knows, so dates cannot be written in it; "
            "use a tag such as en, fr or es-MX"
        ) from None
    return value


def _without_notes(value: str) -> str:
    if markup.notes(value):
        raise ValueError(
            f"has a footnote ({markup.NOTE_OPEN}...]): footnotes are allowed only in the "
            f"summary's paragraphs and list items (write \\{markup.NOTE_OPEN} to print "
            f"{markup.NOTE_OPEN} as text)"
        )
    return value


def _marked_paragraph(value: str) -> Marked:
    return Marked(_without_notes(_one_paragraph(value)))


def _noted_paragraph(value: str) -> Marked:
    value = _one_paragraph(value)
    problem = markup.note_problem(value)
    if problem:
        raise ValueError(problem)
    return Marked(value)


def _marked_lines(value: str) -> Marked:
    return Marked(_without_notes(_lines(value)))


@dataclass(frozen=True)
class TextKind:
    """How a text field is printed: the marker its type carries (see ``text_fields``)."""

    name: str
    markup: bool
    """Its inline markup (``*italic*``, ``**bold**``) is printed as emphasis."""
    drawn: bool = True
    """Drawn on the page; alternative text is read by screen readers instead."""
    bold: bool = False
    """The layout prints it in bold (the glyph check then asks the bold face)."""
    notes: bool = False
    """It may call footnotes (``^[...]``), whose text is printed at the foot of the page
    (in the summary: the letter refuses them)."""


PLAIN = TextKind("plain", markup=False)
RICH = TextKind("rich", markup=True)
NOTED = TextKind("noted", markup=True, notes=True)
ALT = TextKind("alt", markup=False, drawn=False)


@dataclass(frozen=True)
class Bold:
    """Marker of a field the layout prints in bold: ``Annotated[RichText, BOLD]``."""


BOLD = Bold()

PlainText = Annotated[str, AfterValidator(_one_paragraph), PLAIN]
"""One paragraph or line of text, not empty, printed as written. A newline, a tab or a
run of spaces in it is one space."""
RichText = Annotated[str, AfterValidator(_marked_paragraph), RICH]
"""One paragraph of text, not empty, whose inline markup is printed (a ``Marked`` value).
A newline, a tab or a run of spaces in it is one space."""
NotedText = Annotated[str, AfterValidator(_noted_paragraph), NOTED]
"""Rich text that may also call footnotes: ``text^[The note's text.]``."""
RichLines = Annotated[str, AfterValidator(_marked_lines), RICH]
"""Lines of text with inline markup (the summary's title): each newline ends a line."""
AltText = Annotated[str, AfterValidator(_one_paragraph), ALT]
"""A description of a picture for screen readers, not empty; never drawn."""
Text = RichText
"""The older name of ``RichText``."""

ImagePath = Annotated[str, AfterValidator(_relative_path)]


def _as_lines(value: object) -> object:
    # One line may be written as text instead of a list of one.
    return [value] if isinstance(value, str) else value


Lines = Annotated[
    list[PlainText],
    BeforeValidator(_as_lines),
    Field(min_length=1),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string"},
                {"type": "array", "items": {"type": "string"}, "minItems": 1},
            ]
        }
    ),
]
"""Lines of text printed as written: a list, or one line written as text."""

Kind = Literal["hearing", "high-level event", "informal meeting", "interactive dialogue"]
"""The kind of event a summary reports on, named in metadata and bookmarks."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


def _person_name(value: str) -> str:
    if len(value) > MAX_NAME:
        raise ValueError(
            f"is {len(value):,} characters long; a name holds at most {MAX_NAME} characters "
            "(the longest author a Word file can carry)"
        )
    return value


class Signatory(_Model):
    name: Annotated[PlainText, AfterValidator(_person_name)]
    title: Lines | None = None
    """Title lines under the name."""
    signature: ImagePath | None = None
    signature_alt: AltText | None = None

    @model_validator(mode="after")
    def _alt_with_image(self) -> Signatory:
        if self.signature is not None and self.signature_alt is None:
            raise ValueError("signature_alt: describe the signature image for screen readers")
        return self


Marking = Literal["personal", "confidential"]
"""Printed under the reference, in the words of the template set ("Personal", "Confidential")."""


class BulletList(_Model):
    """A bulleted list, one item a paragraph."""

    bullets: list[NotedText] = Field(min_length=1)


class NumberedList(_Model):
    """A numbered list, one item a paragraph: printed "1.", "2.", "3.", from 1 in each list."""

    numbers: list[NotedText] = Field(min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _one_kind(cls, value: Any) -> Any:
        if isinstance(value, dict) and "bullets" in value:
            raise ValueError("bullets: a list has bullets or numbers, not both")
        return value


_LIST_KEYS = ("bullets", "numbers")


def _paragraph_kind(value: Any) -> str:
    """Which kind of paragraph ``value`` is meant to be: a group of fields naming (or
    nearly naming) ``bullets`` or ``numbers`` is that list; anything else is text."""
    if isinstance(value, BulletList | NumberedList):
        return "numbers" if isinstance(value, NumberedList) else "bullets"
    if not isinstance(value, dict):
        return "text"
    keys = [str(key).lower() for key in value]
    for kind in reversed(_LIST_KEYS):  # both named: the numbered list says it is wrong
        if kind in keys:
            return kind
    for kind in _LIST_KEYS:
        if difflib.get_close_matches(kind, keys, n=1, cutoff=0.6):
            return kind
    return "text"


Paragraph = Annotated[
    Annotated[NotedText, Tag("text")]
    | Annotated[BulletList, Tag("bullets")]
    | Annotated[NumberedList, Tag("numbers")],
    Discriminator(_paragraph_kind),
]
"""A paragraph of the letter's body or of a section: text, a bulleted list or a numbered
list. Only the kind the value is meant to be is tried, so a problem is reported once, in
that kind's words."""


def _without_notes_in_letter(paragraph: Any) -> Any:
    # The letter's page keeps its foot for the addressee block: no room for notes.
    if isinstance(paragraph, str):
        _without_notes(paragraph)
    else:
        for item in paragraph.bullets if isinstance(paragraph, BulletList) else paragraph.numbers:
            _without_notes(item)
    return paragraph


class Letter(_Model):
    date: dt.date
    reference: PlainText | None = None
    """The reference symbol, flush left under the date."""
    marking: Marking | None = None
    salutation: PlainText
    body: list[Annotated[Paragraph, AfterValidator(_without_notes_in_letter)]] = Field(min_length=1)
    """Paragraphs of text and lists, as a section's, without footnotes."""
    closing: RichText
    signatory: Signatory | None = None
    signatories: (
        Annotated[list[Signatory], Field(min_length=2, max_length=MAX_SIGNATORIES)] | None
    ) = None
    addressees: list[PlainText] = Field(min_length=1)
    enclosures: Annotated[int, Field(ge=1)] | None = None
    """How many documents go with the letter: "Enclosure", "Enclosures (2)"."""
    copies: list[PlainText] | None = Field(None, min_length=1)
    """Who receives a copy, one line each, under "cc:"."""

    @model_validator(mode="after")
    def _one_way_to_sign(self) -> Letter:
        if self.signatory is None and self.signatories is None:
            raise ValueError(
                "signatory: required field is missing (or signatories, for several side by side)"
            )
        if self.signatory is not None and self.signatories is not None:
            raise ValueError(
                "signatories: give either signatory (one) or signatories (several), not both"
            )
        return self

    @property
    def signers(self) -> list[Signatory]:
        """Who signs, left to right."""
        return [self.signatory] if self.signatory is not None else list(self.signatories or [])


class Section(_Model):
    heading: Annotated[RichText, BOLD] | None = None
    """None for opening paragraphs, printed without a heading."""
    paragraphs: list[Paragraph] = Field(min_length=1)


class Summary(_Model):
    title: Annotated[RichLines, BOLD]
    date: EventDate
    venue: list[Annotated[PlainText, BOLD]] | None = Field(None, min_length=1)
    label: PlainText | None = None
    """A label under the venue: "Informal summary", "DRAFT"."""
    sections: list[Section] = Field(min_length=1)

    @property
    def title_lines(self) -> list[Marked]:
        """The title as printed: one entry per line of the content, each with its markup."""
        return [Marked(line) for line in self.title.split("\n")]

    @property
    def title_text(self) -> str:
        """The title on one line, as written (markup included)."""
        return " ".join(self.title_lines)


class Hearing(_Model):
    template: Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")] = "un-pga"
    language: Annotated[str, AfterValidator(_language)] = "en"
    kind: Kind = "hearing"
    letter: Letter | None = None
    summary: Summary | None = None

    @model_validator(mode="after")
    def _something_to_print(self) -> Hearing:
        if self.letter is None and self.summary is None:
            raise ValueError("letter: required field is missing (a letter, a summary or both)")
        return self


TextField = tuple[FieldPath, "TextKind", str]
"""A text field as ``text_fields`` gives it: where it is, its kind, its value."""


def text_fields(model: BaseModel, path: FieldPath = ()) -> Iterator[TextField]:
    """Every text field of ``model`` (a ``Hearing`` or a part of one), in the order of the
    file, with its path and the kind its type declares."""
    hints = _hints(type(model))
    for name in type(model).model_fields:
        yield from _walk(getattr(model, name), hints[name], (*path, name))


@cache
def _hints(model: type[BaseModel]) -> dict[str, Any]:
    return get_type_hints(model, include_extras=True)


def _walk(value: object, hint: Any, path: FieldPath) -> Iterator[TextField]:
    if isinstance(value, BaseModel):
        yield from text_fields(value, path)
    elif isinstance(value, list):
        lists = (_bare(arm) for arm in _arms(hint))
        item = next(get_args(arm)[0] for arm in lists if get_origin(arm) is list)
        for index, entry in enumerate(value):
            yield from _walk(entry, item, (*path, index))
    elif isinstance(value, str):
        kind = next((_kind(arm) for arm in _arms(hint) if _kind(arm) is not None), None)
        if kind is not None:
            yield path, kind, value


def _arms(hint: Any) -> list[Any]:
    """The members of a union (``RichText | BulletList | NumberedList``), or the hint itself."""
    if get_origin(hint) in (Union, types.UnionType):
        return list(get_args(hint))
    if get_origin(hint) is Annotated and get_origin(get_args(hint)[0]) in (Union, types.UnionType):
        return list(get_args(get_args(hint)[0]))
    return [hint]


def _bare(hint: Any) -> Any:
    """``hint`` without its ``Annotated`` wrapper (``Lines`` is a list)."""
    return get_args(hint)[0] if get_origin(hint) is Annotated else hint


def _kind(hint: Any) -> TextKind | None:
    if get_origin(hint) is not Annotated:
        return None
    found = [marker for marker in hint.__metadata__ if isinstance(marker, TextKind)]
    if not found:
        return None
    return replace(found[0], bold=True) if BOLD in hint.__metadata__ else found[0]
