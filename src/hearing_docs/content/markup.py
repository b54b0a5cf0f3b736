"""Inline markup of paragraphs: text in, styled runs out.

In: one paragraph of content text.
Out: a list of ``Run`` (text, bold, italic) that the HTML template and the
Word writer both draw from, so the two never disagree.

A field whose type allows the markup (``model.RichText``) holds a ``Marked``
string: Jinja prints it as HTML with ``<em>`` and ``<strong>`` (through
``__html__``) and ``printed_runs`` gives its runs, while any other text is
printed as written. So the templates and the Word writer follow the field's
type without naming the fields.

The markup is the emphasis of Markdown, ``*italic*`` (or ``_italic_``) and
``**bold**``, a backslash to print a star as itself (``\\*``), and Pandoc's
inline footnote, ``text^[The note, *with* its own emphasis.]``. Everything
else, HTML tags and entities included, is text. A footnote is a ``Run`` with
no text of its own whose ``note`` holds the note's markup; the model allows
notes only in the fields whose type says so (``note_problem`` is its check).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

if TYPE_CHECKING:
    from markdown_it import MarkdownIt


# A word with a slash inside (A/RES/72/274, HIV/AIDS): Word and LibreOffice never break
# it, while the Unicode line-breaking rules WeasyPrint follows allow a break after "/".
# Chinese puts no spaces between words, so a "word" there is only the run of other
# characters around the slash ("70/290" in "第70/290号决议"); lines break between the
# ideographs and punctuation around it as before.
_EAST_ASIAN = "\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
_SLASHED = rf"[^\s{_EAST_ASIAN}]+/[^\s{_EAST_ASIAN}]+"
"""Found with ``re``'s own cache of compiled patterns: compiled only when HTML is made."""
MAX_UNBROKEN = 40
"""The longest slashed word kept whole: 40 of the widest letters still fit on a line."""


NOTE_OPEN = "^["
"""What opens an inline footnote; ``\\^[`` prints it as text."""


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    note: str | None = None
    """The markup of a footnote called here; ``text`` is then empty."""


class Marked(str):
    """Text whose inline markup is printed as emphasis (the value of a ``RichText`` field).

    ``first_note`` is the number its first footnote has in the document, for the HTML
    page's links (``document/notes.py`` numbers them); the PDF and Word count by
    themselves."""

    first_note: int

    def __new__(cls, text: str, first_note: int = 1) -> Marked:
        marked = super().__new__(cls, text)
        marked.first_note = first_note
        return marked

    def __getnewargs__(self) -> tuple[str, int]:  # type: ignore[override]
        return str(self), self.first_note

    def __html__(self) -> str:
        return to_html(self)


@cache
def _parser() -> MarkdownIt:
    # Imported on first use: a cheap ``import hearing_docs``.
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    parser = MarkdownIt("zero").enable(["emphasis", "escape"])
    parser.use(footnote_plugin, inline=True, move_to_end=False)
    # Escaped characters stay tokens of their own, so that an escaped "\\^[" is told
    # apart from a note left open.
    return parser.disable("text_join")


@dataclass(frozen=True)
class _Parsed:
    runs: tuple[Run, ...]
    problem: str | None


# The characters that can start markup (emphasis, an escape, a footnote) or that the
# parser normalises (a carriage return, NUL): text with none of them is one plain run,
# without the parser (most paragraphs; importing markdown-it weighs on a cold build).
MARKUP_CHARACTERS = frozenset("*_\\^\r\0")


@lru_cache(maxsize=4096)
def _parse(text: str) -> _Parsed:
    if MARKUP_CHARACTERS.isdisjoint(text):
        return _Parsed((Run(str(text)),) if text else (), None)
    return _parse_markup(text)


def _parse_markup(text: str) -> _Parsed:
    env: dict = {}
    tokens = _parser().parseInline(text, env)[0].children or []
    notes = env.get("footnotes", {}).get("list", {})
    result, problem = _runs(tokens, notes)
    for note in notes.values():
        inner = note["tokens"]
        if any(token.type == "footnote_ref" for token in inner):
            problem = problem or "has a footnote inside a footnote: a note cannot hold another"
        elif not note["content"].strip():
            problem = problem or (
                f"has an empty footnote '{NOTE_OPEN}]': write the note's text between the brackets"
            )
        else:
            problem = problem or _runs(inner, {})[1]
    return _Parsed(tuple(result), problem)


def _runs(tokens: list, notes: dict) -> tuple[list[Run], str | None]:
    bold = italic = 0
    result: list[Run] = []
    problem = None
    for token in tokens:
        if token.type == "strong_open":
            bold += 1
        elif token.type == "strong_close":
            bold -= 1
        elif token.type == "em_open":
            italic += 1
        elif token.type == "em_close":
            italic -= 1
        elif token.type == "footnote_ref":
            result.append(Run("", bold > 0, italic > 0, note=notes[token.meta["id"]]["content"]))
        elif token.content:
            if token.type == "text" and NOTE_OPEN in token.content:
                problem = (
                    f"has a footnote '{NOTE_OPEN}' that is not closed: end the note with ']' "
                    f"(or write \\{NOTE_OPEN} to print {NOTE_OPEN} as text)"
                )
            run = Run(token.content, bold > 0, italic > 0)
            last = result[-1] if result else None
            if last and last.note is None and (last.bold, last.italic) == (run.bold, run.italic):
                run = Run(result.pop().text + run.text, run.bold, run.italic)
            result.append(run)
    return result, problem


