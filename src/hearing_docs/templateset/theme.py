"""Theme stage: a template set's theme.yaml in, a typed ``Theme`` out.

In: the data of a set's theme.yaml, laid over the themes it extends (``sets.py``
reads and merges them).
Out: ``Theme``: paper, margins, fonts, sizes, spacing, letterhead, page
numbers, footnotes. It is the one source of typography: style.css is rendered from it and
``word/styles.py`` defines the Word styles from it.

A set's theme.yaml may start with ``extends: OTHER-SET``; its values are then
laid over the other set's theme key by key, so a derived set names only what
it changes.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, ClassVar, Literal

from hearing_docs.content.text import xml_text
from hearing_docs.groups import Before, Check, Entries, Group

_LENGTH = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*(pt|in|cm|mm)\s*$")
_POINTS_PER = {"pt": 1.0, "in": 72.0, "cm": 72 / 2.54, "mm": 72 / 25.4}
PAPER_SIZES = {"letter": (612.0, 792.0), "a4": (595.28, 841.89)}


def _points(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ValueError("expected a length such as 1in, 2.5cm or 12pt")
    if isinstance(value, int | float):
        raise ValueError(
            f"'{value}' needs a unit: write {value}pt, {value}in, {value}cm or {value}mm"
        )
    match = _LENGTH.match(value)
    if not match:
        raise ValueError(f"'{value}' is not a length such as 1in, 2.5cm or 12pt")
    return round(float(match.group(1)) * _POINTS_PER[match.group(2)], 3)


Length = Annotated[float, Before(_points)]
"""A length in points, written in theme.yaml with a unit (pt, in, cm, mm)."""

Align = Literal["left", "center", "right"]

PrintedText = Annotated[str, Check(xml_text)]
"""Text of the theme that is printed (letterhead lines, alt text): what a DOCX can hold."""


class _Group(Group):
    lax = True  # kerning: yes


class Page(_Group):
    size: Literal["letter", "a4"] = "letter"
    margin_top: Length = 72.0
    margin_bottom: Length = 72.0
    margin_left: Length = 72.0
    margin_right: Length = 72.0

    @property
    def width(self) -> float:
        return PAPER_SIZES[self.size][0]

    @property
    def height(self) -> float:
        return PAPER_SIZES[self.size][1]

    @property
    def text_width(self) -> float:
        return self.width - self.margin_left - self.margin_right

    @property
    def text_height(self) -> float:
        return self.height - self.margin_top - self.margin_bottom


class Text(_Group):
    fonts: Annotated[list[str], Entries(least=1)] = ["Times New Roman", "Liberation Serif"]
    size: Length = 12.0
    line_height: Length = 13.8
    paragraph_space: Length = 13.8
    kerning: bool = False
    ligatures: bool = False
    spelling: list[str] = []
    """Regional tags (en-GB): the one of a content language that names no region is the
    language Word checks its spelling in."""

    complex_script_fonts: Annotated[list[str], Entries(least=1)] = ["Amiri"]
    """Arabic (and other right-to-left and complex scripts): Word's ``w:cs`` face."""
    east_asian_fonts: Annotated[list[str], Entries(least=1)] = ["Noto Serif CJK SC"]
    """Chinese (and other East Asian scripts): Word's ``w:eastAsia`` face."""

    @property
    def font(self) -> str:
        """The face Word is told to use; the others are the fall-backs of the CSS."""
        return self.fonts[0]

    @property
    def all_fonts(self) -> list[str]:
        """Every face, in the order the PDF tries them for a character: Latin first."""
        return [*self.fonts, *self.complex_script_fonts, *self.east_asian_fonts]

    def proofing_language(self, language: str) -> str:
        """The tag Word checks spelling in: the content's own when it names a region
        (``en-US``), else the tag of ``spelling`` for its language (``en`` is ``en-GB``)."""
        if "-" in language:
            return language
        return next((tag for tag in self.spelling if tag.split("-")[0] == language), language)


