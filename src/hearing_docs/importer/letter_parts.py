"""The parts of a typed letter: its lines in, the content of ``letter`` out.

In: the ``Line``s of the letter's pages (``typed.parts_of``), its language,
and the letterhead lines the template set prints.
Out: a ``Found``: the letter as plain content data, one line per part
recognised (what and where), warnings for guesses, the lines left out (each
named in a warning by the caller), and the signature picture.

Recognised from text and formatting, in the order of a letter: the
letterhead (centred capitals at the top, or in the header), the date (a
line that reads as a date, usually pushed right), the salutation (a short
line ending in a comma), the body, the complimentary close, the signature
picture, the signatory's name and title lines, and the addressee block
(the last lines of the page, or the page's footer). Enclosure and copy
notations are recognised by their words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from hearing_docs.document.dates import long_date
from hearing_docs.importer import dates, typed
from hearing_docs.importer.blocks import Picture
from hearing_docs.importer.typed import CLOSING, Line

SALUTATION = re.compile(
    r"^(excellency|your excellency|sir|madam|dear\b.*|mr\.? president|madam president)[,:!]?$",
    re.IGNORECASE,
)
NOTATION = re.compile(r"^(enclosures?|encl\.?|annex(es)?|cc|c\.c\.|copy to|copies to)\b", re.I)
ADDRESSEE = re.compile(
    r"^(to all|to the|to:|all permanent|permanent (representatives|observers|missions)|"
    r"and permanent|h\.?e\.?\b|his excellency|her excellency|new york\b)",
    re.IGNORECASE,
)
_PLACE = re.compile(r"^[^\d,]{2,40},\s*(?=\d|[^\W\d]+\s+\d)")
"""A place before the date: "New York, 22 July 2016"."""
LETTERHEAD = re.compile(r"(president|general assembly|united nations|the president|of the)", re.I)


@dataclass
class Found:
    content: dict[str, Any] = field(default_factory=dict)
    recognised: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    left_out: list[tuple[Line, str]] = field(default_factory=list)
    """Lines the content cannot hold, with why: the caller names their words."""
    signature: Picture | None = None
    above: list[Line] = field(default_factory=list)
    """Lines between the date and the salutation (an address typed at the top)."""

    def saw(self, part: str, lines: list[Line], note: str = "") -> None:
        first = lines[0].block.number
        last = lines[-1].block.number
        where = f"paragraph {first}" if first == last else f"paragraphs {first}-{last}"
        if lines[0].block.part != "body":
            where = f"{lines[0].block.part} {where}"
        words = " / ".join(line.text for line in lines if line.text)
        words = words if len(words) <= 60 else words[:57] + "..."
        self.recognised.append(f'{part}: {where} "{words}"' + (f" ({note})" if note else ""))


def letter(lines: list[Line], header: list[Line], footer: list[Line], language: str) -> Found:
    """The letter's content from its lines."""
    found = Found()
    lines = [line for line in lines if line.text or line.pictures]
    position = _letterhead(lines, header, found)
    position = _date(lines, position, found, language)
    position = _salutation(lines, position, found)
    closing = _closing(lines, position, found)
    body = [line for line in lines[position:closing] if line.text]
    if body:
        paragraphs: list[Any] = []
        items: list[list[Line]] = []
        for line in body:
            typed.add_paragraph(paragraphs, line, items)
        found.content["body"] = paragraphs
        texts = [line for line in body if not line.list_kind]
        if texts:
            found.saw("body", texts, f"{len(texts)} paragraphs")
        for listed in items:
            found.saw("list", listed, typed.counted(listed))
        _list_notes(body, found)
    if closing < len(lines):
        found.content["closing"] = lines[closing].rich()
        found.saw("closing", [lines[closing]])
    _signature_block(lines[closing + 1 :], footer, found)
    return found


def _list_notes(body: list[Line], found: Found) -> None:
    for line in body:
        if line.marker_in_text:
            found.warnings.append(
                f"{line.place()}: a bulleted item keeps its marker "
                f'"{line.marker}" in the text (the content numbers lists 1., 2., ...)'
            )


def _letterhead(lines: list[Line], header: list[Line], found: Found) -> int:
    position = 0
    while position < len(lines):
        line = lines[position]
        if line.pictures and not line.text and position < 3:
            found.recognised.append(f"emblem: {line.place()} (the template set prints its own)")
            position += 1
            continue
        capitals = line.capitals or LETTERHEAD.search(line.text)
        if line.centred and capitals and line.words <= 8 and dates.parse(line.text) is None:
            position += 1
            continue
        break
    typed = lines[:position]
    heads = [line for line in header if line.text]
    for part, shown in (
        ("letterhead", [line for line in typed if line.text]),
        ("letterhead", heads),
    ):
        if shown:
            found.saw(part, shown, "the template set prints its own letterhead")
            found.left_out += [(line, "the template set prints the letterhead") for line in shown]
    return position


def _date(lines: list[Line], position: int, found: Found, language: str) -> int:
    for index in range(position, min(position + 8, len(lines))):
        line = lines[index]
        value = dates.parse(line.text, language) or dates.parse(_PLACE.sub("", line.text))
        if value is None:
            continue
        for skipped in lines[position:index]:
            found.left_out.append((skipped, "a line between the letterhead and the date"))
        found.content["date"] = value
        how = "right-aligned" if line.right else "by its words"
        found.saw("date", [line], f"{value.isoformat()}, {how}")
        reworded(line, value, language, found)
        return index + 1
    found.warnings.append("no date found at the top of the letter")
    return position


