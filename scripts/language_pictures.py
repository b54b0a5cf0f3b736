"""Make the pictures of docs/languages.md: the PDF and LibreOffice's PDF of the DOCX, side by side.

Builds the Arabic and the Chinese example into a temporary folder, converts each
DOCX with headless LibreOffice (in a profile of its own, its processes ended
afterwards), renders the letter's text block of page 1 of both with pdftoppm
(poppler-utils), and puts the two side by side into docs/images/parity-LANG.png.
Run from the repository root after a change to the templates, the faces or the
examples:

    .venv/bin/python scripts/language_pictures.py
"""

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

import hearing_docs

ROOT = Path(__file__).resolve().parents[1]
IMAGES = ROOT / "docs" / "images"
LANGUAGES = ("ar", "zh")
# The letter's salutation and text on page 1, in points from the top left, at 60 dpi.
CROP = ("-r", "60", "-x", "40", "-y", "150", "-W", "420", "-H", "110")


def main() -> int:
    for tool, package in (("pdftoppm", "poppler-utils"), ("soffice", "libreoffice-writer-nogui")):
        if shutil.which(tool) is None:
            print(f"{tool} not found: apt-get install {package}", file=sys.stderr)
            return 1
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for language in LANGUAGES:
            name = f"2016-07-18-refugees-and-migrants.{language}.yaml"
            content = ROOT / "content" / "languages" / name
            pdf, docx = hearing_docs.build(content, work, ["pdf", "docx"], strict=True)
            converted = _libreoffice(Path(docx), work / "libreoffice")
            halves = [_render(Path(source), work / f"{language}-{n}") for n, source in
                      enumerate((pdf, converted))]  # fmt: skip
            picture = Image.new(
                "RGB", (sum(h.width for h in halves) + 10, halves[0].height), "grey"
            )
            picture.paste(halves[0], (0, 0))
            picture.paste(halves[1], (halves[0].width + 10, 0))
            target = IMAGES / f"parity-{language}.png"
            picture.save(target, optimize=True)
            print(f"wrote {target.relative_to(ROOT)}")
    return 0


def _render(pdf: Path, prefix: Path) -> Image.Image:
    subprocess.run(
        ["pdftoppm", "-png", "-f", "1", "-l", "1", *CROP, "-singlefile", str(pdf), str(prefix)],
        check=True,
    )
    with Image.open(prefix.with_suffix(".png")) as image:
        return image.convert("RGB")


def _libreoffice(docx: Path, out: Path) -> Path:
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        process = subprocess.Popen(
            [
                *("soffice", f"-env:UserInstallation=file://{profile}", "--headless"),
                *("--norestore", "--convert-to", "pdf", "--outdir", str(out), str(docx)),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            process.wait(timeout=180)
        finally:
            # LibreOffice leaves helper processes behind: end its whole process group.
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
    return out / f"{docx.stem}.pdf"


if __name__ == "__main__":
    sys.exit(main())
