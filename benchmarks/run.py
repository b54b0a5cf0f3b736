"""How fast hearing-docs is, measured the way a user meets it: whole processes, cold.

Run on demand from the repository's root (never in the test suite):

    .venv/bin/python benchmarks/run.py [-n RUNS] [--only NAME,...]

Every figure is the median of RUNS (default 5) runs; where two commands are
compared, their runs alternate, so that a change in the machine's load hits
both. CPU is user + system seconds of the process and everything it waited
for (fc-match, ldconfig, worker processes); wall is elapsed seconds. A build
is always a new process; "cold" means a new process, with the user's cache
(font coverage, compiled templates, library lookups) as the first run left it.

- full:   ``build SEED --force`` (PDF, DOCX, HTML) against the bare engines in
          one process: WeasyPrint writing hearing-docs' own HTML with
          pdf_variant="pdf/ua-1", and python-docx building the same paragraphs
          (benchmarks/bare.py).
- docx:   ``build SEED --format docx --force`` against bare python-docx alone.
- batch:  eight copies of the seed in one ``build`` into an empty folder: CPU
          over wall is the number of cores kept busy on average.
- again:  the same eight built again with nothing changed (skipped through the
          manifest), as a share of the first build's CPU.
- watch:  in one warm process, a changed content file rebuilt as ``watch``
          does (PDF, DOCX, HTML), against a warm bare WeasyPrint render of the
          same HTML (benchmarks/warm.py).
- growth: summaries of 10, 50 and 100 pages (the seed's sections repeated)
          built cold: CPU, wall and seconds per page, and the peak memory
          (maximum resident set) of each build and of the seed's.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
SEED = ROOT / "content" / "2016-07-18-refugees-and-migrants.yaml"
PYTHON = sys.executable


def run(command: list[str], cwd: Path | None = None) -> tuple[float, float, int]:
    """CPU seconds, wall seconds and peak resident kilobytes of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    error = process.stderr.read().decode() if process.stderr else ""
    if process.stderr:
        process.stderr.close()
    if process.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{error}")
    return usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss


def median(values: list[float]) -> float:
    return statistics.median(values)


def alternate(
    first: Callable[[], tuple[float, float, int]],
    second: Callable[[], tuple[float, float, int]],
    runs: int,
) -> tuple[list[tuple[float, float, int]], list[tuple[float, float, int]]]:
    first(), second()  # the page cache and the user's cache, as after any first run
    a, b = [], []
    for _ in range(runs):
        a.append(first())
        b.append(second())
    return a, b


def cli(*arguments: str) -> list[str]:
    return [PYTHON, "-m", "hearing_docs", *arguments]


def load() -> str:
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


def describe() -> str:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    model = ""
    with open("/proc/cpuinfo", encoding="utf-8") as info:
        for line in info:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return f"{platform.platform()}, Python {platform.python_version()}, {cores} cores, {model}"


def seed_blocks(work: Path) -> Path:
    """The HTML hearing-docs makes for the seed and its paragraphs, for the bare engines."""
    import hearing_docs

    (page,) = hearing_docs.build(SEED, work / "html", formats=["html"])
    html = page.read_text(encoding="utf-8")
    hearing = hearing_docs.load(SEED)
    letter, summary = hearing.letter, hearing.summary
    blocks = [["p", letter.salutation], *(["p", text] for text in letter.body)]
    blocks += [["p", letter.closing], ["p", letter.signatory.name]]
    blocks += [["p", line] for line in letter.addressees]
    blocks += [["break", ""], ["p", summary.title], *(["p", line] for line in summary.venue)]
    for section in summary.sections:
        blocks.append(["heading", section.heading])
        for paragraph in section.paragraphs:
            # A list's items are its paragraphs; a text paragraph is one.
            items = getattr(paragraph, "bullets", None) or [paragraph]
            blocks += [["p", str(item)] for item in items]
    path = work / "blocks.json"
    data = {"html": html, "base": SEED.parent.as_uri() + "/", "blocks": blocks}
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def line(name: str, ours: list, bare: list | None, what: str) -> dict:
    cpu, wall = median([r[0] for r in ours]), median([r[1] for r in ours])
    result = {"name": name, "cpu": cpu, "wall": wall, "load": load()}
    text = f"{name:<8} {cpu:6.2f} s CPU {wall:6.2f} s wall"
    if bare is not None:
        bare_cpu, bare_wall = median([r[0] for r in bare]), median([r[1] for r in bare])
        result.update(bare_cpu=bare_cpu, bare_wall=bare_wall, ratio=cpu / bare_cpu)
        text += f"   {what} {bare_cpu:5.2f} s CPU {bare_wall:5.2f} s wall:"
        text += f" {cpu / bare_cpu:.2f}x CPU, {wall / bare_wall:.2f}x wall"
    print(f"{text}   (load {result['load']})", flush=True)
    return result


def full_and_docx(work: Path, runs: int, results: list) -> None:
    blocks = seed_blocks(work)
    out = work / "out"
    ours, bare = alternate(
        lambda: run(cli("build", str(SEED), "-o", str(out), "--force")),
        lambda: run([PYTHON, str(HERE / "bare.py"), str(blocks), "pdf,docx", str(work)]),
        runs,
    )
    results.append(line("full", ours, bare, "bare engines"))
    results.append({"name": "seed peak memory", "kb": max(r[2] for r in ours)})
    print(f"seed peak memory {max(r[2] for r in ours) / 1024:.0f} MB (maximum resident set)")
    ours, bare = alternate(
        lambda: run(cli("build", str(SEED), "-o", str(out), "-f", "docx", "--force")),
        lambda: run([PYTHON, str(HERE / "bare.py"), str(blocks), "docx", str(work)]),
        runs,
    )
    results.append(line("docx", ours, bare, "bare python-docx"))


