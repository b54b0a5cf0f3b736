"""A DOCX that hearing-docs made, as an editor left it: its paragraphs in, content out.

In: the ``Reading`` of the edited DOCX, the ``Reading`` of the DOCX that the
content file builds today (what the template set prints), the template set's
``Words`` and the content's language, and the DOCX's name for messages.
Out: the content as plain data holding only the fields that ``parts.ROLES``
maps (the notations read in the set's words), and notes for the person (a
paragraph read by its place, a tracked change accepted, a comment); or an
``ImportRefused`` naming the first place that cannot be mapped back: a table,
a text box, a picture other than the signature, a section break added by
hand, a change to what the template set prints (the letterhead, the page
numbers).

Paragraphs are matched by their style names and their order, never by
revision or paragraph ids, so a file re-saved by Word or LibreOffice reads
as the file that was saved.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from hearing_docs.content.markup import Run
from hearing_docs.errors import ContentError, Problem
from hearing_docs.importer import dates, fields, inline, lists, notations
from hearing_docs.importer.blocks import PAGE_BREAK, Block, Reading, Span
from hearing_docs.importer.parts import (
    ALIASES,
    LIST_STYLES,
    PARAGRAPHS,
    ROLES,
    SIGNATORY_TABLE,
    TEMPLATE_STYLES,
    TEXT_ROLES,
    Role,
    list_role,
)
from hearing_docs.importer.yamlfile import KEEP
from hearing_docs.templateset.catalogue import Words


class ImportRefused(ContentError):
    """The DOCX holds something the content cannot hold: nothing is written."""


def canonical(reading: Reading) -> Reading:
    """The reading with every style under the name hearing-docs gives it (``parts.ALIASES``)."""
    for block in reading.blocks:
        block.style = ALIASES.get(block.style, block.style)
    reading.styles_used = {ALIASES.get(name, name) for name in reading.styles_used}
    return reading


def made_by_hearing_docs(reading: Reading) -> bool:
    """Whether the DOCX uses the styles hearing-docs writes (not only Normal and headings)."""
    own = {"Salutation", "Signatory", "Closing", "Addressee", "Meeting Date", "Venue"}
    return len(own & reading.styles_used) >= 2


def refusals(edited: Reading, expected: Reading, shown: str) -> None:
    """Raise ``ImportRefused`` for the first thing the import cannot map back."""
    for block in edited.blocks:
        if block.in_table and block.style not in SIGNATORY_TABLE:
            _refuse(shown, block, "a table cannot be imported; write its content as paragraphs")
        if block.text_box:
            _refuse(shown, block, "a text box cannot be imported; move its text into the page")
        if any(number not in edited.footnotes for number in block.footnotes):
            _refuse(shown, block, "a footnote whose note is missing cannot be imported")
        role = ROLES.get(block.style)
        if block.footnotes and (role is None or "paragraphs" not in role.path):
            _refuse(
                shown,
                block,
                "a footnote cannot be imported here; footnotes belong in the summary's "
                "paragraphs and list items",
            )
        if block.pictures and block.style not in TEMPLATE_STYLES:
            _refuse(
                shown,
                block,
                "a picture cannot be imported (only the signature, which the content names)",
            )
    made = [b.style for b in expected.body() if b.section_break]
    found = [b for b in edited.body() if b.section_break]
    for index, block in enumerate(found):
        if index >= len(made) or block.style != made[index]:
            _refuse(shown, block, "a section break added by hand cannot be imported; remove it")
    if len(found) < len(made):
        last = found[-1] if found else edited.body()[-1]
        _refuse(shown, last, "the section break between the letter and the summary is missing")
    _template_parts(edited, expected, shown)


def _template_parts(edited: Reading, expected: Reading, shown: str) -> None:
    def printed(reading: Reading) -> list[Block]:
        letter = any(b.section == 0 and b.style == "Letterhead" for b in reading.blocks)
        return [
            b
            for b in reading.blocks
            if (b.style in TEMPLATE_STYLES or (b.part != "body" and b.style not in ROLES))
            and not (letter and _later_letter_pages(b))
        ]

    mine, theirs = printed(edited), printed(expected)
    for index, block in enumerate(mine):
        other = theirs[index] if index < len(theirs) else None
        if other is None or _shown(block) != _shown(other):
            _refuse(
                shown,
                block,
                "the template set prints this (letterhead, signature picture or page "
                "number): change the template set or the content file instead",
            )
    if len(theirs) > len(mine):
        missing = theirs[len(mine)]
        _refuse(shown, missing, "was deleted, but the template set prints it")


def _later_letter_pages(block: Block) -> bool:
    """In the letter's section, the header or footer of its pages after the first (the
    page number): LibreOffice leaves it out of a file whose letter has one page."""
    return block.section == 0 and block.style in ("Header", "Footer") and not block.pictures


def _shown(block: Block) -> tuple[str, str, str, int]:
    return (block.part, block.style, " ".join(block.fixed_text.split()), len(block.pictures))


def _refuse(shown: str, block: Block, message: str) -> None:
    raise ImportRefused(Problem(shown, f"{block.place()}: {message}"))


def content(
    reading: Reading, words: Words, language: str, shown: str, expected: Reading | None = None
) -> tuple[dict[str, Any], list[str]]:
    """The content the edited DOCX holds, and notes on how it was read.

    ``words`` are the template set's words in ``language``: the notations
    (marking, enclosures, copies) are read in them.

    ``expected`` is the DOCX the content builds today: a title whose printed
    lines have not changed is left as the content writes it (the builder
    balances long lines, so its lines are not the content's lines)."""
    titles = {
        b.style: _value(b, ROLES[b.style], words, language, shown)
        for b in (expected.body() if expected else [])
        if b.style in ROLES and ROLES[b.style].kind == "title"
    }
    tree: dict[str, Any] = {}
    notes: list[str] = []
    # The summary starts at its first paragraph in a style of its own (its title, ...).
    summary_from = min(
        (
            b.number
            for b in reading.body()
            if b.style in ROLES
            and ROLES[b.style].path.startswith("summary")
            and not ROLES[b.style].note
            and b.style not in LIST_STYLES  # a list may stand in the letter too
        ),
        default=len(reading.body()) + 1,
    )
    in_list: tuple[str, str, lists.ListOf] | None = None  # the last item's part, kind and list
    for block in reading.blocks:
        if block.style in TEMPLATE_STYLES or (block.part != "body" and block.style not in ROLES):
            continue
        if not block.text.strip():
            continue
        role = ROLES.get(block.style)
        region = "summary" if block.part == "body" and block.number >= summary_from else "letter"
        kind = _list_kind(block, role)
        if kind is not None:
            goes_on = (
                in_list is not None
                and in_list[:2] == (region, kind)
                and lists.continues(block.numbering, in_list[2])
            )
            role = list_role(kind, region, new=not goes_on)
            in_list = (region, kind, block.numbering)
        else:
            in_list = None
            if role is None or (role.note and not role.path.startswith(region)):
                role = ROLES[TEXT_ROLES[region]]
                notes.append(f"{block.place()}: style {block.style} read as {_dotted(role.path)}")
            elif role.note:
                notes.append(f"{block.place()}: style {block.style} {role.note}")
        if role.kind == "reference":
            found = notations.reference(block.lines, words)
            # A second paragraph of the reference is refused, as for any field held once.
            put = [_put(tree, f"letter.{name}", value) for name, value in found.items()]
            if all(put):
                continue
            _refuse(shown, block, _second(block.style, role))
        value = _value(block, role, words, language, shown)
        if role.kind == "title" and titles.get(block.style) == value:
            value = KEEP
        if value == []:
            continue  # "cc:" left alone: no copies
        if not _put(tree, role.path, value):
            _refuse(shown, block, _second(block.style, role))
        if block.page_break:
            notes.append(f"{block.place()}: page break not kept (the template sets the pages)")
    for block in reading.blocks:
        notes.extend(comment.replace("{place}", block.place()) for comment in block.comments)
    return tree, notes


def _second(style: str, role: Role) -> str:
    return (
        f"a second paragraph in the style {style}, which the content holds once "
        f"({_dotted(role.path)}): join the two, or give it another style"
    )


def _list_kind(block: Block, role: Role | None) -> str | None:
    """``bullets`` or ``numbers`` for an item of a list: a paragraph in a list style, or
    one of the part's paragraphs that Word's numbering made a list item (an editor's
    Numbering button); else None."""
    if block.part != "body":
        return None
    if block.style in LIST_STYLES:
        return lists.kind(block.list_format, LIST_STYLES[block.style])
    paragraph = role is None or role.path in (f"{part}[]" for part in PARAGRAPHS.values())
    if (
        block.own_list
        and block.numbering.num_id
        and paragraph
        and block.style != "Numbered Paragraph"
    ):
        return lists.kind(block.list_format)
    return None


def _value(block: Block, role: Role, words: Words, language: str, shown: str) -> Any:
    if role.kind == "date":
        text = " ".join(block.text.split())
        value = dates.parse(text, language)
        if value is None:
            _refuse(shown, block, f"'{text}' is not a date such as 22 July 2016")
        return value
    if role.kind == "event date":
        text = " ".join(block.text.split())
        value = dates.parse_event(text, language)
        if value is None:
            _refuse(
                shown, block, f"'{text}' is not a date such as 22 July 2016 or 8\u201310 June 2016"
            )
        return value
    if role.kind == "enclosure":
        text = " ".join(block.text.split())
        count = notations.enclosures(text, words)
        if count is None:
            one, two = words.enclosure, words.enclosures.format(count=2)
            _refuse(shown, block, f"'{text}' is not an enclosure notation such as {one} or {two}")
        return count
    if role.kind == "copies":
        return notations.copies(block.lines, words)
    if role.kind in ("plain", "text") and not fields.takes_markup(role.path):
        return " ".join(block.text.split())
    if role.kind == "lines":
        return block.lines
    lines = [_markup(line) for line in split_lines(block) if "".join(r.text for r in line).strip()]
    if role.kind == "title":
        return "\n".join(lines)
    return " ".join(lines)


def split_lines(block: Block) -> list[list[Run]]:
    """The runs of a paragraph, line by line (at its line breaks)."""
    return _span_lines(block.spans)


def _span_lines(spans: list[Span]) -> list[list[Run]]:
    lines: list[list[Run]] = [[]]
    for span in spans:
        if span.note is not None:  # a footnote's call, with the note's text as markup
            note = " ".join(_markup(line) for line in _span_lines(span.note))
            lines[-1].append(Run("", note=" ".join(note.split())))
            continue
        parts = span.text.replace("\t", " ").replace(PAGE_BREAK, " ").split("\n")
        for index, part in enumerate(parts):
            if index:
                lines.append([])
            if part:
                lines[-1].append(Run(part, bool(span.bold), bool(span.italic)))
    return lines


def _markup(runs: list[Run]) -> str:
    text, _ = inline.to_markup(_stripped(runs))
    return text


def _stripped(runs: list[Run]) -> list[Run]:
    """The runs without the spaces at both ends of the line."""
    runs = [r for r in runs if r.text or r.note is not None]
    while runs and runs[0].note is None and not runs[0].text.strip():
        runs.pop(0)
    while runs and runs[-1].note is None and not runs[-1].text.strip():
        runs.pop()
    if runs:
        runs[0] = replace(runs[0], text=runs[0].text.lstrip())
        runs[-1] = replace(runs[-1], text=runs[-1].text.rstrip())
    return runs


def _dotted(path: str) -> str:
    return path.replace("[]", "").replace("[-]", "")


def _put(tree: dict[str, Any], path: str, value: Any) -> bool:
    """Set ``value`` at ``path`` (see ``parts``: ``[]`` adds an item, ``[-]`` enters the last);
    False when the field holds one value and already has it."""
    node: Any = tree
    steps = path.split(".")
    for index, step in enumerate(steps):
        last = index == len(steps) - 1
        name = step.removesuffix("[]").removesuffix("[-]")
        if step.endswith("[]"):
            items = node.setdefault(name, [])
            if last:
                items.append(value)
                return True
            items.append({})
            node = items[-1]
        elif step.endswith("[-]"):
            items = node.setdefault(name, [])
            if not items or not isinstance(items[-1], dict):
                items.append({})
            node = items[-1]
        elif last:
            if name in node:
                return False
            node[name] = value
            return True
        else:
            node = node.setdefault(name, {})
    return True
