"""The garbage collector during a build: paused inside, as it was after, and the
cycles a build leaves freed by the first pass after it."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest

import hearing_docs
from hearing_docs.commands import batch, collection


@pytest.fixture(autouse=True)
def nothing_left_aside() -> Iterator[None]:
    """Each test starts and ends with nothing set aside and the collector on."""
    collection.tidy()
    yield
    collection.tidy()
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


class Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the collector frees it


def test_paused_inside_and_as_before_after() -> None:
    assert gc.isenabled()
    with collection.paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    collection.tidy()
    gc.disable()  # a program that runs without the collector keeps it off
    try:
        with collection.paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()
        collection.tidy()


def leave_a_cycle() -> weakref.ref:
    """A build's leftovers: a reference cycle, among many other objects."""
    with collection.paused():
        cycle = Node()
        left = weakref.ref(cycle)
        del cycle
        kept = [[index] for index in range(5000)]
        assert left() is not None  # no pass while paused
        del kept
    return left


def test_what_a_build_leaves_is_set_aside_from_later_passes() -> None:
    gc.collect()
    left = leave_a_cycle()
    assert gc.get_freeze_count() > 0
    gc.collect()  # an ordinary pass (the command's last moments) walks none of it
    assert left() is not None
    collection.tidy()
    assert left() is None
    assert gc.get_freeze_count() == 0


@pytest.mark.parametrize("freed_by", ["tidy, as watch waits", "the next build"])
def test_the_cycles_of_a_build_are_freed_before_the_next_one(freed_by: str) -> None:
    left = leave_a_cycle()
    if freed_by == "the next build":
        with collection.paused():
            assert left() is None
    else:
        collection.tidy()
        assert left() is None
    collection.tidy()


def test_a_build_of_the_command_line_runs_paused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = []

    def build(*arguments: object, **options: object) -> hearing_docs.Written:
        seen.append(gc.isenabled())
        return hearing_docs.Written([tmp_path / "x.html"])

    monkeypatch.setattr(hearing_docs, "build", build)
    settings = batch.Settings(("html",), (), False, "pdf/ua-1", False, False)
    outcome = batch.build_one(tmp_path / "x.yaml", tmp_path, settings)
    assert outcome.files == [tmp_path / "x.html"]
    assert seen == [False]
    assert gc.isenabled()


def test_a_build_that_fails_leaves_the_collector_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def build(*arguments: object, **options: object) -> hearing_docs.Written:
        assert not gc.isenabled()
        raise hearing_docs.ContentError(hearing_docs.Problem("x.yaml", "bad"))

    monkeypatch.setattr(hearing_docs, "build", build)
    settings = batch.Settings(("html",), (), False, "pdf/ua-1", False, False)
    outcome = batch.build_one(tmp_path / "x.yaml", tmp_path, settings)
    assert outcome.errors == ["x.yaml: bad"]
    assert gc.isenabled()


def test_what_a_program_set_aside_itself_stays_set_aside() -> None:
    kept = [[index] for index in range(1000)]
    gc.freeze()  # the program's own choice, as a server does before it forks
    try:
        before = gc.get_freeze_count()
        left = leave_a_cycle()
        assert gc.get_freeze_count() == before  # nothing of the build's added to it
        collection.tidy()
        assert gc.get_freeze_count() == before  # nor taken out of it
        gc.collect()
        assert left() is None  # the build's cycles went to the ordinary passes
    finally:
        gc.unfreeze()
        del kept
