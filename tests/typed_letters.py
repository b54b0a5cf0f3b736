"""A corpus of letters and summaries typed in Word as clerks type them, made with
python-docx (never committed: each test makes them afresh).

Each maker returns a python-docx ``Document``; ``LETTERS`` names them. The habits:
everything in Normal with direct formatting; bold and centring for titles and
venues; a date right-aligned or pushed right with tabs; blank paragraphs for
spacing; a page break, a section break or only blank lines before the summary;
the addressee block at the end of the letter page or in the footer; the
letterhead typed as centred capitals, typed in the header, or missing; the
signatory with title lines; enclosure and copy lines; numbered and bulleted
lists; a summary opening with paragraphs before its first heading.
"""

from __future__ import annotations

import io
from collections.abc import Callable

import docx
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from PIL import Image

CENTER, RIGHT, JUSTIFY = (
    WD_ALIGN_PARAGRAPH.CENTER,
    WD_ALIGN_PARAGRAPH.RIGHT,
    WD_ALIGN_PARAGRAPH.JUSTIFY,
)

BODY = (
    "In accordance with General Assembly resolution 70/290, I convened an informal "
    "interactive multi-stakeholder hearing on 18 July 2016 as part of the preparatory "
    "process towards the high-level meeting on large movements of refugees and migrants.",
    "Please find attached the summary of the hearing, prepared under my responsibility.",
)
SUMMARY = (
    "Speakers called for safe, orderly and regular migration, and for the protection of "
    "the human rights of all migrants regardless of their status.",
    "Several participants stressed the role of local authorities and host communities in "
    "receiving refugees, and asked for predictable funding.",
    "The President thanked the participants and undertook to transmit the summary to all "
    "Member States ahead of the high-level meeting.",
)
ADDRESSEES = (
    "To all Permanent Representatives",
    "And Permanent Observers to the United Nations",
    "New York",
)


def _p(document, text="", align=None, bold=False, italic=False, style=None):  # type: ignore[no-untyped-def]
    paragraph = document.add_paragraph(style=style)
    if text:
        run = paragraph.add_run(text)
        run.bold, run.italic = bold or None, italic or None
    if align is not None:
        paragraph.alignment = align
    return paragraph


def _blank(document, count=1) -> None:  # type: ignore[no-untyped-def]
    for _ in range(count):
        document.add_paragraph()


def _page_break(document) -> None:  # type: ignore[no-untyped-def]
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _signature_png() -> bytes:
    image = Image.new("RGB", (240, 80), "white")
    for x in range(20, 220):
        image.putpixel((x, 40 + (x % 17) - 8), (0, 0, 0))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def normal_with_direct_formatting():  # type: ignore[no-untyped-def]
    """All in Normal: letterhead as bold centred capitals, right-aligned date, title lines,
    a page break in an empty paragraph, typed bullets."""
    d = docx.Document()
    for line in ("THE PRESIDENT", "OF THE", "GENERAL ASSEMBLY"):
        _p(d, line, CENTER, bold=True)
    _blank(d, 2)
    _p(d, "22 July 2016", RIGHT)
    _blank(d)
    _p(d, "Excellency,")
    _blank(d)
    for text in BODY:
        _p(d, text, JUSTIFY)
        _blank(d)
    _p(d, "Please accept, Excellency, the assurances of my highest consideration.")
    _blank(d, 3)
    _p(d, "Mogens Lykketoft")
    _p(d, "President of the seventieth session of the General Assembly")
    _blank(d, 4)
    for line in ADDRESSEES:
        _p(d, line)
    _page_break(d)
    _p(d, "Summary of the President of the General Assembly", CENTER, bold=True)
    _p(d, "on the informal interactive multi-stakeholder hearing", CENTER, bold=True)
    _p(d, "18 July 2016", CENTER)
    _p(d, "Conference Room 4", CENTER, bold=True)
    _p(d, "United Nations Headquarters, New York", CENTER, bold=True)
    _blank(d)
    _p(d, "Overview", bold=True)
    _p(d, SUMMARY[0], JUSTIFY)
    _p(d, "Participants asked for:", JUSTIFY)
    _p(d, "\u2022\tsafe and legal pathways;")
    _p(d, "\u2022\taccess to education for every child.")
    _p(d, "Closing segment", bold=True)
    _p(d, SUMMARY[2], JUSTIFY)
    return d


