"""Word styles: a theme in, the named styles of a DOCX out.

In: a python-docx ``Document`` and the template set's ``Theme``.
Out: the document's default font, size and language, and one named style for
every kind of paragraph (``specs``), all defined from the theme's values: the
same ones style.css is rendered from, so a theme change moves the PDF and the
DOCX together. The builder only ever chooses a style name.

Styles inherit: every paragraph style is based, directly or through another,
on Body Text and sets only what differs (no style but Normal names a font), so
an editor who changes Body Text's font in Word changes every paragraph, the
letterhead, headings and page numbers included.

Only these styles are kept: the ones the document uses, and the few an editor
reaches for (Heading 2 and 3, List Number, List Paragraph, Quote, Footnote Text
and Footnote Reference, Table Grid). The starting template's other styles,
in Calibri, Cambria and theme blue, are removed, and only the kept ones are
offered in Word's style gallery.

Lines are "at least" the theme's line height: at the theme's sizes every line
is exactly that high, as in the PDF, and text an editor makes larger gets
taller lines instead of overlapping ones.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import cast

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.styles.style import BaseStyle, ParagraphStyle

from hearing_docs.fonts import metrics
from hearing_docs.templateset.theme import Theme
from hearing_docs.word import numbering, template

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
    italic: bool | None = None
    size: float | None = None
    align: str | None = None
    space_before: float | None = None
    space_after: float | None = None
    left_indent: float | None = None
    right_indent: float | None = None
    keep_with_next: bool | None = None
    contextual: bool = False
    """No space between two paragraphs of this style: the items of one list."""
    outline: int | None = None
    """Outline level (0 is the top): what Word's navigation pane lists."""
    line_at_least: float | None = None
    """At least this line height (for a line holding a picture)."""
    line_height: float | None = None
    """Exactly this line height."""
    line_single: bool = False
    """Line height from the tallest thing on the line, so a picture is never clipped."""
    next: str | None = None
    """The style Word gives the paragraph an editor starts by pressing Enter."""


def specs(theme: Theme) -> dict[str, StyleSpec]:
    """Every paragraph style of the document, from the theme."""
    _text, letter, summary, p = theme.text, theme.letter, theme.summary, theme.page
    top, bottom = number_distances(theme)
    justify = "justify" if summary.justify else "left"
    # Based on Body Text like every other style, so the page numbers follow a font change too.
    page_number = StyleSpec(
        size=theme.page_numbers.size,
        align="center" if theme.page_numbers.position == "none" else theme.page_numbers.horizontal,
        space_after=0,
        line_single=True,
    )
    return {
        "Letterhead": StyleSpec(
            align="center", size=theme.letterhead.size, space_after=0, keep_with_next=True
        ),
        "Emblem": StyleSpec(
            based_on="Letterhead", line_single=True, space_after=theme.letterhead.emblem_space_after
        ),
        # The letter's entry in the navigation pane, beside the summary's title.
        "Date": StyleSpec(
            align=letter.date_align, space_before=theme.letterhead.space_after, outline=0
        ),
        "Salutation": StyleSpec(next="Body Text"),
        "Closing": StyleSpec(),
        "Signature": StyleSpec(
            left_indent=letter.signature_indent,
            space_after=0,
            line_at_least=letter.signature_height,
        ),
        "Signatory": StyleSpec(left_indent=letter.signature_indent, space_after=0),
        "Signatory Title": StyleSpec(based_on="Signatory"),
        "Reference": StyleSpec(),
        "Enclosure": StyleSpec(space_before=theme.text.paragraph_space, space_after=0),
        "Copies": StyleSpec(space_before=theme.text.paragraph_space, space_after=0),
        "Label": StyleSpec(align=summary.title_align, keep_with_next=True),
        # Several signatories side by side, each in a column of its own: no indent.
        "Side Signature": StyleSpec(
            based_on="Signature", left_indent=0, keep_with_next=True, align="left"
        ),
        "Side Signatory": StyleSpec(based_on="Signatory", left_indent=0, keep_with_next=True),
        "Side Signatory Title": StyleSpec(based_on="Side Signatory"),
        "Letter End": StyleSpec(space_after=0, line_height=1),
        # Room kept at the top of the letterhead's header and at the foot of the addressees'
        # footer: the letter's first page shares its margins with the page numbers of the
        # next pages, whose header and footer stand in the middle of the margins.
        "Header Space": StyleSpec(space_after=0, line_height=p.margin_top - top),
        "Footer Space": StyleSpec(space_after=0, line_height=p.margin_bottom - bottom),
        "Addressee": StyleSpec(space_after=0),
        "Title": StyleSpec(
            bold=True,
            align=summary.title_align,
            keep_with_next=True,
            outline=0,
            next="Meeting Date",
        ),
        "Meeting Date": StyleSpec(align=summary.title_align, keep_with_next=True),
        "Venue": StyleSpec(bold=True, align=summary.title_align, keep_with_next=True),
        "Heading 1": StyleSpec(bold=True, keep_with_next=True, next="Summary Text"),
        "Heading 2": StyleSpec(bold=True, italic=True, keep_with_next=True, next="Summary Text"),
        "Heading 3": StyleSpec(italic=True, keep_with_next=True, next="Summary Text"),
        "Summary Text": StyleSpec(align=justify),
        # Lists are based on Body Text, not Summary Text: LibreOffice drops the space
        # after a list whose style is based on the style of the paragraph that follows.
        "List Bullet": StyleSpec(align=justify, contextual=True),
        "List Number": StyleSpec(align=justify, contextual=True),
        # The letter's lists: flush left, as the letter's paragraphs are.
        "Letter Bullet": StyleSpec(based_on="List Bullet", align="left"),
        "Letter Number": StyleSpec(based_on="List Number", align="left"),
        "List Paragraph": StyleSpec(
            align=justify, left_indent=summary.list_indent, contextual=True
        ),
        "Numbered Paragraph": StyleSpec(based_on="Summary Text"),
        "Quote": StyleSpec(
            based_on="Summary Text",
            left_indent=summary.list_indent,
            right_indent=summary.list_indent,
            next="Summary Text",
        ),
        # The notes: as the PDF's, in the theme's size, each line exactly as high.
        "Footnote Text": StyleSpec(
            size=theme.footnotes.size,
            line_height=theme.footnotes.line_height,
            space_after=0,
            align=justify,
        ),
        # The paragraph of the rule above the notes, as high as the room it takes in the PDF.
        "Footnote Separator": StyleSpec(
            based_on="Footnote Text", line_height=theme.footnotes.separator_height
        ),
        # The page number's paragraph. Word's own header and footer styles, not a style
        # named "Page Number": that name belongs to Word's built-in character style.
        "Header": page_number,
        # Space above the number as wide as below it: the footer is then as high as the
        # margin, and what stands above the number (a letter's notations) ends where the
        # text does.
        "Footer": dataclasses.replace(page_number, space_before=bottom),
    }


