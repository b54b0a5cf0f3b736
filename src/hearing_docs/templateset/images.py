"""Images of a document: a path in, checked image bytes out.

In: an image path from content (relative to the content file) or from a theme
(relative to the template set), and the folder it must stay inside.
Out: an ``Image`` (bytes, MIME type, pixel size) that the HTML template embeds
as a data URL and the Word writer embeds as a picture.

Only PNG and JPEG are accepted, in the pixel modes and with the headers that
both engines read (WeasyPrint and python-docx), and of a sane shape (one side
at most 20 times the other). A picture with an Exif orientation (a phone
photo) is turned upright here, once for both engines. Paths that leave their
folder (``..``, absolute paths, symbolic links pointing outside) are refused.
"""

from __future__ import annotations

import base64
import hashlib
import io
import warnings
from dataclasses import dataclass
from pathlib import Path

from hearing_docs import cache as user_cache
from hearing_docs import installed
from hearing_docs.version import __version__

MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_ASPECT = 20
"""The longer side of a picture is at most this many times the shorter: a signature is
about 4 times as wide as high; a 40000x1 picture would be drawn 20,000 inches wide."""
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
    kind, width, height, orientation = _identified(relative, data)
    if orientation != 1:
        data, width, height = _upright(data, kind)
    if max(width, height) > MAX_ASPECT * min(width, height):
        raise ImageProblem(
            f"image '{relative}' is {width}x{height} pixels: one side is more than "
            f"{MAX_ASPECT} times the other, which no signature or emblem is; crop it"
        )
    return Image(data, _FORMATS[kind], width, height)


def _upright(data: bytes, kind: str) -> tuple[bytes, int, int]:
    """The picture turned as its Exif orientation says (a phone photo taken sideways),
    without the tag: WeasyPrint would turn it, python-docx would not, so both get it
    upright. Returns the new bytes and pixel size."""
    from PIL import Image as PilImage
    from PIL import ImageOps

    with PilImage.open(io.BytesIO(data)) as picture:
        turned = ImageOps.exif_transpose(picture)
        out = io.BytesIO()
        extra = {"quality": 95} if kind == "JPEG" else {}
        turned.save(out, kind, **extra)
        return out.getvalue(), turned.width, turned.height


def _identified(relative: str, data: bytes) -> tuple[str, int, int, int]:
    """``_identify``, kept in the user's cache by the bytes' SHA-256 once an image passes:
    checking decodes every pixel (and imports Pillow), the same emblem and signature at
    every build. An image that fails is checked again each time, to say why; another
    version of hearing-docs or of Pillow checks every image again."""
    digest = hashlib.sha256(data).hexdigest()
    entry = user_cache.entry("images", digest, __version__, installed.identity("PIL"))
    kept = user_cache.read_json(entry)
    if (
        isinstance(kept, list)
        and len(kept) == 4
        and kept[0] in _FORMATS
        and all(type(number) is int and number > 0 for number in kept[1:])
    ):
        return kept[0], kept[1], kept[2], kept[3]
    found = _identify(relative, data)
    user_cache.write_json(entry, list(found))
    return found


def _identify(relative: str, data: bytes) -> tuple[str, int, int, int]:
    """Format, pixel size and Exif orientation (1: upright) of image bytes, refusing
    what is not a sane PNG or JPEG."""
    from PIL import ExifTags, UnidentifiedImageError
    from PIL import Image as PilImage

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
                orientation = picture.getexif().get(ExifTags.Base.Orientation, 1)
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
    return kind, width, height, orientation if orientation in range(1, 9) else 1
