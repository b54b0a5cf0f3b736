"""The ``hearing-docs`` program: Ctrl+C handling first, then the command line.

In: the process, as the ``hearing-docs`` script or ``python -m hearing_docs``
starts it.
Out: what ``cli.main`` does; or, on SIGINT at any moment (while the modules
are still being imported, while a PDF is laid out, while files are written),
one line on standard error, exit status 130, and no temporary file of this
process left in the output folders.

The handler is installed before anything heavy is imported, and it ends the
process itself (``os._exit``) instead of raising ``KeyboardInterrupt``: an
exception raised at a random point can be caught and lost (in a library's
callback, in an ``except BaseException`` that cleans up and carries on), so the
build would finish as if nothing had happened. Files are renamed into place
with SIGINT held back (see ``output.files``), so an interrupted build leaves
either all or none of a content file's new outputs. The interpreter's own
start-up, before the first line of this module runs, is outside its reach.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys

INTERRUPTED = "Error: interrupted"
STOPPED = "stopped"
_line = INTERRUPTED
_owner = os.getpid()
"""The process that prints the line: a batch's workers are forked from it, and one
interrupted before its own quiet handler is in place must not print it too."""


def install_interrupt_handler() -> None:
    """End the process on SIGINT with one line and exit status 130 (128 + SIGINT)."""
    global _owner
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        return  # started in the background by a shell: Ctrl+C is not meant for us
    _owner = os.getpid()
    signal.signal(signal.SIGINT, _interrupted)


def install_quiet_interrupt_handler() -> None:
    """In a worker process of a batch: on SIGINT, remove this process's temporary files
    and end without a line (the parent prints the one line)."""
    on_interrupt("")
    signal.signal(signal.SIGINT, _interrupted)


def on_interrupt(line: str) -> None:
    """The line to print on SIGINT (``watch`` is stopped, not failed)."""
    global _line
    _line = line


def _interrupted(_signum: int, _frame: object) -> None:
    # Whatever was running, half-imported modules included: nothing here may raise, or
    # the exception would take the place of the exit.
    with contextlib.suppress(BaseException):
        _interrupt_children()
    with contextlib.suppress(BaseException):
        files = sys.modules.get("hearing_docs.output.files")
        remove = getattr(files, "remove_own_parts", None)
        if remove is not None:
            remove()
        sys.stdout.flush()  # the lines of the files already written
    # A terminal has echoed "^C" where the cursor was: the line goes below it.
    prefix = "\n" if os.isatty(2) else ""
    if _line and os.getpid() == _owner:
        with contextlib.suppress(OSError):
            os.write(2, f"{prefix}{_line}\n".encode())
    os._exit(128 + signal.SIGINT)


def _interrupt_children() -> None:
    """Pass SIGINT on to the worker processes of a batch and wait for them, so that
    none is left running, holding the terminal or half a file, after this one ends."""
    processes = sys.modules.get("multiprocessing")
    children = processes.active_children() if processes is not None else []
    pids = {child.pid for child in children} | _child_pids()
    for pid in pids:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGINT)
    for child in children:
        child.join(timeout=10)
    for pid in _child_pids():  # any still there (one forked a moment ago): ended now
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)


def _child_pids() -> set[int]:
    """This process's children as Linux lists them (none elsewhere)."""
    found: set[int] = set()
    with contextlib.suppress(OSError):
        for task in os.listdir("/proc/self/task"):
            with open(f"/proc/self/task/{task}/children", encoding="ascii") as listed:
                found.update(int(pid) for pid in listed.read().split())
    return found


def main() -> None:
    install_interrupt_handler()
    from hearing_docs.cli import main as cli_main  # the heavy imports, now interruptible

    cli_main()