def number_distances(theme: Theme) -> tuple[float, float]:
    """From the paper's top edge to the header, and from its bottom edge to the footer, in
    points: the page number's line centred in the margin, where the PDF sets it (Word
    measures to the line, as high as the font's ascent and descent)."""
    line = metrics.line_height(theme.text.fonts, (False, False), theme.page_numbers.size)
    return (theme.page.margin_top - line) / 2, (theme.page.margin_bottom - line) / 2


# Styles of the starting template kept as they are: they hold no font or colour.
_KEPT = ("Normal", "Default Paragraph Font", "Normal Table", "No List", "Table Grid")
_CHARACTER = {
    "Strong": {"bold": True},
    "Emphasis": {"italic": True},
    "Footnote Reference": {"superscript": True},
}


def define(document: Document, theme: Theme, language: str, script: str) -> None:
    """Set the document defaults, define every style of ``specs``, remove all others.

    ``script`` is the group of scripts ``language`` is written in (``glyphs.script_slot``):
    the slot of Word's language settings it takes. The lists are ``lists``' work."""
    table = specs(theme)
    # The others go first, and the styles left are looked up by name here: python-docx
    # walks every style of the document for each name it looks up.
    found = template.prune(document, {"Body Text", *table, *_CHARACTER, *_KEPT})
    _defaults(document, theme, language, script)
    body = _style(document, found, "Body Text")
    body.base_style = found["Normal"]
    _paragraph_format(body, theme, StyleSpec(space_after=theme.text.paragraph_space))
    for name, spec in table.items():
        style = _style(document, found, name)
        style.base_style = found[spec.based_on]
        _paragraph_format(style, theme, spec)
        if spec.bold is not None:
            style.font.bold = spec.bold
        if spec.italic is not None:
            style.font.italic = spec.italic
        if spec.size is not None:
            style.font.size = Pt(spec.size)
        _complex_script(style)
    for name, spec in table.items():
        if spec.next is not None:
            cast(ParagraphStyle, found[name]).next_paragraph_style = found[spec.next]
    for name, font in _CHARACTER.items():
        character = _style(document, found, name, WD_STYLE_TYPE.CHARACTER)
        for attribute, value in font.items():
            setattr(character.font, attribute, value)
        _complex_script(character)


def lists(document: Document, theme: Theme) -> None:
    """The bulleted and numbered lists of the theme (``numbering.py``), their markers
    measured in the theme's font."""

    def width(text: str) -> float:
        return metrics.width(text, theme.text.fonts, (False, False), theme.text.size)

    numbering.define(document, theme.summary.list_indent, width(f"{numbering.BULLET} "), width(" "))


# Word draws Arabic (and other complex-script runs) with the complex-script twins of
# bold, italic and size; each follows its Latin property in the run properties' order.
_TWINS = (("w:b", "w:bCs"), ("w:i", "w:iCs"), ("w:sz", "w:szCs"))


