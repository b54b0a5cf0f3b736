"""Right-to-left text in Word: text in, runs marked by direction out; paragraphs, styles and
sections of a right-to-left document.

In: a paragraph (python-docx) and the text of one run of the document, or a
document and its catalogue's ``direction``.
Out: the text as runs, each run of right-to-left letters (Arabic, Hebrew) marked
``w:rtl``, so Word lays it out and draws it as complex script (``w:cs`` face,
``w:szCs`` size, ``w:bCs`` bold); Latin letters stay in runs of their own, in
the Latin face, in any document. A right-to-left document also gets
``w:bidi`` in its default paragraph style (every paragraph runs right to left,
and Word and LibreOffice read a paragraph's left and right as its start and
end, so the theme's alignments and indents mirror by themselves) and in every
section (page numbers and columns mirrored).

Digits, spaces and punctuation belong to the run of the letters before them,
as LibreOffice assigns them to the script before them; at the start of a text,
to the first letters that follow.
"""

from __future__ import annotations

import re
import unicodedata

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.paragraph import Paragraph
from docx.text.run import Run

_RIGHT_TO_LEFT = {"R", "AL"}


# Where every character the walk below takes for right to left lies (the bidirectional
# classes R and AL, and the Arabic blocks of ``_arabic``): Hebrew to Arabic Extended-A, the
# right-to-left mark, the Hebrew and Arabic presentation forms, and the right-to-left blocks
# of the supplementary planes. A text without any of them, as most text is, is one
# left-to-right part, found without asking Unicode's tables about each of its characters;
# tests/test_bidi.py checks every code point.
_MAY_BE_RIGHT_TO_LEFT = re.compile(
    "[\u0590-\u08ff\u200f\ufb1d-\ufdff\ufe70-\ufeff\U00010800-\U00010fff\U0001e800-\U0001efff]"
)


def segments(text: str) -> list[tuple[str, bool]]:
    """``text`` cut where its letters change direction: (part, right to left)."""
    if _MAY_BE_RIGHT_TO_LEFT.search(text) is None:
        return [(text, False)] if text else []
    parts: list[tuple[str, bool]] = []
    current = ""
    direction: bool | None = None
    for character in text:
        kind = unicodedata.bidirectional(character)
        strong: bool | None = None
        if kind in _RIGHT_TO_LEFT or _arabic(character):
            strong = True
        elif kind == "L":
            strong = False
        if strong is not None and direction is not None and strong != direction:
            parts.append((current, direction))
            current = ""
        if strong is not None:
            direction = strong
        current += character
    if current:
        parts.append((current, bool(direction)))
    return parts


def _arabic(character: str) -> bool:
    # The Arabic comma, semicolon and figures are neutral or weak to the bidirectional
    # algorithm, but Arabic to Word's choice of face: they go with the Arabic runs.
    code = ord(character)
    return 0x0600 <= code <= 0x06FF or 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF


def add_runs(paragraph: Paragraph, text: str) -> list[Run]:
    """Add ``text`` to ``paragraph`` as runs of one direction each; right-to-left ones marked."""
    runs = []
    for part, right_to_left in segments(text):
        run = _run(paragraph, part)
        if right_to_left:
            run._r.get_or_add_rPr().append(OxmlElement("w:rtl"))
        runs.append(run)
    return runs


# What python-docx's Run.text writes as an element of its own: a tab, a line break.
_BREAKS = re.compile("[\t\r\n]")


def _run(paragraph: Paragraph, text: str) -> Run:
    """``paragraph.add_run(text)`` without python-docx's walk over each character (which
    looks for tabs and line breaks): text without them is one ``w:t``, written as
    python-docx's ``CT_R.add_t`` writes it, white space kept when it starts or ends it."""
    if _BREAKS.search(text) is not None:
        return paragraph.add_run(text)
    run = paragraph.add_run()
    if text:
        element = OxmlElement("w:t")
        element.text = text
        if len(text.strip()) < len(text):
            element.set(qn("xml:space"), "preserve")
        run._r.append(element)
    return run


# The elements that come after w:bidi in a paragraph's and a section's properties
# (WordprocessingML's CT_PPr and CT_SectPr sequences): Word refuses them out of order.
AFTER_BIDI_IN_PARAGRAPH = (
    "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
    "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
    "w:pPrChange",
)  # fmt: skip
_AFTER_BIDI_IN_SECTION = ("w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")


def right_to_left(document: Document) -> None:
    """Make every paragraph, section and table of ``document`` run right to left."""
    normal = document.styles["Normal"].element.get_or_add_pPr()
    place(normal, OxmlElement("w:bidi"), AFTER_BIDI_IN_PARAGRAPH)
    for section in document.sections:
        place(section._sectPr, OxmlElement("w:bidi"), _AFTER_BIDI_IN_SECTION)
    for table in document.tables:  # signatories side by side: the first on the right
        place(table._tbl.tblPr, OxmlElement("w:bidiVisual"), _AFTER_BIDI_IN_TABLE)


_AFTER_BIDI_IN_TABLE = tuple(
    f"w:{name}"
    for name in (
        "tblStyleRowBandSize",
        "tblStyleColBandSize",
        "tblW",
        "jc",
        "tblCellSpacing",
        "tblInd",
        "tblBorders",
        "shd",
        "tblLayout",
        "tblCellMar",
        "tblLook",
        "tblCaption",
        "tblDescription",
    )
)
"""What follows w:bidiVisual in w:tblPr, in the schema's order."""


def place(
    properties: BaseOxmlElement, element: BaseOxmlElement, followers: tuple[str, ...]
) -> None:
    """Put ``element`` into ``properties`` before the first of ``followers`` it holds (the
    schema's order), unless an element of its name is there already."""
    if properties.find(element.tag) is not None:
        return
    tags = {qn(tag) for tag in followers}
    follower = next((child for child in properties if child.tag in tags), None)
    if follower is not None:
        follower.addprevious(element)
    else:
        properties.append(element)
