"""A letter typed in Word, as lines with the cues a reader sees: blocks in, lines out.

In: the ``Reading`` of a DOCX that hearing-docs did not make.
Out: ``Line``s, one per line of text in reading order, each with the cues
that tell a letter's parts apart when everything is in Normal with direct
formatting: bold, italic, centred, pushed right (by alignment or by tabs),
blank paragraphs before it, a page (or section) break before it, a list
marker, a picture. Also ``Parts``: the lines of the letter and of the
summary, split at the page break after the letter's close.

Short lines set with line breaks (an address typed with Shift+Enter) become
lines of their own; longer ones are joined with spaces, as they print. Tabs
become spaces, and characters of symbol fonts (list bullets typed as
Wingdings or Symbol glyphs) are dropped as list markers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from hearing_docs.content.markup import Run
from hearing_docs.importer import inline, lists
from hearing_docs.importer.blocks import PAGE_BREAK, Block, Picture, Reading

# A line this short, set with line breaks, is one line of an address or a title block.
SHORT_LINE = 90
_BULLET = re.compile(r"^\s*([\u2022\u00b7\u25aa\u25cf\u25e6\u2013\u2014\u2043\u27a2\-*o>])\s+")
_NUMBER = re.compile(r"^\s*(\(?\d{1,2}[.)]|\(?[a-z][.)]|\(?[ivx]{1,4}[.)])\s+")
_SYMBOL = re.compile("[\ue000-\uf8ff]")
_DECIMAL = re.compile(r"^\(?(\d{1,2})[.)]$")
"""A typed number of a numbered list: "1.", "2)", "(3)"."""


@dataclass
class Line:
    block: Block
    runs: list[Run]
    gap_before: int = 0
    """Blank paragraphs just before it: the typist's spacing."""
    page_before: bool = False
    tabbed: bool = False
    """It began with two tabs or more: pushed to the right."""
    marker: str = ""
    """A typed list marker (removed from the text) or 'auto' for Word's own numbering."""
    pictures: list[Picture] = field(default_factory=list)
    continued: bool = False
    """A further line of the same paragraph (after a line break)."""

    @property
    def text(self) -> str:
        return " ".join("".join(run.text for run in self.runs).split())

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def bold(self) -> bool:
        shown = [run for run in self.runs if run.text.strip()]
        return bool(shown) and all(run.bold for run in shown)

    @property
    def italic(self) -> bool:
        shown = [run for run in self.runs if run.text.strip()]
        return bool(shown) and all(run.italic for run in shown)

    @property
    def centred(self) -> bool:
        return self.block.alignment == "center"

    @property
    def right(self) -> bool:
        return self.block.alignment == "right" or self.tabbed

    @property
    def capitals(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters)

    def place(self) -> str:
        return self.block.place()

    def marked(self) -> str:
        """The text with bold and italic as markup, except where the whole line has them
        (a line in bold throughout is a title or heading, whose style prints it bold)."""
        bold, italic = self.bold, self.italic
        runs = [Run(r.text, r.bold and not bold, r.italic and not italic) for r in self.runs]
        text, _ = inline.to_markup(_clean(runs))
        return " ".join(text.split(" ")).strip() if text else text

    def rich(self) -> str:
        """The text with all its bold and italic as markup (a paragraph of the text)."""
        text, _ = inline.to_markup(_clean(self.runs))
        return text.strip()

    @property
    def list_kind(self) -> str:
        """``bullets`` or ``numbers`` for an item of a list (Word's numbering, or a typed
        bullet or number "1."), else an empty string."""
        if not self.marker:
            return ""
        if self.marker == "auto":
            return lists.kind(self.block.list_format)
        return "numbers" if _DECIMAL.match(self.marker) else "bullets"

    @property
    def marker_in_text(self) -> bool:
        """A typed marker the item's text keeps: a number other than "1." ("(a)", "iv.")."""
        typed = self.marker not in ("", "auto", "symbol")
        return typed and not _BULLET.match(f"{self.marker} ") and not _DECIMAL.match(self.marker)

    def item(self) -> str:
        """The text of a list item as ``rich`` gives it, without its typed number."""
        if not _DECIMAL.match(self.marker):
            return self.rich()
        typed = _NUMBER.match("".join(run.text for run in self.runs))
        cut = typed.end() if typed else 0
        text, _ = inline.to_markup(_clean(_cut(self.runs, cut)))
        return text.strip()

    def starts_list(self, previous: Line) -> bool:
        """Whether this item starts a list of its own after ``previous``, an item of a
        list of the same kind: Word's numbering of another list, or a typed "1."."""
        if self.marker == "auto" and previous.marker == "auto":
            return not lists.continues(self.block.numbering, previous.block.numbering)
        typed = _DECIMAL.match(self.marker)
        return typed is not None and int(typed.group(1)) == 1


