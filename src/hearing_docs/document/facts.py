"""Document facts: a hearing and its set's words in, what every renderer records out.

In: a ``Hearing`` and the template set's ``Words`` in its language.
Out: ``Facts``: title, author, subject, keywords, kind, language, the date the
document is dated by, and the letter's bookmark, derived once here, so the
PDF (through the templates), the HTML and the DOCX carry the same values for
a letter with its summary, a letter alone and a summary alone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from hearing_docs.content import markup
from hearing_docs.content.model import Hearing, first_and_last_day
from hearing_docs.document.dates import long_date
from hearing_docs.templateset import catalogue
from hearing_docs.templateset.catalogue import Words
from hearing_docs.templateset.sets import TemplateSet


@dataclass(frozen=True)
class Facts:
    title: str
    """The summary's title on one line; for a letter alone, "Letter of 22 July 2016"."""
    author: str
    """Who signs the letter (names joined by commas); for a summary alone, empty."""
    subject: str
    keywords: tuple[str, ...]
    kind: str
    """The kind of event, in the document's language ("hearing")."""
    language: str
    dated: dt.date
    """The letter's date, or for a summary alone the last day of the event."""
    letter_title: str | None
    """The letter's bookmark, "Letter of 22 July 2016"; None without a letter."""


def of(hearing: Hearing, template_set: TemplateSet) -> tuple[Facts, Words]:
    """The facts of a document, with the words of its set in its language they came from."""
    words = catalogue.load(template_set, hearing.language)
    return derive(hearing, words), words


def derive(hearing: Hearing, words: Words) -> Facts:
    """The facts of one document."""
    language = hearing.language
    letter, summary = hearing.letter, hearing.summary
    kind = words.kinds[hearing.kind]
    letter_date = long_date(letter.date, language) if letter else ""
    event_date = long_date(summary.date, language) if summary else ""
    letter_title = words.letter_title.format(date=letter_date) if letter else None
    keywords: list[str] = []
    if letter is not None:
        keywords.append(words.keyword_letter.format(kind=kind))
    if summary is not None:
        keywords += [words.keyword_summary.format(kind=kind), event_date]
        keywords += [markup.plain(line) for line in summary.venue or []]
    if letter is not None and summary is not None:
        subject = words.subject_letter_and_summary.format(
            letter_date=letter_date, kind=kind, date=event_date
        )
    elif letter is not None:
        subject = words.subject_letter.format(date=letter_date)
    else:
        subject = words.subject_summary.format(kind=kind, date=event_date)
    return Facts(
        title=markup.plain(summary.title_text) if summary is not None else letter_title or "",
        author=", ".join(s.name for s in letter.signers) if letter is not None else "",
        subject=subject,
        keywords=tuple(keywords),
        kind=kind,
        language=language,
        dated=letter.date if letter is not None else first_and_last_day(summary.date)[1],
        letter_title=letter_title,
    )