def _complex_script(style: BaseStyle) -> None:
    """Give ``style``'s complex-script runs the bold, italic and size of its Latin runs."""
    properties = style.element.rPr
    if properties is None:
        return
    for latin, twin in _TWINS:
        found = properties.find(qn(latin))
        if found is None or properties.find(qn(twin)) is not None:
            continue
        copy = OxmlElement(twin)
        for name, value in found.attrib.items():
            copy.set(name, value)
        found.addnext(copy)


def names(theme: Theme) -> list[str]:
    """Every style the document defines, in the order of docs/word.md."""
    return ["Body Text", *specs(theme), *_CHARACTER, *_KEPT]


def _style(
    document: Document,
    found: dict[str, BaseStyle],
    name: str,
    kind: WD_STYLE_TYPE = WD_STYLE_TYPE.PARAGRAPH,
) -> ParagraphStyle:
    """The style ``name`` of ``found``, made (and added to ``found``) when the template
    lacks it. Typed as a paragraph style, whose attributes a character style has too but
    ``paragraph_format``, which is only used on paragraph styles."""
    if name not in found:
        found[name] = document.styles.add_style(name, kind)
    style = cast(ParagraphStyle, found[name])
    style.hidden = False
    style.quick_style = True
    template.drop_theme_fonts(style)
    return style


def _paragraph_format(style: ParagraphStyle, theme: Theme, spec: StyleSpec) -> None:
    form = style.paragraph_format
    if spec.align is not None:
        form.alignment = ALIGN[spec.align]
    if spec.space_before is not None:
        form.space_before = Pt(spec.space_before)
    if spec.space_after is not None:
        form.space_after = Pt(spec.space_after)
    if spec.left_indent is not None:
        form.left_indent = Pt(spec.left_indent)
    if spec.right_indent is not None:
        form.right_indent = Pt(spec.right_indent)
    if spec.keep_with_next is not None:
        form.keep_with_next = spec.keep_with_next
    if spec.line_at_least is not None:
        form.line_spacing_rule = WD_LINE_SPACING.AT_LEAST
        form.line_spacing = Pt(spec.line_at_least)
    if spec.line_height is not None:
        form.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        form.line_spacing = Pt(spec.line_height)
    if spec.line_single:
        form.line_spacing_rule = WD_LINE_SPACING.SINGLE
    ppr = style.element.get_or_add_pPr()
    if spec.contextual:
        ppr.insert_element_before(OxmlElement("w:contextualSpacing"), *AFTER_CONTEXTUAL)
    if spec.outline is not None:
        level = OxmlElement("w:outlineLvl")
        level.set(qn("w:val"), str(spec.outline))
        ppr.insert_element_before(level, *_AFTER_OUTLINE)


# The elements that follow w:contextualSpacing and w:outlineLvl in w:pPr (ECMA-376 order).
_AFTER_OUTLINE = ("w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
AFTER_CONTEXTUAL = (
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    *_AFTER_OUTLINE,
)


def _faces(theme: Theme) -> dict[str, str]:
    """Word's face for each group of scripts: Latin, complex (Arabic), East Asian (Chinese)."""
    text = theme.text
    return {
        "w:ascii": text.font,
        "w:hAnsi": text.font,
        "w:cs": text.complex_script_fonts[0],
        "w:eastAsia": text.east_asian_fonts[0],
    }


def _defaults(document: Document, theme: Theme, language: str, script: str) -> None:
    """Document-wide font, size, colour, line pitch and language (w:docDefaults)."""
    normal = cast(ParagraphStyle, document.styles["Normal"])
    template.drop_theme_fonts(normal)
    normal.font.name = theme.text.font
    normal.font.size = Pt(theme.text.size)
    normal.font.color.rgb = RGBColor(0, 0, 0)
    form = normal.paragraph_format
    form.space_before = Pt(0)
    form.space_after = Pt(0)
    form.line_spacing_rule = WD_LINE_SPACING.AT_LEAST
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
    # The proofing language Word and LibreOffice give every run that does not name one:
    # with a region, since "en" alone is read as en-US and flags "programme". The
    # document's language goes to the slot of its script; Latin words inside Chinese or
    # Arabic (A/RES/70/290, NGLS) are English, as in the UN's documents, and so
    # LibreOffice does not break a number of them inside Chinese text as if Chinese.
    language = theme.text.proofing_language(language)
    lang = OxmlElement("w:lang")
    latin = language if script == "latin" else theme.text.proofing_language("en")
    lang.set(qn("w:val"), latin)
    for attribute in ("w:eastAsia", "w:bidi"):
        lang.set(qn(attribute), language)
    rpr.append(lang)
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    ppr.clear()
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), str(round(theme.text.line_height * 20)))
    spacing.set(qn("w:lineRule"), "atLeast")
    ppr.append(spacing)
