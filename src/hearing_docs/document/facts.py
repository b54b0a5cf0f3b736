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
from hearing_docs.content.dates import first_and_last_day
from hearing_docs.content.model import Hearing
from hearing_docs.document.dates import long_date
from hearing_docs.errors import Problem, SettingError
from hearing_docs.templateset import catalogue
from hearing_docs.templateset.catalogue import Words
from hearing_docs.templateset.sets import TemplateSet

EPOCH_RANGE = (0, 4_354_819_199)
"""SOURCE_DATE_EPOCH accepted: 1970-01-01 to 2107-12-31 23:59:59 UTC, the last moment
a zip entry (and so a DOCX) can carry."""
MAX_WORD_TITLE = 255
"""Word (and python-docx) refuse a longer core property (title, keywords, author)."""


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
        return _fit_word_property(self.title)

    @property
    def word_keywords(self) -> str:
        """``keywords`` as one property, cut at a word to the length Word accepts
        (a venue line may be long)."""
        return _fit_word_property(", ".join(self.keywords))


def _fit_word_property(text: str) -> str:
    if len(text) <= MAX_WORD_TITLE:
        return text
    return text[: MAX_WORD_TITLE - 1].rsplit(" ", 1)[0] + "…"


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
        # Several signatories' names may pass the length Word takes for an author.
        author=_fit_word_property(", ".join(s.name for s in letter.signers)) if letter else "",
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
    A value that is not a whole number of seconds in ``EPOCH_RANGE`` is an error,
    as reproducible-builds.org asks: ignoring it would give other bytes than asked.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch == "":
        return dt.datetime(date.year, date.month, date.day, 12, 0, 0)
    low, high = EPOCH_RANGE
    if not (epoch.isascii() and epoch.isdigit() and low <= int(epoch) <= high):
        shown = epoch if len(epoch) <= 40 else epoch[:40] + "…"
        raise SettingError(
            Problem(
                "SOURCE_DATE_EPOCH",
                f"'{shown}' is not a number of seconds since 1970-01-01 UTC from {low} to "
                f"{high} (2107-12-31, the last day a DOCX can carry); set one, or unset it",
            )
        )
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC).replace(tzinfo=None)
