"""Reproducible output: the same content gives the same bytes, on any day.

In: the bytes of a rendered document and the moment it carries (the
document's ``Facts.created``, which is where ``SOURCE_DATE_EPOCH`` is read).
Out: a stable PDF identifier, and DOCX zip archives whose entries carry that
moment instead of the clock.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import zipfile


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
