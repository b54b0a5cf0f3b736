"""Inline markup of paragraphs: text in, styled runs out.

In: one paragraph of content text.
Out: a list of ``Run`` (text, bold, italic) that the HTML template and the
Word writer both draw from, so the two never disagree.

The markup is the emphasis of Markdown and nothing else: ``*italic*`` (or
``_italic_``), ``**bold**``, and a backslash to print a star as itself
(``\\*``). Everything else, HTML tags and entities included, is text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from markdown_it import MarkdownIt
from markupsafe import Markup, escape


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False


@cache
def _parser() -> MarkdownIt:
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


def plain(text: str) -> str:
    """The paragraph without its markup, as a reader sees it."""
    return "".join(run.text for run in runs(text))


def to_html(text: str) -> Markup:
    """The paragraph as escaped HTML, with <em> and <strong> for the markup."""
    parts = []
    for run in runs(text):
        html = str(escape(run.text))
        if run.italic:
            html = f"<em>{html}</em>"
        if run.bold:
            html = f"<strong>{html}</strong>"
        parts.append(html)
    return Markup("".join(parts))
