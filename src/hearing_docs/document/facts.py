"""Document facts: a hearing in, what every output says about itself out.

In: a validated ``Hearing``, the template set's ``Words`` in its language (the
names of kinds of event and the patterns of subject, keywords and bookmark),
and, when set, the ``SOURCE_DATE_EPOCH`` environment variable.
Out: ``Facts``: the title, author, subject, keywords, kind, language, date
and time stamps, and the label of the letter in the outline.

They are derived here once: base.html prints them into the HTML's metadata,
the PDF writer gives them to WeasyPrint and the Word package writes them as
the DOCX's core properties, so the three outputs describe themselves alike,
for a letter with its summary, a letter alone and a summary alone.
The time stamps are the one place that reads ``SOURCE_DATE_EPOCH``: a build
never carries the clock.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from hearing_docs.content import markup
from hearing_docs.content.model import Hearing, first_and_last_day
from hearing_docs.document.dates import long_date
from hearing_docs.templateset import catalogue
from hearing_docs.templateset.catalogue import Words
from hearing_docs.templateset.sets import TemplateSet

MAX_WORD_TITLE = 255
"""Word (and python-docx) refuse a longer core-property title."""


@dataclass(frozen=True)
class Facts:
    """What a document says about itself (its metadata), the same in every output."""

    kind: str
    """What the summary reports on, in the document's language: ``hearing`` unless the
    content says otherwise."""
    title: str
    """The summary's title on one line, without markup; for a letter alone, its label."""
    author: str
    """Who signs the letter, names joined by commas; empty for a summary alone."""
    subject: str
    keywords: tuple[str, ...]
    language: str
    date: dt.date
    """The document's date: the letter's, or for a summary alone the event's last day."""
    created: dt.datetime
    """Creation and modification time: noon UTC of ``date``, or ``SOURCE_DATE_EPOCH``."""
    letter_label: str | None
    """The letter's entry in the outline (PDF bookmarks): "Letter of 22 July 2016";
    None without a letter."""

    @property
    def modified(self) -> dt.datetime:
        return self.created

    @property
    def word_title(self) -> str:
        """``title``, cut at a word to the length Word accepts (with "…" when cut)."""
        if len(self.title) <= MAX_WORD_TITLE:
            return self.title
        return self.title[: MAX_WORD_TITLE - 1].rsplit(" ", 1)[0] + "…"


def derive(hearing: Hearing, template_set: TemplateSet) -> Facts:
    """The facts of ``hearing``'s document, in the words of its template set."""
    return from_words(hearing, catalogue.load(template_set, hearing.language))


def from_words(hearing: Hearing, words: Words) -> Facts:
    """The facts of ``hearing``'s document, with ``words`` in its language."""
    language = hearing.language
    letter, summary = hearing.letter, hearing.summary
    kind = words.kinds[hearing.kind]
    letter_date = long_date(letter.date, language) if letter is not None else ""
    event_date = long_date(summary.date, language) if summary is not None else ""
    letter_label = words.letter_title.format(date=letter_date) if letter is not None else None
    keywords: list[str] = []
    if letter is not None:
        keywords.append(words.keyword_letter.format(kind=kind))
    if summary is not None:
        # One keyword per venue line, after the kind of document; readers split at commas.
        keywords += [words.keyword_summary.format(kind=kind), event_date, *(summary.venue or [])]
    if letter is not None and summary is not None:
        subject = words.subject_letter_and_summary.format(
            letter_date=letter_date, kind=kind, date=event_date
        )
    elif letter is not None:
        subject = words.subject_letter.format(date=letter_date)
    else:
        subject = words.subject_summary.format(kind=kind, date=event_date)
    if letter is not None:
        date = letter.date
    else:
        date = first_and_last_day(summary.date)[1] if summary is not None else dt.date(1980, 1, 1)
    return Facts(
        kind=kind,
        title=markup.plain(summary.title_text) if summary is not None else letter_label or "",
        author=", ".join(s.name for s in letter.signers) if letter is not None else "",
        subject=subject,
        keywords=tuple(keywords),
        language=language,
        date=date,
        created=moment(date),
        letter_label=letter_label,
    )


def moment(date: dt.date) -> dt.datetime:
    """The time stamp of a document: SOURCE_DATE_EPOCH when set, else noon UTC of ``date``.

    Naive, in UTC: python-docx writes it as is, and WeasyPrint takes it as text.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).replace(tzinfo=None)
    return dt.datetime(date.year, date.month, date.day, 12, 0, 0)
