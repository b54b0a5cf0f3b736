"""Batch: several content files in, each one built, over every core.

In: content files, the output folder, the build options and a number of jobs.
Out: an ``Outcome`` for each file (what was written or found up to date, or
its one-line errors), in the order of the files, each as soon as it and every
file before it are done. The caller (the command line) prints them.

With one job, or one file, the files are built in this process, one after
the other. With more, the files the manifest shows up to date are told first,
here (they need no worker, nor any engine imported); the rest are built by a
pool of worker processes, one file at a time each, so that a batch keeps every
core busy (or here, when only one is left). A worker's warnings come back with
its outcome, so that they are printed with the file they belong to, in order.
On Ctrl+C every process of the terminal's group is interrupted: each worker
removes its temporary files and ends without a line, the pool is shut down,
and the command line prints one line; outputs already in place stay whole
(each file's are written all at once or not at all).
"""

from __future__ import annotations

import dataclasses
import logging
import sys
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import hearing_docs
from hearing_docs.commands import collection
from hearing_docs.errors import HearingDocsError
from hearing_docs.logged import Collector


@dataclass(frozen=True)
class Settings:
    """The options of ``hearing_docs.build`` for every file of the batch."""

    formats: tuple[str, ...]
    templates: tuple[Path, ...]
    strict: bool
    pdf_variant: str
    manifest: bool
    force: bool

    def outputs(self) -> dict[str, Any]:
        """The options that decide what a file's outputs are, as ``hearing_docs.build``
        and ``hearing_docs.up_to_date`` take them."""
        return {
            "formats": self.formats,
            "templates": self.templates,
            "strict": self.strict,
            "pdf_variant": self.pdf_variant,
        }


@dataclass(frozen=True)
class Outcome:
    content: Path
    files: list[Path] = field(default_factory=list)
    """Written, or found up to date when ``unchanged``."""
    templates: str | None = None
    unchanged: bool = False
    errors: list[str] = field(default_factory=list)
    """One line each, ``FILE:LINE:COL: field: message``; empty when the build worked."""
    warnings: list[str] = field(default_factory=list)


def build_one(content: Path, out_dir: Path, settings: Settings) -> Outcome:
    """Build one file. Its problems come back as lines, not as an exception: an outcome
    crosses from a worker process, and the lines are what the command line prints."""
    try:
        with collection.paused():
            written = hearing_docs.build(
                content,
                out_dir,
                **settings.outputs(),
                manifest=settings.manifest,
                force=settings.force,
            )
    except HearingDocsError as error:
        return Outcome(content, errors=[error.one_line()], warnings=_warnings.take())
    return Outcome(
        content, list(written), written.templates, written.unchanged, [], _warnings.take()
    )


def run(
    paths: Sequence[Path],
    out_dir: Path,
    settings: Settings,
    jobs: int,
    progress: Callable[[int, list[Path]], None] = lambda done, running: None,
) -> Iterator[Outcome]:
    """Build ``paths``, yielding their outcomes in order.

    ``progress`` is told, whenever it changes, how many files are done (in any
    order) and which are being built.
    """
    if jobs <= 1 or len(paths) <= 1:
        yield from _in_turn(paths, out_dir, settings, progress)
        return
    # The files found up to date are told at once, here: they need neither a worker nor
    # the engines, and a batch in which nothing changed starts no pool at all.
    known = _up_to_date(paths, out_dir, settings)
    rest = [path for index, path in enumerate(paths) if index not in known]
    checked = settings
    if settings.manifest and not settings.force:
        # The rest were just found out of date: their builds need not ask the manifest again.
        checked = dataclasses.replace(settings, force=True)

    def told(done: int, running: list[Path]) -> None:
        progress(len(known) + done, running)

    built: Generator[Outcome, None, None]
    if len(rest) <= 1:
        built = _in_turn(rest, out_dir, checked, told)
    else:
        built = _pooled(rest, out_dir, checked, min(jobs, len(rest)), told)
    try:
        for index in range(len(paths)):
            yield known[index] if index in known else next(built)
        for _ in built:  # the final progress
            pass
    finally:
        built.close()  # stopped early (Ctrl+C): the pool ends its files here, not later


def _in_turn(
    paths: Sequence[Path],
    out_dir: Path,
    settings: Settings,
    progress: Callable[[int, list[Path]], None],
) -> Generator[Outcome, None, None]:
    for done, path in enumerate(paths):
        progress(done, [path])
        yield build_one(path, out_dir, settings)
    progress(len(paths), [])


def _up_to_date(paths: Sequence[Path], out_dir: Path, settings: Settings) -> dict[int, Outcome]:
    """The outcomes of the files whose outputs the manifest shows up to date, by index."""
    if not settings.manifest or settings.force:
        return {}
    known = {}
    for index, path in enumerate(paths):
        try:
            current = hearing_docs.up_to_date(path, out_dir, **settings.outputs())
        except HearingDocsError:
            current = None  # its build says what is wrong
        if current is not None:
            known[index] = Outcome(path, list(current), None, True, [], _warnings.take())
    return known


def _pooled(
    paths: Sequence[Path],
    out_dir: Path,
    settings: Settings,
    workers: int,
    progress: Callable[[int, list[Path]], None],
) -> Generator[Outcome, None, None]:
    # Imported here: a build of one file needs no pool.
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    from hearing_docs import pipeline

    # Forked workers start with this process's imports: each engine is imported once,
    # here, instead of once in every worker.
    pipeline.import_engines(settings.formats)
    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else None)
    with ProcessPoolExecutor(workers, context, initializer=_worker_setup) as pool:
        try:
            futures = [pool.submit(build_one, path, out_dir, settings) for path in paths]
            pending = set(futures)
            shown = 0
            while shown < len(futures):
                # The pool hands out files in order: the first unfinished ones are running.
                running = [path for path, f in zip(paths, futures, strict=True) if not f.done()]
                progress(len(futures) - len(pending), running[:workers])
                _, pending = wait(pending, return_when=FIRST_COMPLETED)
                while shown < len(futures) and futures[shown].done():
                    yield futures[shown].result()
                    shown += 1
            progress(len(futures), [])
        except BaseException:  # Ctrl+C, or the caller stopped early: no new files
            pool.shutdown(wait=True, cancel_futures=True)
            raise


_warnings = Collector()  # this process's builds' warnings, handed back with each outcome


def _worker_setup() -> None:
    # Ctrl+C reaches every process of the terminal's group, and the parent passes it on:
    # a worker removes its temporary files and ends without a line of its own.
    from hearing_docs import console

    console.install_quiet_interrupt_handler()
    logger = logging.getLogger("hearing_docs")
    logger.handlers = [_warnings]
    logger.propagate = False
