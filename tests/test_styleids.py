"""Paragraphs and runs given their style by id (word/styleids.py): the ids are the ones
python-docx finds by name, and the XML the one python-docx writes, for every style of
every example's document."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from lxml import etree

from hearing_docs.content import loading
from hearing_docs.fonts import glyphs
from hearing_docs.templateset import sets
from hearing_docs.word import styles
from hearing_docs.word.styleids import StyleIds
from support import EXAMPLES

_KINDS = (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER)


def styled_document(path: Path):  # type: ignore[no-untyped-def]
    """A python-docx document with the styles of the example ``path``'s document."""
    hearing = loading.load(path)
    template_set = sets.resolve(hearing.template, sets.roots_for(path))
    template_set = template_set.for_language(hearing.language)
    slot = glyphs.language_slot(template_set.catalogue(hearing.language))
    document = docx.Document()
    styles.define(document, template_set.theme, hearing.language, slot)
    return document


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.name)
def test_every_style_is_given_as_python_docx_gives_it(path: Path) -> None:
    document = styled_document(path)
    ids = StyleIds(document)
    checked = set()
    for style in document.styles:
        if style.type not in _KINDS:
            continue
        name = style.name
        assert ids.id(name, style.type) == document.styles.get_style_id(name, style.type)
        if style.type == WD_STYLE_TYPE.PARAGRAPH:
            expected = document.add_paragraph(style=name)
            given = ids.paragraph(document, name)
            restyled = document.add_paragraph()
            ids.restyle(restyled, name)
            assert etree.tostring(given._p) == etree.tostring(expected._p), name
            assert etree.tostring(restyled._p) == etree.tostring(expected._p), name
        else:
            paragraph = document.add_paragraph()
            expected_run = paragraph.add_run("text", style=name)
            given_run = ids.run(paragraph, name, "text")
            assert etree.tostring(given_run._r) == etree.tostring(expected_run._r), name
        checked.add(name)
    # The default paragraph style (no w:pStyle) and the named ones were among them.
    assert {"Normal", "Body Text", "Summary Text", "Strong", "Emphasis"} <= checked


def test_a_style_of_another_kind_or_no_style_is_refused() -> None:
    ids = StyleIds(styled_document(EXAMPLES[0]))
    with pytest.raises(ValueError, match="Strong"):
        ids.id("Strong", WD_STYLE_TYPE.PARAGRAPH)
    with pytest.raises(KeyError):
        ids.id("No Such Style", WD_STYLE_TYPE.PARAGRAPH)
