"""The default PDF (pdf/ua-1), read by real readers: qpdf, pikepdf, pdffonts, pypdfium2."""

from __future__ import annotations

import re
import subprocess
from importlib.metadata import version
from pathlib import Path

import pikepdf
import pypdfium2
import pytest

from hearing_docs.content import loading
from support import SEED_CONTENT, require

pytestmark = pytest.mark.slow

SEED = loading.load(SEED_CONTENT)
TITLE = (
    "Summary of the President of the 70th session of the General Assembly on the Informal "
    "Interactive Multi-stakeholder hearings in support of the preparatory process towards the "
    "High-level Plenary Meeting on addressing large movements of refugees and migrants on "
    "19 September 2016"
)
SECTION_HEADINGS = [
    "Overview",
    "Opening segment",
    "Panel 1: Reframing the narrative on migration and refugees in the context of the 2030 "
    "Sustainable Development Agenda",
    "Panel 2: Upholding and protecting the human rights and dignity of all refugees and "
    "migrants in the context of large movements",
    "Panel 3: Achieving a global compact for responsibility-sharing for refugees",
    "Panel 4: Achieving a global compact for safe, regular and orderly migration",
    "Closing segment",
]


@pytest.fixture(scope="module")
def seed_pdf(seed_outputs: dict[str, Path]) -> pikepdf.Pdf:
    with pikepdf.open(seed_outputs["pdf"]) as pdf:
        yield pdf


def test_qpdf_finds_no_error(seed_outputs: dict[str, Path]) -> None:
    qpdf = require("qpdf", "qpdf")
    result = subprocess.run([qpdf, "--check", str(seed_outputs["pdf"])], capture_output=True)
    assert result.returncode == 0, result.stdout.decode() + result.stderr.decode()
    assert b"No syntax or stream encoding errors found" in result.stdout


def test_pdf_is_tagged_with_language_and_title_shown(seed_pdf: pikepdf.Pdf) -> None:
    root = seed_pdf.Root
    assert root.MarkInfo.Marked is True
    assert str(root.Lang) == "en"
    assert "/StructTreeRoot" in root
    assert root.ViewerPreferences.DisplayDocTitle is True
    assert seed_pdf.pdf_version == "1.7"


def test_xmp_identifies_pdf_ua_1(seed_pdf: pikepdf.Pdf) -> None:
    xmp = seed_pdf.open_metadata()  # read only: no `with`, which would write it back
    assert xmp["pdfuaid:part"] == "1"
    assert xmp["dc:title"] == TITLE
    assert "pdfaid:part" not in xmp


def test_document_information_comes_from_the_content(seed_pdf: pikepdf.Pdf) -> None:
    info = {str(key): str(value) for key, value in seed_pdf.docinfo.items()}
    assert info == {
        "/Title": TITLE,
        "/Author": "Mogens Lykketoft",
        "/Subject": "Letter of 22 July 2016 and summary of the hearing of 18 July 2016",
        "/Keywords": "cover letter, hearing summary, 18 July 2016, Conference Room 4, "
        "United Nations Headquarters, New York",
        "/Creator": "hearing-docs",
        "/Producer": f"WeasyPrint {version('weasyprint')}",  # whichever release is installed
        "/CreationDate": "D:20160722120000Z",
        "/ModDate": "D:20160722120000Z",
    }
    xmp = seed_pdf.open_metadata()
    assert xmp["xmp:CreateDate"] == "2016-07-22T12:00:00Z"
    assert xmp["xmp:ModifyDate"] == "2016-07-22T12:00:00Z"


def _outline(items) -> list[tuple[int, str, int]]:
    found = []

    def walk(entries, level: int) -> None:
        for entry in entries:
            found.append((level, entry.title, entry))
            walk(entry.children, level + 1)

    walk(items, 1)
    return found


def test_outline_has_the_letter_the_summary_and_every_section(seed_pdf: pikepdf.Pdf) -> None:
    pages = {page.objgen: number for number, page in enumerate(seed_pdf.pages, start=1)}
    with seed_pdf.open_outline() as outline:
        entries = [
            (level, title, pages[entry.destination[0].objgen])
            for level, title, entry in _outline(outline.root)
        ]
    assert [(level, title) for level, title, _ in entries] == [
        (1, "Letter of 22 July 2016"),
        (1, TITLE),
        *[(2, heading) for heading in SECTION_HEADINGS],
    ]
    assert [page for _, _, page in entries][:3] == [1, 2, 2]