def counted(items: list[Line]) -> str:
    """How many items a list has, and its kind: "3 bullets", "2 numbered items"."""
    return f"{len(items)} {'numbered items' if items[0].list_kind == 'numbers' else 'bullets'}"


def add_paragraph(paragraphs: list[Any], line: Line, items: list[list[Line]]) -> None:
    """Add ``line`` to a part's ``paragraphs`` as the content holds it: text, or an item of
    a ``bullets`` or ``numbers`` list, joining the list before it unless it starts one.
    ``items`` gets the lines of each list, for the report."""
    kind = line.list_kind
    if not kind:
        paragraphs.append(line.rich())
        return
    last = paragraphs[-1] if paragraphs else None
    if not isinstance(last, dict) or kind not in last or line.starts_list(items[-1][-1]):
        paragraphs.append({kind: []})
        items.append([])
    paragraphs[-1][kind].append(line.item())
    items[-1].append(line)


def _clean(runs: list[Run]) -> list[Run]:
    """Runs with their white space folded to single spaces, as the text prints."""
    result: list[Run] = []
    for run in runs:
        text = re.sub(r"\s+", " ", run.text)
        if result and result[-1].text.endswith(" ") and text.startswith(" "):
            text = text[1:]
        if text:
            result.append(Run(text, run.bold, run.italic))
    while result and not result[0].text.strip():
        result.pop(0)
    while result and not result[-1].text.strip():
        result.pop()
    if result:
        result[0] = Run(result[0].text.lstrip(), result[0].bold, result[0].italic)
        result[-1] = Run(result[-1].text.rstrip(), result[-1].bold, result[-1].italic)
    return result


def lines_of(blocks: list[Block]) -> list[Line]:
    """The lines of ``blocks`` in reading order, with their cues."""
    lines: list[Line] = []
    gap, page = 0, False
    for block in blocks:
        page = page or block.page_before
        for index, piece in enumerate(_pages(block)):
            if index:
                page = True
            made = _lines(block, piece, gap, page)
            if made:
                lines += made
                gap, page = 0, False
            elif not block.pictures:
                gap += 1
        if block.pictures and not any(line.block is block for line in lines):
            lines.append(Line(block, [], gap, page, pictures=list(block.pictures)))
            gap, page = 0, False
        elif block.pictures:
            next(line for line in lines if line.block is block).pictures = list(block.pictures)
        if block.section_break and block.new_page:
            page = True
    return lines


def _pages(block: Block) -> list[list[Run]]:
    """The runs of the paragraph, cut at its page breaks."""
    pieces: list[list[Run]] = [[]]
    for span in block.spans:
        bold = span.bold if span.bold is not None else block.style_bold
        italic = span.italic if span.italic is not None else block.style_italic
        for index, part in enumerate(span.text.split(PAGE_BREAK)):
            if index:
                pieces.append([])
            if part:
                pieces[-1].append(Run(part, bool(bold), bool(italic)))
    return pieces


def _lines(block: Block, runs: list[Run], gap: int, page: bool) -> list[Line]:
    text = "".join(run.text for run in runs)
    if not _SYMBOL.sub("", text).strip():
        return []
    tabbed = bool(re.match(r"^\s*\t\s*\t", text)) or bool(re.match(r"^ {8,}", text))
    pieces = [[]]  # type: list[list[Run]]
    for run in runs:
        for index, part in enumerate(run.text.split("\n")):
            if index:
                pieces.append([])
            if part:
                pieces[-1].append(Run(part, run.bold, run.italic))
    shown = [p for p in pieces if "".join(r.text for r in p).strip()]
    if len(shown) > 1 and any(len("".join(r.text for r in p).strip()) > SHORT_LINE for p in shown):
        shown = [[Run(r.text.replace("\n", " "), r.bold, r.italic) for r in runs]]
    lines = []
    for index, piece in enumerate(shown):
        line = Line(block, _strip_marker(piece), gap if not index else 0, page and not index)
        line.tabbed, line.continued = tabbed, bool(index)
        line.marker = _marker(piece) or ("auto" if block.numbered and not index else "")
        lines.append(line)
    return lines


