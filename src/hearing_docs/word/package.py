"""Word package: a built python-docx document in, the DOCX file's bytes out.

In: the ``Document`` that ``builder.py`` filled, and the document's ``Facts``.
Out: the DOCX as bytes: core properties from the facts (title, author,
subject, keywords, language, created and modified dates: what the PDF says
too), only the parts the document uses, a unique id for every drawing, and
zip entries stamped with the facts' moment, so the same content gives the
same file.

python-docx starts from a template made by an old Word for Mac; it brings
parts this document never uses (a thumbnail of an empty page, a bibliography
store, Word 2010 style effects) and statistics of that empty page. They are
dropped here, so that Word shows neither a stale preview nor stale counts.
"""

from __future__ import annotations

import io
from html import escape  # xml.sax.saxutils would import urllib.request, and ssl with it

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import XmlPart
from docx.oxml.ns import qn

from hearing_docs import __version__
from hearing_docs.document.facts import Facts
from hearing_docs.output import reproducible

_UNUSED = (
    RT.THUMBNAIL,
    RT.CUSTOM_XML,
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
)
_APP_PROPERTIES = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Template>Normal.dotm</Template><TotalTime>0</TotalTime>"
    "<Application>{application}</Application><DocSecurity>0</DocSecurity>"
    "<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate>"
    "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>"
    "</Properties>"
)


def save(document: Document, facts: Facts) -> bytes:
    """The finished DOCX: properties set, unused parts dropped, reproducible bytes."""
    _properties(document, facts)
    _drop_unused_parts(document)
    _settings(document)
    _number_drawings(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return reproducible.zip_bytes(buffer.getvalue(), facts.created)


def _properties(document: Document, facts: Facts) -> None:
    properties = document.core_properties
    properties.title = facts.word_title
    properties.author = facts.author
    properties.subject = facts.subject
    properties.language = facts.language
    # The string the PDF's Keywords entry holds; Word takes commas as separators too.
    properties.keywords = facts.word_keywords
    properties.comments = ""
    properties.revision = 1
    properties.created = facts.created
    properties.modified = facts.modified
    # Nobody printed the file and nobody but its author wrote it: python-docx's
    # starting values ("python-docx" as the last author) are left out.
    core = document.part.package.part_related_by(RT.CORE_PROPERTIES).element
    for tag in ("cp:lastModifiedBy", "cp:lastPrinted"):
        for element in core.findall(qn(tag)):
            core.remove(element)

    application = escape(f"hearing-docs {__version__}")
    app = document.part.package.part_related_by(RT.EXTENDED_PROPERTIES)
    app._blob = _APP_PROPERTIES.format(application=application).encode("utf-8")


def _drop_unused_parts(document: Document) -> None:
    """Cut the relationships to template parts this document does not use; unreached parts
    are not saved."""
    for owner in (document.part.package, document.part):
        for rid, relationship in list(owner.rels.items()):
            if relationship.reltype in _UNUSED:
                owner.rels.pop(rid)
                owner.rels._target_parts_by_rId.pop(rid, None)


def _settings(document: Document) -> None:
    """No preview picture to save, and the layout rules of Word 2013 and later: with the
    template's Word 2010 mode, Word would open the file in "Compatibility Mode". No
    w:proofState either: it tells Word the spelling was already checked, and it was not."""
    settings = document.settings.element
    for tag in ("w:savePreviewPicture", "w:proofState"):
        for element in settings.findall(qn(tag)):
            settings.remove(element)
    for setting in settings.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")


def _number_drawings(document: Document) -> None:
    """Give every drawing (wp:docPr) an id unique in the whole package, as Word expects.

    python-docx numbers drawings per part, so the emblem in the header and the
    signature in the body would both be drawing 1."""
    parts: list[XmlPart] = [document.part]
    for section in document.sections:
        for story in (
            section.first_page_header,
            section.first_page_footer,
            section.header,
            section.footer,
        ):
            if not story.is_linked_to_previous and story.part not in parts:
                parts.append(story.part)
    number = 0
    for part in parts:
        for drawing in part.element.iter(qn("wp:docPr")):
            number += 1
            drawing.set("id", str(number))
            drawing.set("name", f"Picture {number}")
