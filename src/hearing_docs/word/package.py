"""Word package: a built python-docx document in, the DOCX file's bytes out.

In: the ``Document`` that ``word.py`` filled, and its ``Hearing``.
Out: the DOCX as bytes: document properties from the content (title, author,
subject, language, created and modified dates), only the parts the document
uses, a unique id for every drawing, and zip entries stamped with the
content's date, so the same content gives the same file.

python-docx starts from a template made by an old Word for Mac; it brings
parts this document never uses (a thumbnail of an empty page, a bibliography
store, Word 2010 style effects) and statistics of that empty page. They are
dropped here, so that Word shows neither a stale preview nor stale counts.
"""

from __future__ import annotations

import datetime as dt
import io
from xml.sax.saxutils import escape

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from hearing_docs import __version__
from hearing_docs.content.model import Hearing
from hearing_docs.document.wording import Wording
from hearing_docs.output import reproducible

_MAX_TITLE = 255  # Word refuses longer core-property titles
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


def save(document: Document, hearing: Hearing, wording: Wording) -> bytes:
    """The finished DOCX: properties set, unused parts dropped, reproducible bytes."""
    _properties(document, hearing, wording)
    _drop_unused_parts(document)
    _settings(document)
    _number_drawings(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return reproducible.zip_bytes(buffer.getvalue(), timestamp(hearing))


def timestamp(hearing: Hearing) -> dt.datetime:
    """Created and modified: the letter's date (or SOURCE_DATE_EPOCH), never the clock."""
    return reproducible.moment(hearing.letter.date)


def title(hearing: Hearing) -> str:
    """The summary's title on one line, cut at a word to the length Word accepts."""
    text = hearing.summary.title_text
    if len(text) <= _MAX_TITLE:
        return text
    return text[: _MAX_TITLE - 1].rsplit(" ", 1)[0] + "…"


def _properties(document: Document, hearing: Hearing, wording: Wording) -> None:
    properties = document.core_properties
    properties.title = title(hearing)
    properties.author = hearing.letter.signatory.name
    properties.last_modified_by = hearing.letter.signatory.name
    properties.subject = wording.subject
    properties.language = hearing.language
    properties.keywords = "; ".join(wording.keywords)
    properties.comments = ""
    properties.revision = 1
    moment = timestamp(hearing)
    properties.created = moment
    properties.modified = moment
    properties.last_printed = moment

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
    template's Word 2010 mode, Word would open the file in "Compatibility Mode"."""
    settings = document.settings.element
    preview = settings.find(qn("w:savePreviewPicture"))
    if preview is not None:
        settings.remove(preview)
    for setting in settings.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")


def _number_drawings(document: Document) -> None:
    """Give every drawing (wp:docPr) an id unique in the whole package, as Word expects.

    python-docx numbers drawings per part, so the emblem in the header and the
    signature in the body would both be drawing 1."""
    parts = [document.part]
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
