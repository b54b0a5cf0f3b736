"""Images, alone: a file beside the content in, a checked PNG or JPEG out, or why not."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image as PilImage

from hearing_docs import installed
from hearing_docs.templateset import images


def save(folder: Path, name: str, mode: str = "RGB", kind: str = "PNG", size=(40, 20)) -> str:
    buffer = io.BytesIO()
    PilImage.new(mode, size).save(buffer, kind)
    (folder / name).write_bytes(buffer.getvalue())
    return name


def test_a_png_and_a_jpeg_are_read_with_their_size(tmp_path: Path) -> None:
    png = images.load(save(tmp_path, "a.png"), tmp_path)
    assert (png.mime, png.width, png.height, png.aspect) == ("image/png", 40, 20, 0.5)
    assert png.data_url.startswith("data:image/png;base64,iVBOR")
    jpeg = images.load(save(tmp_path, "b.jpg", kind="JPEG"), tmp_path)
    assert (jpeg.mime, jpeg.width) == ("image/jpeg", 40)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda f: "missing.png", "image 'missing.png' not found in"),
        (lambda f: "../outside.png", "'../outside.png' is outside"),
        (lambda f: save(f, "c.gif", "P", "GIF"), "image 'c.gif' is GIF; use PNG or JPEG"),
        (lambda f: save(f, "d.png", "I;16"), "image 'd.png' has I;16 pixels"),
        (lambda f: (f / "e.png").write_bytes(b"not a picture") and "e.png", "'e.png' is not a PNG"),
        (lambda f: (f / "sub").mkdir() or "sub", "'sub' is not a file"),
    ],
)
def test_what_cannot_be_drawn_is_refused_with_the_reason(tmp_path, make, message) -> None:
    relative = make(tmp_path)
    with pytest.raises(images.ImageProblem, match=message.replace("(", r"\(")):
        images.load(relative, tmp_path)


def test_an_image_that_passed_is_not_decoded_again_and_a_damaged_entry_is_not_believed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    name = save(tmp_path, "a.png", size=(60, 30))
    first = images.load(name, tmp_path)
    (entry,) = (tmp_path / "cache" / "hearing-docs" / "images").glob("*.json")
    decoded = []
    monkeypatch.setattr(PilImage, "open", lambda *a, **k: decoded.append(a) or 1 / 0)
    assert images.load(name, tmp_path) == first  # from the cache: Pillow is not asked
    assert decoded == []
    for damage in ('["GIF", 60, 30, 1]', '["PNG", 60, -1, 1]', "[", '"PNG"'):
        entry.write_text(damage, encoding="utf-8")
        with pytest.raises(ZeroDivisionError):  # not believed: decoded again
            images.load(name, tmp_path)
    assert len(decoded) == 4
    monkeypatch.undo()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    (tmp_path / "b.png").write_bytes(b"not a picture")
    for _ in range(2):  # a refused image is refused every time, never kept
        with pytest.raises(images.ImageProblem, match="is not a PNG or JPEG"):
            images.load("b.png", tmp_path)
    assert len(list(entry.parent.glob("*.json"))) == 1


def test_another_pillow_checks_a_kept_image_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    name = save(tmp_path, "a.png")
    images.load(name, tmp_path)
    identity = installed.identity

    def upgraded(package: str) -> list[object] | None:
        found = identity(package)
        return [*found[:2], 0] if package == "PIL" and found else found

    monkeypatch.setattr(installed, "identity", upgraded)
    decoded = []
    monkeypatch.setattr(PilImage, "open", lambda *a, **k: decoded.append(a) or 1 / 0)
    with pytest.raises(ZeroDivisionError):  # not the kept answer: decoded again
        images.load(name, tmp_path)
    assert len(decoded) == 1
