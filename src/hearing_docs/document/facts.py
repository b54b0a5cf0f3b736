"""Document facts: a hearing in, what every output says about itself out.

In: a validated ``Hearing``, the template set's ``Catalogue`` of its language
(for the words of the subject, keywords and outline) and, when set, the
``SOURCE_DATE_EPOCH`` environment variable.
Out: ``Facts``: the title, author, subject, keywords, kind, language, date
and time stamps, and the label of the letter in the outline.

They are derived here once: base.html prints them into the HTML's metadata,
the PDF writer gives them to WeasyPrint and the Word package writes them as
the DOCX's core properties, so the three outputs describe themselves alike.
The time stamps are the one place that reads ``SOURCE_DATE_EPOCH``: a build
never carries the clock.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from hearing_docs.content import markup
from hearing_docs.content.model import Hearing
from hearing_docs.document import dates
from hearing_docs.errors import Problem, SettingError
from hearing_docs.templateset.catalogue import Catalogue, fill

DEFAULT_KIND = "hearing"
EPOCH_RANGE = (0, 4_354_819_199)
"""SOURCE_DATE_EPOCH accepted: 1970-01-01 to 2107-12-31 23:59:59 UTC, the last moment
a zip entry (and so a DOCX) can carry."""
MAX_WORD_TITLE = 255
"""Word (and python-docx) refuse a longer core property (title, keywords, author)."""


@dataclass(frozen=True)
class Facts:
    """What a document says about itself (its metadata), the same in every output."""

    kind: str
    """What the summary reports on: ``hearing`` unless the content says otherwise."""
    title: str
    """The summary's title on one line, without markup."""
    author: str
    subject: str
    keywords: tuple[str, ...]
    language: str
    date: dt.date
    """The document's date: the letter's."""
    created: dt.datetime
    """Creation and modification time: noon UTC of ``date``, or ``SOURCE_DATE_EPOCH``."""
    letter_label: str
    """The letter's entry in the outline (PDF bookmarks): "Letter of 22 July 2016"."""

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


def derive(hearing: Hearing, text: Catalogue) -> Facts:
    """The facts of ``hearing``'s document, in its language."""
    kind = getattr(hearing, "kind", None) or DEFAULT_KIND
    # A kind the catalogue names is printed in the language; another as the content writes it.
    kind_name = text.kinds.model_dump().get(kind.replace("-", "_").replace(" ", "_"), kind)
    summary_date = dates.day(hearing.summary.date, text)
    letter_label = fill(text.metadata.letter, date=dates.day(hearing.letter.date, text))
    description = text.metadata.description
    subject = fill(description, letter=letter_label, kind=kind_name, date=summary_date)
    return Facts(
        kind=kind,
        title=markup.plain(hearing.summary.title_text),
        author=hearing.letter.signatory.name,
        subject=subject,
        # One keyword per venue line, after the kind of document; readers split at commas.
        keywords=(
            *(fill(keyword, kind=kind_name) for keyword in text.metadata.keywords),
            summary_date,
            *hearing.summary.venue,
        ),
        language=hearing.language,
        date=hearing.letter.date,
        created=moment(hearing.letter.date),
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