class Letterhead(_Group):
    lines: list[PrintedText] | None = None
    """Lines for every language, instead of the catalogue's ``letterhead``."""
    size: Length = 12.0
    emblem: str | None = None
    emblem_alt: PrintedText = "Emblem"
    emblem_width: Length = 50.4
    emblem_space_after: Length = 6.0
    space_after: Length = 13.8


class LetterLayout(_Group):
    date_align: Align = "right"
    signature_indent: Length = 234.0
    signature_height: Length = 39.6


class SummaryLayout(_Group):
    title_align: Align = "center"
    justify: bool = True
    numbered_paragraphs: bool = False
    list_indent: Length = 36.0

    @property
    def bullet_indent(self) -> float:
        """Where a bullet stands: half way to the item's text."""
        return self.list_indent / 2


class PageNumbers(_Group):
    position: Literal["bottom-center", "bottom-right", "top-center", "top-right", "none"] = (
        "bottom-center"
    )
    size: Length = 10.0

    @property
    def vertical(self) -> str:
        return self.position.split("-")[0]

    @property
    def horizontal(self) -> str:
        return self.position.split("-")[-1]


class LanguageText(_Group):
    """What the text of one language changes from ``text`` (unset: as ``text`` says)."""

    fonts: Annotated[list[str] | None, Entries(least=1)] = None
    complex_script_fonts: Annotated[list[str] | None, Entries(least=1)] = None
    east_asian_fonts: Annotated[list[str] | None, Entries(least=1)] = None
    size: Length | None = None
    line_height: Length | None = None
    paragraph_space: Length | None = None
    justify: bool | None = None
    """Instead of ``summary.justify``. The PDF justifies by widening spaces only, so text
    without spaces between words (Chinese) is set flush, in the PDF and in Word alike."""


class Footnotes(_Group):
    size: Length = 10.0
    line_height: Length = 11.5
    """Exact distance between the lines of a note."""

    # The rule above the notes, as LibreOffice draws Word's separator: a quarter of the
    # text wide, 0.51 pt thick, with 2.87 pt (0.0398 in) above and below it. Fixed: the
    # PDF's rule must take the room LibreOffice's does, or the pages would break apart.
    rule_weight: ClassVar[float] = 0.51
    rule_gap: ClassVar[float] = 2.87

    @property
    def separator_height(self) -> float:
        """The room the rule takes above the notes, the gaps on both sides included."""
        return 2 * self.rule_gap + self.rule_weight


class Theme(_Group):
    extends: str | None = None
    page: Page = Page()
    text: Text = Text()
    languages: dict[str, LanguageText] = {}
    """Per language tag (``ar``, ``zh``, ``es-MX``): what its documents change from ``text``."""
    letterhead: Letterhead = Letterhead()
    letter: LetterLayout = LetterLayout()
    summary: SummaryLayout = SummaryLayout()
    page_numbers: PageNumbers = PageNumbers()
    footnotes: Footnotes = Footnotes()

    def for_language(self, language: str) -> Theme:
        """The theme of a document in ``language``: its ``languages`` entry laid over ``text``.

        A tag with a region (``es-MX``) takes its language's entry (``es``), then its own.
        """
        primary = language.split("-")[0]
        changes: dict[str, Any] = {}
        for tag in dict.fromkeys([primary, language]):
            entry = self.languages.get(tag)
            if entry is not None:
                changes.update({k: v for k, v in entry.values() if v is not None})
        if not changes:
            return self
        summary = self.summary
        if "justify" in changes:
            summary = summary.replace(justify=changes.pop("justify"))
        text = self.text.replace(**changes)
        return self.replace(text=text, summary=summary)


def merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """``override`` laid over ``base``, group by group."""
    result = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = merge(result[key], value)
        else:
            result[key] = value
    return result
