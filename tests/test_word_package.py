"""The DOCX as a package: parts, relationships, content types, drawings and properties.

Word shows a repair prompt for a package whose relationships point nowhere, whose parts
have no content type, or whose drawings share an id; these tests read the zip itself.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import posixpath
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

from hearing_docs.content.model import Signatory
from support import render_docx, seed_parts

pytestmark = pytest.mark.slow

PACKAGE = "{http://schemas.openxmlformats.org/package/2006/relationships}"
TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
STORIES = ("word/document.xml", "word/header", "word/footer")


def _zip(path: Path) -> zipfile.ZipFile:
    return zipfile.ZipFile(path)


def _source_folder(rels_name: str) -> str:
    """The folder a .rels file's targets are relative to: "word/_rels/x.rels" -> "word"."""
    return posixpath.dirname(posixpath.dirname(rels_name))


def test_every_relationship_points_to_a_part(seed_outputs: dict[str, Path]) -> None:
    with _zip(seed_outputs["docx"]) as package:
        names = set(package.namelist())
        checked = 0
        for rels in (name for name in names if name.endswith(".rels")):
            for relationship in etree.fromstring(package.read(rels)).iter(f"{PACKAGE}Relationship"):
                assert relationship.get("TargetMode") != "External", relationship.get("Target")
                target = posixpath.normpath(
                    posixpath.join(_source_folder(rels), relationship.get("Target"))
                )
                assert target in names, f"{rels}: {relationship.get('Target')} is missing"
                checked += 1
    assert checked >= 12


def test_content_types_cover_every_part(seed_outputs: dict[str, Path]) -> None:
    with _zip(seed_outputs["docx"]) as package:
        names = [name for name in package.namelist() if name != "[Content_Types].xml"]
        types = etree.fromstring(package.read("[Content_Types].xml"))
    defaults = {d.get("Extension").lower() for d in types.iter(f"{TYPES}Default")}
    overrides = {o.get("PartName").lstrip("/") for o in types.iter(f"{TYPES}Override")}
    uncovered = [n for n in names if n not in overrides and n.rsplit(".", 1)[-1] not in defaults]
    assert not uncovered, f"parts without a content type: {uncovered}"
    assert overrides <= set(names), f"content types for missing parts: {overrides - set(names)}"


def test_only_parts_the_document_uses(seed_outputs: dict[str, Path]) -> None:
    with _zip(seed_outputs["docx"]) as package:
        names = package.namelist()
        app = package.read("docProps/app.xml").decode()
    for leftover in (
        "docProps/thumbnail.jpeg",
        "customXml/item1.xml",
        "word/stylesWithEffects.xml",
    ):
        assert leftover not in names
    assert "<Application>hearing-docs " in app and "<Pages>" not in app


def test_every_part_is_well_formed_and_python_docx_opens_it(seed_outputs) -> None:
    with _zip(seed_outputs["docx"]) as package:
        for name in package.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(package.read(name))  # raises on malformed XML
    document = docx.Document(str(seed_outputs["docx"]))
    assert document.paragraphs[0].text == "22 July 2016"


def _stories(path: Path) -> dict[str, etree._Element]:
    with _zip(path) as package:
        return {
            name: etree.fromstring(package.read(name))
            for name in package.namelist()
            if name.startswith(STORIES)
        }


def test_drawings_have_unique_ids_and_alt_text(seed_outputs: dict[str, Path]) -> None:
    drawings = [
        (name, element)
        for name, root in _stories(seed_outputs["docx"]).items()
        for element in root.iter(qn("wp:docPr"))
    ]
    assert len(drawings) == 2, "the emblem and the signature"
    ids = [element.get("id") for _, element in drawings]
    assert len(set(ids)) == len(ids), f"drawing ids repeat across parts: {ids}"
    alt = {element.get("descr") for _, element in drawings}
    assert alt == {
        "Emblem of the Office of the President of the General Assembly",
        "A handwritten signature in black ink, appearing to read 'Mogens Lykketoft', "
        "written in a cursive style.",
    }


def test_no_text_boxes_tables_or_floating_shapes(seed_outputs: dict[str, Path]) -> None:
    layout_tags = (
        "w:tbl",
        "w:txbxContent",
        "wp:anchor",
        "w:pict",
        "w:framePr",
        "w:object",
    )
    for name, root in _stories(seed_outputs["docx"]).items():
        for tag in layout_tags:
            assert next(root.iter(qn(tag)), None) is None, f"{tag} in {name}"
        assert next(root.iter(f"{{{MC}}}AlternateContent"), None) is None, name


