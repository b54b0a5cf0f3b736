"""The PDF and the DOCX break every line alike, on every document.

Every example content file the project ships (content/*.yaml) and every test
document (tests/fixtures/documents/*.yaml) is built into a PDF and a DOCX; the
DOCX is converted to PDF by LibreOffice; pdftotext then reads both, page by
page and line by line. The two must have the same number of pages and the same
lines, word for word, list markers aside. A new example is covered by being
added to content/, without a new test.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hearing_docs.content import loading, markup
from hearing_docs.document import titles
from hearing_docs.pipeline import BuildOptions, build
from hearing_docs.templateset import sets
from support import EXAMPLES, FIXTURES, libreoffice_pdfs, line_differences, page_lines

DOCUMENTS = EXAMPLES + sorted((FIXTURES / "documents").glob("*.yaml"))
# A letter alone has no summary title.
WITH_SUMMARY = [path for path in DOCUMENTS if loading.load(path).summary is not None]

pytestmark = [pytest.mark.libreoffice, pytest.mark.slow]


@pytest.fixture(scope="module")
def renderings(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """For every document: its WeasyPrint PDF and LibreOffice's PDF of its DOCX."""
    out = tmp_path_factory.mktemp("parity")
    built = {}
    for content in DOCUMENTS:
        written = build(
            content, out / content.stem, BuildOptions(formats=("pdf", "docx"), strict=True)
        )
        built[content.stem] = {path.suffix: path for path in written}
    converted = libreoffice_pdfs([files[".docx"] for files in built.values()], out / "libreoffice")
    return {
        stem: (files[".pdf"], pdf)
        for (stem, files), pdf in zip(built.items(), converted, strict=True)
    }


def test_every_example_and_test_document_is_measured() -> None:
    names = {path.stem for path in DOCUMENTS}
    assert "2016-07-18-refugees-and-migrants" in names
    assert len([path for path in DOCUMENTS if path.parent.name == "content"]) >= 2
    assert len(names) == len(DOCUMENTS), "two documents of the same name"


@pytest.mark.parametrize("content", DOCUMENTS, ids=lambda path: path.stem)
def test_word_and_pdf_break_every_line_alike(renderings, content: Path) -> None:
    weasyprint, libreoffice = renderings[content.stem]
    problems = line_differences(page_lines(weasyprint), page_lines(libreoffice))
    assert not problems, "PDF (-) and LibreOffice's PDF of the DOCX (+) differ:\n" + "\n".join(
        problems
    )


@pytest.mark.parametrize("content", DOCUMENTS, ids=lambda path: path.stem)
def test_no_word_is_broken_after_a_slash(renderings, content: Path) -> None:
    """A document symbol (A/RES/72/274) or HIV/AIDS is never split, in either output."""
    for rendering in renderings[content.stem]:
        split = [
            (number, line)
            for number, page in enumerate(page_lines(rendering), start=1)
            for line in page
            if re.search(r"\S/$", line)
        ]
        assert not split, f"{rendering.name}: lines ending inside a word at '/': {split}"


@pytest.mark.parametrize("content", WITH_SUMMARY, ids=lambda path: path.stem)
def test_no_title_line_holds_a_word_alone(renderings, content: Path) -> None:
    """The summary's title lines are balanced: none of them, in either output, is one word."""
    hearing = loading.load(content)
    assert hearing.summary is not None
    theme = sets.resolve(hearing.template, sets.roots_for(content)).theme
    title_lines = titles.title_lines(hearing.summary, theme)
    first = 1 if hearing.letter is not None else 0  # the summary's first page
    for rendering in renderings[content.stem]:
        summary_page = page_lines(rendering)[first]
        printed = summary_page[: len(title_lines)]
        assert [markup.plain(line) for line in title_lines] == printed, rendering.name
        assert all(" " in line for line in printed), f"{rendering.name}: {printed}"
