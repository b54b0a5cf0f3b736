"""Word lists: a DOCX's numbering part in, its own lists out.

In: a python-docx ``Document`` whose list styles are defined.
Out: numbering.xml holding only the lists the document's styles use (the
starting template's nine lists are dropped): a bullet "•" for List Bullet
(and Letter Bullet, the letter's), a decimal "1." for List Number (and Letter
Number) and one "1. " that runs through the summary for Numbered Paragraph.
Each is tied to its style, so an editor who gives a paragraph the style gets
the marker, and Word renumbers. ``restart`` gives each numbered list of the
content its own count from 1, and ``separate`` a bulleted list that follows
another its own list.

A marker sits where the style sheet's list marker sits in the PDF: the text
half an inch in, and the marker, in the paragraph's own font (not the Symbol
font's private U+F0B7), ending a space before it. A bullet is left-aligned the
width of "• " before the text; a number is right-aligned a space before it,
as the PDF's "1. " and "10. " both end at the text.
"""

from __future__ import annotations

from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.styles.style import BaseStyle
from docx.text.paragraph import Paragraph

BULLET = "\u2022"
NUMBERED = "List Number"
"""The style whose list ``restart`` starts again."""
_ORDER = ("List Bullet", NUMBERED, "Numbered Paragraph")
"""The styles of the abstract lists ``define`` writes, in the order of their ids."""
_SHARED = {"Letter Bullet": "List Bullet", "Letter Number": "List Number"}
"""Styles drawing the list of another: the letter's lists, flush left."""


def define(document: Document, list_indent: float, marker_width: float, space: float) -> None:
    """Replace the template's lists with the document's: bullets, numbers, paragraphs.

    ``list_indent``: points from the margin to an item's text (the theme's
    ``summary.list_indent``); ``marker_width``: the width of "• " in the body
    font, the bullet's hanging indent, so the bullet starts where the PDF's
    list marker does (just before the text, not at ``bullet_indent``);
    ``space``: the width of a space, between a number and its text.
    """
    numbering = document.part.numbering_part.element
    for element in [*numbering.findall(qn("w:num")), *numbering.findall(qn("w:abstractNum"))]:
        numbering.remove(element)
    for element in numbering.findall(qn("w:numIdMacAtCleanup")):
        numbering.remove(element)
    hanging = round(marker_width * 20)
    indent = round(list_indent * 20)
    levels = {
        "List Bullet": (
            f'<w:numFmt w:val="bullet"/><w:lvlText w:val="{BULLET}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{indent}" w:hanging="{hanging}"/></w:pPr>'
        ),
        NUMBERED: (
            '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="right"/>'
            f'<w:pPr><w:ind w:left="{indent}" w:hanging="{round(space * 20)}"/></w:pPr>'
        ),
        # The number stands at the start of the first line, followed by a space, as the
        # style sheet's counter puts it in the PDF.
        "Numbered Paragraph": (
            '<w:numFmt w:val="decimal"/><w:suff w:val="space"/><w:lvlText w:val="%1."/>'
            '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr>'
        ),
    }
    assert tuple(levels) == _ORDER
    for number, level in enumerate(levels.values()):
        abstract = parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{number}">'
            '<w:multiLevelType w:val="singleLevel"/>'
            f'<w:lvl w:ilvl="0"><w:start w:val="1"/>{level}</w:lvl></w:abstractNum>'
        )
        numbering.insert(number, abstract)
    tied = {}
    for number, name in enumerate(levels):
        tied[name] = numbering.add_num(number).numId
        _tie(document.styles[name], tied[name])
    for name, drawn_as in _SHARED.items():
        _tie(document.styles[name], tied[drawn_as])


def restart(document: Document) -> int:
    """A new list of List Number's kind that counts from 1: its ``w:numId``."""
    return _new_list(document, NUMBERED)


def separate(document: Document) -> int:
    """A new list of List Bullet's kind: its ``w:numId``. A bulleted list right after
    another is a list of its own, started again as a numbered one is, so that Word,
    LibreOffice and an import keep the two apart."""
    return _new_list(document, "List Bullet")


def _new_list(document: Document, style: str) -> int:
    numbering = document.part.numbering_part.element
    num = numbering.add_num(_ORDER.index(style))
    override = parse_xml(
        f'<w:lvlOverride {nsdecls("w")} w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
    )
    num.append(override)
    return num.numId


def number(paragraph: Paragraph, num_id: int) -> None:
    """Make ``paragraph`` an item of the list ``num_id`` (see ``restart``)."""
    properties = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    properties.get_or_add_ilvl().val = 0
    properties.get_or_add_numId().val = num_id


def _tie(style: BaseStyle, num_id: int) -> None:
    properties = style.element.get_or_add_pPr()
    number_properties = properties.get_or_add_numPr()
    number_properties.get_or_add_numId().val = num_id
    indent = properties.find(qn("w:ind"))
    if indent is not None:  # the list's level sets the indent, as in the PDF
        properties.remove(indent)
