"""Whether Babel knows a language: a language tag in, yes or no out.

In: a language tag as a content file writes it (``en``, ``fr``, ``es-MX``).
Out: ``known(tag)``: whether Babel has the locale (its ``Locale.parse`` takes it).

Importing Babel costs a cold command about 6 ms, a twentieth of a DOCX-only
build, and every build asks about its content's language. So the tags Babel
took are kept in the user's cache, in an entry named after the installed Babel
(``installed.identity``): another Babel is asked again. A tag Babel refuses is
never kept, so it is asked each time and the answer is always Babel's own.
"""

from __future__ import annotations

from pathlib import Path

from hearing_docs import cache as user_cache
from hearing_docs import installed

FORMAT = 1
"""Changes when what an entry holds does."""


def known(tag: str) -> bool:
    """Whether Babel has the locale of ``tag`` (``es-MX`` is Babel's ``es_MX``)."""
    entry = _entry()
    kept = user_cache.read_json(entry)
    tags = kept if isinstance(kept, list) and all(isinstance(t, str) for t in kept) else []
    if tag in tags:
        return True
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(tag.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return False
    user_cache.write_json(entry, sorted({*tags, tag}))
    return True


def _entry() -> Path:
    return user_cache.entry("languages", FORMAT, installed.identity("babel"))
