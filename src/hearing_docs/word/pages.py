"""Word pages: the theme in, a section's paper, margins and page numbers out.

In: a python-docx ``Document`` or one of its sections, and the template set's
``Theme``.
Out: the paper size and margins of the theme, and the page number of a
section where the theme puts it: a PAGE field that Word and LibreOffice
update, in the section's own header or footer, centred in the margin as the
PDF has it.
"""

from __future__ import annotations

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from hearing_docs.templateset.theme import Theme
from hearing_docs.word import styles
from hearing_docs.word.styleids import StyleIds


def paper(document: Document, theme: Theme) -> None:
    """The paper and margins of the theme, on the document's first section."""
    section = document.sections[0]
    page = theme.page
    section.page_width, section.page_height = Pt(page.width), Pt(page.height)
    section.top_margin, section.bottom_margin = Pt(page.margin_top), Pt(page.margin_bottom)
    section.left_margin, section.right_margin = Pt(page.margin_left), Pt(page.margin_right)
    section.gutter = Pt(0)


def numbers(section: Section, theme: Theme, ids: StyleIds) -> None:
    """The page number of ``section`` where the theme puts it, in its own header or footer
    (not the previous section's), centred in the margin as the PDF has it."""
    section.header.is_linked_to_previous = False
    section.footer.is_linked_to_previous = False
    section.header_distance, section.footer_distance = map(Pt, styles.number_distances(theme))
    if theme.page_numbers.position == "none":
        return
    top = theme.page_numbers.vertical == "top"
    part = section.header if top else section.footer
    paragraph = part.paragraphs[0]
    ids.restyle(paragraph, "Header" if top else "Footer")
    _page_field(paragraph)


def _page_field(paragraph: Paragraph) -> None:
    """A PAGE field that Word and LibreOffice update: begin, instruction, separate, result, end."""
    steps: tuple[tuple[str, str | None], ...] = (
        ("begin", None),
        ("instr", " PAGE "),
        ("separate", None),
        ("text", "1"),
    )
    for kind, text in steps:
        run = paragraph.add_run()
        if kind == "instr":
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = text
            run._r.append(instruction)
        elif kind == "text":
            run.text = text or ""
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    paragraph.add_run()._r.append(end)
