"""Which copy of a library is installed: found without importing it, and changed by
any new copy written over it."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from hearing_docs import installed


def test_a_package_is_known_by_its_first_file() -> None:
    import hearing_docs

    found = installed.identity("hearing_docs")
    assert found is not None
    path, size, _ = found
    assert Path(str(path)) == Path(hearing_docs.__file__)
    assert size == Path(hearing_docs.__file__).stat().st_size


def test_a_package_not_installed_is_none() -> None:
    assert installed.identity("no_such_package_anywhere") is None


def test_a_copy_written_over_it_is_another(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "engine_for_test"
    package.mkdir()
    first = package / "__init__.py"
    first.write_text("VERSION = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    before = installed.identity("engine_for_test")
    first.write_text("VERSION = 2\n", encoding="utf-8")  # the same size
    stamp = (before[2] if before else 0) + 1_000_000_000
    os.utime(first, ns=(stamp, stamp))
    after = installed.identity("engine_for_test")
    assert before is not None and after is not None
    assert before != after
    assert "engine_for_test" not in sys.modules  # found, never imported
