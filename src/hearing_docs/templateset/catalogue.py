"""Words of a template set: a set and a language in, the set's fixed words out.

In: a ``TemplateSet`` and a language tag (``en``, ``fr``, ``es-MX``).
Out: ``Words``: what the documents print or record that is not content (the
names of kinds of event, the words of metadata, bookmarks and notations),
read from ``text/<language>.yaml`` in the set's folders, so that Python holds
none of them and the PDF, the HTML and the DOCX print the same. A tag with a
region falls back to its language (``es-MX`` to ``es``), and a language the
set has no file for to English.
"""

from __future__ import annotations

from pathlib import Path
from typing import get_args

from pydantic import BaseModel, ConfigDict, model_validator

from hearing_docs.content import yamlsource
from hearing_docs.content.model import Kind
from hearing_docs.content.validation import validate
from hearing_docs.errors import Problem, TemplateError, shown_path
from hearing_docs.templateset.sets import TemplateSet

FOLDER = "text"
FALLBACK = "en"


class Words(BaseModel):
    """The fixed words of one language; ``{date}``, ``{kind}``, ``{count}`` are filled in."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    kinds: dict[Kind, str]
    letter_title: str
    subject_letter_and_summary: str
    subject_letter: str
    subject_summary: str
    keyword_letter: str
    keyword_summary: str
    personal: str
    confidential: str
    enclosure: str
    enclosures: str
    copies: str

    def enclosure_line(self, count: int) -> str:
        """ "Enclosure" for one, "Enclosures (2)" for more."""
        return self.enclosure if count == 1 else self.enclosures.format(count=count)

    @model_validator(mode="after")
    def _every_kind(self) -> Words:
        missing = [kind for kind in get_args(Kind) if kind not in self.kinds]
        if missing:
            raise ValueError(f"kinds: no name for '{missing[0]}'")
        return self


def file_for(template_set: TemplateSet, language: str) -> Path | None:
    """The catalogue file used for ``language``: the most specific one the set has."""
    primary = language.split("-")[0]
    for name in (language, primary, FALLBACK):
        folder = template_set.find(f"{FOLDER}/{name}.yaml")
        if folder is not None:
            return folder / FOLDER / f"{name}.yaml"
    return None


def load(template_set: TemplateSet, language: str) -> Words:
    """The set's words in ``language``, or a ``TemplateError`` naming the file and line."""
    path = file_for(template_set, language)
    if path is None:
        where = shown_path(template_set.folders[0])
        message = f"the set has no {FOLDER}/{FALLBACK}.yaml (its words: kinds, notations)"
        raise TemplateError(Problem(where, message))
    shown = shown_path(path)
    try:
        source = yamlsource.load(path, shown)
    except yamlsource.YamlProblems as error:
        raise TemplateError(error.problems) from None
    return validate(source, Words, shown, TemplateError)