def tabs_picture_and_section_break():  # type: ignore[no-untyped-def]
    """No letterhead; a date pushed right with tabs; an italic title in the body; a
    signature picture; addressees with line breaks; a section break before a summary
    that opens without a heading; Word's own bullets; Heading 1 headings."""
    d = docx.Document()
    _p(d, "\t\t\t\t\t\t18 August 2016")
    _p(d, "Excellency,")
    paragraph = _p(d, "I have the honour to refer to the ")
    paragraph.add_run("New York Declaration for Refugees and Migrants").italic = True
    paragraph.add_run(", adopted at the high-level meeting.")
    _p(d, BODY[1])
    _p(d, "Please accept, Excellency, the assurances of my highest consideration.")
    d.add_paragraph().add_run().add_picture(io.BytesIO(_signature_png()))
    _p(d, "Peter Thomson")
    paragraph = _p(d, ADDRESSEES[0])
    for line in ADDRESSEES[1:]:
        run = paragraph.add_run()
        run.add_break()
        run.add_text(line)
    d.add_section(WD_SECTION.NEW_PAGE)
    _p(d, "Summary of the hearing on refugees and migrants", CENTER, bold=True)
    _p(d, "18 July 2016", CENTER)
    _p(d, "Trusteeship Council Chamber", CENTER, bold=True)
    _p(d, "The following is a summary of the key issues raised at the hearing.", JUSTIFY)
    d.add_paragraph("Main messages", style="Heading 1")
    _p(d, SUMMARY[1], JUSTIFY)
    d.add_paragraph("predictable funding for host communities", style="List Bullet")
    d.add_paragraph("a stronger role for cities", style="List Bullet")
    _p(d, SUMMARY[2], JUSTIFY)
    return d


def letterhead_in_header_with_notations():  # type: ignore[no-untyped-def]
    """The letterhead in the page header; a US date; "Sir," and another close;
    enclosure and copy lines; the summary's title with a page break before it."""
    d = docx.Document()
    header = d.sections[0].header
    header.paragraphs[0].text = "THE PRESIDENT OF THE GENERAL ASSEMBLY"
    header.paragraphs[0].alignment = CENTER
    _p(d, "July 22, 2016", RIGHT)
    _p(d, "Sir,")
    _p(d, BODY[0], JUSTIFY)
    _p(d, "Accept, Sir, the assurances of my highest consideration.")
    _blank(d, 2)
    _p(d, "Mogens Lykketoft")
    _blank(d)
    for line in ADDRESSEES:
        _p(d, line)
    _blank(d)
    _p(d, "Enclosure")
    _p(d, "cc: Secretary-General")
    title = _p(d, "Summary of the hearing", CENTER, bold=True)
    title.paragraph_format.page_break_before = True
    _p(d, "18 July 2016", CENTER)
    _p(d, "ECOSOC Chamber", CENTER, bold=True)
    _p(d, "Opening", bold=True)
    _p(d, SUMMARY[0], JUSTIFY)
    _p(d, "Conclusion", bold=True)
    _p(d, SUMMARY[2], JUSTIFY)
    return d


