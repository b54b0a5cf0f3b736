"""The Word file as an editor meets it, for every example content file: the styles it
offers, the line rule, the spelling language, properties, the navigation pane, and a
package that an OOXML schema validator passes."""

from __future__ import annotations

import itertools
import zipfile
from pathlib import Path

import docx
import pikepdf
import pypdfium2 as pdfium
import pytest
from docx.oxml.ns import qn
from lxml import etree
from openxml_audit import OpenXmlValidator

from hearing_docs.content import loading
from hearing_docs.document import facts
from hearing_docs.pipeline import BuildOptions, build
from hearing_docs.templateset import sets
from hearing_docs.word import styles
from support import EXAMPLES, FIXTURES, libreoffice_pdfs

pytestmark = pytest.mark.slow

DOCUMENTS = EXAMPLES + sorted((FIXTURES / "documents").glob("*.yaml"))
EDITOR_STYLES = {"Heading 2", "Heading 3", "List Number", "Footnote Text", "List Paragraph"}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    out = tmp_path_factory.mktemp("editor")
    return {
        content.stem: {
            path.suffix: path
            for path in build(content, out, BuildOptions(formats=("pdf", "docx"), strict=True))
        }
        for content in DOCUMENTS
    }


def _xml(docx_file: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(docx_file) as package:
        return etree.fromstring(package.read(name))


@pytest.mark.parametrize("content", DOCUMENTS, ids=lambda path: path.stem)
def test_the_package_is_valid_ooxml(built, content: Path) -> None:
    result = OpenXmlValidator().validate(str(built[content.stem][".docx"]))
    assert result.is_valid, [str(error) for error in result.errors[:10]]
    assert len(result.errors) == 0


@pytest.mark.parametrize("content", DOCUMENTS, ids=lambda path: path.stem)
def test_styles_are_those_used_and_those_an_editor_reaches_for(built, content: Path) -> None:
    document = docx.Document(str(built[content.stem][".docx"]))
    defined = {style.name for style in document.styles}
    theme = sets.resolve(loading.load(content).template, sets.roots_for(content)).theme
    assert defined == set(styles.names(theme)), defined ^ set(styles.names(theme))
    assert len(defined) <= 60
    used = {paragraph.style.name for paragraph in document.paragraphs}
    assert used <= defined and defined >= EDITOR_STYLES
    root = _xml(built[content.stem][".docx"], "word/styles.xml")
    # Fonts only on Normal and in the defaults, no theme fonts or colours anywhere.
    for style in root.iter(qn("w:style")):
        name = style.find(qn("w:name")).get(qn("w:val"))
        if name != "Normal":
            assert style.find(f".//{qn('w:rFonts')}") is None, name
        color = style.find(f".//{qn('w:color')}")
        assert color is None or color.get(qn("w:val")) == "000000", name
    text = etree.tostring(root).decode()
    for theme_attribute in ("asciiTheme", "hAnsiTheme", "themeColor", "majorHAnsi", "4F81BD"):
        assert theme_attribute not in text
    # Every paragraph style but Normal is based, at some remove, on Body Text.
    for style in document.styles:
        if style.type == 1 and style.name not in {"Normal", "Body Text"}:
            base = style.base_style
            while base is not None and base.name != "Body Text":
                base = base.base_style
            assert base is not None, f"{style.name} is not based on Body Text"
    # The style gallery offers only styles the document defines.
    gallery = {
        exception.get(qn("w:name")).lower()
        for exception in root.iter(qn("w:lsdException"))
        if exception.get(qn("w:qFormat")) == "1"
    }
    assert gallery <= {name.lower() for name in defined}, gallery - {n.lower() for n in defined}


@pytest.mark.parametrize("content", DOCUMENTS, ids=lambda path: path.stem)
def test_lists_draw_the_bullet_of_the_pdf(built, content: Path) -> None:
    numbering = _xml(built[content.stem][".docx"], "word/numbering.xml")
    texts = [level.get(qn("w:val")) for level in numbering.iter(qn("w:lvlText"))]
    assert texts == ["\u2022", "%1.", "%1."]
    assert numbering.find(f".//{qn('w:rFonts')}") is None, "the bullet is in the text's font"


@pytest.mark.parametrize("content", DOCUMENTS, ids=lambda path: path.stem)
def test_spelling_is_checked_in_british_english_and_not_marked_done(built, content) -> None:
    docx_file = built[content.stem][".docx"]
    lang = _xml(docx_file, "word/styles.xml").find(f".//{qn('w:rPrDefault')}//{qn('w:lang')}")
    assert lang.get(qn("w:val")) == "en-GB"
    assert _xml(docx_file, "word/settings.xml").find(qn("w:proofState")) is None


@pytest.mark.parametrize("content", DOCUMENTS, ids=lambda path: path.stem)
def test_properties_are_the_facts_of_the_pdf(built, content: Path) -> None:
    hearing = loading.load(content)
    fact = facts.derive(hearing, sets.resolve(hearing.template, sets.roots_for(content)))
    core = docx.Document(str(built[content.stem][".docx"])).core_properties
    with pikepdf.open(built[content.stem][".pdf"]) as pdf:
        info = {key: str(value) for key, value in pdf.docinfo.items()}
    assert info["/Title"] == fact.title
    assert core.title == fact.word_title  # Word keeps 255 characters of a title
    assert fact.title.startswith(core.title.removesuffix("…"))
    assert core.author == info.get("/Author", "") == fact.author
    assert core.subject == info["/Subject"] == fact.subject
    assert core.keywords == info["/Keywords"]
    assert core.language == fact.language
    assert core.last_printed is None and core.last_modified_by == ""


def test_navigation_levels(built) -> None:
    """The letter (its date) and the summary's title at the top of the navigation pane,
    the sections beside them, as Word lists outline levels."""
    document = docx.Document(str(built[DOCUMENTS[0].stem][".docx"]))
    levels = {}
    for name in ("Date", "Title", "Heading 1", "Heading 2", "Heading 3", "Body Text"):
        level = document.styles[name].element.find(f".//{qn('w:outlineLvl')}")
        levels[name] = None if level is None else int(level.get(qn("w:val")))
    assert levels == {
        "Date": 0,
        "Title": 0,
        "Heading 1": 0,
        "Heading 2": 1,
        "Heading 3": 2,
        "Body Text": None,
    }


def _outline(pdf_file: Path) -> list[str]:
    with pikepdf.open(pdf_file) as pdf, pdf.open_outline() as outline:
        found = []

        def walk(entries) -> None:
            for entry in entries:
                found.append(" ".join(entry.title.split()))
                walk(entry.children)

        walk(outline.root)
        return found


@pytest.mark.libreoffice
def test_the_outline_lists_the_letter_and_the_summary_like_the_pdfs(built, tmp_path) -> None:
    """LibreOffice makes PDF bookmarks from outline levels, as Word's navigation pane
    lists them: the same entries, in the same order, as the WeasyPrint PDF's bookmarks."""
    files = [files[".docx"] for files in built.values()]
    for (stem, files_of), converted in zip(
        built.items(), libreoffice_pdfs(files, tmp_path), strict=True
    ):
        hearing = loading.load(next(path for path in DOCUMENTS if path.stem == stem))
        weasyprint, libreoffice = _outline(files_of[".pdf"]), _outline(converted)
        assert len(libreoffice) == len(weasyprint), (libreoffice, weasyprint)
        content = next(path for path in DOCUMENTS if path.stem == stem)
        label = facts.derive(hearing, sets.resolve(hearing.template, sets.roots_for(content)))
        if label.letter_label is None:  # a summary alone
            assert libreoffice == weasyprint
            continue
        assert weasyprint[0] == label.letter_label
        assert libreoffice[0] == weasyprint[0].removeprefix("Letter of ")
        assert libreoffice[1:] == weasyprint[1:]


def _line_ink(pdf_file: Path) -> list[list[tuple[float, float]]]:
    """For every page, every text line's ink from top to bottom (in points from the top):
    the union of its glyphs' tight boxes. Lines are told apart by their font box; a raised
    footnote call, a smaller font box that overlaps its line's by more than half its own
    height, belongs to that line (lines that run into each other overlap less)."""
    document = pdfium.PdfDocument(str(pdf_file))
    pages = []
    for page in document:
        text, height = page.get_textpage(), page.get_height()
        # Per line: [ink top, ink bottom, font box top, font box bottom].
        lines: dict[float, list[float]] = {}
        for index in range(text.count_chars()):
            if text.get_text_range(index, 1).isspace():
                continue
            _, bottom, _, top = text.get_charbox(index)
            _, loose_bottom, _, loose_top = text.get_charbox(index, loose=True)
            found = [height - top, height - bottom, height - loose_top, height - loose_bottom]
            line = lines.setdefault(round(loose_bottom), found)
            line[0], line[1] = min(line[0], found[0]), max(line[1], found[1])
            line[2], line[3] = min(line[2], found[2]), max(line[3], found[3])
        for key, line in sorted(lines.items(), key=lambda item: item[1][3] - item[1][2]):
            tall = line[3] - line[2]
            holder = next(
                (
                    other
                    for k, other in lines.items()
                    if k != key
                    and other[3] - other[2] > tall
                    and min(line[3], other[3]) - max(line[2], other[2]) > tall / 2
                ),
                None,
            )
            if holder is not None:
                holder[0], holder[1] = min(holder[0], line[0]), max(holder[1], line[1])
                del lines[key]
        pages.append(sorted((line[0], line[1]) for line in lines.values()))
    document.close()
    return pages


@pytest.mark.libreoffice
def test_larger_body_text_gets_taller_lines_not_overlapping_ones(built, tmp_path) -> None:
    """What an editor does: set Body Text to 16 pt. No line's ink may reach into the next's;
    with the line height of the theme's 12 pt kept exact, they do."""
    edited = []
    for stem, files in built.items():
        document = docx.Document(str(files[".docx"]))
        document.styles["Body Text"].font.size = docx.shared.Pt(16)
        path = tmp_path / f"{stem}.docx"
        document.save(str(path))
        edited.append(path)
    for pdf in libreoffice_pdfs(edited, tmp_path / "pdf"):
        for number, lines in enumerate(_line_ink(pdf), start=1):
            for (_, bottom), (next_top, _) in itertools.pairwise(lines):
                assert next_top >= bottom, f"{pdf.name} p. {number}: {bottom:.1f} > {next_top:.1f}"
