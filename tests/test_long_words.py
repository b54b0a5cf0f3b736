"""A word longer than a line (a pasted URL, a token of thousands of letters) is broken
where it must be, in the PDF and in the DOCX: no letter runs off the page."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from hearing_docs.pipeline import BuildOptions, build
from support import BASE_CONTENT, libreoffice_pdf, require

pytestmark = pytest.mark.slow  # builds documents or starts programs

BASE = BASE_CONTENT.read_text(encoding="utf-8")
TOKEN = "Z" + "abcdefghij" * 300  # 3,001 letters: about 40 lines
URL = "https://example.org/" + "/".join(f"segment{n}" for n in range(40))  # slashes, no spaces
NAME = "Mogens " + "Q" * 200  # in the narrow signature block


def long_words(tmp_path: Path) -> Path:
    content = tmp_path / "long.yaml"
    text = BASE.replace(
        "        - The hearing was attended by about 300 representatives.",
        f"        - Before {TOKEN} after.\n        - See {URL} end.",
    ).replace("    name: Mogens Lykketoft", f"    name: {NAME}")
    content.write_text(text, encoding="utf-8")
    return content


def page_text(pdf: Path) -> str:
    """The text pdftotext finds on the pages (what runs off a page is not on it), unspaced."""
    tool = require("pdftotext", "poppler-utils")
    text = subprocess.run([tool, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    lines = [line for line in text.splitlines() if not line.strip().isdigit()]  # page numbers
    return "".join("".join(lines).split())


def assert_whole(text: str) -> None:
    for word in (f"Before{TOKEN}after.", f"See{URL}end.", NAME.replace(" ", "")):
        assert word in text, f"{word[:30]}… is cut: {len(word)} characters expected"


def test_the_pdf_breaks_a_word_longer_than_a_line(tmp_path: Path) -> None:
    (pdf,) = build(long_words(tmp_path), tmp_path / "out", BuildOptions(formats=("pdf",)))
    assert_whole(page_text(pdf))


@pytest.mark.libreoffice
def test_the_docx_breaks_a_word_longer_than_a_line(tmp_path: Path) -> None:
    (docx,) = build(long_words(tmp_path), tmp_path / "out", BuildOptions(formats=("docx",)))
    assert_whole(page_text(libreoffice_pdf(docx, tmp_path / "lo")))
