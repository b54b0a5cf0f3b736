"""Word styles: a theme in, the named styles of a DOCX out.

In: a python-docx ``Document`` and the template set's ``Theme``.
Out: the document's default font, size and language, and one named style for
every kind of paragraph (``STYLES``), all defined from the theme's values: the
same ones style.css is rendered from, so a theme change moves the PDF and the
DOCX together. ``word.py`` only ever chooses a style name.

Styles inherit: every paragraph style is based, directly or through another,
on Body Text and sets only what differs (no style but Normal names a font), so
an editor who changes Body Text's font in Word changes every paragraph, the
letterhead, headings and page numbers included.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, RGBColor
from docx.styles.style import BaseStyle

from hearing_docs.templateset.theme import Theme

ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


@dataclass(frozen=True)
class StyleSpec:
    """What a paragraph style changes from the style it is based on."""

    based_on: str = "Body Text"
    bold: bool | None = None
    size: float | None = None
    align: str | None = None
    space_before: float | None = None
    space_after: float | None = None
    left_indent: float | None = None
    first_line_indent: float | None = None
    """Negative: a hanging indent (the bullet of a list item)."""
    keep_with_next: bool | None = None
    line_exact: float | None = None
    """At least this line height (for a line holding a picture)."""
    line_single: bool = False
    """Line height from the tallest thing on the line, so a picture is never clipped."""
    next: str | None = None
    """The style Word gives the paragraph an editor starts by pressing Enter."""


def specs(theme: Theme) -> dict[str, StyleSpec]:
    """Every paragraph style of the document, from the theme."""
    _text, letter, summary = theme.text, theme.letter, theme.summary
    justify = "justify" if summary.justify else "left"
    # Based on Body Text like every other style, so the page numbers follow a font change too.
    page_number = StyleSpec(
        size=theme.page_numbers.size,
        align="center" if theme.page_numbers.position == "none" else theme.page_numbers.horizontal,
        space_after=0,
    )
    return {
        "Letterhead": StyleSpec(
            align="center", size=theme.letterhead.size, space_after=0, keep_with_next=True
        ),
        "Emblem": StyleSpec(
            based_on="Letterhead", line_single=True, space_after=theme.letterhead.emblem_space_after
        ),
        "Date": StyleSpec(align=letter.date_align, space_before=theme.letterhead.space_after),
        "Salutation": StyleSpec(next="Body Text"),
        "Closing": StyleSpec(),
        "Signature": StyleSpec(
            left_indent=letter.signature_indent, space_after=0, line_exact=letter.signature_height
        ),
        "Signatory": StyleSpec(left_indent=letter.signature_indent, space_after=0),
        "Addressee": StyleSpec(space_after=0),
        "Title": StyleSpec(bold=True, align=summary.title_align, keep_with_next=True),
        "Meeting Date": StyleSpec(align=summary.title_align, keep_with_next=True),
        "Venue": StyleSpec(bold=True, align=summary.title_align, keep_with_next=True),
        "Heading 1": StyleSpec(bold=True, keep_with_next=True, next="Summary Text"),
        "Summary Text": StyleSpec(align=justify),
        # The bullet (from the numbering the default template ties to List Bullet) hangs at
        # bullet_indent, the text starts at list_indent, as in the style sheet.
        "List Bullet": StyleSpec(
            based_on="Summary Text",
            left_indent=summary.list_indent,
            first_line_indent=summary.bullet_indent - summary.list_indent,
        ),
        "Numbered Paragraph": StyleSpec(based_on="Summary Text"),
        # The page number's paragraph. Word's own header and footer styles, not a style
        # named "Page Number": that name belongs to Word's built-in character style.
        "Header": page_number,
        "Footer": page_number,
    }


def define(document: Document, theme: Theme, language: str) -> None:
    """Set the document defaults and define every style of ``specs``."""
    _defaults(document, theme, language)
    styles = document.styles
    body = _style(document, "Body Text")
    body.base_style = styles["Normal"]
    _paragraph_format(body, theme, StyleSpec(space_after=theme.text.paragraph_space))
    for name, spec in specs(theme).items():
        style = _style(document, name)
        style.base_style = styles[spec.based_on]
        _paragraph_format(style, theme, spec)
        if spec.bold is not None:
            style.font.bold = spec.bold
        if spec.size is not None:
            style.font.size = Pt(spec.size)
    for name, spec in specs(theme).items():
        if spec.next is not None:
            styles[name].next_paragraph_style = styles[spec.next]
    for name, bold, italic in (("Strong", True, None), ("Emphasis", None, True)):
        character = _style(document, name, WD_STYLE_TYPE.CHARACTER)
        character.font.bold, character.font.italic = bold, italic
    _number_paragraphs(document, styles["Numbered Paragraph"])


def _number_paragraphs(document: Document, style: BaseStyle) -> None:
    """Tie ``style`` to a list numbered "1. ", "2. ", ... that runs through the document.

    The number stands at the start of the paragraph's first line, followed by a
    space, as the style sheet's counter puts it in the PDF; Word and LibreOffice
    renumber the paragraphs when an editor adds or removes one.
    """
    numbering = document.part.numbering_part.element
    ids = [int(n.get(qn("w:abstractNumId"))) for n in numbering.findall(qn("w:abstractNum"))]
    abstract_id = max(ids, default=-1) + 1
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        '<w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:suff w:val="space"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>'
        '<w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr></w:lvl></w:abstractNum>'
    )
    existing = numbering.findall(qn("w:abstractNum"))
    if existing:
        existing[-1].addnext(abstract)
    else:
        numbering.insert(0, abstract)
    num = numbering.add_num(abstract_id)
    number_properties = style.element.get_or_add_pPr().get_or_add_numPr()
    number_properties.get_or_add_numId().val = num.numId


def _style(
    document: Document, name: str, kind: WD_STYLE_TYPE = WD_STYLE_TYPE.PARAGRAPH
) -> BaseStyle:
    styles = document.styles
    style = styles[name] if name in styles else styles.add_style(name, kind)
    style.hidden = False
    style.quick_style = True
    _drop_theme_fonts(style)
    return style


def _drop_theme_fonts(style: BaseStyle) -> None:
    """Remove theme fonts and colours, which would override the theme's face in Word."""
    rpr = style.element.rPr
    if rpr is None:
        return
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None:
        rpr.remove(fonts)
    for tag in ("w:color", "w:sz", "w:szCs", "w:i", "w:iCs", "w:b", "w:bCs", "w:spacing", "w:kern"):
        element = rpr.find(qn(tag))
        if element is not None:
            rpr.remove(element)
    ppr = style.element.pPr
    if ppr is not None:
        for tag in ("w:pBdr", "w:spacing", "w:contextualSpacing"):
            element = ppr.find(qn(tag))
            if element is not None:
                ppr.remove(element)


