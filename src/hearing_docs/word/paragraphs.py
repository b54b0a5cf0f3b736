"""Word paragraphs: text, lines and lists of the content in, styled paragraphs out.

In: a container of python-docx (the document, a header or footer, a table
cell), the content's text (a ``RichText`` field, lines written as they are, or
a run of paragraphs and lists) and the names of the styles to give it.
Out: paragraphs of those styles, their runs cut by direction (``bidi``), bold
and italic words in the character styles Strong and Emphasis, footnotes as
Word footnotes, and list items numbered (``numbering``).
"""

from __future__ import annotations

from docx.blkcntnr import BlockItemContainer
from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from hearing_docs.content import markup
from hearing_docs.content.model import BulletList, NumberedList
from hearing_docs.word import bidi, footnotes, numbering, styles
from hearing_docs.word.styleids import StyleIds

Container = Document | BlockItemContainer
"""What python-docx adds paragraphs to: the document's body, a header or footer, a cell."""


def add(container: Container, ids: StyleIds, text: str, style: str) -> Paragraph:
    """A paragraph of ``style`` holding ``text`` as its type says it is printed: the runs of
    its inline markup for rich text (``markup.Marked``), else one run as written."""
    paragraph = ids.paragraph(container, style)
    fill(paragraph, ids, text)
    return paragraph


def fill(paragraph: Paragraph, ids: StyleIds, text: str) -> None:
    """Add the runs of ``text`` to ``paragraph``; a footnote it calls becomes a Word footnote."""
    for run in markup.printed_runs(text):
        if run.note is not None:
            fill(footnotes.call(paragraph, ids), ids, markup.Marked(run.note))
            continue
        for added in bidi.add_runs(paragraph, run.text):
            if run.bold:
                ids.restyle_run(added, "Strong")
            elif run.italic:
                ids.restyle_run(added, "Emphasis")


def lines(container: Container, ids: StyleIds, written: list[str], style: str) -> Paragraph:
    """One paragraph of ``style`` holding the lines ``written``, with line breaks between."""
    paragraph = ids.paragraph(container, style)
    for index, line in enumerate(written):
        if index:
            paragraph.add_run().add_break()
        bidi.add_runs(paragraph, line)
    return paragraph


def text_and_lists(
    document: Document,
    ids: StyleIds,
    paragraphs: list[str | BulletList | NumberedList],
    text_style: str,
    lists: str,
) -> None:
    """Paragraphs of text in ``text_style``; list items in the styles ``lists`` + Bullet
    or Number, each numbered list counting from 1."""
    ended: tuple[str, Paragraph] | None = None  # the list just written: style, last item
    for paragraph in paragraphs:
        if isinstance(paragraph, str):
            add(document, ids, paragraph, text_style)
            ended = None
            continue
        style = f"{lists}Bullet" if isinstance(paragraph, BulletList) else f"{lists}Number"
        if ended is not None and ended[0] == style:
            # Two lists of one style in a row: the space after the first, as in the PDF,
            # which Word's "no space between paragraphs of the same style" would drop.
            _space_after_list(ended[1])
        count = None
        if isinstance(paragraph, NumberedList):
            count = numbering.restart(document)
        elif ended is not None and ended[0] == style:
            count = numbering.separate(document)
        items = paragraph.bullets if isinstance(paragraph, BulletList) else paragraph.numbers
        for item in items:
            added = add(document, ids, item, style)
            if count is not None:
                numbering.number(added, count)
        ended = (style, added)


def _space_after_list(paragraph: Paragraph) -> None:
    properties = paragraph._p.get_or_add_pPr()
    contextual = OxmlElement("w:contextualSpacing")
    contextual.set(qn("w:val"), "0")
    properties.insert_element_before(contextual, *styles.AFTER_CONTEXTUAL)
