"""Bold and italic back to markup: runs of a Word paragraph in, content text out.

In: the runs of one paragraph, each with its text, bold and italic.
Out: the text with the content's inline markup (``*italic*``, ``**bold**``,
``\\*`` for a star, ``^[...]`` for a footnote's call and text), chosen so that
``content.markup.runs`` reads it back to exactly the same runs. When no spelling of
the markup reads back the same (a rare clash of delimiters), the text is given
without its emphasis and the caller says so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from hearing_docs.content import markup
from hearing_docs.content.markup import Run

_PUNCTUATION = re.compile(r"\\(?=[!-/:-@\[-`{-~])")


def normalise(runs: Iterable[Run]) -> list[Run]:
    """Runs as markup can hold them: spaces never emphasised, neighbours of one kind merged."""
    result: list[Run] = []
    for run in runs:
        if run.note is not None:  # a footnote's call: no text, no emphasis of its own
            result.append(Run("", note=run.note))
            continue
        if not run.text:
            continue
        if not run.text.strip():
            run = Run(run.text)
        last = result[-1] if result else None
        if last and last.note is None and (last.bold, last.italic) == (run.bold, run.italic):
            run = Run(result.pop().text + run.text, run.bold, run.italic)
        result.append(run)
    return result


def to_markup(runs: Iterable[Run]) -> tuple[str, bool]:
    """The paragraph as content text, and whether its bold and italic were kept."""
    target = normalise(runs)
    for italic_mark, escape_underscore in (("*", False), ("_", False), ("*", True), ("_", True)):
        text = "".join(_spelled(run, italic_mark, escape_underscore) for run in target)
        if normalise(markup.runs(text)) == target:
            return text, True
    plain = [Run(run.text, note=run.note) for run in target]
    for escape_underscore in (False, True):
        text = "".join(_spelled(run, "*", escape_underscore) for run in normalise(plain))
        if normalise(markup.runs(text)) == normalise(plain):
            return text, False
    return "".join(run.text for run in target), False


def _spelled(run: Run, italic_mark: str, escape_underscore: bool) -> str:
    if run.note is not None:
        return f"{markup.NOTE_OPEN}{run.note}]"
    text = _PUNCTUATION.sub(r"\\\\", run.text).replace("*", r"\*").replace("^[", r"\^[")
    if escape_underscore:
        text = text.replace("_", r"\_")
    if not (run.bold or run.italic):
        return text
    stripped = text.strip()
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    if run.italic:
        stripped = f"{italic_mark}{stripped}{italic_mark}"
    if run.bold:
        stripped = f"**{stripped}**"
    return f"{lead}{stripped}{trail}"


def same(old: str, new: str) -> bool:
    """Whether two content texts print the same."""
    return normalise(markup.runs(old)) == normalise(markup.runs(new))
