"""WeasyPrint's system libraries found from the user's cache: no lookup at a
start once the machine is known, a new lookup when its libraries change."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

# Imports WeasyPrint in a fresh interpreter, optionally with every real library
# lookup failing loudly, and prints the names it had to look up.
PROGRAM = """
import ctypes.util, sys
asked = []
if sys.argv[1] == "no-lookups":
    def refuse(name):
        asked.append(name)
        raise RuntimeError("looked up " + name)
    ctypes.util.find_library = refuse
from hearing_docs.pdf import libraries
weasyprint = libraries.load()
print(weasyprint.__version__)
"""


def start(cache: Path, mode: str, **variables: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), **variables}
    return subprocess.run(
        [sys.executable, "-c", PROGRAM, mode], capture_output=True, text=True, env=env
    )


def entry(cache: Path) -> Path:
    [found] = (cache / "hearing-docs" / "libraries").glob("*.json")
    return found


def test_libraries_are_looked_up_once(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = start(cache, "real")
    assert first.returncode == 0, first.stderr
    answers = json.loads(entry(cache).read_text(encoding="utf-8"))
    assert answers["pango-1.0"] == "libpango-1.0.so.0"
    assert answers["libpango-1.0-0"] is None  # the Windows name, looked up in vain once
    again = start(cache, "no-lookups")
    assert again.returncode == 0, again.stderr
    assert again.stdout == first.stdout


def test_other_search_paths_look_up_again(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert start(cache, "real").returncode == 0
    moved = start(cache, "no-lookups", LD_LIBRARY_PATH=str(tmp_path))
    assert moved.returncode != 0
    assert "looked up" in moved.stderr


@pytest.mark.parametrize("damage", ["", "{", "[1, 2]", '{"pango-1.0": 7}'])
def test_a_damaged_entry_is_looked_up_again(tmp_path: Path, damage: str) -> None:
    cache = tmp_path / "cache"
    assert start(cache, "real").returncode == 0
    entry(cache).write_text(damage, encoding="utf-8")
    assert start(cache, "real").returncode == 0
    answers = json.loads(entry(cache).read_text(encoding="utf-8"))
    assert answers["pango-1.0"] == "libpango-1.0.so.0"
