"""The starting template's styles: python-docx's default document in, its styles cleared out.

In: the ``Document`` python-docx starts from (a template of an old Word for
Mac, with 164 styles in Calibri, Cambria and theme blue), and the names of the
styles ``styles.py`` keeps.
Out: every other style removed, with the references to them, the kept ones
the only ones offered in Word's style gallery, and each kept style stripped of
the template's fonts, colours and spacing, so that it takes the theme's.
"""

from __future__ import annotations

from docx.document import Document
from docx.oxml.ns import qn
from docx.styles.style import BaseStyle


def prune(document: Document, kept: set[str]) -> dict[str, BaseStyle]:
    """Remove every style not ``kept`` and keep the others out of the gallery; the styles
    left, by name.

    The styles are walked once: python-docx's ``styles[name]`` walks all of them for each
    name it looks up, and the template brings 164."""
    root = document.styles.element
    left: dict[str, BaseStyle] = {}
    ids = set()
    for style in list(document.styles):
        if style.name in kept:
            left.setdefault(style.name, style)  # the first of a name, as ``styles[name]``
            ids.add(style.style_id)
        else:
            root.remove(style.element)
    for element in root.findall(qn("w:style")):
        for tag in ("w:link", "w:next", "w:basedOn"):
            reference = element.find(qn(tag))
            if reference is not None and reference.get(qn("w:val")) not in ids:
                element.remove(reference)
    # Word's built-in styles not defined here show in its gallery when marked so.
    latent = root.find(qn("w:latentStyles"))
    if latent is not None:
        titles = {name.title() for name in kept}
        for exception in latent.findall(qn("w:lsdException")):
            if exception.get(qn("w:name")).title() not in titles:
                exception.attrib.pop(qn("w:qFormat"), None)
    return left


def drop_theme_fonts(style: BaseStyle) -> None:
    """Remove the template's fonts, colours, sizes and spacing, which would override the
    theme's (Heading 2 in blue Calibri), so that the style inherits them from Body Text."""
    rpr = style.element.rPr
    if rpr is not None:
        for tag in (
            "w:rFonts",
            "w:color",
            "w:sz",
            "w:szCs",
            "w:i",
            "w:iCs",
            "w:b",
            "w:bCs",
            "w:spacing",
            "w:kern",
        ):
            for element in rpr.findall(qn(tag)):
                rpr.remove(element)
    ppr = style.element.pPr
    if ppr is not None:
        for tag in ("w:pBdr", "w:spacing", "w:contextualSpacing", "w:ind", "w:keepLines"):
            for element in ppr.findall(qn(tag)):
                ppr.remove(element)
