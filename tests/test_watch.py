"""hearing-docs watch, run as a real process: it serves the preview on 127.0.0.1,
rebuilds on every save of the content or the theme, and survives a bad save."""

from __future__ import annotations

import html
import queue
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from support import ROOT, seed_copy

pytestmark = pytest.mark.slow

WAIT = 90.0  # seconds: the longest any one step may take before the test fails


class Watcher:
    """A running ``hearing-docs watch`` whose output lines are collected as they come."""

    def __init__(self, args: list[str], cwd: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "hearing_docs", "watch", *args],
            cwd=cwd,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: queue.Queue[tuple[str, str]] = queue.Queue()
        self.readers = [
            threading.Thread(target=self._read, args=(name, stream), daemon=True)
            for name, stream in (("out", self.process.stdout), ("err", self.process.stderr))
        ]
        for reader in self.readers:
            reader.start()

    def _read(self, name: str, stream) -> None:  # type: ignore[no-untyped-def]
        for line in stream:
            self.lines.put((name, line.rstrip("\n")))

    def next_line(self, wanted: Callable[[str, str], bool]) -> str:
        """The next line for which ``wanted(stream, line)`` holds; fail after WAIT seconds."""
        deadline = time.monotonic() + WAIT
        seen = []
        while time.monotonic() < deadline:
            try:
                stream, line = self.lines.get(timeout=0.2)
            except queue.Empty:
                assert self.process.poll() is None, f"watch ended early; it printed {seen}"
                continue
            seen.append((stream, line))
            if wanted(stream, line):
                return line
        pytest.fail(f"waited {WAIT} s; watch printed {seen}")

    def built(self) -> list[str]:
        """The three 'wrote' lines of one build."""
        return [
            self.next_line(lambda s, line: s == "out" and line.startswith("wrote"))
            for _ in range(3)
        ]

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        for reader in self.readers:  # they end at the end of the pipes
            reader.join(timeout=10)
        self.process.stdout.close()
        self.process.stderr.close()


def fetch_bytes(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read()


def fetch(url: str) -> str:
    return fetch_bytes(url).decode("utf-8")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A working folder with the seed hearing and an editable copy of the un-pga set."""
    seed_copy(tmp_path / "content")
    shutil.copytree(ROOT / "templates" / "un-pga", tmp_path / "content" / "templates" / "un-pga")
    return tmp_path


@pytest.fixture
def watcher(folder: Path) -> Iterator[Watcher]:
    running = Watcher(["content/hearing.yaml", "--port", "0", "-o", "out"], folder)
    yield running
    running.stop()


def test_watch_serves_rebuilds_and_keeps_going_after_a_bad_save(
    folder: Path, watcher: Watcher
) -> None:
    first = watcher.next_line(lambda s, line: s == "out")
    match = re.fullmatch(r"preview at (http://127\.0\.0\.1:(\d+)/) \(Ctrl\+C to stop\)", first)
    assert match, first
    url = match.group(1)
    assert int(match.group(2)) > 0
    assert watcher.built() == [
        "wrote out/hearing.pdf",
        "wrote out/hearing.docx",
        "wrote out/hearing.html",
    ]
    page = fetch(url)
    assert '<p class="salutation">Excellency,</p>' in page
    assert 'fetch("/__version"' in page  # the reload script
    assert fetch(url + "__version") == "1"
    assert fetch_bytes(url + "hearing.pdf") == (folder / "out" / "hearing.pdf").read_bytes()

    content = folder / "content" / "hearing.yaml"
    edit(content, 'salutation: "Excellency,"', 'salutation: "Excellencies,"')
    watcher.built()
    assert fetch(url + "__version") == "2"
    assert '<p class="salutation">Excellencies,</p>' in fetch(url)
    assert "Excellencies," in (folder / "out" / "hearing.html").read_text(encoding="utf-8")

    edit(content, '  salutation: "Excellencies,"', ' salutation: "Excellencies,"')
    error = watcher.next_line(lambda s, line: s == "err")
    assert error == (
        "Error: content/hearing.yaml:17:2: YAML syntax error: expected <block end>, "
        "but found '<block mapping start>' (while parsing a block mapping)"
    )
    assert watcher.process.poll() is None
    assert fetch(url + "__version") == "3"
    page = fetch(url)
    assert html.escape(error) in page  # in the alert above the last good page
    assert page.index('<div role="alert"') < page.index(html.escape(error))
    assert '<p class="salutation">Excellencies,</p>' in page

    edit(content, ' salutation: "Excellencies,"', '  salutation: "Excellency,"')
    watcher.built()
    page = fetch(url)
    assert '<div role="alert"' not in page
    assert '<p class="salutation">Excellency,</p>' in page

    # A defaults file made beside the content file rebuilds, and so does each save of it.
    shared = folder / "content" / "hearing-docs.yaml"
    shared.write_text('letter: {salutation: "Sir,"}\n', encoding="utf-8")
    watcher.built()
    assert '<p class="salutation">Excellency,</p>' in fetch(url)  # the content file's wins
    edit(content, '  salutation: "Excellency,"\n', "")
    watcher.built()
    assert '<p class="salutation">Sir,</p>' in fetch(url)
    edit(shared, '"Sir,"', '"Madam,"')
    watcher.built()
    assert '<p class="salutation">Madam,</p>' in fetch(url)

    # A save of the theme rebuilds too.
    theme = folder / "content" / "templates" / "un-pga" / "theme.yaml"
    edit(theme, "GENERAL ASSEMBLY]", "HUMAN RIGHTS COUNCIL]")
    watcher.built()
    assert '<p class="letterhead-line">HUMAN RIGHTS COUNCIL</p>' in fetch(url)


def test_a_taken_port_is_one_error_line(folder: Path, watcher: Watcher) -> None:
    first = watcher.next_line(lambda s, line: s == "out")
    port = re.search(r":(\d+)/", first).group(1)
    done = subprocess.run(
        [sys.executable, "-m", "hearing_docs", "watch", "content/hearing.yaml", "--port", port],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=WAIT,
    )
    assert done.returncode == 1
    assert done.stderr == "Error: cannot watch: Address already in use\n"


@pytest.mark.parametrize("out", ["content", "."])
def test_an_output_folder_holding_the_content_still_rebuilds_on_save(
    folder: Path, out: str
) -> None:
    """Only the documents the watch writes are ignored, not the folder they go to."""
    running = Watcher(["content/hearing.yaml", "--port", "0", "-o", out, "-f", "html"], folder)
    try:
        running.next_line(lambda s, line: s == "out" and line.startswith("preview at"))
        shown = "hearing.html" if out == "." else "content/hearing.html"
        assert running.next_line(lambda s, line: s == "out") == f"wrote {shown}"
        edit(folder / "content" / "hearing.yaml", '"Excellency,"', '"Excellencies,"')
        assert running.next_line(lambda s, line: s == "out") == f"wrote {shown}"
        page = (folder / shown).read_text(encoding="utf-8")
        assert '<p class="salutation">Excellencies,</p>' in page
        # What a build writes beside its documents (the manifest) starts no build of its own.
        time.sleep(3)
        assert [line for _, line in list(running.lines.queue) if line.startswith("wrote")] == []
    finally:
        running.stop()
