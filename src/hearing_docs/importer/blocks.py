"""Reading a DOCX: the file in, a neutral list of paragraphs (blocks) out.

In: the bytes of a DOCX.
Out: a ``Reading``: the paragraphs of the body, of the headers and of the
footers in document order, each a ``Block`` with its style name, alignment,
runs of text with their bold and italic, its pictures, and the page or
section break after it; plus the tables, text boxes, tracked changes,
comments and footnotes found on the way.

The text is read from the XML itself, not from python-docx's ``runs``, so
that text inside hyperlinks, fields, content controls and tracked insertions
is kept. Tracked changes are read as accepted: inserted text is kept, deleted
text dropped, and a deleted paragraph mark joins two paragraphs; the number
found is reported so that the command can say so.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from typing import cast

import docx
from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.styles.style import BaseStyle, ParagraphStyle

from hearing_docs.errors import ContentError, Problem
from hearing_docs.importer import lists

PAGE_BREAK = "\f"
"""Where a page break stands in a paragraph's text."""
_TEXT_BOX = (qn("w:txbxContent"),)
_DESCEND = {
    qn("w:hyperlink"),
    qn("w:smartTag"),
    qn("w:customXml"),
    qn("w:sdt"),
    qn("w:sdtContent"),
    qn("w:ins"),
    qn("w:moveTo"),
    qn("w:fldSimple"),
    qn("w:bdo"),
    qn("w:dir"),
}
_TRACKED = {qn("w:ins"), qn("w:del"), qn("w:moveFrom"), qn("w:moveTo")}
_FORMAT_CHANGES = (qn("w:rPrChange"), qn("w:pPrChange"))
_SKIP = {qn("w:del"), qn("w:moveFrom")}
_ALIGN = {"center": "center", "right": "right", "end": "right", "both": "justify"}
_ALIGN.update({"distribute": "justify", "left": "left", "start": "left"})


@dataclass(frozen=True)
class Span:
    """Text with the bold and italic set on the run or its character style (None: not set)."""

    text: str
    bold: bool | None = None
    italic: bool | None = None
    field: bool = False
    """Shown by a field (a page number): Word and LibreOffice update it."""
    note: list[Span] | None = None
    """A footnote's reference (``text`` is empty): the spans of the note's text."""


@dataclass
class Block:
    """One paragraph of the document, as read."""

    number: int
    """1-based, counted over the paragraphs of the part (body, header or footer)."""
    part: str  # "body", "header" or "footer"
    section: int
    style: str
    alignment: str  # left, center, right or justify
    spans: list[Span] = field(default_factory=list)
    style_bold: bool = False
    style_italic: bool = False
    pictures: list[Picture] = field(default_factory=list)
    numbered: bool = False
    """A list paragraph: Word numbering on the paragraph or its style."""
    numbering: lists.ListOf = field(default_factory=lists.ListOf)
    """The list it is an item of, when it is numbered."""
    own_list: bool = False
    """The numbering is set on the paragraph itself, not only by its style."""
    page_break: bool = False
    """A page break inside or before the paragraph (not a section break)."""
    page_before: bool = False
    """The paragraph starts a page ("page break before")."""
    section_break: bool = False
    """The paragraph ends a section."""
    new_page: bool = False
    """The section it ends is followed by one that starts on a new page."""
    text_box: bool = False
    first_page: bool = False
    """In the header or footer of its section's first page only (a different first page)."""
    in_table: bool = False
    cell: tuple[int, int, int] | None = None
    """For a paragraph in a table of the body: the table's number, its row and column."""
    footnotes: list[int] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)

    @property
    def list_format(self) -> str:
        """The number format of its list (``bullet``, ``decimal``...), or empty."""
        return self.numbering.form

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)

    @property
    def fixed_text(self) -> str:
        """The text without what fields show (page numbers), which changes on every update."""
        return "".join(span.text for span in self.spans if not span.field)

    @property
    def lines(self) -> list[str]:
        """The text split at line breaks, each line stripped, empty ones left out."""
        return [line.strip() for line in self.text.split("\n") if line.strip()]

    def place(self) -> str:
        """Where it is, for a person: 'paragraph 12 ("Please find attached ...")'."""
        where = {"body": "paragraph", "header": "header paragraph", "footer": "footer paragraph"}
        words = " ".join(self.text.split()[:6])
        more = " ..." if len(self.text.split()) > 6 else ""
        return (
            f'{where[self.part]} {self.number} ("{words}{more}")'
            if words
            else (f"{where[self.part]} {self.number}")
        )


