"""Inline markup of paragraphs: text in, styled runs out.

In: one paragraph of content text.
Out: a list of ``Run`` (text, bold, italic) that the HTML template and the
Word writer both draw from, so the two never disagree.

A field whose type allows the markup (``model.RichText``) holds a ``Marked``
string: Jinja prints it as HTML with ``<em>`` and ``<strong>`` (through
``__html__``) and ``printed_runs`` gives its runs, while any other text is
printed as written. So the templates and the Word writer follow the field's
type without naming the fields.

The markup is the emphasis of Markdown and nothing else: ``*italic*`` (or
``_italic_``), ``**bold**``, and a backslash to print a star as itself
(``\\*``). Everything else, HTML tags and entities included, is text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
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
_SLASHED = re.compile(rf"[^\s{_EAST_ASIAN}]+/[^\s{_EAST_ASIAN}]+")
MAX_UNBROKEN = 40
"""The longest slashed word kept whole: 40 of the widest letters still fit on a line."""


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False


class Marked(str):
    """Text whose inline markup is printed as emphasis (the value of a ``RichText`` field)."""

    __slots__ = ()

    def __html__(self) -> str:
        return to_html(self)


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt  # imported on first use: a cheap ``import hearing_docs``

    return MarkdownIt("zero").enable(["emphasis", "escape"])


def runs(text: str) -> list[Run]:
    """Split a paragraph into runs of plain, bold and italic text."""
    bold = italic = 0
    result: list[Run] = []
    tokens = _parser().parseInline(text)[0].children or []
    for token in tokens:
        if token.type == "strong_open":
            bold += 1
        elif token.type == "strong_close":
            bold -= 1
        elif token.type == "em_open":
            italic += 1
        elif token.type == "em_close":
            italic -= 1
        elif token.content:
            run = Run(token.content, bold > 0, italic > 0)
            if result and (result[-1].bold, result[-1].italic) == (run.bold, run.italic):
                run = Run(result.pop().text + run.text, run.bold, run.italic)
            result.append(run)
    return result


def printed_runs(text: str) -> list[Run]:
    """The runs of a field as printed: its markup applied when it is ``Marked``, else as written."""
    return runs(text) if isinstance(text, Marked) else [Run(str(text))]


def plain(text: str) -> str:
    """The paragraph without its markup, as a reader sees it."""
    return "".join(run.text for run in runs(text))


def to_html(text: str) -> Markup:
    """The paragraph as escaped HTML, with <em> and <strong> for the markup."""
    parts = []
    for run in runs(text):
        html = _SLASHED.sub(_unbroken, str(escape(run.text)))
        if run.italic:
            html = f"<em>{html}</em>"
        if run.bold:
            html = f"<strong>{html}</strong>"
        parts.append(html)
    return Markup("".join(parts))


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
    text = re.sub(r"([\\*_])", r"\\\1", run.text)
    if run.italic:
        text = f"{italic}{text}{italic}"
    if run.bold:
        text = f"**{text}**"
    return text
