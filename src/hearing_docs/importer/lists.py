"""Word's lists, read back: a numbered paragraph in, its list and number format out.

In: a python-docx ``Document``, a paragraph's ``w:p`` element and its style.
Out: which list the paragraph is an item of (its ``w:numId``) and the number
format of its level (``bullet``, ``decimal``, ``lowerLetter``...), read from
the paragraph's own numbering or else its style's, through numbering.xml (a
level the list overrides first, then its abstract list). ``kind`` says what
the content makes of it: a bulleted or a numbered list.
"""

from __future__ import annotations

from typing import cast

from docx.document import Document
from docx.oxml.ns import qn
from docx.styles.style import BaseStyle, ParagraphStyle

DECIMAL = frozenset({"decimal", "decimalZero"})
"""Number formats printed "1.", "2.", ...: read as a numbered list."""


def kind(list_format: str, default: str = "bullets") -> str:
    """``numbers`` for a decimal list, ``bullets`` for a bulleted one, else ``default``
    (other numbers, such as (a) (b), are bullets: the content numbers only 1. 2.)."""
    if list_format in DECIMAL:
        return "numbers"
    return "bullets" if list_format else default


def list_of(document: Document, element, style: BaseStyle | None) -> tuple[str, str]:
    """The list a numbered paragraph is in, and its number format at its level; empty
    strings when the numbering was taken off (``numId`` 0) or cannot be read."""
    number = element.pPr.find(qn("w:numPr")) if element.pPr is not None else None
    while number is None and style is not None:
        found = style.element.pPr
        number = found.find(qn("w:numPr")) if found is not None else None
        style = cast(ParagraphStyle, style).base_style
    num_id = _val(number, "w:numId") if number is not None else None
    level = (_val(number, "w:ilvl") if number is not None else None) or "0"
    if not num_id or num_id == "0":
        return "", ""
    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError):  # numbered, but the file has no list part
        return num_id, ""
    for num in numbering.iterchildren(qn("w:num")):
        if num.get(qn("w:numId")) != num_id:
            continue
        levels = [
            lvl
            for override in num.iterchildren(qn("w:lvlOverride"))
            if override.get(qn("w:ilvl")) == level
            for lvl in override.iterchildren(qn("w:lvl"))
        ]
        abstract_id = _val(num, "w:abstractNumId")
        for abstract in numbering.iterchildren(qn("w:abstractNum")):
            if abstract.get(qn("w:abstractNumId")) == abstract_id:
                levels += [
                    lvl
                    for lvl in abstract.iterchildren(qn("w:lvl"))
                    if lvl.get(qn("w:ilvl")) == level
                ]
        for lvl in levels:
            form = _val(lvl, "w:numFmt")
            if form:
                return num_id, form
    return num_id, ""


def _val(element, tag: str) -> str | None:
    """The ``w:val`` of the child ``tag`` of ``element``, if there is one."""
    child = element.find(qn(tag))
    return child.get(qn("w:val")) if child is not None else None
