"""The typed model of a hearing: what every renderer reads.

In: plain data from a content file (see ``content.py``, which maps problems
back to lines).
Out: a ``Hearing``: a validated, immutable tree of letter and summary.

Every text field is plain text that a PDF, a DOCX and XML can hold; paragraphs
may carry the small inline markup of ``markup.py``. Unknown keys are errors,
not ignored, so that a misspelt field never vanishes silently.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from pathlib import PurePosixPath
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    RootModel,
    Tag,
    WithJsonSchema,
    model_validator,
)

# Characters that XML 1.0 (and so DOCX, and tagged PDF text) cannot hold:
# C0 controls other than tab, line feed and carriage return; lone surrogates;
# and the non-characters U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# One paragraph (or line) of text at most: the longest of the seed is 1,419 characters.
# A longer one is a paste gone wrong, and WeasyPrint needs about 0.3 s a page for it.
MAX_TEXT = 20_000
# Signatories side by side: more would leave each name a column too narrow to read.
MAX_SIGNATORIES = 4
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


def _xml_text(value: str) -> str:
    bad = _NOT_XML.search(value)
    if bad:
        code = f"U+{ord(bad.group()):04X}"
        raise ValueError(f"contains {code}, a control character that a document cannot hold")
    return value


def _one_paragraph(value: str) -> str:
    if len(value) > MAX_TEXT:
        raise ValueError(
            f"is {len(value):,} characters long; the limit is {MAX_TEXT:,} characters "
            "(about five pages) for one paragraph: split it into paragraphs"
        )
    value = _xml_text(value).strip()
    if not value:
        raise ValueError("is empty")
    return value


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


def _as_lines(value: object) -> object:
    # One line may be written as text instead of a list of one.
    return [value] if isinstance(value, str) else value


Text = Annotated[str, AfterValidator(_one_paragraph)]
"""One paragraph or line of text, not empty; inline markup allowed where rendered."""

Lines = Annotated[
    list[Text],
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
"""Lines of text: a list, or one line written as text."""

ImagePath = Annotated[str, AfterValidator(_relative_path)]

Kind = Literal["hearing", "high-level event", "informal meeting", "interactive dialogue"]
"""The kind of event a summary reports on, named in metadata and bookmarks."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


# Dates of an event: one typed value of four forms (``EventDate``), printed by document/dates.py.


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


class DateRange(_Model):
    """Consecutive days, ``from`` one ``to`` another: "8 to 10 June 2016", with an en dash."""

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


def first_and_last_day(value: dt.date | Days | DateRange | Month) -> tuple[dt.date, dt.date]:
    """The first and last day an event date covers (a month: its first day, twice)."""
    if isinstance(value, Days):
        return value.root[0], value.root[-1]
    if isinstance(value, DateRange):
        return value.start, value.end
    if isinstance(value, Month):
        return value.first, value.first
    return value, value


class Signatory(_Model):
    name: Text
    title: Lines | None = None
    signature: ImagePath | None = None
    signature_alt: Text | None = None

    @model_validator(mode="after")
    def _alt_with_image(self) -> Signatory:
        if self.signature is not None and self.signature_alt is None:
            raise ValueError("signature_alt: describe the signature image for screen readers")
        return self


class Letter(_Model):
    date: dt.date
    salutation: Text
    body: list[Text] = Field(min_length=1)
    closing: Text
    signatory: Signatory | None = None
    signatories: (
        Annotated[list[Signatory], Field(min_length=2, max_length=MAX_SIGNATORIES)] | None
    ) = None
    addressees: list[Text] = Field(min_length=1)

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


class BulletList(_Model):
    """A bulleted list inside a section, one item a paragraph."""

    bullets: list[Text] = Field(min_length=1)


class Section(_Model):
    heading: Text | None = None
    """None for opening paragraphs, printed without a heading."""
    paragraphs: list[Text | BulletList] = Field(min_length=1)


class Summary(_Model):
    title: Text
    date: EventDate
    venue: list[Text] | None = Field(None, min_length=1)
    sections: list[Section] = Field(min_length=1)

    @property
    def title_lines(self) -> list[str]:
        """The title as printed: one entry per line of the content."""
        return [line.strip() for line in self.title.splitlines() if line.strip()]

    @property
    def title_text(self) -> str:
        """The title on one line, for metadata."""
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