def _paragraph_format(style: BaseStyle, theme: Theme, spec: StyleSpec) -> None:
    form = style.paragraph_format
    if spec.align is not None:
        form.alignment = ALIGN[spec.align]
    if spec.space_before is not None:
        form.space_before = Pt(spec.space_before)
    if spec.space_after is not None:
        form.space_after = Pt(spec.space_after)
    if spec.left_indent is not None:
        form.left_indent = Pt(spec.left_indent)
    if spec.first_line_indent is not None:
        form.first_line_indent = Pt(spec.first_line_indent)
    if spec.keep_with_next is not None:
        form.keep_with_next = spec.keep_with_next
    if spec.line_exact is not None:
        form.line_spacing_rule = WD_LINE_SPACING.AT_LEAST
        form.line_spacing = Pt(spec.line_exact)
    if spec.line_single:
        form.line_spacing_rule = WD_LINE_SPACING.SINGLE


def _faces(theme: Theme) -> dict[str, str]:
    """Word's face for each group of scripts: Latin, complex (Arabic), East Asian (Chinese)."""
    text = theme.text
    return {
        "w:ascii": text.font,
        "w:hAnsi": text.font,
        "w:cs": text.complex_script_fonts[0],
        "w:eastAsia": text.east_asian_fonts[0],
    }


def _defaults(document: Document, theme: Theme, language: str) -> None:
    """Document-wide font, size, colour, line pitch and language (w:docDefaults)."""
    normal = document.styles["Normal"]
    _drop_theme_fonts(normal)
    normal.font.name = theme.text.font
    normal.font.size = Pt(theme.text.size)
    normal.font.color.rgb = RGBColor(0, 0, 0)
    form = normal.paragraph_format
    form.space_before = Pt(0)
    form.space_after = Pt(0)
    form.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    form.line_spacing = Pt(theme.text.line_height)
    form.widow_control = True
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute, face in _faces(theme).items():
        fonts.set(qn(attribute), face)
    defaults = document.styles.element.find(qn("w:docDefaults"))
    # The defaults hold the theme's values too, so a style an editor adds starts from them.
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    rpr.clear()
    default_fonts = OxmlElement("w:rFonts")
    for attribute, face in _faces(theme).items():
        default_fonts.set(qn(attribute), face)
    rpr.append(default_fonts)
    half_points = str(round(theme.text.size * 2))
    for tag in ("w:sz", "w:szCs"):
        size = OxmlElement(tag)
        size.set(qn("w:val"), half_points)
        rpr.append(size)
    # The proofing language Word and LibreOffice give every run that does not name one.
    lang = OxmlElement("w:lang")
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attribute), language)
    rpr.append(lang)
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    ppr.clear()
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), str(round(theme.text.line_height * 20)))
    spacing.set(qn("w:lineRule"), "exact")
    ppr.append(spacing)
