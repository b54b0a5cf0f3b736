"""The garbage collector during a build: paused inside, as it was after, and the
cycles a build leaves freed by the first pass after it."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest

import hearing_docs
from hearing_docs.commands import batch, collection


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


def test_a_rebuild_under_watch_runs_paused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from hearing_docs.commands import watch

    page = tmp_path / "x.html"
    page.write_text("<p>x</p>", encoding="utf-8")
    seen = []

    def build(*arguments: object, **options: object) -> hearing_docs.Written:
        seen.append(gc.isenabled())
        return hearing_docs.Written([page])

    monkeypatch.setattr(hearing_docs, "build", build)
    built = []
    reporter = watch.Reporter(serving=print, built=built.append, failed=print)
    watch.rebuild(
        tmp_path / "x.yaml", tmp_path, watch.Build(("html",), ()), watch.Preview(), reporter
    )
    assert (seen, built) == ([False], [[page]])
    assert gc.isenabled()