def _structure(pdf: pikepdf.Pdf) -> tuple[list[tuple[str, str]], dict[int, set[int]]]:
    """Structure elements in reading order (type, alternative text) and MCIDs per page."""
    pages = {page.objgen: number for number, page in enumerate(pdf.pages)}
    elements: list[tuple[str, str]] = []
    marked: dict[int, set[int]] = {}

    def walk(node, page: int | None) -> None:
        if isinstance(node, int):
            marked.setdefault(page, set()).add(node)
        elif isinstance(node, pikepdf.Array):
            for child in node:
                walk(child, page)
        elif isinstance(node, pikepdf.Dictionary):
            if "/Pg" in node:
                page = pages[node.Pg.objgen]
            if node.get("/Type") == "/MCR":
                marked.setdefault(page, set()).add(int(node.MCID))
                return
            if "/S" in node:
                elements.append((str(node.S), str(node.get("/Alt", ""))))
            if "/K" in node:
                walk(node.K, page)

    walk(pdf.Root.StructTreeRoot.K, None)
    return elements, marked


def test_structure_tree_has_headings_paragraphs_and_described_images(
    seed_pdf: pikepdf.Pdf,
) -> None:
    elements, _ = _structure(seed_pdf)
    kinds = [kind for kind, _ in elements]
    assert [kind for kind in kinds if kind in {"/H1", "/H2", "/Figure"}] == [
        "/Figure",
        "/Figure",
        "/H1",
        *["/H2"] * len(SECTION_HEADINGS),
    ]
    paragraphs = sum(len(section.paragraphs) for section in SEED.summary.sections)
    assert kinds.count("/P") >= paragraphs
    # The letter comes before the summary: its figures precede the summary's title.
    assert kinds.index("/Figure") < kinds.index("/H1") < kinds.index("/H2")
    figures = [alt for kind, alt in elements if kind == "/Figure"]
    assert figures == [
        "Emblem of the Office of the President of the General Assembly",
        SEED.letter.signatory.signature_alt,
    ]


def test_running_page_numbers_stay_out_of_the_structure_tree(seed_pdf: pikepdf.Pdf) -> None:
    _, marked = _structure(seed_pdf)
    outside = []
    for number, page in enumerate(seed_pdf.pages):
        in_content = {
            int(operands[1].MCID)
            for operands, operator in pikepdf.parse_content_stream(page)
            if str(operator) == "BDC"
            and isinstance(operands[1], pikepdf.Dictionary)
            and "/MCID" in operands[1]
        }
        outside.append(len(in_content - marked.get(number, set())))
    # Page 1 (the letter) has no page number; every summary page has one, and only it.
    assert outside == [0] + [1] * (len(seed_pdf.pages) - 1)


def test_pdffonts_lists_every_font_embedded_and_subset(seed_outputs: dict[str, Path]) -> None:
    pdffonts = require("pdffonts", "poppler-utils")
    listing = subprocess.run(
        [pdffonts, str(seed_outputs["pdf"])], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert len(listing) >= 2, listing  # regular and bold at least
    for line in listing:
        name, *_, emb, sub, uni, _object, _generation = line.split()
        assert re.fullmatch(r"[A-Z]{6}\+Liberation-Serif(-\w+)?", name), line
        assert (emb, sub, uni) == ("yes", "yes", "yes"), line


def test_pypdfium2_renders_every_page(seed_outputs: dict[str, Path]) -> None:
    document = pypdfium2.PdfDocument(seed_outputs["pdf"])
    try:
        assert len(document) == 9
        for index in range(len(document)):
            page = document[index]
            image = page.render(scale=0.5, grayscale=True).to_pil()
            darkest, lightest = image.getextrema()
            assert lightest == 255 and darkest < 128, f"page {index + 1} looks blank"
            text = page.get_textpage().get_text_range()
            assert len(text.split()) > 40, f"page {index + 1} has no text to read"
    finally:
        document.close()
