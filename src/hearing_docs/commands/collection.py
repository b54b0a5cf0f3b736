"""Python's cyclic garbage collector and builds: no pass while a document is built,
one pass between builds.

In: the work of one build (``with paused(): ...``); ``tidy()`` where a process
waits between builds.
Out: the same work, without the collector's passes in the middle of it.

A build makes hundreds of thousands of objects (WeasyPrint's boxes, python-docx's
XML, the engines' modules, imported once) and, every few hundred new objects,
the collector looks among them for reference cycles; every so often it walks
all of them. Reference counting frees nearly all of a build's garbage as it
goes, so the passes find little: about 11,000 objects in cycles, a few
megabytes, against a sixth of the build's CPU spent walking. So during a build
there is no pass. After it, what is alive is set aside from later passes
(``gc.freeze``) and the collector is on again, cheap: a command that builds one
file ends without walking them at all. The cycles a build left are freed by
one full pass before the next build of the same process (a batch's next file),
or by ``tidy`` while ``watch`` waits for a save, so they never pile up.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_left_behind = False
"""Whether a build of this process may have left cycles that no pass has freed yet."""


@contextmanager
def paused() -> Iterator[None]:
    """No collector pass inside; before, the cycles of an earlier build are freed. A
    collector that was off (the program's choice) stays off."""
    global _left_behind
    tidy()
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        _left_behind = True
        if was_on:
            gc.freeze()  # everything alive now is left out of later passes, until tidy()
            gc.enable()


def tidy() -> None:
    """Free the cycles the builds of this process left: one pass over every object."""
    global _left_behind
    if _left_behind:
        gc.unfreeze()
        gc.collect()
        _left_behind = False
