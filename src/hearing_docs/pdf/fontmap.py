"""WeasyPrint's font configuration: one kept for a process's renders, not one made for each.

In: the state of the installed fonts (``fontconfig.state``) and the configuration a
render was done with.
Out: ``for_render()``, the ``FontConfiguration`` to lay a document out with, and
``done(config)``, which forgets a configuration that a document added fonts to.

Given none, WeasyPrint makes a ``FontConfiguration`` for every document: a new
fontconfig configuration listing every installed font, and a Pango font map over
it. Pango (1.50, Debian 12) never frees the fontconfig configuration it is given
(``pango_fc_font_map_set_config``), about 0.2 MB with the fonts ``dev.sh``
installs, so a process that renders again and again (``watch``, a batch's
workers) grew by that much at every PDF. One configuration is kept instead, and
reused while the fonts stay as they were: a font installed or removed, or
fontconfig's settings changed, gives a new one, as a new process would have.

A document that declares ``@font-face`` adds its fonts to the configuration it
is laid out with. That configuration is not kept: one document's fonts never
reach the next, and a font file changed on disk is read again.

Pango's font maps are not made to be used by two threads at once: each thread
keeps its own configuration.
"""

from __future__ import annotations

import threading
from functools import cache
from typing import Any

from hearing_docs.fonts import fontconfig

_kept = threading.local()


def for_render() -> Any:
    """The ``FontConfiguration`` for the next render in this thread: the one kept, unless
    the fonts changed since it was made."""
    state = fontconfig.state()
    if getattr(_kept, "config", None) is None or _kept.state != state:
        _kept.config, _kept.state = _recording_class()(), state
    return _kept.config


def done(config: Any) -> None:
    """Forget ``config`` when a document added fonts of its own to it (``@font-face``)."""
    if getattr(config, "added_fonts", False) and getattr(_kept, "config", None) is config:
        _kept.config = None


@cache
def _recording_class() -> type:
    """WeasyPrint's ``FontConfiguration``, noting whether any ``@font-face`` was added.

    Made on first use: WeasyPrint is imported only when a PDF is asked for."""
    from weasyprint.text.fonts import FontConfiguration

    class Recording(FontConfiguration):
        added_fonts = False

        def add_font_face(self, rule_descriptors, url_fetcher):
            self.added_fonts = True
            return super().add_font_face(rule_descriptors, url_fetcher)

    return Recording
