"""Make the pictures of page 1 and page 2 that the README shows.

Builds the seed hearing's PDF into a temporary folder and renders its first
two pages with pdftoppm (poppler-utils) into docs/images/. Run from the
repository root after a change to the templates or the content:

    .venv/bin/python scripts/readme_pictures.py
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import hearing_docs

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content" / "2016-07-18-refugees-and-migrants.yaml"
IMAGES = ROOT / "docs" / "images"


def main() -> int:
    if shutil.which("pdftoppm") is None:
        print("pdftoppm not found: apt-get install poppler-utils", file=sys.stderr)
        return 1
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        (pdf,) = hearing_docs.build(CONTENT, folder, ["pdf"], strict=True)
        for page in (1, 2):
            prefix = IMAGES / f"page-{page}"
            subprocess.run(
                [
                    *("pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page)),
                    *("-singlefile", str(pdf), str(prefix)),
                ],
                check=True,
            )
            print(f"wrote {prefix.with_suffix('.png').relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