def reworded(line: Line, value: Any, language: str, found: Found) -> None:
    """Warn when the date will print in other words than the typist's."""
    printed = long_date(value, language)
    if " ".join(line.text.split()) != printed:
        found.warnings.append(
            f'{line.place()}: the date "{line.text}" will print as "{printed}", '
            "as correspondence writes dates"
        )


def _salutation(lines: list[Line], position: int, found: Found) -> int:
    for index in range(position, min(position + 12, len(lines))):
        line = lines[index]
        if SALUTATION.match(line.text) or (line.words <= 6 and line.text.endswith(",")):
            found.above = [line for line in lines[position:index] if line.text]
            found.content["salutation"] = line.text
            found.saw("salutation", [line])
            return index + 1
    found.warnings.append("no salutation found (a short line ending in a comma)")
    return position


def _closing(lines: list[Line], position: int, found: Found) -> int:
    """The index of the complimentary close (len(lines) when there is none)."""
    candidates = [i for i in range(position, len(lines)) if CLOSING.search(lines[i].text)]
    if candidates:
        return candidates[-1]
    # No usual wording: the last paragraph of full sentences before the signature block.
    for index in range(len(lines) - 1, position - 1, -1):
        line = lines[index]
        if line.words >= 6 and line.text.rstrip().endswith((".", ",")):
            found.warnings.append(
                f"{line.place()}: guessed as the complimentary close (the last sentence "
                "before the signature)"
            )
            return index
    return len(lines)


def _side_by_side(lines: list[Line], found: Found) -> list[Line]:
    """Signatories typed side by side in the columns of a table: one each, left to right.
    Returns the lines that are not theirs."""
    cells = [line for line in lines if line.block.cell is not None]
    if not cells:
        return lines
    table = cells[0].block.cell[0]  # type: ignore[index]
    mine = [line for line in cells if line.block.cell[0] == table]  # type: ignore[index]
    columns = sorted({line.block.cell[2] for line in mine})  # type: ignore[index]
    if len(columns) < 2:
        return lines
    signers = []
    for column in columns:
        cell = [line for line in mine if line.block.cell[2] == column and line.text]  # type: ignore[index]
        if not cell:
            continue
        signer: dict[str, Any] = {"name": cell[0].text}
        if len(cell) > 1:
            signer["title"] = [line.text for line in cell[1:]]
        signers.append(signer)
        found.saw("signatory", cell, "side by side")
    for line in mine:
        if line.pictures:
            found.warnings.append(
                f"{line.place()}: the signature picture of a signatory side by side is not kept"
            )
    if len(signers) >= 2:
        found.content["signatories"] = signers
    elif signers:
        found.content["signatory"] = signers[0]
    return [line for line in lines if line not in mine]


def _signature_block(lines: list[Line], footer: list[Line], found: Found) -> None:
    rest = list(lines)
    while rest and rest[0].pictures and not rest[0].text:
        found.signature = rest[0].pictures[0]
        found.recognised.append(f"signature: {rest[0].place()} (a picture)")
        rest.pop(0)
    notations = [line for line in rest if NOTATION.match(line.text)]
    rest = _side_by_side([line for line in rest if line not in notations], found)
    if "signatories" in found.content or "signatory" in found.content:
        addressees = [line for line in rest if line.text]  # the names were in a table
    else:
        addressees = _signatory(rest, found)
    # The notations may stand in the footer too, under the addressees.
    notations += [line for line in footer if NOTATION.match(line.text)]
    typed_below = [line for line in footer if line.text and line not in notations]
    if not addressees and typed_below:
        addressees, typed_below = typed_below, []
    for line in typed_below:
        found.left_out.append((line, "a footer line of page 1, beside the addressees"))
    if not addressees and found.above:
        addressees, found.above = found.above, []
        moved = " / ".join(line.text for line in addressees)
        found.warnings.append(
            f'{addressees[0].place()}: the address above the salutation, "{moved}", is '
            "printed as the addressee block, at the foot of page 1"
        )
    for line in found.above:
        found.left_out.append((line, "a line between the date and the salutation"))
    if addressees:
        found.content["addressees"] = [line.text for line in addressees]
        found.saw("addressees", addressees)
    for line in notations:
        if re.match(r"^(cc|c\.c\.|cop)", line.text, re.I):
            # The content holds the copies; the template set prints "cc:" before them.
            copy = re.sub(r"^(cc|c\.c\.|cop(y|ies) to)\s*:?\s*", "", line.text, flags=re.I)
            if copy:
                found.content.setdefault("copies", []).append(copy)
            found.saw("copy", [line])
        else:
            # The content holds how many; the template set prints "Enclosures (2)".
            number = re.search(r"\((\d+)\)|(\d+)", line.text)
            count = int(next(g for g in number.groups() if g)) if number else 1
            found.content["enclosures"] = found.content.get("enclosures", 0) + count
            found.saw("enclosure", [line])


def _signatory(rest: list[Line], found: Found) -> list[Line]:
    """The signatory's name and title lines; returns the lines after them (the address)."""
    name_index = next((i for i, line in enumerate(rest) if line.text), None)
    if name_index is None:
        return []
    name = rest[name_index]
    if name.pictures:
        found.signature = name.pictures[0]
    signer: dict[str, Any] = {"name": name.text}
    found.saw("signatory", [name])
    titles: list[Line] = []
    addressees: list[Line] = []
    for line in rest[name_index + 1 :]:
        if line.gap_before or ADDRESSEE.match(line.text) or addressees:
            addressees.append(line)
        else:
            titles.append(line)
    if titles:
        signer["title"] = [line.text for line in titles]
        found.saw("signatory title", titles)
    for line in rest[:name_index]:
        found.left_out.append((line, "a line between the close and the signatory"))
    found.content["signatory"] = signer
    return addressees