def runs(text: str) -> list[Run]:
    """Split a paragraph into runs of plain, bold and italic text, and footnote calls."""
    return list(_parse(text).runs)


def parser_runs(text: str) -> list[Run]:
    """The runs as the markup parser gives them, even for text without ``MARKUP_CHARACTERS``
    (``runs`` gives the same without the parser)."""
    return list(_parse_markup(text).runs)


def note_problem(text: str) -> str | None:
    """What is wrong with the footnotes of ``text`` (one left open, an empty one, a note
    inside a note), or None."""
    return _parse(text).problem


def notes(text: str) -> list[str]:
    """The markup of each footnote of ``text``, in order."""
    return [run.note for run in _parse(text).runs if run.note is not None]


def printed_runs(text: str) -> list[Run]:
    """The runs of a field as printed: its markup applied when it is ``Marked``, else as written."""
    return runs(text) if isinstance(text, Marked) else [Run(str(text))]


def plain(text: str) -> str:
    """The paragraph without its markup, as a reader sees it."""
    return "".join(run.text for run in runs(text))


def to_html(text: str, first_note: int | None = None) -> Markup:
    """The paragraph as escaped HTML, with <em> and <strong> for the markup, and each
    footnote (numbered from ``first_note``) twice: the note itself where it is called,
    which the PDF floats to the foot of the page, and a link to the note as the HTML
    page lists it (the style sheet shows each in its own medium)."""
    parts = []
    number = first_note if first_note is not None else getattr(text, "first_note", 1)
    for run in runs(text):
        if run.note is not None:
            parts.append(_note_html(run.note, number))
            number += 1
            continue
        html = re.sub(_SLASHED, _unbroken, str(escape(run.text)))
        if run.italic:
            html = f"<em>{html}</em>"
        if run.bold:
            html = f"<strong>{html}</strong>"
        parts.append(html)
    return Markup("".join(parts))


def _note_html(note: str, number: int) -> str:
    return (
        f'<span class="footnote">{to_html(note)}</span>'
        f'<a class="note-call" id="note-call-{number}" href="#note-{number}" role="doc-noteref">'
        f"<sup>{number}</sup></a>"
    )


def _unbroken(word: re.Match[str]) -> str:
    # Figures with a slash (70/290) are one number to the line-breaking rules already;
    # a span there would also cut them from Arabic text around them, and WeasyPrint
    # orders the directions of each inline box apart.
    if not any(character.isalpha() for character in word.group()):
        return word.group()
    # Only a word that surely fits on a line: a longer one (a pasted URL) must break,
    # as Word breaks it, or it would run off the page.
    if len(word.group()) > MAX_UNBROKEN:
        return word.group()
    # Inline, not a class: a template set's own style sheet need not know of it.
    return f'<span style="white-space: nowrap">{word.group()}</span>'


def words(text: str) -> list[list[Run]]:
    """The paragraph's words (split at spaces), each as the runs it is made of."""
    found: list[list[Run]] = [[]]
    for run in runs(text):
        for index, part in enumerate(run.text.split(" ")):
            if index:
                found.append([])
            if part:
                found[-1].append(Run(part, run.bold, run.italic))
    return [word for word in found if word]


def join(words: list[list[Run]]) -> str:
    """Words back into marked-up text, the inverse of ``words`` for one line."""
    flat: list[Run] = []
    for word in words:
        if flat:
            # The space between two words is bold or italic when both words are.
            before, after = flat[-1], word[0]
            flat.append(Run(" ", before.bold and after.bold, before.italic and after.italic))
        flat += word
    merged: list[Run] = []
    for run in flat:
        if merged and (merged[-1].bold, merged[-1].italic) == (run.bold, run.italic):
            run = Run(merged.pop().text + run.text, run.bold, run.italic)
        merged.append(run)
    # Stars of two styled runs that touch ("*.*" then "**a**") can read as one
    # delimiter run; underscores for the italics keep them apart. The parser is
    # the judge of which spelling gives the runs back.
    spellings = ["".join(_marked(run, italic) for run in merged) for italic in ("*", "_")]
    wanted = [(r.text, r.bold, r.italic) for r in merged]
    for spelling in spellings:
        if [(r.text, r.bold, r.italic) for r in runs(spelling)] == wanted:
            return spelling
    return spellings[0]


def _marked(run: Run, italic: str = "*") -> str:
    text = re.sub(r"([\\*_])", r"\\\1", run.text).replace(NOTE_OPEN, "\\" + NOTE_OPEN)
    if run.italic:
        text = f"{italic}{text}{italic}"
    if run.bold:
        text = f"**{text}**"
    return text
