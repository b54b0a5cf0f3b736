"""Word stage: a hearing in, an editable DOCX out, through python-docx.

In: a ``Hearing``, its ``TemplateSet`` (for the theme), its ``Assets`` and its
document ``Facts`` (for the file's properties).
Out: the DOCX as bytes, built from the model (not converted from HTML).

Two sections, as the PDF has two parts: the letter, whose first-page header
holds the letterhead and whose first-page footer holds the addressee block;
then the summary on a new page, with PAGE fields in the header or footer the
theme names. Every paragraph has a named style from ``styles.py``; runs
carry only the character styles Emphasis and Strong. No text boxes, and no
tables for layout. ``letter.py`` writes the letter, ``paragraphs.py`` the
text and lists, ``pages.py`` the paper and page numbers.
"""

from __future__ import annotations

from docx.document import Document
from docx.exceptions import PythonDocxError
from docx.image.exceptions import (
    InvalidImageStreamError,
    UnexpectedEndOfFileError,
    UnrecognizedImageError,
)

from hearing_docs.content import markup
from hearing_docs.content.model import Hearing
from hearing_docs.document import titles
from hearing_docs.document.dates import long_date
from hearing_docs.document.facts import Facts
from hearing_docs.errors import Problem, RenderError
from hearing_docs.fonts import glyphs
from hearing_docs.templateset.assets import Assets
from hearing_docs.templateset.catalogue import Catalogue
from hearing_docs.templateset.sets import TemplateSet
from hearing_docs.templateset.theme import Theme
from hearing_docs.word import bidi, letter, package, pages, skeleton, styles
from hearing_docs.word.paragraphs import add, lines, text_and_lists
from hearing_docs.word.styleids import StyleIds

# What python-docx raises on input our checks let through (a picture it cannot read).
_PYTHON_DOCX_ERRORS = (
    PythonDocxError,
    InvalidImageStreamError,
    UnexpectedEndOfFileError,
    UnrecognizedImageError,
)


def render(
    hearing: Hearing,
    template_set: TemplateSet,
    assets: Assets,
    facts: Facts,
    letter_pages: int = 1,
) -> bytes:
    """The document as DOCX bytes, the same for the same content.

    ``letter_pages``: how many pages the letter runs over (the PDF's layout says, see
    ``pipeline``); on a letter of more than one, the notations follow the signature.
    python-docx's own errors become a one-line ``RenderError``; any other error
    is a mistake of ours and keeps its traceback.
    """
    theme = template_set.theme
    text = template_set.catalogue(hearing.language)
    try:
        document = skeleton.document(theme, hearing.language, glyphs.language_slot(text))
        styles.lists(document, theme)
        ids = StyleIds(document)
        if hearing.letter is not None:
            letterhead = template_set.letterhead_lines(hearing.language)
            letter.write(document, ids, hearing, theme, assets, text, letterhead, letter_pages)
        if hearing.summary is not None:
            _summary(document, ids, hearing, theme, text)
        if text.direction == "rtl":
            bidi.right_to_left(document)
        return package.save(document, facts)
    except _PYTHON_DOCX_ERRORS as error:
        raise RenderError(Problem("DOCX", f"python-docx failed: {error}")) from error


def _summary(
    document: Document, ids: StyleIds, hearing: Hearing, theme: Theme, words: Catalogue
) -> None:
    summary = hearing.summary
    assert summary is not None
    title = ids.paragraph(document, "Title")
    for index, line in enumerate(titles.title_lines(summary, theme)):
        if index:
            title.add_run().add_break()
        for run in markup.printed_runs(line):
            for added in bidi.add_runs(title, run.text):
                if run.italic:
                    ids.restyle_run(added, "Emphasis")
    add(document, ids, long_date(summary.date, words), "Meeting Date")
    if summary.venue:
        lines(document, ids, summary.venue, "Venue")
    if summary.label:
        lines(document, ids, [summary.label], "Label")
    numbered = theme.summary.numbered_paragraphs
    paragraph_style = "Numbered Paragraph" if numbered else "Summary Text"
    for section in summary.sections:
        if section.heading is not None:  # opening paragraphs have none
            add(document, ids, section.heading, "Heading 1")
        text_and_lists(document, ids, section.paragraphs, paragraph_style, "List ")
    last = document.sections[-1]
    last.different_first_page_header_footer = False
    pages.numbers(last, theme, ids)
