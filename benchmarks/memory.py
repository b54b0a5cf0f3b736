"""Memory of a long ``watch``: a content file in, the resident memory every 10 saves out.

    python benchmarks/memory.py CONTENT WORK_FOLDER SAVES [--format pdf|docx|html]

Copies CONTENT into WORK_FOLDER and rebuilds it as ``watch`` does
(``watch.rebuild``), SAVES times, with one word of the content changed before
each build so that none is skipped, after five builds that warm the process.
Prints the process's resident memory (VmRSS) at the start and every 10 saves,
and what it gained since the start, in MB. By default PDF, DOCX and HTML are
built, as ``watch`` does; ``--format`` builds that format alone.
"""

from __future__ import annotations

import argparse
import gc
import shutil
from pathlib import Path


def resident_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("content", type=Path)
    parser.add_argument("work", type=Path)
    parser.add_argument("saves", type=int)
    parser.add_argument("--format", choices=("pdf", "docx", "html"))
    args = parser.parse_args()

    from hearing_docs.commands import watch

    args.work.mkdir(parents=True, exist_ok=True)
    signatures = args.content.parent / "signatures"
    if signatures.is_dir():
        shutil.copytree(signatures, args.work / "signatures", dirs_exist_ok=True)
    copy = args.work / args.content.name
    text = args.content.read_text(encoding="utf-8")
    options = watch.Build(formats=(args.format,)) if args.format else watch.Build()
    preview = watch.Preview()
    reporter = watch.Reporter(serving=print, built=lambda paths: None, failed=print)

    def save_and_build(number: int) -> None:
        # A new word every time: a cache keyed by the content's text would show.
        copy.write_text(
            text.replace('"Excellency,"', f'"Excellency {number},"', 1), encoding="utf-8"
        )
        watch.rebuild(copy, args.work / "out", options, preview, reporter)

    for number in range(-5, 0):
        save_and_build(number)
    gc.collect()
    start = resident_mb()
    kind = args.format or "all"
    print(f"{kind} start: {start:.1f} MB")
    for number in range(1, args.saves + 1):
        save_and_build(number)
        if number % 10 == 0:
            now = resident_mb()
            print(f"{kind} {number:4d} saves: {now:.1f} MB (+{now - start:.1f})", flush=True)


if __name__ == "__main__":
    main()
