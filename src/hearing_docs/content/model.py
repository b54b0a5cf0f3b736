"""The typed model of a hearing: what every renderer reads.

In: plain data from a content file (``validation.py`` maps its problems back
to lines).
Out: a ``Hearing``: a validated, immutable tree of letter and summary.

Every text field is declared with a type of ``text.py`` (``PlainText``,
``RichText``, ``NotedText``, ``RichLines``, ``AltText``), which says how it
is printed, once for every renderer; the paragraphs and list items of the
summary may call footnotes, the letter's, of the same type, refuse them.
Event dates are the types of ``dates.py``. Unknown keys are errors, not
ignored, so that a misspelt field never vanishes silently. The names of
``text.py`` and ``dates.py`` stay importable from here as well.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Annotated, Any, Literal

from hearing_docs.content import locales
from hearing_docs.content.dates import DATE_FORMS as DATE_FORMS
from hearing_docs.content.dates import DateRange as DateRange
from hearing_docs.content.dates import Days as Days
from hearing_docs.content.dates import EventDate as EventDate
from hearing_docs.content.dates import Month as Month
from hearing_docs.content.dates import first_and_last_day as first_and_last_day
from hearing_docs.content.markup import Marked
from hearing_docs.content.text import ALT as ALT
from hearing_docs.content.text import BOLD as BOLD
from hearing_docs.content.text import MAX_TEXT as MAX_TEXT
from hearing_docs.content.text import NOTED as NOTED
from hearing_docs.content.text import PLAIN as PLAIN
from hearing_docs.content.text import RICH as RICH
from hearing_docs.content.text import AltText as AltText
from hearing_docs.content.text import Bold as Bold
from hearing_docs.content.text import ImagePath as ImagePath
from hearing_docs.content.text import Lines as Lines
from hearing_docs.content.text import NotedText as NotedText
from hearing_docs.content.text import PlainText as PlainText
from hearing_docs.content.text import RichLines as RichLines
from hearing_docs.content.text import RichText as RichText
from hearing_docs.content.text import Text as Text
from hearing_docs.content.text import TextField as TextField
from hearing_docs.content.text import TextKind as TextKind
from hearing_docs.content.text import text_fields as text_fields
from hearing_docs.content.text import without_notes
from hearing_docs.content.text import xml_text as xml_text
from hearing_docs.groups import AtLeast, Before, Check, Choose, Entries, Group, Pattern, Tag

# Signatories side by side: more would leave each name a column too narrow to read.
MAX_SIGNATORIES = 4
MAX_NAME = 255  # the signatory's name is the Word file's author, which Word caps
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


def _language(value: str) -> str:
    if not _LANGUAGE_TAG.fullmatch(value):
        raise ValueError(f"'{value}' is not a language tag such as en, fr or es-MX")
    if not locales.known(value):  # dates are written in the language: Babel must know it
        raise ValueError(
            f"'{value}' is not a language Babel knows, so dates cannot be written in it; "
            "use a tag such as en, fr or es-MX"
        )
    return value


Kind = Literal["hearing", "high-level event", "informal meeting", "interactive dialogue"]
"""The kind of event a summary reports on, named in metadata and bookmarks."""


def _person_name(value: str) -> str:
    if len(value) > MAX_NAME:
        raise ValueError(
            f"is {len(value):,} characters long; a name holds at most {MAX_NAME} characters "
            "(the longest author a Word file can carry)"
        )
    return value


class Signatory(Group):
    name: Annotated[PlainText, Check(_person_name)]
    title: Lines | None = None
    """Title lines under the name."""
    signature: ImagePath | None = None
    signature_alt: AltText | None = None

    def verify(self) -> None:
        if self.signature is not None and self.signature_alt is None:
            raise ValueError("signature_alt: describe the signature image for screen readers")


Marking = Literal["personal", "confidential"]
"""Printed under the reference, in the words of the template set ("Personal", "Confidential")."""


class BulletList(Group):
    """A bulleted list, one item a paragraph."""

    bullets: Annotated[list[NotedText], Entries(least=1)]


class NumberedList(Group):
    """A numbered list, one item a paragraph: printed "1.", "2.", "3.", from 1 in each list."""

    numbers: Annotated[list[NotedText], Entries(least=1)]


def _one_kind(value: Any) -> Any:
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
    | Annotated[NumberedList, Before(_one_kind), Tag("numbers")],
    Choose(_paragraph_kind),
]
"""A paragraph of the letter's body or of a section: text, a bulleted list or a numbered
list. Only the kind the value is meant to be is tried, so a problem is reported once, in
that kind's words."""


def _without_notes_in_letter(paragraph: Any) -> Any:
    # The letter's page keeps its foot for the addressee block: no room for notes.
    if isinstance(paragraph, str):
        without_notes(paragraph)
    else:
        for item in paragraph.bullets if isinstance(paragraph, BulletList) else paragraph.numbers:
            without_notes(item)
    return paragraph


class Letter(Group):
    date: dt.date
    reference: PlainText | None = None
    """The reference symbol, flush left under the date."""
    marking: Marking | None = None
    salutation: PlainText
    body: Annotated[list[Annotated[Paragraph, Check(_without_notes_in_letter)]], Entries(least=1)]
    """Paragraphs of text and lists, as a section's, without footnotes."""
    closing: RichText
    signatory: Signatory | None = None
    signatories: Annotated[list[Signatory], Entries(least=2, most=MAX_SIGNATORIES)] | None = None
    addressees: Annotated[list[PlainText], Entries(least=1)]
    enclosures: Annotated[int, AtLeast(1)] | None = None
    """How many documents go with the letter: "Enclosure", "Enclosures (2)"."""
    copies: Annotated[list[PlainText] | None, Entries(least=1)] = None
    """Who receives a copy, one line each, under "cc:"."""

    def verify(self) -> None:
        if self.signatory is None and self.signatories is None:
            raise ValueError(
                "signatory: required field is missing (or signatories, for several side by side)"
            )
        if self.signatory is not None and self.signatories is not None:
            raise ValueError(
                "signatories: give either signatory (one) or signatories (several), not both"
            )

    @property
    def signers(self) -> list[Signatory]:
        """Who signs, left to right."""
        return [self.signatory] if self.signatory is not None else list(self.signatories or [])


class Section(Group):
    heading: Annotated[RichText, BOLD] | None = None
    """None for opening paragraphs, printed without a heading."""
    paragraphs: Annotated[list[Paragraph], Entries(least=1)]


class Summary(Group):
    title: Annotated[RichLines, BOLD]
    date: EventDate
    venue: Annotated[list[Annotated[PlainText, BOLD]] | None, Entries(least=1)] = None
    label: PlainText | None = None
    """A label under the venue: "Informal summary", "DRAFT"."""
    sections: Annotated[list[Section], Entries(least=1)]

    @property
    def title_lines(self) -> list[Marked]:
        """The title as printed: one entry per line of the content, each with its markup."""
        return [Marked(line) for line in self.title.split("\n")]

    @property
    def title_text(self) -> str:
        """The title on one line, as written (markup included)."""
        return " ".join(self.title_lines)


class Hearing(Group):
    template: Annotated[str, Pattern(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")] = "un-pga"
    language: Annotated[str, Check(_language)] = "en"
    kind: Kind = "hearing"
    letter: Letter | None = None
    summary: Summary | None = None

    def verify(self) -> None:
        if self.letter is None and self.summary is None:
            raise ValueError("letter: required field is missing (a letter, a summary or both)")
