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
import re
from pathlib import PurePosixPath
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

# Characters that XML 1.0 (and so DOCX, and tagged PDF text) cannot hold:
# C0 controls other than tab, line feed and carriage return; lone surrogates;
# and the non-characters U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# One paragraph (or line) of text at most: the longest of the seed is 1,419 characters.
# A longer one is a paste gone wrong, and WeasyPrint needs about 0.3 s a page for it.
MAX_TEXT = 20_000
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
# The white space HTML folds into one space. A no-break space is not in it: it is text.
_BLANKS = re.compile(r"[ \t\r\n]+")


def _xml_text(value: str) -> str:
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
    value = _xml_text(value).strip()
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


Text = Annotated[str, AfterValidator(_one_paragraph)]
"""One paragraph or line of text, not empty; inline markup allowed where rendered.
Its newlines, tabs and runs of spaces are one space each."""

LineText = Annotated[str, AfterValidator(_lines)]
"""Text whose newlines are line breaks (the summary's title), not empty."""

ImagePath = Annotated[str, AfterValidator(_relative_path)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Signatory(_Model):
    name: Text
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
    signatory: Signatory
    addressees: list[Text] = Field(min_length=1)


class BulletList(_Model):
    """A bulleted list inside a section, one item a paragraph."""

    bullets: list[Text] = Field(min_length=1)


class Section(_Model):
    heading: Text
    paragraphs: list[Text | BulletList] = Field(min_length=1)


class Summary(_Model):
    title: LineText
    date: dt.date
    venue: list[Text] = Field(min_length=1)
    sections: list[Section] = Field(min_length=1)

    @property
    def title_lines(self) -> list[str]:
        """The title as printed: one entry per line of the content."""
        return self.title.split("\n")

    @property
    def title_text(self) -> str:
        """The title on one line, for metadata."""
        return " ".join(self.title_lines)


class Hearing(_Model):
    template: Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")] = "un-pga"
    language: Annotated[str, AfterValidator(_language)] = "en"
    letter: Letter
    summary: Summary
