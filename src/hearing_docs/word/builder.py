"""Word stage: a hearing in, an editable DOCX out, through python-docx.

In: a ``Hearing``, its ``TemplateSet`` (for the theme), its ``Assets`` and its
document ``Facts`` (for the file's properties).
Out: the DOCX as bytes, built from the model (not converted from HTML).

Two sections, as the PDF has two parts: the letter, whose first-page header
holds the letterhead and whose first-page footer holds the addressee block;
then the summary on a new page, with PAGE fields in the header or footer the
theme names. Every paragraph has a named style from ``styles.py``; runs
carry only the character styles Emphasis and Strong. No text boxes, and no
tables for layout.
"""

from __future__ import annotations

import io

import docx
from docx.document import Document
from docx.enum.section import WD_SECTION
from docx.exceptions import PythonDocxError
from docx.image.exceptions import (
    InvalidImageStreamError,
    UnexpectedEndOfFileError,
    UnrecognizedImageError,
)
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.section import Section
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from hearing_docs.content import markup
from hearing_docs.content.model import BulletList, Hearing, Letter, NumberedList, Signatory
from hearing_docs.document import titles
from hearing_docs.document.dates import long_date
from hearing_docs.document.facts import Facts
from hearing_docs.errors import Problem, RenderError
from hearing_docs.fonts import glyphs
from hearing_docs.templateset.assets import Assets
from hearing_docs.templateset.catalogue import Catalogue
from hearing_docs.templateset.images import Image
from hearing_docs.templateset.sets import TemplateSet
from hearing_docs.templateset.theme import Theme
from hearing_docs.word import bidi, footnotes, numbering, package, styles

# What python-docx raises on input our checks let through (a picture it cannot read).
_PYTHON_DOCX_ERRORS = (
    PythonDocxError,
    InvalidImageStreamError,
    UnexpectedEndOfFileError,
    UnrecognizedImageError,
)
SIDE_GAP = 12.0
"""Points kept free after each column of signatories (style.css: .side-by-side padding)."""


def render(
    hearing: Hearing,
    template_set: TemplateSet,
    assets: Assets,
    facts: Facts,
    letter_pages: int = 1,
) -> bytes:
    """The document as DOCX bytes, the same for the same content.

    ``letter_pages``: how many pages the letter runs over (the PDF's layout says, see
    ``pipeline``); on a letter of more than one, the notations follow the signature.
    python-docx's own errors become a one-line ``RenderError``; any other error
    is a mistake of ours and keeps its traceback.
    """
    theme = template_set.theme
    text = template_set.catalogue(hearing.language)
    try:
        document = docx.Document()
        styles.define(document, theme, hearing.language, glyphs.language_slot(text))
        _page(document, theme)
        if hearing.letter is not None:
            letterhead = template_set.letterhead_lines(hearing.language)
            _letter(document, hearing, theme, assets, text, letterhead, letter_pages)
        if hearing.summary is not None:
            _summary(document, hearing, theme, text)
        if text.direction == "rtl":
            bidi.right_to_left(document)
        return package.save(document, facts)
    except _PYTHON_DOCX_ERRORS as error:
        raise RenderError(Problem("DOCX", f"python-docx failed: {error}")) from error


def _page(document: Document, theme: Theme) -> None:
    section = document.sections[0]
    page = theme.page
    section.page_width, section.page_height = Pt(page.width), Pt(page.height)
    section.top_margin, section.bottom_margin = Pt(page.margin_top), Pt(page.margin_bottom)
    section.left_margin, section.right_margin = Pt(page.margin_left), Pt(page.margin_right)
    section.gutter = Pt(0)


def _add(container, text: str, style: str) -> Paragraph:
    """A paragraph of ``style`` holding ``text`` as its type says it is printed: the runs of
    its inline markup for rich text (``markup.Marked``), else one run as written."""
    paragraph = container.add_paragraph(style=style)
    _fill(paragraph, text)
    return paragraph


def _fill(paragraph: Paragraph, text: str) -> None:
    """Add the runs of ``text`` to ``paragraph``; a footnote it calls becomes a Word footnote."""
    for run in markup.printed_runs(text):
        if run.note is not None:
            _fill(footnotes.call(paragraph), markup.Marked(run.note))
            continue
        for added in bidi.add_runs(paragraph, run.text):
            if run.bold:
                added.style = "Strong"
            elif run.italic:
                added.style = "Emphasis"


def _lines(container, lines: list[str], style: str) -> Paragraph:
    """One paragraph of ``style`` holding ``lines`` as written, with line breaks between."""
    paragraph = container.add_paragraph(style=style)
    for index, line in enumerate(lines):
        if index:
            paragraph.add_run().add_break()
        bidi.add_runs(paragraph, line)
    return paragraph


