"""Every official language builds: the PDF declares its language and embeds its fonts, no
character is missing, the date reads as the catalogue's table says, Arabic runs right to
left in the HTML and the DOCX, Chinese takes its East Asian face, French spaces are
non-breaking, and mixed directions read in order in the PDF and in LibreOffice's PDF."""

from __future__ import annotations

import io
import itertools
import re
import statistics
import subprocess
import zipfile
from pathlib import Path

import docx
import pikepdf
import pytest
from docx.oxml.ns import qn

from hearing_docs.pipeline import BuildOptions, build
from support import FIXTURES, ROOT, libreoffice_pdfs, require

LANGUAGES = ROOT / "content" / "languages"

# The 2016 letter and summary in each official language, and the date of its letter.
EXAMPLES = {
    "en": (ROOT / "content" / "2016-07-18-refugees-and-migrants.yaml", "22 July 2016"),
    "fr": (LANGUAGES / "2016-07-18-refugees-and-migrants.fr.yaml", "22 juillet 2016"),
    "es": (LANGUAGES / "2016-07-18-refugees-and-migrants.es.yaml", "22 de julio de 2016"),
    "ru": (LANGUAGES / "2016-07-18-refugees-and-migrants.ru.yaml", "22 июля 2016 года"),
    "zh": (LANGUAGES / "2016-07-18-refugees-and-migrants.zh.yaml", "2016年7月22日"),
    "ar": (LANGUAGES / "2016-07-18-refugees-and-migrants.ar.yaml", "22 تموز/يوليه 2016"),
}
MIXED = FIXTURES / "documents" / "mixed-directions.yaml"
FACES = {
    "en": {"Liberation-Serif"},
    "fr": {"Liberation-Serif"},
    "es": {"Liberation-Serif"},
    "ru": {"Liberation-Serif"},
    "zh": {"Noto-Serif-CJK-SC", "Liberation-Serif"},
    "ar": {"Amiri", "Liberation-Serif"},
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    out = tmp_path_factory.mktemp("languages")
    result = {}
    for language, (content, _) in {**EXAMPLES, "mixed": (MIXED, "")}.items():
        written = build(content, out / language, BuildOptions(strict=True))
        result[language] = {path.suffix: path for path in written}
    return result


def pdf_text(pdf: Path) -> str:
    tool = require("pdftotext", "poppler-utils")
    return subprocess.run([tool, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("language", EXAMPLES)
def test_the_pdf_declares_its_language_and_embeds_subsets_of_the_faces_it_uses(
    built, language: str
) -> None:
    with pikepdf.open(built[language][".pdf"]) as pdf:
        assert str(pdf.Root.Lang) == language
        faces = set()
        for page in pdf.pages:
            for font in page.Resources.Font.values():
                descendant = font.DescendantFonts[0]
                name = str(descendant.BaseFont).lstrip("/")
                prefix, _, face = name.partition("+")
                assert len(prefix) == 6, f"{name} is not a subset"
                descriptor = descendant.FontDescriptor
                assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                faces.add(face.removesuffix("-Bold"))
    assert faces == FACES[language]


@pytest.mark.parametrize("language", EXAMPLES)
def test_no_missing_glyph_and_the_date_reads_as_the_table_says(built, language: str) -> None:
    text = pdf_text(built[language][".pdf"])
    assert "\ufffd" not in text
    date = EXAMPLES[language][1]
    # pdftotext spaces right-to-left lines its own way: compare without spaces.
    flat = "".join(re.sub(r"[\u200e\u200f\u202a-\u202e]", "", text).split())
    assert "".join(date.split()) in flat
    html = built[language][".html"].read_text(encoding="utf-8")
    # The letter's date, as text (Chinese figures sit in spans that space them).
    printed = re.search(r'<p class="date"><time [^>]*>(.*?)</time>', html)
    assert printed is not None and re.sub(r"<[^>]*>", "", printed.group(1)) == date
    document = docx.Document(built[language][".docx"])
    assert document.paragraphs[0].text == date
    with pikepdf.open(built[language][".pdf"]) as pdf:
        for page in pdf.pages:
            for font in page.Resources.Font.values():
                # Glyph 0 (.notdef) is what a face draws for a character it lacks.
                assert b"\x00\x00" not in _shown_glyphs(page, font)


def _shown_glyphs(page: pikepdf.Page, font: pikepdf.Object) -> bytes:
    """The two-byte glyph ids the page shows with ``font`` (Identity-H encoded text)."""
    name = next(k for k, v in page.Resources.Font.items() if v.objgen == font.objgen)
    shown = b""
    current = None
    for operands, operator in pikepdf.parse_content_stream(page):
        if operator == pikepdf.Operator("Tf"):
            current = str(operands[0])
        elif current == name and operator == pikepdf.Operator("TJ"):
            for item in operands[0]:
                if isinstance(item, pikepdf.String):
                    data = bytes(item)
                    shown += b"".join(data[i : i + 2] for i in range(0, len(data), 2))
        elif current == name and operator == pikepdf.Operator("Tj"):
            shown += bytes(operands[0])
    return b"|".join(shown[i : i + 2] for i in range(0, len(shown), 2))


def test_arabic_runs_right_to_left_in_the_html_and_the_docx(built) -> None:
    html = built["ar"][".html"].read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in html
    document = docx.Document(built["ar"][".docx"])
    normal = document.styles["Normal"].element.pPr
    assert normal.find(qn("w:bidi")) is not None
    for section in document.sections:
        assert section._sectPr.find(qn("w:bidi")) is not None
    body = document.paragraphs[2]
    runs = [(run.text, run._r.rPr is not None and run._r.rPr.find(qn("w:rtl")) is not None)
            for run in body.runs]  # fmt: skip
    # The Latin symbol is a run of its own; the Arabic comma after it goes with the Arabic.
    assert ("A/RES/70/290)", False) in runs
    assert any(text.startswith("A/RES/70/290") and not rtl for text, rtl in runs)
    assert all(rtl for text, rtl in runs if re.search("[\u0600-\u06ff]", text))
    fonts = document.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:cs")) == "Amiri"
    styles = zipfile.ZipFile(built["ar"][".docx"]).read("word/styles.xml").decode()
    assert "<w:b/><w:bCs/>" in styles and "<w:szCs " in styles


def test_arabic_signatories_side_by_side_run_from_the_right_in_word(tmp_path: Path) -> None:
    """The table of several signatories is mirrored (w:bidiVisual), as the PDF's row is:
    the first signatory on the right."""
    import yaml

    data = yaml.safe_load(EXAMPLES["ar"][0].read_text(encoding="utf-8"))
    del data["letter"]["signatory"]
    data["letter"]["signatories"] = [{"name": "الأول"}, {"name": "الثاني"}]
    content = tmp_path / "co-signed.yaml"
    content.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    (word,) = build(content, tmp_path, BuildOptions(formats=("docx",)))
    (table,) = docx.Document(str(word)).tables
    assert table._tbl.tblPr.find(qn("w:bidiVisual")) is not None
    assert [cell.text.strip() for cell in table.rows[0].cells] == ["الأول", "الثاني"]


def test_an_english_document_has_no_right_to_left_parts(built) -> None:
    html = built["en"][".html"].read_text(encoding="utf-8")
    assert '<html lang="en" dir="ltr">' in html
    document = docx.Document(built["en"][".docx"])
    assert document.styles["Normal"].element.pPr.find(qn("w:bidi")) is None
    assert (
        "<w:rtl/>" not in zipfile.ZipFile(built["en"][".docx"]).read("word/document.xml").decode()
    )


def test_chinese_takes_its_east_asian_face_and_spaces_latin_text_as_word_does(built) -> None:
    document = docx.Document(built["zh"][".docx"])
    normal = document.styles["Normal"].element
    assert normal.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "Noto Serif CJK SC"
    # Word's own space between Chinese and Latin text is left on (LibreOffice always
    # adds it); the HTML gives the PDF the same, as a margin.
    assert normal.pPr is None or normal.pPr.find(qn("w:autoSpaceDE")) is None
    html = built["zh"][".html"].read_text(encoding="utf-8")
    assert '<span class="autospace" style="margin-right: 0.2em">2016</span>年' in html
    assert '年<span class="autospace" style="margin-left: 0.2em; margin-right: 0.2em">7' in html
    text = pdf_text(built["zh"][".pdf"])
    # Lines break between ideographs, never before closing punctuation.
    lines = [line for line in text.splitlines() if line.strip()]
    closing = "\uff0c\u3002\uff09\u3001\uff1b\uff1a\uff01\uff1f"  # fullwidth , . ) and the rest
    assert not [line for line in lines if line[0] in closing]
    assert max(len(line) for line in lines) < 60


def test_french_spaces_before_punctuation_are_non_breaking(built) -> None:
    html = built["fr"][".html"].read_text(encoding="utf-8")
    assert "d’aujourd’hui\u00a0: en 2015" in html
    assert " :" not in html.split("<body>")[1]
    document = docx.Document(built["fr"][".docx"])
    assert any("\u00a0;" in paragraph.text for paragraph in document.paragraphs)


def _reading_order(text: str) -> str:
    """pdftotext's reading of a page without its direction marks and spaces (it spaces
    right-to-left stretches its own way)."""
    return "".join(re.sub(r"[\u200e\u200f\u202a-\u202e]", "", text).split())


# What pdftotext reads, in the visual order of the Unicode bidirectional algorithm: in
# Arabic, "70/290 (A/RES/70/290)," is one left-to-right stretch (pdftotext writes its
# brackets mirrored); in English, the Arabic words and the figures after them are one
# right-to-left stretch, so "70/290" stands at its left.
IN_ARABIC = "وفقا لقرار الجمعية العامة ،)A/RES/70/290( 70/290"
IN_ENGLISH = (
    "met Ms. نورة الكعبي in New York",
    "resolution A/RES/70/290 (70/290 )قرار الجمعية العامة of the General",
)


@pytest.mark.libreoffice
def test_mixed_directions_read_in_order_in_the_pdf_and_in_libreoffices_pdf(
    built, tmp_path: Path
) -> None:
    converted = libreoffice_pdfs([built["ar"][".docx"], built["mixed"][".docx"]], tmp_path)
    for pdf in (built["ar"][".pdf"], converted[0]):
        assert _reading_order(IN_ARABIC) in _reading_order(pdf_text(pdf)), pdf
    for pdf in (built["mixed"][".pdf"], converted[1]):
        for expected in IN_ENGLISH:
            assert _reading_order(expected) in _reading_order(pdf_text(pdf)), pdf


def test_a_built_docx_is_a_valid_package(built) -> None:
    for language in EXAMPLES:
        data = built[language][".docx"].read_bytes()
        assert docx.Document(io.BytesIO(data)).paragraphs


@pytest.mark.parametrize("language", EXAMPLES)
def test_no_document_is_hyphenated_in_either_output(built, language: str) -> None:
    html = built[language][".html"].read_text(encoding="utf-8")
    assert f'<html lang="{language}"' in html
    assert "hyphens" not in html
    package = zipfile.ZipFile(built[language][".docx"])
    assert "autoHyphenation" not in package.read("word/settings.xml").decode()
    # Word knows the language (with its region), in the slot of its script, so its own
    # tools follow it.
    slot = {"zh": "w:eastAsia", "ar": "w:bidi"}.get(language, "w:val")
    assert f'{slot}="{language}-' in package.read("word/styles.xml").decode()


def test_french_spacing_rules() -> None:
    from hearing_docs.document.typography import spaced_text

    rules = (";:!?»", "«")
    assert spaced_text("voici : a; b ! c? « cité »", *rules) == (
        "voici\u00a0: a\u00a0; b\u00a0! c\u00a0? «\u00a0cité\u00a0»"
    )
    # A colon inside a word is not punctuation of the sentence.
    assert spaced_text("à 10:30, voir http://un.org", *rules) == "à 10:30, voir http://un.org"
    assert spaced_text("« x », fin", *rules) == "«\u00a0x\u00a0», fin"


@pytest.mark.parametrize("language", EXAMPLES)
def test_lines_are_as_far_apart_in_the_pdf_as_the_theme_says(built, language: str) -> None:
    """Where the Latin faces share lines with Amiri or Noto Serif CJK, CSS would set them
    further apart than Word does; the style sheet's line height makes up for it."""
    from hearing_docs.templateset import sets

    theme = sets.resolve("un-pga", [ROOT / "templates"]).theme.for_language(language)
    lines = _line_bottoms(built[language][".pdf"])
    gaps = [round(below - above, 1) for above, below in itertools.pairwise(lines)]
    # Most lines follow another of the same paragraph: one pitch below it.
    assert statistics.mode(gaps) == pytest.approx(theme.text.line_height, abs=0.1), gaps


def _line_bottoms(pdf: Path) -> list[float]:
    """Where each line of the summary's first page starts, from the top, in points: the
    bottom of the face's box around its first character."""
    import pypdfium2 as pdfium

    page = pdfium.PdfDocument(pdf)[1]
    text = page.get_textpage()
    bottoms: list[float] = []
    starts = True
    for index in range(text.count_chars()):
        character = text.get_text_range(index, 1)
        if character in "\r\n":
            starts = True
        elif starts and not character.isspace():
            bottoms.append(page.get_height() - text.get_charbox(index, loose=True)[1])
            starts = False
    return bottoms


def test_a_language_entry_of_the_theme_changes_only_that_language() -> None:
    from hearing_docs.templateset import sets

    theme = sets.resolve("un-pga", [ROOT / "templates"]).theme
    assert theme.for_language("ar").text.line_height == 21.1
    assert theme.for_language("zh").summary.justify is False
    assert theme.for_language("zh-Hans").text.line_height == 17.25
    assert theme.for_language("en") is theme
    assert theme.for_language("fr").text == theme.text
