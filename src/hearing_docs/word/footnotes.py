"""Word footnotes: a paragraph that calls a note in, a real Word footnote out.

In: a python-docx ``Paragraph`` of the document's body, at the point where a
note is called.
Out: a footnote reference run there (character style Footnote Reference, a
superscript number that Word and LibreOffice count by themselves) and the
note's own paragraph (style Footnote Text, opening with the note's number) in
the document's footnotes part, for ``paragraphs.py`` to fill with the note's runs.

python-docx has no footnote API. The part is made on the first note, as Word
makes it: word/footnotes.xml, related to the document by the footnotes
relationship, holding the separator (id -1) and continuation separator (id 0)
that Word draws above the notes, with settings' w:footnotePr naming both.
"""

from __future__ import annotations

from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.parts.document import DocumentPart
from docx.parts.story import StoryPart
from docx.text.paragraph import Paragraph

from hearing_docs.word.styleids import StyleIds

TEXT_STYLE = "Footnote Text"
REFERENCE_STYLE = "Footnote Reference"
SEPARATOR_STYLE = "Footnote Separator"
"""The paragraph of the rule above the notes: its height is the gap the rule stands in."""

_SEPARATORS = (("-1", "separator"), ("0", "continuationSeparator"))


def call(paragraph: Paragraph, ids: StyleIds) -> Paragraph:
    """Call a new footnote at the end of ``paragraph``; the note's paragraph, to fill."""
    document = paragraph.part
    assert isinstance(document, DocumentPart)  # notes are called from the body only
    part = _part(document)
    number = str(len(part.element.findall(qn("w:footnote"))) - len(_SEPARATORS) + 1)

    reference = ids.run(paragraph, REFERENCE_STYLE)._r
    mark = OxmlElement("w:footnoteReference")
    mark.set(qn("w:id"), number)
    reference.append(mark)

    note = OxmlElement("w:footnote")
    note.set(qn("w:id"), number)
    part.element.append(note)
    note.append(OxmlElement("w:p"))
    text = Paragraph(note[0], part)
    ids.restyle(text, TEXT_STYLE)
    own_number = ids.run(text, REFERENCE_STYLE)._r
    own_number.append(OxmlElement("w:footnoteRef"))
    # The space after the number, as small as the number: the PDF's marker holds both.
    ids.run(text, REFERENCE_STYLE, " ")
    return text


def _part(document: DocumentPart) -> StoryPart:
    """The document's footnotes part, made with its separators on the first call."""
    for relationship in document.rels.values():
        if relationship.reltype == RT.FOOTNOTES:
            part = relationship.target_part
            assert isinstance(part, StoryPart)
            return part
    separator_style = document.get_style_id(SEPARATOR_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    separators = "".join(
        f'<w:footnote w:type="{kind}" w:id="{number}"><w:p><w:pPr>'
        f'<w:pStyle w:val="{separator_style}"/></w:pPr><w:r><w:{kind}/></w:r></w:p></w:footnote>'
        for number, kind in _SEPARATORS
    )
    element = parse_xml(f"<w:footnotes {nsdecls('w', 'r')}>{separators}</w:footnotes>")
    package = document.package
    assert package is not None
    part = StoryPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, element, package)
    document.relate_to(part, RT.FOOTNOTES)
    _name_separators(document)
    return part


def _name_separators(document: DocumentPart) -> None:
    """Settings' w:footnotePr, naming the separators as Word writes it."""
    settings = document.settings.element
    properties = OxmlElement("w:footnotePr")
    for number, _kind in _SEPARATORS:
        entry = OxmlElement("w:footnote")
        entry.set(qn("w:id"), number)
        properties.append(entry)
    settings.insert_element_before(properties, *_AFTER_FOOTNOTE_PROPERTIES)


# The elements that follow w:footnotePr in w:settings (ECMA-376 order).
_AFTER_FOOTNOTE_PROPERTIES = (
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "sl:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
)
