"""Word's lists, read back: a numbered paragraph in, its list and number format out.

In: a python-docx ``Document``, a paragraph's ``w:p`` element and its style.
Out: the list the paragraph is an item of (``ListOf``: its ``w:num``, its
abstract list, whether it starts again, and the number format of its level:
``bullet``, ``decimal``, ``lowerLetter``...), read from the paragraph's own
numbering or else its style's, through numbering.xml (a level the list
overrides first, then its abstract list). ``kind`` says what the content makes
of it, a bulleted or a numbered list; ``continues`` whether an item goes on
with the list before it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from docx.document import Document
from docx.oxml.ns import qn
from docx.styles.style import BaseStyle, ParagraphStyle

DECIMAL = frozenset({"decimal", "decimalZero"})
"""Number formats printed "1.", "2.", ...: read as a numbered list."""


@dataclass(frozen=True)
class ListOf:
    """The list a paragraph is an item of, as numbering.xml says."""

    num_id: str = ""
    """Its ``w:num``: the list instance it is in."""
    abstract_id: str = ""
    """The ``w:abstractNum`` of that list: the kind of list, which instances may share."""
    form: str = ""
    """The number format of its level: ``bullet``, ``decimal``, ``lowerLetter``..."""
    restarts: bool = False
    """Its ``w:num`` counts from the start again (a ``w:startOverride``)."""


def continues(item: ListOf, previous: ListOf) -> bool:
    """Whether ``item`` goes on with the list of the item before it, as Word counts: the
    same list, or another of the same abstract list that does not start again (LibreOffice
    writes a restarted list so: its first item alone in a list that starts again)."""
    if item.num_id == previous.num_id:
        return True
    return item.abstract_id == previous.abstract_id and not item.restarts


def kind(list_format: str, default: str = "bullets") -> str:
    """``numbers`` for a decimal list, ``bullets`` for a bulleted one, else ``default``
    (other numbers, such as (a) (b), are bullets: the content numbers only 1. 2.)."""
    if list_format in DECIMAL:
        return "numbers"
    return "bullets" if list_format else default


def list_of(document: Document, element, style: BaseStyle | None) -> ListOf:
    """The list a numbered paragraph is in, with its number format at its level; an empty
    ``ListOf`` when the numbering was taken off (``numId`` 0)."""
    number = element.pPr.find(qn("w:numPr")) if element.pPr is not None else None
    while number is None and style is not None:
        found = style.element.pPr
        number = found.find(qn("w:numPr")) if found is not None else None
        style = cast(ParagraphStyle, style).base_style
    num_id = _val(number, "w:numId") if number is not None else None
    level = (_val(number, "w:ilvl") if number is not None else None) or "0"
    if not num_id or num_id == "0":
        return ListOf()
    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError):  # numbered, but the file has no list part
        return ListOf(num_id)
    for num in numbering.iterchildren(qn("w:num")):
        if num.get(qn("w:numId")) != num_id:
            continue
        overrides = [
            o for o in num.iterchildren(qn("w:lvlOverride")) if o.get(qn("w:ilvl")) == level
        ]
        levels = [lvl for override in overrides for lvl in override.iterchildren(qn("w:lvl"))]
        restarts = any(o.find(qn("w:startOverride")) is not None for o in overrides)
        abstract_id = _val(num, "w:abstractNumId") or ""
        for abstract in numbering.iterchildren(qn("w:abstractNum")):
            if abstract.get(qn("w:abstractNumId")) == abstract_id:
                levels += [
                    lvl
                    for lvl in abstract.iterchildren(qn("w:lvl"))
                    if lvl.get(qn("w:ilvl")) == level
                ]
        form = next((f for f in (_val(lvl, "w:numFmt") for lvl in levels) if f), "")
        return ListOf(num_id, abstract_id, form, restarts)
    return ListOf(num_id)


def _val(element, tag: str) -> str | None:
    """The ``w:val`` of the child ``tag`` of ``element``, if there is one."""
    child = element.find(qn(tag))
    return child.get(qn("w:val")) if child is not None else None
