"""The parts of a typed summary: its lines in, the content of ``summary`` out.

In: the ``Line``s of the summary's pages and the content's language.
Out: a ``letter_parts.Found`` holding the summary as plain content data:
the title (the bold or centred lines at the top), the date of the event, the
venue (the centred lines after the title) and a label under it, then the
sections: a heading is a short line in bold (or in a Heading style) that
does not end a sentence; paragraphs before the first heading open the
summary without one; list paragraphs become bulleted or numbered lists
(Word's numbering, decimal or not, or a typed bullet or "1.").
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hearing_docs.importer import dates, typed
from hearing_docs.importer.letter_parts import Found, reworded
from hearing_docs.importer.typed import Line

HEADING_WORDS = 14


def summary(lines: list[Line], language: str) -> Found:
    found = Found()
    lines = [line for line in lines if line.text]
    position = _title(lines, found)
    position = _date_and_venue(lines, position, found, language)
    _sections(lines[position:], found)
    return found


def _title(lines: list[Line], found: Found) -> int:
    title: list[Line] = []
    for line in lines:
        if dates.parse_event(line.text) is not None or (title and line.gap_before):
            break
        titled = line.block.style.lower() in ("title", "subtitle")
        if not (line.bold or line.centred or titled) or line.words > 60:
            break
        title.append(line)
    if not title and lines:
        title = [lines[0]]
        found.warnings.append(f"{lines[0].place()}: guessed as the summary's title")
    if title:
        found.content["title"] = "\n".join(line.marked() for line in title)
        found.saw("summary title", title)
    return len(title)


def _date_and_venue(lines: list[Line], position: int, found: Found, language: str) -> int:
    venue: list[Line] = []
    index = position
    while index < len(lines) and index < position + 6:
        line = lines[index]
        value = dates.parse_event(line.text, language)
        if value is not None and "date" not in found.content:
            found.content["date"] = value
            found.saw("summary date", [line], _shown(value))
            if isinstance(value, dt.date):
                reworded(line, value, language, found)
        elif line.centred and line.words <= 12 and not is_heading(line, styled_only=True):
            venue.append(line)
        else:
            break
        index += 1
    if venue:
        label = venue[-1] if len(venue) > 1 and venue[-1].italic and not venue[-1].bold else None
        if label is not None:
            venue.pop()
            found.content["label"] = label.text
            found.saw("label", [label])
        found.content["venue"] = [line.text for line in venue]
        found.saw("venue", venue)
    if "date" not in found.content:
        found.warnings.append("no date found under the summary's title")
    return index


def is_heading(line: Line, styled_only: bool = False) -> bool:
    """A heading: in a Heading style, or a short line in bold that ends no sentence."""
    if line.block.style.lower().startswith("heading"):
        return True
    if styled_only:
        return False
    text = line.text
    return (
        (line.bold or line.capitals)
        and 0 < line.words <= HEADING_WORDS
        and not text.endswith((".", ",", ";"))
        # A bold numbered line ("1. Opening segment", "II. Panels") is a numbered heading.
        and (not line.marker or line.marker[0].isalnum() or line.marker[0] == "(")
    )


def _sections(lines: list[Line], found: Found) -> None:
    sections: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None
    headings: list[Line] = []
    texts: list[Line] = []
    lists: list[list[Line]] = []
    for line in lines:
        if is_heading(line):
            current = {"heading": line.marked(), "paragraphs": []}
            sections.append(current)
            headings.append(line)
            continue
        if current is None:
            current = {"paragraphs": []}
            sections.append(current)
            found.saw("opening paragraph", [line], "before the first heading")
        typed.add_paragraph(current["paragraphs"], line, lists)
        if not line.list_kind:
            texts.append(line)
    for heading in headings:
        found.saw("heading", [heading])
    if texts:
        found.saw("paragraphs", texts, f"{len(texts)} paragraphs")
    for items in lists:
        found.saw("list", items, typed.counted(items))
    kept: list[dict[str, Any]] = []
    for section in sections:
        if section["paragraphs"]:
            kept.append(section)
            continue
        # A bold line with nothing under it (a closing "***", "Annex"): a paragraph in bold.
        paragraph = f"**{section['heading']}**"
        found.warnings.append(
            f'"{section["heading"]}" has no paragraph under it: kept as a bold paragraph'
        )
        if kept:
            kept[-1]["paragraphs"].append(paragraph)
        else:
            kept.append({"paragraphs": [paragraph]})
    sections = kept
    if sections:
        found.content["sections"] = sections


def _shown(value: Any) -> str:
    """An event date as the content writes it: 2016-06-08, 2016-06-08 to 2016-06-10, ..."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return f"{_shown(value['from'])} to {_shown(value['to'])}"
    if isinstance(value, list):
        return ", ".join(_shown(day) for day in value)
    return str(value)