def _marker(runs: list[Run]) -> str:
    text = "".join(run.text for run in runs)
    if _SYMBOL.match(text.strip()[:1]):
        return "symbol"
    found = _BULLET.match(text) or _NUMBER.match(text)
    if found is None or not any(c.isalnum() for c in text[found.end() :]):
        return ""  # a row of stars or dashes is a separator, not a list
    return found.group(1)


def _strip_marker(runs: list[Run]) -> list[Run]:
    """The runs without symbol-font characters, tabs as spaces, and no typed bullet."""
    runs = [Run(_SYMBOL.sub("", r.text).replace("\t", " "), r.bold, r.italic) for r in runs]
    text = "".join(run.text for run in runs)
    found = _BULLET.match(text)
    if not found or not any(c.isalnum() for c in text[found.end() :]):
        return runs
    return _cut(runs, found.end())


def _cut(runs: list[Run], cut: int) -> list[Run]:
    """The runs without their first ``cut`` characters."""
    result = []
    for run in runs:
        if cut >= len(run.text):
            cut -= len(run.text)
            continue
        result.append(Run(run.text[cut:], run.bold, run.italic))
        cut = 0
    return result


@dataclass
class Parts:
    letter: list[Line]
    summary: list[Line]
    header: list[Line]
    """Lines of page 1's header (a letterhead typed there)."""
    other: list[Line]
    """Lines of every other header and footer (page numbers, running heads)."""
    footer: list[Line]
    """Lines of page 1's footer (an address typed there)."""


CLOSING = re.compile(
    r"(accept,? .*(assurances?|expressions?) of|highest consideration|"
    r"^(yours )?(sincerely|faithfully|truly)|^(with )?(best|kind|warm) regards)",
    re.IGNORECASE,
)


def parts_of(reading: Reading) -> Parts:
    """The lines, split into letter and summary at the first page break after the close."""
    lines = lines_of(reading.body())
    closing = next((i for i, line in enumerate(lines) if CLOSING.search(line.text)), None)
    start = closing if closing is not None else 0
    split = next((i for i in range(start + 1, len(lines)) if lines[i].page_before), None)
    if split is None and closing is None:
        split = 0 if lines and _looks_like_summary(lines) else len(lines)
    elif split is None:
        split = _summary_title(lines, start) or len(lines)
    first = [b for b in reading.blocks if b.part != "body" and b.section == 0]
    if any(b.first_page for b in first):  # page 1 has its own: the others are later pages'
        first = [b for b in first if b.first_page]
    # A later section's header repeating page 1's (as LibreOffice writes it) is page 1's.
    seen = {" ".join(b.text.split()) for b in first}
    others = [
        b
        for b in reading.blocks
        if b.part != "body"
        and b not in first
        and (b.section != 0 or not b.first_page)
        and " ".join(b.text.split()) not in seen
    ]
    return Parts(
        letter=lines[:split],
        summary=lines[split:],
        header=lines_of([b for b in first if b.part == "header"]),
        other=lines_of(others),
        footer=lines_of([b for b in first if b.part == "footer"]),
    )


def _summary_title(lines: list[Line], closing: int) -> int | None:
    """No page break after the close: the summary begins at a bold title (centred, or
    starting "Summary") followed by paragraphs of text."""
    for index in range(closing + 2, len(lines)):
        line = lines[index]
        titled = line.centred or line.text.lower().startswith("summary")
        if line.bold and titled and any(later.words >= 15 for later in lines[index + 1 :]):
            return index
    return None


def _looks_like_summary(lines: list[Line]) -> bool:
    """No close anywhere: a summary alone when it opens with a bold or centred title."""
    return lines[0].bold or lines[0].centred