@dataclass(frozen=True)
class Picture:
    data: bytes | None
    content_type: str
    description: str


@dataclass
class Reading:
    """Everything read from one DOCX."""

    blocks: list[Block]
    tables: list[int] = field(default_factory=list)
    """For each table in the body, the number of the paragraph after which it stands."""
    tracked_changes: int = 0
    comments: list[str] = field(default_factory=list)
    footnotes: dict[int, str] = field(default_factory=dict)
    styles_used: set[str] = field(default_factory=set)

    def body(self) -> list[Block]:
        return [block for block in self.blocks if block.part == "body"]


def read(data: bytes, shown: str) -> Reading:
    """Read a DOCX, or raise a ``ContentError`` naming the file when it is not one."""
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise ContentError(Problem(shown, f"is not a Word document (DOCX): {error}")) from None
    return _Reader(document).read()


class _Reader:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.reading = Reading(blocks=[])
        self.counts = {"body": 0, "header": 0, "footer": 0}
        self.field_depth: list[bool] = []  # per open field: True once its result begins
        self.joining: Block | None = None  # a paragraph whose mark was deleted
        self.note_spans: dict[int, list[Span]] = {}  # each footnote's text, by its id

    def read(self) -> Reading:
        # The notes first: a reference in the body takes its note's text with it.
        self._footnotes()
        body = self.document.element.body
        section = 0
        for child in self._children(body):
            if child.tag == qn("w:p"):
                block = self._paragraph(child, "body", section, self.document.part)
                if block is not None and block.section_break:
                    section += 1
            elif child.tag == qn("w:tbl"):
                self.reading.tables.append(self.counts["body"])
                for row, column, paragraph in _cells(child):
                    block = self._paragraph(paragraph, "body", section, self.document.part)
                    if block is not None:
                        block.in_table = True
                        block.cell = (len(self.reading.tables), row, column)
        self._headers_and_footers()
        return self.reading

    def _children(self, element):
        """Paragraphs and tables of a container, looking through content controls."""
        for child in element:
            if child.tag in (qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")):
                yield from self._children(child)
            elif child.tag in (qn("w:p"), qn("w:tbl")):
                yield child

    def _headers_and_footers(self) -> None:
        for index, section in enumerate(self.document.sections):
            for kind, parts in (
                ("header", (section.first_page_header, section.header, section.even_page_header)),
                ("footer", (section.first_page_footer, section.footer, section.even_page_footer)),
            ):
                first_page = section.different_first_page_header_footer
                for part, first in zip(parts, (first_page, False, False), strict=True):
                    if part.is_linked_to_previous:
                        continue
                    for child in self._children(part._element):
                        paragraphs = [child] if child.tag == qn("w:p") else child.iter(qn("w:p"))
                        for paragraph in paragraphs:
                            block = self._paragraph(paragraph, kind, index, part.part)
                            if block is not None and child.tag == qn("w:tbl"):
                                block.in_table = True
                            if block is not None:
                                block.first_page = first

    def _footnotes(self) -> None:
        for rel in self.document.part.rels.values():
            if rel.reltype.endswith("/footnotes") and not rel.is_external:
                root = parse_xml(rel.target_part.blob)
                for note in root.iter(qn("w:footnote")):
                    if note.get(qn("w:type")) in ("separator", "continuationSeparator"):
                        continue
                    number = int(note.get(qn("w:id")))
                    text = "".join(t.text or "" for t in note.iter(qn("w:t")))
                    self.reading.footnotes[number] = " ".join(text.split())
                    # The note's runs, read as a paragraph's are (its number is a
                    # footnoteRef, which gives no text); paragraphs joined by spaces.
                    held = Block(0, "body", 0, "Footnote Text", "left")
                    for paragraph in note.iter(qn("w:p")):
                        if held.spans:
                            held.spans.append(Span(" "))
                        self._content(paragraph, held, rel.target_part)
                    self.note_spans[number] = held.spans

    def _paragraph(self, element, part: str, section: int, owner) -> Block | None:
        style = self._style(element, owner)
        self.counts[part] += 1
        properties = element.pPr
        block = Block(
            number=self.counts[part],
            part=part,
            section=section,
            style=style.name if style is not None else "Normal",
            alignment=self._alignment(element, style),
        )
        self.reading.styles_used.add(block.style)
        block.style_bold = bool(_style_flag(style, "bold"))
        block.style_italic = bool(_style_flag(style, "italic"))
        if properties is not None:
            ends = properties.find(qn("w:sectPr"))  # the properties of a section it ends
            block.section_break = ends is not None
            kind = ends.find(qn("w:type")) if ends is not None else None
            block.new_page = ends is not None and (
                kind is None or kind.get(qn("w:val")) != "continuous"
            )
            block.page_before = _flag(properties, "w:pageBreakBefore") is True
            block.page_break = block.page_before
            block.numbered = properties.find(qn("w:numPr")) is not None
            block.own_list = block.numbered
            mark = properties.find(qn("w:rPr"))
            if mark is not None and any(mark.find(t) is not None for t in _TRACKED):
                self.reading.tracked_changes += 1
        if not block.numbered and style is not None:
            block.numbered = _style_numbered(style)
        if block.numbered:
            block.numbering = lists.list_of(self.document, element, style)
        self._content(element, block, owner)
        joined = self.joining
        self.joining = None
        mark = properties.find(qn("w:rPr")) if properties is not None else None
        if mark is not None and mark.find(qn("w:del")) is not None:
            # A deleted paragraph mark, accepted: this paragraph runs on into the next.
            self.joining = joined or block
        if joined is not None:
            joined.spans.extend([Span(" "), *block.spans])
            joined.pictures.extend(block.pictures)
            joined.section_break = block.section_break
            joined.new_page = block.new_page
            joined.footnotes.extend(block.footnotes)
            joined.comments.extend(block.comments)
            return joined
        self.reading.blocks.append(block)
        return block

    def _style(self, element, owner) -> BaseStyle | None:
        style_id = element.style
        styles = self.document.styles
        try:
            return styles.get_by_id(style_id, 1) if style_id else styles.default(1)
        except (KeyError, ValueError):
            return styles.default(1)

    def _alignment(self, element, style) -> str:
        properties = element.pPr
        jc = properties.find(qn("w:jc")) if properties is not None else None
        while jc is None and style is not None:
            style_properties = style.element.pPr
            jc = style_properties.find(qn("w:jc")) if style_properties is not None else None
            style = cast(ParagraphStyle, style).base_style
        return _ALIGN.get(jc.get(qn("w:val")), "left") if jc is not None else "left"

    def _content(self, element, block: Block, owner) -> None:
        for child in element:
            tag = child.tag
            if tag in _TRACKED:
                self.reading.tracked_changes += 1
            if tag in _SKIP:
                continue
            if tag == qn("w:r"):
                self._run(child, block, owner)
            elif tag in _DESCEND:
                self._content(child, block, owner)
            elif tag == qn("w:commentRangeStart"):
                self._comment(child.get(qn("w:id")), block)
            elif tag == qn("w:pPr") and any(True for _ in child.iter(*_FORMAT_CHANGES)):
                self.reading.tracked_changes += 1

    def _comment(self, comment_id: str | None, block: Block) -> None:
        try:
            comment = self.document.comments.get(int(comment_id or ""))
        except (ValueError, KeyError):
            comment = None
        if comment is not None:
            text = " ".join(comment.text.split())
            note = f"comment by {comment.author or 'someone'} on {{place}}: {text}"
            block.comments.append(note)

    def _run(self, run, block: Block, owner) -> None:
        properties = run.rPr
        bold = italic = None
        hidden = False
        if properties is not None:
            if any(True for _ in properties.iter(qn("w:rPrChange"))):
                self.reading.tracked_changes += 1
            bold, italic = _flag(properties, "w:b"), _flag(properties, "w:i")
            hidden = bool(_flag(properties, "w:vanish"))
            style_id = properties.find(qn("w:rStyle"))
            if style_id is not None:
                try:
                    style = self.document.styles.get_by_id(style_id.get(qn("w:val")), 2)
                except (KeyError, ValueError):
                    style = None
                bold = bold if bold is not None else _style_flag(style, "bold")
                italic = italic if italic is not None else _style_flag(style, "italic")
        for child in run:
            tag = child.tag
            if tag == qn("w:fldChar"):
                kind = child.get(qn("w:fldCharType"))
                if kind == "begin":
                    self.field_depth.append(False)
                elif kind == "separate" and self.field_depth:
                    self.field_depth[-1] = True
                elif kind == "end" and self.field_depth:
                    self.field_depth.pop()
                continue
            if self.field_depth and not self.field_depth[-1]:
                continue  # the instruction of a field, not its shown result
            text = None
            if tag == qn("w:t"):
                text = child.text or ""
            elif tag in (qn("w:tab"), qn("w:ptab")):
                text = "\t"
            elif tag in (qn("w:br"), qn("w:cr")):
                if child.get(qn("w:type")) == "page":
                    block.page_break = True
                    block.spans.append(Span(PAGE_BREAK))
                    continue
                if child.get(qn("w:type")) == "column":
                    continue
                text = "\n"
            elif tag == qn("w:noBreakHyphen"):
                text = "\u2011"
            elif tag == qn("w:sym"):
                text = chr(int(child.get(qn("w:char"), "20"), 16))
            elif tag == qn("w:lastRenderedPageBreak"):
                continue
            elif tag == qn("w:footnoteReference"):
                number = int(child.get(qn("w:id")))
                block.footnotes.append(number)
                note = self.note_spans.get(number, [])
                block.spans.append(Span("", bold, italic, note=note))
            elif tag in (qn("w:drawing"), qn("w:pict"), qn("w:object")) or tag.endswith(
                "}AlternateContent"
            ):
                self._drawing(child, block, owner)
            if text and not hidden:
                block.spans.append(Span(text, bold, italic, bool(self.field_depth)))

    def _drawing(self, element, block: Block, owner) -> None:
        if any(True for _ in element.iter(*_TEXT_BOX)):
            block.text_box = True
            for box in element.iter(qn("w:txbxContent")):
                for paragraph in box.iter(qn("w:p")):
                    self._content(paragraph, block, owner)
                    block.spans.append(Span("\n"))
                break  # AlternateContent repeats the box in its fallback
            return
        description = ""
        for properties in element.iter(qn("wp:docPr")):
            description = properties.get("descr") or properties.get("title") or ""
        data, content_type = None, ""
        for blip in element.iter(qn("a:blip")):
            rel_id = blip.get(qn("r:embed"))
            if rel_id and rel_id in owner.rels and not owner.rels[rel_id].is_external:
                image = owner.rels[rel_id].target_part
                data, content_type = image.blob, image.content_type
            break
        block.pictures.append(Picture(data, content_type, description))


def _cells(table):
    """(row, column, paragraph) of a table, row by row: the order a reader reads it."""
    for row, tr in enumerate(table.iterchildren(qn("w:tr"))):
        for column, tc in enumerate(tr.iterchildren(qn("w:tc"))):
            for paragraph in tc.iter(qn("w:p")):
                yield row, column, paragraph


def _flag(properties, tag: str) -> bool | None:
    element = properties.find(qn(tag))
    if element is None:
        return None
    return element.get(qn("w:val"), "true").lower() not in ("0", "false", "off", "none")


def _style_flag(style: BaseStyle | None, name: str) -> bool | None:
    """Bold or italic of a style, following the styles it is based on."""
    while style is not None:
        value = getattr(style.font, name, None) if hasattr(style, "font") else None
        if value is not None:
            return value
        style = cast(ParagraphStyle, style).base_style
    return None


def _style_numbered(style: BaseStyle) -> bool:
    while style is not None:
        properties = style.element.pPr
        if properties is not None and properties.find(qn("w:numPr")) is not None:
            return True
        style = cast(ParagraphStyle, style).base_style
    return False