def batch(work: Path, runs: int, results: list) -> None:
    folder = work / "batch"
    shutil.copytree(SEED.parent, folder, ignore=shutil.ignore_patterns("*.yaml", "*.yml"))
    for index in range(8):
        shutil.copy(SEED, folder / f"h{index}.yaml")
    first, again, serial = [], [], []
    for attempt in range(runs):
        # Alternating with the same batch one file at a time (-j 1): on a machine shared
        # with other work, cores busy alone says little; the two side by side say more.
        out = work / f"batch-out-{attempt}"
        first.append(run(cli("build", str(folder), "-o", str(out))))
        again.append(run(cli("build", str(folder), "-o", str(out))))
        serial.append(
            run(cli("build", str(folder), "-o", str(work / f"serial-{attempt}"), "-j", "1"))
        )
    cpu = median([r[0] for r in first])
    wall = median([r[1] for r in first])
    busy = median([r[0] / r[1] for r in first])
    serial_busy = median([r[0] / r[1] for r in serial])
    serial_wall = median([r[1] for r in serial])
    results.append(
        {
            "name": "batch",
            "cpu": cpu,
            "wall": wall,
            "cores_busy": busy,
            "serial_cores_busy": serial_busy,
            "serial_wall": serial_wall,
            "load": load(),
        }
    )
    print(
        f"batch    {cpu:6.2f} s CPU {wall:6.2f} s wall   {busy:.2f} cores busy"
        f"   (-j 1: {serial_busy:.2f} cores busy, {serial_wall:.2f} s wall)   (load {load()})",
        flush=True,
    )
    share = median([a[0] / f[0] for a, f in zip(again, first, strict=True)])
    again_cpu = median([r[0] for r in again])
    results.append({"name": "again", "cpu": again_cpu, "share": share, "load": load()})
    print(f"again    {again_cpu:6.2f} s CPU, {share:.2f} of the first build's   (load {load()})")


def watch(work: Path, runs: int, results: list) -> None:
    done = subprocess.run(
        [PYTHON, str(HERE / "warm.py"), str(SEED), str(work / "watch"), str(runs)],
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(done.stdout)
    ratio = data["rebuild_cpu"] / data["bare_cpu"]
    results.append({"name": "watch", **data, "ratio": ratio, "load": load()})
    print(
        f"watch    {data['rebuild_cpu']:6.2f} s CPU {data['rebuild_wall']:6.2f} s wall"
        f"   warm bare WeasyPrint {data['bare_cpu']:5.2f} s CPU {data['bare_wall']:5.2f} s wall:"
        f" {ratio:.2f}x CPU, {data['rebuild_wall'] / data['bare_wall']:.2f}x wall   (load {load()})"
    )


def summary_of(pages: int) -> str:
    """The seed with its sections repeated in turn, for a document of about ``pages`` pages
    (the seed's 7 sections fill its 8 summary pages)."""
    text = SEED.read_text(encoding="utf-8")
    head, body = text.split("  sections:\n", 1)
    sections = re.split(r"(?m)^(?=    - heading:)", body)[1:]
    wanted = max(1, round((pages - 1) * len(sections) / 8))
    chosen = [sections[index % len(sections)] for index in range(wanted)]
    return head + "  sections:\n" + "".join(chosen)


def growth(work: Path, runs: int, results: list) -> None:
    folder = work / "growth"
    shutil.copytree(SEED.parent / "signatures", folder / "signatures")
    for pages in (10, 50, 100):
        content = folder / f"summary-{pages}.yaml"
        content.write_text(summary_of(pages), encoding="utf-8")
        out = work / "growth-out"
        measured = [run(cli("build", str(content), "-o", str(out), "--force")) for _ in range(runs)]
        info = subprocess.run(
            ["pdfinfo", str(out / f"summary-{pages}.pdf")], capture_output=True, text=True
        ).stdout
        found = re.search(r"Pages:\s+(\d+)", info)
        count = int(found.group(1)) if found else 0
        cpu, wall = median([r[0] for r in measured]), median([r[1] for r in measured])
        peak = max(r[2] for r in measured)
        results.append(
            {
                "name": f"growth {pages}",
                "pages": count,
                "cpu": cpu,
                "wall": wall,
                "peak_kb": peak,
                "load": load(),
            }
        )
        print(
            f"growth   {count:3d} pages {cpu:6.2f} s CPU {wall:6.2f} s wall"
            f"   {cpu / max(count, 1):.3f} s CPU a page   peak {peak / 1024:.0f} MB"
            f"   (load {load()})",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=5, help="runs of each (default 5)")
    parser.add_argument("--only", default="full,batch,watch,growth", help="what to measure")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    arguments = parser.parse_args()
    print(describe())
    results: list[dict] = []
    work = Path(tempfile.mkdtemp(prefix="hearing-docs-bench-"))
    try:
        chosen = arguments.only.split(",")
        if "full" in chosen:
            full_and_docx(work, arguments.n, results)
        if "batch" in chosen:
            batch(work, arguments.n, results)
        if "watch" in chosen:
            watch(work, arguments.n, results)
        if "growth" in chosen:
            growth(work, arguments.n, results)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if arguments.json:
        arguments.json.write_text(json.dumps({"machine": describe(), "results": results}, indent=1))


if __name__ == "__main__":
    main()
