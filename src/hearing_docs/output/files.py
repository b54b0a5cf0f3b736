"""Outputs: rendered bytes in, files in the output folder out, all or none.

In: pairs of (target path, bytes), the formats of one content file.
Out: the targets, written. Each file is first written to a temporary file
beside its target and synced; only when every one is written are they renamed
into place, so a build that is interrupted or runs out of disk space leaves
the previous outputs intact and a viewer never opens a half-written file.
SIGINT is held back while they are renamed, so Ctrl+C leaves all or none.
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
import signal
import stat
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from hearing_docs.errors import Problem, RenderError, shown_path

PART_SUFFIX = ".part"


def write(target: Path, data: bytes) -> Path:
    """Write ``data`` to ``target`` through a temporary file renamed into place."""
    return write_all([(target, data)])[0]


def write_all(files: Sequence[tuple[Path, bytes]]) -> list[Path]:
    """Write every file through a temporary file beside it, then rename them all into place.

    Nothing is renamed until every temporary file is written and synced, so a
    full disk or a kill while writing leaves every previous output as it was.
    Temporary files are named ``.NAME.PID.XXXX.part``; those of a process that
    no longer runs (one killed while writing) are removed by the next build.
    """
    staged: list[tuple[Path, Path]] = []
    current: Path | None = None  # the output being written, for the error message
    try:
        for current, data in files:
            current.parent.mkdir(parents=True, exist_ok=True)
            _folders_written.add(current.parent)
            remove_stale_parts(current)
            staged.append((_stage(current, data), current))
        with _sigint_held():  # a Ctrl+C now ends the process after the renames, not between
            for temporary, current in staged:
                os.replace(temporary, current)
    except BaseException as error:
        for temporary, _ in staged:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
        if isinstance(error, OSError):
            where = shown_path(current) if current is not None else "output"
            raise RenderError(Problem(where, f"cannot be written: {error.strerror}")) from None
        raise
    return [target for _, target in staged]


def _stage(target: Path, data: bytes) -> Path:
    handle, name = tempfile.mkstemp(
        prefix=f".{target.name}.{os.getpid()}.", suffix=PART_SUFFIX, dir=target.parent
    )
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _mode_for(target))
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    return temporary


_folders_written: set[Path] = set()
"""Every folder this process has written outputs into, for ``remove_own_parts``."""


def remove_own_parts() -> None:
    """Remove this process's temporary files (on Ctrl+C, from the signal handler)."""
    pattern = f".*.{os.getpid()}.*{PART_SUFFIX}"
    for folder in list(_folders_written):
        for part in folder.glob(pattern):
            with contextlib.suppress(OSError):
                part.unlink()


@contextlib.contextmanager
def _sigint_held() -> Iterator[None]:
    """Hold SIGINT back until the block ends, where the platform and thread allow it."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _mode_for(target: Path) -> int:
    """The permissions of the file ``target`` replaces (a mode its owner chose), or
    what the umask gives a new file (0644 under the usual umask 022)."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        return 0o666 & ~_umask()


def _umask() -> int:
    # os.umask can only be read by setting it, and that would change it for a moment
    # under every other thread: Linux reports it in /proc instead.
    with contextlib.suppress(OSError):
        status = Path("/proc/self/status").read_text(encoding="ascii", errors="replace")
        found = re.search(r"^Umask:\s*([0-7]+)$", status, re.MULTILINE)
        if found:
            return int(found.group(1), 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def remove_stale_parts(target: Path) -> list[Path]:
    """Remove the temporary files of ``target`` left by builds that were killed."""
    removed = []
    for part in target.parent.glob(f".{glob.escape(target.name)}.*{PART_SUFFIX}"):
        pid = part.name[len(target.name) + 2 :].split(".", 1)[0]
        if pid.isdigit() and not _running(int(pid)):
            with contextlib.suppress(FileNotFoundError):
                part.unlink()
            removed.append(part)
    return removed


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True
