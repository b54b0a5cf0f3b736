"""The user's cache: facts that are slow to find and stay true, kept between runs.

In: a kind of entry (``fonts``, ``templates``, ...) and a key, or JSON data to keep.
Out: the folder for that kind inside the user's cache folder
(``$XDG_CACHE_HOME/hearing-docs``, by default ``~/.cache/hearing-docs``; the
platform's own folder elsewhere), and the entries read back.

Every entry is a fact derived from files that its key names (a font file's
size and modification time, a template's text), so a stale entry is never
read: a changed input has a new key. Entries are written to a temporary file
and renamed into place, so parallel builds never see half of one; an entry
that cannot be read or parsed is treated as missing, and a cache folder that
cannot be written is simply not used. Deleting the folder is always safe.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import platformdirs

APP = "hearing-docs"


def folder(kind: str) -> Path:
    """The cache folder of ``kind`` (not created)."""
    return platformdirs.user_cache_path(APP) / kind


def key(*parts: object) -> str:
    """A file name for an entry that depends on ``parts`` and on nothing else."""
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()[:32]


def entry(kind: str, *parts: object, suffix: str = ".json") -> Path:
    """The entry of ``kind`` for a fact that depends on ``parts`` and on nothing else."""
    return folder(kind) / f"{key(*parts)}{suffix}"


def file_entry(kind: str, file: Path, *parts: object) -> Path:
    """The entry for a fact about ``file`` (and ``parts``), named by the file's resolved path,
    size and modification time: a file that is replaced or edited has a new entry."""
    resolved = file.resolve()
    status = resolved.stat()
    return entry(kind, str(resolved), status.st_size, status.st_mtime_ns, *parts)


def digest(file: Path) -> str:
    """The SHA-256 of ``file``'s bytes, read once per version of the file and then kept:
    a font can be tens of megabytes, and a build that checks whether it is up to date
    asks for the hashes of every font it uses. ``OSError`` when it cannot be read."""
    entry = file_entry("digests", file)
    kept = read_json(entry)
    if isinstance(kept, str):
        return kept
    found = hashlib.sha256()
    with file.open("rb") as stream:
        while chunk := stream.read(1 << 20):
            found.update(chunk)
    write_json(entry, found.hexdigest())
    return found.hexdigest()


def read_json(path: Path) -> Any | None:
    """The data of an entry, or ``None`` when it is missing, unreadable or corrupt."""
    try:
        return json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None


def write_json(path: Path, data: Any) -> None:
    """Keep ``data`` at ``path`` (atomically); a cache that cannot be written is skipped."""
    write_bytes(path, json.dumps(data, separators=(",", ":")).encode("utf-8"))


def read_bytes(path: Path) -> bytes | None:
    """The bytes of an entry, or ``None`` when it is missing or unreadable."""
    try:
        return path.read_bytes()
    except OSError:
        return None


def write_bytes(path: Path, data: bytes) -> None:
    """Keep ``data`` at ``path`` (atomically); a cache that cannot be written is skipped."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(name, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(name)
            raise
