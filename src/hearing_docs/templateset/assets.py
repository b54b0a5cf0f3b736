"""Assets stage: the images a hearing and its template set name, read and checked.

In: a ``Hearing`` with the ``Source`` it came from (for line numbers) and its
``TemplateSet``.
Out: ``Assets``: the emblem (from the theme, looked up in the set's folders)
and the signatures (from the content, relative to the content file, one per
signatory), each an ``images.Image`` or ``None``. A problem becomes a ``ContentError`` or
``TemplateError`` that names the file, line and field.
"""

from __future__ import annotations

from dataclasses import dataclass

from hearing_docs.content.model import Hearing
from hearing_docs.content.yamlsource import Source, dotted
from hearing_docs.errors import ContentError, Problem, TemplateError, shown_path
from hearing_docs.templateset import images
from hearing_docs.templateset.sets import TemplateSet


@dataclass(frozen=True)
class Assets:
    """The images of one document, checked and read."""

    emblem: images.Image | None
    signatures: tuple[images.Image | None, ...] = ()
    """One per signatory of the letter, left to right; none without a letter."""

    @property
    def signature(self) -> images.Image | None:
        """The first signatory's signature."""
        return self.signatures[0] if self.signatures else None


def load(hearing: Hearing, source: Source, template_set: TemplateSet) -> Assets:
    """Read the emblem and the signatures, or raise an error that says where they are named."""
    letter = hearing.letter
    if letter is None:
        return Assets(_emblem(template_set))
    if letter.signatory is not None:
        places: list[tuple[str | int, ...]] = [("letter", "signatory")]
    else:
        places = [("letter", "signatories", n) for n in range(len(letter.signers))]
    signatures = tuple(
        _signature(signer.signature, (*place, "signature"), source)
        for signer, place in zip(letter.signers, places, strict=True)
    )
    return Assets(_emblem(template_set), signatures)


def _signature(
    relative: str | None, where: tuple[str | int, ...], source: Source
) -> images.Image | None:
    if relative is None:
        return None
    written = source.origin(where)  # relative to the file that names it
    try:
        return images.load(relative, written.path.resolve().parent)
    except images.ImageProblem as problem:
        line, column = source.position(where)
        raise ContentError(
            Problem(shown_path(written.path), str(problem), line, column, dotted(where))
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
