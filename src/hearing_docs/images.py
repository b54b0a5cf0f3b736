"""Images of a document: a path in, checked image bytes out.

In: an image path from content (relative to the content file) or from a theme
(relative to the template set), and the folder it must stay inside.
Out: an ``Image`` (bytes, MIME type, pixel size) that the HTML template embeds
as a data URL and the Word writer embeds as a picture.

Only PNG and JPEG are accepted: both engines draw them. Paths that leave their
folder (``..``, absolute paths, symbolic links pointing outside) are refused.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
_FORMATS = {"PNG": "image/png", "JPEG": "image/jpeg"}


class ImageProblem(Exception):
    """Why an image cannot be used; the caller adds the file, line and field."""


@dataclass(frozen=True)
class Image:
    data: bytes
    mime: str
    width: int
    height: int

    @property
    def data_url(self) -> str:
        return f"data:{self.mime};base64,{base64.b64encode(self.data).decode('ascii')}"

    @property
    def aspect(self) -> float:
        """Height divided by width."""
        return self.height / self.width


def load(relative: str, folder: Path) -> Image:
    """Read ``relative`` inside ``folder`` and check that it is a sane PNG or JPEG."""
    from PIL import Image as PilImage
    from PIL import UnidentifiedImageError

    path = (folder / relative).resolve()
    if not path.is_relative_to(folder.resolve()):
        raise ImageProblem(f"'{relative}' is outside {folder}; keep images beside the content")
    if not path.is_file():
        raise ImageProblem(f"image '{relative}' not found in {folder}")
    if path.stat().st_size > MAX_BYTES:
        raise ImageProblem(f"image '{relative}' is over {MAX_BYTES // 1048576} MB")
    data = path.read_bytes()
    try:
        with PilImage.open(io.BytesIO(data)) as picture:
            kind, (width, height) = picture.format, picture.size
            if width * height > MAX_PIXELS:
                raise ImageProblem(
                    f"image '{relative}' is {width}x{height} pixels; the limit is 40 megapixels"
                )
            picture.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ImageProblem(f"'{relative}' is not a PNG or JPEG image") from error
    except PilImage.DecompressionBombError:
        raise ImageProblem(f"image '{relative}' is too large to be a sane picture") from None
    if kind not in _FORMATS:
        raise ImageProblem(f"image '{relative}' is {kind}; use PNG or JPEG")
    return Image(data, _FORMATS[kind], width, height)
