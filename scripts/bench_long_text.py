"""How long a build takes as one paragraph grows, and how fast a too-long one is refused.

    .venv/bin/python scripts/bench_long_text.py

Builds a small hearing whose one summary paragraph has N characters (words of
ordinary length), for N up to the limit of model.MAX_TEXT, then one of 200,000
characters (refused), each in a fresh process so that import time is counted as
a user sees it. Prints the wall time and the pages of the PDF.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASE = (ROOT / "tests" / "fixtures" / "base.yaml").read_text(encoding="utf-8")
OLD = "        - The hearing was attended by about 300 representatives."
WORDS = "the hearing was attended by representatives of civil society and academia "


def paragraph(length: int) -> str:
    return (WORDS * (length // len(WORDS) + 1))[: length - 1] + "."


def run(length: int, folder: Path) -> tuple[float, int, str]:
    content = folder / f"p{length}.yaml"
    content.write_text(BASE.replace(OLD, f"        - {paragraph(length)}"), encoding="utf-8")
    command = [sys.executable, "-m", "hearing_docs", "build", str(content), "-o", str(folder)]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    pdf = folder / f"p{length}.pdf"
    pages = 0
    if pdf.exists():
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    return elapsed, pages, done.stderr.strip()


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        print(f"{'characters':>10}  {'seconds':>7}  {'pages':>5}  result")
        for length in (1_000, 5_000, 10_000, 20_000, 200_000):
            elapsed, pages, error = run(length, folder)
            result = error[:90] if error else "built (PDF, DOCX, HTML)"
            print(f"{length:>10,}  {elapsed:>7.2f}  {pages:>5}  {result}")


if __name__ == "__main__":
    main()
