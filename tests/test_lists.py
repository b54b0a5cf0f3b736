"""Lists in the letter and in the summary: bulleted and numbered, in the PDF, the HTML
and the Word file alike, each numbered list counting from 1, its numbers where the
PDF has them."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

from hearing_docs.pipeline import BuildOptions, build
from support import FIXTURES, libreoffice_pdf, page_lines, word_boxes

LISTS = FIXTURES / "documents" / "lists.yaml"
LETTER_NUMBERS = [*range(1, 11), 1, 2]  # ten items, then a list of two counting again

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("lists")
    written = build(LISTS, out, BuildOptions(formats=("pdf", "docx", "html"), strict=True))
    return {path.suffix: path for path in written}


def _numbering(docx_file: Path) -> etree._Element:
    with zipfile.ZipFile(docx_file) as package:
        return etree.fromstring(package.read("word/numbering.xml"))


def test_word_lists_take_the_styles_of_their_part(built) -> None:
    document = docx.Document(str(built[".docx"]))
    styles = [p.style.name for p in document.paragraphs]
    letter_end = styles.index("Signatory")
    letter, summary = styles[:letter_end], styles[letter_end:]
    assert letter.count("Letter Bullet") == 2 and letter.count("Letter Number") == 12
    assert "List Bullet" not in letter and "List Number" not in letter
    assert summary.count("List Number") == 2 and summary.count("List Bullet") == 4
    assert document.styles["Letter Bullet"].base_style.name == "List Bullet"
    assert document.styles["Letter Number"].paragraph_format.alignment == 0  # flush left


def test_each_numbered_list_counts_from_one(built) -> None:
    document = docx.Document(str(built[".docx"]))
    numbering = _numbering(built[".docx"])
    nums = {num.get(qn("w:numId")): num for num in numbering.iter(qn("w:num"))}
    decimal = {
        abstract.get(qn("w:abstractNumId"))
        for abstract in numbering.iter(qn("w:abstractNum"))
        if abstract.find(f".//{qn('w:numFmt')}").get(qn("w:val")) == "decimal"
        and abstract.find(f".//{qn('w:suff')}") is None  # not the numbered paragraphs
    }
    lists: list[str] = []
    for paragraph in document.paragraphs:
        if paragraph.style.name not in ("Letter Number", "List Number"):
            continue
        num_id = paragraph._p.pPr.numPr.numId.val
        if not lists or lists[-1] != str(num_id):
            lists.append(str(num_id))
    assert len(lists) == len(set(lists)) == 3, "one list of its own for each numbered list"
    for num_id in lists:
        num = nums[num_id]
        assert num.find(qn("w:abstractNumId")).get(qn("w:val")) in decimal
        start = num.find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}")
        assert start is not None and start.get(qn("w:val")) == "1"


def test_the_html_has_its_lists(built) -> None:
    html = built[".html"].read_text(encoding="utf-8")
    letter, summary = html.split('<article class="summary"', 1)
    assert letter.count('<ul class="body">') == 1 and letter.count('<ol class="body">') == 2
    assert letter.count("<li>") == 14
    assert summary.count("<ol>") == 1 and summary.count("<ul>") == 2


def _numbered_lines(lines: list[str]) -> list[int]:
    return [int(found.group(1)) for line in lines if (found := re.match(r"(\d+)\. ", line))]


def test_the_pdf_numbers_each_list_from_one(built) -> None:
    letter, summary = page_lines(built[".pdf"])
    assert _numbered_lines(letter) == LETTER_NUMBERS
    assert _numbered_lines(summary) == [1, 2]
    assert "The first meeting will take place on 1 March 2017." in " ".join(letter)


@pytest.mark.libreoffice
def test_markers_and_items_stand_where_the_pdf_has_them(built, tmp_path: Path) -> None:
    """Every list marker and the first word of every item, in LibreOffice's rendering of
    the Word file, at the left edge the PDF gives it (a number of two digits too)."""
    converted = libreoffice_pdf(built[".docx"], tmp_path)
    assert _numbered_lines(page_lines(converted)[0]) == LETTER_NUMBERS
    for page in (1, 2):
        # The words of the PDF's lines sit 0.1 pt further left than LibreOffice's, lists
        # or not (the text's own left edge: 76.5 pt against 76.6 pt).
        mine, theirs = _line_starts(built[".pdf"], page), _line_starts(converted, page)
        assert len(mine) == len(theirs) > 3
        for (word, left, second), (word_lo, left_lo, second_lo) in zip(mine, theirs, strict=True):
            assert word == word_lo
            assert abs(left - left_lo) <= 0.15, (word, left, left_lo)
            assert abs(second - second_lo) <= 0.15, (word, second, second_lo)


def _line_starts(pdf: Path, page: int) -> list[tuple[str, float, float]]:
    """For each line starting with a list marker: the marker, its left edge and that of
    the word after it."""
    boxes = word_boxes(pdf, page)
    starts = []
    for index, (word, left, top, _right, _bottom) in enumerate(boxes[:-1]):
        line_begins = index == 0 or boxes[index - 1][2] != top
        if line_begins and re.fullmatch(r"\d+\.|\u2022", word):
            starts.append((word, left, boxes[index + 1][1]))
    return starts
