"""Python's cyclic garbage collector during a build: paused while one document is
built, running again between documents.

In: the work of one build (``with paused(): ...``).
Out: the same work, without the collector's passes in the middle of it.

A build makes hundreds of thousands of objects that live until it ends
(WeasyPrint's boxes and layout, python-docx's XML, Jinja's output) and holds
the engines' own, imported once. Every few hundred new objects the collector
looks for reference cycles, and every so often it walks every object there is:
it finds almost nothing, since reference counting frees nearly all of a build's
garbage, and the walks cost a sixth of a cold build's CPU and a fifth of a
100-page one's (benchmarks/, docs/performance.md). Paused, a build keeps its
few cycles a little longer: about 5 MB more at its peak. When it ends, the
collector runs again; its first pass, at the next object made, frees the
cycles of the build just done, so a batch or ``watch`` never piles them up.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """No cyclic collection inside; as it was before (on, for Python's default) after."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
