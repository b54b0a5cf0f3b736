"""Space between ideographs and Latin text in HTML: a page in, the same page spaced out.

In: the HTML of a document.
Out: the same HTML with each run of Latin letters or figures that touches a
Chinese ideograph wrapped in a ``<span class="autospace">`` whose margin on
that side is ``document.autospace.SPACE``, the space Word and LibreOffice put
there by themselves and WeasyPrint does not (it has no CSS
``text-autospace``). Only text is touched: tags, attributes and the page's
head are left as they are, and the characters stay the same.
"""

from __future__ import annotations

import re

from hearing_docs.document import autospace

_TAG = re.compile(r"(<[^>]*>)")
_NOT_TEXT = re.compile(r"<(style|script|title)\b", re.IGNORECASE)
"""Elements whose content is not text on the page."""


def apply(html: str) -> str:
    """``html`` with every Latin run beside an ideograph spaced from it."""
    if not autospace.present(html):
        return html
    parts = _TAG.split(html)
    skipping: str | None = None
    for index, part in enumerate(parts):
        if index % 2:  # a tag
            opening = _NOT_TEXT.match(part)
            if opening is not None:
                skipping = opening.group(1).lower()
            elif skipping is not None and part.lower().startswith(f"</{skipping}"):
                skipping = None
        elif skipping is None and part:
            parts[index] = _spaced(part)
    return "".join(parts)


def _spaced(text: str) -> str:
    found = list(autospace.runs(text))
    if not found:
        return text
    pieces, last = [], 0
    for start, end, before, after in found:
        margins = [
            f"margin-{side}: {autospace.SPACE}em"
            for side, on in (("left", before), ("right", after))
            if on
        ]
        pieces += [text[last:start], f'<span class="autospace" style="{"; ".join(margins)}">']
        pieces += [text[start:end], "</span>"]
        last = end
    pieces.append(text[last:])
    return "".join(pieces)