def _letter(
    document: Document,
    hearing: Hearing,
    theme: Theme,
    assets: Assets,
    words: Catalogue,
    letterhead: list[str],
    letter_pages: int,
) -> None:
    letter = hearing.letter
    assert letter is not None
    _letter_header(document, theme, letterhead, assets)
    _add(document, long_date(letter.date, words), "Date")
    reference = [letter.reference] if letter.reference else []
    if letter.marking is not None:
        reference.append(getattr(words, letter.marking))
    if reference:
        _lines(document, reference, "Reference")
    _add(document, letter.salutation, "Salutation")
    _paragraphs(document, letter.body, "Body Text", "Letter ")
    _add(document, letter.closing, "Closing")
    if len(letter.signers) == 1:
        last = _signatory(document, letter.signers[0], assets.signature, theme, "")
    else:
        _side_by_side(document, letter.signers, assets.signatures, theme)
        # A table cannot hold the section's end; this line of no height can.
        last = document.add_paragraph(style="Letter End")
    # The enclosure and copy notations go at the foot of the letter's last page: under
    # the addressees on a letter of one page, above the page number on one of two; on a
    # longer one after the signature, as Word has no footer for a last page.
    if letter_pages > 2:
        last = _notations(document, letter, words) or last
    if hearing.summary is not None:
        # The letter's section ends in its last paragraph, not in an extra empty one.
        document.add_section(WD_SECTION.NEW_PAGE)
        holder = document.paragraphs[-1]._p
        assert holder.pPr is not None  # add_section put the section's properties there
        section_properties = holder.pPr.sectPr
        last._p.get_or_add_pPr().append(section_properties)
        holder.getparent().remove(holder)

    letter_section = document.sections[0]
    letter_section.different_first_page_header_footer = True
    footer = letter_section.first_page_footer
    footer.is_linked_to_previous = False
    footer.paragraphs[0].style = document.styles["Addressee"]
    first, *rest = letter.addressees
    bidi.add_runs(footer.paragraphs[0], first)
    for line in rest:
        bidi.add_runs(footer.add_paragraph(style="Addressee"), line)
    if letter_pages == 1:
        _notations(footer, letter, words)
    # The addressees end where the text does, above the margin the page number is in.
    footer.add_paragraph(style="Footer Space")
    _page_numbers(document, letter_section, theme)
    if letter_pages == 2:
        _second_page_notations(letter_section, letter, words, theme)


def _second_page_notations(
    section: Section, letter: Letter, words: Catalogue, theme: Theme
) -> None:
    """The notations at the foot of the letter's second and last page: in the footer of its
    later pages, above the page number (whose style keeps the margin free above it)."""
    footer = section.footer
    (first,) = footer.paragraphs  # the page number, or an empty paragraph
    numbered = theme.page_numbers.position != "none" and theme.page_numbers.vertical == "bottom"
    _notations(footer, letter, words)
    if numbered:
        footer._element.append(first._p)  # the number goes last, in the margin
    else:
        first._p.getparent().remove(first._p)
        footer.add_paragraph(style="Footer Space")


def _notations(container, letter: Letter, words: Catalogue) -> Paragraph | None:
    """The enclosure and copy notations, in ``container``; the last paragraph written."""
    last = None
    if letter.enclosures:
        last = _lines(container, [words.enclosure_line(letter.enclosures)], "Enclosure")
    if letter.copies:
        copy, *more = letter.copies
        last = _lines(container, [f"{words.copies} {copy}", *more], "Copies")
    return last


def _signatory(
    container, signer: Signatory, image: Image | None, theme: Theme, prefix: str
) -> Paragraph:
    """The signature, the name and the title lines of one signatory; the last paragraph."""
    signature = container.add_paragraph(style=f"{prefix}Signature")
    if image is not None:
        height = theme.letter.signature_height
        signature.add_run().add_picture(
            io.BytesIO(image.data), height=Pt(height), width=Pt(height / image.aspect)
        )
        _alt_text(signature, signer.signature_alt or "")
    last = _add(container, signer.name, f"{prefix}Signatory")
    for line in signer.title or []:
        last = _add(container, line, f"{prefix}Signatory Title")
    return last


