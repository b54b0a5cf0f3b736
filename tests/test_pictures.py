"""Pictures: a phone photo's Exif orientation is applied once, so the PDF, the DOCX and
the HTML all show it upright; a picture of absurd shape is refused (tests/test_bad_input.py
holds those lines)."""

from __future__ import annotations

import base64
import io
import re
from pathlib import Path

import docx
import pikepdf
import pytest
from PIL import Image

from hearing_docs.pipeline import BuildOptions, build
from support import FIXTURES

pytestmark = pytest.mark.slow  # builds documents or starts programs

BASE = (FIXTURES / "bad" / "image-missing.yaml").read_text(encoding="utf-8")
SIDEWAYS = 6  # Exif orientation: turn 90 degrees clockwise to show


def sideways_signature(folder: Path, kind: str) -> Path:
    """A signature stored 120x40 on its side, with Orientation=6: upright it is 40x120,
    its top third red."""
    upright = Image.new("RGB", (40, 120), "white")
    upright.paste((255, 0, 0), (0, 0, 40, 40))
    stored = upright.transpose(Image.Transpose.ROTATE_90)  # what a phone writes
    exif = Image.Exif()
    exif[0x0112] = SIDEWAYS
    (folder / "signatures").mkdir()
    stored.save(folder / "signatures" / f"nobody.{kind}", kind.upper(), exif=exif.tobytes())
    content = folder / "hearing.yaml"
    content.write_text(BASE.replace("nobody.png", f"nobody.{kind}"), encoding="utf-8")
    return content


def assert_upright(data: bytes) -> None:
    with Image.open(io.BytesIO(data)) as picture:
        assert picture.size == (40, 120)
        assert picture.getexif().get(0x0112, 1) == 1
        red, green, _ = picture.convert("RGB").getpixel((20, 10))
        assert red > 200 and green < 60, "the red third is at the top"


@pytest.mark.parametrize("kind", ["jpeg", "png"])
def test_an_exif_orientation_is_applied_in_every_output(tmp_path: Path, kind: str) -> None:
    content = sideways_signature(tmp_path, kind)
    pdf, word, html = build(content, tmp_path / "out", BuildOptions(strict=True))

    page = html.read_text(encoding="utf-8")
    encoded = re.findall(r'src="data:image/[a-z]+;base64,([^"]+)"', page)
    pictures = [base64.b64decode(data) for data in encoded]
    signature = [p for p in pictures if Image.open(io.BytesIO(p)).size in ((40, 120), (120, 40))]
    assert len(signature) == 1
    assert_upright(signature[0])

    document = docx.Document(str(word))
    blobs = [part.blob for part in document.part.package.parts if "image" in part.content_type]
    (drawn,) = [b for b in blobs if Image.open(io.BytesIO(b)).size in ((40, 120), (120, 40))]
    assert_upright(drawn)
    (inline,) = [s for s in document.inline_shapes if s.height > s.width or s.width > s.height]
    assert inline.height == pytest.approx(3 * inline.width, rel=0.01)  # drawn upright, 1:3

    with pikepdf.open(pdf) as opened:
        sizes = {
            (int(x.Width), int(x.Height))
            for page in opened.pages
            for x in page.get_images().values()
        }
    assert (40, 120) in sizes and (120, 40) not in sizes
