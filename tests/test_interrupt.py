"""Ctrl+C at any moment: exit status 130, one line on standard error, no temporary
file left, and the previous outputs of the content file either all kept or all
replaced.

Each run starts hearing-docs the way its script does (``console.main``), from a
launcher that says when the interpreter has started and hearing-docs' handler
is in place: the interpreter's own start-up is not hearing-docs' to handle. Then
SIGINT arrives at a random moment within the next second: while the modules
are imported, the content is read, the documents are laid out or written.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hearing_docs.pipeline import build
from support import BASE_CONTENT

pytestmark = pytest.mark.slow  # builds documents or starts programs

BASE = BASE_CONTENT.read_text(encoding="utf-8")
RUNS = 30
WAIT = 120.0

LAUNCHER = """
import os, sys
from hearing_docs import console
console.install_interrupt_handler()
os.write(int(sys.argv[1]), b"r")
os.close(int(sys.argv[1]))
sys.argv = ["hearing-docs", *sys.argv[2:]]
console.main()
"""


def _as_from_a_terminal() -> None:
    """In the child: Ctrl+C at its default, as a terminal's foreground job has it.

    A test run started in the background by a shell (``cmd &`` in a script) ignores
    SIGINT, and so would the program, on purpose (see ``console``)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _outputs(out: Path) -> dict[str, bytes]:
    """The documents in ``out``; the build manifest, written after them by a build
    that finished before the signal, is not one of them."""
    return {
        p.name: p.read_bytes()
        for p in sorted(out.iterdir())
        if not p.name.startswith(".hearing-docs-")
    }


def test_sigint_at_random_moments_is_exit_130_and_one_line(tmp_path: Path) -> None:
    content = tmp_path / "hearing.yaml"
    content.write_text(BASE, encoding="utf-8")
    out = tmp_path / "out"
    build(content, out)
    old = _outputs(out)
    content.write_text(BASE.replace("Excellency,", "Excellencies,"), encoding="utf-8")
    moments = random.Random(15).sample(range(1000), RUNS)  # milliseconds, all different
    finished = 0
    for moment in moments:
        ready, ready_writer = os.pipe()
        process = subprocess.Popen(
            [
                sys.executable,
                "-c",
                LAUNCHER,
                str(ready_writer),
                "build",
                str(content),
                "-o",
                str(out),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            pass_fds=(ready_writer,),
            preexec_fn=_as_from_a_terminal,
        )
        os.close(ready_writer)
        try:
            assert os.read(ready, 1) == b"r", "the launcher did not start"
        finally:
            os.close(ready)
        time.sleep(moment / 1000)
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=WAIT)
        at = f"SIGINT after {moment} ms"
        if process.returncode == 0:  # the build was done before the signal came
            finished += 1
            assert stderr == b"", at
        elif process.returncode == -signal.SIGINT:
            # The signal came as Python was ending, after the build and its lines, when
            # the interpreter has put back the default action: the shell reports 130.
            finished += 1
            assert stderr == b"", at
            assert len(stdout.splitlines()) == 3, at
        else:
            assert (process.returncode, stderr) == (130, b"Error: interrupted\n"), (
                at,
                stderr[-2000:],
            )
        assert list(out.glob(".*.part")) == [], at
        now = _outputs(out)
        assert sorted(now) == sorted(old), at
        new = [name for name in now if now[name] != old[name]]
        assert not new or set(new) == set(now), f"{at}: only {new} were replaced"
        if process.returncode == 130:
            # "wrote" lines come after all the renames, and the signal may cut them short
            assert len(stdout.splitlines()) <= (3 if new else 0), at
        if new:  # start the next run from the old outputs again
            for name, data in old.items():
                (out / name).write_bytes(data)
    assert finished < RUNS, "no run was interrupted: the moments are too late"


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        found.update(int(p) for p in (task / "children").read_text().split())
    return found


def _running(pid: int) -> bool:
    """Whether ``pid`` still runs: an ended worker whose parent has gone is a zombie
    until the system's first process collects it, which on a busy machine takes a while."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def test_sigint_during_a_batch_ends_its_workers_too(tmp_path: Path) -> None:
    """Ctrl+C in the middle of a batch built by several processes: one line, exit 130,
    and no worker left running (holding the terminal) or temporary file left behind."""
    for number in range(4):
        (tmp_path / f"hearing-{number}.yaml").write_text(BASE, encoding="utf-8")
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "hearing_docs", "build", str(tmp_path), "-o", str(out), "-j", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=_as_from_a_terminal,
    )
    deadline = time.monotonic() + WAIT
    while len(workers := _children(process.pid)) < 2:  # the pool is at work
        assert process.poll() is None and time.monotonic() < deadline, "no workers started"
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=WAIT)
    assert (process.returncode, stderr) == (130, b"Error: interrupted\n")
    assert [pid for pid in workers if _running(pid)] == []
    assert not out.exists() or list(out.glob(".*.part")) == []
