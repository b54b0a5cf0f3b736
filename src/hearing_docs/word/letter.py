"""The letter in Word: a hearing's letter in, the DOCX's first section out.

In: the python-docx ``Document`` with its styles defined, the hearing, its
theme, assets (emblem, signatures), catalogue and letterhead lines, and how
many pages the PDF's letter runs over.
Out: the letter's section: the letterhead in its first-page header, the
addressees in its first-page footer, the date, reference, body, closing and
signatories (several side by side in a table without borders), and the
enclosure and copy notations at the foot of its last page. When a summary
follows, the section ends in the letter's last paragraph.
"""

from __future__ import annotations

import io

from docx.document import Document
from docx.enum.section import WD_SECTION
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.section import Section
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from hearing_docs.content.model import Hearing, Letter, Signatory
from hearing_docs.document.dates import long_date
from hearing_docs.templateset.assets import Assets
from hearing_docs.templateset.catalogue import Catalogue
from hearing_docs.templateset.images import Image
from hearing_docs.templateset.theme import Theme
from hearing_docs.word import bidi, pages
from hearing_docs.word.paragraphs import Container, add, lines, text_and_lists
from hearing_docs.word.styleids import StyleIds

SIDE_GAP = 12.0
"""Points kept free after each column of signatories (style.css: .side-by-side padding)."""


def write(
    document: Document,
    ids: StyleIds,
    hearing: Hearing,
    theme: Theme,
    assets: Assets,
    words: Catalogue,
    letterhead: list[str],
    letter_pages: int,
) -> None:
    """The letter of ``hearing``, which has one, in the document's first section."""
    letter = hearing.letter
    assert letter is not None
    _letter_header(document, ids, theme, letterhead, assets)
    add(document, ids, long_date(letter.date, words), "Date")
    reference = [letter.reference] if letter.reference else []
    if letter.marking is not None:
        reference.append(getattr(words, letter.marking))
    if reference:
        lines(document, ids, reference, "Reference")
    add(document, ids, letter.salutation, "Salutation")
    text_and_lists(document, ids, letter.body, "Body Text", "Letter ")
    add(document, ids, letter.closing, "Closing")
    if len(letter.signers) == 1:
        last = _signatory(document, ids, letter.signers[0], assets.signature, theme, "")
    else:
        _side_by_side(document, ids, letter.signers, assets.signatures, theme)
        # A table cannot hold the section's end; this line of no height can.
        last = ids.paragraph(document, "Letter End")
    # The enclosure and copy notations go at the foot of the letter's last page: under
    # the addressees on a letter of one page, above the page number on one of two; on a
    # longer one after the signature, as Word has no footer for a last page.
    if letter_pages > 2:
        last = _notations(document, ids, letter, words) or last
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
    ids.restyle(footer.paragraphs[0], "Addressee")
    first, *rest = letter.addressees
    bidi.add_runs(footer.paragraphs[0], first)
    for line in rest:
        bidi.add_runs(ids.paragraph(footer, "Addressee"), line)
    if letter_pages == 1:
        _notations(footer, ids, letter, words)
    # The addressees end where the text does, above the margin the page number is in.
    ids.paragraph(footer, "Footer Space")
    pages.numbers(letter_section, theme, ids)
    if letter_pages == 2:
        _second_page_notations(letter_section, ids, letter, words, theme)


def _second_page_notations(
    section: Section, ids: StyleIds, letter: Letter, words: Catalogue, theme: Theme
) -> None:
    """The notations at the foot of the letter's second and last page: in the footer of its
    later pages, above the page number (whose style keeps the margin free above it)."""
    footer = section.footer
    (first,) = footer.paragraphs  # the page number, or an empty paragraph
    numbered = theme.page_numbers.position != "none" and theme.page_numbers.vertical == "bottom"
    _notations(footer, ids, letter, words)
    if numbered:
        footer._element.append(first._p)  # the number goes last, in the margin
    else:
        first._p.getparent().remove(first._p)
        ids.paragraph(footer, "Footer Space")


def _notations(
    container: Container, ids: StyleIds, letter: Letter, words: Catalogue
) -> Paragraph | None:
    """The enclosure and copy notations, in ``container``; the last paragraph written."""
    last = None
    if letter.enclosures:
        last = lines(container, ids, [words.enclosure_line(letter.enclosures)], "Enclosure")
    if letter.copies:
        copy, *more = letter.copies
        last = lines(container, ids, [f"{words.copies} {copy}", *more], "Copies")
    return last


def _signatory(
    container: Container,
    ids: StyleIds,
    signer: Signatory,
    image: Image | None,
    theme: Theme,
    prefix: str,
) -> Paragraph:
    """The signature, the name and the title lines of one signatory; the last paragraph."""
    signature = ids.paragraph(container, f"{prefix}Signature")
    if image is not None:
        height = theme.letter.signature_height
        signature.add_run().add_picture(
            io.BytesIO(image.data), height=Pt(height), width=Pt(height / image.aspect)
        )
        _alt_text(signature, signer.signature_alt or "")
    last = add(container, ids, signer.name, f"{prefix}Signatory")
    for line in signer.title or []:
        last = add(container, ids, line, f"{prefix}Signatory Title")
    return last


def _side_by_side(
    document: Document,
    ids: StyleIds,
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
        _signatory(cell, ids, signer, image, theme, "Side ")
        empty = cell.paragraphs[0]  # the paragraph every new cell starts with
        empty._p.getparent().remove(empty._p)


def _letter_header(
    document: Document, ids: StyleIds, theme: Theme, letterhead: list[str], assets: Assets
) -> None:
    section = document.sections[0]
    section.different_first_page_header_footer = True
    header = section.first_page_header
    header.is_linked_to_previous = False
    # The letterhead starts where the text does, below the margin the page number is in.
    ids.restyle(header.paragraphs[0], "Header Space")
    if assets.emblem is not None:
        width = theme.letterhead.emblem_width
        emblem = ids.paragraph(header, "Emblem")
        emblem.add_run().add_picture(
            io.BytesIO(assets.emblem.data), width=Pt(width), height=Pt(width * assets.emblem.aspect)
        )
        _alt_text(emblem, theme.letterhead.emblem_alt)
    for line in letterhead:
        bidi.add_runs(ids.paragraph(header, "Letterhead"), line)


def _alt_text(paragraph: Paragraph, text: str) -> None:
    """Alternative text of the pictures in ``paragraph`` (wp:docPr/@descr), and no space
    around them: without distT/B/L/R, LibreOffice puts 0.32 cm around an inline picture,
    and the signature would stand 9 pt right of where the PDF has it."""
    for properties in paragraph._p.iter(qn("wp:docPr")):
        properties.set("descr", text)
    for inline in paragraph._p.iter(qn("wp:inline")):
        for side in ("distT", "distB", "distL", "distR"):
            inline.set(side, "0")
