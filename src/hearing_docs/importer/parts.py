"""What each Word style of a hearing-docs DOCX holds: the mapping as data.

In: nothing (a table).
Out: ``ROLES``, from the style name the Word builder gives a paragraph to
the content field it comes from and how its text reads back; and
``TEMPLATE_STYLES``, the styles of what the template set prints (letterhead,
emblem, signature picture, page numbers), which an import never changes.

Field paths are written as in error messages, with two marks: ``[]`` adds
an item to the list, ``[-]`` goes into its last item. The style names are
those of ``word/styles.py`` (see docs/word.md).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Role:
    path: str
    """Where the text goes, such as ``letter.body[]``."""
    kind: str
    """How the text reads: ``date``; ``event date`` (a day, days, a range or a month);
    ``text`` (one paragraph: its bold and italic become
    markup where the model's type prints markup, see ``fields``); ``lines`` (a list, one
    item a line); ``title`` (lines of one text); and three notations printed in the
    template set's words (``Words``): ``reference`` (the reference symbol and the
    marking under it, "Personal" or "Confidential"), ``enclosure`` ("Enclosure",
    "Enclosures (2)": a count) and ``copies`` (the lines after "cc:")."""
    note: str = ""
    """Said when a paragraph of this style is read: the content holds it less exactly
    than Word does (a sub-heading becomes a section heading)."""


ROLES: dict[str, Role] = {
    "Date": Role("letter.date", "date"),
    "Salutation": Role("letter.salutation", "text"),
    "Body Text": Role("letter.body[]", "text"),
    "Closing": Role("letter.closing", "text"),
    "Signatory": Role("letter.signatory.name", "text"),
    "Signatory Title": Role("letter.signatory.title[]", "text"),
    # Several signatories: one column each of a table without borders, left to right.
    "Side Signatory": Role("letter.signatories[].name", "text"),
    "Side Signatory Title": Role("letter.signatories[-].title[]", "text"),
    "Addressee": Role("letter.addressees[]", "text"),
    "Reference": Role("letter.reference", "reference"),
    "Enclosure": Role("letter.enclosures", "enclosure"),
    "Copies": Role("letter.copies", "copies"),
    "Title": Role("summary.title", "title"),
    "Meeting Date": Role("summary.date", "event date"),
    "Venue": Role("summary.venue", "lines"),
    "Label": Role("summary.label", "text"),
    "Heading 1": Role("summary.sections[].heading", "text"),
    "Summary Text": Role("summary.sections[-].paragraphs[]", "text"),
    "Numbered Paragraph": Role("summary.sections[-].paragraphs[]", "text"),
    "List Bullet": Role("summary.sections[-].paragraphs[-].bullets[]", "text"),
    "List Number": Role("summary.sections[-].paragraphs[-].numbers[]", "text"),
    "Letter Bullet": Role("letter.body[-].bullets[]", "text"),
    "Letter Number": Role("letter.body[-].numbers[]", "text"),
    # Styles Word offers an editor for which the content has no exact field.
    "Heading 2": Role("summary.sections[].heading", "text", "read as a section heading"),
    "Heading 3": Role("summary.sections[].heading", "text", "read as a section heading"),
    "List Paragraph": Role("summary.sections[-].paragraphs[]", "text", "read as a paragraph"),
    "Quote": Role("summary.sections[-].paragraphs[]", "text", "read as a paragraph"),
}

ALIASES: dict[str, str] = {
    # LibreOffice keeps its own names for some Word styles and writes them back
    # under the Word name it pairs them with.
    "Envelope Address": "Addressee",
    "Text Body": "Body Text",
    "Body text": "Body Text",
    "List Bullet 1": "List Bullet",
}
"""Names a re-saved DOCX may give to the styles of ``ROLES``."""

TEMPLATE_STYLES = frozenset(
    {
        "Letterhead",
        "Emblem",
        "Signature",
        "Side Signature",
        "Letter End",
        "Header",
        "Footer",
    }
)
"""What the template set prints: compared with a fresh build, never imported."""

LIST_STYLES = {
    "List Bullet": "bullets",
    "List Number": "numbers",
    "Letter Bullet": "bullets",
    "Letter Number": "numbers",
}
"""The list items' styles, with the list each makes (unless Word's numbering says
otherwise); an item goes into the part it stands in, the letter or the summary."""
PARAGRAPHS = {"letter": "letter.body", "summary": "summary.sections[-].paragraphs"}
"""Where each part's paragraphs and lists go."""


def list_role(kind: str, part: str, new: bool) -> Role:
    """The role of an item of a ``bullets`` or ``numbers`` list in ``part``: the first
    item of a ``new`` list starts one, the next ones join it."""
    return Role(f"{PARAGRAPHS[part]}{'[]' if new else '[-]'}.{kind}[]", "text")


# Where a paragraph in a style of no role goes (an editor's Normal paragraph):
# the role of the text paragraphs of the part of the letter it stands in.
TEXT_ROLES = {"letter": "Body Text", "summary": "Summary Text"}

SIGNATORY_TABLE = frozenset({"Side Signature", "Side Signatory", "Side Signatory Title"})
"""The styles of the one table the builder writes: several signatories side by side."""

OWNED_FIELDS = frozenset(
    {
        *(role.path.replace("[]", "").replace("[-]", "") for role in ROLES.values()),
        "letter.marking",  # read from the paragraph of the reference, under it
    }
)
"""Every field the import writes, as dotted paths without list marks."""
