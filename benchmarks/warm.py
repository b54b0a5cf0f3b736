"""A save under ``watch``: one warm process rebuilds a changed content file.

    python benchmarks/warm.py CONTENT WORK_FOLDER RUNS

Copies CONTENT into WORK_FOLDER, builds it once (the process is then warm:
WeasyPrint imported, fonts and templates loaded), then alternates RUNS times
between (a) changing one word of the content and rebuilding it as ``watch``
does (``watch.rebuild``: PDF, DOCX and HTML written, the preview updated) and
(b) a bare WeasyPrint render of the same HTML to a tagged PDF
(pdf_variant="pdf/ua-1"), after one warm-up of its own. Prints the medians, in
CPU and wall seconds, as JSON.
"""

from __future__ import annotations

import json
import shutil
import statistics
import sys
import time
from pathlib import Path


def main() -> None:
    content, work, runs = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    work.mkdir(parents=True, exist_ok=True)
    shutil.copytree(content.parent / "signatures", work / "signatures", dirs_exist_ok=True)
    copy = work / content.name
    text = content.read_text(encoding="utf-8")
    copy.write_text(text, encoding="utf-8")

    import weasyprint

    from hearing_docs.commands import watch

    options = watch.Build()
    out = work / "out"
    preview = watch.Preview()
    reporter = watch.Reporter(serving=print, built=lambda paths: None, failed=print)
    watch.rebuild(copy, out, options, preview, reporter)
    html = (out / f"{copy.stem}.html").read_text(encoding="utf-8")

    def bare() -> None:
        weasyprint.HTML(string=html, base_url=work.as_uri() + "/").write_pdf(pdf_variant="pdf/ua-1")

    def rebuild() -> None:
        watch.rebuild(copy, out, options, preview, reporter)

    bare()
    ours, theirs = [], []
    for attempt in range(runs):
        word = "Excellencies," if attempt % 2 == 0 else "Excellency,"
        copy.write_text(text.replace('"Excellency,"', f'"{word}"', 1), encoding="utf-8")
        for measure, target in (
            (lambda: watch.rebuild(copy, out, options, preview, reporter), ours),
            (bare, theirs),
        ):
            cpu, wall = time.process_time(), time.perf_counter()
            measure()
            target.append((time.process_time() - cpu, time.perf_counter() - wall))
    print(
        json.dumps(
            {
                "rebuild_cpu": statistics.median(r[0] for r in ours),
                "rebuild_wall": statistics.median(r[1] for r in ours),
                "bare_cpu": statistics.median(r[0] for r in theirs),
                "bare_wall": statistics.median(r[1] for r in theirs),
            }
        )
    )


if __name__ == "__main__":
    main()
