"""Reproducible output: the same content gives the same bytes, on any day.

In: the date a document carries (the letter's date) and, when set, the
``SOURCE_DATE_EPOCH`` environment variable.
Out: the one moment written into document metadata, a stable PDF identifier,
and DOCX zip archives whose entries carry that moment instead of the clock.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import zipfile


def moment(date: dt.date) -> dt.datetime:
    """The time stamp of a document: SOURCE_DATE_EPOCH when set, else noon UTC of ``date``."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).replace(tzinfo=None)
    return dt.datetime(date.year, date.month, date.day, 12, 0, 0)


def identifier(*parts: bytes | str) -> bytes:
    """A PDF /ID that depends on the content only (32 hex digits)."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8") if isinstance(part, str) else part)
        digest.update(b"\0")
    return digest.hexdigest()[:32].encode("ascii")


def zip_bytes(data: bytes, when: dt.datetime) -> bytes:
    """The zip archive ``data`` again, every entry stamped ``when``, in the same order."""
    stamp = max(when, dt.datetime(1980, 1, 1)).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            target.writestr(info, source.read(entry.filename))
    return out.getvalue()
