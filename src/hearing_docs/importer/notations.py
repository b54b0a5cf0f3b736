"""The notations of a letter, read back: printed lines in, content fields out.

In: the lines of a paragraph of the reference, the enclosure or the copy
notation, as a DOCX that hearing-docs made holds them (after an editor), and
the template set's ``Words`` in the document's language.
Out: the fields they were printed from: ``reference`` and ``marking``,
``enclosures`` (a count) and ``copies`` (the lines after "cc:"), or ``None``
where a line is not in the set's words, so that the caller names the place.

The builder prints these from the set's words (``Words.personal``,
``Words.enclosure_line``, ``Words.copies``), so they are read with the same
words: a French letter's "Pièces jointes (2)" reads back as 2.
"""

from __future__ import annotations

import re

from hearing_docs.templateset.catalogue import Words


def _same(line: str, word: str) -> bool:
    return " ".join(line.split()).casefold() == " ".join(word.split()).casefold()


def reference(lines: list[str], words: Words) -> dict[str, str]:
    """The reference symbol and the marking of the lines under the date (either may be
    missing): a line in the set's words for a marking is the marking."""
    found: dict[str, str] = {}
    for line in lines:
        marking = next(
            (m for m in ("personal", "confidential") if _same(line, getattr(words, m))), None
        )
        if marking is not None and "marking" not in found:
            found["marking"] = marking
        elif "reference" not in found:
            found["reference"] = line
        else:  # a second symbol: kept, on the symbol's line
            found["reference"] += " " + line
    return found


def enclosures(text: str, words: Words) -> int | None:
    """How many enclosures the notation says: 1 for the set's "Enclosure", N for its
    "Enclosures (N)"; ``None`` when the text is neither."""
    if _same(text, words.enclosure):
        return 1
    before, _, after = words.enclosures.partition("{count}")
    pattern = re.escape(" ".join(before.split())) + r"\s*(\d{1,3})\s*" + re.escape(after.strip())
    match = re.fullmatch(pattern, " ".join(text.split()), re.IGNORECASE)
    return int(match.group(1)) if match and int(match.group(1)) >= 1 else None


def copies(lines: list[str], words: Words) -> list[str]:
    """The copy lines without the set's "cc:" before the first (an editor may delete it)."""
    if not lines:
        return []
    first = lines[0]
    label = words.copies.strip()
    if first.casefold().startswith(label.casefold()):
        first = first[len(label) :].strip()
    return [line for line in (first, *lines[1:]) if line]
