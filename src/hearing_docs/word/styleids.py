"""Styles given by id: a document whose styles are defined in, paragraphs and runs of a
named style out.

python-docx finds the id of a style from its name on every assignment
(``paragraph.style = name``, ``add_paragraph(style=name)``), walking every style of
the document twice: for the name, then for the default style of its type, whose
paragraphs name no style. A document of ten pages assigns some eighty. ``StyleIds``
asks python-docx once per style, when the styles are all defined, and writes the id
through the same oxml properties as ``Paragraph.style`` and ``Run.style`` do, so the
XML is the one python-docx writes.
"""

from __future__ import annotations

from docx.blkcntnr import BlockItemContainer
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.text.paragraph import Paragraph
from docx.text.run import Run


class StyleIds:
    """The id of every paragraph and character style of a document, by the style's name;
    ``None`` for the default style of its type, as python-docx gives it."""

    def __init__(self, document: Document) -> None:
        styles = document.styles
        kinds = (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER)
        defaults = {kind: styles.default(kind) for kind in kinds}
        self._ids: dict[str, tuple[WD_STYLE_TYPE, str | None]] = {}
        for style in styles:
            if style.type in defaults:
                style_id = None if style == defaults[style.type] else style.style_id
                # The first style of a name, as python-docx's styles[name] finds.
                self._ids.setdefault(style.name, (style.type, style_id))

    def id(self, name: str, kind: WD_STYLE_TYPE) -> str | None:
        """The id of the style ``name`` of ``kind``; KeyError or ValueError for a name the
        document lacks or a style of another kind, as python-docx raises them."""
        found, style_id = self._ids[name]
        if found != kind:
            raise ValueError(f"style {name!r} is of type {found}, need type {kind}")
        return style_id

    def paragraph(self, container: Document | BlockItemContainer, name: str) -> Paragraph:
        """A new paragraph of the style ``name`` at the end of ``container``."""
        paragraph = container.add_paragraph()
        self.restyle(paragraph, name)
        return paragraph

    def restyle(self, paragraph: Paragraph, name: str) -> None:
        """Give ``paragraph`` the style ``name``."""
        paragraph._p.style = self.id(name, WD_STYLE_TYPE.PARAGRAPH)

    def run(self, paragraph: Paragraph, name: str, text: str = "") -> Run:
        """A new run of ``text`` and the character style ``name`` at the end of ``paragraph``."""
        run = paragraph.add_run(text)
        self.restyle_run(run, name)
        return run

    def restyle_run(self, run: Run, name: str) -> None:
        """Give ``run`` the character style ``name``."""
        run._r.style = self.id(name, WD_STYLE_TYPE.CHARACTER)
