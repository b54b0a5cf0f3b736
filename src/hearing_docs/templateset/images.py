"""Images of a document: a path in, checked image bytes out.

In: an image path from content (relative to the content file) or from a theme
(relative to the template set), and the folder it must stay inside.
Out: an ``Image`` (bytes, MIME type, pixel size) that the HTML template embeds
as a data URL and the Word writer embeds as a picture.

Only PNG and JPEG are accepted, in the pixel modes and with the headers that
both engines read (WeasyPrint and python-docx). Paths that leave their folder
(``..``, absolute paths, symbolic links pointing outside) are refused.
"""

from __future__ import annotations

import base64
import io
import warnings
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
_FORMATS = {"PNG": "image/png", "JPEG": "image/jpeg"}
# Pixel modes WeasyPrint draws (it converts palette and 1-bit images itself); others,
# such as 16-bit grey (I;16), give a PDF without the picture and a warning.
_MODES = {"1", "L", "LA", "P", "PA", "RGB", "RGBA", "CMYK"}


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
    path = (folder / relative).resolve()
    if not path.is_relative_to(folder.resolve()):
        raise ImageProblem(f"'{relative}' is outside {folder}; keep images beside the content")
    if not path.exists():
        raise ImageProblem(f"image '{relative}' not found in {folder}")
    if not path.is_file():  # a folder, a device or a pipe (which would never end)
        raise ImageProblem(f"'{relative}' is not a file; name a PNG or JPEG image")
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_BYTES + 1)
    except OSError as error:
        raise ImageProblem(f"image '{relative}' cannot be read: {error.strerror}") from None
    if len(data) > MAX_BYTES:
        raise ImageProblem(f"image '{relative}' is over {MAX_BYTES // 1048576} MB")
    kind, width, height = _identify(relative, data)
    return Image(data, _FORMATS[kind], width, height)


def _identify(relative: str, data: bytes) -> tuple[str, int, int]:
    """Format and pixel size of image bytes, refusing what is not a sane PNG or JPEG."""
    from PIL import Image as PilImage
    from PIL import UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            # Pillow warns of large images on opening; the pixel limit below is lower.
            warnings.simplefilter("ignore", PilImage.DecompressionBombWarning)
            with PilImage.open(io.BytesIO(data)) as picture:
                kind, (width, height) = picture.format, picture.size
                if kind not in _FORMATS:
                    raise ImageProblem(f"image '{relative}' is {kind}; use PNG or JPEG")
                if width * height > MAX_PIXELS:
                    raise ImageProblem(
                        f"image '{relative}' is {width}x{height} pixels; "
                        f"the limit is {MAX_PIXELS // 1_000_000} megapixels"
                    )
                picture.verify()  # chunk checksums; decoding below finds broken pixel data
            with PilImage.open(io.BytesIO(data)) as picture:
                picture.load()
                mode = picture.mode
    except PilImage.DecompressionBombError:
        raise ImageProblem(f"image '{relative}' is too large to be a sane picture") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ImageProblem(f"'{relative}' is not a PNG or JPEG image") from error
    if mode not in _MODES:
        raise ImageProblem(
            f"image '{relative}' has {mode} pixels, which the PDF cannot draw; "
            "save it as an 8-bit PNG"
        )
    if kind == "JPEG" and data[6:10] not in (b"JFIF", b"Exif"):
        raise ImageProblem(
            f"image '{relative}' is a JPEG without a JFIF or Exif header (as CMYK exports "
            "write), which the Word file cannot hold; save it again as PNG"
        )
    return kind, width, height
