"""Python's cyclic garbage collector and a command's builds: no pass while a document
is built, one pass before the next build of the same process.

In: the work of one build (``with paused(): ...``).
Out: the same work, without the collector's passes in the middle of it.

A build makes hundreds of thousands of objects (WeasyPrint's boxes, python-docx's
XML, the engines' modules, imported during the first build) and, every few
hundred new objects, the collector looks among them for reference cycles;
every so often it walks all of them, and once more when the process ends.
Reference counting frees nearly all of a build's garbage as it goes, so the
passes find little, and for a command that builds one file they cost about a
fifth of its CPU (docs/performance.md). So during a build there is no pass;
after it, what is alive is set aside from later passes (``gc.freeze``) and the
collector is on again, so the command ends without walking it.

The price is memory: the cycles a build makes stay until it ends, about 1,100
objects a page of summary (the seed's build peaks 4 MB higher, a 300-page
summary's 25 MB higher, 258 MB against 233). They are freed by one full pass
before the next build of the same process (the next file of a batch, which so
gains nothing from the pause but never piles them up). A program that runs
without the collector, or sets objects aside itself, is left as it is.
``watch`` does not pause it: a warm process spends no more on the passes than
it would on that one pass after the build.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_left_behind = False
"""Whether a build here set aside objects, with its cycles among them, that no pass has
seen since."""


@contextmanager
def paused() -> Iterator[None]:
    """No collector pass inside; before, the cycles an earlier build left are freed."""
    global _left_behind
    tidy()
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            if gc.get_freeze_count() == 0:  # nothing set aside by anyone else
                gc.freeze()  # what is alive now is left out of later passes until tidy()
                _left_behind = True
            gc.enable()


def tidy() -> None:
    """Free the cycles the last build left, if it set them aside: one pass over every
    object."""
    global _left_behind
    if _left_behind:
        gc.unfreeze()
        gc.collect()
        _left_behind = False
