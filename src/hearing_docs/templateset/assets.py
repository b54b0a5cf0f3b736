"""Assets stage: the images a hearing and its template set name, read and checked.

In: a ``Hearing`` with the ``Source`` it came from (for line numbers) and its
``TemplateSet``.
Out: ``Assets``: the emblem (from the theme, looked up in the set's folders)
and the signature (from the content, relative to the content file), each an
``images.Image`` or ``None``. A problem becomes a ``ContentError`` or
``TemplateError`` that names the file, line and field.
"""

from __future__ import annotations

from dataclasses import dataclass

from hearing_docs.content.model import Hearing
from hearing_docs.content.yamlsource import Source
from hearing_docs.errors import ContentError, Problem, TemplateError, shown_path
from hearing_docs.templateset import images
from hearing_docs.templateset.sets import TemplateSet


@dataclass(frozen=True)
class Assets:
    """The images of one document, checked and read."""

    emblem: images.Image | None
    signature: images.Image | None


def load(hearing: Hearing, source: Source, template_set: TemplateSet) -> Assets:
    """Read the emblem and the signature, or raise an error that says where they are named."""
    return Assets(_emblem(template_set), _signature(hearing, source))


def _signature(hearing: Hearing, source: Source) -> images.Image | None:
    relative = hearing.letter.signatory.signature
    if relative is None:
        return None
    try:
        return images.load(relative, source.path.resolve().parent)
    except images.ImageProblem as problem:
        where = ("letter", "signatory", "signature")
        line, column = source.position(where)
        raise ContentError(
            Problem(shown_path(source.path), str(problem), line, column, ".".join(where))
        ) from None


def _emblem(template_set: TemplateSet) -> images.Image | None:
    relative = template_set.theme.letterhead.emblem
    if relative is None:
        return None
    folder = template_set.find(relative)
    try:
        if folder is None:
            raise images.ImageProblem(
                f"emblem '{relative}' not found in the template set '{template_set.name}'"
            )
        return images.load(relative, folder)
    except images.ImageProblem as problem:
        # The theme file that names the emblem: the set's own, or one it extends.
        shown, line, _ = template_set.theme_position(("letterhead", "emblem"))
        raise TemplateError(Problem(shown, str(problem), line, None, "letterhead.emblem")) from None
