"""Footnotes of a summary, in every output, over every example and test document with them.

The PDF and LibreOffice's rendering of the DOCX print each note at the foot of the
page that calls it; the DOCX holds real Word footnotes (a footnotes part, a reference
in the body, the notes in Footnote Text); the HTML page links each call to the note,
listed at the end of the summary. (test_word_parity.py holds that the two PDFs have
the same lines, the notes' lines included.)
"""

from __future__ import annotations

import re
from pathlib import Path
from zipfile import ZipFile

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from hearing_docs.content import loading, markup
from hearing_docs.content.model import Hearing, text_fields
from hearing_docs.document import notes
from hearing_docs.templateset import sets
from support import EXAMPLES, FIXTURES, built_strictly, pdf_pages, spaced, without_page_numbers

# Every example and test document that calls footnotes.
WITH_NOTES = [
    path
    for path in [*EXAMPLES, *sorted((FIXTURES / "documents").glob("*.yaml"))]
    if any(markup.notes(value) for _, _, value in text_fields(loading.load(path)))
]
FOOTNOTES_PART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"

pytestmark = pytest.mark.slow


def test_an_example_has_headingless_opening_paragraphs_and_footnotes() -> None:
    opening = [
        path
        for path in WITH_NOTES
        if path in EXAMPLES
        and (summary := loading.load(path).summary) is not None
        and summary.sections[0].heading is None
    ]
    assert opening


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    """Every example with notes built strictly, and its DOCX converted by LibreOffice."""
    return built_strictly(WITH_NOTES, tmp_path_factory.mktemp("footnotes"))


def _calls(hearing: Hearing) -> list[tuple[str, str]]:
    """Each note in order: the words before its call, and the note's text as printed."""
    found = []
    for _, kind, value in text_fields(hearing):
        if not kind.notes:
            continue
        before = ""
        for run in markup.runs(value):
            if run.note is None:
                before += run.text
            else:
                found.append((" ".join(before.split()[-3:]), markup.plain(run.note)))
    return found


@pytest.mark.libreoffice
@pytest.mark.parametrize("rendering", ["pdf", "lo"], ids=["weasyprint", "libreoffice"])
@pytest.mark.parametrize("content", WITH_NOTES, ids=lambda path: path.stem)
def test_each_note_ends_the_page_that_calls_it(built, content: Path, rendering: str) -> None:
    pages = [
        spaced(without_page_numbers(page)) for page in pdf_pages(built[content.stem][rendering])
    ]
    on_page: dict[int, list[str]] = {}
    for before, note in _calls(loading.load(content)):
        holding = [number for number, page in enumerate(pages) if spaced(note) in page]
        assert len(holding) == 1, f"note {note!r} is on pages {holding}"
        page = pages[holding[0]]
        # The call's words are on the same page, above the note.
        assert page.find(before) < page.find(spaced(note)), (before, note)
        on_page.setdefault(holding[0], []).append(spaced(note))
    for number, printed in on_page.items():
        # The notes close their page, in order, after the last line of the text.
        assert pages[number].endswith(" ".join(printed)), f"page {number + 1}"


def test_each_note_is_a_word_footnote_with_its_reference_in_the_body(built) -> None:
    for content in WITH_NOTES:
        path = built[content.stem]["docx"]
        document = docx.Document(str(path))
        expected = [note for _, note in _calls(loading.load(content))]
        body = document.element.body
        references = [r.get(qn("w:id")) for r in body.iter(qn("w:footnoteReference"))]
        assert references == [str(n) for n in range(1, len(expected) + 1)]
        for reference in body.iter(qn("w:footnoteReference")):
            style = reference.getparent().find(qn("w:rPr")).find(qn("w:rStyle"))
            assert style.get(qn("w:val")) == document.styles["Footnote Reference"].style_id

        part = document.part.part_related_by(FOOTNOTES_PART)
        assert part.content_type == FOOTNOTES_TYPE
        footnotes = parse_xml(part.blob).findall(qn("w:footnote"))
        kinds = [(f.get(qn("w:id")), f.get(qn("w:type"))) for f in footnotes[:2]]
        assert kinds == [("-1", "separator"), ("0", "continuationSeparator")]
        texts, styles = [], set()
        for footnote in footnotes[2:]:
            paragraph = footnote.find(qn("w:p"))
            styles.add(paragraph.find(qn("w:pPr")).find(qn("w:pStyle")).get(qn("w:val")))
            assert next(paragraph.iter(qn("w:footnoteRef")), None) is not None
            texts.append("".join(t.text for t in paragraph.iter(qn("w:t"))).strip())
        assert texts == expected
        assert styles == {document.styles["Footnote Text"].style_id}

        with ZipFile(path) as package:
            settings = package.read("word/settings.xml").decode()
        assert '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/>' in settings


def test_the_notes_are_in_the_themes_size_in_the_pdf_and_the_docx(built) -> None:
    content = WITH_NOTES[0]
    theme = sets.resolve(loading.load(content).template, sets.roots_for(content)).theme
    style = docx.Document(str(built[content.stem]["docx"])).styles["Footnote Text"]
    assert style.font.size.pt == theme.footnotes.size
    assert style.paragraph_format.line_spacing.pt == theme.footnotes.line_height
    html = built[content.stem]["html"].read_text(encoding="utf-8")
    rule = re.search(r"\.footnote \{[^}]*\}", html).group()
    assert f"font-size: {theme.footnotes.size}pt" in rule
    assert f"line-height: {theme.footnotes.line_height}pt" in rule


def test_the_html_page_links_each_call_to_its_note_listed_after_the_summary(built) -> None:
    for content in WITH_NOTES:
        html = built[content.stem]["html"].read_text(encoding="utf-8")
        hearing = notes.numbered(loading.load(content))
        listed = notes.listed(hearing)
        assert listed
        assert html.index('<section class="notes"') > html.rindex('class="note-call"')
        for note in listed:
            number = note.number
            assert f'href="#note-{number}" role="doc-noteref"><sup>{number}</sup></a>' in html
            item = re.search(rf'<li id="note-{number}" value="{number}">(.*?)</li>', html)
            assert item is not None, number
            assert str(note.text.__html__()) in item.group(1)
            assert f'href="#note-call-{number}"' in item.group(1)