def test_properties_come_from_the_content(monkeypatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    properties = _document(render_docx(*seed_parts())).core_properties
    assert properties.title == (
        "Summary of the President of the 70th session of the General Assembly on the Informal "
        "Interactive Multi-stakeholder hearings in support of the preparatory process towards "
        "the High-level Plenary Meeting on addressing large movements of refugees and…"
    )
    assert properties.author == "Mogens Lykketoft"
    # The same subject and keywords as the PDF's (test_pdf_accessibility.py).
    assert properties.subject == "Letter of 22 July 2016 and summary of the hearing of 18 July 2016"
    assert properties.keywords == (
        "cover letter, hearing summary, 18 July 2016, Conference Room 4, "
        "United Nations Headquarters, New York"
    )
    assert properties.language == "en"
    assert properties.created == dt.datetime(2016, 7, 22, 12, 0, 0, tzinfo=dt.UTC)
    assert properties.modified == dt.datetime(2016, 7, 22, 12, 0, 0, tzinfo=dt.UTC)
    # Nobody printed it, and nobody but its author wrote it.
    assert properties.last_printed is None
    assert properties.last_modified_by == ""


def _stamps(data: bytes) -> set[tuple[int, ...]]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {info.date_time for info in package.infolist()}


def test_same_content_gives_the_same_file(monkeypatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = render_docx(*seed_parts())
    assert render_docx(*seed_parts()) == first
    assert _stamps(first) == {(2016, 7, 22, 12, 0, 0)}


def test_source_date_epoch_sets_every_date(monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14 22:13:20 UTC
    data = render_docx(*seed_parts())
    assert _stamps(data) == {(2023, 11, 14, 22, 13, 20)}
    properties = _document(data).core_properties
    assert (
        properties.created
        == properties.modified
        == dt.datetime(2023, 11, 14, 22, 13, 20, tzinfo=dt.UTC)
    )


def _document(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def test_document_default_language_is_the_contents(seed_outputs: dict[str, Path]) -> None:
    with _zip(seed_outputs["docx"]) as package:
        langs = [
            (name, element.getparent().getparent().tag, element.get(qn("w:val")))
            for name in package.namelist()
            if name.endswith(".xml")
            for element in etree.fromstring(package.read(name)).iter(qn("w:lang"))
        ]
    # Set once, in the document defaults; no style or run overrides it. "en" is checked
    # as British English, the region the theme's text.spelling gives it.
    assert langs == [("word/styles.xml", qn("w:rPrDefault"), "en-GB")]

    hearing, template_set, images = seed_parts()
    french = _document(render_docx(hearing.replace(language="fr-CA"), template_set, images))
    rpr = french.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert rpr.find(qn("w:lang")).get(qn("w:val")) == "fr-CA"
    assert french.paragraphs[0].text == "22 juillet 2016"
    assert french.core_properties.language == "fr-CA"


def test_page_size_and_margins_come_from_the_theme() -> None:
    hearing, template_set, images = seed_parts()
    theme = template_set.theme
    page = theme.page.replace(size="a4", margin_left=2 * 72 / 2.54)
    a4 = dataclasses.replace(template_set, theme=theme.replace(page=page))
    document = _document(render_docx(hearing, a4, images))
    for section in document.sections:
        assert (section.page_width.mm, section.page_height.mm) == pytest.approx((210, 297), abs=0.1)
        assert section.left_margin.cm == pytest.approx(2, abs=0.01)
        assert section.right_margin.pt == pytest.approx(theme.page.margin_right, abs=0.05)


def _field_places(document) -> list[tuple[str, str]]:
    """(story, paragraph style) of every PAGE field."""
    places = []
    for index, section in enumerate(document.sections):
        for kind in ("header", "footer", "first_page_header", "first_page_footer"):
            story = getattr(section, kind)
            if story.is_linked_to_previous:
                continue
            for paragraph in story.paragraphs:
                instructions = [t.text for t in paragraph._p.iter(qn("w:instrText"))]
                if " PAGE " in instructions:
                    places.append((f"section {index + 1} {kind}", paragraph.style.name))
    return places


@pytest.mark.parametrize(
    ("position", "story", "style", "alignment"),
    [
        ("bottom-center", "footer", "Footer", "CENTER"),
        ("bottom-right", "footer", "Footer", "RIGHT"),
        ("top-center", "header", "Header", "CENTER"),
        ("top-right", "header", "Header", "RIGHT"),
    ],
)
def test_page_field_where_the_theme_puts_the_numbers(position, story, style, alignment) -> None:
    hearing, template_set, images = seed_parts()
    theme = template_set.theme
    numbers = theme.page_numbers.replace(position=position)
    themed = dataclasses.replace(template_set, theme=theme.replace(page_numbers=numbers))
    document = _document(render_docx(hearing, themed, images))
    # The letter's pages after the first (its default header or footer), and the summary's.
    assert _field_places(document) == [(f"section 1 {story}", style), (f"section 2 {story}", style)]
    assert document.styles[style].paragraph_format.alignment.name == alignment
    assert document.styles[style].font.size.pt == theme.page_numbers.size
    # The letter's first page carries no number; the summary's first page does.
    assert document.sections[0].different_first_page_header_footer
    assert not document.sections[1].different_first_page_header_footer


def test_no_page_field_when_the_theme_says_none() -> None:
    hearing, template_set, images = seed_parts()
    theme = template_set.theme
    numbers = theme.page_numbers.replace(position="none")
    themed = dataclasses.replace(template_set, theme=theme.replace(page_numbers=numbers))
    assert _field_places(_document(render_docx(hearing, themed, images))) == []


def test_signature_paragraph_keeps_its_place_without_an_image() -> None:
    hearing, template_set, images = seed_parts()
    letter = hearing.letter.replace(signatory=Signatory(name="Mogens Lykketoft"))
    unsigned = hearing.replace(letter=letter)
    document = _document(
        render_docx(unsigned, template_set, dataclasses.replace(images, signatures=(None,)))
    )
    styles = [p.style.name for p in document.paragraphs]
    assert styles[4:7] == ["Closing", "Signature", "Signatory"]
    signature = document.paragraphs[5]
    assert signature.text == "" and next(signature._p.iter(qn("w:drawing")), None) is None
    form = document.styles["Signature"].paragraph_format
    assert form.line_spacing_rule.name == "AT_LEAST"
    assert form.line_spacing.pt == template_set.theme.letter.signature_height


def test_settings_ask_for_current_word_layout(seed_outputs: dict[str, Path]) -> None:
    with _zip(seed_outputs["docx"]) as package:
        settings = etree.fromstring(package.read("word/settings.xml"))
    modes = [
        s.get(qn("w:val"))
        for s in settings.iter(qn("w:compatSetting"))
        if s.get(qn("w:name")) == "compatibilityMode"
    ]
    assert modes == ["15"], "Word would open the file in Compatibility Mode"
    assert settings.find(qn("w:savePreviewPicture")) is None
