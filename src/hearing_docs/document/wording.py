"""Wording of the document's metadata: a hearing and its catalogue in, sentences out.

In: a ``Hearing`` and the ``Catalogue`` of its language.
Out: ``Wording``: the letter's label in the outline ("Letter of 22 July 2016"),
the subject ("... and summary of the hearing of 18 July 2016") and the
keywords, in the document's language. The HTML (and so the PDF) and the DOCX
print these, so the outputs describe themselves alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from hearing_docs.content.model import Hearing
from hearing_docs.document import dates
from hearing_docs.templateset.catalogue import Catalogue, fill


@dataclass(frozen=True)
class Wording:
    letter_label: str
    subject: str
    keywords: tuple[str, ...]


def derive(hearing: Hearing, text: Catalogue) -> Wording:
    """The metadata sentences of ``hearing`` in its language."""
    summary_date = dates.day(hearing.summary.date, text)
    label = fill(text.metadata.letter, date=dates.day(hearing.letter.date, text))
    kind = text.kinds.hearing
    subject = fill(text.metadata.description, letter=label, kind=kind, date=summary_date)
    # One keyword per venue line, after the kind of document; readers split at commas.
    keywords = (*text.metadata.keywords, summary_date, *hearing.summary.venue)
    return Wording(label, subject, keywords)
