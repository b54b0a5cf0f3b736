"""Benchmark: hearing-docs against the bare engines it drives.

Run on demand (never in the test suite), from the repository root:

    .venv/bin/python scripts/benchmark.py [--repeat N] [CONTENT]

For the seed hearing (or CONTENT) it times, after one warm-up run each:

- pdf:  ``hearing_docs.build`` of the PDF (content, templates, WeasyPrint,
        checks, writing the file) against bare WeasyPrint writing the same
        HTML with default options;
- docx: ``hearing_docs.build`` of the DOCX against bare python-docx adding the
        same paragraphs with style names and saving;
- html: ``hearing_docs.build`` of the HTML (no bare engine: Jinja alone is the
        engine).

It uses the public API only (``hearing_docs.load`` and ``build``).

It reports the median wall time, the ratio to the bare engine, and the peak
Python memory (tracemalloc) of one run of each.
"""

from __future__ import annotations

import argparse
import io
import shutil
import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "content" / "2016-07-18-refugees-and-migrants.yaml"


def measure(run: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median seconds over ``repeat`` runs, and peak MiB of one traced run."""
    run()  # warm-up: imports, font caches
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    run()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return statistics.median(times), peak / 1048576


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", nargs="?", type=Path, default=SEED)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    import docx
    import weasyprint

    import hearing_docs

    out = Path(tempfile.mkdtemp(prefix="hearing-docs-benchmark-"))
    hearing = hearing_docs.load(args.content)
    (html_file,) = hearing_docs.build(args.content, out, ["html"])
    html = html_file.read_text(encoding="utf-8")

    def bare_pdf() -> bytes:
        return weasyprint.HTML(string=html, base_url=str(args.content.parent)).write_pdf()

    def bare_docx() -> bytes:
        document = docx.Document()
        for text in [hearing.letter.salutation, *hearing.letter.body, hearing.letter.closing]:
            document.add_paragraph(text, style="Body Text")
        for section in hearing.summary.sections:
            document.add_paragraph(section.heading, style="Heading 1")
            for paragraph in section.paragraphs:
                if isinstance(paragraph, str):  # not a list of bullets
                    document.add_paragraph(paragraph, style="Body Text")
        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue()

    cases = [
        ("pdf", lambda: hearing_docs.build(args.content, out, ["pdf"]), bare_pdf),
        ("docx", lambda: hearing_docs.build(args.content, out, ["docx"]), bare_docx),
        ("html", lambda: hearing_docs.build(args.content, out, ["html"]), None),
    ]
    print(f"{args.content.name}, median of {args.repeat} runs after one warm-up")
    print(f"{'format':<6} {'hearing-docs':>13} {'bare engine':>12} {'ratio':>6} {'peak MiB':>9}")
    for name, ours, bare in cases:
        ours_time, ours_peak = measure(ours, args.repeat)
        if bare is None:
            print(f"{name:<6} {ours_time:>12.3f}s {'-':>12} {'-':>6} {ours_peak:>9.1f}")
            continue
        bare_time, _ = measure(bare, args.repeat)
        ratio = ours_time / bare_time
        print(f"{name:<6} {ours_time:>12.3f}s {bare_time:>11.3f}s {ratio:>6.2f} {ours_peak:>9.1f}")
    shutil.rmtree(out)


if __name__ == "__main__":
    main()