def spaced_out_with_inline_bold():  # type: ignore[no-untyped-def]
    """Blank paragraphs everywhere; a weekday in the date; a word in bold inside a
    paragraph; the title one paragraph with line breaks; a closing row of stars."""
    d = docx.Document()
    _blank(d, 3)
    _p(d, "Monday, 25 July 2016", RIGHT)
    _blank(d, 2)
    _p(d, "Excellency,")
    _blank(d, 2)
    paragraph = _p(d, "The hearing was ", align=JUSTIFY)
    paragraph.add_run("well attended").bold = True
    paragraph.add_run(", with about 300 representatives of civil society present.")
    _blank(d, 2)
    _p(d, BODY[1], JUSTIFY)
    _blank(d, 2)
    _p(d, "Please accept, Excellency, the assurances of my highest consideration.")
    _blank(d, 5)
    _p(d, "Mogens Lykketoft")
    _blank(d, 6)
    for line in ADDRESSEES:
        _p(d, line)
    _page_break(d)
    _blank(d, 2)
    title = _p(d, "Summary of the President", CENTER, bold=True)
    run = title.add_run()
    run.bold = True
    run.add_break()
    run.add_text("of the 70th session of the General Assembly")
    _blank(d)
    _p(d, "18 July 2016", CENTER)
    _blank(d)
    _p(d, "Conference Room 4", CENTER, bold=True)
    _blank(d, 2)
    _p(d, "Overview", bold=True)
    _blank(d)
    _p(d, SUMMARY[0], JUSTIFY)
    _blank(d)
    _p(d, SUMMARY[1], JUSTIFY)
    _blank(d)
    _p(d, "* * *", CENTER)
    return d


def two_pages_and_a_numbered_list():  # type: ignore[no-untyped-def]
    """A letter running over a page break of its own, with a typed numbered list."""
    d = docx.Document()
    _p(d, "THE PRESIDENT OF THE GENERAL ASSEMBLY", CENTER)
    _p(d, "5 September 2016", RIGHT)
    _p(d, "Excellency,")
    _p(d, "I have the honour to inform you of the following arrangements:")
    _p(d, "1.\tThe hearing will take place in Conference Room 4.")
    _p(d, "2.\tSpeakers will have three minutes each.")
    for text in BODY:
        _p(d, text)
    _page_break(d)
    _p(d, "I look forward to your participation in the hearing.")
    _p(d, "Please accept, Excellency, the assurances of my highest consideration.")
    _p(d, "Peter Thomson")
    _p(d, "President of the General Assembly")
    _blank(d)
    for line in ADDRESSEES:
        _p(d, line)
    _page_break(d)
    _p(d, "Summary", CENTER, bold=True)
    _p(d, "5 September 2016", CENTER)
    _p(d, "General Assembly Hall", CENTER, bold=True)
    _p(d, "Arrangements", bold=True)
    _p(d, SUMMARY[0])
    return d


def word_styles_and_dashes():  # type: ignore[no-untyped-def]
    """Word's Title style, "Dear Colleagues," and "Yours sincerely,", two title lines,
    Heading 2 headings, bullets typed with dashes, the addressees in the footer."""
    d = docx.Document()
    footer = d.sections[0].footer
    footer.paragraphs[0].text = "To all Permanent Representatives"
    footer.add_paragraph("New York")
    _p(d, "13 April 2027", RIGHT)
    _p(d, "Dear Colleagues,")
    _p(d, BODY[0])
    _p(d, "Yours sincerely,")
    _blank(d, 2)
    _p(d, "Amara Lindqvist-Osei")
    _p(d, "President of the General Assembly")
    _p(d, "Eighty-first session")
    _page_break(d)
    d.add_paragraph("Summary of the hearing on water", style="Title")
    _p(d, "6 April 2027", CENTER)
    _p(d, "Trusteeship Council Chamber", CENTER)
    d.add_paragraph("Proposals", style="Heading 2")
    _p(d, "Participants proposed:")
    _p(d, "- regular testing of water quality;")
    _p(d, "- training of local technicians.")
    d.add_paragraph("Follow-up", style="Heading 2")
    _p(d, SUMMARY[2])
    return d


