"""Benchmark: hearing-docs against the bare engines it drives.

Run on demand (never in the test suite), from the repository root:

    .venv/bin/python scripts/benchmark.py [--repeat N] [CONTENT]

For the seed hearing (or CONTENT) it times, after one warm-up run each:

- pdf:  hearing-docs' whole PDF path (content, templates, WeasyPrint, checks)
        against bare WeasyPrint writing the same HTML with default options;
- docx: hearing-docs' Word writer against bare python-docx adding the same
        paragraphs with style names and saving;
- html: content to HTML (no bare engine: Jinja alone is the engine).

It reports the median wall time, the ratio to the bare engine, and the peak
Python memory (tracemalloc) of one run of each.
"""

from __future__ import annotations

import argparse
import io
import statistics
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

    from hearing_docs.build import BuildOptions, render_all
    from hearing_docs.content import loading
    from hearing_docs.content.model import BulletList
    from hearing_docs.document import facts
    from hearing_docs.html import page
    from hearing_docs.templateset import assets, sets
    from hearing_docs.word import builder

    hearing, source = loading.load_with_source(args.content)
    template_set = sets.resolve(hearing.template, sets.roots_for(args.content))
    images = assets.load(hearing, source, template_set)
    document_facts = facts.derive(hearing, template_set.catalogue(hearing.language))
    html = page.render(hearing, template_set, images, document_facts)

    def bare_pdf() -> bytes:
        return weasyprint.HTML(string=html, base_url=str(args.content.parent)).write_pdf()

    def bare_docx() -> bytes:
        document = docx.Document()
        for text in [hearing.letter.salutation, *hearing.letter.body, hearing.letter.closing]:
            document.add_paragraph(text, style="Body Text")
        for section in hearing.summary.sections:
            document.add_paragraph(section.heading, style="Heading 1")
            for paragraph in section.paragraphs:
                if not isinstance(paragraph, BulletList):
                    document.add_paragraph(paragraph, style="Body Text")
        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue()

    cases = [
        ("pdf", lambda: render_all(args.content, BuildOptions(formats=["pdf"])), bare_pdf),
        ("docx", lambda: builder.render(hearing, template_set, images, document_facts), bare_docx),
        ("html", lambda: render_all(args.content, BuildOptions(formats=["html"])), None),
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


if __name__ == "__main__":
    main()
