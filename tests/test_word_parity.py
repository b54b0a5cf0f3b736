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
import unicodedata
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


# Languages whose lines LibreOffice breaks elsewhere than the PDF, for the reason
# docs/languages.md gives (with a picture): Amiri's contextual alternates, which Word and
# LibreOffice apply and the PDF may not (WeasyPrint would write wrong text for them).
# There the test asks for the same pages and the same text, not the same lines.
LINES_DIFFER = {"ar"}


def _glyphs(pages: list[list[str]]) -> str:
    """All the text of the pages, without spaces, direction marks (pdftotext writes them
    around right-to-left lines), vowel marks (whose order it gives each renderer's way)
    and page numbers."""
    kept = []
    for line in (line for page in pages for line in page):
        bare = "".join(
            c for c in line if not c.isspace() and unicodedata.category(c) not in ("Cf", "Mn")
        )
        if not bare.isdigit():
            kept.append(bare)
    return "".join(kept)


@pytest.mark.parametrize("content", DOCUMENTS, ids=lambda path: path.stem)
def test_word_and_pdf_break_every_line_alike(renderings, content: Path) -> None:
    weasyprint, libreoffice = renderings[content.stem]
    if loading.load(content).language.split("-")[0] in LINES_DIFFER:
        ours, theirs = page_lines(weasyprint), page_lines(libreoffice)
        assert len(ours) == len(theirs), f"{len(ours)} pages, then {len(theirs)}"
        assert _glyphs(ours) == _glyphs(theirs)
        return
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
    template_set = sets.resolve(hearing.template, sets.roots_for(content))
    theme = template_set.for_language(hearing.language).theme
    title_lines = titles.title_lines(hearing.summary, theme)
    first = 1 if hearing.letter is not None else 0  # the summary's first page
    # Chinese puts no spaces between words: a line of it is never one word.
    spaced = hearing.language.split("-")[0] != "zh"
    for rendering in renderings[content.stem]:
        summary_page = page_lines(rendering)[first]
        printed = summary_page[: len(title_lines)]
        expected = [markup.plain(line) for line in title_lines]
        assert list(map(_bare, expected)) == list(map(_bare, printed)), rendering.name
        assert not spaced or all(" " in line for line in printed), f"{rendering.name}: {printed}"


def _bare(line: str) -> str:
    """A line as page_lines reads it (NFKC), without spaces and direction marks, which
    pdftotext places its own way in right-to-left text."""
    line = unicodedata.normalize("NFKC", line)
    return "".join(c for c in line if not c.isspace() and unicodedata.category(c) != "Cf")