def _side_by_side(
    document: Document,
    signers: list[Signatory],
    images: tuple[Image | None, ...],
    theme: Theme,
) -> None:
    """Several signatories in equal columns across the text width: a table without borders,
    whose cells keep the gap the style sheet puts after each column."""
    width = theme.page.width - theme.page.margin_left - theme.page.margin_right
    table = document.add_table(rows=1, cols=len(signers))
    table.autofit = False
    properties = table._tbl.tblPr
    margins = parse_xml(
        f'<w:tblCellMar {nsdecls("w")}><w:top w:w="0" w:type="dxa"/>'
        f'<w:left w:w="0" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
        f'<w:right w:w="{round(SIDE_GAP * 20)}" w:type="dxa"/></w:tblCellMar>'
    )
    # In the order the schema gives w:tblPr's children (autofit above wrote w:tblLayout).
    properties.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription")
    for cell, signer, image in zip(table.rows[0].cells, signers, images, strict=True):
        cell.width = Pt(width / len(signers))
        _signatory(cell, signer, image, theme, "Side ")
        empty = cell.paragraphs[0]  # the paragraph every new cell starts with
        empty._p.getparent().remove(empty._p)


def _letter_header(document: Document, theme: Theme, lines: list[str], assets: Assets) -> None:
    section = document.sections[0]
    section.different_first_page_header_footer = True
    header = section.first_page_header
    header.is_linked_to_previous = False
    # The letterhead starts where the text does, below the margin the page number is in.
    header.paragraphs[0].style = document.styles["Header Space"]
    if assets.emblem is not None:
        width = theme.letterhead.emblem_width
        emblem = header.add_paragraph(style="Emblem")
        emblem.add_run().add_picture(
            io.BytesIO(assets.emblem.data), width=Pt(width), height=Pt(width * assets.emblem.aspect)
        )
        _alt_text(emblem, theme.letterhead.emblem_alt)
    for line in lines:
        bidi.add_runs(header.add_paragraph(style="Letterhead"), line)


def _summary(document: Document, hearing: Hearing, theme: Theme, words: Catalogue) -> None:
    summary = hearing.summary
    assert summary is not None
    title = document.add_paragraph(style="Title")
    for index, line in enumerate(titles.title_lines(summary, theme)):
        if index:
            title.add_run().add_break()
        for run in markup.printed_runs(line):
            for added in bidi.add_runs(title, run.text):
                if run.italic:
                    added.style = "Emphasis"
    _add(document, long_date(summary.date, words), "Meeting Date")
    if summary.venue:
        _lines(document, summary.venue, "Venue")
    if summary.label:
        _lines(document, [summary.label], "Label")
    numbered = theme.summary.numbered_paragraphs
    paragraph_style = "Numbered Paragraph" if numbered else "Summary Text"
    for section in summary.sections:
        if section.heading is not None:  # opening paragraphs have none
            _add(document, section.heading, "Heading 1")
        _paragraphs(document, section.paragraphs, paragraph_style, "List ")
    pages = document.sections[-1]
    pages.different_first_page_header_footer = False
    _page_numbers(document, pages, theme)


def _paragraphs(
    document: Document,
    paragraphs: list[str | BulletList | NumberedList],
    text_style: str,
    lists: str,
) -> None:
    """Paragraphs of text in ``text_style``; list items in the styles ``lists`` + Bullet
    or Number, each numbered list counting from 1."""
    ended: tuple[str, Paragraph] | None = None  # the list just written: style, last item
    for paragraph in paragraphs:
        if isinstance(paragraph, str):
            _add(document, paragraph, text_style)
            ended = None
            continue
        style = f"{lists}Bullet" if isinstance(paragraph, BulletList) else f"{lists}Number"
        if ended is not None and ended[0] == style:
            # Two lists of one style in a row: the space after the first, as in the PDF,
            # which Word's "no space between paragraphs of the same style" would drop.
            _space_after_list(ended[1])
        count = None
        if isinstance(paragraph, NumberedList):
            count = numbering.restart(document)
        elif ended is not None and ended[0] == style:
            count = numbering.separate(document)
        items = paragraph.bullets if isinstance(paragraph, BulletList) else paragraph.numbers
        for item in items:
            added = _add(document, item, style)
            if count is not None:
                numbering.number(added, count)
        ended = (style, added)


def _space_after_list(paragraph: Paragraph) -> None:
    properties = paragraph._p.get_or_add_pPr()
    contextual = OxmlElement("w:contextualSpacing")
    contextual.set(qn("w:val"), "0")
    properties.insert_element_before(contextual, *styles.AFTER_CONTEXTUAL)


def _page_numbers(document: Document, section: Section, theme: Theme) -> None:
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
    paragraph.style = document.styles["Header" if top else "Footer"]
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


def _alt_text(paragraph: Paragraph, text: str) -> None:
    """Alternative text of the pictures in ``paragraph`` (wp:docPr/@descr), and no space
    around them: without distT/B/L/R, LibreOffice puts 0.32 cm around an inline picture,
    and the signature would stand 9 pt right of where the PDF has it."""
    for properties in paragraph._p.iter(qn("wp:docPr")):
        properties.set("descr", text)
    for inline in paragraph._p.iter(qn("wp:inline")):
        for side in ("distT", "distB", "distL", "distR"):
            inline.set(side, "0")