def address_at_the_top():  # type: ignore[no-untyped-def]
    """An emblem picture in the header; the place before the date; the addressee typed
    above the salutation instead of at the foot; the summary in Word's Heading styles."""
    d = docx.Document()
    d.sections[0].header.paragraphs[0].add_run().add_picture(io.BytesIO(_signature_png()))
    _p(d, "New York, 12 May 2019", RIGHT)
    _p(d, "H.E. Ms. Jane Doe")
    _p(d, "Permanent Representative of Exampleland to the United Nations")
    _p(d, "New York")
    _p(d, "Excellency,")
    _p(d, BODY[1])
    _p(d, "Please accept, Excellency, the assurances of my highest consideration.")
    _p(d, "María Fernanda Espinosa Garcés")
    _page_break(d)
    d.add_paragraph("Summary of the interactive dialogue", style="Heading 1")
    _p(d, "10 May 2019", CENTER)
    d.add_paragraph("Key messages", style="Heading 2")
    _p(d, SUMMARY[0])
    return d


def no_break_before_the_summary():  # type: ignore[no-untyped-def]
    """No page break at all: the summary starts at a bold centred title after blank lines;
    its headings are numbered and bold."""
    d = docx.Document()
    _p(d, "22 July 2016", RIGHT)
    _p(d, "Excellency,")
    _p(d, BODY[0])
    _p(d, "Please accept, Excellency, the assurances of my highest consideration.")
    _p(d, "Mogens Lykketoft")
    _blank(d)
    for line in ADDRESSEES:
        _p(d, line)
    _blank(d, 3)
    _p(d, "Summary of the hearing", CENTER, bold=True)
    _p(d, "18 July 2016", CENTER)
    _p(d, "Conference Room 4", CENTER)
    _p(d, "I. Overview", bold=True)
    _p(d, SUMMARY[0])
    _p(d, "II. Closing", bold=True)
    _p(d, SUMMARY[2])
    return d


def co_signed_in_a_table_with_a_reference():  # type: ignore[no-untyped-def]
    """A reference and "Confidential" above the date; two co-signers side by side in a
    table; a page number typed in the summary's footer; a letterhead table in the header."""
    d = docx.Document()
    head = d.sections[0].header.add_table(rows=1, cols=1, width=d.sections[0].page_width)
    head.cell(0, 0).text = "THE PRESIDENT OF THE GENERAL ASSEMBLY"
    _p(d, "Ref.: PGA/71/2017/14")
    _p(d, "Confidential")
    _p(d, "3 March 2017", RIGHT)
    _p(d, "Excellency,")
    _p(d, "We have the honour to write to you as co-facilitators of the negotiations.")
    _p(d, BODY[1])
    _p(d, "Please accept, Excellency, the assurances of our highest consideration.")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Jane Doe"
    table.cell(0, 1).text = "John Roe"
    table.cell(1, 0).text = "Permanent Representative of Exampleland"
    table.cell(1, 1).text = "Permanent Representative of Otherland"
    _blank(d)
    for line in ADDRESSEES:
        _p(d, line)
    d.add_section(WD_SECTION.NEW_PAGE)
    footer = d.sections[1].footer
    footer.is_linked_to_previous = False
    footer.paragraphs[0].text = "Page 2"
    _p(d, "Summary of the informal consultations", CENTER, bold=True)
    _p(d, "1 March 2017", CENTER)
    _p(d, "Conference Room 1", CENTER, bold=True)
    _p(d, "Informal summary", CENTER, italic=True)
    _p(d, "OVERVIEW")
    _p(d, SUMMARY[1], JUSTIFY)
    return d


LETTERS: dict[str, Callable[[], docx.document.Document]] = {
    maker.__name__: maker
    for maker in (
        normal_with_direct_formatting,
        tabs_picture_and_section_break,
        letterhead_in_header_with_notations,
        spaced_out_with_inline_bold,
        two_pages_and_a_numbered_list,
        word_styles_and_dashes,
        no_break_before_the_summary,
    )
}
